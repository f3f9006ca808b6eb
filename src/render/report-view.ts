/**
 * `tuan report`: the report data as the context of templates/<lang>/report.hbs. Names, numbers and
 * percentages are written here in the output language; money stays in fen for the `yuan` helper;
 * every text is HTML-escaped (the template engine prints values as they are). Pure.
 */
import { STAGES, type Stage, type StageThresholds } from '../core/members/index.js';
import type { Review } from '../core/review/index.js';
import { scaled } from '../core/shared/index.js';
import { formatYuan } from '../core/shared/index.js';
import type { ActionKind, ActionList, ActionMember } from '../core/report/index.js';
import type { CommissionRow, ReportData, ReportLeader } from '../core/report/index.js';
import type { KpiLine } from '../core/kpi/index.js';
import type { RfmEdges } from '../core/members/index.js';
import { RULES } from '../core/commission/index.js';
import type { LevelRule } from '../core/commission/index.js';
import { defineMessages, type Lang } from '../i18n.js';
import { formatBp, levelName, signedYuan } from './commission-text.js';
import { basisText, formatValue, kpiName, MARKS, targetText } from './kpi.js';
import {
  cn8Bars,
  migrationHeat,
  modelCheckBars,
  rfmHeat,
  share,
  stageBars,
  stageName,
  type BarChartView,
  type HeatChartView,
} from './report-charts.js';
import { fmtInt } from './table.js';
import { trainerView, type TrainerSection, type TrainerView } from './report-trainer.js';
import { productsView, type ProductsSection, type ProductsView } from './report-products.js';

const m = defineMessages({
  'rp.scope.all': ['全部团长', 'all leaders'],
  'rp.scope.leader': ['团长 {id}', 'leader {id}'],
  'rp.scope.region': ['区域 {region}', 'region {region}'],
  'rp.scope.trainer': ['培训师 {id} 带教的团长', 'the leaders trainer {id} mentors'],
  'rp.baseline.mean': ['平均值', 'the mean'],
  'rp.baseline.median': ['中位数', 'the median'],
  'rp.worked.na': ['还不能衡量(对照组 {n} 人,至少 {min} 人)', 'not yet measurable ({n} in the holdout, at least {min})'],
});

export interface MemberView {
  id: string;
  name: string;
  phone: string;
  leader_id: string;
  stage: string;
  first_order_date: string;
  last_order_date: string;
  recency_days: number;
  orders: number;
  spend_fen: number;
}

/** What the report says about the rules in force (from the configuration). */
export interface ReportRules {
  leaders: readonly ReportLeader[];
  levels: readonly LevelRule[];
  stages: StageThresholds;
  rfmWindowDays: number;
  rfmBaseline: 'mean' | 'median';
  unmask: boolean;
}

export interface ReportContext {
  lang: Lang;
  unmasked: boolean;
  thresholds: StageThresholds;
  as_of: string;
  from: string;
  month: string;
  month_start: string;
  month_end: string;
  scope: { code: string; label: string };
  headline: { members: string; at_risk: string; leaders: string; gmv_fen: number; orders: string; repurchase: string };
  stages: {
    empty: boolean;
    legend: { code: string; name: string; count: string; share: string }[];
    chart: BarChartView;
    rows: { leader_id: string; community: string; total: string; at_risk: string; counts: string[] }[];
    total: { total: string; at_risk: string; counts: string[] };
  };
  migration: { empty: boolean; chart: HeatChartView; wakeup: ShareView; winback: ShareView };
  rfm: {
    empty: boolean;
    scored: string;
    window_days: number;
    chart: HeatChartView;
    edges: { recency: string; orders: string; spend: string } | null;
  };
  cn8: { empty: boolean; baseline: string; chart: BarChartView };
  kpis: { code: string; name: string; value: string; basis: string; baseline: string; challenge: string; mark: string; symbol: string }[];
  commission: { empty: boolean; rows: CommissionView[]; total: CommissionView | null };
  /** the product anomalies and the cohort heatmap (render/report-products.ts) */
  products: ProductsView;
  actions: Record<ActionKind, { total: string; shown: number; more: boolean; members: MemberView[] }>;
  /** the trainer's section (--region or --trainer), else null */
  trainer: TrainerView | null;
  worked: WorkedView | null;
  /** 谁最可能回来 (null: the scope cannot be fitted) */
  come_back: { total: string; shown: number; more: boolean; members: (MemberView & { p_alive: string; clv_fen: number })[] } | null;
  /** predicted vs actual purchase days, the last 12 weeks (null: no fit) */
  model_check: { from: string; mae: string; predicted: string; actual: string; chart: BarChartView } | null;
}

