/**
 * `tuan log` as functions (issue #13): a filled checklist into the contact log, one contact logged by hand,
 * and the log listed. Notes may hold names and phones: masked like names unless `unmask`.
 */
import { basename, resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import {
  CHECKLIST_COLUMNS,
  checklistHeader,
  parseChecklistRecord,
  parseOutcome,
  type LoggedRow,
  type Outcome,
} from '../core/activities/index.js';
import { maskPhonesInText, maskWords, parseIsoDate } from '../core/shared/index.js';
import {
  insertManualContact,
  latestLeaderOf,
  readChecklist,
  readContacts,
  writeChecklistRows,
  type ChecklistSource,
  type LogFilter,
} from '../adapters/contact-log.js';
import { knownMemberIds } from '../adapters/forget.js';
import { readLeaders } from '../adapters/queries.js';
import { checkLeader } from '../adapters/scope.js';
import type { Text } from '../i18n.js';
import { withDb, withDbAsync, type DbInput, type MaskOptions } from './common.js';

export interface LogImportOptions {
  /** the checklist file: a CSV, or an Excel workbook (.xlsx/.xlsm/.xls, known by its content) */
  file: string;
  /** the sheet of a workbook to read, by name or 1-based number among the visible sheets; default: the first with a header */
  sheet?: string | undefined;
  /** the directory a relative file name is resolved against; default: the process's */
  cwd?: string | undefined;
  /** the instant of the import, ISO with offset (recorded_at) */
  now: string;
}

export interface LogImportResult {
  file: string;
  /** the sheet read when the file is a workbook (line numbers are then its row numbers), else null */
  sheet: string | null;
  /** data rows read */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** rows not recorded, with their line numbers (the rest is recorded) */
  rejected: { line: number; field: string; reason: Text }[];
}

/** Read a checklist's rows: good rows, and bad ones with their lines. */
async function readRows(
  src: ChecklistSource,
  file: string,
): Promise<{ rows: LoggedRow[]; rejected: LogImportResult['rejected']; read: number }> {
  const { index, missing } = checklistHeader(src.headers);
  if (missing.length)
    throw new InputError(
      {
        zh: `${file} 不是执行清单:缺少列 ${missing.join(', ')}`,
        en: `${file} is not a checklist: missing column(s) ${missing.join(', ')}`,
      },
      {
        zh: '用 tuan plan --format checklist 生成清单,填写 outcome 和 note 两列后再导入',
        en: 'make one with tuan plan --format checklist, fill in outcome and note, and import it',
      },
    );
  const rows: LoggedRow[] = [];
  const rejected: LogImportResult['rejected'] = [];
  const seen = new Map<string, number>();
  let read = 0;
  for await (const batch of src.records) {
    for (const rec of batch) {
      read++;
      const r = parseChecklistRecord(index, rec.cells, rec.line);
      if (!r.ok) {
        rejected.push({ line: r.line, field: r.field, reason: r.reason });
        continue;
      }
      const key = `${r.row.taskId}\u0000${r.row.memberId}`;
      const first = seen.get(key);
      if (first !== undefined) {
        rejected.push({
          line: rec.line,
          field: 'task_id',
          reason: { zh: `与第 ${first} 行是同一任务的同一位会员`, en: `the same task and member as line ${first}` },
        });
        continue;
      }
      seen.set(key, rec.line);
      rows.push(r.row);
    }
  }
  const where = src.sheet === null ? '(csv)' : '(sheet)';
  for (const p of src.problems) rejected.push({ line: p.line, field: where, reason: { zh: p.reason, en: p.reason } });
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected, read: read + src.problems.length };
}

/**
 * A filled checklist into the contact log: contact rows with their outcome (blank = not done), holdout rows as
 * holdout. A row with an unknown outcome word or task is rejected with its line; the rest is recorded. The same
 * file again changes nothing; a later edit of the checklist updates the outcomes and notes.
 */
