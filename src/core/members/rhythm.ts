/**
 * A member's own rhythm: the median gap between their order days, and the weekday and hour they usually
 * order at. The personal at-risk reading (stages.at_risk_mode: personal) flags an active member once the days
 * since the last order pass at_risk_rhythm_factor × their median gap; with fewer than 3 order days (fewer than
 * 2 gaps) there is no rhythm yet and the fixed at_risk_days applies.
 */
import { daysBetween, isoWeekday } from '../shared/index.js';
import { ACTIVE_STAGES, type Stage } from './lifecycle.js';

export interface Rhythm {
  /** distinct order days */
  days: number;
  /** median days between consecutive order days; null with fewer than 3 order days */
  medianGapDays: number | null;
  /** 1 = Monday … 7 = Sunday: the most frequent weekday of the orders, if it holds at least 40 % of them (3+ orders) */
  usualWeekday: number | null;
  /** 0–23: the most frequent hour of the orders, if it holds at least 40 % of them (3+ orders) */
  usualHour: number | null;
}

/** A member's orders as the rhythm needs them: `orderedAt` is `YYYY-MM-DDTHH:MM:SS+08:00` (local time). */
export interface TimedOrder {
  orderDate: string;
  orderedAt: string;
}

const MIN_DAYS = 3;
const USUAL_SHARE = 0.4;

function usual(values: readonly number[]): number | null {
  if (values.length < MIN_DAYS) return null;
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  let n = 0;
  for (const [v, c] of [...counts].sort((a, b) => a[0] - b[0])) if (c > n) [best, n] = [v, c];
  return n >= USUAL_SHARE * values.length ? best : null;
}

/** The rhythm of a member's orders (any order; dates compared as text). */
export function rhythmOf(orders: readonly TimedOrder[]): Rhythm {
  const days = [...new Set(orders.map((o) => o.orderDate))].sort();
  const gaps = days
    .slice(1)
    .map((d, i) => daysBetween(days[i]!, d))
    .sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  const medianGapDays = days.length < MIN_DAYS ? null : gaps.length % 2 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
  return {
    days: days.length,
    medianGapDays,
    usualWeekday: usual(orders.map((o) => isoWeekday(o.orderDate))),
    usualHour: usual(orders.map((o) => Number(o.orderedAt.slice(11, 13)))),
  };
}

/** The at-risk flag of an active member, fixed or personal (see the file's comment). */
export function atRiskReading(
  stage: Stage,
  recencyDays: number,
  rhythm: Rhythm | undefined,
  t: { at_risk_days: number; at_risk_mode: 'fixed' | 'personal'; at_risk_rhythm_factor: number },
): boolean {
  if (!ACTIVE_STAGES.includes(stage)) return false;
  if (t.at_risk_mode === 'personal' && rhythm?.medianGapDays != null) return recencyDays > t.at_risk_rhythm_factor * rhythm.medianGapDays;
  return recencyDays > t.at_risk_days;
}
