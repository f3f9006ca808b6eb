/**
 * tuan forget: personal data gone from the database FILE (bytes), totals, stages and commissions unchanged,
 * the deletion recorded without who, --older-than on a hand-computed fixture, no terminal without --yes, unknown ids.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { forgetPrompts } from '../../src/commands/forget.js';
import { DbError, UsageError, forget, forgetPlan, openDb } from '../../src/index.js';
import { query } from '../helpers/db.js';
import { FIXED_NOW, runTuan, workdir } from '../helpers/run-tuan.js';

const HEADER = '订单号,下单时间,会员ID,会员昵称,手机号,团长ID,商品名称,商品分类,数量,实付金额,退款金额,订单状态';

/** Every byte of the database file and of its WAL, if there is one. */
function fileBytes(cwd: string): Buffer {
  const db = join(cwd, 'tuan.db');
  const parts = [readFileSync(db)];
  if (existsSync(`${db}-wal`)) parts.push(readFileSync(`${db}-wal`));
  return Buffer.concat(parts);
}

const holds = (bytes: Buffer, s: string) => bytes.includes(Buffer.from(s, 'utf8'));

async function ok(cwd: string, args: string[]): Promise<string> {
  const r = await runTuan(args, { cwd });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** The commission fixture, and two rejected rows: one of S1 (李静), one of nobody forgotten. */
async function commissionFixture(): Promise<string> {
  const cwd = workdir(['commission/orders.csv', 'commission/leaders.csv']);
  await ok(cwd, ['import', 'orders.csv', '--leaders', 'leaders.csv']);
  writeFileSync(
    join(cwd, 'bad.csv'),
    [
      HEADER,
      'O-X-1,2026-09-21 09:00:00,S1,李静,139 0000 0001,A02,水果,水果,1,abc,0.00,已完成',
      'O-X-2,2026-09-22 09:00:00,P9,周末,13500000009,A02,水果,水果,1,xyz,0.00,已完成',
      '',
    ].join('\n'),
  );
  await ok(cwd, ['import', 'bad.csv', '--max-reject-rate', '1']);
  return cwd;
}

const AS_OF = ['--as-of', '2026-10-31'];

describe('tuan forget MEMBER_ID', () => {
  it('leaves no byte of the names and phones in the file, and keeps totals, stages and commissions', async () => {
    const cwd = await commissionFixture();
    const before = {
      status: JSON.parse(await ok(cwd, ['status', '--format', 'json'])),
      stages: await ok(cwd, ['stages', ...AS_OF, '--format', 'json']),
      sep: JSON.parse(await ok(cwd, ['commission', '--month', '2026-09', '--format', 'json', ...AS_OF])),
      oct: JSON.parse(await ok(cwd, ['commission', '--month', '2026-10', '--format', 'json', ...AS_OF])),
    };
    let bytes = fileBytes(cwd);
    for (const s of ['李静', '13900000001', '王新', '13700000001']) expect(holds(bytes, s)).toBe(true); // sanity: there before

    const out = await ok(cwd, ['forget', 'S1', 'N1', '--yes', '--format', 'json']);
    const r = JSON.parse(out);
    expect(r).toMatchObject({ criterion: 'ids', members: 2, order_lines: 6, rejects: 1, deletion_id: 1 });
    expect(out).not.toMatch(/李静|王新|1390|1370|"S1"|"N1"/);

    bytes = fileBytes(cwd);
    for (const s of ['李静', '13900000001', '139 0000 0001', '王新', '13700000001']) expect(holds(bytes, s), s).toBe(false);
    expect(holds(bytes, '周末')).toBe(true); // the other rejected row keeps its raw text
    expect(query(cwd + '/tuan.db', `SELECT count(*) AS n FROM order_lines WHERE member_id IN ('S1', 'N1')`)).toEqual([{ n: 0 }]);
    const pseudo = query<{ member_id: string; n: number }>(
      cwd + '/tuan.db',
      `SELECT member_id, count(*) AS n FROM order_lines WHERE member_id LIKE 'forgotten-%' AND member_name = '' AND phone = '' GROUP BY 1 ORDER BY 2`,
    );
    expect(pseudo.map((p) => p.n)).toEqual([3, 3]);
    for (const p of pseudo) expect(p.member_id).toMatch(/^forgotten-[0-9a-f]{10}$/);

    expect(JSON.parse(await ok(cwd, ['status', '--format', 'json']))).toMatchObject({
      spend_fen: before.status.spend_fen,
      members: before.status.members,
      lines: before.status.lines,
      orders: before.status.orders,
      rejected: before.status.rejected,
    });
    expect(await ok(cwd, ['stages', ...AS_OF, '--format', 'json'])).toBe(before.stages);
    const total = (j: { leaders: { leader_id: string; total_fen: number }[] }) => j.leaders.map((l) => [l.leader_id, l.total_fen]);
    const sep = JSON.parse(await ok(cwd, ['commission', '--month', '2026-09', '--format', 'json', ...AS_OF]));
    expect(total(sep)).toEqual(total(before.sep));
    expect(total(JSON.parse(await ok(cwd, ['commission', '--month', '2026-10', '--format', 'json', ...AS_OF])))).toEqual(total(before.oct));
    expect(total(sep)).toEqual([
      ['A01', 7_975],
      ['A02', 11_273],
      ['A03', 0],
    ]); // test/fixtures/commission/README.md

    // the record: when, the criterion and the counts, never who
    const rec = query(cwd + '/tuan.db', 'SELECT * FROM deletions');
    expect(rec).toEqual([
      { deletion_id: 1, deleted_at: '2026-11-01T10:00:00+08:00', criterion: 'ids', members: 2, order_lines: 6, rejects: 1, contact_log: 0 },
    ]);
  });

  it('says how many in text, without names or ids', async () => {
    const cwd = await commissionFixture();
    const r = await runTuan(['forget', 'S1', '--yes', '--lang', 'en'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Forgot 1 member(s): 3 order lines now carry a pseudonym and no name or phone, 1 rejected rows lost their raw text',
    );
    expect(r.stdout).not.toMatch(/S1|李静/);
  });

  it('a database in WAL mode, with another connection open: nothing left in the WAL either', async () => {
    const cwd = await commissionFixture();
    const other = new Database(join(cwd, 'tuan.db'));
    try {
      other.pragma('journal_mode = WAL');
      other.prepare('SELECT count(*) FROM order_lines').get();
      await ok(cwd, ['forget', 'S1', 'N1', '--yes']);
      expect(existsSync(join(cwd, 'tuan.db-wal'))).toBe(true);
      const bytes = fileBytes(cwd);
      for (const s of ['李静', '13900000001', '王新', '13700000001']) expect(holds(bytes, s), s).toBe(false);
    } finally {
      other.close();
    }
  });

  it('without --yes and without a terminal: exit 2, saying to pass --yes, nothing changed', async () => {
    const cwd = await commissionFixture();
    const before = readFileSync(join(cwd, 'tuan.db'));
    const r = await runTuan(['forget', 'S1', '--lang', 'en'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
    expect(r.stdout).toBe('');
    expect(readFileSync(join(cwd, 'tuan.db')).equals(before)).toBe(true);
  });

  it('unknown member ids: exit 2 listing them, nothing changed', async () => {
    const cwd = await commissionFixture();
    const before = readFileSync(join(cwd, 'tuan.db'));
    const r = await runTuan(['forget', 'S1', 'NOPE', 'ALSO-NOT', '--yes', '--lang', 'en'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such members: NOPE, ALSO-NOT; nothing changed');
    expect(readFileSync(join(cwd, 'tuan.db')).equals(before)).toBe(true);
    expect(query(cwd + '/tuan.db', `SELECT count(*) AS n FROM order_lines WHERE member_id = 'S1'`)).toEqual([{ n: 3 }]);
  });

  it('the library: forget(path) and forgetPlan; a database that cannot be written is a DbError (exit 4), nothing changed', async () => {
    const cwd = await commissionFixture();
    const file = join(cwd, 'tuan.db');
    expect(forgetPlan(file, { ids: ['S1'] })).toEqual({
      criterion: 'ids',
      cutoff: null,
      members: 1,
      order_lines: 3,
      rejects: 1,
      contact_log: 0,
    });
    const ro = openDb(file, { readonly: true });
    try {
      expect(() => forget(ro, { ids: ['S1'] })).toThrow(DbError);
    } finally {
      ro.close();
    }
    expect(query(file, `SELECT count(*) AS n FROM order_lines WHERE member_id = 'S1'`)).toEqual([{ n: 3 }]);
    expect(forget(file, { ids: ['S1'], now: '2026-11-02T09:00:00+08:00' })).toMatchObject({
      members: 1,
      deletion_id: 1,
      deleted_at: '2026-11-02T09:00:00+08:00',
    });
    expect(() => forget(file, { ids: ['S1'] })).toThrow(UsageError); // gone
  });

  describe('on a terminal', () => {
    const saved = forgetPrompts.confirm;
    afterEach(() => {
      forgetPrompts.confirm = saved;
    });

    async function tty(cwd: string, answer: boolean): Promise<{ code: number; stdout: string; stderr: string; asked: string[] }> {
      const asked: string[] = [];
      forgetPrompts.confirm = async (_ctx, plan) => {
        asked.push(`${plan.members}/${plan.order_lines}/${plan.rejects}`);
        return answer;
      };
      let stdout = '';
      let stderr = '';
      const code = await main(['forget', 'S1', '--lang', 'en'], {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s) },
        env: { NO_COLOR: '1' },
        cwd,
        stdoutIsTTY: true,
        stderrIsTTY: true,
        stdinIsTTY: true,
        now: () => FIXED_NOW,
      });
      return { code, stdout, stderr, asked };
    }

    it('asks with the counts; no keeps everything', async () => {
      const cwd = await commissionFixture();
      const r = await tty(cwd, false);
      expect(r.asked).toEqual(['1/3/1']);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('Cancelled; nothing changed.');
      expect(query(cwd + '/tuan.db', `SELECT count(*) AS n FROM order_lines WHERE member_id = 'S1'`)).toEqual([{ n: 3 }]);
    });

    it('yes forgets', async () => {
      const cwd = await commissionFixture();
      const r = await tty(cwd, true);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Forgot 1 member(s)');
      expect(holds(fileBytes(cwd), '李静')).toBe(false);
    });
  });
});

/**
 * --older-than, as of 2026-11-01 (FIXED_NOW). Last order line of each member:
 *   wx_alpha_7781  2025-04-30            18m → cutoff 2025-05-01: forgotten; 3y → cutoff 2023-11-01: kept
 *   wx_beta_5523   2025-05-01            on the cutoff day: kept by both
 *   wx_gamma_9034  2024-01-01, 2026-10-01 kept
 *   wx_delta_1267  2023-06-01 (cancelled) forgotten by both (any status counts as an order line)
 *   wx_eps_4410    2024-01-01, 2026-12-01 (after --as-of) kept: it has a newer order
 */
const AGES = [
  HEADER,
  'A-1,2025-04-30 10:00:00,wx_alpha_7781,欧阳娜娜,15912345678,A01,米,粮油,1,10.00,0.00,已完成',
  'B-1,2025-05-01 10:00:00,wx_beta_5523,钱多多,15800000000,A01,米,粮油,1,20.00,0.00,已完成',
  'G-1,2024-01-01 10:00:00,wx_gamma_9034,孙悟,15700000000,A01,米,粮油,1,30.00,0.00,已完成',
  'G-2,2026-10-01 10:00:00,wx_gamma_9034,孙悟,15700000000,A01,米,粮油,1,40.00,0.00,已完成',
  'D-1,2023-06-01 10:00:00,wx_delta_1267,司马懿然,15600000000,A01,米,粮油,1,50.00,0.00,已取消',
  'E-1,2024-01-01 10:00:00,wx_eps_4410,诸葛琳,15500000000,A01,米,粮油,1,60.00,0.00,已完成',
  'E-2,2026-12-01 10:00:00,wx_eps_4410,诸葛琳,15500000000,A01,米,粮油,1,70.00,0.00,已完成',
  'X-1,2025-04-30 10:00:00,wx_alpha_7781,欧阳娜娜,15912345678,A01,米,粮油,1,bad,0.00,已完成',
  '',
].join('\n');

async function agesFixture(): Promise<string> {
  const cwd = workdir();
  writeFileSync(join(cwd, 'ages.csv'), AGES);
  await ok(cwd, ['import', 'ages.csv', '--max-reject-rate', '1']);
  return cwd;
}

const ids = (cwd: string) =>
  query<{ member_id: string }>(cwd + '/tuan.db', 'SELECT DISTINCT member_id FROM order_lines ORDER BY 1').map((r) => r.member_id);

describe('tuan forget --older-than', () => {
  it('18m: exactly the members whose last order line is before 2025-05-01', async () => {
    const cwd = await agesFixture();
    const r = JSON.parse(await ok(cwd, ['forget', '--older-than', '18m', '--yes', '--format', 'json']));
    expect(r).toMatchObject({
      criterion: 'older-than 18m (before 2025-05-01)',
      cutoff: '2025-05-01',
      members: 2,
      order_lines: 2,
      rejects: 1,
    });
    const left = ids(cwd);
    expect(left.filter((id) => id.startsWith('wx_'))).toEqual(['wx_beta_5523', 'wx_eps_4410', 'wx_gamma_9034']);
    expect(left.filter((id) => id.startsWith('forgotten-'))).toHaveLength(2);
    const bytes = fileBytes(cwd);
    for (const s of ['wx_alpha_7781', '欧阳娜娜', '15912345678', 'wx_delta_1267', '司马懿然', '15600000000'])
      expect(holds(bytes, s), s).toBe(false);
    for (const s of ['钱多多', '孙悟', '诸葛琳']) expect(holds(bytes, s), s).toBe(true);

    // forgotten members are not forgotten again
    const again = JSON.parse(await ok(cwd, ['forget', '--older-than', '18m', '--yes', '--format', 'json']));
    expect(again).toMatchObject({ members: 0, deletion_id: null });
    expect(query(cwd + '/tuan.db', 'SELECT count(*) AS n FROM deletions')).toEqual([{ n: 1 }]);
  });

  it('3y: only the member without any order line since 2023-11-01', async () => {
    const cwd = await agesFixture();
    const r = JSON.parse(await ok(cwd, ['forget', '--older-than', '3y', '--yes', '--format', 'json']));
    expect(r).toMatchObject({ cutoff: '2023-11-01', members: 1, order_lines: 1, rejects: 0 });
    expect(ids(cwd).filter((id) => id.startsWith('wx_'))).toEqual(['wx_alpha_7781', 'wx_beta_5523', 'wx_eps_4410', 'wx_gamma_9034']);
  });

  it('400d with --as-of, and bad ages or both kinds of target are usage errors', async () => {
    const cwd = await agesFixture();
    // 2026-06-05 - 400 days = 2025-05-01
    const r = JSON.parse(await ok(cwd, ['forget', '--older-than', '400d', '--as-of', '2026-06-05', '--yes', '--format', 'json']));
    expect(r).toMatchObject({ cutoff: '2025-05-01', members: 2 });
    for (const args of [['--older-than', '3w'], ['--older-than', '0y'], ['wx_beta_5523', '--older-than', '3y'], []]) {
      const bad = await runTuan(['forget', ...args, '--yes'], { cwd });
      expect(bad.code, args.join(' ')).toBe(2);
    }
  });
});
