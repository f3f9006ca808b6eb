// Preloaded into a measured child: `node --import <file-url-of-this> bin/tuan.js …`.
// On exit it writes the process's peak resident set size in KiB (getrusage ru_maxrss, which counts the
// whole process: main thread, workers, native allocations of better-sqlite3) to the file named by
// TUAN_BENCH_RSS. Without that variable it does nothing.
import { writeFileSync } from 'node:fs';

const target = process.env.TUAN_BENCH_RSS;
if (target) {
  process.on('exit', () => {
    try {
      writeFileSync(target, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      /* the runner reports a missing value */
    }
  });
}
