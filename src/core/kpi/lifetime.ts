/**
 * The lifetime KPIs: `ltv`, the average 12-month CLV (core/predict: BG/NBD × Gamma-Gamma, discounted) of the
 * members active at the end of P, fitted on the scope's orders up to that day; and `avg_lifetime_months`, the
 * average time members have stayed: from the first order to the last for members who went silent or churned
 * by the end of P (their lifetime is over as far as the data can tell), to the end of P for those still active.
 */
import { daysBetween, ratio } from '../shared/index.js';
import { stageAt, type MemberHistory } from '../members/index.js';
import { fitScope, predictMembers, summaries, type PredictSettings } from '../predict/index.js';
import type { KpiIndex, KpiParams, KpiResultValue } from './kpi.js';

const ACTIVE = new Set(['intro', 'growth', 'mature']);

/** One fit per scope index and day: several KPIs (and periods ending the same day) share it. */
const fits = new WeakMap<KpiIndex, Map<string, Map<string, number> | null>>();

function clvByMember(ix: KpiIndex, end: string, s: PredictSettings): Map<string, number> | null {
  let byEnd = fits.get(ix);
  if (!byEnd) fits.set(ix, (byEnd = new Map()));
  if (byEnd.has(end)) return byEnd.get(end)!;
  const f = fitScope('kpi', summaries(ix.members, end, s.timeUnit));
  const clv = f.ok ? new Map(predictMembers(f, s).map((m) => [m.memberId, m.clvFen])) : null;
  byEnd.set(end, clv);
  return clv;
}

/** ltv: Σ CLV of the members active at the end of P / their number (n/a when the scope cannot be fitted). */
export function ltv(ix: KpiIndex, p: KpiParams): KpiResultValue {
  if (!p.predict) return { value: null, basis: null };
  const clv = clvByMember(ix, p.end, p.predict);
  if (!clv) return { value: null, basis: null };
  let sum = 0;
  let n = 0;
  for (const h of ix.members) {
    const stage = stageAt(h, p.end, p.stages);
    if (stage === null || !ACTIVE.has(stage)) continue;
    sum += clv.get(h.memberId) ?? 0;
    n++;
  }
  return { value: ratio(sum, n), basis: [sum, n] };
}

function lifetimeDays(h: MemberHistory, p: KpiParams): number | null {
  const stage = stageAt(h, p.end, p.stages);
  if (stage === null) return null;
  const first = h.dates[0]!;
  if (ACTIVE.has(stage)) return daysBetween(first, p.end);
  let last = first;
  for (const d of h.dates) if (d <= p.end) last = d;
  return daysBetween(first, last);
}

/** avg_lifetime_months: Σ lifetime days / (30 × members with a counted order by the end of P). */
export function avgLifetimeMonths(ix: KpiIndex, p: KpiParams): KpiResultValue {
  let sum = 0;
  let n = 0;
  for (const h of ix.members) {
    const d = lifetimeDays(h, p);
    if (d === null) continue;
    sum += d;
    n++;
  }
  return { value: ratio(sum, 30 * n), basis: [sum, 30 * n] };
}
