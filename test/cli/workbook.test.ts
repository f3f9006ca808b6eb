/**
 * Excel workbooks (issue #11): `tuan import` / `segment` read .xlsx, .xlsm and .xls through the CSV row
 * path. Workbooks are written in each test by a library (SheetJS, @e965/xlsx), never as hand-made XML;
 * test/fixtures/workbooks/ holds a few files saved by LibreOffice Calc (see the README there).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { zipSync } from 'fflate';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import type { ImportSummary } from '../../src/adapters/import-orders.js';
import { findExports } from '../../src/adapters/init-sample.js';
import { fileQuestion } from '../../src/commands/init-prompts.js';
import { query, rows } from '../helpers/db.js';
import { FIXTURES, ROOT, runBin, runTuan, workdir } from '../helpers/run-tuan.js';

const tuan = (dir: string, ...args: string[]) => runTuan(['--lang', 'en', ...args], { cwd: dir });
const db = (dir: string) => join(dir, 'tuan.db');

type Cell = string | number | boolean | null | XLSX.CellObject;
interface SheetSpec {
  name: string;
  rows: Cell[][];
  hidden?: boolean;
  merges?: string[];
}

/** Write a workbook with SheetJS. */
function writeBook(
  dir: string,
  file: string,
  sheets: SheetSpec[],
  o: { bookType?: XLSX.BookType; date1904?: boolean; bookSST?: boolean } = {},
): string {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows);
    if (s.merges) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  wb.Workbook = {
    Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })),
    WBProps: { date1904: o.date1904 ?? false },
  };
  const buf = XLSX.write(wb, { type: 'buffer', bookType: o.bookType ?? 'xlsx', bookSST: o.bookSST ?? true, compression: true });
  writeFileSync(join(dir, file), buf);
  return file;
}

/** A number cell with a number format. */
const num = (v: number, z: string): XLSX.CellObject => ({ t: 'n', v, z });
/** 2026-10-31 is serial 46326 in the 1900 system (days after 1899-12-30); 20:15 is 0.84375 of a day. */
const OCT31 = 46326;

/** The platform export's header (data/sample-orders.csv): 订单号,下单时间,会员ID,会员昵称,手机号,团长ID,商品名称,… */
const HEADER = readFileSync(join(ROOT, 'data/sample-orders.csv'), 'utf8')
  .replace(/^\uFEFF/, '')
  .split('\r\n')[0]!
  .split(',');
const row = (id: string, at: Cell, amount: Cell, extra: Partial<Record<number, Cell>> = {}): Cell[] => {
  const r: Cell[] = [id, at, 'M001', '周阳', '13812345678', 'L001', '苹果', '水果', 1, amount, amount, 0, '已完成'];
  for (const [i, v] of Object.entries(extra)) r[Number(i)] = v as Cell;
  return r;
};

async function importJson(dir: string, ...args: string[]): Promise<ImportSummary> {
  const r = await tuan(dir, 'import', ...args, '--format', 'json');
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { orders: ImportSummary[] }).orders[0]!;
}

