/**
 * Every order KPI pinned on a hand-made data set. As of D = 2026-10-31, P = 2026-10 (10-01..10-31), so the
 * start of P is the end of 2026-09-30 (S). Stage thresholds at their defaults: intro ≤ 30 days of tenure,
 * growth ≤ 90, silent when recency > 30, churned when recency > 180.
 *
 * | member | leader | counted orders (date amount [categories])          | stage at S (tenure/recency) | stage at D (tenure/recency) |
 * |--------|--------|----------------------------------------------------|-----------------------------|-----------------------------|
 * | A      | L1     | 03-01 80, 09-10 50, 10-05 100, 10-20 200; return −20 on 10-21 | mature (213/20)  | mature (244/11) |
 * | B      | L1     | 10-01 50, 10-25 30                                 | —                           | intro (30/6)                |
 * | C      | L1     | 10-15 80                                           | —                           | intro (16/16)               |
 * | K      | L1     | 10-01 25                                           | —                           | intro (30/30)               |
 * | E      | L1     | 06-01 40, 08-01 40, 10-31 23:59:59 60              | silent (121/60)             | mature (152/0)              |
 * | F      | L1     | 07-15 40                                           | silent (77/77)              | silent (108/108)            |
 * | G      | L1     | 01-10 70, 10-10 40                                 | churned (263/263)           | mature (294/21)             |
 * | H      | L1     | 08-20 30 [水果], 09-05 30 [乳品], 10-12 30 [水果]    | growth (41/25)              | growth (72/19)              |
 * | I      | L1     | 09-01 20 [生鲜], 10-03 20 [生鲜]                     | intro (29/29)               | growth (60/28)              |
 * | J      | L2     | 10-05 99                                           | —                           | intro (26/26)               |
 * Amounts in yuan.
 */
import { describe, expect, it } from 'vitest';
import { computeKpi, computeKpis, indexKpiData, type KpiData, type KpiOrder, type KpiParams } from '../../src/core/kpi/kpi.js';
import type { ReturnFact } from '../../src/core/members/history.js';
import { ORDER_KPIS, type OrderKpi } from '../../src/core/kpi/kpi-defs.js';
import { fixed, type Ratio } from '../../src/core/shared/ratio.js';

const STAGES = { intro_days: 30, growth_days: 90, silent_after_days: 30, churned_after_days: 180, at_risk_days: 14 };
let seq = 0;
function o(memberId: string, at: string, yuan: number, categories: string[] = ['生鲜'], leaderId = 'L1'): KpiOrder {
  const orderedAt = at.length === 10 ? `${at}T10:00:00+08:00` : `${at}+08:00`;
  return {
    orderId: `O${String(++seq).padStart(3, '0')}`,
    memberId,
    leaderId,
    orderedAt,
    orderDate: orderedAt.slice(0, 10),
    amountFen: yuan * 100,
    categories,
  };
}
const ret = (memberId: string, date: string, yuan: number, leaderId = 'L1'): ReturnFact => ({
  memberId,
  leaderId,
  orderDate: date,
  amountFen: yuan * 100,
});

const ORDERS: KpiOrder[] = [
  o('A', '2026-03-01', 80),
  o('A', '2026-09-10', 50),
  o('A', '2026-10-05', 100),
  o('A', '2026-10-20', 200),
  o('B', '2026-10-01', 50),
  o('B', '2026-10-25', 30),
  o('C', '2026-10-15', 80),
  o('K', '2026-10-01T08:00:00', 25),
  o('E', '2026-06-01', 40),
  o('E', '2026-08-01', 40),
  o('E', '2026-10-31T23:59:59', 60),
  o('F', '2026-07-15', 40),
  o('G', '2026-01-10', 70),
  o('G', '2026-10-10', 40),
  o('H', '2026-08-20', 30, ['水果']),
  o('H', '2026-09-05', 30, ['乳品']),
  o('H', '2026-10-12', 30, ['水果']),
  o('I', '2026-09-01', 20, ['生鲜']),
  o('I', '2026-10-03', 20, ['生鲜']),
  o('J', '2026-10-05', 99, ['生鲜'], 'L2'),
];
const RETURNS = [ret('A', '2026-10-21', -20)];
const ALL: KpiData = { orders: ORDERS, returns: RETURNS };
const only = (leader: string): KpiData => ({
  orders: ORDERS.filter((x) => x.leaderId === leader),
  returns: RETURNS.filter((x) => x.leaderId === leader),
});
const OCT: KpiParams = { start: '2026-10-01', end: '2026-10-31', asOf: '2026-10-31', stages: STAGES, minCategories: 2 };

