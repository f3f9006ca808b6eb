/**
 * The KPI catalogue (SPEC §6): codes, units, names, which way is better, the seed's targets, the
 * KPIs of each stage's kit, and how people write values of each unit.
 * Order KPIs are computed from the orders (core/kpi.ts); metrics come from a metrics file
 * (complaint handling, satisfaction … seed 002, seed 000 §4.1) and are checked the same way.
 */
import { STAGES, STAGE_NAMES, type Stage } from '../members/index.js';
import { parseFen, parseScaled } from '../shared/index.js';
import { ratio, type Ratio } from '../shared/index.js';
import type { Text } from '../../i18n.js';

/** rate: a share (stored as a fraction, written in percent); money: fen (written in yuan); count; number. */
export const UNITS = ['rate', 'money', 'count', 'number'] as const;
export type Unit = (typeof UNITS)[number];

export const ORDER_KPIS = [
  'gmv',
  'orders',
  'active_members',
  'new_members',
  'aov',
  'repurchase_rate',
  'intro_retention_30d',
  'category_penetration',
  'growth_weekly_orders',
  'mature_monthly_orders',
  'mature_aov_uplift',
  'wakeup_rate',
  'winback_rate',
  ...STAGES.map((s) => `stage_share.${s}` as const),
  'ltv',
  'avg_lifetime_months',
  'refund_rate',
] as const;
export type OrderKpi = (typeof ORDER_KPIS)[number];

/** The order KPIs `tuan kpi` and the report show unless asked for others: all but refund_rate (`--kpi refund_rate`). */
export const DEFAULT_ORDER_KPIS: readonly OrderKpi[] = ORDER_KPIS.filter((k) => k !== 'refund_rate');

export const METRICS = [
  'order_conversion',
  'first_order_conversion',
  'complaint_response_24h',
  'complaint_resolution_72h',
  'satisfaction',
  'group_messages',
] as const;
export type KnownMetric = (typeof METRICS)[number];

/** The actions of the weekly plan whose contacts `tuan review` measures against the holdout (issue #13). */
export const LOGGED_ACTIONS = ['welcome', 'at_risk', 'growth_trial', 'mature_update', 'silent_care', 'churned_call'] as const;
/**
 * KPIs of the contact log (`tuan log`, `tuan review`): the execution rate, and per action the uplift (order rate of the
 * contacted − order rate of the holdout, within review.window_days; n/a below 30 holdout members).
 */
export const LOG_KPIS = ['execution_rate', ...LOGGED_ACTIONS.map((a) => `uplift.${a}` as const)] as const;
export type LogKpi = (typeof LOG_KPIS)[number];

/**
 * Which way is better: higher, lower (refund_rate), or neither (a distribution: the stage shares). Targets
 * (`kpi.targets`, marks) are minimums, so only a higher-is-better KPI can have one; a maximum is a check's
 * `fail_above` / `warn_above` (tuan kpi check).
 */
export type Direction = 'higher' | 'lower' | null;

/** A target as people write it (rates in percent, money in yuan, see readValue). */
export interface SeedTarget {
  baseline?: number;
  challenge?: number;
  /** where the value comes from */
  source: string;
}

export interface KpiDef {
  unit: Unit;
  /** SPEC §6 names */
  zh: string;
  en: string;
  direction: Direction;
  /** the seed's target: the default of `kpi.targets` (config), read by kpi, kpi check, kit, plan and report */
  seed?: SeedTarget;
  /** the value grows with the period's length (a share of members who ordered in it, a count), so the target holds for a calendar month only */
  perMonth?: true;
}

const stageShare = Object.fromEntries(
  STAGES.map((s: Stage) => [
    `stage_share.${s}`,
    {
      unit: 'rate',
      zh: `阶段占比·${STAGE_NAMES[s].zh}`,
      en: `stage share: ${STAGE_NAMES[s].en.toLowerCase()}`,
      direction: null,
    },
  ]),
) as Record<`stage_share.${Stage}`, KpiDef>;

export type KpiCode = OrderKpi | KnownMetric | LogKpi;

const ACTION_NAMES: Record<(typeof LOGGED_ACTIONS)[number], [string, string]> = {
  welcome: ['新会员欢迎', 'welcome'],
  at_risk: ['风险会员推荐', 'at-risk recommendation'],
  growth_trial: ['新品试用', 'trial offer'],
  mature_update: ['会员权益更新', 'member benefits update'],
  silent_care: ['沉默期关怀', 'silent care'],
  churned_call: ['流失期回访', 'win-back call'],
};

