/**
 * The activity configuration in the units templates and the plan use: yuan -> fen, percent -> basis
 * points, texts picked for one language. Pure. The lowered 满减 threshold of the silent return coupon
 * goes through applyBp (half-up on the fen).
 */
import type { ActivitiesConfig } from '../../activities-config.js';
import { applyBp, parseScaled } from '../shared/index.js';
import { pick, type Lang, type Text as Bilingual } from '../../i18n.js';

export type TextLang = Lang;
/** a text of the configuration: the same in both languages, or one per language */
type Text = string | Bilingual;

/** yuan or percent with at most 2 decimals -> integer hundredths (fen, basis points), exactly. */
export function hundredths(v: number): number {
  const r = parseScaled(String(v), 2);
  if (!r.ok) throw new RangeError(`not a 2-decimal number: ${v}`);
  return r.value;
}

export function pickText(t: Text, lang: TextLang): string {
  return typeof t === 'string' ? t : pick(lang, t);
}

export interface Offers {
  intro: { first_order_off_fen: number; first_order_threshold_fen: number; welcome_gift: string; welcome_gift_cost_fen: number };
  growth: {
    trial_coupon_fen: number;
    gift_threshold_fen: number;
    gift: string;
    addon_price_fen: number;
    addon_item: string;
    task_orders: number;
    task_days: number;
    member_discount_bp: number;
    share_reward_fen: number;
  };
  mature: { points_per_yuan: number; redeem_points: number; redeem_reward: string; vote_candidates: number };
  silent: {
    return_coupon_fen: number;
    usual_threshold_fen: number;
    threshold_cut_bp: number;
    lowered_threshold_fen: number;
    coupon_valid_days: number;
    care_gift: string;
  };
  churned: { cashback_bp: number; cashback_cap_fen: number; second_order_coupon_fen: number; service_hours: string };
  complaint: { respond_within_hours: number; resolve_within_hours: number; apology_coupon_fen: number };
}

export function offersFrom(a: ActivitiesConfig, lang: TextLang): Offers {
  const cutBp = hundredths(a.silent.threshold_cut_pct);
  const usual = hundredths(a.silent.usual_threshold_yuan);
  return {
    intro: {
      first_order_off_fen: hundredths(a.intro.first_order_off_yuan),
      first_order_threshold_fen: hundredths(a.intro.first_order_threshold_yuan),
      welcome_gift: pickText(a.intro.welcome_gift, lang),
      welcome_gift_cost_fen: hundredths(a.intro.welcome_gift_cost_yuan),
    },
    growth: {
      trial_coupon_fen: hundredths(a.growth.trial_coupon_yuan),
      gift_threshold_fen: hundredths(a.growth.gift_threshold_yuan),
      gift: pickText(a.growth.gift, lang),
      addon_price_fen: hundredths(a.growth.addon_price_yuan),
      addon_item: pickText(a.growth.addon_item, lang),
      task_orders: a.growth.task_orders,
      task_days: a.growth.task_days,
      member_discount_bp: hundredths(a.growth.member_discount_pct),
      share_reward_fen: hundredths(a.growth.share_reward_yuan),
    },
    mature: {
      points_per_yuan: a.mature.points_per_yuan,
      redeem_points: a.mature.redeem_points,
      redeem_reward: pickText(a.mature.redeem_reward, lang),
      vote_candidates: a.mature.vote_candidates,
    },
    silent: {
      return_coupon_fen: hundredths(a.silent.return_coupon_yuan),
      usual_threshold_fen: usual,
      threshold_cut_bp: cutBp,
      lowered_threshold_fen: usual - applyBp(usual, cutBp),
      coupon_valid_days: a.silent.coupon_valid_days,
      care_gift: pickText(a.silent.care_gift, lang),
    },
    churned: {
      cashback_bp: hundredths(a.churned.cashback_pct),
      cashback_cap_fen: hundredths(a.churned.cashback_cap_yuan),
      second_order_coupon_fen: hundredths(a.churned.second_order_coupon_yuan),
      service_hours: pickText(a.churned.service_hours, lang),
    },
    complaint: {
      respond_within_hours: a.complaint.respond_within_hours,
      resolve_within_hours: a.complaint.resolve_within_hours,
      apology_coupon_fen: hundredths(a.complaint.apology_coupon_yuan),
    },
  };
}

/** All texts of the activity configuration with their config paths (lint checks them for absolute terms). */
export function configTexts(a: ActivitiesConfig): { path: string; text: string }[] {
  const items: [string, Text][] = [
    ['activities.intro.welcome_gift', a.intro.welcome_gift],
    ['activities.growth.gift', a.growth.gift],
    ['activities.growth.addon_item', a.growth.addon_item],
    ['activities.mature.redeem_reward', a.mature.redeem_reward],
    ['activities.silent.care_gift', a.silent.care_gift],
    ['activities.churned.service_hours', a.churned.service_hours],
  ];
  return items.flatMap(([path, t]) =>
    typeof t === 'string'
      ? [{ path, text: t }]
      : [
          { path: `${path}.zh`, text: t.zh },
          { path: `${path}.en`, text: t.en },
        ],
  );
}
