/**
 * From weekly sums to anomalies: which series are watched, and the anomaly records.
 *
 * Two kinds of series are watched (issue #15), each with the rule of anomalies.ts:
 * - each leader's whole GMV (category and product null), for a drop: a supply problem, an absent leader or a
 *   lost group shows in everything the leader sells at once. A single category's GMV is not watched for
 *   drops: the seasons move it by half within two weeks (summer fruit ends in September, 冻品 after 春节,
 *   月饼 after 中秋), which eight trailing weeks cannot tell from trouble;
 * - each leader's refund rate per category (or per product), for a rise: a bad batch or a supplier
 *   problem shows in one category's refunds, and the seasons do not move refund rates;
 * - with `categoryGmv` (configuration products.anomalies.category_gmv, off by default), each category's (or
 *   product's) GMV for a drop too, for a user whose categories have no seasons.
 */
import { addDays, daysBetween, ratio } from '../shared/index.js';
import { findSteps, type AnomalyMetric, type AnomalyRule, type WeekPoint } from './anomalies.js';

/** A leader's counted GMV in one week. */
export interface GmvWeek {
  leaderId: string;
  /** Monday */
  weekStart: string;
  gmvFen: number;
}

/** Paid, refunded and counted fen of one category (or product) at one leader in one week. */
export interface ProductWeek {
  leaderId: string;
  category: string;
  /** null when grouped by category */
  product: string | null;
  weekStart: string;
  paidFen: number;
  refundedFen: number;
  /** the counted amount of its lines (GMV) */
  gmvFen: number;
}

export interface Anomaly {
  leader_id: string;
  /** null: the leader's whole business */
  category: string | null;
  product: string | null;
  metric: AnomalyMetric;
  /** Monday of the first week of the step */
  week_start: string;
  /** the week's value: fen for gmv, a rate for refund_rate */
  value: number;
  /** the median of the trailing weeks, same unit */
  baseline: number;
  /** the robust z-score of the week */
  score: number;
}

/** Consecutive weeks from `first` to `last` (Mondays), each with the point `at` gives (or `empty`). */
function weeksFrom(
  first: string,
  last: string,
  at: (week: string) => WeekPoint | undefined,
  empty: (week: string) => WeekPoint,
): WeekPoint[] {
  const out: WeekPoint[] = [];
  for (let w = first; daysBetween(w, last) >= 0; w = addDays(w, 7)) out.push(at(w) ?? empty(w));
  return out;
}

interface Series {
  leaderId: string;
  category: string | null;
  product: string | null;
  metric: AnomalyMetric;
  points: Map<string, WeekPoint>;
}

function group<T extends { leaderId: string; weekStart: string }>(
  rows: readonly T[],
  keyOf: (r: T) => Omit<Series, 'points'>,
  pointOf: (r: T) => WeekPoint,
): Series[] {
  const byKey = new Map<string, Series>();
  for (const r of rows) {
    const k = keyOf(r);
    const key = `${k.leaderId}\u001f${k.category ?? ''}\u001f${k.product ?? ''}`;
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { ...k, points: new Map() }));
    s.points.set(r.weekStart, pointOf(r));
  }
  return [...byKey.values()];
}

const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;

/**
 * The anomalies of the weekly sums, over the complete weeks up to the week starting `lastWeek`
 * (weeks after it are ignored), sorted by week, leader, category, product.
 */
export function productAnomalies(gmv: readonly GmvWeek[], refunds: readonly ProductWeek[], lastWeek: string, rule: AnomalyRule): Anomaly[] {
  const series = [
    ...group(
      gmv.filter((r) => r.weekStart <= lastWeek),
      (r) => ({ leaderId: r.leaderId, category: null, product: null, metric: 'gmv' as const }),
      (r) => ({ weekStart: r.weekStart, value: r.gmvFen, volumeFen: r.gmvFen }),
    ),
    ...(rule.categoryGmv
      ? group(
          refunds.filter((r) => r.weekStart <= lastWeek),
          (r) => ({ leaderId: r.leaderId, category: r.category, product: r.product, metric: 'gmv' as const }),
          (r) => ({ weekStart: r.weekStart, value: r.gmvFen, volumeFen: r.gmvFen }),
        )
      : []),
    ...group(
      refunds.filter((r) => r.weekStart <= lastWeek),
      (r) => ({ leaderId: r.leaderId, category: r.category, product: r.product, metric: 'refund_rate' as const }),
      (r) => {
        const rate = ratio(r.refundedFen, r.paidFen);
        return { weekStart: r.weekStart, value: rate ? rate.num / rate.den : null, volumeFen: r.paidFen };
      },
    ),
  ];
  const out: Anomaly[] = [];
  for (const s of series) {
    const first = [...s.points.keys()].sort()[0]!;
    const empty = (w: string): WeekPoint => ({ weekStart: w, value: s.metric === 'gmv' ? 0 : null, volumeFen: 0 });
    const weeks = weeksFrom(first, lastWeek, (w) => s.points.get(w), empty);
    for (const step of findSteps(s.metric, weeks, rule)) {
      const gmv = s.metric === 'gmv';
      out.push({
        leader_id: s.leaderId,
        category: s.category,
        product: s.product,
        metric: s.metric,
        week_start: step.weekStart,
        value: gmv ? step.value : round(step.value, 4),
        baseline: gmv ? Math.round(step.baseline) : round(step.baseline, 4),
        score: round(step.score, 2),
      });
    }
  }
  const cmp = (x: string | null, y: string | null) => ((x ?? '') < (y ?? '') ? -1 : (x ?? '') > (y ?? '') ? 1 : 0);
  return out.sort(
    (a, b) =>
      cmp(a.week_start, b.week_start) ||
      cmp(a.leader_id, b.leader_id) ||
      cmp(a.category, b.category) ||
      cmp(a.product, b.product) ||
      cmp(a.metric, b.metric),
  );
}
