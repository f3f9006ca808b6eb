/**
 * The facts commission needs, indexed once: per member their counted orders and spend events (orders
 * and returns, each on its own date), per leader and month the GMV and order counts, per leader, member
 * and month the member's spend. Pure: plain data in, maps out.
 */
import { classifyStage, type Stage, type StageThresholds } from './lifecycle.js';
import { EMPTY_STATS, type LeaderMonthStats } from './leader-month.js';
import { monthOf } from '../shared/calendar.js';

/** A counted order (SPEC §2.1): its lines' net amount is above zero. */
export interface OrderFact {
  orderId: string;
  memberId: string;
  leaderId: string;
  /** `YYYY-MM-DD` (earliest line time) */
  orderDate: string;
  amountFen: number;
}

/** A return line (negative amount) on its own date. */
export interface ReturnFact {
  memberId: string;
  leaderId: string;
  orderDate: string;
  amountFen: number;
}

export interface SpendEvent {
  date: string;
  leaderId: string;
  amountFen: number;
}

export interface MemberHistory {
  memberId: string;
  /** sorted by date, then order id */
  orders: OrderFact[];
  /** orders (+) and returns (−), sorted by date */
  events: SpendEvent[];
}

export interface Ledger {
  members: Map<string, MemberHistory>;
  /** key `leader|YYYY-MM` */
  leaderMonths: Map<string, LeaderMonthStats>;
  /** key `leader|YYYY-MM` -> member -> spend in that month with that leader (returns subtracted) */
  memberSpend: Map<string, Map<string, number>>;
}

export const lmKey = (leaderId: string, month: string) => `${leaderId}|${month}`;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function memberHistories(orders: readonly OrderFact[], returns: readonly ReturnFact[]): Map<string, MemberHistory> {
  const members = new Map<string, MemberHistory>();
  const get = (id: string) => {
    let h = members.get(id);
    if (!h) members.set(id, (h = { memberId: id, orders: [], events: [] }));
    return h;
  };
  for (const o of orders) {
    const h = get(o.memberId);
    h.orders.push(o);
    h.events.push({ date: o.orderDate, leaderId: o.leaderId, amountFen: o.amountFen });
  }
  for (const r of returns) get(r.memberId).events.push({ date: r.orderDate, leaderId: r.leaderId, amountFen: r.amountFen });
  for (const h of members.values()) {
    h.orders.sort((a, b) => byText(a.orderDate, b.orderDate) || byText(a.orderId, b.orderId));
    h.events.sort((a, b) => byText(a.date, b.date));
  }
  return members;
}

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
  return { members: memberHistories(orders, returns), leaderMonths, memberSpend };
}

export function statsOf(ledger: Ledger, leaderId: string, month: string): LeaderMonthStats {
  return ledger.leaderMonths.get(lmKey(leaderId, month)) ?? EMPTY_STATS;
}

/** Lifecycle stage of a member at the end of `date`, or null when they had no counted order by then. */
export function stageAt(h: MemberHistory | undefined, date: string, t: StageThresholds): Stage | null {
  if (!h || h.orders.length === 0 || h.orders[0]!.orderDate > date) return null;
  let last = h.orders[0]!.orderDate;
  for (const o of h.orders) {
    if (o.orderDate > date) break;
    last = o.orderDate;
  }
  return classifyStage(h.orders[0]!.orderDate, last, date, t).stage;
}

/** Every leader that appears in the ledger. */
export function ledgerLeaders(ledger: Ledger): Set<string> {
  return new Set([...ledger.leaderMonths.keys()].map((k) => k.slice(0, k.lastIndexOf('|'))));
}
