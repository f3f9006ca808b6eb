/**
 * The SQL of the contact log (issue #13): checklist rows written idempotently (the same file again changes
 * nothing, a later edit updates the outcomes), contacts logged by hand, and the log read back for the plan,
 * `tuan log list` and `tuan review`.
 */
import type { LogFact, LoggedRow, Outcome } from '../core/activities/index.js';
import { addDays } from '../core/shared/index.js';
import { buildReview, type Review, type ReviewOrder } from '../core/review/index.js';
import { readRecordBatches, sniffFile, type RawRecord } from './csv.js';
import { countedLineSql, countedOrdersSql, safeFen, summing } from './queries.js';
import { writeTransaction, type Db } from './db.js';

/** What writing a checklist did. */
export interface LogWrite {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Write checklist rows in one transaction: new (task, member) pairs inserted, changed outcomes or notes updated. */
export function writeChecklistRows(db: Db, rows: readonly LoggedRow[], file: string, now: string): LogWrite {
  return writeTransaction(db, () => {
    const find = db.prepare('SELECT log_id, outcome, note, contact_group FROM contact_log WHERE task_id = ? AND member_id = ?');
    const insert = db.prepare(`INSERT INTO contact_log (task_id, leader_id, member_id, task_date, task_time, action, stage, script,
        contact_group, outcome, note, recorded_at, source_file, source_line)
      VALUES (@taskId, @leaderId, @memberId, @date, @time, @action, @stage, @script, @group, @outcome, @note, @now, @file, @line)`);
    const update = db.prepare(`UPDATE contact_log SET outcome = @outcome, note = @note, contact_group = @group, recorded_at = @now,
        source_file = @file, source_line = @line WHERE log_id = @id`);
    const w: LogWrite = { inserted: 0, updated: 0, unchanged: 0 };
    for (const r of rows) {
      const old = find.get(r.taskId, r.memberId) as
        | { log_id: number; outcome: string | null; note: string; contact_group: string }
        | undefined;
      const p = { ...r, now, file };
      if (!old) {
        insert.run(p);
        w.inserted++;
      } else if (old.outcome === r.outcome && old.note === r.note && old.contact_group === r.group) w.unchanged++;
      else {
        update.run({ ...p, id: old.log_id });
        w.updated++;
      }
    }
    return w;
  });
}

/** A contact logged by hand (`tuan log MEMBER --outcome WORD`), outside any plan. */
export interface ManualContact {
  leaderId: string;
  memberId: string;
  date: string;
  outcome: Outcome;
  note: string;
}

export function insertManualContact(db: Db, c: ManualContact, now: string): number {
  return writeTransaction(db, () =>
    Number(
      db
        .prepare(`INSERT INTO contact_log (task_id, leader_id, member_id, task_date, action, contact_group, outcome, note, recorded_at)
          VALUES (NULL, ?, ?, ?, 'manual', 'contact', ?, ?, ?)`)
        .run(c.leaderId, c.memberId, c.date, c.outcome, c.note, now).lastInsertRowid,
    ),
  );
}

/** The log of these members up to `to` (inclusive), as the plan reads it. */
export function readLogFacts(db: Db, memberIds: readonly string[], to: string): LogFact[] {
  const rows = db
    .prepare(`SELECT task_id, member_id, task_date, action, stage, contact_group, outcome FROM contact_log
      WHERE task_date <= ? AND member_id IN (SELECT value FROM json_each(?)) ORDER BY task_date, log_id`)
    .raw()
    .all(to, JSON.stringify(memberIds)) as [string | null, string, string, string, string | null, 'contact' | 'holdout', Outcome | null][];
  return rows.map(([taskId, memberId, date, action, stage, group, outcome]) => ({ taskId, memberId, date, action, stage, group, outcome }));
}

/** One stored row of the log. */
export interface StoredContact {
  log_id: number;
  task_id: string | null;
  leader_id: string;
  member_id: string;
  task_date: string;
  task_time: string;
  action: string;
  stage: string | null;
  script: string | null;
  group: 'contact' | 'holdout';
  outcome: Outcome | null;
  note: string;
  recorded_at: string;
  source_file: string | null;
  source_line: number | null;
}

export interface LogFilter {
  leader?: string | undefined;
  member?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Rows of the log by task date, time, task and member. */
export function readContacts(db: Db, f: LogFilter): StoredContact[] {
  return db
    .prepare(`SELECT log_id, task_id, leader_id, member_id, task_date, task_time, action, stage, script, contact_group AS "group",
        outcome, note, recorded_at, source_file, source_line FROM contact_log
      WHERE (@leader IS NULL OR leader_id = @leader) AND (@member IS NULL OR member_id = @member)
        AND (@from IS NULL OR task_date >= @from) AND (@to IS NULL OR task_date <= @to)
      ORDER BY task_date, task_time, action, stage, contact_group, member_id, log_id`)
    .all({ leader: f.leader ?? null, member: f.member ?? null, from: f.from ?? null, to: f.to ?? null }) as StoredContact[];
}

/**
 * A filled checklist as a header and a stream of records, whatever the file: a CSV (the same decoding as imports:
 * encoding detection, GBK from Excel or WPS, a BOM, title rows above the header) or a sheet of an Excel workbook
 * (.xlsx/.xlsm/.xls, known by its content, read by adapters/workbook.ts), its lines being the sheet's row numbers.
 */
export interface ChecklistSource {
  headers: string[];
  records: AsyncIterable<RawRecord[]>;
  /** lines that could not be read (undecodable bytes, malformed CSV, a cell holding an error value), with their line numbers */
  problems: { line: number; reason: string }[];
  /** the sheet read when the file is a workbook, else null */
  sheet: string | null;
}

/** A checklist CSV or workbook through the import's reader; `sheet` picks a workbook's sheet (name or number) as for imports. */
export async function readChecklist(path: string, extraHeaders: readonly string[], sheet?: string): Promise<ChecklistSource> {
  const sniffed = await sniffFile(path, { encoding: 'auto', delimiter: 'auto', extraHeaders, sheet });
  const problems: ChecklistSource['problems'] = [];
  const records = readRecordBatches(
    path,
    sniffed,
    (b) => problems.push({ line: b.line, reason: b.reason ?? 'bytes that do not decode' }),
    (p) => problems.push({ line: p.line, reason: p.reason }),
  );
  return { headers: sniffed.headers, records, problems, sheet: sniffed.workbook?.sheet ?? null };
}

/** The leader of a member's latest order line on or before `asOf` (null: no such line). */
export function latestLeaderOf(db: Db, memberId: string, asOf: string): string | null {
  const r = db
    .prepare('SELECT leader_id FROM order_lines WHERE member_id = ? AND order_date <= ? ORDER BY ordered_at DESC, order_id DESC LIMIT 1')
    .pluck()
    .get(memberId, asOf) as string | undefined;
  return r ?? null;
}

/** Whether the contact log holds any row of a planned task (the log KPIs are shown only then). */
export function hasTaskRows(db: Db): boolean {
  return db.prepare('SELECT 1 FROM contact_log WHERE task_id IS NOT NULL LIMIT 1').get() !== undefined;
}

/** Rows of planned tasks dated from..to (these leaders, or all when null), as the review reads them. */
function readTaskRows(db: Db, from: string, to: string, leaders: readonly string[] | null): LogFact[] {
  const rows = db
    .prepare(`SELECT task_id, member_id, task_date, action, stage, contact_group, outcome FROM contact_log
      WHERE task_id IS NOT NULL AND task_date BETWEEN ? AND ?
        AND (? IS NULL OR leader_id IN (SELECT value FROM json_each(?))) ORDER BY task_date, log_id`)
    .raw()
    .all(from, to, leaders && 1, JSON.stringify(leaders ?? [])) as [
    string,
    string,
    string,
    string,
    string | null,
    'contact' | 'holdout',
    Outcome | null,
  ][];
  return rows.map(([taskId, memberId, date, action, stage, group, outcome]) => ({ taskId, memberId, date, action, stage, group, outcome }));
}

/** Counted orders of these members dated from..to: date, amount and the discount of their counted lines. */
function readReviewOrders(db: Db, memberIds: readonly string[], from: string, to: string): ReviewOrder[] {
  const rows = summing(
    'review spend',
    () =>
      db
        .prepare(`SELECT o.member_id, substr(o.ordered_at, 1, 10), o.amount_fen,
          (SELECT coalesce(sum(l.discount_fen), 0) FROM order_lines l WHERE l.order_id = o.order_id AND ${countedLineSql('l.')})
        FROM (${countedOrdersSql('order_date BETWEEN @from AND @to AND member_id IN (SELECT value FROM json_each(@ids))')}) o
        ORDER BY o.member_id, o.ordered_at`)
        .raw()
        .all({ from, to, ids: JSON.stringify(memberIds) }) as [string, string, number, number][],
  );
  return rows.map(([memberId, date, spendFen, discountFen]) => ({
    memberId,
    date,
    spendFen: safeFen(spendFen, 'review spend'),
    discountFen: safeFen(discountFen, 'review discount'),
  }));
}

export interface ReviewQuery {
  from: string;
  to: string;
  /** orders after the data date are not known yet */
  asOf: string;
  /** these leaders' tasks; null = every leader */
  leaders: readonly string[] | null;
  windowDays: number;
}

/** The review of the tasks dated from..to (`tuan review`, the log KPIs, the report's "what worked"). */
export function readReview(db: Db, q: ReviewQuery): Review {
  const rows = readTaskRows(db, q.from, q.to, q.leaders);
  const last = addDays(q.to, q.windowDays - 1);
  const ids = [...new Set(rows.map((r) => r.memberId))];
  const orders = readReviewOrders(db, ids, q.from, last < q.asOf ? last : q.asOf);
  return buildReview({ from: q.from, to: q.to, windowDays: q.windowDays, rows, orders });
}
