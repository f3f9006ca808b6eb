/**
 * `tuan import` for order exports: sniff, map headers, normalise each record (core), upsert into
 * SQLite in one transaction per file. Rejected rows are stored with line, field, reason and raw text.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { mapHeaders, HEADER_ALIASES, type Field, type MappingProblem } from '../core/ingest/index.js';
import { personalColumns } from '../core/shared/index.js';
import { chooseLayout, repeatIdentity, requiredFields, type Layout, type LineLimits } from '../core/ingest/index.js';
import type { Status } from '../core/ingest/index.js';
import type { ImportSummary } from '../core/ingest/index.js';
import { rejectSummaryText } from '../core/ingest/index.js';
import { beginWrite, diskFullError, type Db } from './db.js';
import { readFailure, sniffFile, type DelimiterChoice } from './csv.js';
import { LINE_WIDTH, ORDER_WIDTH, produceBatches, type OrderBatch, workerAvailable, workerBatches } from './order-batches.js';
import type { EncodingChoice } from './decode.js';

/** Files at least this big are parsed in a worker thread while the main thread inserts. */
const WORKER_MIN_BYTES = 4 * 1024 * 1024;

export interface ImportOptions {
  encoding: EncodingChoice;
  delimiter: DelimiterChoice;
  overrides: Partial<Record<Field, string>>;
  leaderOverride?: string;
  leaderDefault?: string;
  statusWords: Readonly<Record<string, Status>>;
  maxRejectRate: number;
  /** bounds per line (config import.max_line_amount_yuan, import.max_line_quantity); default DEFAULT_LINE_LIMITS */
  limits?: LineLimits | undefined;
  /** ISO timestamp recorded as the import time (the caller reads the clock) */
  now: string;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
  /** parse in a worker thread from this size on; default WORKER_MIN_BYTES (tests lower it) */
  workerMinBytes?: number;
  /** a workbook's sheet to read (--sheet NAME|N); default: the first with a recognisable header */
  sheet?: string | undefined;
}

/** Fields whose numeric workbook cells are money: rounded half-up to 2 decimals, never truncated. */
const MONEY_FIELDS = ['amount', 'unit_price', 'refund_amount'] as const;

export type { ImportSummary };

const FIELD_HINTS: Record<string, string> = {
  ordered_at: 'order time',
  member_id: 'member / customer',
  amount: 'paid amount',
  buyer: 'buyer nickname',
  unit_price: 'unit price',
};

function mappingError(file: string, headers: string[], problems: MappingProblem[], missing: ReturnType<typeof requiredFields>): InputError {
  const parts: string[] = [];
  const zh: string[] = [];
  const maps: string[] = [];
  for (const p of problems) {
    if (p.kind === 'ambiguous') {
      parts.push(`several columns could be ${p.field}: ${p.headers.join(', ')}`);
      zh.push(`有多列可能是 ${p.field}:${p.headers.join(', ')}`);
      maps.push(`--map ${p.field}="${p.headers[0]}"`);
    } else if (p.kind === 'override-not-found') {
      parts.push(`--map/columns ${p.field}="${p.header}" names a header that is not in the file`);
      zh.push(`--map/columns 里 ${p.field}="${p.header}" 指定的表头不在文件中`);
    }
  }
  const ambiguous = new Set(problems.flatMap((p) => (p.kind === 'ambiguous' ? [p.field] : [])));
  for (const m of missing) {
    if (ambiguous.has(m.field)) continue; // already reported as "several columns could be …"
    const alts = m.alternatives?.length ? ` (or ${m.alternatives.join(' / ')})` : '';
    parts.push(
      `no column for ${m.field}${alts}: ${FIELD_HINTS[m.field] ?? m.field}, e.g. ${HEADER_ALIASES[m.field].slice(0, 3).join(', ')}`,
    );
    zh.push(`缺少 ${m.field}${alts} 列,例如 ${HEADER_ALIASES[m.field].slice(0, 3).join(', ')}`);
    maps.push(`--map ${m.field}="<header>"`);
  }
  return new InputError(
    {
      zh: `${file}:无法对应列:${zh.join(';')}。文件中的表头:${headers.join(', ')}`,
      en: `${file}: cannot map the columns: ${parts.join('; ')}. Headers found: ${headers.join(', ')}`,
    },
    maps.length
      ? { zh: `告诉 tuan 用哪一列:${maps.join(' ')}`, en: `tell tuan which header to use: ${maps.join(' ')}` }
      : { zh: '改正表头名称或 --map 的值', en: 'fix the header names or the --map values' },
  );
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  } catch (e) {
    throw readFailure(path, e);
  }
  return h.digest('hex');
}

