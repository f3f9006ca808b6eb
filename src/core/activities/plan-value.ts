/**
 * The plan's use of the predictions (issue #14): silent-care and churned-call lists ordered by the value the
 * member can still bring back (their CLV, which is P(alive) × what they would buy if still active), past spend
 * where there is no prediction; and one-to-one messages moved to the member's usual ordering hour.
 */
import type { PlanMember, PlanTask } from './plan.js';

/** Predicted value first (members without one after, by past spend), then member id. */
export function byRecoverableValue(a: PlanMember, b: PlanMember): number {
  const va = a.valueFen ?? null;
  const vb = b.valueFen ?? null;
  if (va !== null && vb !== null && va !== vb) return vb - va;
  if ((va === null) !== (vb === null)) return va === null ? 1 : -1;
  return b.spendFen - a.spendFen || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);
}

/**
 * A one-to-one task split by the members' usual hour: members who usually order at hour H get the task at
 * `HH:00` that day; the others keep the scheduled time. One task per time, sorted by time, members in order.
 * Only hours from 08:00 to 21:00 are used: a member who orders at 23:00 or 06:00 is not messaged or called then.
 */
/** The hours a leader may message or call a member at (a usual hour outside them keeps the plan's time). */
const FIRST_HOUR = 8;
const LAST_HOUR = 21;

export function atUsualHours(t: PlanTask, hourOf: (memberId: string) => number | null | undefined): PlanTask[] {
  const byTime = new Map<string, string[]>();
  for (const id of t.memberIds) {
    const h = hourOf(id);
    const time = h === null || h === undefined || h < FIRST_HOUR || h > LAST_HOUR ? t.time : `${String(h).padStart(2, '0')}:00`;
    let list = byTime.get(time);
    if (!list) byTime.set(time, (list = []));
    list.push(id);
  }
  if (byTime.size <= 1) return [{ ...t, time: byTime.keys().next().value ?? t.time }];
  return [...byTime].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([time, memberIds]) => ({ ...t, time, memberIds }));
}