/** value as "num/den" reduced by hand in the expectations, or 'n/a' */
const v = (data: KpiData, kpi: OrderKpi, p: KpiParams = OCT) => {
  const r = computeKpi(kpi, indexKpiData(data), p);
  return r.value === null ? 'n/a' : `${r.value.num}/${r.value.den}`;
};
const dec = (r: Ratio | null, d = 4) => (r === null ? 'n/a' : fixed(r, d));

describe('order KPIs on the hand-made set, P = 2026-10, scope L1', () => {
  const L1 = only('L1');

  it('gmv: order amounts in P minus returns in P', () => {
    // A 100+200, B 50+30, C 80, K 25, E 60, G 40, H 30, I 20 = 635 yuan; A's return −20 on 10-21 → 615 yuan
    expect(v(L1, 'gmv')).toBe('61500/1');
  });

  it('orders, active and new members', () => {
    // A 2, B 2, C 1, K 1, E 1 (23:59:59 on the last day counts), G 1, H 1, I 1 = 10 orders from 8 members
    expect(v(L1, 'orders')).toBe('10/1');
    expect(v(L1, 'active_members')).toBe('8/1');
    // first order in P: B, C, K
    expect(v(L1, 'new_members')).toBe('3/1');
  });

  it('aov = gmv / orders = 61500 / 10 fen', () => {
    expect(v(L1, 'aov')).toBe('61500/10');
    expect(computeKpi('aov', indexKpiData(L1), OCT).basis).toEqual([61500, 10]);
  });

  it('repurchase_rate: A and B ordered twice of 8 active = 25%', () => {
    expect(v(L1, 'repurchase_rate')).toBe('2/8');
  });

  it('intro_retention_30d: B and K started on 10-01 (30 days before D), C only 16 days before, so is left out; B ordered again', () => {
    expect(v(L1, 'intro_retention_30d')).toBe('1/2');
  });

  it('category_penetration: growth at D are H (水果, 乳品: 2 categories) and I (生鲜 only) → 1/2', () => {
    expect(v(L1, 'category_penetration')).toBe('1/2');
  });

  it('growth_weekly_orders: H and I ordered once each in P: 2 orders × 7 / (2 members × 31 days)', () => {
    expect(v(L1, 'growth_weekly_orders')).toBe('14/62');
    expect(dec(computeKpi('growth_weekly_orders', indexKpiData(L1), OCT).value, 2)).toBe('0.23');
  });

  it('mature_monthly_orders: mature at D are A (2 orders), E (1), G (1): 4 × 30 / (3 × 31)', () => {
    expect(v(L1, 'mature_monthly_orders')).toBe('120/93');
  });

  it('mature_aov_uplift: A, E, G spent 280+60+40 = 380 yuan in 4 orders (AOV 95) vs 50 yuan in 1 order 09-10 (AOV 50) in 08-31..09-30', () => {
    const r = computeKpi('mature_aov_uplift', indexKpiData(L1), OCT);
    // 95/50 − 1 = 0.9, as (38000×1 − 4×5000) / (4×5000)
    expect(r.value).toEqual({ num: 18000, den: 20000 });
    expect(r.basis).toEqual([9500, 5000]);
  });

  it('wakeup_rate: silent at S were E and F; E ordered (at 23:59:59 on the last day) → 1/2', () => {
    expect(v(L1, 'wakeup_rate')).toBe('1/2');
  });

  it('winback_rate: churned at S was G, who ordered → 1/1', () => {
    expect(v(L1, 'winback_rate')).toBe('1/1');
  });

  it('stage shares at D over the 9 members with an order: intro B C K, growth H I, mature A E G, silent F, churned none', () => {
    expect(['intro', 'growth', 'mature', 'silent', 'churned'].map((s) => v(L1, `stage_share.${s}` as OrderKpi))).toEqual([
      '3/9',
      '2/9',
      '3/9',
      '1/9',
      '0/9',
    ]); // 0/9 is 0%, not n/a: the denominator is not empty
  });
});

