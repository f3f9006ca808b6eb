/** `tuan review` output: the table for people (with a header), CSV and JSON. Pure: returns strings. */
import type { Review, ReviewGroup } from '../core/review/index.js';
import { formatYuan } from '../core/shared/index.js';
import { defineMessages, type Lang } from '../i18n.js';
import { renderCsv, renderJson, renderTable } from './table.js';
import type { Style } from './style.js';

const m = defineMessages({
  'review.title': [
    '复盘 {from} 至 {to}(下单窗口 {n} 天:任务当天及之后 {rest} 天)',
    'Review {from} to {to} (order window {n} days: the task date and the {rest} days after)',
  ],
  'review.exec': [
    '活动执行率 {rate}({contacted}/{planned} 行已联系),目标 ≥ {target}',
    'execution rate {rate} ({contacted} of {planned} planned rows contacted), target ≥ {target}',
  ],
  'review.method': [
    '提升 = 已联系会员的下单率 − 对照组的下单率;区间:{method}。对照组少于 {min} 人时还不能衡量。',
    'uplift = order rate of the contacted − order rate of the holdout; interval: {method}. Not yet measurable with fewer than {min} holdout members.',
  ],
  'review.empty': ['这段时间没有导入的执行清单(tuan log import)。', 'No checklist was recorded for these dates (tuan log import).'],
  'review.na': ['还不能衡量', 'not yet measurable'],
});

const pct = (r: number | null) => (r === null ? '-' : `${(r * 100).toFixed(1)}%`);
const signedPct = (r: number) => `${r >= 0 ? '+' : ''}${(r * 100).toFixed(1)}%`;

const HEAD = {
  zh: [
    '任务',
    '阶段',
    '计划',
    '已联系',
    '联系不上',
    '未做',
    '对照组',
    '已联系下单',
    '对照组下单',
    '提升 [95% 区间]',
    '已联系消费',
    '其中优惠',
  ],
  en: [
    'action',
    'stage',
    'planned',
    'contacted',
    'unreachable',
    'not done',
    'holdout',
    'contacted ordered',
    'holdout ordered',
    'uplift [95% CI]',
    'contacted spend',
    'discount',
  ],
};

function uplift(g: ReviewGroup, lang: Lang): string {
  if (g.uplift === null || g.uplift_ci === null) return m(lang, 'review.na');
  return `${signedPct(g.uplift)} [${signedPct(g.uplift_ci[0])}, ${signedPct(g.uplift_ci[1])}]`;
}

export function renderReviewTable(r: Review, lang: Lang, style: Style): string {
  const head = [
    m(lang, 'review.title', { from: r.from, to: r.to, n: r.window_days, rest: r.window_days - 1 }),
    m(lang, 'review.exec', {
      rate: pct(r.execution_rate),
      contacted: r.execution.contacted,
      planned: r.execution.planned,
      target: pct(r.execution.target),
    }),
  ].join('\n');
  if (r.groups.length === 0) return `${head}\n${m(lang, 'review.empty')}\n`;
  const table = renderTable(
    HEAD[lang === 'en' ? 'en' : 'zh'],
    r.groups.map((g) => [
      g.action,
      g.stage ?? '-',
      g.planned,
      g.contacted,
      g.unreachable,
      g.not_done,
      g.holdout,
      `${g.contacted_ordered} (${pct(g.contacted_rate)})`,
      `${g.holdout_ordered} (${pct(g.holdout_rate)})`,
      uplift(g, lang),
      formatYuan(g.contacted_spend_fen),
      formatYuan(g.contacted_discount_fen),
    ]),
    style,
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'right', 'right'],
  );
  return `${head}\n${table}${m(lang, 'review.method', { method: r.uplift_method, min: r.min_holdout })}\n`;
}

const CSV_KEYS = [
  'action',
  'stage',
  'planned',
  'contacted',
  'unreachable',
  'not_done',
  'holdout',
  'contacted_ordered',
  'holdout_ordered',
  'contacted_rate',
  'holdout_rate',
  'uplift',
  'uplift_ci_low',
  'uplift_ci_high',
  'uplift_reason',
  'contacted_spend_fen',
  'contacted_discount_fen',
  'holdout_spend_fen',
] as const;

export function renderReviewCsv(r: Review): string {
  return renderCsv(
    ['from', 'to', 'window_days', ...CSV_KEYS],
    r.groups.map((g) => [
      r.from,
      r.to,
      r.window_days,
      ...CSV_KEYS.map((k) =>
        k === 'uplift_ci_low' ? (g.uplift_ci?.[0] ?? null) : k === 'uplift_ci_high' ? (g.uplift_ci?.[1] ?? null) : g[k],
      ),
    ]),
  );
}

export const renderReviewJson = (r: Review): string => renderJson(r);
