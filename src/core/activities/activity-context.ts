/**
 * Building blocks of the template contexts (core/templating/template-contexts.ts documents them): the part every
 * template receives, one member, the KPI targets of a stage and the stage's coupon. Pure.
 */
import type { ActivitiesConfig } from '../../activities-config.js';
import { offersFrom, type Offers, type TextLang } from './activities.js';
import type { Unit } from '../kpi/index.js';
import { stageTargets, type KpiTargets } from '../kpi/index.js';
import { ratio, toDecimal, type Ratio } from '../shared/index.js';
import { isMadeUpMemberId, phoneTail } from '../shared/index.js';
import type { Stage, StageThresholds } from '../members/index.js';
import { AFTER_SALE_WINDOW_DAYS, type MemberProfile, type Reason } from '../members/index.js';
import type { Scene } from '../templating/index.js';

/** Localised names, supplied by the render layer. */
export interface Names {
  stage(s: Stage): string;
  scene(s: Scene): string;
  reason(r: Reason): string;
  weekday(isoWeekday: number): string;
  kpi(code: string): string;
  coupon(code: Coupon | 'none'): string;
  /** a category as the export writes it (Chinese), in the output language where it is a common one */
  category(name: string): string;
  /** the last four digits of a phone as a member's reference: 尾号5678 */
  phoneTail(digits: string): string;
}

export type Coupon = 'first_order_off' | 'welcome_gift' | 'trial_coupon' | 'return_coupon' | 'cashback';

export interface CommonInput {
  lang: TextLang;
  asOf: string;
  unmask: boolean;
  leader: { id: string; name: string; community: string };
  activities: ActivitiesConfig;
  /** kpi.targets */
  targets: KpiTargets;
  stages: StageThresholds;
  names: Names;
}

export interface Contact {
  name: string;
  phone: string;
}

export const codeName = (code: Stage, names: Names) => ({ code, name: names.stage(code) });

export function commonContext(c: CommonInput) {
  const sch = c.activities.schedule;
  const slot = (s: { weekday: number; time: string }) => ({ weekday: s.weekday, weekday_name: c.names.weekday(s.weekday), time: s.time });
  return {
    lang: c.lang,
    as_of: c.asOf,
    unmasked: c.unmask,
    leader: { ...c.leader },
    thresholds: {
      intro_days: c.stages.intro_days,
      growth_days: c.stages.growth_days,
      silent_after_days: c.stages.silent_after_days,
      churned_after_days: c.stages.churned_after_days,
      at_risk_days: c.stages.at_risk_days,
      after_sale_window_days: AFTER_SALE_WINDOW_DAYS,
    },
    offers: offersFrom(c.activities, c.lang),
    schedule: {
      welcome_within_hours: sch.welcome_within_hours,
      interactions: [...sch.interactions],
      prepare: slot(sch.prepare),
      at_risk: slot(sch.at_risk),
      growth_trial: slot(sch.growth_trial),
      silent_care: slot(sch.silent_care),
      churned_calls: slot(sch.churned_calls),
      review: slot(sch.review),
      mature_update: { ...sch.mature_update },
    },
  };
}

export type MemberContext = ReturnType<typeof memberContext>;

/** One member as templates see it: name and phone as given (the api layer masks them unless --unmask). */
export function memberContext(p: MemberProfile, contact: Contact | undefined, names: Names) {
  return {
    id: p.memberId,
    ref: memberRef(p.memberId, contact?.phone ?? '', names),
    name: contact?.name ?? '',
    phone: contact?.phone ?? '',
    stage: codeName(p.stage, names),
    at_risk: p.atRisk,
    first_order_date: p.firstOrderDate,
    last_order_date: p.lastOrderDate,
    tenure_days: p.tenureDays,
    recency_days: p.recencyDays,
    orders: p.orders,
    spend_fen: p.spendFen,
    favourite: p.favourite && pickName(p.favourite, names),
    suggestion: p.suggestion && pickName(p.suggestion, names),
    categories_recorded: p.categoriesRecorded,
    categories_bought: p.categoriesBought,
    reason: { code: p.reason, name: names.reason(p.reason) },
    last_order: p.lastOrder && { date: p.lastOrder.date, amount_fen: p.lastOrder.amountFen, products: [...p.lastOrder.products] },
  };
}

