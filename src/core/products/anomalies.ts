/**
 * Product anomalies (issue #15): a weekly series that steps far outside its trailing weeks.
 *
 * The rule, for one weekly series (ISO weeks, Monday to Sunday, complete weeks only):
 * - the baseline of week w is the `baseline_weeks` (8) weeks before it: its median and its MAD (median
 *   absolute deviation from the median);
 * - the robust z-score of a value x against that baseline is (x − median) / (1.4826 · max(MAD, floor)),
 *   1.4826·MAD being the standard deviation a normal series with that MAD would have; the floor keeps a
 *   baseline that happens to be very steady from turning small moves into alarms;
 * - week w starts a step when its score and the score of the next `confirm_weeks − 1` weeks, all against the
 *   baseline before w, lie beyond `threshold` (3.5) in the direction that means trouble (GMV down, refund
 *   rate up). A one-week spike or dip (a holiday, one big refund) is not a step; the week reported is the
 *   first week of the step, and the weeks that follow it in the same run are not reported again;
 * - a series too small to judge is not scored: the baseline's median GMV (or, for a rate, every week's
 *   paid amount) must reach a minimum volume.
 * Pure: the weeks come in as arguments.
 */
import { median } from '../members/index.js';

/** The rule's parameters (configuration `products.anomalies`). */
export interface AnomalyRule {
  /** weeks of the trailing baseline @default 8 */
  baselineWeeks: number;
  /** robust z-score a week must reach @default 3.5 */
  threshold: number;
  /** consecutive weeks beyond the threshold that make a step @default 2 */
  confirmWeeks: number;
  /** floor of the GMV baseline's MAD, as a share of its median @default 0.05 */
  gmvMadFloor: number;
  /** floor of the refund-rate baseline's MAD, as a rate @default 0.03 */
  refundMadFloor: number;
  /** a GMV series is scored when its baseline median reaches this, in fen @default 10000 */
  minWeeklyGmvFen: number;
  /** a refund-rate week is scored when its paid amount reaches this, in fen @default 30000 */
  minWeeklyPaidFen: number;
  /** watch each category's (or product's) GMV for drops too, not only each leader's whole GMV @default false */
  categoryGmv: boolean;
}

/** One week of a series: the value (null: nothing to measure, e.g. a rate over no sales) and its volume in fen. */
export interface WeekPoint {
  /** Monday, YYYY-MM-DD */
  weekStart: string;
  value: number | null;
  volumeFen: number;
}

export type AnomalyMetric = 'gmv' | 'refund_rate';

export interface Step {
  /** index of the step's first week in the series */
  index: number;
  weekStart: string;
  value: number;
  /** the median of the baseline weeks */
  baseline: number;
  /** the robust z-score of the first week */
  score: number;
}

interface Baseline {
  median: number;
  scale: number;
}

function baselineOf(values: readonly number[], floor: number): Baseline {
  const med = median(values);
  const mad = median(values.map((v) => Math.abs(v - med)));
  return { median: med, scale: 1.4826 * Math.max(mad, floor) };
}

/** Is week i of the series scored at all (enough volume, a value), given its baseline? */
function scorable(metric: AnomalyMetric, p: WeekPoint, base: Baseline, rule: AnomalyRule): boolean {
  if (p.value === null) return false;
  return metric === 'gmv' ? base.median >= rule.minWeeklyGmvFen : p.volumeFen >= rule.minWeeklyPaidFen;
}

/** Score of the week at `i` (null when it cannot be scored). */
function baselineAt(metric: AnomalyMetric, weeks: readonly WeekPoint[], i: number, rule: AnomalyRule): Baseline | null {
  if (i < rule.baselineWeeks) return null;
  const values = weeks
    .slice(i - rule.baselineWeeks, i)
    .map((w) => w.value)
    .filter((v): v is number => v !== null);
  if (values.length * 2 < rule.baselineWeeks) return null; // at least half the baseline weeks measured
  const med = median(values);
  return baselineOf(values, metric === 'gmv' ? rule.gmvMadFloor * med : rule.refundMadFloor);
}

/** Does week `i` start a step (it and the confirming weeks beyond the threshold against the baseline before i)? */
function stepAt(metric: AnomalyMetric, weeks: readonly WeekPoint[], i: number, rule: AnomalyRule): Step | null {
  const base = baselineAt(metric, weeks, i, rule);
  if (!base || i + rule.confirmWeeks > weeks.length) return null;
  const sign = metric === 'gmv' ? -1 : 1;
  const scores: number[] = [];
  for (let j = i; j < i + rule.confirmWeeks; j++) {
    const p = weeks[j]!;
    if (!scorable(metric, p, base, rule)) return null;
    const z = (p.value! - base.median) / base.scale;
    if (sign * z < rule.threshold) return null;
    scores.push(z);
  }
  const first = weeks[i]!;
  return { index: i, weekStart: first.weekStart, value: first.value!, baseline: base.median, score: scores[0]! };
}

/**
 * The steps of one series: every week that starts a step, except a week right after another step week
 * (one run of step weeks is one anomaly, reported with its first week). `weeks` are consecutive ISO weeks.
 */
export function findSteps(metric: AnomalyMetric, weeks: readonly WeekPoint[], rule: AnomalyRule): Step[] {
  const out: Step[] = [];
  let previous = false;
  for (let i = 0; i < weeks.length; i++) {
    const step = stepAt(metric, weeks, i, rule);
    if (step && !previous) out.push(step);
    previous = step !== null;
  }
  return out;
}
