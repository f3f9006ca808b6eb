/**
 * Who needs help (issue #15, seed 000 §8.3): the support rule judged month by month, and the support period it
 * opens. Pure: each month's numbers in, each month's verdict out.
 *
 * The rule fires for month m when a watched KPI (GMV, active members) fell by at least drop_pct on the month
 * before, in m and in each of the drop_months − 1 months before it, or when at least min_failed_checks KPI
 * checks FAILed for the leader in m. A leader not on support whose rule fires in m is put on support: the
 * support period is the period_months months after m. Each further month the rule fires renews the period
 * from that month. The period ends early only when the rule has not fired for quiet_months months in a row.
 */
import { addMonths } from '../shared/index.js';

export const WATCHED_KPIS = ['gmv', 'active_members'] as const;
export type WatchedKpi = (typeof WATCHED_KPIS)[number];

export interface SupportRule {
  /** a fall of at least this percent on the month before counts */
  drop_pct: number;
  /** … in this many months in a row */
  drop_months: number;
  drop_kpis: readonly WatchedKpi[];
  /** this many FAILed KPI checks in one month fire the rule too (0 = checks never fire it) */
  min_failed_checks: number;
  /** length of the support period, in months after the month the rule fired */
  period_months: number;
  /** the period ends early after this many months in a row without the rule firing */
  quiet_months: number;
}

/** What the leader's numbers were in one month. */
export interface SupportMonth {
  month: string;
  /** the watched KPIs; null = no data (a fall is never measured from or to a month without data) */
  values: Record<WatchedKpi, number | null>;
  /** names of the KPI checks that FAILed for this leader in the month */
  failedChecks: readonly string[];
}

export interface DropStep {
  month: string;
  prev: number;
  value: number;
}

export type SupportReason =
  | { code: 'drop'; kpi: WatchedKpi; steps: DropStep[] }
  | { code: 'checks'; month: string; failed: readonly string[]; min: number };

export type SupportStatus = 'entering' | 'on' | 'ended' | 'ended_early';

export interface SupportVerdict {
  month: string;
  /** why the rule fired in this month; empty = it did not fire */
  reasons: SupportReason[];
  /** after judging this month: entering (fired, was not on support), on (continues), ended / ended_early (off from next month), null (not on support) */
  status: SupportStatus | null;
  /** the month whose numbers put the leader on support (the current period's start), while on it or as it ends */
  started: string | null;
  /** the last month of the support period as it stands */
  until: string | null;
}

/** a fell by ≥ pct % from b: (b − a) × 100 ≥ pct × b, in integers (pct has at most 2 decimals). */
const fell = (b: number, a: number, pct: number) => b > 0 && (b - a) * 10_000 >= Math.round(pct * 100) * b;

/** Why the rule fires for months[i] (empty: it does not). */
export function judgeMonth(months: readonly SupportMonth[], i: number, rule: SupportRule): SupportReason[] {
  const reasons: SupportReason[] = [];
  for (const kpi of rule.drop_kpis) {
    const steps: DropStep[] = [];
    for (let j = i - rule.drop_months + 1; j <= i; j++) {
      const cur = months[j]?.values[kpi];
      const prev = months[j - 1]?.values[kpi];
      if (j < 1 || cur == null || prev == null || !fell(prev, cur, rule.drop_pct)) break;
      steps.push({ month: months[j]!.month, prev, value: cur });
    }
    if (rule.drop_months > 0 && steps.length === rule.drop_months) reasons.push({ code: 'drop', kpi, steps });
  }
  const m = months[i]!;
  if (rule.min_failed_checks > 0 && m.failedChecks.length >= rule.min_failed_checks)
    reasons.push({ code: 'checks', month: m.month, failed: m.failedChecks, min: rule.min_failed_checks });
  return reasons;
}

/** The verdict of every month, in order (months consecutive, oldest first). */
export function supportTimeline(months: readonly SupportMonth[], rule: SupportRule): SupportVerdict[] {
  let started: string | null = null;
  let until: string | null = null;
  let quiet = 0;
  return months.map((m, i) => {
    const reasons = judgeMonth(months, i, rule);
    const fired = reasons.length > 0;
    let status: SupportStatus | null = null;
    if (started === null) {
      if (fired) {
        started = m.month;
        until = addMonths(m.month, rule.period_months);
        quiet = 0;
        status = 'entering';
      }
      return { month: m.month, reasons, status, started, until };
    }
    if (fired) {
      quiet = 0;
      const renewed = addMonths(m.month, rule.period_months);
      if (renewed > until!) until = renewed;
      status = 'on';
    } else {
      quiet++;
      status = m.month >= until! ? 'ended' : quiet >= rule.quiet_months ? 'ended_early' : 'on';
    }
    const verdict = { month: m.month, reasons, status, started, until: status === 'ended_early' ? m.month : until };
    if (status === 'ended' || status === 'ended_early') started = until = null;
    return verdict;
  });
}

/** A leader on the support list after month M. */
export interface SupportEntry {
  leaderId: string;
  /** after judging month M */
  status: SupportStatus;
  /** the month whose numbers put the leader on support */
  started: string;
  /** the last month of the support period as it stands (the month it ended, for ended_early) */
  until: string;
  /** why the rule fired in the start month */
  reasons: SupportReason[];
  /** why the rule fired in M (empty: it did not) */
  latest: SupportReason[];
}
