/**
 * The three reward rules of SPEC §5, for one month and every leader at once. Each line is
 * basis × rate, rounded once with applyBp (half-up on the fen). Members are attributed to the leader of
 * the orders involved; a member's lifecycle stage is the member's own, across all leaders.
 */
import { addDays, daysBetween } from '../shared/index.js';
import type { Stage, StageThresholds } from '../members/index.js';
import type { CommissionRules } from './levels.js';
import type { Ledger } from '../members/index.js';
import { ordersIn, spendEvents, stageAt, type MemberHistory, type SpendEvent } from '../members/index.js';
import { applyBp } from '../shared/index.js';
import { addMonths, monthEnd, monthOf, monthStart } from '../shared/index.js';

export const RULES = ['member_monthly_spend', 'reactivation', 'nurture'] as const;
export type RuleCode = (typeof RULES)[number];

/** What a line is about, for its detail text. */
export interface LineInfo {
  /** member_monthly_spend: stage at the end of the month; reactivation: stage at the end of the month before */
  stage?: Stage;
  /** reactivation: the first order of the month */
  orderId?: string;
  orderDate?: string;
  /** nurture */
  tier?: number;
  tierFen?: number;
  reachedOn?: string;
  firstOrderDate?: string;
  /** nurture: the basis covers the member's orders from firstOrderDate to this date */
  basisUntil?: string;
}

export interface RewardLine {
  leaderId: string;
  memberId: string;
  rule: RuleCode;
  basisFen: number;
  rateBp: number;
  amountFen: number;
  info: LineInfo;
}

/** A leader's commission rate (basis points) in a month. */
export type RateOf = (leaderId: string, month: string) => number;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function line(leaderId: string, memberId: string, rule: RuleCode, basisFen: number, rateBp: number, info: LineInfo): RewardLine {
  return { leaderId, memberId, rule, basisFen, rateBp, amountFen: applyBp(basisFen, rateBp), info };
}

/** member_monthly_spend: members in the rule's stage at the end of M who spent ≥ the minimum with the leader in M. */
export function monthlySpendLines(ledger: Ledger, month: string, r: CommissionRules['monthlySpend'], t: StageThresholds): RewardLine[] {
  if (!r.enabled) return [];
  const end = monthEnd(month);
  const out: RewardLine[] = [];
  for (const [key, spend] of ledger.memberSpend) {
    if (!key.endsWith(`|${month}`)) continue;
    const leaderId = key.slice(0, key.length - month.length - 1);
    for (const [memberId, fen] of spend) {
      if (fen <= 0 || fen < r.minSpendFen) continue;
      const stage = stageAt(ledger.members.get(memberId), end, t);
      if (stage === r.stage) out.push(line(leaderId, memberId, 'member_monthly_spend', fen, r.rateBp, { stage }));
    }
  }
  return out;
}

/** reactivation: members silent (or churned, when enabled) at the end of M−1 who order in M: their first order of M. */
export function reactivationLines(ledger: Ledger, month: string, r: CommissionRules['reactivation'], t: StageThresholds): RewardLine[] {
  if (!r.enabled) return [];
  const prevEnd = monthEnd(addMonths(month, -1));
  const start = monthStart(month);
  const end = monthEnd(month);
  const out: RewardLine[] = [];
  for (const h of ledger.members.values()) {
    const first = ordersIn(h, start, end)[0];
    if (!first) continue;
    const stage = stageAt(h, prevEnd, t);
    if (stage === 'silent' || (stage === 'churned' && r.includeChurned)) {
      out.push(
        line(first.leaderId, h.memberId, 'reactivation', first.amountFen, r.rateBp, {
          stage,
          orderId: first.orderId,
          orderDate: first.orderDate,
        }),
      );
    }
  }
  return out;
}

