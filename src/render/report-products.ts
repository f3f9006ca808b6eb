/**
 * The report's section for a trainer on products and cohorts (issue #15): the product anomalies of the scope
 * and the cohort retention heatmap, as the context of templates/<lang>/_report-products.hbs. Pure.
 */
import type { Cohort, CohortTable } from '../core/cohorts/index.js';
import type { Anomaly } from '../core/products/index.js';
import { heatmap } from '../core/report/index.js';
import { formatYuan } from '../core/shared/index.js';
import { defineMessages, type Lang } from '../i18n.js';
import { heatView, type HeatChartView } from './report-charts.js';
import { fmtInt } from './table.js';

const m = defineMessages({
  'rpp.all': ['全部品类', 'all categories'],
  'rpp.none': ['(未分类)', '(no category)'],
  'rpp.gmv': ['GMV 下降', 'GMV down'],
  'rpp.refund_rate': ['退款率上升', 'refund rate up'],
  'rpp.cell': [
    '{cohort} 首单的 {members} 人,第 {offset} 个月:{active} 人下单({retention}),当月消费 {spend},累计人均 {ltv}',
    '{cohort} cohort ({members}), month {offset}: {active} ordered ({retention}), spend {spend}, cumulative per member {ltv}',
  ],
});

/** Cohorts shown in the heatmap (the latest ones), and months since the first order. */
const HEAT_COHORTS = 12;
const HEAT_MONTHS = 12;

export interface ProductsSection {
  anomalies: Anomaly[];
  cohorts: CohortTable;
}

export interface AnomalyView {
  leader_id: string;
  category: string;
  metric: string;
  week_start: string;
  value: string;
  baseline: string;
  score: string;
}

export interface ProductsView {
  anomalies: { empty: boolean; rows: AnomalyView[] };
  cohorts: { empty: boolean; shown: number; total: number; chart: HeatChartView; lifetime_days: string };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function anomalyView(a: Anomaly, lang: Lang): AnomalyView {
  const value = (v: number) => (a.metric === 'gmv' ? formatYuan(v) : pct(v));
  return {
    leader_id: a.leader_id,
    category: a.category === null ? m(lang, 'rpp.all') : [a.category || m(lang, 'rpp.none'), a.product].filter(Boolean).join(' · '),
    metric: m(lang, a.metric === 'gmv' ? 'rpp.gmv' : 'rpp.refund_rate'),
    week_start: a.week_start,
    value: value(a.value),
    baseline: value(a.baseline),
    score: a.score.toFixed(2),
  };
}

/** Retention of the latest cohorts, M0 … M11: one row per cohort, darker = more members still ordering. */
export function cohortHeat(cohorts: readonly Cohort[], lang: Lang): HeatChartView {
  const shown = cohorts.slice(-HEAT_COHORTS);
  const width = Math.min(HEAT_MONTHS, Math.max(1, ...shown.map((c) => c.months.length)));
  const values = shown.map((c) => Array.from({ length: width }, (_, k) => Math.round((c.months[k]?.retention ?? 0) * 1000)));
  const h = heatmap(
    values,
    shown.map((c) => c.cohort),
    Array.from({ length: width }, (_, k) => `M${k}`),
    { labelWidth: 64, cellWidth: 40, cellHeight: 26, fontSize: 11 },
  );
  return heatView(h, (r, k) => {
    const c = shown[r]!;
    const x = c.months[k];
    if (!x) return { main: '', sub: '', title: '' };
    return {
      main: `${Math.round(x.retention * 100)}%`,
      sub: '',
      title: m(lang, 'rpp.cell', {
        cohort: c.cohort,
        members: fmtInt(c.members),
        offset: x.offset,
        active: fmtInt(x.active),
        retention: pct(x.retention),
        spend: formatYuan(x.spend_fen),
        ltv: formatYuan(x.cum_spend_per_member_fen),
      }),
    };
  });
}

/** The section's context; an empty section when the report was built without it. */
export function productsView(s: ProductsSection | undefined, lang: Lang): ProductsView {
  const list = s?.anomalies ?? [];
  const cohorts = s?.cohorts.cohorts ?? [];
  const days = s?.cohorts.averageLifetimeDays ?? null;
  return {
    anomalies: { empty: list.length === 0, rows: list.map((a) => anomalyView(a, lang)) },
    cohorts: {
      empty: cohorts.length === 0,
      shown: Math.min(HEAT_COHORTS, cohorts.length),
      total: cohorts.length,
      chart: cohortHeat(cohorts, lang),
      lifetime_days: days === null ? '–' : days.toFixed(1),
    },
  };
}