describe('scopes see only their own orders', () => {
  it('all = L1 + L2 for sums and counts', () => {
    expect(v(ALL, 'gmv')).toBe('71400/1'); // 61500 + 9900
    expect(v(ALL, 'orders')).toBe('11/1');
    expect(v(ALL, 'new_members')).toBe('4/1');
    expect(v(ALL, 'repurchase_rate')).toBe('2/9');
  });

  it('L2 has one new member: most member KPIs are n/a, never 0', () => {
    const L2 = only('L2');
    expect(v(L2, 'repurchase_rate')).toBe('0/1'); // J ordered once: 0%, a real zero
    // J started 26 days before D: no one can be measured yet
    for (const k of [
      'intro_retention_30d',
      'category_penetration',
      'growth_weekly_orders',
      'mature_monthly_orders',
      'mature_aov_uplift',
      'wakeup_rate',
      'winback_rate',
    ] as OrderKpi[])
      expect(v(L2, k), k).toBe('n/a');
    expect(v(L2, 'stage_share.intro')).toBe('1/1');
  });

  it('an empty scope: sums are 0, every ratio is n/a, nothing crashes', () => {
    const none = computeKpis({ orders: [], returns: [] }, OCT);
    expect(none.map((r) => r.kpi)).toEqual([...ORDER_KPIS]);
    const shown = Object.fromEntries(none.map((r) => [r.kpi, dec(r.value, 0)]));
    expect(shown).toMatchObject({ gmv: '0', orders: '0', active_members: '0', new_members: '0' });
    expect(none.filter((r) => r.value === null).length).toBe(ORDER_KPIS.length - 4);
  });

  it('results do not depend on the order of the input', () => {
    const shuffled: KpiData = { orders: [...ORDERS].reverse(), returns: RETURNS };
    expect(computeKpis(shuffled, OCT)).toEqual(computeKpis(ALL, OCT));
  });
});

describe('period edges', () => {
  it('an order at 23:59:59 on the last day is in that period, one at 00:00:00 the next day is not', () => {
    const data: KpiData = { orders: [o('X', '2026-10-31T23:59:59', 10), o('Y', '2026-11-01T00:00:00', 10)], returns: [] };
    const nov = { ...OCT, start: '2026-11-01', end: '2026-11-30', asOf: '2026-11-30' };
    expect(v(data, 'orders', { ...OCT, asOf: '2026-11-30' })).toBe('1/1');
    expect(v(data, 'orders', nov)).toBe('1/1');
    expect(v(data, 'new_members', nov)).toBe('1/1'); // Y only
  });

  it('ISO week 1 of 2026 starts on Monday 2025-12-29: a December order counts in 2026-W01', () => {
    const data: KpiData = {
      orders: [
        o('X', '2025-12-28T23:59:59', 10),
        o('X', '2025-12-29T00:00:01', 20),
        o('X', '2026-01-04T12:00:00', 30),
        o('X', '2026-01-05', 40),
      ],
      returns: [],
    };
    const w01 = { ...OCT, start: '2025-12-29', end: '2026-01-04', asOf: '2026-01-31' };
    expect(v(data, 'orders', w01)).toBe('2/1');
    expect(v(data, 'gmv', w01)).toBe('5000/1');
    expect(v(data, 'repurchase_rate', w01)).toBe('1/1');
    expect(v(data, 'new_members', w01)).toBe('0/1'); // X's first order was on 12-28, in 2025-W52
  });

  it('a running period counts only its days up to D (frequency per week uses those days)', () => {
    // H and I as of 2026-10-15: P = 10-01..10-15. H ordered 10-12, I 10-03 → 2 orders × 7 / (2 × 15)
    const p = { ...OCT, end: '2026-10-15', asOf: '2026-10-15' };
    const upTo = (x: { orderDate: string }) => x.orderDate <= '2026-10-15';
    const data: KpiData = { orders: only('L1').orders.filter(upTo), returns: RETURNS.filter(upTo) };
    expect(v(data, 'growth_weekly_orders', p)).toBe('14/30');
  });

  it('intro_retention_30d: a second order exactly 30 days after the first counts, 31 days does not', () => {
    const data: KpiData = {
      orders: [o('P', '2026-09-01', 10), o('P', '2026-10-01', 10), o('Q', '2026-09-01', 10), o('Q', '2026-10-02', 10)],
      returns: [],
    };
    const sep = { ...OCT, start: '2026-09-01', end: '2026-09-30' };
    expect(v(data, 'intro_retention_30d', sep)).toBe('1/2');
  });

  it('the start of P is the end of the day before P: recency 30 on 09-30 is not silent yet, 31 is', () => {
    // W last ordered 08-31 (recency 30 at the end of 09-30: mature), V on 08-30 (recency 31: silent); neither orders in P
    const data: KpiData = {
      orders: [o('W', '2026-01-01', 10), o('W', '2026-08-31', 10), o('V', '2026-01-01', 10), o('V', '2026-08-30', 10)],
      returns: [],
    };
    expect(v(data, 'wakeup_rate')).toBe('0/1');
    // churned likewise: recency 180 on 09-30 is still silent, 181 is churned
    const churn: KpiData = { orders: [o('S', '2026-04-03', 10), o('T', '2026-04-02', 10)], returns: [] };
    expect(v(churn, 'winback_rate')).toBe('0/1');
    expect(v(churn, 'wakeup_rate')).toBe('0/1');
  });

  it('mature_aov_uplift is n/a when the members did not order in the period before', () => {
    const data: KpiData = { orders: [o('Z', '2026-01-01', 10), o('Z', '2026-10-20', 30)], returns: [] };
    expect(v(data, 'mature_monthly_orders')).toBe('30/31');
    expect(v(data, 'mature_aov_uplift')).toBe('n/a');
  });

  it('refuses a period that ends after the as-of date (the caller clips it)', () => {
    expect(() => computeKpi('gmv', indexKpiData(ALL), { ...OCT, asOf: '2026-10-30' })).toThrow(RangeError);
  });
});

