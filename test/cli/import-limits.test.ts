/**
 * Amounts no leader's shop has and status words that are JavaScript prototype keys (#12): rejected rows at
 * import, never an exit 70 then or later, and every command that reads the database still answers.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { rows } from '../helpers/db.js';
import { runTuan, workdir } from '../helpers/run-tuan.js';

const HEADER = '订单号,下单时间,会员ID,团长ID,商品名称,商品分类,数量,实付金额,退款金额,订单状态';
const AS_OF = ['--as-of', '2026-10-31'];
/** 40 good lines: 20 members, two orders each, in October 2026. */
const GOOD = Array.from(
  { length: 40 },
  (_, i) => `G${i},2026-10-${String((i % 28) + 1).padStart(2, '0')} 10:00:00,M${i % 20},L1,苹果,水果,1,${(i % 9) + 1}.50,0,已完成`,
);
const db = (dir: string) => join(dir, 'tuan.db');

/** Every command that reads orders answers (exit 0) and none prints a stack trace. */
async function everyCommandAnswers(cwd: string): Promise<void> {
  for (const args of [
    ['status'],
    ['members'],
    ['segment'],
    ['kit', 'intro', '--leader', 'L1'],
    ['plan', '--leader', 'L1'],
    ['report', '--out', 'report.html'],
    ['script', 'churned', '--stage', 'intro'],
    ['commission', '--month', '2026-10'],
    ['kpi'],
  ]) {
    const r = await runTuan(['--lang', 'en', ...args, ...AS_OF], { cwd });
    expect([r.code, args.join(' ')], r.stderr).toEqual([0, args.join(' ')]);
    expect(r.stderr).not.toMatch(/\n\s+at |a bug/);
  }
}

describe('amounts beyond import.max_line_amount_yuan', () => {
  it('90071992547409.91 yuan per line is a rejected row with its reason; every command still answers', async () => {
    const dir = workdir();
    const bad = [
      'B1,2026-10-05 10:00:00,M1,L1,苹果,水果,1,90071992547409.91,0,已完成',
      'B2,2026-10-05 10:00:00,M2,L1,苹果,水果,1,90071992547409.91,0,已完成',
    ];
    writeFileSync(join(dir, 'huge.csv'), [HEADER, ...GOOD, ...bad].join('\n') + '\n');
    const r = await runTuan(['--lang', 'en', 'import', 'huge.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 × amount: amount "…" is beyond the limit of 1000000 yuan per line (import.max_line_amount_yuan)');
    expect(rows(db(dir), 'SELECT line, field, reason FROM rejects ORDER BY line')).toEqual([
      [42, 'amount', 'amount "90071992547409.91" is beyond the limit of 1000000 yuan per line (import.max_line_amount_yuan)'],
      [43, 'amount', 'amount "90071992547409.91" is beyond the limit of 1000000 yuan per line (import.max_line_amount_yuan)'],
    ]);
    expect(rows(db(dir), 'SELECT count(*), max(amount_fen) FROM order_lines')).toEqual([[40, 950]]);
    await everyCommandAnswers(dir);
  });

  it('a huge quantity and a huge refund are rejected too; past --max-reject-rate the file is refused (exit 3)', async () => {
    const dir = workdir();
    const bad = [
      'B1,2026-10-05 10:00:00,M1,L1,苹果,水果,99999999999,1.00,0,已完成',
      'B2,2026-10-05 10:00:00,M2,L1,苹果,水果,-1,-1.00,99999999,已完成',
      'B3,2026-10-05 10:00:00,M3,L1,苹果,水果,1,1000000.01,0,已完成',
    ];
    writeFileSync(join(dir, 'huge.csv'), [HEADER, ...GOOD.slice(0, 10), ...bad].join('\n') + '\n');
    const r = await runTuan(['--lang', 'en', 'import', 'huge.csv'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/3 of 13 rows rejected/);
    expect(r.stderr).toContain('quantity: quantity "…" is beyond the limit of 100000 per line (import.max_line_quantity)');
    expect(r.stderr).toContain('refund_amount: refund "…" is beyond the limit of 1000000 yuan per line');
    const ok = await runTuan(['--lang', 'en', 'import', 'huge.csv', '--max-reject-rate', '0.5'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(rows(db(dir), 'SELECT field FROM rejects ORDER BY line')).toEqual([['quantity'], ['refund_amount'], ['amount']]);
  });

  it("the bound is the configuration's import.max_line_amount_yuan", async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'tuan.config.yaml'), 'import:\n  max_line_amount_yuan: 5\n  max_reject_rate: 1\n');
    writeFileSync(join(dir, 'o.csv'), [HEADER, ...GOOD.slice(0, 9)].join('\n') + '\n'); // amounts 1.50 … 9.50
    expect((await runTuan(['import', 'o.csv'], { cwd: dir })).code).toBe(0);
    expect(rows(db(dir), 'SELECT count(*) FROM order_lines')).toEqual([[4]]);
    expect(rows(db(dir), 'SELECT count(*) FROM rejects')).toEqual([[5]]);
    writeFileSync(join(dir, 'tuan.config.yaml'), 'import:\n  max_line_amount_yuan: 0.5\n');
    const bad = await runTuan(['--lang', 'en', 'config'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('import.max_line_amount_yuan');
  });

  it('a database filled before the bound: a DbError (exit 4) that says what to do, never exit 70', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'o.csv'), [HEADER, ...GOOD].join('\n') + '\n');
    expect((await runTuan(['import', 'o.csv'], { cwd: dir })).code).toBe(0);
    const h = new Database(db(dir));
    h.prepare("UPDATE order_lines SET amount_fen = 9007199254740991 WHERE order_id IN ('G1', 'G2')").run();
    h.close();
    for (const args of [
      ['status'],
      ['members'],
      ['plan', '--leader', 'L1'],
      ['kit', 'growth', '--leader', 'L1'],
      ['report', '--out', 'r.html'],
    ]) {
      const r = await runTuan(['--lang', 'en', ...args, ...AS_OF], { cwd: dir });
      expect([args[0], r.code]).toEqual([args[0], 4]);
      expect(r.stderr).toMatch(/^tuan: a total in the database \(.+\) is beyond exact arithmetic/);
      expect(r.stderr).toContain('import the exports again');
    }
  });
});