const uplift = Object.fromEntries(
  LOGGED_ACTIONS.map((a) => [
    `uplift.${a}`,
    { unit: 'rate', zh: `提升·${ACTION_NAMES[a][0]}`, en: `uplift: ${ACTION_NAMES[a][1]}`, direction: 'higher' },
  ]),
) as Record<`uplift.${(typeof LOGGED_ACTIONS)[number]}`, KpiDef>;

/** The one KPI catalogue: every place that names a KPI or shows its seed target reads it. */
export const KPI_DEFS: Readonly<Record<KpiCode, KpiDef>> = {
  gmv: { unit: 'money', zh: '成交额', en: 'GMV', direction: 'higher' },
  orders: { unit: 'count', zh: '订单数', en: 'orders', direction: 'higher' },
  active_members: { unit: 'count', zh: '下单会员数', en: 'active members', direction: 'higher' },
  new_members: { unit: 'count', zh: '新会员数', en: 'new members', direction: 'higher' },
  aov: { unit: 'money', zh: '客单价', en: 'average order value', direction: 'higher', seed: { baseline: 150, source: 'seed 002' } },
  repurchase_rate: {
    unit: 'rate',
    zh: '复购率',
    en: 'repurchase rate',
    direction: 'higher',
    perMonth: true,
    seed: { baseline: 40, challenge: 45, source: 'seed 002; challenge seed 004' },
  },
  intro_retention_30d: {
    unit: 'rate',
    zh: '引入期30天留存率',
    en: '30-day retention of new members',
    direction: 'higher',
    seed: { baseline: 50, source: 'seed 000' },
  },
  category_penetration: {
    unit: 'rate',
    zh: '品类渗透率',
    en: 'category penetration (growth)',
    direction: 'higher',
    seed: { baseline: 40, challenge: 50, source: 'seed 000' },
  },
  growth_weekly_orders: {
    unit: 'number',
    zh: '成长期周均下单',
    en: 'orders per growth member per week',
    direction: 'higher',
    seed: { baseline: 2, source: 'seed 000' },
  },
  mature_monthly_orders: {
    unit: 'number',
    zh: '成熟期月均消费次数',
    en: 'orders per mature member per 30 days',
    direction: 'higher',
    seed: { baseline: 4, source: 'seed 000' },
  },
  mature_aov_uplift: {
    unit: 'rate',
    zh: '成熟期客单价增幅',
    en: 'AOV uplift of mature members',
    direction: 'higher',
    seed: { baseline: 30, challenge: 40, source: 'seed 000' },
  },
  wakeup_rate: {
    unit: 'rate',
    zh: '唤醒率',
    en: 'wake-up rate',
    direction: 'higher',
    perMonth: true,
    seed: { baseline: 25, challenge: 30, source: 'seed 000' },
  },
  winback_rate: {
    unit: 'rate',
    zh: '挽回成功率',
    en: 'win-back rate',
    direction: 'higher',
    perMonth: true,
    seed: { baseline: 15, challenge: 20, source: 'seed 000' },
  },
  ...stageShare,
  ltv: { unit: 'money', zh: '会员价值LTV', en: 'LTV (predicted CLV)', direction: 'higher' },
  avg_lifetime_months: { unit: 'number', zh: '平均生命周期(月)', en: 'average lifetime (months)', direction: 'higher' },
  /**
   * Refunded fen over paid fen of the purchase lines dated in the period: lines completed or refunded (已退款 counts
   * whole, a completed line its partial refund); cancelled (已取消) and pending lines were never paid and count
   * neither way; returns (negative lines) are returns, not refunds. A fully refunded order is no counted order,
   * but its refund is one, so the lines are not limited to counted orders. Lower is better; no seed target.
   */
  refund_rate: { unit: 'rate', zh: '退款率', en: 'refund rate', direction: 'lower' },
  order_conversion: {
    unit: 'rate',
    zh: '订单转化率',
    en: 'order conversion',
    direction: 'higher',
    seed: { baseline: 15, challenge: 30, source: 'seed 002' },
  },
  first_order_conversion: {
    unit: 'rate',
    zh: '新人首单转化率',
    en: 'first-order conversion of sign-ups',
    direction: 'higher',
    seed: { baseline: 70, challenge: 85, source: 'seed 000' },
  },
  complaint_response_24h: {
    unit: 'rate',
    zh: '投诉24小时响应率',
    en: 'complaints answered within 24 h',
    direction: 'higher',
    seed: { baseline: 100, source: 'seed 002' },
  },
  complaint_resolution_72h: {
    unit: 'rate',
    zh: '投诉72小时闭环率',
    en: 'complaints resolved within 72 h',
    direction: 'higher',
    seed: { baseline: 90, source: 'seed 002' },
  },
  satisfaction: { unit: 'number', zh: '用户满意度', en: 'satisfaction', direction: 'higher' },
  group_messages: {
    unit: 'count',
    zh: '社群消息量',
    en: 'community messages',
    direction: 'higher',
    perMonth: true,
    seed: { challenge: 5000, source: 'seed 002' },
  },
  execution_rate: {
    unit: 'rate',
    zh: '活动执行率',
    en: 'execution rate',
    direction: 'higher',
    seed: { baseline: 90, source: 'seed 000' },
  },
  ...uplift,
};