interface WorkedView {
  from: string;
  to: string;
  window_days: number;
  execution_rate: string;
  execution_target: string;
  execution_met: boolean;
  method: string;
  rows: {
    action: string;
    stage: string;
    planned: string;
    contacted: string;
    holdout: string;
    contacted_rate: string;
    holdout_rate: string;
    uplift: string;
    measurable: boolean;
    spend_fen: number;
    discount_fen: number;
  }[];
}

const pct = (r: number | null) => (r === null ? 'n/a' : `${(r * 100).toFixed(1)}%`);
const signedPct = (r: number) => `${r >= 0 ? '+' : ''}${(r * 100).toFixed(1)}%`;

/** 哪些做法有效: the review of the last four weeks, per action and stage. */
function workedView(r: Review | null, lang: Lang): WorkedView | null {
  if (r === null) return null;
  return {
    from: r.from,
    to: r.to,
    window_days: r.window_days,
    execution_rate: pct(r.execution_rate),
    execution_target: pct(r.execution.target),
    execution_met: r.execution_rate !== null && r.execution_rate >= r.execution.target,
    method: r.uplift_method,
    rows: r.groups.map((g) => ({
      action: g.action,
      stage: g.stage === null ? '' : stageName(g.stage as Stage, lang),
      planned: fmtInt(g.planned),
      contacted: fmtInt(g.contacted),
      holdout: fmtInt(g.holdout),
      contacted_rate: pct(g.contacted_rate),
      holdout_rate: pct(g.holdout_rate),
      uplift:
        g.uplift === null || g.uplift_ci === null
          ? m(lang, 'rp.worked.na', { n: g.holdout, min: r.min_holdout })
          : `${signedPct(g.uplift)} [${signedPct(g.uplift_ci[0])}, ${signedPct(g.uplift_ci[1])}]`,
      measurable: g.uplift !== null,
      spend_fen: g.contacted_spend_fen,
      discount_fen: g.contacted_discount_fen,
    })),
  };
}

interface ShareView {
  base: string;
  ordered: string;
  rate: string;
}

interface CommissionView {
  leader_id: string;
  level: string;
  rate: string;
  gmv_fen: number;
  base_fen: number;
  rewards_fen: number;
  total_fen: number;
  change: string;
  change_cls: string;
}

function scopeView(scope: string, leaders: readonly ReportLeader[], lang: Lang): ReportContext['scope'] {
  if (scope.startsWith('leader:')) {
    const id = scope.slice(7);
    const l = leaders.find((x) => x.leaderId === id);
    return { code: 'leader', label: m(lang, 'rp.scope.leader', { id }) + (l?.community ? ` ${l.community}` : '') };
  }
  if (scope.startsWith('region:')) return { code: 'region', label: m(lang, 'rp.scope.region', { region: scope.slice(7) }) };
  if (scope.startsWith('trainer:')) return { code: 'trainer', label: m(lang, 'rp.scope.trainer', { id: scope.slice(8) }) };
  return { code: 'all', label: m(lang, 'rp.scope.all') };
}

function kpiView(k: KpiLine, lang: Lang): ReportContext['kpis'][number] {
  return {
    code: k.kpi,
    name: kpiName(k.kpi, lang),
    value: formatValue(k.value, k.unit),
    basis: basisText(k, lang),
    baseline: targetText(k.baseline, k.unit),
    challenge: targetText(k.challenge, k.unit),
    mark: k.mark ?? '',
    symbol: k.mark ? MARKS[k.mark] : '',
  };
}