/** The member ID, or the phone's last four digits where the ID is one tuan made up (快团团 exports have none). */
function memberRef(id: string, phone: string, names: Names): string {
  const tail = phoneTail(phone);
  return isMadeUpMemberId(id) && tail !== '' ? names.phoneTail(tail) : id;
}

/** A category in the output language (product names stay as the export writes them). */
const pickName = (p: { kind: 'category' | 'product'; name: string }, names: Names) => ({
  kind: p.kind,
  name: p.kind === 'category' ? names.category(p.name) : p.name,
});

const KPI_UNITS: Record<string, 'pct' | 'orders_per_week' | 'orders_per_month'> = {
  growth_weekly_orders: 'orders_per_week',
  mature_monthly_orders: 'orders_per_month',
};
/** The unit a kit or the plan shows a target in: percent for rates, orders per member per week or month. */
export const targetUnit = (kpi: string) => (Object.hasOwn(KPI_UNITS, kpi) ? KPI_UNITS[kpi]! : 'pct');
/** KPIs whose target cannot be turned into a count for an audience (sign-ups and AOV are not in the orders). */
const NOT_IMPLIED = new Set(['first_order_conversion', 'mature_aov_uplift']);

/** Members (rates) or orders (per-member frequencies) a baseline implies for an audience, rounded up. */
export function impliedTarget(kpi: string, baseline: Ratio, audience: number): number | null {
  if (NOT_IMPLIED.has(kpi)) return null;
  const n = BigInt(audience) * BigInt(baseline.num);
  const d = BigInt(baseline.den);
  return Number(n > 0n ? (n + d - 1n) / d : n / d); // exact ceiling (BigInt division truncates toward 0)
}

/** A target as kits and the plan show it: percent for rates, orders per member for frequencies. */
const shown = (r: Ratio, unit: Unit) => toDecimal(unit === 'rate' ? ratio(r.num * 100, r.den)! : r, 4);

/** A stage's targets (kpi.targets, the catalogue's stage KPIs) for an audience: baseline, challenge and what they imply. */
export function audienceTargets(stage: Stage, targets: KpiTargets, audience: number) {
  return stageTargets(stage, targets).map((t) => ({
    kpi: t.kpi,
    target: shown(t.baseline, t.unit),
    challenge: t.challenge && shown(t.challenge, t.unit),
    audience,
    implied: impliedTarget(t.kpi, t.baseline, audience),
  }));
}

export function targetsFor(stage: Stage, targets: KpiTargets, audience: number, names: Names) {
  return audienceTargets(stage, targets, audience).map((t) => ({
    kpi: t.kpi,
    name: names.kpi(t.kpi),
    unit: targetUnit(t.kpi),
    target: t.target,
    challenge: t.challenge,
    audience,
    implied: t.implied,
  }));
}

/** The coupon (or gift) that goes with a stage, and its value; mature has none. */
export function stageCoupon(stage: Stage, o: Offers): { coupon: Coupon | null; unitFen: number } {
  switch (stage) {
    case 'intro':
      return { coupon: 'welcome_gift', unitFen: o.intro.welcome_gift_cost_fen };
    case 'growth':
      return { coupon: 'trial_coupon', unitFen: o.growth.trial_coupon_fen };
    case 'silent':
      return { coupon: 'return_coupon', unitFen: o.silent.return_coupon_fen };
    case 'churned':
      return { coupon: 'cashback', unitFen: o.churned.cashback_cap_fen };
    default:
      return { coupon: null, unitFen: 0 };
  }
}
