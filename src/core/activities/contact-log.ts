/**
 * The contact log as the plan reads it (issue #13): outcomes and their words, the task id of a checklist,
 * the holdout draw, and what the log says of a member before a week (不再打扰, resting after a decline,
 * the last contact that rotation starts from). Pure.
 */
import { createHash } from 'node:crypto';
import { addDays, daysBetween, mondayOf } from '../shared/index.js';
import { LOGGED_ACTIONS as MEASURED } from '../kpi/index.js';

/** What a leader records of one contact; `clear` lifts an earlier do_not_disturb. */
export const OUTCOMES = ['sent', 'replied', 'declined', 'do_not_disturb', 'unreachable', 'clear'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Outcomes that mean the member was reached (活动执行率 counts them; rotation starts from them). */
export const CONTACTED: readonly Outcome[] = ['sent', 'replied', 'declined', 'do_not_disturb'];
export const GROUPS = ['contact', 'holdout'] as const;
export type Group = (typeof GROUPS)[number];

/** The words a checklist or `tuan log --outcome` may use for each outcome (Chinese or English, any case). */
export const OUTCOME_WORDS: Readonly<Record<Outcome, readonly string[]>> = {
  sent: ['sent', '已发送', '已发', '发送'],
  replied: ['replied', '已回复', '回复'],
  declined: ['declined', '拒绝', '已拒绝'],
  do_not_disturb: ['do_not_disturb', 'do not disturb', 'dnd', '不再打扰', '勿扰'],
  unreachable: ['unreachable', '联系不上', '未联系上'],
  clear: ['clear', '解除', '解除不再打扰', '可以联系'],
};

const WORD_INDEX = new Map<string, Outcome>(
  (Object.entries(OUTCOME_WORDS) as [Outcome, readonly string[]][]).flatMap(([o, ws]) => ws.map((w) => [w.toLowerCase(), o] as const)),
);

/** An outcome as written (trimmed, any case, full-width spaces too); undefined when the word is unknown. */
export function parseOutcome(word: string): Outcome | undefined {
  return WORD_INDEX.get(
    word
      .replace(/[\s\u3000]+/g, ' ')
      .trim()
      .toLowerCase(),
  );
}

/** Planned actions a checklist row may name, and `manual` for a contact outside any plan. */
export const LOGGED_ACTIONS = [...MEASURED, 'manual'] as const;

/** The stable id of one task of a plan: a short hash of leader, date, time, action and stage (the date gives the week). */
export function taskId(leaderId: string, date: string, time: string, action: string, stage: string | null): string {
  const h = createHash('sha256')
    .update(JSON.stringify([leaderId, date, time, action, stage ?? '']))
    .digest('hex');
  return `t${h.slice(0, 10)}`;
}

/**
 * The holdout draw: a member is in the week's control group when the seeded hash of (leader, ISO week, member)
 * read as a number in [0, 1) is below `share`. The same data, week and configuration give the same holdout,
 * whatever the order of the lists; a member is in the holdout of every list of that week or of none.
 */
export function inHoldout(leaderId: string, weekCode: string, memberId: string, share: number): boolean {
  if (share <= 0) return false;
  const h = createHash('sha256')
    .update(JSON.stringify(['tuan-holdout-v1', leaderId, weekCode, memberId]))
    .digest();
  return h.readUInt32BE(0) / 2 ** 32 < share;
}

/** One row of the contact log as the plan and the review read it. */
export interface LogFact {
  taskId: string | null;
  memberId: string;
  date: string;
  action: string;
  stage: string | null;
  group: Group;
  outcome: Outcome | null;
}

/** What the log says of one member for the plan of a week. */
export interface MemberLogState {
  /** 不再打扰 recorded and not cleared */
  doNotDisturb: boolean;
  /** declined within the rest weeks before the week */
  resting: boolean;
  /** the last contact before the week (a contacted outcome), if any */
  lastContact: string | null;
}

/**
 * The log's say on each member for the week starting `weekStart`. do_not_disturb and clear count up to the
 * week's end (a member who asks not to be disturbed leaves the rest of the week too); a decline rests the
 * member for the `restWeeks` ISO weeks after the week of the decline; the last contact is the latest before the week.
 */
export function logStates(log: readonly LogFact[], weekStart: string, restWeeks: number): Map<string, MemberLogState> {
  const weekEnd = addDays(weekStart, 6);
  const sorted = [...log].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out = new Map<string, MemberLogState>();
  for (const f of sorted) {
    if (f.outcome === null || f.date > weekEnd) continue;
    const s = out.get(f.memberId) ?? { doNotDisturb: false, resting: false, lastContact: null };
    if (f.outcome === 'do_not_disturb') s.doNotDisturb = true;
    if (f.outcome === 'clear') s.doNotDisturb = false;
    if (f.date < weekStart) {
      if (f.outcome === 'declined' && daysBetween(mondayOf(f.date), weekStart) / 7 <= restWeeks) s.resting = true;
      if (f.group === 'contact' && CONTACTED.includes(f.outcome)) s.lastContact = f.date;
    }
    out.set(f.memberId, s);
  }
  return out;
}

/**
 * Rotation from the log: a member contacted before is due again `everyWeeks` ISO weeks after the week of that
 * contact (and every week after, until contacted again); undefined when the log has no contact after
 * `lastOrderDate` (then the plan's own calendar decides).
 */
export function dueFromLog(lastContact: string | null, lastOrderDate: string, weekStart: string, everyWeeks: number): boolean | undefined {
  if (lastContact === null || lastContact < lastOrderDate) return undefined;
  return daysBetween(mondayOf(lastContact), weekStart) / 7 >= everyWeeks;
}
