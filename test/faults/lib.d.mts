export function prng(seed: number): () => number;
export function writeExport(path: string, lines: number, prefix?: string, seed?: number): void;
export function inspect(dbPath: string): { integrity: string; checksum: string; counts: Record<string, number> };
export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout?: string;
  stderr: string;
}
export function tuan(args: string[], cwd: string, env?: Record<string, string>): Ran & { stdout: string };
export function start(
  args: string[],
  cwd: string,
  env?: Record<string, string>,
): { child: import('node:child_process').ChildProcess; done: Promise<Ran> };
export interface KillResult {
  killed: boolean;
  exit: number | null;
  integrity: string;
  was: 'before' | 'after' | 'between';
  nextExit: number | null;
  nextIntegrity: string;
  nextIsAfter: boolean;
  ok: boolean;
}
export function killOnce(o: {
  dir: string;
  base: string;
  big: string;
  delayMs: number;
  before: string;
  after: string;
  copy: (from: string, to: string) => void;
}): Promise<KillResult>;