describe('cells read exactly (workbooks written by SheetJS in the test)', () => {
  it('date cells in any date format, text dates, and no time-zone shift (TZ is America/Los_Angeles here)', async () => {
    const dir = workdir();
    const f = writeBook(dir, 'dates.xlsx', [
      {
        name: 'Sheet1',
        rows: [
          HEADER,
          row('A1', num(OCT31 + 0.84375, 'yyyy-mm-dd hh:mm:ss'), 10),
          row('A2', num(OCT31 + 0.84375, 'yyyy/m/d h:mm'), 10),
          row('A3', num(OCT31 + 0.84375, '[$-804]yyyy"年"m"月"d"日" h"时"mm"分"'), 10),
          row('A4', num(OCT31 + 0.84375, 'm/d/yy h:mm'), 10),
          row('A5', num(OCT31, 'yyyy-mm-dd'), 10),
          row('A6', '2026/10/31 20:15', 10),
          row('A7', { t: 'n', v: OCT31 + 0.84375, z: 'General' }, 10), // a bare number is not a date: rejected
        ],
      },
    ]);
    const r = await tuan(dir, 'import', f, '--max-reject-rate', '0.5');
    expect(r.code, r.stderr).toBe(0);
    expect(rows(db(dir), 'SELECT order_id, ordered_at FROM order_lines ORDER BY order_id')).toEqual([
      ['A1', '2026-10-31T20:15:00+08:00'],
      ['A2', '2026-10-31T20:15:00+08:00'],
      ['A3', '2026-10-31T20:15:00+08:00'],
      ['A4', '2026-10-31T20:15:00+08:00'],
      ['A5', '2026-10-31T00:00:00+08:00'],
      ['A6', '2026-10-31T20:15:00+08:00'],
    ]);
    expect(rows(db(dir), 'SELECT line, field FROM rejects')).toEqual([[8, 'ordered_at']]);
  });

  it('the 1904 date system, and the 1900 system with its 1900-02-29 (serial 60 is rejected, 61 is 1900-03-01)', async () => {
    const dir = workdir();
    writeBook(dir, 'd1904.xlsx', [{ name: 'S', rows: [HEADER, row('B1', num(OCT31 + 0.84375 - 1462, 'yyyy-mm-dd hh:mm'), 10)] }], {
      date1904: true,
    });
    writeBook(dir, 'd1900.xlsx', [
      {
        name: 'S',
        rows: [HEADER, row('C59', num(59, 'yyyy-mm-dd'), 1), row('C60', num(60, 'yyyy-mm-dd'), 1), row('C61', num(61, 'yyyy-mm-dd'), 1)],
      },
    ]);
    expect((await tuan(dir, 'import', 'd1904.xlsx')).code).toBe(0);
    expect((await tuan(dir, 'import', 'd1900.xlsx', '--max-reject-rate', '0.5')).code).toBe(0);
    expect(rows(db(dir), 'SELECT order_id, ordered_at FROM order_lines ORDER BY order_id')).toEqual([
      ['B1', '2026-10-31T20:15:00+08:00'],
      ['C59', '1900-02-28T00:00:00+08:00'],
      ['C61', '1900-03-01T00:00:00+08:00'],
    ]);
    const [rej] = query<{ line: number; field: string; reason: string }>(db(dir), 'SELECT line, field, reason FROM rejects');
    expect(rej).toMatchObject({ line: 3, field: 'ordered_at' });
    expect(rej!.reason).toContain('1900-02-29');
  });

  it('amounts stored as numbers become exact fen, half-up (never truncated); text amounts follow the CSV rules', async () => {
    const dir = workdir();
    const f = writeBook(dir, 'money.xlsx', [
      {
        name: 'Sheet1',
        rows: [
          HEADER,
          row('M1', 12.300000000000001, 12.300000000000001), // 1230
          row('M2', 0.1 + 0.2, 0.1 + 0.2), // 30
          row('M3', 1.005, 1.005), // the double is below 1.005: still 101 (half-up on the decimal Excel shows)
          row('M4', 2.675, 2.675), // 268
          row('M5', num(1234.5, '"￥"#,##0.00'), num(1234.5, '"￥"#,##0.00')), // 123450
          row('M6', '￥1,234.50', '￥1,234.50'), // text: 123450
          row('M7', '1.005', '1.005'), // text with 3 decimals: rejected, as in a CSV
        ].map((r, i) => (i === 0 ? r : [r[0] as Cell, num(OCT31, 'yyyy-mm-dd'), ...r.slice(2)])),
      },
    ]);
    const r = await tuan(dir, 'import', f, '--max-reject-rate', '0.5');
    expect(r.code, r.stderr).toBe(0);
    expect(rows(db(dir), 'SELECT order_id, amount_fen FROM order_lines ORDER BY order_id')).toEqual([
      ['M1', 1230],
      ['M2', 30],
      ['M3', 101],
      ['M4', 268],
      ['M5', 123450],
      ['M6', 123450],
    ]);
    expect(rows(db(dir), 'SELECT line, field FROM rejects')).toEqual([[8, 'amount']]);
  });

  it('ids and phone numbers stored as numbers keep every digit; text keeps leading zeros', async () => {
    const dir = workdir();
    const f = writeBook(dir, 'ids.xlsx', [
      {
        name: 'Sheet1',
        rows: [
          HEADER,
          row('X', num(OCT31, 'yyyy-mm-dd'), 5, { 0: 202608010001234, 2: 13812345678, 4: 13912345678 }),
          row('X', num(OCT31, 'yyyy-mm-dd'), 5, { 0: '000123', 2: '007', 4: num(13712345678, '0') }),
        ],
      },
    ]);
    const r = await tuan(dir, 'import', f, '--unmask');
    expect(r.code, r.stderr).toBe(0);
    expect(rows(db(dir), 'SELECT order_id, member_id, phone FROM order_lines ORDER BY order_id')).toEqual([
      ['000123', '007', '13712345678'],
      ['202608010001234', '13812345678', '13912345678'],
    ]);
  });

  it('formulas give their cached value; an error value rejects its row naming the sheet and cell', async () => {
    const dir = workdir();
    const at = num(OCT31, 'yyyy-mm-dd');
    const f = writeBook(dir, 'formulas.xlsx', [
      {
        name: 'Sheet1',
        rows: [
          HEADER,
          row('F1', at, { t: 'n', v: 59.8, f: 'I2*J2' }),
          row('F2', at, 10, { 10: { t: 'e', v: 0x2a, w: '#N/A' } }),
          row('F3', at, 10, { 6: { t: 's', v: '梨', f: '"梨"' } }),
          row('F4', at, 10, { 9: { t: 'e', v: 0x0f, w: '#VALUE!' }, 11: { t: 'e', v: 0x17, w: '#REF!' } }),
          ...Array.from({ length: 6 }, (_, i) => row(`G${i}`, at, 1)),
        ],
      },
    ]);
    const r = await tuan(dir, 'import', f, '--format', 'json', '--max-reject-rate', '0.2');
    expect(r.code, r.stderr).toBe(0);
    expect(rows(db(dir), "SELECT order_id, amount_fen, product FROM order_lines WHERE order_id LIKE 'F%' ORDER BY order_id")).toEqual([
      ['F1', 5980, '苹果'],
      ['F3', 1000, '梨'],
    ]);
    expect(rows(db(dir), 'SELECT file_name, line, field, reason FROM rejects ORDER BY line')).toEqual([
      ['formulas.xlsx!Sheet1', 3, '实付金额', 'error value #N/A in Sheet1!K3'],
      ['formulas.xlsx!Sheet1', 5, '单价', 'error value #VALUE! in Sheet1!J5, #REF! in Sheet1!L5'],
    ]);
    const rej = await tuan(dir, 'rejects', '--format', 'json');
    expect(rej.code).toBe(0);
    expect(rej.stdout).toContain('formulas.xlsx!Sheet1');
    const zh = await runTuan(['rejects'], { cwd: dir });
    expect(zh.stdout).toContain('单元格 Sheet1!K3 是错误值 #N/A');
    expect(zh.stdout).toContain('单元格 Sheet1!J5 是错误值 #VALUE!,单元格 Sheet1!L5 是错误值 #REF!');
  });

  it('merged title rows above the header; shared strings and formula-string cells (t="str", SheetJS without an SST) read the same', async () => {
    const dir = workdir();
    const sheets = (name: string): SheetSpec[] => [
      {
        name,
        merges: ['A1:M1', 'A2:F2'],
        rows: [
          ['平台订单导出', null, null, null, null, null, null, null, null, null, null, null, null],
          ['导出时间:2026-11-01', null, null, null, null, null, '第二行标题'],
          [],
          HEADER,
          row('T1', num(OCT31 + 0.5, 'yyyy-mm-dd hh:mm'), 10, { 3: 'line one\nline two' }),
          row('T2', num(OCT31 + 0.5, 'yyyy-mm-dd hh:mm'), 20),
        ],
      },
    ];
    writeBook(dir, 'sst.xlsx', sheets('订单'), { bookSST: true });
    writeBook(dir, 'inline.xlsx', sheets('订单'), { bookSST: false });
    const a = await importJson(dir, 'sst.xlsx', '--db', 'a.db');
    const b = await importJson(dir, 'inline.xlsx', '--db', 'b.db');
    expect(a).toMatchObject({
      headerLine: 4,
      rowsRead: 2,
      rejected: 0,
      encoding: 'xlsx',
      workbook: { format: 'xlsx', sheet: '订单', skippedSheets: [] },
    });
    expect(b).toMatchObject({ headerLine: 4, rowsRead: 2, rejected: 0 });
    const lines = 'SELECT order_id, ordered_at, member_name, amount_fen FROM order_lines ORDER BY order_id';
    expect(rows(join(dir, 'a.db'), lines)).toEqual(rows(join(dir, 'b.db'), lines));
    expect(rows(join(dir, 'a.db'), lines)[0]).toEqual(['T1', '2026-10-31T12:00:00+08:00', 'line one\nline two', 1000]);
  });
});

