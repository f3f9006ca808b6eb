/**
 * `tuan log import` of a checklist filled in Excel or WPS and saved as a workbook (issues #11 and #13): the checklist
 * of test/fixtures/activity/ (L1, week 2026-W44: 9 contact rows and M06 in the holdout, test/cli/log-review.test.ts)
 * filled in, written once as CSV and once as .xlsx/.xls by SheetJS with real date and time cells, gives the same log.
 */
import * as XLSX from '@e965/xlsx';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTuan } from '../helpers/run-tuan.js';
import { activityDir, AS_OF } from './activity-helpers.js';

async function ok(cwd: string, args: string[]): Promise<string> {
  const r = await runTuan(args, { cwd });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

const WORDS = ['已发送', 'replied', '拒绝', 'sent', '', 'unreachable', '已回复', 'do_not_disturb', 'sent', ''];

/** The plan's checklist with outcomes filled in (one word per row, in order) and a note on the first row. */
async function filledChecklist(cwd: string): Promise<string[][]> {
  const out = await ok(cwd, ['plan', '--leader', 'L1', '--week', '2026-W44', '--format', 'checklist', ...AS_OF]);
  const [header, ...rows] = out
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(','));
  expect(rows).toHaveLength(10);
  const col = (c: string) => header!.indexOf(c);
  rows.forEach((r, i) => {
    r[col('outcome')] = WORDS[i]!;
    if (i === 0) r[col('note')] = '说下周再买';
  });
  return [header!, ...rows];
}

/** Serial days of a `YYYY-MM-DD` date in Excel's 1900 system (days after 1899-12-30). */
const serial = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000 + 25_569;

/**
 * The checklist as a workbook saved by Excel: a title row above the header, `date` a date cell, `time` a time cell
 * (so both come back as numbers; a welcome task's time `+2h` stays text), every other cell text (a member_id stays text).
 */
function writeChecklistBook(cwd: string, file: string, table: string[][], bookType: XLSX.BookType): void {
  const [header, ...rows] = table;
  const cell = (c: string, v: string): XLSX.CellObject => {
    if (c === 'date') return { t: 'n', v: serial(v), z: 'yyyy/m/d' };
    if (c === 'time' && /^\d\d:\d\d$/.test(v)) {
      const [h, m] = v.split(':').map(Number);
      return { t: 'n', v: (h! * 60 + m!) / 1440, z: 'h:mm' };
    }
    return { t: 's', v: v.replace(/^'/, '') }; // a text cell: the `'` that kept `+2h` from being a formula is not shown
  };
  const ws = XLSX.utils.aoa_to_sheet([
    ['L1 第 44 周执行清单'],
    header!,
    ...rows.map((r) => r.map((v, i) => (v === '' ? null : cell(header![i]!, v)))),
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['说明'], ['填好 outcome 和 note']]), '说明');
  XLSX.utils.book_append_sheet(wb, ws, '清单');
  writeFileSync(join(cwd, file), XLSX.write(wb, { type: 'buffer', bookType, compression: true }));
}

/** The log as `tuan log list` shows it, without what differs between two imports (ids, instants, source file). */
async function logOf(cwd: string): Promise<unknown[]> {
  const rows = JSON.parse(await ok(cwd, ['log', 'list', '--format', 'json', '--unmask'])) as Record<string, unknown>[];
  return rows.map(({ log_id: _id, recorded_at: _at, source: _src, ...r }) => r);
}

describe('tuan log import of a workbook', () => {
  it('an .xlsx saved by Excel (title row, date and time cells) gives the log the CSV gives; again changes nothing', async () => {
    const csvDir = await activityDir();
    const table = await filledChecklist(csvDir);
    writeFileSync(join(csvDir, 'c.csv'), `\uFEFF${table.map((r) => r.join(',')).join('\r\n')}\r\n`);
    expect(await ok(csvDir, ['log', 'import', 'c.csv'])).toBe('c.csv:读取 10 行 → 新增 10,更新 0,未变 0;拒收 0 行\n');
    const expected = await logOf(csvDir);
    expect(expected).toHaveLength(10);
    // WORDS in English, the holdout row (M06, last) left empty
    expect(expected.map((r) => String((r as { outcome: string | null }).outcome)).sort()).toEqual([
      'declined',
      'do_not_disturb',
      'null',
      'null',
      'replied',
      'replied',
      'sent',
      'sent',
      'sent',
      'unreachable',
    ]);

    const xlsxDir = await activityDir();
    writeChecklistBook(xlsxDir, 'c.xlsx', table, 'xlsx');
    // the first visible sheet with a header is 清单 (说明 has none)
    expect(await ok(xlsxDir, ['log', 'import', 'c.xlsx', '--lang', 'en'])).toBe(
      'c.xlsx!清单: 10 rows read → 10 new, 0 updated, 0 unchanged; 0 rejected\n',
    );
    expect(await logOf(xlsxDir)).toEqual(expected);
    expect(await ok(xlsxDir, ['log', 'import', 'c.xlsx', '--sheet', '清单', '--lang', 'en'])).toBe(
      'c.xlsx!清单: 10 rows read → 0 new, 0 updated, 10 unchanged; 0 rejected\n',
    );
    expect(await logOf(xlsxDir)).toEqual(expected);

    const xlsDir = await activityDir();
    writeChecklistBook(xlsDir, 'c.xls', table, 'biff8');
    expect(await ok(xlsDir, ['log', 'import', 'c.xls', '--sheet', '2', '--lang', 'en'])).toMatch(/^c\.xls!清单: 10 rows read → 10 new/);
    expect(await logOf(xlsDir)).toEqual(expected);
  });

  it('a rejected row names its sheet row; --sheet naming no sheet is refused (exit 3)', async () => {
    const cwd = await activityDir();
    const table = await filledChecklist(cwd);
    const outcome = table[0]!.indexOf('outcome');
    table[4]![outcome] = 'maybe'; // the 4th data row: sheet row 6 (title row 1, header row 2)
    writeChecklistBook(cwd, 'bad.xlsx', table, 'xlsx');
    const r = await runTuan(['log', 'import', 'bad.xlsx', '--lang', 'en', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ file: 'bad.xlsx', sheet: '清单', rows: 10, inserted: 9 });
    expect(json.rejected).toEqual([
      { line: 6, field: 'outcome', reason: expect.objectContaining({ en: expect.stringContaining('"maybe"') }) },
    ]);
    const s = await runTuan(['log', 'import', 'bad.xlsx', '--sheet', 'Sheet9', '--lang', 'en'], { cwd });
    expect(s.code).toBe(3);
    expect(s.stderr).toContain('bad.xlsx has no sheet "Sheet9"');
  });
});
