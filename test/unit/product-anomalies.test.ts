/** The anomaly rule of core/products (robust z-score step against the trailing weeks), on hand-made weekly series. */
import { describe, expect, it } from 'vitest';
import { findSteps, productAnomalies, type AnomalyRule, type WeekPoint } from '../../src/core/products/index.js';
import { addDays } from '../../src/core/shared/index.js';

const RULE: AnomalyRule = {
  baselineWeeks: 8,
  threshold: 3.5,
  confirmWeeks: 2,
  gmvMadFloor: 0.05,
  refundMadFloor: 0.03,
  minWeeklyGmvFen: 10000,
  minWeeklyPaidFen: 30000,
  categoryGmv: false,
};

const FIRST = '2026-04-06'; // a Monday
const week = (i: number) => addDays(FIRST, 7 * i);
const gmv = (values: number[]): WeekPoint[] => values.map((v, i) => ({ weekStart: week(i), value: v, volumeFen: v }));

// ±3% noise around 100,000 fen: MAD = 2,000 < the floor 5% × 100,000 = 5,000, so the scale is 1.4826 × 5,000 = 7,413.
const NOISE = [100000, 103000, 97000, 101000, 99000, 102000, 98000, 100000];

describe('findSteps (GMV)', () => {
  it('a flat series does not alarm', () => {
    expect(findSteps('gmv', gmv(Array(20).fill(100000)), RULE)).toEqual([]);
  });

  it('a noisy but steady series does not alarm', () => {
    expect(findSteps('gmv', gmv([...NOISE, ...NOISE, ...NOISE]), RULE)).toEqual([]);
  });

  it('a step down alarms, and the week reported is the first week of the step', () => {
    // weeks 0–7 the noise (median 100,000), from week 8 on 60,000: z = (60,000 − 100,000) / 7,413 = −5.40
    const steps = findSteps('gmv', gmv([...NOISE, 60000, 60000, 60000, 60000, 60000]), RULE);
    expect(steps).toEqual([{ index: 8, weekStart: week(8), value: 60000, baseline: 100000, score: expect.closeTo(-5.396, 3) }]);
  });

  it('the weeks after the first week of the same step are not reported again', () => {
    const steps = findSteps('gmv', gmv([...NOISE, 50000, 45000, 40000, 35000, 30000, 30000]), RULE);
    expect(steps.map((s) => s.weekStart)).toEqual([week(8)]);
  });

  it('a one-week dip (a holiday) is not a step: the next week must confirm it', () => {
    expect(findSteps('gmv', gmv([...NOISE, 30000, 100000, 99000, 101000]), RULE)).toEqual([]);
  });

  it('a step in the last week is not judged until the week after it is over', () => {
    expect(findSteps('gmv', gmv([...NOISE, 60000]), RULE)).toEqual([]);
    expect(findSteps('gmv', gmv([...NOISE, 60000, 60000]), RULE).map((s) => s.index)).toEqual([8]);
  });

  it('a rise in GMV is no anomaly', () => {
    expect(findSteps('gmv', gmv([...NOISE, 200000, 200000, 200000]), RULE)).toEqual([]);
  });

  it('the MAD floor: a 20% drop of a perfectly steady series is −2.70, no alarm; 30% is −4.05', () => {
    expect(findSteps('gmv', gmv([...Array(8).fill(100000), 80000, 80000]), RULE)).toEqual([]);
    expect(findSteps('gmv', gmv([...Array(8).fill(100000), 70000, 70000]), RULE).map((s) => s.score.toFixed(2))).toEqual(['-4.05']);
  });

  it('a tiny series (baseline median under the minimum volume) never alarms', () => {
    expect(findSteps('gmv', gmv([...Array(8).fill(9000), 0, 0, 0]), RULE)).toEqual([]);
  });

  it('needs a full baseline: nothing is judged in the first eight weeks', () => {
    expect(findSteps('gmv', gmv([100000, 100000, 100000, 0, 0, 0, 0, 0, 0]), RULE)).toEqual([]);
  });
});