/**
 * Import one file in one transaction. Inside a transaction the caller opened (all files or none),
 * the file is a savepoint: refusing it undoes just this file, and the caller decides about the rest.
 */
export async function importOrdersFile(db: Db, path: string, opts: ImportOptions): Promise<ImportSummary> {
  const file = basename(path);
  const sniffed = await sniffFile(path, {
    encoding: opts.encoding,
    delimiter: opts.delimiter,
    extraHeaders: Object.values(opts.overrides),
    sheet: opts.sheet,
  });
  const { mapping, problems } = mapHeaders(sniffed.headers, opts.overrides);
  const missing = requiredFields(mapping);
  if (problems.length || missing.length) throw mappingError(file, sniffed.headers, problems, missing);
  const layout = chooseLayout(mapping);
  const wb = sniffed.workbook;
  if (wb) wb.money = MONEY_FIELDS.flatMap((f) => (mapping.columns[f] === undefined ? [] : [mapping.columns[f]]));
  // where a rejected row came from: the file, and for a workbook its sheet (`orders.xlsx!Sheet1`)
  const source = wb ? `${file}!${wb.sheet}` : file;
  const hashing = sha256File(path); // read alongside the parse; awaited before the commit
  hashing.catch(() => {}); // a read error surfaces where it is awaited
  const bytesTotal = statSync(path).size;

  const st = prepare(db);
  const counts = { rowsRead: 0, linesAccepted: 0, repeated: 0, rejected: 0 };
  const reasons = new Map<string, number>();
  const normalize = {
    layout,
    mapping,
    leaderOverride: opts.leaderOverride,
    leaderDefault: opts.leaderDefault,
    statusWords: opts.statusWords,
    limits: opts.limits,
  };
  const input = { path, sniffed, normalize };
  const useWorker = bytesTotal >= (opts.workerMinBytes ?? WORKER_MIN_BYTES) && workerAvailable();
  const batches = useWorker ? workerBatches(input) : produceBatches(input);

  const nested = db.inTransaction;
  if (nested) db.exec('SAVEPOINT import_file');
  else beginWrite(db);
  try {
    const wasEmpty = st.anyLine.get() === undefined;
    const importId = Number(
      st.begin.run(
        'orders',
        file,
        '',
        bytesTotal,
        wb?.format ?? sniffed.encoding,
        sniffed.delimiter,
        layout,
        opts.leaderOverride ?? null,
        opts.now,
        JSON.stringify(personalColumns(sniffed.headers, mapping.columns)),
      ).lastInsertRowid,
    );
    const write = lineWriter(st, importId, layout, counts);
    for await (const batch of batches) {
      counts.rowsRead += batch.rows;
      for (const r of batch.rejects) {
        counts.rejected++;
        const key = `${r.field}: ${r.reason.replace(/"[^"]*"/g, '"…"')}`;
        reasons.set(key, (reasons.get(key) ?? 0) + 1);
        st.reject.run(importId, source, r.line, r.field, r.reason, r.raw);
      }
      write(batch);
      opts.onProgress?.(batch.bytes, bytesTotal);
    }
    const sha256 = await hashing;
    // Into an empty table every line is new: no need to scan for what changed.
    const outcome = wasEmpty
      ? { inserted: counts.linesAccepted, updated: 0, touched: counts.linesAccepted }
      : (st.outcome.get(importId, importId, importId, importId) as { inserted: number; updated: number; touched: number });
    const summary: ImportSummary = {
      importId,
      file,
      sha256,
      encoding: wb?.format ?? sniffed.encoding,
      delimiter: sniffed.delimiter,
      layout,
      headerLine: sniffed.headerLine,
      mapping: Object.fromEntries(Object.entries(mapping.columns).map(([f, i]) => [f, sniffed.headers[i] ?? ''])),
      unusedHeaders: mapping.unused,
      rowsRead: counts.rowsRead,
      linesAccepted: counts.linesAccepted,
      repeated: counts.repeated,
      rejected: counts.rejected,
      inserted: outcome.inserted,
      updated: outcome.updated,
      unchanged: outcome.touched - outcome.inserted - outcome.updated,
      topReasons: [...reasons]
        .map(([reason, count]) => ({ reason, count }))
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
        .slice(0, 5),
      ...(wb ? { workbook: { format: wb.format, sheet: wb.sheet, skippedSheets: wb.skipped } } : {}),
    };
    checkRejectRate(summary, opts.maxRejectRate);
    st.finish.run(
      sha256,
      summary.rowsRead,
      summary.linesAccepted,
      summary.inserted,
      summary.updated,
      summary.unchanged,
      summary.repeated,
      summary.rejected,
      importId,
    );
    db.exec(nested ? 'RELEASE import_file' : 'COMMIT');
    return summary;
  } catch (e) {
    if (db.inTransaction) db.exec(nested ? 'ROLLBACK TO import_file; RELEASE import_file' : 'ROLLBACK');
    // a full disk: say how much this import needs (its file twice: the rows and the rollback journal)
    if ((e as { code?: string }).code === 'SQLITE_FULL') throw diskFullError(db.name, bytesTotal * 2);
    throw e;
  } finally {
    await batches.return(undefined);
  }
}

