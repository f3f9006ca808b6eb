/** Invariants over generated data (seeded PRNG, no dependency): statements add up to the fen. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { commissionInput, computeStatements, type LeaderRef } from '../../src/core/commission/commission.js';
import { addDays } from '../../src/core/shared/dates.js';
import type { OrderFact, ReturnFact } from '../../src/core/members/history.js';
import { toCommissionRules } from '../../src/core/commission/levels.js';
import { applyBp } from '../../src/core/shared/money.js';
import { monthRange } from '../../src/core/shared/calendar.js';
import { RULES } from '../../src/core/commission/rewards.js';
import { mulberry32 } from '../helpers/prng.js';

function generate(seed: number) {
  const rnd = mulberry32(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const leaders: LeaderRef[] = ['L1', 'L2', 'L3', 'L4'].map((id, i) => ({
    leaderId: id,
    star: i === 3 ? 1 + int(5) : null,
    joinedAt: null,
  }));
  const orders: OrderFact[] = [];
  const returns: ReturnFact[] = [];
  for (let m = 0; m < 60; m++) {
    const memberId = `M${m}`;
    let leaderId = `L${1 + int(3)}`;
    let day = addDays('2025-06-01', int(300));
    const n = 1 + int(25);
    for (let k = 0; k < n && day <= '2026-10-31'; k++) {
      if (rnd() < 0.05) leaderId = `L${1 + int(4)}`;
      const amountFen = 1 + int(rnd() < 0.1 ? 300_000 : 40_000);
      orders.push({ orderId: `${memberId}-${k}`, memberId, leaderId, orderDate: day, amountFen });
      if (rnd() < 0.08) returns.push({ memberId, leaderId, orderDate: addDays(day, int(20)), amountFen: -1 - int(amountFen) });
      day = addDays(day, rnd() < 0.15 ? 30 + int(150) : 1 + int(14));
    }
  }
  return { leaders, orders, returns: returns.filter((r) => r.orderDate <= '2026-10-31') };
}

describe('statement invariants over generated data', () => {
  const config = {
    ...DEFAULT_CONFIG.commission,
    rewards: {
      ...DEFAULT_CONFIG.commission.rewards,
      reactivation: { ...DEFAULT_CONFIG.commission.rewards.reactivation, include_churned: true },
    },
  };
  const rules = toCommissionRules(config);
  it.each([1, 2, 3, 42, 2026])('seed %i: totals are sums of rounded lines, nothing negative, each line rounded once', (seed) => {
    const g = generate(seed);
    const input = commissionInput(g.orders, g.returns, g.leaders, rules, DEFAULT_CONFIG.stages);
    let lines = 0;
    for (const month of monthRange('2025-06', '2026-10')) {
      for (const s of computeStatements(input, month)) {
        expect(s.baseFen).toBe(applyBp(Math.max(0, s.gmvFen), s.rateBp));
        for (const rule of RULES) expect(s.rewards[rule]).toBe(s.lines.filter((l) => l.rule === rule).reduce((a, l) => a + l.amountFen, 0));
        expect(s.totalFen).toBe(s.baseFen + s.lines.reduce((a, l) => a + l.amountFen, 0));
        for (const l of s.lines) {
          expect(l.amountFen).toBe(applyBp(l.basisFen, l.rateBp));
          expect(l.basisFen).toBeGreaterThan(0);
          expect(Number.isSafeInteger(l.amountFen)).toBe(true);
        }
        expect(s.totalFen).toBeGreaterThanOrEqual(0);
        lines += s.lines.length;
      }
    }
    expect(lines).toBeGreaterThan(0); // the generator does exercise the rules
  });

  it('each nurture tier is paid at most once per member and leader over the whole history', () => {
    const g = generate(7);
    const input = commissionInput(g.orders, g.returns, g.leaders, rules, DEFAULT_CONFIG.stages);
    const seen = new Map<string, number>();
    for (const month of monthRange('2025-06', '2026-10')) {
      for (const s of computeStatements(input, month)) {
        for (const l of s.lines.filter((x) => x.rule === 'nurture')) {
          const key = `${l.leaderId}|${l.memberId}|${l.info.tier}`;
          seen.set(key, (seen.get(key) ?? 0) + 1);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(0);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });
});