describe('findSteps (refund rate)', () => {
  const rates = (values: (number | null)[], paid = 50000): WeekPoint[] =>
    values.map((v, i) => ({ weekStart: week(i), value: v, volumeFen: v === null ? 0 : paid }));

  it('a steady refund rate does not alarm; a rise to 20% for two weeks does (floor 3 points: z = (0.2 − 0.02) / 0.0445 = 4.05)', () => {
    expect(findSteps('refund_rate', rates(Array(12).fill(0.02)), RULE)).toEqual([]);
    const steps = findSteps('refund_rate', rates([...Array(8).fill(0.02), 0.2, 0.25, 0.02]), RULE);
    expect(steps).toEqual([{ index: 8, weekStart: week(8), value: 0.2, baseline: 0.02, score: expect.closeTo(4.047, 3) }]);
  });

  it('a fall in the refund rate is no anomaly, and weeks with too little paid are not judged', () => {
    expect(findSteps('refund_rate', rates([...Array(8).fill(0.3), 0, 0]), RULE)).toEqual([]);
    expect(findSteps('refund_rate', rates([...Array(8).fill(0.02), 0.5, 0.5], 20000), RULE)).toEqual([]);
  });

  it('weeks without sales are left out of the baseline, not counted as 0%', () => {
    const steps = findSteps('refund_rate', rates([0.02, null, 0.02, null, 0.02, 0.02, null, 0.02, 0.3, 0.3]), RULE);
    expect(steps.map((s) => [s.index, s.baseline])).toEqual([[8, 0.02]]);
  });
});

describe('productAnomalies', () => {
  it("watches each leader's whole GMV and each category's refund rate, in complete weeks only, sorted by week", () => {
    const gmvWeeks = [...NOISE, 60000, 60000].map((v, i) => ({ leaderId: 'L1', weekStart: week(i), gmvFen: v }));
    const steady = Array.from({ length: 10 }, (_, i) => ({ leaderId: 'L2', weekStart: week(i), gmvFen: 100000 }));
    const refunds = [0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.2, 0.2].map((r, i) => ({
      leaderId: 'L2',
      category: '水果',
      product: null,
      weekStart: week(i),
      paidFen: 100000,
      refundedFen: Math.round(r * 100000),
      gmvFen: 100000 - Math.round(r * 100000),
    }));
    const all = productAnomalies([...gmvWeeks, ...steady], refunds, week(9), RULE);
    expect(all).toEqual([
      { leader_id: 'L1', category: null, product: null, metric: 'gmv', week_start: week(8), value: 60000, baseline: 100000, score: -5.4 },
      {
        leader_id: 'L2',
        category: '水果',
        product: null,
        metric: 'refund_rate',
        week_start: week(8),
        value: 0.2,
        baseline: 0.02,
        score: 4.05,
      },
    ]);
    // the week of 2026-06-08 (week 9) is not complete: nothing can confirm week 8
    expect(productAnomalies([...gmvWeeks, ...steady], refunds, week(8), RULE)).toEqual([]);
  });

  it("with categoryGmv, a category's own GMV step is an anomaly too; without it, only the leader's whole GMV is watched", () => {
    const fruit = [...NOISE, 50000, 50000].map((v, i) => ({
      leaderId: 'L1',
      category: '水果',
      product: null,
      weekStart: week(i),
      paidFen: v,
      refundedFen: 0,
      gmvFen: v,
    }));
    const whole = Array.from({ length: 10 }, (_, i) => ({ leaderId: 'L1', weekStart: week(i), gmvFen: 500000 }));
    expect(productAnomalies(whole, fruit, week(9), RULE)).toEqual([]);
    expect(productAnomalies(whole, fruit, week(9), { ...RULE, categoryGmv: true })).toEqual([
      {
        leader_id: 'L1',
        category: '水果',
        product: null,
        metric: 'gmv',
        week_start: week(8),
        value: 50000,
        baseline: 100000,
        score: -6.74, // (50,000 − 100,000) / 7,413 = −6.7449…
      },
    ]);
  });

  it('a week without any sale between sales counts as zero GMV (a leader who stopped selling)', () => {
    const weeks = NOISE.map((v, i) => ({ leaderId: 'L1', weekStart: week(i), gmvFen: v }));
    const later = { leaderId: 'L1', weekStart: week(11), gmvFen: 100000 };
    const found = productAnomalies([...weeks, later], [], week(11), RULE);
    expect(found.map((a) => [a.week_start, a.value])).toEqual([[week(8), 0]]);
  });
});
