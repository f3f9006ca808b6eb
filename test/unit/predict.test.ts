/**
 * core/predict reproduces the papers on the CDNOW sample (../shared/data/peers/cdnow_sample.csv; skipped when
 * absent): Fader, Hardie & Lee (2005a) "Counting your customers the easy way" for BG/NBD and (2005b)
 * "RFM and CLV" for Gamma-Gamma. Calibration 1997-01-01 … 1997-09-30, time in weeks, one purchase per day.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildHistories, type OrderFact } from '../../src/core/members/index.js';
import {
  bgNbdLogLikelihood,
  conditionalExpected,
  expectedAverageValue,
  fitBgNbd,
  fitGammaGamma,
  holdoutWeeks,
  lifetimeValue,
  pAlive,
  parseHorizon,
  summarize,
} from '../../src/core/predict/index.js';
import { sharedData } from '../helpers/shared-data.js';

const SAMPLE = sharedData('peers/cdnow_sample.csv');

function cdnowOrders(file: string): OrderFact[] {
  const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  return lines.map((l, i) => {
    const [id, d, , amount] = l.split(',');
    return {
      orderId: String(i),
      memberId: id!,
      leaderId: 'L',
      orderDate: `${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6)}`,
      amountFen: Math.round(Number(amount) * 100),
    };
  });
}

describe.skipIf(!SAMPLE)('the CDNOW sample reproduces the papers', () => {
  const orders = SAMPLE ? cdnowOrders(SAMPLE) : [];
  const histories = [...buildHistories(orders, []).values()];
  const rows = histories.map((h) => summarize(h.memberId, h.orders, '1997-09-30', 'weeks')!);
  const fit = fitBgNbd(rows);

  it('summaries: 2,357 customers, 946 repeat buyers; x counts purchase days', () => {
    expect(rows).toHaveLength(2357);
    expect(rows.filter((r) => r.x > 0)).toHaveLength(946);
    // customer 00004: 1997-01-01, 01-18, 08-02 in calibration (12-12 is after): x = 2, t_x = 213 days, T = 272 days
    const c4 = rows.find((r) => r.memberId === '00004')!;
    expect([c4.x, c4.tx, c4.T]).toEqual([2, 213 / 7, 272 / 7]);
  });

  it('BG/NBD: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9,582.4 (paper, Table 1)', () => {
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(2357);
    expect(fit.params.r.toFixed(3)).toBe('0.243');
    expect(fit.params.alpha.toFixed(3)).toBe('4.414');
    expect(fit.params.a.toFixed(3)).toBe('0.793');
    expect(fit.params.b.toFixed(3)).toBe('2.426');
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThan(0.1);
  });

  it('x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in the next 39 weeks (paper, §4)', () => {
    expect(Math.abs(conditionalExpected(fit.params, { x: 2, tx: 30.43, T: 38.86 }, 39) - 1.226)).toBeLessThan(0.001);
  });

  it('Gamma-Gamma on the 946 repeat buyers: p = 6.25, q = 3.74, γ = 15.44 (RFM and CLV, §3)', () => {
    const gg = fitGammaGamma(rows.map((r) => ({ x: r.x, m: r.meanRepeatFen / 100 })));
    expect(gg.n).toBe(946);
    expect(gg.converged).toBe(true);
    expect(gg.params.p.toFixed(2)).toBe('6.25');
    expect(gg.params.q.toFixed(2)).toBe('3.74');
    expect(gg.params.gamma.toFixed(2)).toBe('15.44');
  });

  it('the fit does not depend on the order of the rows', () => {
    const shuffled = [...rows].reverse();
    for (let i = 0; i < shuffled.length; i += 3)
      [shuffled[i], shuffled[shuffled.length - 1 - i]] = [shuffled[shuffled.length - 1 - i]!, shuffled[i]!];
    expect(fitBgNbd(shuffled)).toEqual(fit);
  });

  it('holdout weeks 40–78: predicted vs actual repeat purchase days, week by week', () => {
    const members = histories.map((h, i) => ({ summary: rows[i]!, orders: h.orders }));
    const r = holdoutWeeks(fit.params, members, '1997-10-01', '1998-06-30', 'weeks');
    expect(r.weeks).toHaveLength(39);
    // actual, counted with awk over the CSV: distinct (customer, date) with date ≥ 19971001 → 1,882; first week (10-01…10-07) → 50
    expect(r.weeks[0]!.actual).toBe(50);
    expect(r.weeks[38]!.actualCumulative).toBe(1882);
    // predicted: the weekly increments add up to Σ E[Y(39) | x, t_x, T] over the 2,357 customers
    const total = rows.reduce((s, m) => s + conditionalExpected(fit.params, m, 39), 0);
    expect(r.weeks[38]!.predictedCumulative).toBeCloseTo(total, 6);
    // the model under-forecasts this holdout by about 12 % (1,653 vs 1,882)
    expect(total.toFixed(0)).toBe('1653');
    expect(r.meanAbsoluteError).toBeCloseTo(r.weeks.reduce((s, w) => s + Math.abs(w.predicted - w.actual), 0) / 39, 9);
  });
});

describe('the models on hand-made members', () => {
  const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

  it('the likelihood behind the fit is the paper’s: its maximum on hand-made rows is where the fit lands', () => {
    const rows = [
      { x: 0, tx: 0, T: 30 },
      { x: 0, tx: 0, T: 20 },
      { x: 1, tx: 5, T: 30 },
      { x: 2, tx: 25, T: 28 },
      { x: 4, tx: 10, T: 35 },
      { x: 7, tx: 33, T: 34 },
      { x: 0, tx: 0, T: 12 },
      { x: 3, tx: 20, T: 22 },
    ];
    const f = fitBgNbd(rows);
    expect(f.converged).toBe(true);
    expect(bgNbdLogLikelihood(f.params, rows)).toBeCloseTo(f.logLikelihood, 9);
    // no step of 1 % in any parameter does better
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      for (const s of [0.99, 1.01]) expect(bgNbdLogLikelihood({ ...f.params, [k]: f.params[k] * s }, rows)).toBeLessThan(f.logLikelihood);
    // one member, x = 0: L = (α/(α+T))^r, by hand
    const p1 = { r: 0.5, alpha: 2, a: 1, b: 1 };
    expect(bgNbdLogLikelihood(p1, [{ x: 0, tx: 0, T: 6 }])).toBeCloseTo(0.5 * Math.log(2 / 8), 12);
  });

  it('P(alive) is 1 for a member with one purchase day (x = 0), whatever T', () => {
    for (const T of [0, 10, 100]) expect(pAlive(p, { x: 0, tx: 0, T })).toBe(1);
  });

  it('P(alive) falls as the last purchase recedes, for the same x', () => {
    const recent = pAlive(p, { x: 3, tx: 30, T: 32 });
    const old = pAlive(p, { x: 3, tx: 5, T: 32 });
    expect(recent).toBeGreaterThan(old);
    expect(recent).toBeLessThan(1);
    // by hand: 1 / (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) = 1 / (1 + 0.793/4.426 · (36.414/9.414)^3.243)
    expect(old).toBeCloseTo(1 / (1 + (0.793 / 4.426) * (36.414 / 9.414) ** 3.243), 12);
  });

  it('Gamma-Gamma: no repeat purchase gives the population mean γp/(q−1)', () => {
    expect(expectedAverageValue({ p: 6.25, q: 3.74, gamma: 15.44 }, 0, 0)).toBeCloseTo((15.44 * 6.25) / 2.74, 12);
  });

  it('CLV over 12 months in weeks sums monthly (4.345-week) steps discounted at 1 % a month, as lifetimes does', () => {
    const m = { x: 2, tx: 30.43, T: 38.86 };
    let want = 0;
    for (let i = 1; i <= 12; i++) {
      const step = conditionalExpected(p, m, i * 4.345) - conditionalExpected(p, m, (i - 1) * 4.345);
      want += (35 * step) / 1.01 ** i;
    }
    expect(lifetimeValue(p, m, 35, parseHorizon('12m', 'weeks')!, 'weeks', 0.01)).toBeCloseTo(want, 12);
    // undiscounted, it is the expected purchases over the horizon times the value
    expect(lifetimeValue(p, m, 35, parseHorizon('12m', 'weeks')!, 'weeks', 0)).toBeCloseTo(35 * conditionalExpected(p, m, 12 * 4.345), 10);
  });

  it('horizons: 12m, 90d, 273d in days and weeks; anything else is null', () => {
    expect(parseHorizon('12m', 'days')).toEqual({ length: 360 });
    expect(parseHorizon('273d', 'weeks')).toEqual({ length: 39 });
    expect(parseHorizon('90d', 'days')).toEqual({ length: 90 });
    for (const bad of ['', '12', '0m', '1y', '-3d']) expect(parseHorizon(bad, 'days')).toBeNull();
  });
});
