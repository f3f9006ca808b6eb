/**
 * `tuan review` (issue #13): for the tasks dated in a period, per action and stage, how many members were planned,
 * contacted, unreachable, not done, and held out; how many of the contacted and of the holdout placed a counted
 * order on the task's date or within the next N−1 days; both rates, the uplift (contacted rate − holdout rate) with
 * Newcombe's hybrid score interval, the spend and the discount of those orders, and the execution rate
 * (活动执行率 = contacted / planned contact rows) against the seed's 90%. Pure.
 */
import { addDays } from '../shared/index.js';
import { ratio, type Ratio } from '../shared/index.js';
import { CONTACTED, type LogFact } from '../activities/index.js';
import { newcombeInterval } from './interval.js';

/** A group with fewer holdout members than this says the uplift is not yet measurable. */
export const MIN_HOLDOUT = 30;
/** 活动执行率 ≥ 90% (seed 000). */
export const EXECUTION_TARGET = 0.9;
export const UPLIFT_METHOD = "Newcombe's hybrid score interval (Newcombe 1998, method 10), 95%";

const ACTION_ORDER = ['welcome', 'at_risk', 'growth_trial', 'mature_update', 'silent_care', 'churned_call'];
const STAGE_ORDER = ['intro', 'growth', 'mature', 'silent', 'churned'];

/** A counted order of a member (its date, net spend and discount). */
export interface ReviewOrder {
  memberId: string;
  date: string;
  spendFen: number;
  discountFen: number;
}

export interface ReviewInput {
  from: string;
  to: string;
  /** N: an order counts on the task's date or within the next N−1 days */
  windowDays: number;
  /** rows of planned tasks (task_id set) dated from..to */
  rows: readonly LogFact[];
  /** counted orders of those members from `from` to `to + N − 1` (up to the data date) */
  orders: readonly ReviewOrder[];
}

export interface ReviewGroup {
  action: string;
  stage: string | null;
  planned: number;
  contacted: number;
  unreachable: number;
  not_done: number;
  holdout: number;
  contacted_ordered: number;
  holdout_ordered: number;
  /** contacted_ordered / contacted; null when nobody was contacted */
  contacted_rate: number | null;
  /** holdout_ordered / holdout; null without holdout */
  holdout_rate: number | null;
  /** contacted_rate − holdout_rate; null when not yet measurable (see uplift_reason) */
  uplift: number | null;
  /** 95% interval of the uplift (uplift_method) */
  uplift_ci: [number, number] | null;
  /** why the uplift is null */
  uplift_reason: string | null;
  /** net spend of the contacted members' orders in their windows */
  contacted_spend_fen: number;
  /** discount (优惠, 券抵扣: the 核销 cost) of those orders */
  contacted_discount_fen: number;
  holdout_spend_fen: number;
}

export interface Review {
  from: string;
  to: string;
  window_days: number;
  /** contacted / planned contact rows over every group; null when nothing was planned */
  execution_rate: number | null;
  execution: { contacted: number; planned: number; target: number };
  uplift_method: string;
  min_holdout: number;
  groups: ReviewGroup[];
}

const rate = (hit: number, base: number) => (base === 0 ? null : hit / base);

/** Why an uplift cannot be given yet (null: it can). */
function notMeasurable(contacted: number, holdout: number): string | null {
  if (holdout < MIN_HOLDOUT) return `not yet measurable: ${holdout} holdout members, at least ${MIN_HOLDOUT} needed`;
  if (contacted === 0) return 'not yet measurable: nobody contacted';
  return null;
}

/** The orders of each member by date. */
function ordersByMember(orders: readonly ReviewOrder[]): Map<string, ReviewOrder[]> {
  const out = new Map<string, ReviewOrder[]>();
  for (const o of orders) {
    const l = out.get(o.memberId) ?? [];
    l.push(o);
    out.set(o.memberId, l);
  }
  return out;
}

