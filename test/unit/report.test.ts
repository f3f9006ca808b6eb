/**
 * The data of `tuan report` (core/report/report.ts, core/report/report-actions.ts) on hand-made inputs: no database.
 * As of 2026-10-31 with the default stage thresholds (intro ≤30, growth ≤90, silent >30, churned >180, at risk >14).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { commissionInput, type LeaderRef } from '../../src/core/commission/commission.js';
import type { KpiOrder } from '../../src/core/kpi/kpi.js';
import { toCommissionRules } from '../../src/core/commission/levels.js';
import { classifyStage } from '../../src/core/members/lifecycle.js';
import { fixed } from '../../src/core/shared/ratio.js';
import { actionLists } from '../../src/core/report/report-actions.js';
import { maskContact } from '../../src/core/shared/mask.js';
import {
  buildReport,
  cn8Counts,
  commissionRows,
  kpiLines,
  leaderStages,
  REPORT_KPIS,
  rfmGrid,
  stageTotals,
  type ReportInput,
  type ReportSettings,
} from '../../src/core/report/report.js';
import type { MemberSegment, MemberRfm, ScopeResult } from '../../src/core/members/segment.js';

const AS_OF = '2026-10-31';
const stages = DEFAULT_CONFIG.stages;

function member(
  memberId: string,
  leaderId: string,
  first: string,
  last: string,
  spendFen: number,
  rfm?: Partial<MemberRfm>,
): MemberSegment {
  const s = classifyStage(first, last, AS_OF, stages);
  return {
    memberId,
    leaderId,
    firstOrderDate: first,
    lastOrderDate: last,
    orders: 2,
    spendFen,
    windowOrders: 2,
    windowSpendFen: spendFen,
    ...s,
    rfm: rfm
      ? {
          recencyDays: s.recencyDays,
          orders: 2,
          spendFen,
          r: 3,
          f: 3,
          m: 3,
          score: 333,
          segment: 'other',
          segmentZh: '其他',
          segmentEn: 'Other',
          cn8: 'LLL',
          ...rfm,
        }
      : null,
  };
}

// M1 intro, M2 growth (at risk: last order 20 days ago), M3 mature, M4 silent, M5 silent, M6 churned (no RFM: outside the window)
const MEMBERS: MemberSegment[] = [
  member('M1', 'L1', '2026-10-20', '2026-10-25', 3000, { r: 5, f: 1, cn8: 'HLL' }),
  member('M2', 'L1', '2026-09-01', '2026-10-11', 9000, { r: 4, f: 2, cn8: 'HHH' }),
  member('M3', 'L2', '2026-01-01', '2026-10-30', 20000, { r: 5, f: 5, cn8: 'HHH' }),
  member('M4', 'L2', '2026-03-01', '2026-08-01', 5050, { r: 2, f: 3, cn8: 'LHH', spendFen: 101 }),
  member('M5', 'L1', '2026-02-01', '2026-09-01', 5050, { r: 2, f: 3, cn8: 'LLL', spendFen: 100 }),
  member('M6', 'L2', '2025-01-01', '2025-03-01', 70000),
];

describe('stages', () => {
  it('the members are in the stages the header says', () => {
    expect(MEMBERS.map((m) => [m.stage, m.atRisk])).toEqual([
      ['intro', false],
      ['growth', true],
      ['mature', false],
      ['silent', false],
      ['silent', false],
      ['churned', false],
    ]);
  });

  it('counts per stage, and per leader with the community', () => {
    expect(stageTotals(MEMBERS)).toEqual({ intro: 1, growth: 1, mature: 1, silent: 2, churned: 1 });
    expect(leaderStages(MEMBERS, [{ leaderId: 'L1', name: '甲', community: '东苑' }])).toEqual([
      { leaderId: 'L1', community: '东苑', total: 3, atRisk: 1, stages: { intro: 1, growth: 1, mature: 0, silent: 1, churned: 0 } },
      { leaderId: 'L2', community: '', total: 3, atRisk: 0, stages: { intro: 0, growth: 0, mature: 1, silent: 1, churned: 1 } },
    ]);
  });
});

describe('rfmGrid and cn8Counts', () => {
  it('puts R = 5 on the top row and F = 1 in the first column; average M is half-up to the fen', () => {
    const g = rfmGrid(MEMBERS);
    expect(g.length).toBe(5);
    expect(g.every((row) => row.length === 5)).toBe(true);
    expect(g[0]![0]).toEqual({ r: 5, f: 1, members: 1, spendFen: 3000, avgSpendFen: 3000 });
    expect(g[0]![4]).toEqual({ r: 5, f: 5, members: 1, spendFen: 20000, avgSpendFen: 20000 });
    expect(g[1]![1]).toMatchObject({ r: 4, f: 2, members: 1 });
    expect(g[3]![2]).toEqual({ r: 2, f: 3, members: 2, spendFen: 201, avgSpendFen: 101 }); // 100.5 → 101
    expect(g[4]![4]).toEqual({ r: 1, f: 5, members: 0, spendFen: 0, avgSpendFen: null });
    expect(g.flat().reduce((a, c) => a + c.members, 0)).toBe(5); // M6 has no RFM
  });

  it('counts the 8 classes in their fixed order, zeros included', () => {
    expect(cn8Counts(MEMBERS)).toEqual([
      { code: 'HHH', count: 2 },
      { code: 'HLH', count: 0 },
      { code: 'LHH', count: 1 },
      { code: 'LLH', count: 0 },
      { code: 'HHL', count: 0 },
      { code: 'HLL', count: 1 },
      { code: 'LHL', count: 0 },
      { code: 'LLL', count: 1 },
    ]);
  });
});

describe('actionLists', () => {
  const contacts = new Map([
    ['M4', { name: '王小明', phone: '13812345678' }],
    ['M5', { name: '李四', phone: '13900001111' }],
    ['M1', { name: '新人', phone: '' }],
    ['M2', { name: '<b>坏</b>', phone: '15000002222' }],
  ]);

  it('silent by spend (ties by ID), at risk by spend, new members newest first; contacts masked by the api layer stay masked', () => {
    const masked = new Map([...contacts].map(([id, c]) => [id, maskContact(c)]));
    const [silent, risk, welcome] = actionLists(MEMBERS, masked, 10);
    expect(silent).toMatchObject({ kind: 'silent_call', total: 2 });
    expect(silent!.members.map((m) => [m.memberId, m.name, m.phone])).toEqual([
      ['M4', '王**', '138****5678'],
      ['M5', '李*', '139****1111'],
    ]);
    expect(risk!.members.map((m) => [m.memberId, m.name, m.phone, m.stage])).toEqual([['M2', '<***', '150****2222', 'growth']]);
    expect(welcome).toMatchObject({
      kind: 'welcome',
      total: 1,
      members: [{ memberId: 'M1', name: '新*', phone: '', firstOrderDate: '2026-10-20' }],
    });
  });

  it('names and phones as given (--unmask); a member without a contact gets empty texts', () => {
    const [silent, risk] = actionLists(MEMBERS, contacts, 10);
    expect(silent!.members[0]).toMatchObject({ name: '王小明', phone: '13812345678', spendFen: 5050, recencyDays: 91, orders: 2 });
    expect(risk!.members[0]!.name).toBe('<b>坏</b>');
    const [, , welcome] = actionLists(MEMBERS, new Map(), 10);
    expect(welcome!.members[0]).toMatchObject({ name: '', phone: '' });
  });

  it('cuts each list to the size and keeps the total', () => {
    const many = Array.from({ length: 7 }, (_, i) => member(`S${i}`, 'L1', '2026-01-01', '2026-09-01', 100 * (i % 3)));
    const [silent] = actionLists(many, new Map(), 3);
    expect(silent!.total).toBe(7);
    expect(silent!.members.map((m) => m.memberId)).toEqual(['S2', 'S5', 'S1']);
  });
});

const settings: ReportSettings = {
  stages,
  minCategories: 2,
  // the hand-worked KPIs below are over 3 members: judge them anyway (the default, 10, would leave them unmarked)
  minDenominator: 1,
  listSize: 10,
  unmask: false,
  targets: { repurchase_rate: { baseline: 40, challenge: 45 }, aov: { baseline: 150 }, wakeup_rate: { baseline: '25%' } },
};
let seq = 0;
const ko = (memberId: string, date: string, yuan: number, leaderId = 'L1'): KpiOrder => ({
  orderId: `K${++seq}`,
  memberId,
  leaderId,
  orderedAt: `${date}T10:00:00+08:00`,
  orderDate: date,
  amountFen: yuan * 100,
  categories: ['生鲜'],
});
// October: A two orders, B one order (L1); C one order at L2. September: nothing else.
const KPI_ORDERS = [ko('A', '2026-10-02', 100), ko('A', '2026-10-20', 100), ko('B', '2026-10-05', 100), ko('C', '2026-10-06', 400, 'L2')];

describe('kpiLines', () => {
  it('measures the month and marks each KPI against its target', () => {
    const lines = kpiLines({ orders: KPI_ORDERS, returns: [] }, '2026-10', AS_OF, settings);
    expect(lines.map((l) => l.kpi)).toEqual(REPORT_KPIS);
    expect(REPORT_KPIS.some((k) => k.startsWith('stage_share'))).toBe(false);
    const by = Object.fromEntries(lines.map((l) => [l.kpi, l]));
    expect(fixed(by.gmv!.value!, 0)).toBe('70000');
    expect(by.gmv!.mark).toBeNull();
    expect(fixed(by.repurchase_rate!.value!, 4)).toBe('0.3333'); // A of A, B, C
    expect(by.repurchase_rate!.mark).toBe('below');
    expect(by.aov).toMatchObject({ basis: [70000, 4], mark: 'met' }); // ¥175 ≥ ¥150, no challenge
    expect(by.wakeup_rate!.mark).toBe('na'); // nobody silent at the start of October
  });

  it("the scope is the caller's: only L1's orders give a 50 % repurchase rate, challenge reached", () => {
    const lines = kpiLines({ orders: KPI_ORDERS.filter((o) => o.leaderId === 'L1'), returns: [] }, '2026-10', AS_OF, settings);
    expect(lines.find((l) => l.kpi === 'repurchase_rate')!.mark).toBe('challenge');
  });

  it('a KPI over fewer members than minDenominator is not judged', () => {
    const lines = kpiLines({ orders: KPI_ORDERS, returns: [] }, '2026-10', AS_OF, { ...settings, minDenominator: 10 });
    expect(lines.find((l) => l.kpi === 'repurchase_rate')!.mark).toBe('too_few');
  });
});

const rules = toCommissionRules(DEFAULT_CONFIG.commission);
const LEADERS: LeaderRef[] = [
  { leaderId: 'L1', star: null, joinedAt: '2025-01-01' },
  { leaderId: 'L2', star: 3, joinedAt: '2025-01-01' },
];
const COMMISSION = commissionInput(
  [
    { orderId: 'C1', memberId: 'A', leaderId: 'L1', orderDate: '2026-10-02', amountFen: 100_000 },
    { orderId: 'C2', memberId: 'C', leaderId: 'L2', orderDate: '2026-10-06', amountFen: 40_000 },
    { orderId: 'C3', memberId: 'C', leaderId: 'L2', orderDate: '2026-09-06', amountFen: 10_000 },
  ],
  [],
  LEADERS,
  rules,
  stages,
);

describe('commissionRows', () => {
  it('one row per leader of the scope: level, rate, base = rate × GMV, previous month total', () => {
    const rows = commissionRows(COMMISSION, '2026-10', null);
    expect(rows.map((r) => [r.leaderId, r.level, r.certified, r.rateBp, r.gmvFen, r.baseFen, r.previousFen])).toEqual([
      ['L1', 1, false, 500, 100_000, 5_000, 0],
      ['L2', 3, true, 650, 40_000, 2_600, 650],
    ]);
    expect(rows.every((r) => r.totalFen === r.baseFen + r.rewards.member_monthly_spend + r.rewards.reactivation + r.rewards.nurture)).toBe(
      true,
    );
    expect(commissionRows(COMMISSION, '2026-10', new Set(['L2'])).map((r) => r.leaderId)).toEqual(['L2']);
  });
});

describe('buildReport', () => {
  const segments: ScopeResult = { scope: 'all', members: MEMBERS, edges: null, baseline: null, emptyBins: { r: [], f: [], m: [] } };
  const at = (m: MemberSegment, first: string, last: string) => ({ ...m, firstOrderDate: first, lastOrderDate: last });
  // as of 08-01: M3 mature (recency 7), M4 mature (recency 0), M5 silent (recency 61), M6 churned; X9 is another scope's member
  const before = [
    at(MEMBERS[2]!, '2026-01-01', '2026-07-25'),
    at(MEMBERS[3]!, '2026-03-01', '2026-08-01'),
    at(MEMBERS[4]!, '2026-02-01', '2026-06-01'),
    MEMBERS[5]!,
    {
      memberId: 'X9',
      leaderId: 'L9',
      firstOrderDate: '2025-01-01',
      lastOrderDate: '2025-01-01',
      orders: 1,
      spendFen: 1,
      windowOrders: 1,
      windowSpendFen: 1,
    },
  ];
  const input: ReportInput = {
    asOf: AS_OF,
    from: '2026-08-01',
    scope: 'all',
    leaderIds: null,
    leaders: [],
    segments,
    before,
    kpiData: { orders: KPI_ORDERS, returns: [] },
    commission: COMMISSION,
    contacts: new Map(),
    settings,
  };

  it('assembles every section; the migration only counts members of the scope', () => {
    const d = buildReport(input);
    expect(d).toMatchObject({ month: '2026-10', monthStart: '2026-10-01', monthEnd: '2026-10-31', members: 6, atRisk: 1, rfmScored: 5 });
    const mig = d.migration.matrix;
    expect(mig.new).toEqual({ intro: 1, growth: 1, mature: 0, silent: 0, churned: 0 }); // M1, M2: no order by 08-01
    expect(mig.mature).toEqual({ intro: 0, growth: 0, mature: 1, silent: 1, churned: 0 }); // M3 stays, M4 went quiet
    expect(mig.silent).toEqual({ intro: 0, growth: 0, mature: 0, silent: 1, churned: 0 }); // M5 ordered on 09-01, quiet again
    expect(mig.churned).toEqual({ intro: 0, growth: 0, mature: 0, silent: 0, churned: 1 }); // M6; X9 is not in the scope
    expect(d.migration.wakeup).toEqual({ base: 1, ordered: 1, rate: { num: 1, den: 1 } });
    expect(d.migration.winback).toEqual({ base: 1, ordered: 0, rate: { num: 0, den: 1 } });
    expect(d.commission.length).toBe(2);
    expect(d.actions.map((a) => a.kind)).toEqual(['silent_call', 'at_risk', 'welcome']);
  });

  it('the KPI month is the last full month: on 2026-11-15 it is October', () => {
    const d = buildReport({ ...input, asOf: '2026-11-15', segments: { ...segments, members: [] } });
    expect(d.month).toBe('2026-10');
  });

  it('a migration start on or after the as-of date is an error', () => {
    expect(() => buildReport({ ...input, from: AS_OF })).toThrow(RangeError);
  });
});
