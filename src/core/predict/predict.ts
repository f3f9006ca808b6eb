/**
 * Predictions for the members of one scope as of a date: BG/NBD and Gamma-Gamma fitted together on them,
 * then per member P(alive), expected purchases over the horizon, expected purchase value and CLV.
 * A scope too small for a stable fit, or a fit that does not converge, gives no numbers (a reason instead).
 */
import type { MemberHistory, OrderFact } from '../members/index.js';
import { fitBgNbd, pAlive, type BgNbdFit } from './bgnbd.js';
import { discountedOrders, monthSteps, parseHorizon, type Horizon } from './clv.js';
import { expectedAverageValue, fitGammaGamma, type GammaGammaFit } from './gamma-gamma.js';
import { summarize, summaryOf, type MemberSummary, type PurchaseHistory, type TimeUnit } from './summary.js';

/** Fewer members or repeat buyers than these: no fit (the parameters would be noise). */
export const MIN_MEMBERS = 100;
export const MIN_REPEAT_BUYERS = 20;

export interface PredictSettings {
  timeUnit: TimeUnit;
  horizon: Horizon;
  /** e.g. 0.01 for 1 % a month */
  monthlyDiscount: number;
}

export interface MemberPrediction extends MemberSummary {
  pAlive: number;
  /** purchase days expected over the horizon */
  expectedOrders: number;
  expectedOrderValueFen: number;
  clvFen: number;
}

export interface ScopeFit {
  scope: string;
  bgnbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  /** the members' summaries at the end of the calibration, by member id order */
  summaries: MemberSummary[];
}

export type FitOutcome =
  | ({ ok: true } & ScopeFit)
  | { ok: false; scope: string; reason: 'too_few'; members: number; repeatBuyers: number }
  | { ok: false; scope: string; reason: 'not_converged'; model: 'bgnbd' | 'gamma_gamma'; members: number; repeatBuyers: number };

/** Settings as the configuration writes them (`predict:`); null when the horizon is not like 12m / 90d / 8w. */
export function settingsFrom(c: { time_unit: TimeUnit; horizon: string; monthly_discount: number }): PredictSettings | null {
  const horizon = parseHorizon(c.horizon, c.time_unit);
  return horizon && { timeUnit: c.time_unit, horizon, monthlyDiscount: c.monthly_discount };
}

/** Each member's summary at the end of `end` (members without a purchase day by then are left out), by member id. */
export function summaries(histories: Iterable<MemberHistory<OrderFact>>, end: string, unit: TimeUnit): MemberSummary[] {
  const out: MemberSummary[] = [];
  for (const h of histories) {
    const s = summarize(h.memberId, h.orders, end, unit);
    if (s) out.push(s);
  }
  return out.sort(byMemberId);
}

const byMemberId = (a: MemberSummary, b: MemberSummary) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);

/** `summaries` from the members' purchases up to `end` (as the adapters read them summed), by member id. */
export function summariesOf(histories: readonly PurchaseHistory[], end: string, unit: TimeUnit): MemberSummary[] {
  return histories.map((h) => summaryOf(h, end, unit)).sort(byMemberId);
}

/** Fit both models on the members' summaries. */
export function fitScope(scope: string, rows: MemberSummary[]): FitOutcome {
  const repeatBuyers = rows.filter((r) => r.x > 0).length;
  const counts = { scope, members: rows.length, repeatBuyers };
  if (rows.length < MIN_MEMBERS || repeatBuyers < MIN_REPEAT_BUYERS) return { ok: false, reason: 'too_few', ...counts };
  const bgnbd = fitBgNbd(rows);
  if (!bgnbd.converged) return { ok: false, reason: 'not_converged', model: 'bgnbd', ...counts };
  const gammaGamma = fitGammaGamma(rows.map((r) => ({ x: r.x, m: r.meanRepeatFen })));
  if (!gammaGamma.converged) return { ok: false, reason: 'not_converged', model: 'gamma_gamma', ...counts };
  return { ok: true, scope, bgnbd, gammaGamma, summaries: rows };
}

/** The per-member predictions of a fitted scope (members with the same x, t_x and T share one curve). */
export function predictMembers(fit: ScopeFit, s: PredictSettings): MemberPrediction[] {
  const { params } = fit.bgnbd;
  const steps = monthSteps(s.horizon, s.timeUnit, s.monthlyDiscount);
  const curves = new Map<string, { discounted: number; total: number }>();
  return fit.summaries.map((m) => {
    const value = expectedAverageValue(fit.gammaGamma.params, m.x, m.meanRepeatFen);
    const key = `${m.x}|${m.tx}|${m.T}`;
    let c = curves.get(key);
    if (!c) curves.set(key, (c = discountedOrders(params, m, steps)));
    return {
      ...m,
      pAlive: pAlive(params, m),
      expectedOrders: c.total,
      expectedOrderValueFen: Math.round(value),
      clvFen: Math.round(value * c.discounted),
    };
  });
}