export function buildReview(inp: ReviewInput): Review {
  const byMember = ordersByMember(inp.orders);
  const windowOf = (r: LogFact) => {
    const end = addDays(r.date, inp.windowDays - 1);
    return (byMember.get(r.memberId) ?? []).filter((o) => o.date >= r.date && o.date <= end);
  };
  const groups = new Map<string, ReviewGroup>();
  for (const r of inp.rows) {
    if (r.taskId === null || r.date < inp.from || r.date > inp.to) continue;
    const key = `${r.action}\u0000${r.stage ?? ''}`;
    const g = groups.get(key) ?? emptyGroup(r.action, r.stage);
    groups.set(key, g);
    const orders = windowOf(r);
    const spend = orders.reduce((s, o) => s + o.spendFen, 0);
    if (r.group === 'holdout') {
      g.holdout++;
      if (orders.length) g.holdout_ordered++;
      g.holdout_spend_fen += spend;
      continue;
    }
    g.planned++;
    if (r.outcome === null) g.not_done++;
    else if (r.outcome === 'unreachable') g.unreachable++;
    else if (CONTACTED.includes(r.outcome)) {
      g.contacted++;
      if (orders.length) g.contacted_ordered++;
      g.contacted_spend_fen += spend;
      g.contacted_discount_fen += orders.reduce((s, o) => s + o.discountFen, 0);
    }
  }
  const out = [...groups.values()].map(finish).sort(byActionStage);
  const planned = out.reduce((s, g) => s + g.planned, 0);
  const contacted = out.reduce((s, g) => s + g.contacted, 0);
  return {
    from: inp.from,
    to: inp.to,
    window_days: inp.windowDays,
    execution_rate: rate(contacted, planned),
    execution: { contacted, planned, target: EXECUTION_TARGET },
    uplift_method: UPLIFT_METHOD,
    min_holdout: MIN_HOLDOUT,
    groups: out,
  };
}

function emptyGroup(action: string, stage: string | null): ReviewGroup {
  return {
    action,
    stage,
    planned: 0,
    contacted: 0,
    unreachable: 0,
    not_done: 0,
    holdout: 0,
    contacted_ordered: 0,
    holdout_ordered: 0,
    contacted_rate: null,
    holdout_rate: null,
    uplift: null,
    uplift_ci: null,
    uplift_reason: null,
    contacted_spend_fen: 0,
    contacted_discount_fen: 0,
    holdout_spend_fen: 0,
  };
}

function finish(g: ReviewGroup): ReviewGroup {
  const reason = notMeasurable(g.contacted, g.holdout);
  const contactedRate = rate(g.contacted_ordered, g.contacted);
  const holdoutRate = rate(g.holdout_ordered, g.holdout);
  return {
    ...g,
    contacted_rate: contactedRate,
    holdout_rate: holdoutRate,
    uplift: reason === null ? contactedRate! - holdoutRate! : null,
    uplift_ci: reason === null ? newcombeInterval(g.contacted_ordered, g.contacted, g.holdout_ordered, g.holdout) : null,
    uplift_reason: reason,
  };
}

const rank = (list: readonly string[], v: string | null) => {
  const i = list.indexOf(v ?? '');
  return i < 0 ? list.length : i;
};

function byActionStage(a: ReviewGroup, b: ReviewGroup): number {
  return rank(ACTION_ORDER, a.action) - rank(ACTION_ORDER, b.action) || rank(STAGE_ORDER, a.stage) - rank(STAGE_ORDER, b.stage);
}

/** The execution rate of a review as an exact KPI value (n/a when nothing was planned). */
export function executionRatio(r: Review): Ratio | null {
  return ratio(r.execution.contacted, r.execution.planned);
}

/**
 * The uplift of one action over all its stages, as an exact KPI value (contacted rate − holdout rate as one
 * fraction); n/a while the action has fewer than MIN_HOLDOUT holdout members or nobody contacted.
 */
export function upliftRatio(r: Review, action: string): Ratio | null {
  const gs = r.groups.filter((g) => g.action === action);
  const sum = (k: 'contacted' | 'contacted_ordered' | 'holdout' | 'holdout_ordered') => gs.reduce((s, g) => s + g[k], 0);
  const [c, co, h, ho] = [sum('contacted'), sum('contacted_ordered'), sum('holdout'), sum('holdout_ordered')];
  if (notMeasurable(c, h) !== null) return null;
  return ratio(co * h - ho * c, c * h);
}
