/**
 * The facts commission needs, indexed once: every member's order history (./history.ts), per leader and
 * month the GMV and order counts, per leader, member and month the member's spend. Pure: plain data in, maps out.
 */
import { EMPTY_STATS, type LeaderMonthStats } from './leader-month.js';
import { monthOf } from '../shared/index.js';
import { buildHistories, type MemberHistory, type OrderFact, type ReturnFact } from './history.js';

export interface Ledger {
  members: Map<string, MemberHistory>;
  /** key `leader|YYYY-MM` */
  leaderMonths: Map<string, LeaderMonthStats>;
  /** key `leader|YYYY-MM` -> member -> spend in that month with that leader (returns subtracted) */
  memberSpend: Map<string, Map<string, number>>;
}

export const lmKey = (leaderId: string, month: string) => `${leaderId}|${month}`;

export function buildLedger(orders: readonly OrderFact[], returns: readonly ReturnFact[]): Ledger {
  const memberSpend = new Map<string, Map<string, number>>();
  const orderCounts = new Map<string, Map<string, number>>();
  const gmv = new Map<string, number>();
  const add = (key: string, member: string, fen: number) => {
    gmv.set(key, (gmv.get(key) ?? 0) + fen);
    let m = memberSpend.get(key);
    if (!m) memberSpend.set(key, (m = new Map()));
    m.set(member, (m.get(member) ?? 0) + fen);
  };
  for (const o of orders) {
    const key = lmKey(o.leaderId, monthOf(o.orderDate));
    add(key, o.memberId, o.amountFen);
    let c = orderCounts.get(key);
    if (!c) orderCounts.set(key, (c = new Map()));
    c.set(o.memberId, (c.get(o.memberId) ?? 0) + 1);
  }
  for (const r of returns) add(lmKey(r.leaderId, monthOf(r.orderDate)), r.memberId, r.amountFen);
  const leaderMonths = new Map<string, LeaderMonthStats>();
  for (const [key, fen] of gmv) {
    const counts = [...(orderCounts.get(key)?.values() ?? [])];
    leaderMonths.set(key, { gmvFen: fen, activeMembers: counts.length, repeatMembers: counts.filter((n) => n >= 2).length });
  }
  return { members: buildHistories(orders, returns), leaderMonths, memberSpend };
}

export function statsOf(ledger: Ledger, leaderId: string, month: string): LeaderMonthStats {
  return ledger.leaderMonths.get(lmKey(leaderId, month)) ?? EMPTY_STATS;
}

/** Every leader that appears in the ledger. */
export function ledgerLeaders(ledger: Ledger): Set<string> {
  return new Set([...ledger.leaderMonths.keys()].map((k) => k.slice(0, k.lastIndexOf('|'))));
}