describe('sheets', () => {
  const data = (id: string) => [HEADER, row(id, num(OCT31, 'yyyy-mm-dd'), 10)];
  const notes: SheetSpec = { name: '说明', rows: [['本表由系统导出'], ['请勿修改']] };

  it('the first visible sheet with a header is read; hidden sheets are ignored; the summary names both', async () => {
    const dir = workdir();
    writeBook(dir, 'book.xlsx', [
      notes,
      { name: '隐藏', rows: data('H1'), hidden: true },
      { name: '订单', rows: data('V1') },
      { name: '二', rows: data('V2') },
    ]);
    const r = await tuan(dir, 'import', 'book.xlsx');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('book.xlsx: Excel workbook (.xlsx), sheet 订单, layout orders, header on row 1\n');
    expect(r.stdout).toContain('  other sheets not read: 说明, 二 (pick one with --sheet)\n');
    expect(rows(db(dir), 'SELECT order_id FROM order_lines')).toEqual([['V1']]);
  });

  it('--sheet picks a sheet by name or by its number among the visible sheets', async () => {
    const dir = workdir();
    writeBook(dir, 'book.xlsx', [
      notes,
      { name: '隐藏', rows: data('H1'), hidden: true },
      { name: '订单', rows: data('V1') },
      { name: '二', rows: data('V2') },
    ]);
    expect((await importJson(dir, 'book.xlsx', '--sheet', '3', '--db', 'n.db')).workbook?.sheet).toBe('二');
    expect((await importJson(dir, 'book.xlsx', '--sheet', '隐藏', '--db', 'h.db')).workbook?.sheet).toBe('隐藏');
    const r = await tuan(dir, 'import', 'book.xlsx', '--sheet', 'Orders');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('book.xlsx has no sheet "Orders"');
    expect(r.stderr).toContain('1. 说明, -. 隐藏 (hidden), 2. 订单, 3. 二');
  });

  it('empty trailing rows and columns are ignored', async () => {
    const dir = workdir();
    const r1 = row('E1', num(OCT31, 'yyyy-mm-dd'), 10);
    writeBook(dir, 'trail.xlsx', [{ name: 'S', rows: [[...HEADER, '', ''], [...r1, null, ''], [], [null, ''], ['', '', '']] }]);
    const s = await importJson(dir, 'trail.xlsx');
    expect(s).toMatchObject({ rowsRead: 1, linesAccepted: 1, rejected: 0, unusedHeaders: [] });
  });
});

