/**
 * RFM (SPEC §4, issue #3): quintile edges by type-7 quantiles, scores 1–5 with ties in the lower bin,
 * named segments (first match wins) and the Chinese 8-class model against a mean or median baseline.
 */
import type { SegmentRule } from './segments.js';
import { OTHER_SEGMENT } from './segments.js';

export interface RfmValues {
  recencyDays: number;
  orders: number;
  spendFen: number;
}

export interface RfmEdges {
  recency_days: number[];
  orders: number[];
  /** fen */
  spend_fen: number[];
}

export type RfmMethod = 'quintile' | 'r-rfm';

export interface RfmScores {
  r: number;
  f: number;
  m: number;
  score: number;
}

/** Quantile by linear interpolation between closest ranks (R type 7, numpy's default). `sorted` ascending. */
export function quantile7(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no values');
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (h - lo) * (b - a);
}

/**
 * The 20/40/60/80th percentiles (type 7) of integer values, computed without floating-point drift:
 * h = (n−1)·k/5 is split into an integer rank and a remainder in fifths, so an edge that equals a
 * value is exactly that value (and a value on an edge stays in the lower bin).
 */
export function quintileEdges(values: readonly number[]): number[] {
  const sorted = [...values].sort((x, y) => x - y);
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of no values');
  return [1, 2, 3, 4].map((k) => {
    const lo = Math.floor(((n - 1) * k) / 5);
    const rem = ((n - 1) * k) % 5;
    const a = sorted[lo]!;
    const b = sorted[Math.min(lo + 1, n - 1)]!;
    return (5 * a + rem * (b - a)) / 5;
  });
}

export function computeEdges(members: readonly RfmValues[]): RfmEdges {
  return {
    recency_days: quintileEdges(members.map((m) => m.recencyDays)),
    orders: quintileEdges(members.map((m) => m.orders)),
    spend_fen: quintileEdges(members.map((m) => m.spendFen)),
  };
}

/**
 * Number of edges a value lies above. `quintile`: edges strictly below the value (a value on an edge
 * stays in the lower bin). `r-rfm`: each edge raised by `unit`, and a value strictly below a raised
 * edge is in the lower bin (R package rfm 0.3.0).
 */
function edgesBelow(value: number, edges: readonly number[], method: RfmMethod, unit: number): number {
  let n = 0;
  for (const e of edges) {
    if (method === 'quintile' ? e < value : e + unit <= value) n++;
  }
  return n;
}

export function scoreRfm(v: RfmValues, edges: RfmEdges, method: RfmMethod): RfmScores {
  const r = 5 - edgesBelow(v.recencyDays, edges.recency_days, method, 1);
  const f = 1 + edgesBelow(v.orders, edges.orders, method, 1);
  const m = 1 + edgesBelow(v.spendFen, edges.spend_fen, method, 100);
  return { r, f, m, score: r * 100 + f * 10 + m };
}

export function segmentOf(s: RfmScores, rules: readonly SegmentRule[]): { code: string; name_zh: string; name_en: string } {
  const inR = (x: number, [lo, hi]: [number, number]) => x >= lo && x <= hi;
  const hit = rules.find((rule) => inR(s.r, rule.r) && inR(s.f, rule.f) && inR(s.m, rule.m));
  return hit ? { code: hit.code, name_zh: hit.name_zh, name_en: hit.name_en } : { ...OTHER_SEGMENT };
}

/** Chinese 8-class model (SPEC §4). */
export const CN8_CLASSES = {
  HHH: '重要价值客户',
  HLH: '重要发展客户',
  LHH: '重要保持客户',
  LLH: '重要挽留客户',
  HHL: '一般价值客户',
  HLL: '一般发展客户',
  LHL: '一般保持客户',
  LLL: '一般挽留客户',
} as const;
export const CN8_ORDER = ['HHH', 'HLH', 'LHH', 'LLH', 'HHL', 'HLL', 'LHL', 'LLL'] as const;
export const CN8_EN: Record<(typeof CN8_ORDER)[number], string> = {
  HHH: 'important value',
  HLH: 'important development',
  LHH: 'important retention',
  LLH: 'important win-back',
  HHL: 'general value',
  HLL: 'general development',
  LHL: 'general retention',
  LLL: 'general win-back',
};

export interface Cn8Baseline {
  recency_days: number;
  orders: number;
  spend_fen: number;
}

export function median(values: readonly number[]): number {
  return quantile7(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

export function cn8Baseline(members: readonly RfmValues[], kind: 'mean' | 'median'): Cn8Baseline {
  const pick = (f: (m: RfmValues) => number) => {
    const xs = members.map(f);
    return kind === 'median' ? median(xs) : xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  return { recency_days: pick((m) => m.recencyDays), orders: pick((m) => m.orders), spend_fen: pick((m) => m.spendFen) };
}

/** R is 高 when recency is below the baseline; F and M when above; equal is 低. */
export function cn8Class(v: RfmValues, b: Cn8Baseline): (typeof CN8_ORDER)[number] {
  const r = v.recencyDays < b.recency_days ? 'H' : 'L';
  const f = v.orders > b.orders ? 'H' : 'L';
  const m = v.spendFen > b.spend_fen ? 'H' : 'L';
  return `${r}${f}${m}` as (typeof CN8_ORDER)[number];
}