export async function logImport(db: DbInput, o: LogImportOptions): Promise<LogImportResult> {
  const path = resolve(o.cwd ?? process.cwd(), o.file);
  const file = basename(path);
  const src = await readChecklist(path, CHECKLIST_COLUMNS, o.sheet);
  const { rows, rejected, read } = await readRows(src, file);
  return withDbAsync(db, async (h) => {
    // a member the database has no order of is not a member of any plan (a checklist edited by hand): rejected
    const known = knownMemberIds(h, [...new Set(rows.map((r) => r.memberId))]);
    const unknown = rows.filter((r) => !known.has(r.memberId));
    for (const r of unknown)
      rejected.push({
        line: r.line,
        field: 'member_id',
        reason: { zh: `没有会员 "${r.memberId}" 的订单`, en: `no order of member "${r.memberId}"` },
      });
    rejected.sort((a, b) => a.line - b.line);
    const w = writeChecklistRows(
      h,
      rows.filter((r) => known.has(r.memberId)),
      file,
      o.now,
    );
    return { file, sheet: src.sheet, rows: read, ...w, rejected };
  });
}

export interface LogContactOptions {
  memberId: string;
  /** an outcome word (Chinese or English), or clear (lifts 不再打扰) */
  outcome: string;
  /** the date of the contact; default asOf */
  date?: string | undefined;
  note?: string | undefined;
  /** the leader; default the leader of the member's latest order */
  leader?: string | undefined;
  asOf: string;
  /** ISO instant (recorded_at) */
  now: string;
}

export interface LogContactResult {
  log_id: number;
  member_id: string;
  leader_id: string;
  date: string;
  outcome: Outcome;
}

/** One contact outside any plan (or `clear`, which lifts 不再打扰). */
export function logContact(db: DbInput, o: LogContactOptions): LogContactResult {
  const outcome = parseOutcome(o.outcome);
  if (outcome === undefined)
    throw new UsageError(
      { zh: `--outcome "${o.outcome}" 不是已知的结果`, en: `--outcome "${o.outcome}" is not a known outcome` },
      {
        zh: '用 sent(已发送)、replied(已回复)、declined(拒绝)、do_not_disturb(不再打扰)、unreachable(联系不上)或 clear(解除不再打扰)',
        en: 'use sent, replied, declined, do_not_disturb, unreachable, or clear (lifts do_not_disturb)',
      },
    );
  const date = o.date === undefined ? o.asOf : parseIsoDate(o.date);
  if (date === null) throw new UsageError({ zh: `--date "${o.date}" 应是 YYYY-MM-DD`, en: `--date "${o.date}" must be YYYY-MM-DD` });
  return withDb(db, (h) => {
    if (!knownMemberIds(h, [o.memberId]).has(o.memberId))
      throw new UsageError(
        { zh: `没有会员 "${o.memberId}" 的订单`, en: `no order of member "${o.memberId}"` },
        { zh: '用 tuan segment --format csv 核对会员ID', en: 'check the ID with: tuan segment --format csv' },
      );
    const leaderId =
      checkLeader(o.leader, readLeaders(h)) ?? latestLeaderOf(h, o.memberId, date) ?? latestLeaderOf(h, o.memberId, '9999-12-31')!;
    const id = insertManualContact(h, { leaderId, memberId: o.memberId, date, outcome, note: o.note ?? '' }, o.now);
    return { log_id: id, member_id: o.memberId, leader_id: leaderId, date, outcome };
  });
}

export interface LogListOptions extends MaskOptions, LogFilter {}

/** One row of `tuan log list` (the JSON contract). */
export interface LogListRow {
  log_id: number;
  task_id: string | null;
  date: string;
  time: string;
  leader_id: string;
  member_id: string;
  action: string;
  stage: string | null;
  script: string | null;
  group: 'contact' | 'holdout';
  outcome: Outcome | null;
  note: string;
  recorded_at: string;
  source: string | null;
}

/** The log by date, newest last; notes masked like names unless `unmask`. */
export function logList(db: DbInput, o: LogListOptions = {}): LogListRow[] {
  for (const [k, v] of [
    ['--from', o.from],
    ['--to', o.to],
  ] as const)
    if (v !== undefined && parseIsoDate(v) === null)
      throw new UsageError({ zh: `${k} "${v}" 应是 YYYY-MM-DD`, en: `${k} "${v}" must be YYYY-MM-DD` });
  return withDb(db, (h) => readContacts(h, o)).map((r) => ({
    log_id: r.log_id,
    task_id: r.task_id,
    date: r.task_date,
    time: r.task_time,
    leader_id: r.leader_id,
    member_id: r.member_id,
    action: r.action,
    stage: r.stage,
    script: r.script,
    group: r.group,
    outcome: r.outcome,
    note: o.unmask ? r.note : maskWords(maskPhonesInText(r.note)),
    recorded_at: r.recorded_at,
    source: r.source_file === null ? null : `${r.source_file}:${r.source_line}`,
  }));
}
