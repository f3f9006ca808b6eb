/**
 * Configuration sections of the activity kits, talk-scripts and weekly plan (issue #5, SPEC §7):
 * `activities:` (coupon values, gifts, thresholds, the 黄金触达时间表; KPI targets are `kpi.targets`),
 * `lint:` (Advertising-Law absolute terms) and `templates_dir`. src/config.ts wires them in.
 * Money is written in yuan and rates in percent, as people write them (at most 2 decimals, so the
 * conversion to fen and basis points never rounds); core/activities/activities.ts converts them.
 */
import { z } from 'zod';
import { STAGE_KPIS, type KpiCode } from './core/kpi/index.js';

const twoDecimals = (n: number) => Number.isFinite(n) && /^\d+(\.\d{1,2})?$/.test(String(n));
const yuan = z
  .number()
  .min(0)
  .refine(twoDecimals, { message: 'an amount in yuan with at most 2 decimals', params: { zh: '金额(元),最多 2 位小数' } });
const percent = z
  .number()
  .min(0)
  .max(100)
  .refine(twoDecimals, { message: 'a percentage 0–100 with at most 2 decimals', params: { zh: '0–100 的百分数,最多 2 位小数' } });
const count = z.number().int().min(0);
const positive = z.number().int().min(1);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 19:30');
const weekday = z.number().int().min(1).max(7);
/** Text shown to members: one string for both languages, or `{zh, en}`. */
const text = z.union([z.string().min(1), z.strictObject({ zh: z.string().min(1), en: z.string().min(1) })]);
const slot = z.strictObject({
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday,
  /** local time HH:MM */
  time: hhmm,
});

/** The KPIs a kit or the plan shows (the catalogue's STAGE_KPIS): the codes an old `activities.targets` may name. */
const TARGET_KPIS = Object.values(STAGE_KPIS).flat() as [KpiCode, ...KpiCode[]];
const legacyTarget = z.strictObject({
  kpi: z.enum(TARGET_KPIS),
  /** baseline (基准值): percent for rates, orders for *_orders KPIs */
  target: z
    .number()
    .min(0)
    .refine(twoDecimals, { message: 'at most 2 decimals', params: { zh: '最多 2 位小数' } }),
  /** challenge value (挑战值), same unit; null when the seed gives none */
  challenge: z
    .number()
    .min(0)
    .refine(twoDecimals, { message: 'at most 2 decimals', params: { zh: '最多 2 位小数' } })
    .nullable(),
});

/**
 * Deprecated `activities.targets` (KPI targets per stage, `target`/`challenge`): still read, as
 * `kpi.targets` (`baseline`/`challenge`), with a warning (src/config.ts). Not part of ActivitiesSchema.
 */
export const LegacyTargetsSchema = z.strictObject({
  intro: z.array(legacyTarget).optional(),
  growth: z.array(legacyTarget).optional(),
  mature: z.array(legacyTarget).optional(),
  silent: z.array(legacyTarget).optional(),
  churned: z.array(legacyTarget).optional(),
});