/** Lines per multi-row upsert: one statement per 32 lines costs far fewer calls into SQLite. */
const CHUNK = 32;
const COLUMNS = 18;

/**
 * Writes a batch's lines: chunks of CHUNK lines in one multi-row upsert, single rows for the rest.
 * A line already written by this import (changes = 0) is a repeat and gets the next identity (#2 …);
 * when a chunk reports fewer changes than lines, its lines are checked one by one to find which.
 */
function lineWriter(st: ReturnType<typeof prepare>, importId: number, layout: Layout, counts: { linesAccepted: number; repeated: number }) {
  const chunk: (string | number | null)[] = new Array(COLUMNS * CHUNK);
  const one: (string | number | null)[] = new Array(COLUMNS);
  const fill = (p: (string | number | null)[], base: number, o: string[], v: (string | number | null)[], i: number) => {
    const at = (v[i] as number) * ORDER_WIDTH;
    p[base] = o[at]!; // order_id
    p[base + 1] = v[i + 1]!; // line_key
    p[base + 2] = o[at + 1]!; // ordered_at
    p[base + 3] = o[at + 2]!; // member_id
    p[base + 4] = o[at + 3]!; // leader_id
    p[base + 5] = v[i + 2]!; // product
    p[base + 6] = v[i + 3]!; // category
    p[base + 7] = v[i + 4]!; // quantity
    p[base + 8] = v[i + 5]!; // amount_fen
    p[base + 9] = v[i + 6]!; // refund_fen
    p[base + 10] = o[at + 4]!; // status
    p[base + 11] = o[at + 5]!; // member_name
    p[base + 12] = o[at + 6]!; // phone
    p[base + 13] = importId;
    p[base + 14] = importId;
    p[base + 15] = v[i + 7]!; // source_line
    p[base + 16] = v[i + 8]!; // discount_fen
    p[base + 17] = o[at + 7]!; // birthday
  };
  const single = (p: (string | number | null)[]) => {
    const [orderId, lineKey] = [p[0] as string, p[1] as string];
    for (let n = 2; st.upsert.run(p).changes === 0; n++) {
      if (n === 2) counts.repeated++;
      [p[0], p[1]] = repeatIdentity(orderId, lineKey, layout, n);
    }
  };
  return (batch: OrderBatch) => {
    const { orders: o, lines: v } = batch;
    const n = v.length / LINE_WIDTH;
    let k = 0;
    for (; k + CHUNK <= n; k += CHUNK) {
      for (let j = 0; j < CHUNK; j++) fill(chunk, j * COLUMNS, o, v, (k + j) * LINE_WIDTH);
      if (st.upsertChunk.run(chunk).changes === CHUNK) continue;
      const claimed = new Set<string>(); // the chunk wrote each identity once, for its first line
      for (let j = 0; j < CHUNK; j++) {
        fill(one, 0, o, v, (k + j) * LINE_WIDTH);
        const id = `${one[0]}\u0000${one[1]}`;
        if (!claimed.has(id) && st.written.get(one[0], one[1], importId, one[15])) claimed.add(id);
        else single(one);
      }
    }
    for (; k < n; k++) {
      fill(one, 0, o, v, k * LINE_WIDTH);
      single(one);
    }
    counts.linesAccepted += n;
  };
}

