/**
 * Customer lifetime value over a horizon as `lifetimes`' customer_lifetime_value computes it: the horizon is
 * cut into months (30 days, or 4.345 weeks); each month's expected purchases (the difference of the
 * cumulative conditional expectation) times the expected purchase value, discounted by (1 + rate)^month.
 * A last partial month (e.g. a 90-day horizon in weeks) counts for its fraction.
 */
import { conditionalExpected, type BgNbdParams, type Rft } from './bgnbd.js';
import type { TimeUnit } from './summary.js';

/** One month in the time unit, as lifetimes has it (freq 'D' → 30, 'W' → 4.345). */
export const monthIn = (u: TimeUnit) => (u === 'weeks' ? 4.345 : 30);

export interface Horizon {
  /** length in the time unit */
  length: number;
}

/** `12m`, `90d`, `273d` (also `4w`) → the horizon's length in the time unit; null when not one of those. */
export function parseHorizon(raw: string, unit: TimeUnit): Horizon | null {
  const m = /^\s*(\d{1,4})\s*([mdw])\s*$/i.exec(raw);
  if (!m) return null;
  const n = Number(m[1]);
  if (n <= 0) return null;
  const kind = m[2]!.toLowerCase();
  const days = kind === 'd' ? n : kind === 'w' ? 7 * n : null;
  if (days === null) return { length: n * monthIn(unit) };
  return { length: unit === 'weeks' ? days / 7 : days };
}

/**
 * The month steps of the horizon: each step's end (in the time unit) and its discount factor. The expected
 * purchases at those ends depend on the member's (x, t_x, T) only, so callers can share them (discountedOrders).
 */
export function monthSteps(horizon: Horizon, unit: TimeUnit, monthlyRate: number): { end: number; discount: number }[] {
  const month = monthIn(unit);
  const steps: { end: number; discount: number }[] = [];
  for (let i = 1; (i - 1) * month < horizon.length - 1e-9; i++) {
    const end = Math.min(i * month, horizon.length);
    steps.push({ end, discount: 1 / (1 + monthlyRate) ** (end / month) });
  }
  return steps;
}

/** Σ over the steps of the purchases expected in the step × its discount; and the purchases over the whole horizon. */
export function discountedOrders(
  p: BgNbdParams,
  m: Rft,
  steps: readonly { end: number; discount: number }[],
): { discounted: number; total: number } {
  let discounted = 0;
  let prev = 0;
  for (const s of steps) {
    const cum = conditionalExpected(p, m, s.end);
    discounted += (cum - prev) * s.discount;
    prev = cum;
  }
  return { discounted, total: prev };
}

/** Discounted value of the purchases expected over the horizon, each worth `value`; monthlyRate e.g. 0.01. */
export function lifetimeValue(p: BgNbdParams, m: Rft, value: number, horizon: Horizon, unit: TimeUnit, monthlyRate: number): number {
  return value * discountedOrders(p, m, monthSteps(horizon, unit, monthlyRate)).discounted;
}
