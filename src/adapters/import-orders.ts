/**
 * `tuan import` for order exports: sniff, map headers, normalise each record (core), upsert into
 * SQLite in one transaction per file. Rejected rows are stored with line, field, reason and raw text.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { mapHeaders, HEADER_ALIASES, type Field, type MappingProblem } from '../core/headers.js';
import {
  chooseLayout, normalizeRecord, repeatIdentity, requiredFields, type Layout, type OrderLine,
} from '../core/normalize.js';
import type { Status } from '../core/status.js';
import type { Db } from './db.js';
import { readRecords, sniffFile, type DelimiterChoice } from './csv.js';
import type { EncodingChoice } from './decode.js';

export interface ImportOptions {
  encoding: EncodingChoice;
  delimiter: DelimiterChoice;
  overrides: Partial<Record<Field, string>>;
  leaderOverride?: string;
  statusWords: Readonly<Record<string, Status>>;
  maxRejectRate: number;
  /** ISO timestamp recorded as the import time (the caller reads the clock) */
  now: string;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

export interface ImportSummary {
  importId: number;
  file: string;
  sha256: string;
  encoding: string;
  delimiter: string;
  layout: Layout;
  headerLine: number;
  mapping: Partial<Record<Field, string>>;
  unusedHeaders: string[];
  rowsRead: number;
  linesAccepted: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** lines identical in identity to an earlier line of the same order in this file, kept with #n */
  repeated: number;
  rejected: number;
  topReasons: { reason: string; count: number }[];
}

const FIELD_HINTS: Record<string, string> = {
  ordered_at: 'order time', member_id: 'member / customer', amount: 'paid amount', buyer: 'buyer nickname',
  unit_price: 'unit price',
};

