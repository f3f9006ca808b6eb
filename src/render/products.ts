/** `tuan products` and `tuan cohorts` output: tables for people, CSV and JSON for machines. */
import type { Anomaly, ProductRow } from '../core/products/index.js';
import type { Cohort } from '../core/cohorts/index.js';
import { addMonths, formatYuan, type EffectivePeriod } from '../core/shared/index.js';
import { defineMessages, type Lang } from '../i18n.js';
import type { Style } from './style.js';
import { renderCsv, renderTable, type Cell } from './table.js';

const m = defineMessages({
  'pr.title': [
    '{what}销售 {period}{partial}(对比 {prevStart}..{prevEnd}),范围 {scope}',
    'Sales by {what} {period}{partial} (against {prevStart}..{prevEnd}), scope {scope}',
  ],
  'pr.partial': ['(截至 {end})', ' (to {end})'],
  'pr.product': ['商品', 'product'],
  'pr.category': ['品类', 'category'],
  'pr.h.gmv': ['GMV', 'GMV'],
  'pr.h.change': ['环比', 'change'],
  'pr.h.orders': ['订单', 'orders'],
  'pr.h.buyers': ['买家', 'buyers'],
  'pr.h.new': ['新买家', 'new buyers'],
  'pr.h.repeat': ['复购买家', 'repeat buyers'],
  'pr.h.refund': ['退款率', 'refund rate'],
  'pr.h.return': ['退货率', 'return rate'],
  'pr.none': ['这个周期没有销售。', 'No sales in this period.'],
  'pr.uncategorised': ['(未分类)', '(no category)'],
  'pr.all': ['(全部)', '(all)'],
  'pr.a.title': ['异常(截至 {asOf} 的完整周)', 'Anomalies (complete weeks up to {asOf})'],
  'pr.a.none': ['没有异常。', 'No anomalies.'],
  'pr.a.leader': ['团长', 'leader'],
  'pr.a.metric': ['指标', 'metric'],
  'pr.a.week': ['开始周', 'week starting'],
  'pr.a.value': ['当周', 'that week'],
  'pr.a.baseline': ['前 {weeks} 周中位数', 'median of {weeks} weeks before'],
  'pr.a.score': ['稳健 z 分数', 'robust z'],
  'pr.a.gmv': ['GMV 下降', 'GMV down'],
  'pr.a.refund_rate': ['退款率上升', 'refund rate up'],
  'pr.a.rule': [
    '规则:每周的值和它前 {weeks} 周的中位数比较,z = (值 − 中位数) / (1.4826 × MAD);连续 {confirm} 周都超过 {threshold}(GMV 向下、退款率向上)才算异常,报告的是第一周。',
    'Rule: each week against the median of the {weeks} weeks before it, z = (value − median) / (1.4826 × MAD); a step needs {confirm} weeks in a row beyond {threshold} (GMV down, refund rate up), and is reported with its first week.',
  ],
  'co.title': [
    '会员群组(按首单月份),范围 {scope},截至 {asOf}:{metric}',
    'Member cohorts (by month of first order), scope {scope}, as of {asOf}: {metric}',
  ],
  'co.m.retention': ['仍在下单的会员占比', 'share of members still ordering'],
  'co.m.spend': ['当月人均消费', 'spend per member in the month'],
  'co.m.ltv': ['累计人均消费(已实现 LTV)', 'cumulative spend per member (realised LTV)'],
  'co.h.cohort': ['首单月', 'cohort'],
  'co.h.members': ['人数', 'members'],
  'co.lifetime': ['平均会员生命周期(首单到最近一单):{days} 天', 'Average member lifetime (first to latest order): {days} days'],
  'co.none': ['没有计入的订单。', 'No counted orders.'],
});

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const pctChange = (x: number | null) => (x === null ? '–' : `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);
const ptsChange = (x: number | null) => (x === null ? '–' : `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)}pt`);

export interface ProductsMeta {
  period: EffectivePeriod;
  previous: { start: string; end: string };
  asOf: string;
  scope: string;
  by: 'product' | 'category';
}

export interface RuleText {
  weeks: number;
  confirm: number;
  threshold: number;
}

function categoryText(c: string | null, lang: Lang): string {
  return c === null ? m(lang, 'pr.all') : c === '' ? m(lang, 'pr.uncategorised') : c;
}

/** The anomalies as a table (or a line saying there are none), with the rule under it. */
export function anomaliesTable(list: readonly Anomaly[], rule: RuleText, asOf: string, lang: Lang, style: Style): string {
  const head = [m(lang, 'pr.a.title', { asOf })];
  if (!list.length) return `${head[0]}\n${m(lang, 'pr.a.none')}\n`;
  const value = (a: Anomaly, v: number) => (a.metric === 'gmv' ? formatYuan(v) : pct(v));
  const products = list.some((a) => a.product !== null); // the product column only when there is a product to show
  const table = renderTable(
    [
      m(lang, 'pr.a.leader'),
      m(lang, 'pr.category'),
      ...(products ? [m(lang, 'pr.product')] : []),
      m(lang, 'pr.a.metric'),
      m(lang, 'pr.a.week'),
      m(lang, 'pr.a.value'),
      m(lang, 'pr.a.baseline', { weeks: rule.weeks }),
      m(lang, 'pr.a.score'),
    ],
    list.map((a) => [
      a.leader_id,
      categoryText(a.category, lang),
      ...(products ? [a.product ?? ''] : []),
      m(lang, a.metric === 'gmv' ? 'pr.a.gmv' : 'pr.a.refund_rate'),
      a.week_start,
      value(a, a.value),
      value(a, a.baseline),
      a.score.toFixed(2),
    ]),
    style,
    [...(products ? ['left' as const] : []), 'left', 'left', 'left', 'left', 'right', 'right', 'right'],
  );
  return `${head[0]}\n${table}${m(lang, 'pr.a.rule', { weeks: rule.weeks, confirm: rule.confirm, threshold: rule.threshold })}\n`;
}

export function productsTable(
  rows: readonly ProductRow[],
  list: readonly Anomaly[],
  meta: ProductsMeta,
  rule: RuleText,
  lang: Lang,
  style: Style,
): string {
  const p = meta.period;
  const title = m(lang, 'pr.title', {
    what: m(lang, meta.by === 'product' ? 'pr.product' : 'pr.category'),
    period: p.label,
    partial: p.partial ? m(lang, 'pr.partial', { end: p.effectiveEnd }) : '',
    prevStart: meta.previous.start,
    prevEnd: meta.previous.end,
    scope: meta.scope,
  });
  const byProduct = meta.by === 'product';
  const head = [
    ...(byProduct ? [m(lang, 'pr.product')] : []),
    m(lang, 'pr.category'),
    m(lang, 'pr.h.gmv'),
    m(lang, 'pr.h.change'),
    m(lang, 'pr.h.orders'),
    m(lang, 'pr.h.buyers'),
    m(lang, 'pr.h.new'),
    m(lang, 'pr.h.repeat'),
    m(lang, 'pr.h.refund'),
    m(lang, 'pr.h.change'),
    m(lang, 'pr.h.return'),
  ];
  const body: Cell[][] = rows.map((r) => [
    ...(byProduct ? [r.product ?? ''] : []),
    categoryText(r.category, lang),
    formatYuan(r.gmv_fen),
    pctChange(r.change.gmv),
    r.orders,
    r.buyers,
    pct(r.new_buyer_share),
    pct(r.repeat_buyer_share),
    pct(r.refund_rate),
    ptsChange(r.change.refund_rate),
    pct(r.return_rate),
  ]);
  const align = head.map((_, i) => (i < (byProduct ? 2 : 1) ? 'left' : 'right') as 'left' | 'right');
  const table = rows.length ? renderTable(head, body, style, align) : `${m(lang, 'pr.none')}\n`;
  return `${title}\n${table}\n${anomaliesTable(list, rule, meta.asOf, lang, style)}`;
}

const MEASURES = ['gmv_fen', 'orders', 'buyers', 'new_buyer_share', 'repeat_buyer_share', 'refund_rate', 'return_rate'] as const;
const CHANGES = ['gmv', 'orders', 'buyers', 'new_buyer_share', 'repeat_buyer_share', 'refund_rate', 'return_rate'] as const;

/** One line per product (or category): the measures, the previous period's (prev_…), and the changes (change_…). */
export function productsCsv(rows: readonly ProductRow[], meta: ProductsMeta): string {
  const head = ['period', 'category', 'product', ...MEASURES, ...MEASURES.map((k) => `prev_${k}`), ...CHANGES.map((k) => `change_${k}`)];
  return renderCsv(
    head,
    rows.map((r) => [
      meta.period.label,
      r.category,
      r.product,
      ...MEASURES.map((k) => r[k]),
      ...MEASURES.map((k) => r.prev[k]),
      ...CHANGES.map((k) => r.change[k]),
    ]),
  );
}

export function productsJson(rows: readonly ProductRow[], list: readonly Anomaly[], meta: ProductsMeta) {
  return { period: meta.period.label, rows, anomalies: list };
}

// ---- cohorts ----

export type CohortMetric = 'retention' | 'spend' | 'ltv';
export const COHORT_METRICS: readonly CohortMetric[] = ['retention', 'spend', 'ltv'];

function cell(c: Cohort, k: number, metric: CohortMetric): string {
  const x = c.months[k];
  if (!x) return '';
  if (metric === 'retention') return pct(x.retention);
  if (metric === 'spend') return formatYuan(Math.round(x.spend_fen / c.members));
  return formatYuan(x.cum_spend_per_member_fen);
}

export interface CohortsMeta {
  asOf: string;
  scope: string;
  averageLifetimeDays: number | null;
}

export function cohortsTable(cohorts: readonly Cohort[], meta: CohortsMeta, metric: CohortMetric, lang: Lang, style: Style): string {
  const title = m(lang, 'co.title', { scope: meta.scope, asOf: meta.asOf, metric: m(lang, `co.m.${metric}`) });
  if (!cohorts.length) return `${title}\n${m(lang, 'co.none')}\n`;
  const width = Math.max(...cohorts.map((c) => c.months.length));
  const head = [m(lang, 'co.h.cohort'), m(lang, 'co.h.members'), ...Array.from({ length: width }, (_, k) => `M${k}`)];
  const body = cohorts.map((c) => [c.cohort, c.members, ...Array.from({ length: width }, (_, k) => cell(c, k, metric))]);
  const table = renderTable(head, body, style, ['left', ...head.slice(1).map(() => 'right' as const)]);
  const days = meta.averageLifetimeDays === null ? '–' : meta.averageLifetimeDays.toFixed(1);
  return `${title}\n${table}${m(lang, 'co.lifetime', { days })}\n`;
}

/** One line per cohort and month: cohort, members, offset, month, active, retention, spend_fen, cum_spend_per_member_fen. */
export function cohortsCsv(cohorts: readonly Cohort[]): string {
  return renderCsv(
    ['cohort', 'members', 'offset', 'month', 'active', 'retention', 'spend_fen', 'cum_spend_per_member_fen'],
    cohorts.flatMap((c) =>
      c.months.map((x) => [
        c.cohort,
        c.members,
        x.offset,
        addMonths(c.cohort, x.offset),
        x.active,
        x.retention,
        x.spend_fen,
        x.cum_spend_per_member_fen,
      ]),
    ),
  );
}

export function cohortsJson(cohorts: readonly Cohort[]) {
  return { cohorts };
}
