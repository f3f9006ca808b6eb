/**
 * The holdout check of the paper: fit on the purchases before a date D, then compare, week by week after D,
 * the purchase days the model expected from those members (Σ E[Y(t)] differences) with those they made.
 */
import { daysBetween } from '../shared/index.js';
import type { OrderFact } from '../members/index.js';
import { conditionalExpected, type BgNbdParams, type Rft } from './bgnbd.js';
import { purchaseDays, unitDays, type TimeUnit } from './summary.js';

export interface HoldoutWeek {
  /** 1 = the 7 days from D */
  week: number;
  predicted: number;
  actual: number;
  predictedCumulative: number;
  actualCumulative: number;
}

export interface HoldoutResult {
  weeks: HoldoutWeek[];
  /** mean |predicted − actual| of the weekly counts */
  meanAbsoluteError: number;
}

export interface HoldoutMember {
  summary: Rft;
  /** all the member's orders, sorted by date (those before `from` are skipped) */
  orders: readonly OrderFact[];
}

/**
 * Weekly predicted vs actual purchase days of the calibrated members, for the whole weeks from `from`
 * up to `end` (inclusive). Purchase days as in the fit (one per date); `unit` is the fit's time unit.
 */
export function holdoutWeeks(p: BgNbdParams, members: readonly HoldoutMember[], from: string, end: string, unit: TimeUnit): HoldoutResult {
  const n = Math.floor((daysBetween(from, end) + 1) / 7);
  const actual = new Array<number>(n).fill(0);
  const predicted = new Array<number>(n).fill(0);
  const week = 7 / unitDays(unit);
  // members with the same (x, t_x, T) expect the same: one curve each
  const curves = new Map<string, number>();
  for (const m of members) {
    const key = `${m.summary.x}|${m.summary.tx}|${m.summary.T}`;
    curves.set(key, (curves.get(key) ?? 0) + 1);
  }
  const byKey = new Map(members.map((m) => [`${m.summary.x}|${m.summary.tx}|${m.summary.T}`, m.summary]));
  for (const [key, count] of curves) {
    const s = byKey.get(key)!;
    let prev = 0;
    for (let k = 1; k <= n; k++) {
      const cum = conditionalExpected(p, s, k * week);
      predicted[k - 1]! += count * (cum - prev);
      prev = cum;
    }
  }
  for (const m of members) {
    for (const d of purchaseDays(m.orders, end)) {
      const off = daysBetween(from, d.date);
      if (off >= 0 && off < 7 * n) actual[Math.floor(off / 7)]!++;
    }
  }
  let pc = 0;
  let ac = 0;
  let err = 0;
  const weeks = predicted.map((pr, i) => {
    pc += pr;
    ac += actual[i]!;
    err += Math.abs(pr - actual[i]!);
    return { week: i + 1, predicted: pr, actual: actual[i]!, predictedCumulative: pc, actualCumulative: ac };
  });
  return { weeks, meanAbsoluteError: n ? err / n : 0 };
}
