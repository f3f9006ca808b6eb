/**
 * Member order histories inside one KPI scope, and each member's stage at any date from them.
 * A scope's KPIs see only the scope's orders: a member who moved from L001 to L002 is new at L002 and
 * goes quiet at L001, which is how each leader sees it.
 */
import { classifyStage, type Stage, type StageThresholds } from './lifecycle.js';
import type { OrderFact } from './ledger.js';

/** A counted order (SPEC §2.1): its date is the local date of its earliest line; amount > 0. */
export interface KpiOrder extends OrderFact {
  /** `YYYY-MM-DDTHH:MM:SS+08:00` */
  orderedAt: string;
  /** distinct non-empty categories of the order's counted lines */
  categories: readonly string[];
}

/** A counted return line: a negative amount that reduces spend on its date. */
export interface KpiReturn {
  memberId: string;
  leaderId: string;
  orderDate: string;
  /** negative */
  amountFen: number;
}

export interface KpiData {
  orders: readonly KpiOrder[];
  returns: readonly KpiReturn[];
}

export interface MemberHistory {
  memberId: string;
  /** sorted by time, then order id */
  orders: KpiOrder[];
  /** orders[i].orderDate, for binary search */
  dates: string[];
  returns: KpiReturn[];
}

export interface KpiIndex {
  members: MemberHistory[];
}

const byTime = (a: KpiOrder, b: KpiOrder) =>
  a.orderedAt < b.orderedAt ? -1 : a.orderedAt > b.orderedAt ? 1 : a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0;

/** Group a scope's orders and returns by member (members sorted by id, so results never depend on input order). */
export function indexKpiData(data: KpiData): KpiIndex {
  const map = new Map<string, MemberHistory>();
  const get = (memberId: string) => {
    let h = map.get(memberId);
    if (!h) map.set(memberId, (h = { memberId, orders: [], dates: [], returns: [] }));
    return h;
  };
  for (const o of data.orders) get(o.memberId).orders.push(o);
  for (const r of data.returns) get(r.memberId).returns.push(r);
  const members = [...map.values()].filter((h) => h.orders.length > 0);
  for (const h of members) {
    h.orders.sort(byTime);
    h.dates = h.orders.map((o) => o.orderDate);
  }
  members.sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  return { members };
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
export function ordersIn(h: MemberHistory, start: string, end: string): KpiOrder[] {
  return h.orders.slice(bound(h.dates, start, false), bound(h.dates, end, true));
}

/** Stage at the end of `date` from the orders on or before it; null when the member had no order yet. */
export function stageAt(h: MemberHistory, date: string, t: StageThresholds): Stage | null {
  const n = countUpTo(h.dates, date);
  if (n === 0) return null;
  return classifyStage(h.dates[0]!, h.dates[n - 1]!, date, t).stage;
}

/** Counted spend of a member in [start, end]: order amounts plus (negative) returns on those dates. */
export function spendIn(h: MemberHistory, start: string, end: string): { spendFen: number; orders: number } {
  const orders = ordersIn(h, start, end);
  let spendFen = orders.reduce((a, o) => a + o.amountFen, 0);
  for (const r of h.returns) if (r.orderDate >= start && r.orderDate <= end) spendFen += r.amountFen;
  return { spendFen, orders: orders.length };
}
