/**
 * Every order KPI of SPEC §6 as a pure function of one scope's orders, a period and the as-of date.
 * A KPI over an empty denominator is n/a (value null), never 0. Stages "at the start of P" are taken
 * at the end of the day before P's first day; "at the end of P" at the end of its last counted day
 * (the as-of date when P is still running). Only orders on or before the as-of date exist here.
 */
import { daysBetween, addDays } from '../shared/index.js';
import { countStages, type Stage, type StageThresholds } from '../members/index.js';
import { buildHistories, ordersIn, spendIn, stageAt, type MemberHistory, type OrderFact, type ReturnFact } from '../members/index.js';
import { returnedShare } from '../members/index.js';
import { ORDER_KPIS, type OrderKpi } from './kpi-defs.js';
import { ratio, whole, type Ratio } from '../shared/index.js';
import { divRoundHalfUp } from '../shared/index.js';
import type { PredictSettings } from '../predict/index.js';
import { avgLifetimeMonths, ltv } from './lifetime.js';

/** A counted order with its time and categories. */
export interface KpiOrder extends OrderFact {
  /** `YYYY-MM-DDTHH:MM:SS+08:00` */
  orderedAt: string;
  /** distinct non-empty categories of the order's counted lines */
  categories: readonly string[];
}

/**
 * The paid purchase lines of one leader on one day (refund_rate): lines completed or refunded, not cancelled,
 * not pending, not returns (negative lines); a refunded line counts whole, a completed line its partial refund.
 */
export interface PaidDay {
  leaderId: string;
  /** the order date of the lines (exports carry no refund date) */
  orderDate: string;
  paidFen: number;
  refundedFen: number;
}

/**
 * One KPI scope's counted orders and return lines. A scope's KPIs see only the scope's orders: a member who
 * moved from L001 to L002 is new at L002 and goes quiet at L001, which is how each leader sees it.
 */
export interface KpiData {
  orders: readonly KpiOrder[];
  returns: readonly ReturnFact[];
  /** the scope's paid lines per leader and day; without them refund_rate is n/a */
  paid?: readonly PaidDay[] | undefined;
}

export interface KpiIndex {
  /** members with a counted order, sorted by id */
  members: MemberHistory<KpiOrder>[];
  paid: readonly PaidDay[];
}

/** Group a scope's orders and returns by member (members sorted by id, so results never depend on input order). */
export function indexKpiData(data: KpiData): KpiIndex {
  const members = [...buildHistories(data.orders, data.returns).values()].filter((h) => h.orders.length > 0);
  members.sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  return { members, paid: data.paid ?? [] };
}

export interface KpiParams {
  /** first day of P */
  start: string;
  /** last counted day of P (≤ asOf) */
  end: string;
  /** D: the as-of date */
  asOf: string;
  stages: StageThresholds;
  /** category_penetration: categories a growth member must have bought in. @default 2 */
  minCategories: number;
  /** ltv: the horizon, time unit and discount of the CLV (config predict); without it, ltv is n/a */
  predict?: PredictSettings | undefined;
}

export interface KpiResult {
  kpi: OrderKpi;
  /** null = n/a */
  value: Ratio | null;
  /** what the value is made of, for people: [numerator, denominator] (see README), or null for plain counts */
  basis: [number, number] | null;
}

export type KpiResultValue = Omit<KpiResult, 'kpi'>;
type KpiFn = (ix: KpiIndex, p: KpiParams) => KpiResultValue;

const share = (hit: number, base: number) => ({ value: ratio(hit, base), basis: [hit, base] as [number, number] });
const plain = (n: number) => ({ value: whole(n), basis: null });
const inPeriod = (h: MemberHistory, p: KpiParams) => ordersIn(h, p.start, p.end);
const days = (p: KpiParams) => daysBetween(p.start, p.end) + 1;
const cohortAt = (ix: KpiIndex, date: string, stage: Stage, p: KpiParams) => ix.members.filter((h) => stageAt(h, date, p.stages) === stage);

function gmv(ix: KpiIndex, p: KpiParams): number {
  return ix.members.reduce((a, h) => a + spendIn(h, p.start, p.end).spendFen, 0);
}

function orderCount(members: readonly MemberHistory[], p: KpiParams): number {
  return members.reduce((a, h) => a + inPeriod(h, p).length, 0);
}

/** Orders per member per `perDays` days of P: orders × perDays / (members × days of P). */
function frequency(cohort: MemberHistory[], p: KpiParams, perDays: number) {
  const orders = orderCount(cohort, p);
  return { value: ratio(orders * perDays, cohort.length * days(p)), basis: [orders, cohort.length] as [number, number] };
}

/** Retained: a second order within 30 days of the first, among members whose first order is in P and ≥ 30 days before D. */
function introRetention(ix: KpiIndex, p: KpiParams) {
  const cohort = ix.members.filter((h) => h.dates[0]! >= p.start && h.dates[0]! <= p.end && daysBetween(h.dates[0]!, p.asOf) >= 30);
  const kept = cohort.filter((h) => h.dates.length > 1 && daysBetween(h.dates[0]!, h.dates[1]!) <= 30);
  return share(kept.length, cohort.length);
}

