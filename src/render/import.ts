import type { ImportSummary, LeadersSummary } from '../core/ingest/index.js';
import { defineMessages, pick, type Lang } from '../i18n.js';
import { fmtInt } from './table.js';
import { LEADER_FIELD_LABELS, LEADER_FIELD_NAMES, rejectSummaryText } from '../core/ingest/index.js';
import { cleanForPeople } from '../core/shared/index.js';

const m = defineMessages({
  'import.file': [
    '{file}:{enc},分隔符 {delim},格式 {layout},表头在第 {line} 行',
    '{file}: {enc}, delimiter {delim}, layout {layout}, header on line {line}',
  ],
  'import.workbook': [
    '{file}:Excel 工作簿 (.{fmt}),工作表 {sheet},格式 {layout},表头在第 {line} 行',
    '{file}: Excel workbook (.{fmt}), sheet {sheet}, layout {layout}, header on row {line}',
  ],
  'import.skipped': ['  其他工作表未读取:{sheets}(用 --sheet 选择)', '  other sheets not read: {sheets} (pick one with --sheet)'],
  'import.counts': [
    '  读取 {rows} 行 → 订单行 新增 {ins},更新 {upd},未变 {same};拒收 {rej} 行 ({rate})',
    '  {rows} rows read → order lines inserted {ins}, updated {upd}, unchanged {same}; {rej} rows rejected ({rate})',
  ],
  'import.repeated': [
    '  {n} 行与同一订单中前面的行商品相同,按独立的行保留(见 README)',
    '  {n} lines repeat the item of an earlier line of the same order and were kept as separate lines (see README)',
  ],
  'import.reasons': ['  拒收原因:', '  rejected because:'],
  'import.see': ['  查看拒收行:tuan rejects --import {id}', '  see the rejected rows: tuan rejects --import {id}'],
  'import.unused': ['  未使用的列:{cols}', '  columns not used: {cols}'],
  'import.leaders': [
    '{file}:团长 {n} 位 → 新增 {ins},更新 {upd},未变 {same}',
    '{file}: {n} leaders → inserted {ins}, updated {upd}, unchanged {same}',
  ],
  'import.leaders.fields': ['  只更新文件里有的列:{cols}', '  only the columns the file has were updated: {cols}'],
  'import.leaders.dup': [
    '  {n} 行与前面同一团长的行完全相同,只计一次',
    '  {n} rows repeat an earlier row of the same leader and were counted once',
  ],
  'import.leaders.change': ['  {id} {field}:{from} → {to}', '  {id} {field}: {from} → {to}'],
  'import.leaders.more': ['  ……另有 {n} 处改动', '  … and {n} more changes'],
  'import.leaders.empty': ['(空)', '(empty)'],
  'import.failed': ['{n} 个文件未导入:{files};其余 {ok} 个已导入', '{n} file(s) not imported: {files}; the other {ok} were imported'],
  'import.rolledBack': [
    '{n} 个文件未导入:{files};按 --all-or-nothing,其余文件也都没有导入',
    '{n} file(s) not imported: {files}; with --all-or-nothing, none of the others were imported either',
  ],
});

/** Changes listed one by one up to this many; the rest are counted. */
const MAX_CHANGES = 20;

function leadersSummary(s: LeadersSummary, L: Lang): string[] {
  const en = L === 'en' ? 1 : 0;
  const out = [
    m(L, 'import.leaders', {
      file: s.file,
      n: fmtInt(s.leaders),
      ins: fmtInt(s.inserted),
      upd: fmtInt(s.updated),
      same: fmtInt(s.unchanged),
    }),
  ];
  if (s.fields.length < LEADER_FIELD_NAMES.length)
    out.push(m(L, 'import.leaders.fields', { cols: s.fields.map((f) => LEADER_FIELD_LABELS[f][en]).join(', ') }));
  if (s.duplicateRows) out.push(m(L, 'import.leaders.dup', { n: fmtInt(s.duplicateRows) }));
  const shown = (v: string) => (v === '' ? m(L, 'import.leaders.empty') : v);
  for (const c of s.changes.slice(0, MAX_CHANGES)) {
    out.push(
      m(L, 'import.leaders.change', { id: c.leaderId, field: LEADER_FIELD_LABELS[c.field][en], from: shown(c.from), to: shown(c.to) }),
    );
  }
  if (s.changes.length > MAX_CHANGES) out.push(m(L, 'import.leaders.more', { n: fmtInt(s.changes.length - MAX_CHANGES) }));
  return out;
}

const DELIMS: Record<string, [string, string]> = { ',': ['逗号', 'comma'], '\t': ['制表符', 'tab'], ';': ['分号', 'semicolon'] };
const ENC: Record<string, string> = {
  utf8: 'UTF-8',
  gb18030: 'GBK/GB18030',
  gbk: 'GBK',
  utf16le: 'UTF-16 LE',
  utf16be: 'UTF-16 BE',
  latin1: 'Latin-1',
};
/** An encoding as people name it (GBK/GB18030, UTF-16 LE…); a workbook's `xlsx`/`xls` as it is. */
export const encodingName = (encoding: string): string => ENC[encoding] ?? encoding;

export function formatSummary(r: { orders: ImportSummary[]; leaders: LeadersSummary | null }, L: Lang): string {
  const out: string[] = [];
  if (r.leaders) out.push(...leadersSummary(r.leaders, L));
  for (const s of r.orders) {
    const wb = s.workbook;
    out.push(
      wb
        ? m(L, 'import.workbook', { file: s.file, fmt: wb.format, sheet: wb.sheet, layout: s.layout, line: s.headerLine })
        : m(L, 'import.file', {
            file: s.file,
            enc: encodingName(s.encoding),
            delim: DELIMS[s.delimiter]?.[L === 'en' ? 1 : 0] ?? s.delimiter,
            layout: s.layout,
            line: s.headerLine,
          }),
    );
    if (wb?.skippedSheets.length) out.push(m(L, 'import.skipped', { sheets: wb.skippedSheets.join(', ') }));
    const rate = s.rowsRead ? `${((s.rejected / s.rowsRead) * 100).toFixed(2)}%` : '0%';
    out.push(
      m(L, 'import.counts', {
        rows: fmtInt(s.rowsRead),
        ins: fmtInt(s.inserted),
        upd: fmtInt(s.updated),
        same: fmtInt(s.unchanged),
        rej: fmtInt(s.rejected),
        rate,
      }),
    );
    if (s.repeated) out.push(m(L, 'import.repeated', { n: fmtInt(s.repeated) }));
    if (s.rejected) {
      out.push(m(L, 'import.reasons'));
      for (const t of s.topReasons) out.push(`    ${fmtInt(t.count)} × ${cleanForPeople(pick(L, rejectSummaryText(t.reason)))}`);
      out.push(m(L, 'import.see', { id: s.importId }));
    }
    if (s.unusedHeaders.length) out.push(m(L, 'import.unused', { cols: s.unusedHeaders.join(', ') }));
  }
  return out.join('\n') + '\n';
}

/** The closing line on stderr when files were refused. */
export function failureLine(r: { orders: ImportSummary[]; failed: { file: string }[] }, allOrNothing: boolean, L: Lang): string {
  const files = r.failed.map((f) => f.file).join(', ');
  return `${m(L, allOrNothing ? 'import.rolledBack' : 'import.failed', { n: r.failed.length, files, ok: r.orders.length })}\n`;
}
