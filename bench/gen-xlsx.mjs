#!/usr/bin/env node
// gen-xlsx.mjs IN.csv OUT.xlsx — the benchmark's CSV export as an Excel workbook, typed the way a
// spreadsheet holds it: 下单时间 as date cells (yyyy-mm-dd hh:mm:ss), 手机号 and 数量 as numbers, money
// as numbers (format 0.00), text in shared strings. Written with SheetJS (@e965/xlsx); deterministic
// (no clock in the file). Holds the whole sheet in memory: it makes a test input, it is not measured.
// Written to OUT.tmp and renamed at the end, so an interrupted run never leaves a file that looks complete.

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';

const [input, out] = process.argv.slice(2);
if (!input || !out) {
  process.stderr.write('usage: node bench/gen-xlsx.mjs IN.csv OUT.xlsx\n');
  process.exit(2);
}
const EPOCH = Date.UTC(1899, 11, 30);
const serial = (s) => {
  const [d, t] = s.split(' ');
  const [y, mo, dd] = d.split('-').map(Number);
  const [h, mi, se] = t.split(':').map(Number);
  return (Date.UTC(y, mo - 1, dd) - EPOCH) / 86_400_000 + (h * 3600 + mi * 60 + se) / 86_400;
};
const text = readFileSync(input, 'utf8').replace(/^\uFEFF/, '');
const rows = Papa.parse(text.trimEnd(), { newline: '\n' }).data;
const header = rows[0];
const col = (name) => header.indexOf(name);
const [at, phone, qty] = [col('下单时间'), col('手机号'), col('数量')];
const money = new Set(['单价', '实付金额', '退款金额'].map(col));
const cells = rows.map((r, i) =>
  i === 0
    ? r
    : r.map((c, j) => {
        if (j === at) return { t: 'n', v: serial(c), z: 'yyyy-mm-dd hh:mm:ss' };
        if (j === phone || j === qty) return Number(c);
        if (money.has(j)) return { t: 'n', v: Number(c), z: '0.00' };
        return c;
      }),
);
const wb = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(cells), '订单明细');
writeFileSync(`${out}.tmp`, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true }));
renameSync(`${out}.tmp`, out);
process.stderr.write(`gen-xlsx: ${out}: ${rows.length - 1} rows\n`);