describe('lifetime KPIs (core/kpi/lifetime.ts)', () => {
  // P: 01-01 and 02-10, churned by 10-31 (263 days without an order): lifetime over, 40 days.
  // Q: 09-01 and 10-20, active (growth): still running, 09-01 → 10-31 = 60 days.
  // R: 08-01 only, silent (91 days): lifetime over, 0 days.   Σ = 100 days over 3 members = 100/90 months.
  const data: KpiData = {
    orders: [
      o('P', '2026-01-01', 10),
      o('P', '2026-02-10', 10),
      o('Q', '2026-09-01', 10),
      o('Q', '2026-10-20', 10),
      o('R', '2026-08-01', 10),
    ],
    returns: [],
  };
  const p: KpiParams = { start: '2026-10-01', end: '2026-10-31', asOf: '2026-10-31', stages: STAGES, minCategories: 2 };

  it('avg_lifetime_months: first to last order for members who left, first order to the end of P for the active', () => {
    const r = computeKpi('avg_lifetime_months', indexKpiData(data), p);
    expect(r.basis).toEqual([100, 90]);
    expect(dec(r.value, 4)).toBe('1.1111');
  });

  it('ltv is n/a without predict settings, and n/a for a scope too small to fit (3 members)', () => {
    expect(computeKpi('ltv', indexKpiData(data), p).value).toBeNull();
    const settings = { timeUnit: 'weeks' as const, horizon: { length: 12 * 4.345 }, monthlyDiscount: 0.01 };
    expect(computeKpi('ltv', indexKpiData(data), { ...p, predict: settings }).value).toBeNull();
  });
});

describe('refund_rate: refunded over paid fen of the paid lines dated in P', () => {
  const paid = [
    { leaderId: 'L1', orderDate: '2026-09-30', paidFen: 50_000, refundedFen: 50_000 },
    { leaderId: 'L1', orderDate: '2026-10-01', paidFen: 30_000, refundedFen: 5_000 },
    { leaderId: 'L1', orderDate: '2026-10-31', paidFen: 10_000, refundedFen: 10_000 },
    { leaderId: 'L1', orderDate: '2026-11-01', paidFen: 20_000, refundedFen: 0 },
  ];
  it('sums the days of P only (the first and the last included); basis [refunded, paid] in fen', () => {
    // October: (5,000 + 10,000) / (30,000 + 10,000) = 15/40 = 3/8
    const r = computeKpi('refund_rate', indexKpiData({ orders: [], returns: [], paid }), OCT);
    expect([r.value && dec(r.value), r.basis]).toEqual(['0.3750', [15_000, 40_000]]);
  });
  it('n/a when nothing was paid in P, or without paid lines at all (a KpiData of orders only)', () => {
    const december = { ...OCT, start: '2026-12-01', end: '2026-12-31', asOf: '2026-12-31' };
    expect(v({ orders: [], returns: [], paid }, 'refund_rate', december)).toBe('n/a');
    expect(v({ orders: [], returns: [] }, 'refund_rate')).toBe('n/a');
  });
});
