import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { FIXED_NOW, runTuan, workdir } from '../helpers/run-tuan.js';

async function onTerminal(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) },
    env: { NO_COLOR: '1' }, cwd, stdoutIsTTY: true, stderrIsTTY: true, stdinIsTTY: false, now: () => FIXED_NOW,
  });
  return { code, stdout, stderr };
}

describe('status line while a large database is read (terminal only)', () => {
  it('is shown and cleared for a database of 32 MiB or more, not for a small one', async () => {
    const cwd = workdir(['segment/small.csv']);
    expect((await runTuan(['import', 'small.csv'], { cwd })).code).toBe(0);
    const small = await onTerminal(['stages', '--to', '2026-10-31'], cwd);
    expect(small.stderr).toBe('');
    const db = new Database(join(cwd, 'tuan.db'));
    db.exec('CREATE TABLE padding (x BLOB); INSERT INTO padding VALUES (zeroblob(33 * 1024 * 1024));');
    db.close();
    const big = await onTerminal(['stages', '--to', '2026-10-31'], cwd);
    expect(big.code).toBe(0);
    expect(big.stderr).toBe('正在读取数据库……\r\x1b[K');
    expect(big.stdout).toContain('引入期');
    const piped = await runTuan(['stages', '--to', '2026-10-31'], { cwd });
    expect(piped.stderr).toBe('');
  });
});