describe('the same orders as the CSV export', () => {
  /** sample-orders.csv as a workbook typed the way a spreadsheet holds it: date cells, numbers, numeric phones. */
  function sampleAsWorkbook(dir: string, bookType: XLSX.BookType, file: string, limit = Number.POSITIVE_INFINITY): string {
    const text = readFileSync(join(ROOT, 'data/sample-orders.csv'), 'utf8').replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(text.trim(), { newline: '\r\n' }).data.slice(0, limit + 1);
    const serial = (s: string) => {
      const [d, t] = s.split(' ');
      const [y, mo, dd] = d!.split('-').map(Number);
      const [h, mi, se] = t!.split(':').map(Number);
      return (Date.UTC(y!, mo! - 1, dd!) - Date.UTC(1899, 11, 30)) / 86_400_000 + (h! * 3600 + mi! * 60 + se!) / 86_400;
    };
    const cells = parsed.map((r, i) =>
      i === 0
        ? r
        : r.map((c, j): Cell => {
            if (j === 1) return num(serial(c), 'yyyy-mm-dd hh:mm:ss');
            if (j === 4 || j === 8) return Number(c); // phone and quantity as numbers
            if (j >= 9 && j <= 11) return num(Number(c), '0.00');
            return c;
          }),
    );
    return writeBook(dir, file, [{ name: '订单明细', rows: cells }], { bookType });
  }

  async function statusAndSegment(dir: string, dbName: string, files: string[], extra: string[] = []) {
    for (const f of files) expect((await tuan(dir, 'import', f, '--db', dbName, ...extra)).code).toBe(0);
    const st = await tuan(dir, 'status', '--db', dbName, '--format', 'json', '--as-of', '2026-10-31');
    const seg = await tuan(dir, 'segment', '--db', dbName, '--format', 'csv', '--as-of', '2026-10-31');
    expect(st.code).toBe(0);
    expect(seg.code).toBe(0);
    // file names, hashes and the format (`encoding`: xlsx or the CSV's text encoding) differ by design
    const status = JSON.parse(st.stdout) as { imports: Record<string, unknown>[] };
    for (const i of status.imports) for (const k of ['file_name', 'sha256', 'encoding']) i[k] = '…';
    return { status: JSON.stringify(status, null, 2), segment: seg.stdout };
  }

  it('data/sample-orders.csv and ktt-export.csv as .xlsx: identical status and segment', async () => {
    const dir = workdir(['../../data/sample-orders.csv', '../../data/ktt-export.csv', '../../data/ktt-export.xlsx']);
    sampleAsWorkbook(dir, 'xlsx', 'sample-orders.xlsx');
    const csv = await statusAndSegment(dir, 'c.db', ['sample-orders.csv']);
    const xlsx = await statusAndSegment(dir, 'x.db', ['sample-orders.xlsx']);
    expect(xlsx.status).toBe(csv.status);
    expect(xlsx.segment).toBe(csv.segment);
    expect(JSON.parse(csv.status).lines).toBe(20_200);
    const kc = await statusAndSegment(dir, 'kc.db', ['ktt-export.csv'], ['--leader', 'L004']);
    const kx = await statusAndSegment(dir, 'kx.db', ['ktt-export.xlsx'], ['--leader', 'L004']);
    expect(kx.status).toBe(kc.status);
    expect(kx.segment).toBe(kc.segment);
    // the workbook after its CSV changes nothing: the same orders
    const again = await importJson(dir, 'ktt-export.xlsx', '--db', 'kc.db', '--leader', 'L004');
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3590 });
  });

  it('legacy .xls (BIFF8) reads the same lines as the CSV', async () => {
    const dir = workdir(['../../data/sample-orders.csv']);
    sampleAsWorkbook(dir, 'biff8', 'sample-orders.xls', 3000);
    const text = readFileSync(join(dir, 'sample-orders.csv'), 'utf8').split('\r\n').slice(0, 3001).join('\r\n');
    writeFileSync(join(dir, 'head.csv'), text);
    const x = await importJson(dir, 'sample-orders.xls', '--db', 'x.db');
    expect(x).toMatchObject({ encoding: 'xls', rowsRead: 3000, rejected: 0, workbook: { format: 'xls', sheet: '订单明细' } });
    expect((await tuan(dir, 'import', 'head.csv', '--db', 'c.db')).code).toBe(0);
    const all =
      'SELECT order_id, line_key, ordered_at, member_id, phone, product, quantity, amount_fen, refund_fen, status FROM order_lines ORDER BY 1, 2';
    expect(rows(join(dir, 'x.db'), all)).toEqual(rows(join(dir, 'c.db'), all));
  });

  it('the worker thread of a large import reads a workbook the same (the built binary, threshold lowered); .xlsm too', async () => {
    const dir = workdir(['../../data/ktt-export.xlsx']);
    const wb = XLSX.read(readFileSync(join(dir, 'ktt-export.xlsx')), { cellNF: true }); // keep the date formats
    writeFileSync(join(dir, 'ktt-export.xlsm'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsm', bookSST: true }));
    const env = { TUAN_TEST_WORKER_MIN_BYTES: '1024', TUAN_LANG: 'en' };
    const worker = runBin(['import', 'ktt-export.xlsx', '--leader', 'L004', '--db', 'w.db', '--format', 'json'], { cwd: dir, env });
    expect(worker.code, worker.stderr).toBe(0);
    const macro = runBin(['import', 'ktt-export.xlsm', '--leader', 'L004', '--db', 'm.db', '--format', 'json'], { cwd: dir, env });
    expect(macro.code, macro.stderr).toBe(0);
    expect((await tuan(dir, 'import', 'ktt-export.xlsx', '--leader', 'L004', '--db', 'p.db')).code).toBe(0);
    const all =
      'SELECT order_id, line_key, ordered_at, member_id, product, quantity, amount_fen, refund_fen, status, source_line FROM order_lines ORDER BY 1, 2';
    expect(rows(join(dir, 'w.db'), all)).toEqual(rows(join(dir, 'p.db'), all));
    expect(rows(join(dir, 'm.db'), all)).toEqual(rows(join(dir, 'p.db'), all));
    expect(rows(join(dir, 'w.db'), all)).toHaveLength(3590);
  });

  it('a CSV named .xls is read as CSV (by content, not by name)', async () => {
    const dir = workdir();
    writeFileSync(
      join(dir, 'export.xls'),
      iconv.encode(`${HEADER.join(',')}\r\nK1,2026-10-31 20:15:00,M1,周,13812345678,L1,苹果,水果,1,1.50,1.50,0,已完成\r\n`, 'gbk'),
    );
    const s = await importJson(dir, 'export.xls');
    expect(s).toMatchObject({ encoding: 'gb18030', delimiter: ',', rowsRead: 1, linesAccepted: 1 });
    expect(s.workbook).toBeUndefined();
  });

  it('tuan segment FILE reads a workbook too', async () => {
    const dir = workdir(['../../data/ktt-export.xlsx', '../../data/ktt-export.csv']);
    const seg = (f: string) => tuan(dir, 'segment', f, '--leader', 'L004', '--as-of', '2026-10-31', '--format', 'csv', '--db', `${f}.db`);
    const x = await seg('ktt-export.xlsx');
    const c = await seg('ktt-export.csv');
    expect(x.code, x.stderr).toBe(0);
    expect(x.stdout).toBe(c.stdout);
    expect(x.stdout.split('\n').length - 2).toBe(249); // members with spend by the as-of date
  });
});

