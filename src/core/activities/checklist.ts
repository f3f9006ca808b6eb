/**
 * The checklist of a weekly plan (`tuan plan --format checklist`): one row per task and member, holdout rows
 * included, `outcome` and `note` left for the leader to fill in; and reading a filled checklist back
 * (`tuan log import`) from its header and records, whatever file they came from (a CSV or a sheet of a workbook). Pure.
 */
import { parseIsoDate } from '../shared/index.js';
import { STAGES } from '../members/index.js';
import { LOGGED_ACTIONS, parseOutcome, taskId, type Group, type Outcome } from './contact-log.js';
import type { Plan } from './plan.js';
import type { Text } from '../../i18n.js';

export const CHECKLIST_COLUMNS = [
  'task_id',
  'date',
  'time',
  'leader_id',
  'member_id',
  'member',
  'stage',
  'action',
  'script',
  'group',
  'outcome',
  'note',
] as const;
export type ChecklistColumn = (typeof CHECKLIST_COLUMNS)[number];

/** One row of a checklist: task and member, outcome and note empty. `member` is the name as shown (masked unless unmask). */
export type ChecklistRow = Record<ChecklistColumn, string>;

/** The rows of a plan's checklist: every task with members, in day and task order; contact rows first, then the task's holdout. */
export function checklistRows(plan: Plan, leaderId: string, nameOf: (memberId: string) => string): ChecklistRow[] {
  const out: ChecklistRow[] = [];
  for (const d of plan.days) {
    for (const t of d.tasks) {
      if (t.stage === null) continue;
      const row = (memberId: string, group: Group): ChecklistRow => ({
        task_id: t.id,
        date: d.date,
        time: t.time,
        leader_id: leaderId,
        member_id: memberId,
        member: nameOf(memberId),
        stage: t.stage ?? '',
        action: t.action,
        script: t.script ?? '',
        group,
        outcome: '',
        note: '',
      });
      out.push(...t.memberIds.map((m) => row(m, 'contact')), ...t.holdoutIds.map((m) => row(m, 'holdout')));
    }
  }
  return out;
}

/** A checklist row read back: what the contact log stores. */
export interface LoggedRow {
  taskId: string;
  leaderId: string;
  memberId: string;
  date: string;
  time: string;
  action: string;
  stage: string | null;
  script: string | null;
  group: Group;
  outcome: Outcome | null;
  note: string;
  line: number;
}

export type ChecklistParse = { ok: true; row: LoggedRow } | { ok: false; line: number; field: string; reason: Text };

/** Columns a filled checklist must have (member, script and note may be left out). */
const REQUIRED: readonly ChecklistColumn[] = ['task_id', 'date', 'time', 'leader_id', 'member_id', 'stage', 'action', 'group', 'outcome'];

/** Column positions of a checklist header (names matched without case, spaces or a BOM); the missing required columns. */
export function checklistHeader(headers: readonly string[]): { index: Partial<Record<ChecklistColumn, number>>; missing: string[] } {
  const norm = headers.map((h) =>
    h
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const index: Partial<Record<ChecklistColumn, number>> = {};
  for (const c of CHECKLIST_COLUMNS) {
    const i = norm.indexOf(c);
    if (i >= 0) index[c] = i;
  }
  return { index, missing: REQUIRED.filter((c) => index[c] === undefined) };
}

/** A formula-neutralising `'` that a spreadsheet kept in the cell is not part of the value. */
const cellText = (v: string | undefined) => (v ?? '').trim().replace(/^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/, '');

/**
 * A date or time cell as the plan wrote it, also when a spreadsheet turned it into a date or time value: a workbook
 * date cell reads `2026-11-02 00:00:00` (core/ingest/cells.ts), a time cell `09:00:00`, and Excel shows `9:00`.
 */
const dateText = (v: string) => v.replace(/^(\d{4}-\d{2}-\d{2})[ T]00:00(?::00)?$/, '$1');
const timeText = (v: string) => {
  const m = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(v);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : v;
};

const bad = (line: number, field: string, zh: string, en: string): ChecklistParse => ({ ok: false, line, field, reason: { zh, en } });

/**
 * One record of a filled checklist, checked: the task id must be the one its leader, date, time, action and stage
 * give (an unknown or edited task is rejected), the outcome a known word (Chinese or English) or empty.
 */
export function parseChecklistRecord(
  index: Partial<Record<ChecklistColumn, number>>,
  cells: readonly string[],
  line: number,
): ChecklistParse {
  const get = (c: ChecklistColumn) => (index[c] === undefined ? '' : cellText(cells[index[c]]));
  const id = get('task_id');
  const leaderId = get('leader_id');
  const memberId = get('member_id');
  const date = parseIsoDate(dateText(get('date')));
  const time = timeText(get('time'));
  const action = get('action');
  const stage = get('stage');
  const group = get('group');
  const word = get('outcome');
  if (memberId === '') return bad(line, 'member_id', '会员ID 为空', 'the member_id is empty');
  if (leaderId === '') return bad(line, 'leader_id', '团长ID 为空', 'the leader_id is empty');
  if (date === null) return bad(line, 'date', `日期 "${get('date')}" 不是 YYYY-MM-DD`, `the date "${get('date')}" is not YYYY-MM-DD`);
  if (!(LOGGED_ACTIONS as readonly string[]).includes(action) || action === 'manual')
    return bad(line, 'action', `未知的任务类型 "${action}"`, `unknown action "${action}"`);
  if (!(STAGES as readonly string[]).includes(stage)) return bad(line, 'stage', `未知的阶段 "${stage}"`, `unknown stage "${stage}"`);
  if (group !== 'contact' && group !== 'holdout')
    return bad(line, 'group', `分组 "${group}" 应是 contact 或 holdout`, `the group "${group}" must be contact or holdout`);
  if (id !== taskId(leaderId, date, time, action, stage))
    return bad(
      line,
      'task_id',
      `未知的任务 "${id}":与这一行的团长、日期、时间、任务和阶段对不上(清单被改过?)`,
      `unknown task "${id}": it does not match the row's leader, date, time, action and stage (was the checklist edited?)`,
    );
  const outcome = word === '' ? null : parseOutcome(word);
  if (outcome === undefined || outcome === 'clear')
    return bad(
      line,
      'outcome',
      `未知的结果 "${word}":应是 已发送、已回复、拒绝、不再打扰、联系不上,或留空`,
      `unknown outcome "${word}": use sent, replied, declined, do_not_disturb, unreachable, or leave it empty`,
    );
  return {
    ok: true,
    row: {
      taskId: id,
      leaderId,
      memberId,
      date,
      time,
      action,
      stage,
      script: get('script') || null,
      group,
      outcome,
      note: get('note'),
      line,
    },
  };
}
