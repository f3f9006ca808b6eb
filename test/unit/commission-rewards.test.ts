/**
 * The reward rules and statements on plain data (no database). The dataset mirrors
 * test/fixtures/commission (see its README.md for every figure worked out by hand).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { commissionInput, commissionReport, computeStatements, type LeaderRef } from '../../src/core/commission/commission.js';
import { buildLedger } from '../../src/core/members/ledger.js';
import { stageAt, type OrderFact, type ReturnFact } from '../../src/core/members/history.js';
import { toCommissionRules } from '../../src/core/commission/levels.js';
import { monthlySpendLines, nurtureLines, reactivationLines, tierDates } from '../../src/core/commission/rewards.js';

const stages = DEFAULT_CONFIG.stages;
const rules = toCommissionRules(DEFAULT_CONFIG.commission);
let seq = 0;
const o = (memberId: string, orderDate: string, yuan: number, leaderId = 'A02'): OrderFact => ({
  orderId: `O${String(++seq).padStart(3, '0')}`,
  memberId,
  leaderId,
  orderDate,
  amountFen: Math.round(yuan * 100),
});
const ret = (memberId: string, orderDate: string, yuan: number, leaderId = 'A02'): ReturnFact => ({
  memberId,
  leaderId,
  orderDate,
  amountFen: -Math.round(yuan * 100),
});

const HAND: OrderFact[] = [
  ...['P1', 'P2', 'P3', 'P4'].map((p) => o(p, '2025-12-01', 10)),
  o('S1', '2026-06-01', 80),
  o('N1', '2026-08-05', 600),
  o('P1', '2026-08-10', 1000),
  o('P2', '2026-08-12', 2000),
  o('P3', '2026-08-14', 2500),
  o('P4', '2026-08-16', 2500),
  o('P1', '2026-08-20', 1400),
  o('N1', '2026-09-03', 500),
  o('S1', '2026-09-10', 120),
  o('P1', '2026-09-15', 500),
  o('C1', '2026-09-15', 1000, 'A01'),
  o('S1', '2026-09-20', 60),
  o('N1', '2026-10-02', 950),
];
const LEADERS: LeaderRef[] = [
  { leaderId: 'A01', star: 4, joinedAt: '2025-01-01' },
  { leaderId: 'A02', star: null, joinedAt: '2025-06-01' },
  { leaderId: 'A03', star: null, joinedAt: '2026-01-01' },
];
const input = (orders = HAND, returns: ReturnFact[] = [], r = rules) => commissionInput(orders, returns, LEADERS, r, stages);
const pick = (month: string, orders = HAND, returns: ReturnFact[] = []) =>
  computeStatements(input(orders, returns), month).map((s) => [s.leaderId, s.level, s.rateBp, s.gmvFen, s.baseFen, s.rewards, s.totalFen]);

describe('statements on the hand-computed dataset', () => {
  it('2026-08: A02 at level 1; mature members with ≥ 500 元 paid 3 %; churned returners not reactivated', () => {
    expect(pick('2026-08')).toEqual([
      ['A01', 4, 725, 0, 0, { member_monthly_spend: 0, reactivation: 0, nurture: 0 }, 0],
      ['A02', 1, 500, 1_000_000, 50_000, { member_monthly_spend: 28_200, reactivation: 0, nurture: 0 }, 78_200],
      ['A03', 1, 500, 0, 0, { member_monthly_spend: 0, reactivation: 0, nurture: 0 }, 0],
    ]);
  });
  it('2026-09: certified A01, A02 level 2 on exactly met bars, 500 元 exactly, silent returner, nurture tier 1 half-up', () => {
    expect(pick('2026-09')).toEqual([
      ['A01', 4, 725, 100_000, 7_250, { member_monthly_spend: 0, reactivation: 0, nurture: 725 }, 7_975],
      ['A02', 2, 575, 118_000, 6_785, { member_monthly_spend: 1_500, reactivation: 2_400, nurture: 588 }, 11_273],
      ['A03', 1, 500, 0, 0, { member_monthly_spend: 0, reactivation: 0, nurture: 0 }, 0],
    ]);
  });
  it('2026-10: tier 2 paid in the month it is reached, tier 1 not again', () => {
    const a02 = computeStatements(input(), '2026-10').find((s) => s.leaderId === 'A02')!;
    expect(a02.lines.map((l) => [l.memberId, l.rule, l.basisFen, l.rateBp, l.amountFen, l.info.tier, l.info.reachedOn])).toEqual([
      ['N1', 'nurture', 10_625, 1500, 1_594, 2, '2026-10-02'],
    ]);
    expect(a02.totalFen).toBe(6_344);
  });
  it('the previous month total comes with the report', () => {
    const r = commissionReport(input(), '2026-09');
    expect(r.previousTotals.get('A02')).toBe(78_200);
  });
  it('a refund of one fen in a closed month drops the next month to level 1 when recomputed', () => {
    const refunded = HAND.map((x) => (x.memberId === 'P2' && x.orderDate === '2026-08-12' ? { ...x, amountFen: 199_999 } : x));
    expect(pick('2026-09', refunded)[1]).toEqual([
      'A02',
      1,
      500,
      118_000,
      5_900,
      { member_monthly_spend: 1_500, reactivation: 2_400, nurture: 550 },
      10_350,
    ]);
  });
  it('a return line counts on its own date: it lowers that month, not the month of the order', () => {
    const s = pick('2026-09', HAND, [ret('P1', '2026-10-05', 100)]);
    expect(s[1]![3]).toBe(118_000);
    expect(pick('2026-10', HAND, [ret('P1', '2026-10-05', 100)])[1]![3]).toBe(85_000);
  });
  it('a leader who joined after the month has no statement; one with no orders has a zero statement', () => {
    expect(computeStatements(input(), '2025-12').map((s) => s.leaderId)).toEqual(['A01', 'A02']);
  });
  it('negative GMV (returns only) gives a zero base, never a negative one', () => {
    const s = computeStatements(input(HAND, [ret('P1', '2026-11-03', 200)]), '2026-11').find((x) => x.leaderId === 'A02')!;
    expect([s.gmvFen, s.baseFen, s.totalFen]).toEqual([-20_000, 0, 0]);
  });
});

describe('member_monthly_spend', () => {
  const mature = [o('M', '2026-01-01', 10)];
  const lines = (extra: OrderFact[], returns: ReturnFact[] = []) =>
    monthlySpendLines(buildLedger([...mature, ...extra], returns), '2026-09', rules.monthlySpend, stages).map((l) => [
      l.basisFen,
      l.amountFen,
    ]);
  it.each([
    ['exactly 500 元', [o('M', '2026-09-10', 500)], [], [[50_000, 1_500]]],
    ['499.99 元', [o('M', '2026-09-10', 499.99)], [], []],
    ['600 元 minus a 100.01 元 return in the month', [o('M', '2026-09-10', 600)], [ret('M', '2026-09-20', 100.01)], []],
    ['two orders adding up to 500.01 元', [o('M', '2026-09-01', 250), o('M', '2026-09-02', 250.01)], [], [[50_001, 1_500]]],
  ] as const)('%s', (_n, extra, returns, out) => expect(lines([...extra], [...returns])).toEqual(out));
  it('a member who is not mature at the end of the month is not paid', () => {
    expect(
      monthlySpendLines(buildLedger([o('G', '2026-08-01', 600), o('G', '2026-09-10', 600)], []), '2026-09', rules.monthlySpend, stages),
    ).toEqual([]);
  });
  it('is off when disabled', () => {
    expect(
      monthlySpendLines(
        buildLedger([...mature, o('M', '2026-09-10', 900)], []),
        '2026-09',
        { ...rules.monthlySpend, enabled: false },
        stages,
      ),
    ).toEqual([]);
  });
});

describe('reactivation', () => {
  const run = (orders: OrderFact[], includeChurned = false) =>
    reactivationLines(buildLedger(orders, []), '2026-09', { ...rules.reactivation, includeChurned }, stages).map((l) => [
      l.memberId,
      l.basisFen,
      l.amountFen,
      l.info.stage,
    ]);
  it('pays 20 % of the first order of the month for a member silent at the end of the previous month', () => {
    expect(run([o('S', '2026-07-01', 10), o('S', '2026-09-20', 33), o('S', '2026-09-05', 12.34)])).toEqual([['S', 1_234, 247, 'silent']]);
  });
  it('recency of exactly 30 days is not silent yet', () => {
    expect(run([o('S', '2026-08-01', 10), o('S', '2026-09-05', 100)])).toEqual([]);
  });
  it('churned members only with include_churned', () => {
    const orders = [o('C', '2026-01-01', 10), o('C', '2026-09-05', 100)];
    expect(run(orders)).toEqual([]);
    expect(run(orders, true)).toEqual([['C', 10_000, 2_000, 'churned']]);
  });
  it('a brand-new member is not reactivated', () => expect(run([o('N', '2026-09-05', 100)])).toEqual([]));
});

describe('nurture', () => {
  const flat = () => 500;
  const run = (orders: OrderFact[], month: string, returns: ReturnFact[] = []) =>
    nurtureLines(buildLedger(orders, returns), month, rules.nurture, flat).map((l) => [
      l.info.tier,
      l.info.reachedOn,
      l.basisFen,
      l.amountFen,
    ]);
  it('reaching 1,000 元 on the 180th day after the first order counts; on the 181st it does not', () => {
    expect(run([o('N', '2026-01-01', 500), o('N', '2026-06-30', 500)], '2026-06')).toEqual([[1, '2026-06-30', 5_000, 500]]);
    expect(run([o('N', '2026-01-01', 500), o('N', '2026-07-01', 500)], '2026-07')).toEqual([]);
  });
  it('a window ending mid-month: orders after its last day neither reach a tier nor enter the basis', () => {
    // first order 2026-01-10 -> the window ends 2026-07-09 (day 180)
    const orders = [o('N', '2026-01-10', 500), o('N', '2026-07-05', 500), o('N', '2026-07-20', 1200)];
    expect(run(orders, '2026-07')).toEqual([[1, '2026-07-05', 5_000, 500]]);
  });
  it('both tiers in one month are two lines', () => {
    expect(run([o('N', '2026-03-01', 2500)], '2026-03')).toEqual([
      [1, '2026-03-01', 12_500, 1_250],
      [2, '2026-03-01', 12_500, 1_875],
    ]);
  });
  it('a same-day return that takes the day below the tier means it is not reached that day', () => {
    expect(run([o('N', '2026-03-01', 1100)], '2026-03', [ret('N', '2026-03-01', 200)])).toEqual([]);
  });
  it("the basis is the leader's base commission on that member; two leaders each get their share", () => {
    const lines = nurtureLines(
      buildLedger([o('N', '2026-03-01', 600, 'A'), o('N', '2026-03-05', 600, 'B')], []),
      '2026-03',
      rules.nurture,
      (l) => (l === 'A' ? 500 : 800),
    ).map((l) => [l.leaderId, l.basisFen, l.amountFen]);
    expect(lines).toEqual([
      ['A', 3_000, 300],
      ['B', 4_800, 480],
    ]);
  });
  it('tierDates: cumulative at the end of each day, returns subtracted', () => {
    const ev = [
      { date: '2026-01-01', leaderId: 'A', amountFen: 90_000 },
      { date: '2026-01-02', leaderId: 'A', amountFen: 20_000 },
      { date: '2026-01-03', leaderId: 'A', amountFen: -20_000 },
      { date: '2026-01-04', leaderId: 'A', amountFen: 100_000 },
    ];
    expect(tierDates(ev, '2026-01-01', '2026-12-31', [100_000, 200_000])).toEqual(['2026-01-02', null]);
    expect(tierDates(ev, '2026-01-01', '2026-12-31', [100_000, 190_000])).toEqual(['2026-01-02', '2026-01-04']);
  });
});

describe('stageAt', () => {
  it("is the member's stage at the end of a day, from orders up to that day only", () => {
    const l = buildLedger([o('X', '2026-01-01', 10), o('X', '2026-05-01', 10)], []);
    const h = l.members.get('X');
    expect(stageAt(h, '2025-12-31', stages)).toBeNull();
    expect(stageAt(h, '2026-04-30', stages)).toBe('silent');
    expect(stageAt(h, '2026-05-01', stages)).toBe('mature');
  });
});
