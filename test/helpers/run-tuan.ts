/**
 * Test helpers: run tuan in-process (`runTuan`) or as the built binary (`runBin`), each case in its
 * own temp dir with fixtures copied in.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const BIN = join(ROOT, 'bin/tuan.js');

/** A fixed instant: 2026-11-01 10:00 China time. Tests never depend on today's date. */
export const FIXED_NOW = Date.UTC(2026, 10, 1, 2, 0, 0);

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fresh temp dir; `files` are paths relative to test/fixtures (or absolute), copied in by base name. */
export function workdir(files: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'tuan-test-'));
  for (const f of files) {
    const src = f.startsWith('/') ? f : join(FIXTURES, f);
    cpSync(src, join(dir, f.split('/').pop()!));
  }
  return dir;
}

export async function runTuan(args: string[], opts: { cwd: string; env?: Record<string, string>; now?: number }): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { NO_COLOR: '1', ...opts.env },
    cwd: opts.cwd,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: false,
    now: () => opts.now ?? FIXED_NOW,
  });
  return { code, stdout, stderr };
}

/** Run the built binary (`npm run build` first; the test suite's global setup does it). */
export function runBin(args: string[], opts: { cwd: string; env?: Record<string, string>; input?: string }): RunResult {
  if (!existsSync(join(ROOT, 'dist/bin.js'))) throw new Error('dist/ missing: run npm run build');
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    input: opts.input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: opts.cwd, NO_COLOR: '1', TZ: 'America/Los_Angeles', ...opts.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
