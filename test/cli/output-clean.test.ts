/**
 * Hostile text from an export never reaches a person's output as it is (#12): no escape sequence, no bidi control,
 * no phone number (unless --unmask), no CSV cell a spreadsheet would run as a formula. The database keeps the raw ids.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runTuan, workdir } from '../helpers/run-tuan.js';

const AS_OF = ['--as-of', '2026-10-31'];
const ESC_ID = '\x1b[31mEVIL\x1b[0m';
const RLO_ID = 'M\u202Egnp.exe';
const PHONE_ID = '13812345678';
const FORMULA_IDS = ['＝1+1', '=HYPERLINK("x")', '＠SUM(A1)', '－2+3'];
const HEAD = '订单号,下单时间,会员ID,会员昵称,手机号,团长ID,商品名称,商品分类,数量,单价,实付金额,退款金额,订单状态';

function exportText(): string {
  const q = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const ids = [ESC_ID, RLO_ID, PHONE_ID, ...FORMULA_IDS, 'M1', 'M2'];
  const rows: string[] = [];
  let n = 0;
  for (const [i, id] of ids.entries()) {
    for (const date of ['2026-08-03', '2026-09-14', '2026-10-20']) {
      n++;
      // a phone in the category cell and one with separators in the product cell
      const category = i === 7 ? '139 8765 4321' : i === 8 ? '水果\u202E' : '粮油';
      const product = i === 8 ? '西瓜 联系+86-137-1111-2222' : '大米';
      rows.push(
        [`A${n}`, `${date} 09:00:00`, id, '张丽', '13900000001', 'L1', product, category, '1', '30.00', '30.00', '0.00', '已完成']
          .map(q)
          .join(','),
      );
    }
  }
  // a leader whose id is a phone (some platforms use the leader's phone)
  rows.push('C1,2026-10-02 09:00:00,M9,赵六,13900000005,137 2222 3333,大米,粮油,1,5.00,5.00,0.00,已完成');
  // rejected rows: a phone-number reason, a shifted row whose name lands in the date column, an ESC in the raw text
  rows.push('B1,13812349999,M3,李四,13900000002,L1,大米,粮油,1,5.00,5.00,0.00,已完成');
  rows.push('B2,老史,2026-10-01 09:00:00,M4,13900000003,L1,大米,粮油,1,5.00,5.00,0.00,已完成,多');
  rows.push(`B3,2026-10-01 09:00:00,M5,王五,13900000004,L1,大米,粮油,1,5.00,x\x1b[2J,0.00,已完成`);
  return `${HEAD}\n${rows.join('\n')}\n`;
}

const PHONE = /(?<!\d)(?:1[3-9]\d[ -]?\d{4}[ -]?\d{4})(?!\d)/;
const FORMULA = /^[\s\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

function expectClean(label: string, out: string): void {
  expect(out, label).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/);
  expect(out, label).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
  expect(out, label).not.toMatch(PHONE);
}

function expectNeutralCsv(label: string, csv: string): void {
  const cells = Papa.parse<string[]>(csv.trim()).data.flat();
  expect(cells.length, label).toBeGreaterThan(0);
  for (const c of cells) if (FORMULA.test(c) && !/^[+-]?\d+(\.\d+)?$/.test(c)) expect.fail(`${label}: formula cell ${JSON.stringify(c)}`);
}

async function hostileDir(): Promise<string> {
  const cwd = workdir(['activity/leaders.csv']);
  writeFileSync(join(cwd, 'hostile.csv'), exportText());
  const r = await runTuan(['import', 'hostile.csv', '--leaders', 'leaders.csv', '--max-reject-rate', '0.5'], { cwd });
  expect(r.code, r.stderr).toBe(0);
  expectClean('import', r.stdout + r.stderr);
  return cwd;
}

describe('hostile ids, categories and products in every output (#12)', () => {
  it('no escape sequence, bidi control or phone number reaches a table, CSV, JSON, plan, kit, script or rejects', async () => {
    const cwd = await hostileDir();
    const runs: string[][] = [
      ...['segment', 'members', 'rejects', 'stages', 'commission', 'leaders', 'kpi'].flatMap((c) =>
        ['table', 'csv', 'json'].map((f) => [c, '--format', f]),
      ),
      ['status'],
      ['status', '--format', 'json'],
      ['kpi', '--per-leader'],
      ['kpi', '--per-leader', '--format', 'json'],
      ['plan', '--leader', 'L1', '--week', '2026-W44'],
      ['plan', '--leader', 'L1', '--week', '2026-W44', '--format', 'json'],
      ['plan', '--leader', 'L1', '--week', '2026-W44', '--format', 'html'],
      ...['growth', 'mature', 'silent'].flatMap((s) => [
        ['kit', s],
        ['kit', s, '--format', 'html'],
        ['script', s, '--stage', s],
      ]),
      ['script', 'growth', '--member', PHONE_ID],
      ['report', '--from', '2026-09-30'],
    ];
    for (const args of runs) {
      const r = await runTuan([...args, ...AS_OF], { cwd });
      const label = args.join(' ');
      expect(r.code, `${label}: ${r.stderr}`).toBe(0);
      expectClean(label, r.stdout + r.stderr);
      if (args.includes('csv')) expectNeutralCsv(label, r.stdout);
      if (args.includes('json')) expect(() => JSON.parse(r.stdout), label).not.toThrow();
    }
    expectClean('report.html', readFileSync(join(cwd, 'report.html'), 'utf8'));
    const calls = await runTuan(['script', 'growth', '--stage', 'growth', '--out', 'calls', ...AS_OF], { cwd });
    expect(calls.code).toBe(0);
    for (const f of readdirSync(join(cwd, 'calls'))) expectClean(f, f + readFileSync(join(cwd, 'calls', f), 'utf8'));
  });

  it('shows the ids visibly, masked, and neutralised; the JSON keeps the raw ids but escapes bidi controls', async () => {
    const cwd = await hostileDir();
    const table = await runTuan(['members', ...AS_OF], { cwd });
    expect(table.stdout).toContain('\uFFFD[31mEVIL\uFFFD[0m');
    expect(table.stdout).toContain('M\uFFFDgnp.exe');
    expect(table.stdout).toContain('138****5678');
    const csv = await runTuan(['members', '--format', 'csv', ...AS_OF], { cwd });
    for (const id of FORMULA_IDS) expect(csv.stdout).toContain(`'${id}`.replace(/"/g, '""'));
    const json = await runTuan(['members', '--format', 'json', ...AS_OF], { cwd });
    expect(json.stdout).toContain('\\u202e');
    const ids = (JSON.parse(json.stdout) as { members: { member_id: string }[] }).members.map((x) => x.member_id);
    expect(ids).toEqual(expect.arrayContaining([ESC_ID, RLO_ID, '138****5678', ...FORMULA_IDS]));
    const rejects = await runTuan(['rejects', '--format', 'csv'], { cwd });
    expect(rejects.stdout).toContain('"unrecognised date ""老*"""');
    expect(rejects.stdout).not.toContain('老史');
    expect(rejects.stdout).toContain('138****9999');
  });

  it('--unmask shows the phones (so the checks above can fail), and the database keeps the raw ids', async () => {
    const cwd = await hostileDir();
    const members = await runTuan(['members', '--format', 'json', '--unmask', ...AS_OF], { cwd });
    expect(members.stdout).toContain(PHONE_ID);
    const plan = await runTuan(['plan', '--leader', 'L1', '--week', '2026-W44', '--unmask', ...AS_OF], { cwd });
    expect(plan.stdout).toContain('139 8765 4321'); // the phone in a category cell reaches the plan
    expect(plan.stdout).toContain(PHONE_ID);
    const rejects = await runTuan(['rejects', '--unmask'], { cwd });
    expect(rejects.stdout).toContain('老史');
    expect(readFileSync(join(cwd, 'hostile.csv'), 'utf8')).toContain(ESC_ID);
  });
});
