import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { FIXED_NOW, runTuan, workdir } from '../helpers/run-tuan.js';

const MiB = 1024 * 1024;
/** The 32 MiB threshold, lowered to 1 MiB so the test need not write 33 MiB. */
const LOWER = { TUAN_TEST_STATUS_MIN_BYTES: String(MiB) };

async function onTerminal(args: string[], cwd: string, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { NO_COLOR: '1', ...env },
    cwd,
    stdoutIsTTY: true,
    stderrIsTTY: true,
    stdinIsTTY: false,
    now: () => FIXED_NOW,
  });
  return { code, stdout, stderr };
}

describe('status line while a large database is read (terminal only)', () => {
  it('is shown and cleared for a database at or above the threshold, not for a small one', async () => {
    const cwd = workdir(['segment/small.csv']);
    expect((await runTuan(['import', 'small.csv'], { cwd })).code).toBe(0);
    expect(statSync(join(cwd, 'tuan.db')).size).toBeLessThan(MiB);
    const small = await onTerminal(['stages', '--to', '2026-10-31'], cwd, LOWER);
    expect(small.stderr).toBe('');
    const db = new Database(join(cwd, 'tuan.db'));
    db.exec(`CREATE TABLE padding (x BLOB); INSERT INTO padding VALUES (zeroblob(${2 * MiB}));`);
    db.close();
    expect(statSync(join(cwd, 'tuan.db')).size).toBeGreaterThanOrEqual(MiB);
    const big = await onTerminal(['stages', '--to', '2026-10-31'], cwd, LOWER);
    expect(big.code).toBe(0);
    expect(big.stderr).toBe('正在读取数据库……\r\x1b[K');
    expect(big.stdout).toContain('引入期');
    const piped = await runTuan(['stages', '--to', '2026-10-31'], { cwd, env: LOWER });
    expect(piped.stderr).toBe('');
    // the real threshold (32 MiB) is well above this database
    expect((await onTerminal(['stages', '--to', '2026-10-31'], cwd)).stderr).toBe('');
  });
});
