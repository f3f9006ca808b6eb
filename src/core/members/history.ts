/**
 * A member's order history (SPEC §2.1), the one model of it that commission, KPIs and reports share:
 * the member's counted orders sorted by date (their dates alongside, for binary search) and return lines,
 * with the member's stage at any date and their orders and spend in any date range. Pure: plain data in.
 */
import { classifyStage, type Stage, type StageThresholds } from './lifecycle.js';

/** A counted order (SPEC §2.1): its lines' net amount is above zero. */
export interface OrderFact {
  orderId: string;
  memberId: string;
  leaderId: string;
  /** `YYYY-MM-DD` (earliest line time) */
  orderDate: string;
  amountFen: number;
}

/** A counted return line: a negative amount that reduces spend on its own date. */
export interface ReturnFact {
  memberId: string;
  leaderId: string;
  orderDate: string;
  /** negative */
  amountFen: number;
}

export interface MemberHistory<O extends OrderFact = OrderFact> {
  memberId: string;
  /** sorted by date, then order id */
  orders: O[];
  /** orders[i].orderDate, for binary search */
  dates: string[];
  /** sorted by date */
  returns: ReturnFact[];
}

/** Spend on a date with a leader: an order (+) or a return (−). */
export interface SpendEvent {
  date: string;
  leaderId: string;
  amountFen: number;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byDate = (a: OrderFact, b: OrderFact) => byText(a.orderDate, b.orderDate) || byText(a.orderId, b.orderId);

/** Every member's history, by member id (a member with returns only has no orders). */
export function buildHistories<O extends OrderFact>(orders: readonly O[], returns: readonly ReturnFact[]): Map<string, MemberHistory<O>> {
  const members = new Map<string, MemberHistory<O>>();
  const get = (memberId: string) => {
    let h = members.get(memberId);
    if (!h) members.set(memberId, (h = { memberId, orders: [], dates: [], returns: [] }));
    return h;
  };
  for (const o of orders) get(o.memberId).orders.push(o);
  for (const r of returns) get(r.memberId).returns.push(r);
  for (const h of members.values()) {
    h.orders.sort(byDate);
    h.dates = h.orders.map((o) => o.orderDate);
    h.returns.sort((a, b) => byText(a.orderDate, b.orderDate));
  }
  return members;
}

/** Number of dates in a sorted array that are below `date` (strict) or ≤ `date` (`inclusive`). */
function bound(dates: readonly string[], date: string, inclusive: boolean): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < date || (inclusive && dates[mid] === date)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const countUpTo = (dates: readonly string[], date: string) => bound(dates, date, true);

/** Orders of a member whose date is in [start, end]. */
export function ordersIn<O extends OrderFact>(h: MemberHistory<O>, start: string, end: string): O[] {
  return h.orders.slice(bound(h.dates, start, false), bound(h.dates, end, true));
}

/** Lifecycle stage at the end of `date` from the orders on or before it; null when the member had no counted order by then. */
export function stageAt(h: MemberHistory | undefined, date: string, t: StageThresholds): Stage | null {
  const n = h ? countUpTo(h.dates, date) : 0;
  if (n === 0) return null;
  return classifyStage(h!.dates[0]!, h!.dates[n - 1]!, date, t).stage;
}

/** Counted spend of a member in [start, end]: order amounts plus (negative) returns on those dates. */
export function spendIn(h: MemberHistory, start: string, end: string): { spendFen: number; orders: number } {
  const orders = ordersIn(h, start, end);
  let spendFen = orders.reduce((a, o) => a + o.amountFen, 0);
  for (const r of h.returns) if (r.orderDate >= start && r.orderDate <= end) spendFen += r.amountFen;
  return { spendFen, orders: orders.length };
}

const event = (x: OrderFact | ReturnFact): SpendEvent => ({ date: x.orderDate, leaderId: x.leaderId, amountFen: x.amountFen });

/** Orders (+) and returns (−) as one list sorted by date (orders first on a date). */
export function spendEvents(h: MemberHistory): SpendEvent[] {
  const out: SpendEvent[] = [];
  let i = 0;
  for (const o of h.orders) {
    while (i < h.returns.length && h.returns[i]!.orderDate < o.orderDate) out.push(event(h.returns[i++]!));
    out.push(event(o));
  }
  while (i < h.returns.length) out.push(event(h.returns[i++]!));
  return out;
}
