/**
 * From a member's counted orders (core/members' MemberHistory, the one order history) to the models' inputs:
 * repeat purchase days x (several orders on one day are one purchase day, their amounts summed), t_x and T
 * in the time unit, and the mean value of the repeat purchase days (the first day is left out, as in the papers).
 */
import { daysBetween } from '../shared/index.js';
import type { OrderFact } from '../members/index.js';
import type { Rft } from './bgnbd.js';

export type TimeUnit = 'days' | 'weeks';

/** Days in one time unit. */
export const unitDays = (u: TimeUnit) => (u === 'weeks' ? 7 : 1);

export interface MemberSummary extends Rft {
  memberId: string;
  /** the leader of the member's latest order in the period */
  leaderId: string;
  firstDate: string;
  lastDate: string;
  /** mean value of the repeat purchase days in fen (0 when x = 0) */
  meanRepeatFen: number;
}

/** Purchase days of sorted orders with date ≤ `end`: each distinct date with its summed amount. */
export function purchaseDays(orders: readonly OrderFact[], end: string): { date: string; amountFen: number }[] {
  const days: { date: string; amountFen: number }[] = [];
  for (const o of orders) {
    if (o.orderDate > end) break;
    const last = days[days.length - 1];
    if (last?.date === o.orderDate) last.amountFen += o.amountFen;
    else days.push({ date: o.orderDate, amountFen: o.amountFen });
  }
  return days;
}

/**
 * A member's purchases up to a date, as the models see them: purchase days (several orders on one day are one
 * day, their amounts summed) and the leader of the latest order.
 */
export interface PurchaseHistory {
  memberId: string;
  /** the leader of the member's latest order */
  leaderId: string;
  firstDate: string;
  lastDate: string;
  /** repeat purchase days: purchase days after the first */
  x: number;
  /** summed amount of the repeat purchase days in fen */
  repeatFen: number;
}

/** The member's summary at the end of `end` (inclusive), or null without a purchase day by then. Orders sorted by date. */
export function summarize(memberId: string, orders: readonly OrderFact[], end: string, unit: TimeUnit): MemberSummary | null {
  const days = purchaseDays(orders, end);
  if (days.length === 0) return null;
  let repeatFen = 0;
  for (let i = 1; i < days.length; i++) repeatFen += days[i]!.amountFen;
  let leaderId = '';
  for (const o of orders) if (o.orderDate <= end) leaderId = o.leaderId;
  const firstDate = days[0]!.date;
  const lastDate = days[days.length - 1]!.date;
  return summaryOf({ memberId, leaderId, firstDate, lastDate, x: days.length - 1, repeatFen }, end, unit);
}

/** The summary at the end of `end` of a member's purchases up to it (none after `end`). */
export function summaryOf(h: PurchaseHistory, end: string, unit: TimeUnit): MemberSummary {
  const { memberId, leaderId, firstDate, lastDate, x } = h;
  const u = unitDays(unit);
  return {
    memberId,
    leaderId,
    firstDate,
    lastDate,
    x,
    tx: daysBetween(firstDate, lastDate) / u,
    T: daysBetween(firstDate, end) / u,
    meanRepeatFen: x > 0 ? h.repeatFen / x : 0,
  };
}