/** Growth members at the end of P whose lines carry categories; hit: ≥ minCategories distinct categories so far. */
function categoryPenetration(ix: KpiIndex, p: KpiParams) {
  let base = 0;
  let hit = 0;
  for (const h of cohortAt(ix, p.end, 'growth', p)) {
    const cats = new Set(ordersIn(h, h.dates[0]!, p.end).flatMap((o) => o.categories));
    if (cats.size === 0) continue; // the export had no category for this member's lines: cannot tell
    base++;
    if (cats.size >= p.minCategories) hit++;
  }
  return share(hit, base);
}

/** AOV of members mature at the end of P, in P vs the same members in the equally long period before P. */
function matureAovUplift(ix: KpiIndex, p: KpiParams) {
  const cohort = cohortAt(ix, p.end, 'mature', p);
  const prevStart = addDays(p.start, -days(p));
  const prevEnd = addDays(p.start, -1);
  let cur = { spend: 0, orders: 0 };
  let prev = { spend: 0, orders: 0 };
  for (const h of cohort) {
    const c = spendIn(h, p.start, p.end);
    const q = spendIn(h, prevStart, prevEnd);
    cur = { spend: cur.spend + c.spendFen, orders: cur.orders + c.orders };
    prev = { spend: prev.spend + q.spendFen, orders: prev.orders + q.orders };
  }
  if (cur.orders === 0 || prev.orders === 0 || prev.spend <= 0) return { value: null, basis: null };
  // cur.spend/cur.orders ÷ prev.spend/prev.orders − 1, as one fraction
  const value = ratio(cur.spend * prev.orders - cur.orders * prev.spend, cur.orders * prev.spend);
  const aov = (s: number, n: number) => divRoundHalfUp(s, n);
  return { value, basis: [aov(cur.spend, cur.orders), aov(prev.spend, prev.orders)] as [number, number] };
}

/** Of the members in `stage` at the start of P, the share who ordered in P. */
function returned(ix: KpiIndex, p: KpiParams, stage: Stage) {
  const before = addDays(p.start, -1);
  const s = returnedShare(
    ix.members,
    stage,
    (h) => stageAt(h, before, p.stages),
    (h) => inPeriod(h, p).length > 0,
  );
  return { value: s.rate, basis: [s.ordered, s.base] as [number, number] };
}

/** Of the members with an order by the end of P, the share in `stage` then. */
function stageShare(stage: Stage): KpiFn {
  return (ix, p) => {
    const counts = countStages(ix.members, (h) => stageAt(h, p.end, p.stages));
    return share(
      counts[stage],
      Object.values(counts).reduce((a, n) => a + n, 0),
    );
  };
}

/** Refunded fen over paid fen of the paid lines dated in P; basis [refunded, paid] in fen. */
function refundRate(ix: KpiIndex, p: KpiParams) {
  let paid = 0;
  let refunded = 0;
  for (const d of ix.paid) {
    if (d.orderDate < p.start || d.orderDate > p.end) continue;
    paid += d.paidFen;
    refunded += d.refundedFen;
  }
  return share(refunded, paid);
}

const FNS: Record<OrderKpi, KpiFn> = {
  gmv: (ix, p) => plain(gmv(ix, p)),
  orders: (ix, p) => plain(orderCount(ix.members, p)),
  active_members: (ix, p) => plain(ix.members.filter((h) => inPeriod(h, p).length > 0).length),
  new_members: (ix, p) => plain(ix.members.filter((h) => h.dates[0]! >= p.start && h.dates[0]! <= p.end).length),
  aov: (ix, p) => {
    const n = orderCount(ix.members, p);
    const g = gmv(ix, p);
    return { value: ratio(g, n), basis: [g, n] };
  },
  repurchase_rate: (ix, p) => {
    const active = ix.members.map((h) => inPeriod(h, p).length).filter((n) => n > 0);
    return share(active.filter((n) => n >= 2).length, active.length);
  },
  intro_retention_30d: introRetention,
  category_penetration: categoryPenetration,
  growth_weekly_orders: (ix, p) => frequency(cohortAt(ix, p.end, 'growth', p), p, 7),
  mature_monthly_orders: (ix, p) => frequency(cohortAt(ix, p.end, 'mature', p), p, 30),
  mature_aov_uplift: matureAovUplift,
  wakeup_rate: (ix, p) => returned(ix, p, 'silent'),
  winback_rate: (ix, p) => returned(ix, p, 'churned'),
  'stage_share.intro': stageShare('intro'),
  'stage_share.growth': stageShare('growth'),
  'stage_share.mature': stageShare('mature'),
  'stage_share.silent': stageShare('silent'),
  'stage_share.churned': stageShare('churned'),
  ltv,
  avg_lifetime_months: avgLifetimeMonths,
  refund_rate: refundRate,
};

/** One KPI over an indexed scope. */
export function computeKpi(kpi: OrderKpi, ix: KpiIndex, p: KpiParams): KpiResult {
  if (p.end > p.asOf || p.start > p.end) throw new RangeError(`period ${p.start}..${p.end} must end by ${p.asOf}`);
  return { kpi, ...FNS[kpi](ix, p) };
}

/** Several KPIs (default: all, in catalogue order) over one scope's orders and returns. */
export function computeKpis(data: KpiData, p: KpiParams, kpis: readonly OrderKpi[] = ORDER_KPIS): KpiResult[] {
  const ix = indexKpiData(data);
  return kpis.map((k) => computeKpi(k, ix, p));
}