function mappingError(file: string, headers: string[], problems: MappingProblem[], missing: ReturnType<typeof requiredFields>): InputError {
  const parts: string[] = [];
  const maps: string[] = [];
  for (const p of problems) {
    if (p.kind === 'ambiguous') {
      parts.push(`several columns could be ${p.field}: ${p.headers.join(', ')}`);
      maps.push(`--map ${p.field}="${p.headers[0]}"`);
    } else if (p.kind === 'override-not-found') {
      parts.push(`--map/columns ${p.field}="${p.header}" names a header that is not in the file`);
    }
  }
  for (const m of missing) {
    const alts = m.alternatives?.length ? ` (or ${m.alternatives.join(' / ')})` : '';
    parts.push(`no column for ${m.field}${alts}: ${FIELD_HINTS[m.field] ?? m.field}, e.g. ${HEADER_ALIASES[m.field].slice(0, 3).join(', ')}`);
    maps.push(`--map ${m.field}="<header>"`);
  }
  return new InputError(
    `${file}: cannot map the columns: ${parts.join('; ')}. Headers found: ${headers.join(', ')}`,
    maps.length ? `tell tuan which header to use: ${maps.join(' ')}` : 'fix the header names or the --map values',
  );
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

export async function importOrdersFile(db: Db, path: string, opts: ImportOptions): Promise<ImportSummary> {
  const file = basename(path);
  const sniffed = await sniffFile(path, {
    encoding: opts.encoding, delimiter: opts.delimiter, extraHeaders: Object.values(opts.overrides),
  });
  const { mapping, problems } = mapHeaders(sniffed.headers, opts.overrides);
  const missing = requiredFields(mapping);
  if (problems.length || missing.length) throw mappingError(file, sniffed.headers, problems, missing);
  const layout = chooseLayout(mapping);
  const sha256 = await sha256File(path);
  const bytesTotal = statSync(path).size;

  const st = prepare(db);
  const counts = { rowsRead: 0, linesAccepted: 0, repeated: 0, rejected: 0, changes: 0 };
  const reasons = new Map<string, number>();
  let importId = 0;
  const reject = (line: number, field: string, reason: string, raw: string) => {
    counts.rejected++;
    const key = `${field}: ${reason.replace(/"[^"]*"/g, '"…"')}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
    st.reject.run(importId, file, line, field, reason, raw);
  };
  const upsert = (l: OrderLine, line: number) => {
    let id = { orderId: l.orderId, lineKey: l.lineKey };
    for (let n = 2; ; n++) {
      const r = st.upsert.run(id.orderId, id.lineKey, l.orderedAt, l.orderDate, l.memberId, l.leaderId, l.product,
        l.category, l.quantity, l.amountFen, l.refundFen, l.netFen, l.status, l.isReturn ? 1 : 0, l.memberName,
        l.phone, importId, importId, line);
      if (r.changes > 0) return;
      counts.repeated += n === 2 ? 1 : 0;
      id = repeatIdentity(l, layout, n);
    }
  };
  const normalizeOpts = { layout, mapping, leaderOverride: opts.leaderOverride, statusWords: opts.statusWords };

  db.exec('BEGIN IMMEDIATE');
  try {
    importId = Number(st.begin.run('orders', file, sha256, bytesTotal, sniffed.encoding, sniffed.delimiter, layout,
      opts.leaderOverride ?? null, opts.now).lastInsertRowid);
    let bytesDone = 0;
    const records = readRecords(path, sniffed,
      (bad) => { counts.rowsRead++; reject(bad.line, '(encoding)', `bytes that are not valid ${sniffed.encoding}`, bad.raw); },
      (p) => { counts.rowsRead++; reject(p.line, '(csv)', p.reason, p.raw); },
      opts.onProgress ? (n) => opts.onProgress!((bytesDone += n), bytesTotal) : undefined);
    for await (const rec of records) {
      counts.rowsRead++;
      const result = normalizeRecord(rec.cells, rec.line, normalizeOpts);
      if (!Array.isArray(result)) {
        reject(result.line, result.field, result.reason, rec.raw);
        continue;
      }
      for (const l of result) upsert(l, rec.line);
      counts.linesAccepted += result.length;
    }
    const outcome = st.outcome.get(importId, importId, importId, importId) as { inserted: number; updated: number; touched: number };
    const summary: ImportSummary = {
      importId, file, sha256, encoding: sniffed.encoding, delimiter: sniffed.delimiter, layout,
      headerLine: sniffed.headerLine,
      mapping: Object.fromEntries(Object.entries(mapping.columns).map(([f, i]) => [f, sniffed.headers[i] ?? ''])),
      unusedHeaders: mapping.unused,
      rowsRead: counts.rowsRead, linesAccepted: counts.linesAccepted, repeated: counts.repeated,
      rejected: counts.rejected, inserted: outcome.inserted, updated: outcome.updated,
      unchanged: outcome.touched - outcome.inserted - outcome.updated,
      topReasons: [...reasons].map(([reason, count]) => ({ reason, count }))
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)).slice(0, 5),
    };
    checkRejectRate(summary, opts.maxRejectRate);
    st.finish.run(summary.rowsRead, summary.linesAccepted, summary.inserted, summary.updated, summary.unchanged,
      summary.repeated, summary.rejected, importId);
    db.exec('COMMIT');
    return summary;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

function checkRejectRate(s: ImportSummary, max: number): void {
  if (s.rowsRead === 0) throw new InputError(`${s.file}: no data rows under the header (line ${s.headerLine})`);
  const rate = s.rejected / s.rowsRead;
  if (rate <= max) return;
  const top = s.topReasons.map((r) => `  ${r.count} × ${r.reason}`).join('\n');
  throw new InputError(
    `${s.file}: ${s.rejected} of ${s.rowsRead} rows rejected (${(rate * 100).toFixed(1)}%), more than ` +
      `--max-reject-rate ${max}; nothing was imported. Top reasons:\n${top}`,
    'fix the rows, map the columns with --map, or raise --max-reject-rate to import the rest',
  );
}

function prepare(db: Db) {
  return {
    begin: db.prepare(`INSERT INTO imports (kind, file_name, sha256, bytes, encoding, delimiter, layout, leader_override,
      imported_at, rows_read, lines_accepted, inserted, updated, unchanged, repeated, rejected)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0)`),
    finish: db.prepare(`UPDATE imports SET rows_read = ?, lines_accepted = ?, inserted = ?, updated = ?, unchanged = ?,
      repeated = ?, rejected = ? WHERE import_id = ?`),
    reject: db.prepare('INSERT INTO rejects (import_id, file_name, line, field, reason, raw) VALUES (?, ?, ?, ?, ?, ?)'),
    // A line already written by this same import is not overwritten (changes = 0): it is a repeat.
    upsert: db.prepare(`INSERT INTO order_lines (order_id, line_key, ordered_at, order_date, member_id, leader_id,
        product, category, quantity, amount_fen, refund_fen, net_fen, status, is_return, member_name, phone,
        first_import_id, changed_import_id, last_import_id, source_line)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
      ON CONFLICT (order_id, line_key) DO UPDATE SET
        changed_import_id = CASE WHEN (ordered_at, member_id, leader_id, product, category, quantity, amount_fen,
            refund_fen, status, member_name, phone)
          IS NOT (excluded.ordered_at, excluded.member_id, excluded.leader_id, excluded.product, excluded.category,
            excluded.quantity, excluded.amount_fen, excluded.refund_fen, excluded.status, excluded.member_name,
            excluded.phone)
          THEN excluded.last_import_id ELSE changed_import_id END,
        ordered_at = excluded.ordered_at, order_date = excluded.order_date, member_id = excluded.member_id,
        leader_id = excluded.leader_id, product = excluded.product, category = excluded.category,
        quantity = excluded.quantity, amount_fen = excluded.amount_fen, refund_fen = excluded.refund_fen,
        net_fen = excluded.net_fen, status = excluded.status, is_return = excluded.is_return,
        member_name = excluded.member_name, phone = excluded.phone,
        last_import_id = excluded.last_import_id, source_line = excluded.source_line
      WHERE last_import_id <> excluded.last_import_id`),
    outcome: db.prepare(`SELECT
        coalesce(sum(first_import_id = ?), 0) AS inserted,
        coalesce(sum(changed_import_id = ? AND first_import_id <> ?), 0) AS updated,
        count(*) AS touched
      FROM order_lines WHERE last_import_id = ?`),
  };
}