describe('init and leaders', () => {
  it('tuan init --yes --file reads a workbook, shows its sheet and imports it', async () => {
    const dir = workdir(['../../data/ktt-export.xlsx']);
    const r = await tuan(dir, 'init', '--yes', '--file', 'ktt-export.xlsx', '--leader', 'L004');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Excel workbook  .xlsx\nsheet           跟团记录 (other sheets not read: 商品汇总)\nheader row      row 3 (2 title rows above skipped)\n',
    );
    expect(rows(db(dir), 'SELECT count(*), count(DISTINCT leader_id) FROM order_lines')).toEqual([[3590, 1]]);
  });

  it("tuan init's question offers the CSVs and workbooks of the folder", () => {
    const dir = workdir(['../../data/ktt-export.xlsx', '../../data/ktt-export.csv', '../../data/README.md']);
    writeFileSync(join(dir, '~$ktt-export.xlsx'), 'an Excel lock file');
    expect(findExports(dir)).toEqual(['ktt-export.csv', 'ktt-export.xlsx']);
    expect(fileQuestion('en', dir, findExports(dir)).message).toBe(
      'path of a sample export (CSV or Excel workbook; empty to skip). Found here: ktt-export.csv, ktt-export.xlsx',
    );
  });

  it('--leaders reads a leaders workbook', async () => {
    const dir = workdir();
    const text = readFileSync(join(ROOT, 'data/leaders.csv'), 'utf8').replace(/^\uFEFF/, '');
    writeBook(dir, 'leaders.xlsx', [{ name: '团长', rows: Papa.parse<string[]>(text.trim()).data }]);
    const r = await tuan(dir, 'import', '--leaders', 'leaders.xlsx');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('leaders.xlsx: 4 leaders → inserted 4, updated 0, unchanged 0\n');
  });
});

