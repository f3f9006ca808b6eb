import { describe, expect, it } from 'vitest';
import { cn8Baseline, cn8Class, quantile7, quintileEdges, scoreRfm, segmentOf } from '../../src/core/members/rfm.js';
import { DEFAULT_SEGMENTS } from '../../src/core/members/segments.js';
import { segmentScope, type MemberFacts } from '../../src/core/members/segment.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { mulberry32 } from '../helpers/prng.js';

describe('quintile edges (type 7)', () => {
  it('matches R quantile(type = 7) on 1..10', () => {
    // R: quantile(1:10, c(.2,.4,.6,.8)) = 2.8 4.6 6.4 8.2
    expect(quintileEdges([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual([2.8, 4.6, 6.4, 8.2]);
  });
  it('is exact where float interpolation drifts: an edge equal to a value is that value', () => {
    // n = 16: h = 15·k/5 = 3, 6, 9, 12 exactly; floats give 15*0.2 = 3.0000000000000004
    const xs = Array.from({ length: 16 }, (_, i) => i * 10);
    expect(quintileEdges(xs)).toEqual([30, 60, 90, 120]);
  });
  it('gives one value for a single member', () => {
    expect(quintileEdges([7])).toEqual([7, 7, 7, 7]);
    expect(quantile7([1, 2, 3], 0.5)).toBe(2);
  });
});

describe('scoreRfm', () => {
  const edges = { recency_days: [10, 20, 30, 40], orders: [1, 2, 3, 4], spend_fen: [1000, 2000, 3000, 4000] };
  it.each([
    // value on an edge stays in the lower bin: R 10 → 5 (no edge strictly below), F 1 → 1, M 1000 → 1
    [{ recencyDays: 10, orders: 1, spendFen: 1000 }, 'quintile', [5, 1, 1]],
    [{ recencyDays: 11, orders: 2, spendFen: 1001 }, 'quintile', [4, 2, 2]],
    [{ recencyDays: 41, orders: 5, spendFen: 4001 }, 'quintile', [1, 5, 5]],
    // r-rfm: edges raised by one unit (1 day, 1 order, 100 fen); strictly below a raised edge → lower bin
    [{ recencyDays: 11, orders: 2, spendFen: 1099 }, 'r-rfm', [4, 2, 1]],
    [{ recencyDays: 10, orders: 1, spendFen: 1100 }, 'r-rfm', [5, 1, 2]],
  ] as const)('%o (%s) → %o', (v, method, [r, f, m]) => {
    expect(scoreRfm(v, edges, method)).toEqual({ r, f, m, score: r * 100 + f * 10 + m });
  });
});

describe('segmentOf (default table, first match wins)', () => {
  it.each([
    [5, 5, 5, 'champions'],
    [5, 4, 2, 'potential_loyalist'],
    [2, 2, 2, 'loyal_customers'],
    [4, 1, 3, 'promising'],
    [5, 1, 1, 'new_customers'],
    [1, 3, 4, 'cant_lose_them'],
    [1, 5, 5, 'at_risk'],
    [3, 5, 3, 'potential_loyalist'],
    [1, 3, 3, 'need_attention'],
    [2, 1, 1, 'about_to_sleep'],
    [1, 1, 1, 'lost'],
    [2, 5, 1, 'other'],
  ])('R%i F%i M%i → %s', (r, f, m, code) => {
    expect(segmentOf({ r, f, m, score: 0 }, DEFAULT_SEGMENTS).code).toBe(code);
  });
});

describe('8-class model', () => {
  const b = { recency_days: 20, orders: 3, spend_fen: 5000 };
  it.each([
    [{ recencyDays: 19, orders: 4, spendFen: 5001 }, 'HHH'],
    [{ recencyDays: 20, orders: 4, spendFen: 5001 }, 'LHH'], // recency equal to the mean is 低
    [{ recencyDays: 1, orders: 3, spendFen: 5001 }, 'HLH'], // F equal to the mean is 低
    [{ recencyDays: 1, orders: 9, spendFen: 5000 }, 'HHL'], // M equal to the mean is 低
    [{ recencyDays: 99, orders: 1, spendFen: 1 }, 'LLL'],
  ] as const)('%o → %s', (v, cls) => {
    expect(cn8Class(v, b)).toBe(cls);
  });
  it('mean and median baselines', () => {
    const vs = [1, 2, 9].map((x) => ({ recencyDays: x, orders: x, spendFen: x * 100 }));
    expect(cn8Baseline(vs, 'mean')).toEqual({ recency_days: 4, orders: 4, spend_fen: 400 });
    expect(cn8Baseline(vs, 'median')).toEqual({ recency_days: 2, orders: 2, spend_fen: 200 });
  });
});

describe('invariants over generated members (seeded)', () => {
  const rand = mulberry32(20261031);
  const facts: MemberFacts[] = Array.from({ length: 400 }, (_, i) => {
    const last = Math.floor(rand() * 300);
    const n = 1 + Math.floor(rand() * 12);
    return {
      memberId: `M${String(i).padStart(4, '0')}`,
      leaderId: 'L1',
      firstOrderDate: '2025-06-01',
      lastOrderDate: new Date(Date.UTC(2026, 9, 31 - last)).toISOString().slice(0, 10),
      orders: n,
      spendFen: n * (500 + Math.floor(rand() * 20000)),
      windowOrders: n,
      windowSpendFen: 0,
    };
  }).map((f) => ({ ...f, windowSpendFen: f.spendFen }));
  const run = (xs: MemberFacts[]) => segmentScope('all', xs, '2026-10-31', DEFAULT_CONFIG.stages, DEFAULT_CONFIG.rfm);

  it('scores stay in 1..5 and equal values get equal scores', () => {
    const res = run(facts);
    const seen = new Map<string, string>();
    for (const m of res.members) {
      const r = m.rfm!;
      for (const s of [r.r, r.f, r.m]) expect(s >= 1 && s <= 5).toBe(true);
      const key = `${r.recencyDays}|${r.orders}|${r.spendFen}`;
      const got = `${r.r}${r.f}${r.m}`;
      expect(seen.get(key) ?? got).toBe(got);
      seen.set(key, got);
    }
  });
  it('does not depend on row order', () => {
    const shuffled = [...facts].sort(() => rand() - 0.5);
    const byId = (xs: ReturnType<typeof run>) => Object.fromEntries(xs.members.map((m) => [m.memberId, m.rfm]));
    expect(byId(run(shuffled))).toEqual(byId(run(facts)));
  });
});