/** The date each tier is first reached: cumulative spend (returns subtracted) at the end of a day, days first..until. */
export function tierDates(events: readonly SpendEvent[], first: string, until: string, tiersFen: readonly number[]): (string | null)[] {
  const reached: (string | null)[] = tiersFen.map(() => null);
  let cum = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.date > until) break;
    if (e.date < first) continue;
    cum += e.amountFen;
    if (events[i + 1]?.date === e.date) continue; // the day is not over yet
    tiersFen.forEach((fen, k) => {
      if (reached[k] === null && cum >= fen) reached[k] = e.date;
    });
  }
  return reached;
}

/** Base commission a leader earned on one member's spend from `from` to `until`: per month, applyBp(spend, that month's rate). */
export function commissionOnMember(h: MemberHistory, from: string, until: string, rateOf: RateOf): Map<string, number> {
  const spend = new Map<string, Map<string, number>>();
  const add = (date: string, leaderId: string, fen: number) => {
    if (date < from || date > until) return;
    let byMonth = spend.get(leaderId);
    if (!byMonth) spend.set(leaderId, (byMonth = new Map()));
    byMonth.set(monthOf(date), (byMonth.get(monthOf(date)) ?? 0) + fen);
  };
  for (const o of ordersIn(h, from, until)) add(o.orderDate, o.leaderId, o.amountFen);
  for (const r of h.returns) add(r.orderDate, r.leaderId, r.amountFen);
  const out = new Map<string, number>();
  for (const [leaderId, byMonth] of spend) {
    let fen = 0;
    for (const [m, s] of byMonth) fen += applyBp(Math.max(0, s), rateOf(leaderId, m));
    out.set(leaderId, fen);
  }
  return out;
}

/** nurture: tiers first reached in M within window_days of the first order; basis = base commission on the member so far. */
export function nurtureLines(ledger: Ledger, month: string, r: CommissionRules['nurture'], rateOf: RateOf): RewardLine[] {
  if (!r.enabled) return [];
  const start = monthStart(month);
  const end = monthEnd(month);
  const out: RewardLine[] = [];
  for (const h of ledger.members.values()) {
    const first = h.orders[0]?.orderDate;
    if (!first || first > end) continue;
    const windowEnd = addDays(first, r.windowDays);
    if (windowEnd < start) continue;
    const until = windowEnd < end ? windowEnd : end;
    const dates = tierDates(
      spendEvents(h),
      first,
      until,
      r.tiers.map((x) => x.spendFen),
    );
    const due = r.tiers.filter((_, k) => dates[k] !== null && dates[k]! >= start);
    if (due.length === 0) continue;
    const basis = [...commissionOnMember(h, first, until, rateOf)].sort((a, b) => byText(a[0], b[0]));
    for (const tier of due) {
      const reachedOn = dates[tier.tier - 1]!;
      for (const [leaderId, fen] of basis) {
        if (fen <= 0) continue;
        out.push(
          line(leaderId, h.memberId, 'nurture', fen, tier.rateBp, {
            tier: tier.tier,
            tierFen: tier.spendFen,
            reachedOn,
            firstOrderDate: first,
            basisUntil: until,
          }),
        );
      }
    }
  }
  return out;
}

/** Days from the first order to the day a tier was reached (for detail text). */
export function dayOfWindow(info: LineInfo): number | null {
  return info.firstOrderDate && info.reachedOn ? daysBetween(info.firstOrderDate, info.reachedOn) : null;
}

export function rewardLines(ledger: Ledger, month: string, rules: CommissionRules, t: StageThresholds, rateOf: RateOf): RewardLine[] {
  const order = (l: RewardLine) => RULES.indexOf(l.rule);
  return [
    ...monthlySpendLines(ledger, month, rules.monthlySpend, t),
    ...reactivationLines(ledger, month, rules.reactivation, t),
    ...nurtureLines(ledger, month, rules.nurture, rateOf),
  ].sort(
    (a, b) =>
      byText(a.leaderId, b.leaderId) || order(a) - order(b) || byText(a.memberId, b.memberId) || (a.info.tier ?? 0) - (b.info.tier ?? 0),
  );
}