export const ActivitiesSchema = z.strictObject({
  /** Members listed by name in a kit (top by spend). @default 10 */
  top_members: positive,
  /** Categories that depend on the household (母婴: a baby at home): suggested only to members who already bought them, never as a new category to try. @default ["母婴"] */
  personal_categories: z.array(z.string().trim().min(1)),
  /** 引入期 信任破冰三件套 (§4.2) */
  intro: z.strictObject({
    /** 首单立减: yuan off a newcomer's first order. @default 10 */
    first_order_off_yuan: yuan,
    /** the first order must reach this (seed: 门槛最高 30 元). @default 30 */
    first_order_threshold_yuan: yuan,
    /** 新人专属礼包 contents (high value-for-money items). @default 土鸡蛋 6 枚 + 时令小番茄 1 盒 */
    welcome_gift: text,
    /** cost of one welcome gift, for the budget, yuan. @default 6 */
    welcome_gift_cost_yuan: yuan,
  }),
  /** 成长期 品类拓展四步法 (§4.2) */
  growth: z.strictObject({
    /** 试用装 voucher: yuan off a trial-size item of a new category. @default 5 */
    trial_coupon_yuan: yuan,
    /** 满赠: spend this in one order … @default 68 */
    gift_threshold_yuan: yuan,
    /** … and get this. @default 时令水果 1 份 */
    gift: text,
    /** 换购: add this many yuan … @default 1 */
    addon_price_yuan: yuan,
    /** … to get this item. @default 挂面 1 把 */
    addon_item: text,
    /** 成长任务卡: orders that unlock the member discount ("完成3次下单解锁会员折扣"). @default 3 */
    task_orders: positive,
    /** … within this many days. @default 30 */
    task_days: positive,
    /** the member discount unlocked, percent off. @default 5 (= 95 折) */
    member_discount_pct: percent,
    /** 晒单有礼: yuan voucher for a photo review in the group. @default 2 */
    share_reward_yuan: yuan,
  }),
  /** 成熟期 会员权益 (§4.2) */
  mature: z.strictObject({
    /** 积分: points per yuan spent (1 元 = 1 分). @default 1 */
    points_per_yuan: positive,
    /** points needed for one reward. @default 500 */
    redeem_points: positive,
    /** the reward. @default 土鸡蛋 10 枚 */
    redeem_reward: text,
    /** 用户投票选品: candidate products in the monthly vote. @default 3 */
    vote_candidates: positive,
  }),
  /** 沉默期 精准唤醒三件套 (§4.2) */
  silent: z.strictObject({
    /** 回归激励券: yuan off. @default 10 */
    return_coupon_yuan: yuan,
    /** the usual 满减 threshold of that coupon, yuan. @default 50 */
    usual_threshold_yuan: yuan,
    /** the threshold is lowered by this percent for returning members (seed: 30). @default 30 */
    threshold_cut_pct: percent,
    /** days the coupon is valid. @default 7 */
    coupon_valid_days: positive,
    /** 定制关怀礼包 (matched to the member's usual category). @default 常买品类小份装 1 份 */
    care_gift: text,
    /** a silent member gets a care message at most once every N weeks (never more than once a week). @default 4 */
    care_every_weeks: positive,
    /** at most this many care messages a week, highest past spend first. @default 30 */
    care_per_week: count,
  }),
  /** 流失期 挽回四步曲 (§4.2) */
  churned: z.strictObject({
    /** 阶梯式回归优惠: cashback on the first order back, percent. @default 50 */
    cashback_pct: percent,
    /** … at most this many yuan. @default 20 */
    cashback_cap_yuan: yuan,
    /** the next step: yuan off the second order back. @default 5 */
    second_order_coupon_yuan: yuan,
    /** 专属客服 hours. @default 每天 9:00–21:00 */
    service_hours: text,
    /** calls a week, highest past spend first. @default 10 */
    calls_per_week: count,
    /** a churned member is called at most once every N weeks. @default 4 */
    call_every_weeks: positive,
  }),
  /** complaint handling, seed 003: 即时响应→原因调查→解决方案→结果反馈 */
  complaint: z.strictObject({
    /** first reply within hours. @default 2 */
    respond_within_hours: positive,
    /** resolved and reported back within hours (seed 000: 48 小时售后闭环). @default 48 */
    resolve_within_hours: positive,
    /** apology voucher, yuan. @default 5 */
    apology_coupon_yuan: yuan,
  }),
  /** 黄金触达时间表 (§4.3) and the daily community rhythm (§5.1) */
  schedule: z.strictObject({
    /** new members are welcomed within this many hours of their first order. @default 2 */
    welcome_within_hours: positive,
    /** 每日社群3次互动: the times. @default ["08:00", "12:00", "20:00"] */
    interactions: z.array(hhmm).min(1).max(6),
    /** prepare the week's materials. @default Monday 09:00 */
    prepare: slot,
    /** recommendations to at-risk active members. @default Tuesday 19:30 */
    at_risk: slot,
    /** 成长期 新品试用 (seed: 每周三晚). @default Wednesday 20:00 */
    growth_trial: slot,
    /** 沉默期 care messages (one a week at most). @default Thursday 19:30 */
    silent_care: slot,
    /** 流失期 calls. @default Saturday 10:00 */
    churned_calls: slot,
    /** weekly review and 用户反馈报告. @default Sunday 21:00 */
    review: slot,
    /** 成熟期 会员权益更新 on this day of the month (seed: 每月1号). @default {day_of_month: 1, time: "10:00"} */
    mature_update: z.strictObject({ day_of_month: z.number().int().min(1).max(28), time: hhmm }),
  }),
});

