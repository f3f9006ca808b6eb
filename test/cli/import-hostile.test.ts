/**
 * Imports of broken files (#12): what happens to every line is said, and nothing is lost with exit 0.
 * Files are written by the test, small, each proving one rule.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rows } from '../helpers/db.js';
import { runTuan, workdir } from '../helpers/run-tuan.js';

const HEADER = '订单号,下单时间,会员ID,团长ID,实付金额';
const line = (i: number) => `O${i},2026-10-01 10:00:00,M${i % 97},L1,${(i % 50) + 1}.50`;
const db = (dir: string) => join(dir, 'tuan.db');

async function importJson(dir: string, file: string) {
  const r = await runTuan(['import', file, '--format', 'json'], { cwd: dir });
  return { r, s: r.code === 0 ? (JSON.parse(r.stdout) as { orders: { rowsRead: number; rejected: number; linesAccepted: number }[] }).orders[0]! : null };
}

describe('CSV syntax that used to lose lines', () => {
  it('one stray quote on line 3 of a 5,000-line export rejects line 3 only; every other line is imported', async () => {
    const dir = workdir();
    const lines = Array.from({ length: 5000 }, (_, i) => line(i + 1));
    lines[1] = 'O2,2026-10-01 10:00:00,"M2,L1,3.50'; // file line 3
    writeFileSync(join(dir, 'stray.csv'), [HEADER, ...lines].join('\n') + '\n');
    const { r, s } = await importJson(dir, 'stray.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(s).toMatchObject({ rejected: 1, linesAccepted: 4999 });
    expect(rows(db(dir), 'SELECT line, field FROM rejects')).toEqual([[3, '(csv)']]);
    expect(rows(db(dir), 'SELECT count(*) FROM order_lines')).toEqual([[4999]]);
  });

  it('a CRLF header followed by LF rows reads every row', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'mixed.csv'), `${HEADER}\r\n${Array.from({ length: 40 }, (_, i) => line(i + 1)).join('\n')}\n`);
    const { r, s } = await importJson(dir, 'mixed.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(s).toMatchObject({ rowsRead: 40, rejected: 0, linesAccepted: 40 });
  });

  it('a 3 MB line and a 100 KiB cell are rejected with their line numbers, the rest imported', async () => {
    const dir = workdir();
    const lines = Array.from({ length: 20 }, (_, i) => line(i + 1));
    lines[4] = `O5,2026-10-01 10:00:00,M5,L1,${'9'.repeat(3_000_000)}`; // file line 6
    lines[9] = `O10,2026-10-01 10:00:00,"${'长'.repeat(100 * 1024)}",L1,1.00`; // file line 11
    writeFileSync(join(dir, 'long.csv'), [HEADER, ...lines].join('\n') + '\n');
    const r = await runTuan(['import', 'long.csv', '--max-reject-rate', '0.2', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(rows(db(dir), 'SELECT line, reason FROM rejects ORDER BY line')).toEqual([
      [6, 'a line longer than 1 MiB (skipped)'],
      [11, 'a cell longer than 64 KiB'],
    ]);
    expect(rows(db(dir), 'SELECT count(*) FROM order_lines')).toEqual([[18]]);
    expect((rows(db(dir), 'SELECT max(length(raw)) FROM rejects')[0]![0] as number)).toBeLessThan(2100);
  });
});