function checkRejectRate(s: ImportSummary, max: number): void {
  if (s.rowsRead === 0) {
    throw new InputError({
      zh: `${s.file}:表头(第 ${s.headerLine} 行)下面没有数据行`,
      en: `${s.file}: no data rows under the header (line ${s.headerLine})`,
    });
  }
  const rate = s.rejected / s.rowsRead;
  if (rate <= max) return;
  const top = (lang: 'zh' | 'en') => s.topReasons.map((r) => `  ${r.count} × ${rejectSummaryText(r.reason)[lang]}`).join('\n');
  throw new InputError(
    {
      zh:
        `${s.file}:${s.rowsRead} 行中拒收 ${s.rejected} 行(${(rate * 100).toFixed(1)}%),超过 --max-reject-rate ${max};` +
        `本文件没有导入任何数据。主要原因:\n${top('zh')}`,
      en:
        `${s.file}: ${s.rejected} of ${s.rowsRead} rows rejected (${(rate * 100).toFixed(1)}%), more than ` +
        `--max-reject-rate ${max}; nothing was imported. Top reasons:\n${top('en')}`,
    },
    {
      zh: '改正这些行、用 --map 对应列,或调高 --max-reject-rate 导入其余的行',
      en: 'fix the rows, map the columns with --map, or raise --max-reject-rate to import the rest',
    },
  );
}

/** Upsert of `rows` lines; a line already written by this same import is left alone (changes = 0). */
function upsertSql(rows: number): string {
  const tuple = `(${Array(COLUMNS).fill('?').join(', ')})`;
  return `INSERT INTO order_lines (order_id, line_key, ordered_at, member_id, leader_id,
        product, category, quantity, amount_fen, refund_fen, status, member_name, phone,
        first_import_id, last_import_id, source_line, discount_fen, birthday)
      VALUES ${Array(rows).fill(tuple).join(', ')}
      ON CONFLICT (order_id, line_key) DO UPDATE SET
        changed_import_id = CASE WHEN (ordered_at, member_id, leader_id, product, category, quantity, amount_fen,
            refund_fen, status, member_name, phone, discount_fen, birthday)
          IS NOT (excluded.ordered_at, excluded.member_id, excluded.leader_id, excluded.product, excluded.category,
            excluded.quantity, excluded.amount_fen, excluded.refund_fen, excluded.status, excluded.member_name,
            excluded.phone, excluded.discount_fen, excluded.birthday)
          THEN excluded.last_import_id ELSE changed_import_id END,
        ordered_at = excluded.ordered_at, member_id = excluded.member_id,
        leader_id = excluded.leader_id, product = excluded.product, category = excluded.category,
        quantity = excluded.quantity, amount_fen = excluded.amount_fen, refund_fen = excluded.refund_fen,
        status = excluded.status, member_name = excluded.member_name, phone = excluded.phone, birthday = excluded.birthday,
        discount_fen = excluded.discount_fen, last_import_id = excluded.last_import_id, source_line = excluded.source_line
      WHERE last_import_id <> excluded.last_import_id`;
}

function prepare(db: Db) {
  return {
    begin: db.prepare(`INSERT INTO imports (kind, file_name, sha256, bytes, encoding, delimiter, layout, leader_override,
      imported_at, personal_columns, rows_read, lines_accepted, inserted, updated, unchanged, repeated, rejected)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0)`),
    finish: db.prepare(`UPDATE imports SET sha256 = ?, rows_read = ?, lines_accepted = ?, inserted = ?, updated = ?, unchanged = ?,
      repeated = ?, rejected = ? WHERE import_id = ?`),
    reject: db.prepare('INSERT INTO rejects (import_id, file_name, line, field, reason, raw) VALUES (?, ?, ?, ?, ?, ?)'),
    // A line already written by this same import is not overwritten (changes = 0): it is a repeat.
    upsert: db.prepare(upsertSql(1)),
    upsertChunk: db.prepare(upsertSql(CHUNK)),
    // Was this line (identity and source line) written by this import already?
    written: db.prepare(`SELECT 1 FROM order_lines WHERE order_id = ? AND line_key = ? AND last_import_id = ? AND source_line = ?`),
    anyLine: db.prepare('SELECT 1 FROM order_lines LIMIT 1'),
    outcome: db.prepare(`SELECT
        coalesce(sum(first_import_id = ?), 0) AS inserted,
        coalesce(sum(changed_import_id = ? AND first_import_id <> ?), 0) AS updated,
        count(*) AS touched
      FROM order_lines WHERE last_import_id = ?`),
  };
}
