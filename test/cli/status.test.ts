/** `tuan status`: what the database holds. In-process, one temp dir per case. */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FIXED_NOW, runTuan, workdir } from '../helpers/run-tuan.js';

const F = (name: string) => `orders/${name}`;
const tuan = (dir: string, ...args: string[]) => runTuan(args, { cwd: dir });

describe('tuan status', () => {
  it('a missing database is exit 4, and is not created', async () => {
    const dir = workdir();
    const r = await tuan(dir, '--lang', 'en', 'status');
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(
      `tuan: database ${join(dir, 'tuan.db')} does not exist\nhint: import an export first: tuan import FILE (or pass --db)\n`,
    );
    expect(r.stdout).toBe('');
    const again = await tuan(dir, '--lang', 'en', 'status', '--format', 'json');
    expect(again.code).toBe(4);
  });

  it('a missing --db or TUAN_DB file is exit 4 too', async () => {
    const dir = workdir();
    const r = await tuan(dir, '--lang', 'en', 'status', '--db', 'other.db');
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(
      `tuan: database ${join(dir, 'other.db')} does not exist\nhint: import an export first: tuan import FILE (or pass --db)\n`,
    );
    const env = await runTuan(['--lang', 'en', 'status'], { cwd: dir, env: { TUAN_DB: 'env.db' } });
    expect(env.code).toBe(4);
    expect(env.stderr).toContain(`database ${join(dir, 'env.db')} does not exist`);
  });

  it('an SQLite file that is not a tuan database is exit 4', async () => {
    const dir = workdir();
    const other = new Database(join(dir, 'other.db'));
    other.exec('CREATE TABLE x (a)');
    other.close();
    const r = await tuan(dir, '--lang', 'en', 'status', '--db', 'other.db');
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(`tuan: ${join(dir, 'other.db')} is an SQLite file but not a tuan database\nhint: pass another --db\n`);
  });

  it('a file that is not SQLite at all is exit 4', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'notes.db'), 'hello, this is not a database\n'.repeat(100));
    const r = await tuan(dir, '--lang', 'en', 'status', '--db', 'notes.db');
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^tuan: (cannot open database|.*(is|damaged or) not a tuan database)/);
  });

  it('the JSON has exactly the documented keys, and each import its provenance', async () => {
    const dir = workdir([F('basic.csv')]);
    expect((await tuan(dir, 'import', 'basic.csv')).code).toBe(0);
    const r = await tuan(dir, 'status', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const s = JSON.parse(r.stdout) as Record<string, unknown> & { imports: Record<string, unknown>[] };
    expect(Object.keys(s)).toEqual([
      'lines',
      'orders',
      'members',
      'leaders',
      'rejected',
      'spend_fen',
      'first_order_at',
      'last_order_at',
      'imports',
    ]);
    const sha = createHash('sha256')
      .update(readFileSync(join(dir, 'basic.csv')))
      .digest('hex');
    expect(s.imports).toEqual([
      {
        import_id: 1,
        kind: 'orders',
        file_name: 'basic.csv',
        sha256: sha,
        imported_at: new Date(FIXED_NOW).toISOString(),
        encoding: 'utf8',
        layout: 'orders',
        rows_read: 7,
        inserted: 7,
        updated: 0,
        unchanged: 0,
        rejected: 0,
      },
    ]);
    expect(s).toMatchObject({ lines: 7, orders: 3, members: 4, leaders: 2, rejected: 0, spend_fen: 28110 });
  });

  it('a database with nothing imported yet: zeros and nulls', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'header-only.csv'), '订单号,下单时间,会员ID,实付金额\n');
    expect((await tuan(dir, 'import', 'header-only.csv')).code).toBe(3); // imports nothing, and leaves no database behind
    new Database(join(dir, 'tuan.db')).close();
    expect((await tuan(dir, '--lang', 'en', 'import', 'header-only.csv')).code).toBe(3); // an empty database it did not create is kept
    const r = await tuan(dir, 'status', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      lines: 0,
      orders: 0,
      members: 0,
      leaders: 0,
      rejected: 0,
      spend_fen: 0,
      first_order_at: null,
      last_order_at: null,
      imports: [],
    });
  });

  it('counts rejected rows and lists leaders imports', async () => {
    const dir = workdir([F('missing-member.csv'), F('leaders.csv')]);
    const r = await tuan(dir, 'import', 'missing-member.csv', '--leaders', 'leaders.csv', '--max-reject-rate', '0.5');
    expect(r.code).toBe(0);
    const s = JSON.parse((await tuan(dir, 'status', '--format', 'json')).stdout) as {
      rejected: number;
      leaders: number;
      imports: { kind: string; file_name: string }[];
    };
    expect(s.rejected).toBe(2);
    expect(s.leaders).toBe(4); // L001, L002, L009 from leaders.csv and `-` for the orders without a leader column
    expect(s.imports.map((i) => [i.kind, i.file_name])).toEqual([
      ['leaders', 'leaders.csv'],
      ['orders', 'missing-member.csv'],
    ]);
  });

  it('golden: the table for basic.csv', async () => {
    const dir = workdir([F('basic.csv')]);
    expect((await tuan(dir, 'import', 'basic.csv')).code).toBe(0);
    const r = await tuan(dir, 'status', '--as-of', '2026-11-01', '--no-color');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot('../golden/status/basic.txt');
  });

  it('golden: the table in English', async () => {
    const dir = workdir([F('basic.csv')]);
    expect((await tuan(dir, 'import', 'basic.csv')).code).toBe(0);
    const r = await tuan(dir, 'status', '--as-of', '2026-11-01', '--no-color', '--lang', 'en');
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('../golden/status/basic-en.txt');
  });
});
