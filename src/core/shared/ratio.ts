/**
 * Exact KPI values: every KPI is a fraction of integers (a share of members, fen per order, orders per
 * member-week). Comparing with a threshold cross-multiplies in BigInt, so 40.00 % is never below 40 %.
 * Rounding happens only for display, half-up like every other rounding in tuan.
 */
import { divRoundHalfUp } from './money.js';

export interface Ratio {
  num: number;
  /** > 0 */
  den: number;
}

/** num/den, or null when the denominator is zero (a KPI over nobody is n/a, never 0). */
export function ratio(num: number, den: number): Ratio | null {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) throw new RangeError(`not integers: ${num}/${den}`);
  if (den === 0) return null;
  return den < 0 ? { num: -num, den: -den } : { num, den };
}

export const whole = (n: number): Ratio => ratio(n, 1)!;

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compareRatio(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const l = BigInt(a.num) * BigInt(b.den);
  const r = BigInt(b.num) * BigInt(a.den);
  return l < r ? -1 : l > r ? 1 : 0;
}

/** round(value × scale), half away from zero; exact for any safe-integer fraction. */
export function scaled(r: Ratio, scale: number): number {
  const p = r.num * scale;
  if (Number.isSafeInteger(p)) return divRoundHalfUp(p, r.den);
  const big = BigInt(r.num) * BigInt(scale);
  const den = BigInt(r.den);
  const abs = big < 0n ? -big : big;
  const q = abs / den;
  const rounded = 2n * (abs % den) >= den ? q + 1n : q;
  return Number(big < 0n ? -rounded : rounded);
}

/** The value as a decimal number with `decimals` digits (for JSON). */
export function toDecimal(r: Ratio, decimals: number): number {
  const f = 10 ** decimals;
  return scaled(r, f) / f;
}

/** Fixed-point text with `decimals` digits, rounded half-up: (2, 3) -> "0.67". */
export function fixed(r: Ratio, decimals: number): string {
  const n = scaled(r, 10 ** decimals);
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(n)).padStart(decimals + 1, '0');
  return decimals === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}