describe('bad workbooks: a clear message and exit 3', () => {
  const good = (dir: string) => writeBook(dir, 'good.xlsx', [{ name: 'S', rows: [HEADER, row('A', num(OCT31, 'yyyy-mm-dd'), 1)] }]);

  it('a truncated workbook', async () => {
    const dir = workdir();
    const buf = readFileSync(join(dir, good(dir)));
    writeFileSync(join(dir, 'cut.xlsx'), buf.subarray(0, Math.floor(buf.length / 2)));
    const r = await tuan(dir, 'import', 'cut.xlsx');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /^tuan: cut\.xlsx is not a complete Excel workbook \(the file is damaged or truncated: .+\); nothing was imported\nhint: /,
    );
    const zh = await runTuan(['import', 'cut.xlsx'], { cwd: dir });
    expect(zh.stderr).toContain('cut.xlsx 不是完整的 Excel 工作簿');
  });

  it('an encrypted (password) workbook: says so, and that it must be saved without a password', async () => {
    const dir = workdir();
    // An encrypted OOXML workbook is an OLE2 file holding EncryptionInfo and EncryptedPackage streams.
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', Buffer.alloc(4096, 7));
    writeFileSync(join(dir, 'locked.xlsx'), XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
    const r = await tuan(dir, 'import', 'locked.xlsx');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('locked.xlsx is password-protected (encrypted)');
    expect(r.stderr).toContain('save it without a password');
  });

  it('no sheet with a recognisable header: lists the sheets and their first rows', async () => {
    const dir = workdir();
    writeBook(dir, 'odd.xlsx', [
      { name: '说明', rows: [['本表由系统导出'], ['请勿修改']] },
      {
        name: 'Data',
        rows: [
          ['when', 'who', 'how much'],
          ['2026-10-31', 'x', 1],
        ],
      },
    ]);
    const r = await tuan(dir, 'import', 'odd.xlsx');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      'odd.xlsx: no sheet has a header row with known column names in its first 30 rows. The sheets and their first rows:\n' +
        '  说明: 本表由系统导出\n' +
        '  Data: when, who, how much\n',
    );
  });

  it('.xlsb, .ods and .numbers: says which formats are read', async () => {
    const dir = workdir();
    writeBook(dir, 'bin.xlsb', [{ name: 'S', rows: [HEADER] }], { bookType: 'xlsb' });
    writeBook(dir, 'open.ods', [{ name: 'S', rows: [HEADER] }], { bookType: 'ods' });
    writeFileSync(
      join(dir, 'apple.numbers'),
      zipSync({ 'Index/Document.iwa': new Uint8Array([1, 2, 3]), 'Metadata/Properties.plist': new Uint8Array([0]) }),
    );
    for (const [f, what] of [
      ['bin.xlsb', 'an Excel binary workbook (.xlsb)'],
      ['open.ods', 'an OpenDocument spreadsheet (.ods)'],
      ['apple.numbers', 'an Apple Numbers file (.numbers)'],
    ] as const) {
      const r = await tuan(dir, 'import', f);
      expect(r.code, f).toBe(3);
      expect(r.stderr).toContain(
        `${f} is ${what}, a format tuan does not read; it reads .xlsx, .xlsm, .xls (Excel 97–2003) and CSV/TSV text files`,
      );
    }
  });

  it('a corrupt sheet inside a good zip', async () => {
    const dir = workdir();
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([HEADER, row('A', num(OCT31, 'yyyy-mm-dd'), 1)]), 'S');
    const files = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    // rewrite the zip with the sheet XML cut in the middle (fflate writes it)
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(new Uint8Array(files));
    const sheet = parts['xl/worksheets/sheet1.xml']!;
    parts['xl/worksheets/sheet1.xml'] = sheet.subarray(0, Math.floor(sheet.length * 0.6));
    writeFileSync(join(dir, 'broken.xlsx'), zipSync(parts));
    const r = await tuan(dir, 'import', 'broken.xlsx');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('broken.xlsx is not a complete Excel workbook');
  });
});