interface CommissionFigures {
  leaderId: string;
  level: string;
  rate: string;
  gmvFen: number;
  baseFen: number;
  rewardsFen: number;
  totalFen: number;
  previousFen: number;
}

function commissionView(r: CommissionFigures): CommissionView {
  const change = r.totalFen - r.previousFen;
  return {
    leader_id: r.leaderId,
    level: r.level,
    rate: r.rate,
    gmv_fen: r.gmvFen,
    base_fen: r.baseFen,
    rewards_fen: r.rewardsFen,
    total_fen: r.totalFen,
    change: signedYuan(change),
    change_cls: change > 0 ? 'up' : change < 0 ? 'down' : '',
  };
}

/** One row per leader, and a total row when there are several (totals are sums of the rounded rows). */
function commissionSection(rows: readonly CommissionRow[], levels: readonly LevelRule[], lang: Lang): ReportContext['commission'] {
  const rewards = (r: CommissionRow) => RULES.reduce((a, k) => a + r.rewards[k], 0);
  const figures = rows.map(
    (r): CommissionFigures => ({
      leaderId: r.leaderId,
      level: levelName(levels, r.level, lang) + (r.certified ? '*' : ''),
      rate: formatBp(r.rateBp),
      gmvFen: r.gmvFen,
      baseFen: r.baseFen,
      rewardsFen: rewards(r),
      totalFen: r.totalFen,
      previousFen: r.previousFen,
    }),
  );
  const sum = (k: 'gmvFen' | 'baseFen' | 'rewardsFen' | 'totalFen' | 'previousFen') => figures.reduce((a, f) => a + f[k], 0);
  const total =
    figures.length < 2
      ? null
      : commissionView({
          leaderId: '',
          level: '',
          rate: '',
          gmvFen: sum('gmvFen'),
          baseFen: sum('baseFen'),
          rewardsFen: sum('rewardsFen'),
          totalFen: sum('totalFen'),
          previousFen: sum('previousFen'),
        });
  return { empty: rows.length === 0, rows: figures.map(commissionView), total };
}

function memberView(a: ActionMember, lang: Lang): MemberView {
  return {
    id: a.memberId,
    name: a.name || '—',
    phone: a.phone || '—',
    leader_id: a.leaderId,
    stage: stageName(a.stage, lang),
    first_order_date: a.firstOrderDate,
    last_order_date: a.lastOrderDate,
    recency_days: a.recencyDays,
    orders: a.orders,
    spend_fen: a.spendFen,
  };
}

function actionsView(lists: readonly ActionList[], lang: Lang): ReportContext['actions'] {
  return Object.fromEntries(
    lists.map((l) => [
      l.kind,
      {
        total: fmtInt(l.total),
        shown: l.members.length,
        more: l.total > l.members.length,
        members: l.members.map((x) => memberView(x, lang)),
      },
    ]),
  ) as ReportContext['actions'];
}

function edgesView(e: RfmEdges | null): ReportContext['rfm']['edges'] {
  if (!e) return null;
  const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
  return {
    recency: e.recency_days.map(num).join('/'),
    orders: e.orders.map(num).join('/'),
    spend: e.spend_fen.map((x) => formatYuan(Math.round(x))).join('/'),
  };
}

function stagesView(d: ReportData, lang: Lang): ReportContext['stages'] {
  const counts = (c: Record<string, number>) => STAGES.map((s) => fmtInt(c[s]!));
  return {
    empty: d.members === 0,
    legend: STAGES.map((s) => ({
      code: s,
      name: stageName(s, lang),
      count: fmtInt(d.stageTotals[s]),
      share: share(d.stageTotals[s], d.members),
    })),
    chart: stageBars(d.leaders, lang),
    rows: d.leaders.map((l) => ({
      leader_id: l.leaderId,
      community: l.community,
      total: fmtInt(l.total),
      at_risk: fmtInt(l.atRisk),
      counts: counts(l.stages),
    })),
    total: { total: fmtInt(d.members), at_risk: fmtInt(d.atRisk), counts: counts(d.stageTotals) },
  };
}

