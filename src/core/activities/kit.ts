/**
 * The context of an activity kit (§4.2): the stage's members (counts, top members by spend), the
 * 流失原因 analysis, category penetration, KPI targets with what they imply, and the coupon budget.
 * Pure; the template supplies the materials and wording.
 */
import { addDays } from '../shared/index.js';
import type { Stage } from '../members/index.js';
import type { MemberProfile } from '../members/index.js';
import { REASONS } from '../members/index.js';
import { codeName, commonContext, memberContext, stageCoupon, targetsFor, type CommonInput, type Contact } from './activity-context.js';

export interface KitInput extends CommonInput {
  stage: Stage;
  scope: string;
  /** every member in scope (all stages) */
  profiles: readonly MemberProfile[];
  contacts: ReadonlyMap<string, Contact>;
}

/** Highest spend first, then member ID. */
export function bySpend(a: MemberProfile, b: MemberProfile): number {
  return b.spendFen - a.spendFen || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);
}

/** Share in basis points, rounded half-up; null for an empty denominator. */
export function shareBp(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((part * 10_000 * 2 + whole) / (2 * whole));
}

export function kitContext(k: KitInput) {
  const common = commonContext(k);
  const inStage = k.profiles.filter((p) => p.stage === k.stage).sort(bySpend);
  const count = inStage.length;
  const categoriesRecorded = inStage.some((p) => p.categoriesRecorded) || (count === 0 && k.profiles.some((p) => p.categoriesRecorded));
  const multi = inStage.filter((p) => p.categoriesBought >= 2).length;
  const weekAgo = addDays(k.asOf, -6);
  const { coupon, unitFen } = stageCoupon(k.stage, common.offers);
  return {
    ...common,
    stage: codeName(k.stage, k.names),
    scope: k.scope,
    members: {
      total: k.profiles.length,
      count,
      share_bp: shareBp(count, k.profiles.length) ?? 0,
      at_risk: inStage.filter((p) => p.atRisk).length,
      one_order: inStage.filter((p) => p.orders === 1).length,
      new_last_7_days: k.profiles.filter((p) => p.firstOrderDate >= weekAgo).length,
      top: inStage.slice(0, k.activities.top_members).map((p) => memberContext(p, k.contacts.get(p.memberId), k.names)),
    },
    analysis: {
      categories_recorded: categoriesRecorded,
      multi_category: multi,
      multi_category_bp: categoriesRecorded ? shareBp(multi, count) : null,
      reasons: REASONS.map((r) => ({ code: r, name: k.names.reason(r), count: inStage.filter((p) => p.reason === r).length })),
    },
    targets: targetsFor(k.stage, k.targets, count, k.names),
    budget: {
      coupon: coupon ?? '',
      coupon_name: k.names.coupon(coupon ?? 'none'),
      unit_fen: unitFen,
      members: count,
      total_fen: unitFen * count,
    },
  };
}