describe('status words that are JavaScript prototype keys', () => {
  const words = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

  it('are rejected rows (exit 0 within the reject rate); every command still answers', async () => {
    const dir = workdir();
    const bad = words.map((w, i) => `P${i},2026-10-05 10:00:00,M${i},L1,苹果,水果,1,3.00,0,${w}`);
    writeFileSync(join(dir, 'proto.csv'), [HEADER, ...GOOD, ...GOOD.map((l) => l.replace(/^G/, 'H')), ...bad].join('\n') + '\n');
    const r = await runTuan(['--lang', 'en', 'import', 'proto.csv', '--max-reject-rate', '0.1'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(rows(db(dir), 'SELECT reason FROM rejects ORDER BY line')).toEqual(
      words.map((w) => [`unknown status "${w}" (add it to status_words in the config)`]),
    );
    await everyCommandAnswers(dir);
  });

  it('past the reject rate the file is refused with exit 3, not 70', async () => {
    const dir = workdir();
    const bad = words.map((w, i) => `P${i},2026-10-05 10:00:00,M${i},L1,苹果,水果,1,3.00,0,${w}`);
    writeFileSync(join(dir, 'proto.csv'), [HEADER, ...bad].join('\n') + '\n');
    const r = await runTuan(['--lang', 'en', 'import', 'proto.csv'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('5 × status: unknown status "…"');
  });

  it('a prototype key as a command, a --delimiter or a status_words key is not a bug', async () => {
    const dir = workdir();
    const cmd = await runTuan(['constructor'], { cwd: dir });
    expect(cmd.code).not.toBe(70);
    const delim = await runTuan(['import', 'x.csv', '--delimiter', 'toString'], { cwd: dir });
    expect(delim.code).toBe(2);
    writeFileSync(join(dir, 'tuan.config.yaml'), 'status_words:\n  constructor: completed\n  toString: cancelled\n');
    writeFileSync(
      join(dir, 'o.csv'),
      [
        HEADER,
        'S1,2026-10-05 10:00:00,M1,L1,苹果,水果,1,3.00,0,constructor',
        'S2,2026-10-05 10:00:00,M2,L1,苹果,水果,1,3.00,0,toString',
      ].join('\n') + '\n',
    );
    const r = await runTuan(['import', 'o.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(rows(db(dir), 'SELECT order_id, status FROM order_lines ORDER BY 1')).toEqual([
      ['S1', 'completed'],
      ['S2', 'cancelled'],
    ]);
  });
});