export const LintSchema = z.strictObject({
  /** Absolute claims the Advertising Law forbids in promotions (广告法 第九条); matched as substrings, English words whole. */
  absolute_terms: z.array(z.string().min(1)),
  /** Ordinary words that contain a term and are allowed (最近 "recently", 第一次 "the first time" …). */
  allowed_words: z.array(z.string().min(1)),
});

export type ActivitiesConfig = z.infer<typeof ActivitiesSchema>;
export type LintConfig = z.infer<typeof LintSchema>;

export const DEFAULT_ACTIVITIES: ActivitiesConfig = {
  top_members: 10,
  personal_categories: ['母婴'],
  intro: {
    first_order_off_yuan: 10,
    first_order_threshold_yuan: 30,
    welcome_gift: { zh: '散养土鸡蛋 6 枚 + 时令小番茄 1 盒', en: '6 free-range eggs and a box of seasonal cherry tomatoes' },
    welcome_gift_cost_yuan: 6,
  },
  growth: {
    trial_coupon_yuan: 5,
    gift_threshold_yuan: 68,
    gift: { zh: '时令水果 1 份', en: 'a portion of seasonal fruit' },
    addon_price_yuan: 1,
    addon_item: { zh: '手工挂面 1 把', en: 'a bundle of hand-made noodles' },
    task_orders: 3,
    task_days: 30,
    member_discount_pct: 5,
    share_reward_yuan: 2,
  },
  mature: {
    points_per_yuan: 1,
    redeem_points: 500,
    redeem_reward: { zh: '散养土鸡蛋 10 枚', en: '10 free-range eggs' },
    vote_candidates: 3,
  },
  silent: {
    return_coupon_yuan: 10,
    usual_threshold_yuan: 50,
    threshold_cut_pct: 30,
    coupon_valid_days: 7,
    care_gift: { zh: '常买品类的小份尝鲜装 1 份', en: 'a small tasting pack of what you usually buy' },
    care_every_weeks: 4,
    care_per_week: 30,
  },
  churned: {
    cashback_pct: 50,
    cashback_cap_yuan: 20,
    second_order_coupon_yuan: 5,
    service_hours: { zh: '每天 9:00–21:00', en: 'every day, 9:00–21:00' },
    calls_per_week: 10,
    call_every_weeks: 4,
  },
  complaint: { respond_within_hours: 2, resolve_within_hours: 48, apology_coupon_yuan: 5 },
  schedule: {
    welcome_within_hours: 2,
    interactions: ['08:00', '12:00', '20:00'],
    prepare: { weekday: 1, time: '09:00' },
    at_risk: { weekday: 2, time: '19:30' },
    growth_trial: { weekday: 3, time: '20:00' },
    silent_care: { weekday: 4, time: '19:30' },
    churned_calls: { weekday: 6, time: '10:00' },
    review: { weekday: 7, time: '21:00' },
    mature_update: { day_of_month: 1, time: '10:00' },
  },
};

export const DEFAULT_LINT: LintConfig = {
  absolute_terms: [
    '最',
    '第一',
    '唯一',
    '国家级',
    '顶级',
    '100%',
    '100％',
    '百分之百',
    '绝对',
    '首个',
    '首选',
    '全网',
    '极致',
    '万能',
    '独家',
    '世界级',
    '史无前例',
    '销量冠军',
    '王牌',
    'best',
    'number one',
    'No. 1',
    'No.1',
    '#1',
    'the only',
    'top-class',
    'top-grade',
    'absolutely',
    'first-ever',
    'world-class',
    'national-level',
    'guaranteed',
  ],
  allowed_words: [
    '绝对化',
    '最近',
    '最后',
    '最多',
    '最少',
    '最早',
    '最晚',
    '最迟',
    '最终',
    '第一次',
    '第一单',
    '第一步',
    '第一天',
    '第一时间',
  ],
};
