/** A one-line progress bar on stderr, only on a terminal, only after the first ~2 seconds. */
/** Where the bar is written (stderr). */
interface Out {
  write(s: string): unknown;
}

export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

export const NO_PROGRESS: Progress = { update() {}, done() {} };

export function makeProgress(out: Out, label: string, now: () => number, delayMs = 2000): Progress {
  const start = now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const t = now();
      if (t - start < delayMs || t - last < 100) return;
      last = t;
      shown = true;
      const frac = total > 0 ? Math.min(1, done / total) : 0;
      const width = 30;
      const filled = Math.round(frac * width);
      out.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}%`);
    },
    done() {
      if (shown) out.write('\r\x1b[K');
    },
  };
}