describe('workbooks saved by a spreadsheet program (test/fixtures/workbooks, LibreOffice Calc)', () => {
  const W = (f: string) => `workbooks/${f}`;

  it.each(['calc-orders.xlsx', 'calc-orders.xls'])('%s: the values worked out in the README', async (f) => {
    const dir = workdir([W(f)]);
    const s = await importJson(dir, f, '--unmask');
    expect(s).toMatchObject({ headerLine: 3, rowsRead: 4, linesAccepted: 4, rejected: 0, workbook: { sheet: 'Sheet1' } });
    expect(rows(db(dir), 'SELECT order_id, ordered_at, member_id, phone, amount_fen, product FROM order_lines ORDER BY order_id')).toEqual(
      JSON.parse(readFileSync(join(FIXTURES, 'workbooks/expected.json'), 'utf8')),
    );
  });

  it.each(['calc-dates.xlsx', 'calc-dates.xls'])('%s: date cells (yyyy\\-mm\\-dd\\ hh:mm:ss) and a text date', async (f) => {
    const dir = workdir([W(f)]);
    const s = await importJson(dir, f);
    expect(s).toMatchObject({ headerLine: 1, rowsRead: 2, linesAccepted: 2, rejected: 0 });
    expect(rows(db(dir), 'SELECT order_id, ordered_at, member_id, amount_fen FROM order_lines ORDER BY order_id')).toEqual([
      ['DD5', '2026-10-31T20:15:00+08:00', '10026', 1230],
      ['DD6', '2026-10-29T07:30:00+08:00', '10026', 10],
    ]);
  });
});

