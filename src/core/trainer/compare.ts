/**
 * The trainer's comparison (issue #15): each leader's KPIs for a month next to the month before and the same
 * month a year earlier, the leader's rank in the scope and the scope's median. Pure: values in, ranks out.
 */
import { compareRatio, ratio, type Ratio } from '../shared/index.js';

/** Which way is better; null = neither (a distribution, like the stage shares): no rank, no best. */
export type Better = 'higher' | 'lower' | null;

/** One KPI of one leader: the month M, M−1 and M−12 (null = n/a, or no data yet in that month). */
export interface KpiValues {
  value: Ratio | null;
  prev: Ratio | null;
  yoy: Ratio | null;
}

export interface RankedValues extends KpiValues {
  /** 1 = best in the scope; ties share the better rank (1, 2, 2, 4); null when the value is n/a or the KPI has no better way */
  rank: number | null;
}

export interface LeaderKpis<K extends string> {
  leaderId: string;
  kpis: Record<K, KpiValues>;
}

export interface Comparison<K extends string> {
  rows: { leaderId: string; kpis: Record<K, RankedValues> }[];
  /** the median of the month's values over the leaders of the scope (n/a values left out) */
  median: Record<K, Ratio | null>;
}

/**
 * Standard competition ranks ("1224"): a value's rank is 1 + the number of values strictly better.
 * n/a values get no rank and do not push others down.
 */
export function rankOf(values: readonly (Ratio | null)[], better: Better): (number | null)[] {
  if (better === null) return values.map(() => null);
  const sign = better === 'higher' ? 1 : -1;
  return values.map((v) => (v === null ? null : 1 + values.filter((w) => w !== null && compareRatio(w, v) * sign > 0).length));
}

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

function reduce(r: Ratio): Ratio {
  const g = gcd(r.num, r.den) || 1;
  return { num: r.num / g, den: r.den / g };
}

/** The median; of an even count, the mean of the two middle values (exact, as a fraction). */
export function median(values: readonly (Ratio | null)[]): Ratio | null {
  const xs = values.filter((v): v is Ratio => v !== null).sort(compareRatio);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  if (xs.length % 2 === 1) return xs[mid]!;
  const a = reduce(xs[mid - 1]!);
  const b = reduce(xs[mid]!);
  return ratio(a.num * b.den + b.num * a.den, 2 * a.den * b.den);
}

/** Rank every KPI across the leaders and take the scope's median; rows keep their order. */
export function compareLeaders<K extends string>(
  kpis: readonly { code: K; better: Better }[],
  leaders: readonly LeaderKpis<K>[],
): Comparison<K> {
  const ranks = new Map(
    kpis.map((k) => [
      k.code,
      rankOf(
        leaders.map((l) => l.kpis[k.code].value),
        k.better,
      ),
    ]),
  );
  const rows = leaders.map((l, i) => ({
    leaderId: l.leaderId,
    kpis: Object.fromEntries(kpis.map((k) => [k.code, { ...l.kpis[k.code], rank: ranks.get(k.code)![i]! }])) as Record<K, RankedValues>,
  }));
  const med = Object.fromEntries(kpis.map((k) => [k.code, median(leaders.map((l) => l.kpis[k.code].value))])) as Record<K, Ratio | null>;
  return { rows, median: med };
}

/** Change of `value` against `base` as a fraction of base ((value − base) / |base|); null when either is n/a or base is 0. */
export function change(value: Ratio | null, base: Ratio | null): Ratio | null {
  if (value === null || base === null || base.num === 0) return null;
  const v = reduce(value);
  const b = reduce(base);
  // v/vd − b/bd over |b/bd|  =  (v·bd − b·vd) / (vd·|b|)
  return ratio(v.num * b.den - b.num * v.den, v.den * Math.abs(b.num));
}

/** Difference value − base (for rates: percentage points as a fraction); null when either is n/a. */
export function difference(value: Ratio | null, base: Ratio | null): Ratio | null {
  if (value === null || base === null) return null;
  const v = reduce(value);
  const b = reduce(base);
  return ratio(v.num * b.den - b.num * v.den, v.den * b.den);
}