const shareView = (s: { base: number; ordered: number }): ShareView => ({
  base: fmtInt(s.base),
  ordered: fmtInt(s.ordered),
  rate: share(s.ordered, s.base),
});

function headline(d: ReportData): ReportContext['headline'] {
  const value = (code: string) => d.kpis.find((k) => k.kpi === code)?.value ?? null;
  const gmv = value('gmv');
  return {
    members: fmtInt(d.members),
    at_risk: fmtInt(d.atRisk),
    leaders: fmtInt(d.leaders.length),
    gmv_fen: gmv ? scaled(gmv, 1) : 0,
    orders: formatValue(value('orders'), 'count'),
    repurchase: formatValue(value('repurchase_rate'), 'rate'),
  };
}

/** The report's context; `trainer` is null without --region/--trainer, `products` (anomalies and cohorts) is an empty section when not given. */
export function reportView(
  d: ReportData,
  rules: ReportRules,
  lang: Lang,
  trainer: TrainerSection | null = null,
  products?: ProductsSection,
): ReportContext {
  const scope = scopeView(d.scope, rules.leaders, lang);
  return {
    lang,
    unmasked: rules.unmask,
    thresholds: (({ intro_days, growth_days, silent_after_days, churned_after_days, at_risk_days }) => ({
      intro_days,
      growth_days,
      silent_after_days,
      churned_after_days,
      at_risk_days,
    }))(rules.stages),
    as_of: d.asOf,
    from: d.from,
    month: d.month,
    month_start: d.monthStart,
    month_end: d.monthEnd,
    scope,
    headline: headline(d),
    stages: stagesView(d, lang),
    migration: {
      empty: d.members === 0,
      chart: migrationHeat(d.migration, d.from, d.asOf, lang),
      wakeup: shareView(d.migration.wakeup),
      winback: shareView(d.migration.winback),
    },
    rfm: {
      empty: d.rfmScored === 0,
      scored: fmtInt(d.rfmScored),
      window_days: rules.rfmWindowDays,
      chart: rfmHeat(d.rfm, lang),
      edges: edgesView(d.rfmEdges),
    },
    cn8: { empty: d.rfmScored === 0, baseline: m(lang, `rp.baseline.${rules.rfmBaseline}`), chart: cn8Bars(d.cn8, lang) },
    kpis: d.kpis.map((k) => kpiView(k, lang)),
    commission: commissionSection(d.commission, rules.levels, lang),
    actions: actionsView(d.actions, lang),
    trainer: trainer ? trainerView(trainer, scope.label, lang) : null,
    products: productsView(products, lang),
    worked: workedView(d.worked, lang),
    come_back: d.comeBack && {
      total: fmtInt(d.comeBack.total),
      shown: d.comeBack.members.length,
      more: d.comeBack.total > d.comeBack.members.length,
      members: d.comeBack.members.map((x) => ({ ...memberView(x, lang), p_alive: `${Math.round(x.pAlive * 100)}%`, clv_fen: x.clvFen })),
    },
    model_check: d.modelCheck && {
      from: d.modelCheck.from,
      mae: d.modelCheck.meanAbsoluteError.toFixed(1),
      predicted: fmtInt(Math.round(d.modelCheck.weeks.at(-1)?.predictedCumulative ?? 0)),
      actual: fmtInt(d.modelCheck.weeks.at(-1)?.actualCumulative ?? 0),
      chart: modelCheckBars(d.modelCheck.weeks, lang),
    },
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;', '=': '&#61;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`=]/g, (c) => ESCAPES[c]!);
}

/** The same value with every string HTML-escaped (numbers, booleans and null unchanged). */
export function escapeDeep<T>(v: T): T {
  if (typeof v === 'string') return escapeHtml(v) as T;
  if (Array.isArray(v)) return v.map(escapeDeep) as T;
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, escapeDeep(x)])) as T;
  return v;
}