// ../shared beside the repository (../../shared from a git worktree under a folder of worktrees)
const REAL =
  [resolve(ROOT, '..', 'shared'), resolve(ROOT, '..', '..', 'shared')]
    .map((d) => join(d, 'data', 'real', 'online_retail_40k.xlsx'))
    .find((f) => existsSync(f)) ?? '';

describe.skipIf(REAL === '')('a real third-party workbook (../shared/data/real/online_retail_40k.xlsx)', () => {
  it('imports with the counts another reader (SheetJS) finds (its strings are inline, t="inlineStr"; dates are date cells)', async () => {
    // Expected values from SheetJS reading the same file: rows, rows without CustomerID, distinct customers.
    const wb = XLSX.read(readFileSync(REAL));
    const data = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets[wb.SheetNames[0]!]!, { defval: '' });
    const noCustomer = data.filter((r) => r.CustomerID === '').length;
    const customers = new Set(data.filter((r) => r.CustomerID !== '').map((r) => String(r.CustomerID))).size;
    const dir = workdir();
    const s = await importJson(dir, REAL, '--max-reject-rate', '0.5');
    expect(s).toMatchObject({ rowsRead: data.length, rejected: noCustomer, workbook: { format: 'xlsx', sheet: 'Sheet1' } });
    expect(rows(db(dir), 'SELECT count(DISTINCT member_id) FROM order_lines')).toEqual([[customers]]);
    expect(rows(db(dir), "SELECT count(*) FROM order_lines WHERE ordered_at NOT LIKE '201_-__-__T__:__:00+08:00'")).toEqual([[0]]);
  });
});
