/**
 * Cohorts (issue #15): members grouped by the month of their first counted order, followed month by month.
 *
 * For a cohort C (YYYY-MM) and an offset k (0 = the cohort's own month), month M = C + k:
 * - active: cohort members with a counted order in M; retention = active / members;
 * - spend_fen: the counted amount of the cohort's orders in M;
 * - cum_spend_per_member_fen: the spend of months C..M over the cohort's members (realised LTV), rounded
 *   half-up to the fen.
 * Months after the as-of month are not listed (the as-of month itself is, counted to the as-of date).
 * Average member lifetime: the mean number of days from a member's first to last counted order; members still
 * ordering count to their latest order so far, so it is a lower bound of the lifetime they will have.
 * Pure: the orders and the as-of date come in as arguments.
 */
import { addMonths, daysBetween, divRoundHalfUp, monthOf, ratio, toDecimal } from '../shared/index.js';

/** A counted order of a member in scope. */
export interface CohortOrder {
  memberId: string;
  /** YYYY-MM-DD */
  orderDate: string;
  amountFen: number;
}

export interface CohortMonth {
  offset: number;
  active: number;
  /** active / members, 4 decimals */
  retention: number;
  spend_fen: number;
  cum_spend_per_member_fen: number;
}

export interface Cohort {
  /** YYYY-MM */
  cohort: string;
  members: number;
  months: CohortMonth[];
}

export interface CohortTable {
  cohorts: Cohort[];
  /** mean days from first to last counted order over every member; null when there is none */
  averageLifetimeDays: number | null;
}

interface MemberSpan {
  first: string;
  last: string;
  /** month -> spend */
  spend: Map<string, number>;
}

function spans(orders: readonly CohortOrder[], asOf: string): Map<string, MemberSpan> {
  const byMember = new Map<string, MemberSpan>();
  for (const o of orders) {
    if (o.orderDate > asOf) continue;
    let m = byMember.get(o.memberId);
    if (!m) byMember.set(o.memberId, (m = { first: o.orderDate, last: o.orderDate, spend: new Map() }));
    if (o.orderDate < m.first) m.first = o.orderDate;
    if (o.orderDate > m.last) m.last = o.orderDate;
    const month = monthOf(o.orderDate);
    m.spend.set(month, (m.spend.get(month) ?? 0) + o.amountFen);
  }
  return byMember;
}

function cohortOf(month: string, members: readonly MemberSpan[], asOfMonth: string): Cohort {
  const months: CohortMonth[] = [];
  let cum = 0;
  for (let k = 0, m = month; m <= asOfMonth; k++, m = addMonths(month, k)) {
    let active = 0;
    let spend = 0;
    for (const s of members) {
      const fen = s.spend.get(m);
      if (fen === undefined) continue;
      active++;
      spend += fen;
    }
    cum += spend;
    months.push({
      offset: k,
      active,
      retention: toDecimal(ratio(active, members.length)!, 4),
      spend_fen: spend,
      cum_spend_per_member_fen: divRoundHalfUp(cum, members.length),
    });
  }
  return { cohort: month, members: members.length, months };
}

/** The cohort table of the orders up to `asOf`, oldest cohort first. */
export function cohortTable(orders: readonly CohortOrder[], asOf: string): CohortTable {
  const members = [...spans(orders, asOf).values()];
  const byCohort = new Map<string, MemberSpan[]>();
  for (const m of members) {
    const c = monthOf(m.first);
    const list = byCohort.get(c);
    if (list) list.push(m);
    else byCohort.set(c, [m]);
  }
  const asOfMonth = monthOf(asOf);
  const cohorts = [...byCohort.keys()].sort().map((c) => cohortOf(c, byCohort.get(c)!, asOfMonth));
  const days = members.reduce((sum, m) => sum + daysBetween(m.first, m.last), 0);
  const averageLifetimeDays = members.length ? Math.round((days / members.length) * 10) / 10 : null;
  return { cohorts, averageLifetimeDays };
}
