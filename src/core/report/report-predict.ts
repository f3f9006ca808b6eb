/**
 * The report's predictions (issue #14): 谁最可能回来, the silent and churned members with the most value they
 * can still bring back (CLV = P(alive) × their value if still active), and the model check of the last 12
 * weeks (fitted on the orders before them, predicted vs actual purchase days week by week). Both need a scope
 * that can be fitted (core/predict: 100 members, 20 repeat buyers, a converged fit); otherwise they are null.
 */
import type { KpiData } from '../kpi/index.js';
import { buildHistories, type MemberSegment } from '../members/index.js';
import { fitScope, holdoutWeeks, predictMembers, summaries, type HoldoutResult, type PredictSettings } from '../predict/index.js';
import { addDays } from '../shared/index.js';
import { actionMember, type ActionMember, type Contact } from './report-actions.js';

export interface ComeBackMember extends ActionMember {
  pAlive: number;
  clvFen: number;
}

export interface ComeBack {
  /** silent and churned members with a prediction */
  total: number;
  members: ComeBackMember[];
}

export interface ModelCheck extends HoldoutResult {
  /** the first day of the 12 weeks compared */
  from: string;
}

/** Weeks of the model check. */
export const CHECK_WEEKS = 12;

export function comeBack(
  data: KpiData,
  members: readonly MemberSegment[],
  contacts: ReadonlyMap<string, Contact>,
  asOf: string,
  s: PredictSettings,
  size: number,
): ComeBack | null {
  const f = fitScope('report', summaries(buildHistories(data.orders, []).values(), asOf, s.timeUnit));
  if (!f.ok) return null;
  const clv = new Map(predictMembers(f, s).map((p) => [p.memberId, p]));
  const hits = members
    .filter((m) => (m.stage === 'silent' || m.stage === 'churned') && clv.has(m.memberId))
    .map((m) => ({
      ...actionMember(m, contacts.get(m.memberId)),
      pAlive: clv.get(m.memberId)!.pAlive,
      clvFen: clv.get(m.memberId)!.clvFen,
    }))
    .sort((a, b) => b.clvFen - a.clvFen || (a.memberId < b.memberId ? -1 : 1));
  return { total: hits.length, members: hits.slice(0, size) };
}

/** Fit on the orders before the last 12 weeks up to asOf, compare week by week; null when that fit fails. */
export function modelCheck(data: KpiData, asOf: string, s: PredictSettings): ModelCheck | null {
  const from = addDays(asOf, -(7 * CHECK_WEEKS - 1));
  const histories = [...buildHistories(data.orders, []).values()];
  const f = fitScope('report', summaries(histories, addDays(from, -1), s.timeUnit));
  if (!f.ok) return null;
  const byId = new Map(histories.map((h) => [h.memberId, h.orders]));
  const r = holdoutWeeks(
    f.bgnbd.params,
    f.summaries.map((m) => ({ summary: m, orders: byId.get(m.memberId)! })),
    from,
    asOf,
    s.timeUnit,
  );
  return { ...r, from };
}