/** The KPIs whose targets a stage's kit and the weekly plan show (SPEC §7), in the order they are shown. */
export const STAGE_KPIS: Readonly<Record<Stage, readonly KpiCode[]>> = {
  intro: ['first_order_conversion', 'intro_retention_30d'],
  growth: ['category_penetration', 'growth_weekly_orders'],
  mature: ['mature_monthly_orders', 'mature_aov_uplift'],
  silent: ['wakeup_rate'],
  churned: ['winback_rate'],
};

/** The seed's targets of the catalogue, in catalogue order: the default of `kpi.targets`. */
export function seedTargets(): Record<string, { baseline?: number; challenge?: number }> {
  const out: Record<string, { baseline?: number; challenge?: number }> = {};
  for (const [code, d] of Object.entries(KPI_DEFS) as [KpiCode, KpiDef][]) {
    if (!d.seed) continue;
    const { source: _source, ...t } = d.seed;
    out[code] = t;
  }
  return out;
}

export const isOrderKpi = (code: string): code is OrderKpi => (ORDER_KPIS as readonly string[]).includes(code);
export const isKnownMetric = (code: string): code is KnownMetric => (METRICS as readonly string[]).includes(code);
export const isLogKpi = (code: string): code is LogKpi => (LOG_KPIS as readonly string[]).includes(code);

export function kpiDef(code: string): KpiDef | undefined {
  return Object.hasOwn(KPI_DEFS, code) ? (KPI_DEFS as Record<string, KpiDef>)[code] : undefined;
}

/** A value as written in a checks file, a target or a metrics file. */
export type WrittenValue = number | string;

/**
 * Read a written value in the unit's base: rates in percent (`40` or `"40%"` = 0.4), money in yuan
 * (`150`, `"150元"`, `"¥150"` = 15000 fen), counts and numbers as decimals. Up to 4 decimals.
 */
export function readValue(v: WrittenValue, unit: Unit): { ok: true; value: Ratio } | { ok: false; reason: Text } {
  let text = typeof v === 'number' ? numberText(v) : v.trim();
  if (text === null) return { ok: false, reason: { zh: `${v} 不是普通的小数`, en: `${v} is not a plain decimal number` } };
  const percent = text.endsWith('%');
  if (percent && unit !== 'rate')
    return {
      ok: false,
      reason: { zh: `"${text}" 是百分数,但这个值的单位是 ${unit}`, en: `"${text}" is a percentage, but this value is a ${unit}` },
    };
  if (unit === 'money') {
    const fen = parseFen(text);
    return fen.ok
      ? { ok: true, value: ratio(fen.value, 1)! }
      : {
          ok: false,
          reason: { zh: `"${text}" 不是有效的金额(单位元,最多 2 位小数)`, en: `${fen.reason} (money is in yuan, at most 2 decimals)` },
        };
  }
  if (percent) text = text.slice(0, -1).trim();
  const n = parseScaled(text, 4);
  if (!n.ok) return { ok: false, reason: { zh: `"${text}" 不是有效的数(最多 4 位小数)`, en: `${n.reason} (at most 4 decimals)` } };
  if (unit === 'count' && n.value % 10_000 !== 0)
    return { ok: false, reason: { zh: `${text} 不是整数`, en: `${text} is not a whole number` } };
  return { ok: true, value: ratio(n.value, unit === 'rate' ? 1_000_000 : 10_000)! };
}

function numberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const s = String(n);
  return /e/i.test(s) ? null : s;
}
