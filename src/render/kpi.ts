/** `tuan kpi` output: the KPI table (one scope, or leaders side by side), CSV and JSON. Pure: returns strings. */
import type { TargetMark } from '../core/kpi/index.js';
import type { KpiRow } from '../core/kpi/index.js';
import type { KpiLine } from '../core/kpi/index.js';
import { kpiDef, type Unit } from '../core/kpi/index.js';
import { formatYuan } from '../core/shared/index.js';
import type { EffectivePeriod } from '../core/shared/index.js';
import { fixed, ratio, scaled, toDecimal, type Ratio } from '../core/shared/index.js';
import { defineMessages, type Lang } from '../i18n.js';
import { fmtInt, renderCsv, renderTable, type Cell } from './table.js';
import type { Style } from './style.js';

const m = defineMessages({
  'kpi.period': ['{period}({start} 至 {end}{partial}),截至 {asOf}', '{period} ({start} to {end}{partial}), as of {asOf}'],
  'kpi.title': ['KPI {period},范围 {scope}', 'KPIs {period}, scope {scope}'],
  'kpi.partial': [',进行中:统计到 {to}', ', still running: counted to {to}'],
  'kpi.h.kpi': ['指标', 'KPI'],
  'kpi.h.value': ['数值', 'value'],
  'kpi.h.basis': ['构成', 'basis'],
  'kpi.h.baseline': ['基准值', 'baseline'],
  'kpi.h.challenge': ['挑战值', 'challenge'],
  'kpi.h.mark': ['达标', 'target'],
  'kpi.orders': ['{n} 单', '{n} orders'],
  'kpi.members': ['{n} 人', '{n} members'],
  'kpi.legend': [
    '✓ 达到基准值 ★ 达到挑战值 ✗ 未达基准值;n/a = 分母为空(没有可统计的会员或订单)',
    '✓ baseline met  ★ challenge reached  ✗ below baseline; n/a = empty denominator (no member or order to count)',
  ],
  'kpi.tooFew': [
    '– 不评判:人数(或单数)少于 {n}(kpi.min_denominator),太少,看不出好坏',
    '– not judged: fewer than {n} members (or orders), too few to tell (kpi.min_denominator)',
  ],
  'kpi.otherPeriod': [
    '– 不评判:{kpis}的目标按自然月定,{period} 不是一个完整的自然月',
    '– not judged: the targets of {kpis} are for a calendar month, and {period} is not a whole one',
  ],
  'kpi.otherScope': [
    '阶段按这个范围自己的订单算:换过团长的会员在新团长处从第一单重新算起,所以阶段人数可能和 tuan segment(按最近一次下单归属团长)不同',
    "stages here come from this scope's own orders: a member who changed leader starts again at the new leader, so stage counts can differ from tuan segment (which files a member under the leader of their latest order)",
  ],
});

export type { KpiRow };

export interface KpiMeta {
  period: EffectivePeriod;
  asOf: string;
  scope: string;
  /** kpi.min_denominator, named in the legend when a row is too small to judge */
  minDenominator?: number;
}

const trimZeros = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/** A value for people: ¥71.23, 41.2%, 1,234, 1.85; `exact` keeps up to 4 decimals (thresholds). */
export function formatValue(r: Ratio | null, unit: Unit, exact = false): string {
  if (r === null) return 'n/a';
  if (unit === 'money') return formatYuan(scaled(r, 1));
  if (unit === 'rate') {
    const pct = ratio(r.num * 100, r.den)!;
    return `${exact ? trimZeros(fixed(pct, 4)) : fixed(pct, 1)}%`;
  }
  if (unit === 'count' && r.num % r.den === 0) return fmtInt(r.num / r.den);
  // a median of counts can fall between two: one decimal, as a count is read
  if (unit === 'count' && !exact) return fixed(r, 1);
  return exact ? trimZeros(fixed(r, 4)) : fixed(r, 2);
}

/** A value for machines: money in fen, rates as fractions (4 decimals), others with up to 4 decimals. */
export function machineValue(r: Ratio | null, unit: Unit): number | null {
  if (r === null) return null;
  return unit === 'money' || unit === 'count' ? scaled(r, 1) : toDecimal(r, 4);
}

export function kpiName(code: string, lang: Lang): string {
  const d = kpiDef(code);
  return d ? (lang === 'en' ? d.en : d.zh) : code;
}

/** What a KPI value is made of, short: 400/744, ¥140,052.70 / 1,581 单. */
export function basisText(row: Pick<KpiLine, 'kpi' | 'basis'>, lang: Lang): string {
  const b = row.basis;
  if (!b) return '';
  if (row.kpi === 'aov') return `${formatYuan(b[0])} / ${m(lang, 'kpi.orders', { n: fmtInt(b[1]) })}`;
  if (row.kpi === 'refund_rate') return `${formatYuan(b[0])} / ${formatYuan(b[1])}`;
  if (row.kpi === 'mature_aov_uplift') return `${formatYuan(b[0])} vs ${formatYuan(b[1])}`;
  if (row.kpi.endsWith('_orders')) return `${m(lang, 'kpi.orders', { n: fmtInt(b[0]) })} / ${m(lang, 'kpi.members', { n: fmtInt(b[1]) })}`;
  return `${fmtInt(b[0])}/${fmtInt(b[1])}`;
}

/** The symbol of a mark; n/a, where the value column already says n/a, only where `na` asks for it (the report). */
export const MARKS: Record<TargetMark, string> = { challenge: '★', met: '✓', below: '✗', na: 'n/a', too_few: '–', other_period: '–' };
const markSymbol = (mark: TargetMark | null) => (mark && mark !== 'na' ? MARKS[mark] : '');
/** A target for people: `≥ 40%`. */
export const targetText = (r: Ratio | null, unit: Unit) => (r === null ? '' : `≥ ${formatValue(r, unit, true)}`);

/** `2026-10(2026-10-01 至 2026-10-31),截至 2026-10-31` */
export function periodText(meta: Omit<KpiMeta, 'scope'>, lang: Lang): string {
  const p = meta.period;
  const partial = p.partial ? m(lang, 'kpi.partial', { to: p.effectiveEnd }) : '';
  return m(lang, 'kpi.period', { period: p.label, start: p.start, end: p.end, partial, asOf: meta.asOf });
}

export function kpiTitle(meta: KpiMeta, lang: Lang): string {
  return m(lang, 'kpi.title', { period: periodText(meta, lang), scope: meta.scope });
}

/** KPIs that do not depend on members' stages (the rest are read from the scope's own orders, see kpi.otherScope). */
const NOT_STAGED = new Set(['gmv', 'orders', 'active_members', 'new_members', 'aov', 'repurchase_rate', 'intro_retention_30d']);

/** The legend under a KPI table: the marks, and why a row is not judged when one is not. */
export function kpiLegend(rows: readonly KpiRow[], meta: KpiMeta, lang: Lang): string {
  const lines = [m(lang, 'kpi.legend')];
  if (rows.some((r) => r.mark === 'too_few')) lines.push(m(lang, 'kpi.tooFew', { n: meta.minDenominator ?? '' }));
  const monthly = [...new Set(rows.filter((r) => r.mark === 'other_period').map((r) => kpiName(r.kpi, lang)))];
  if (monthly.length)
    lines.push(m(lang, 'kpi.otherPeriod', { kpis: monthly.join(lang === 'en' ? ', ' : '、'), period: meta.period.label }));
  if (rows.some((r) => r.scope.startsWith('leader:') && !NOT_STAGED.has(r.kpi))) lines.push(m(lang, 'kpi.otherScope'));
  return lines.join('\n') + '\n';
}

/** One scope: a row per KPI with its value, what it is made of, the seed's targets and a mark. */
export function kpiTable(rows: readonly KpiRow[], meta: KpiMeta, lang: Lang, style: Style): string {
  const head = ['kpi', 'value', 'basis', 'baseline', 'challenge', 'mark'].map((k) => m(lang, `kpi.h.${k}` as 'kpi.h.kpi'));
  const body: Cell[][] = rows.map((r) => [
    kpiName(r.kpi, lang),
    formatValue(r.value, r.unit),
    basisText(r, lang),
    targetText(r.baseline, r.unit),
    targetText(r.challenge, r.unit),
    markSymbol(r.mark),
  ]);
  return `${style.bold(kpiTitle(meta, lang))}\n${renderTable(head, body, style, ['left', 'right', 'right', 'right', 'right', 'left'])}${kpiLegend(rows, meta, lang)}`;
}

/** Leaders side by side: a row per KPI, a column per scope (value and mark), then the targets. */
export function kpiSideBySide(rows: readonly KpiRow[], scopes: readonly string[], meta: KpiMeta, lang: Lang, style: Style): string {
  const kpis = [...new Set(rows.map((r) => r.kpi))];
  const at = new Map(rows.map((r) => [`${r.scope}|${r.kpi}`, r]));
  const body: Cell[][] = kpis.map((k) => {
    const cells = scopes.map((s) => {
      const r = at.get(`${s}|${k}`);
      return r ? `${formatValue(r.value, r.unit)}${markSymbol(r.mark) ? ` ${markSymbol(r.mark)}` : ''}` : '';
    });
    const first = at.get(`${scopes[0]}|${k}`);
    return [
      kpiName(k, lang),
      ...cells,
      first ? targetText(first.baseline, first.unit) : '',
      first ? targetText(first.challenge, first.unit) : '',
    ];
  });
  const head = [
    m(lang, 'kpi.h.kpi'),
    ...scopes.map((s) => s.replace(/^leader:/, '')),
    m(lang, 'kpi.h.baseline'),
    m(lang, 'kpi.h.challenge'),
  ];
  const align = ['left' as const, ...scopes.map(() => 'right' as const), 'right' as const, 'right' as const];
  return `${style.bold(kpiTitle(meta, lang))}\n${renderTable(head, body, style, align)}${kpiLegend(rows, meta, lang)}`;
}

export const KPI_CSV_COLUMNS = [
  'period',
  'period_start',
  'period_end',
  'counted_to',
  'as_of',
  'scope',
  'kpi',
  'name',
  'unit',
  'value',
  'numerator',
  'denominator',
  'baseline',
  'challenge',
  'target',
] as const;

function machineRow(r: KpiRow, meta: KpiMeta) {
  return {
    period: meta.period.label,
    period_start: meta.period.start,
    period_end: meta.period.end,
    counted_to: meta.period.effectiveEnd,
    as_of: meta.asOf,
    scope: r.scope,
    kpi: r.kpi,
    name: kpiName(r.kpi, 'zh-CN'),
    unit: r.unit,
    value: machineValue(r.value, r.unit),
    numerator: r.basis?.[0] ?? null,
    denominator: r.basis?.[1] ?? null,
    baseline: machineValue(r.baseline, r.unit),
    challenge: machineValue(r.challenge, r.unit),
    target: r.mark,
  };
}

export function kpiCsv(rows: readonly KpiRow[], meta: KpiMeta): string {
  return renderCsv(
    [...KPI_CSV_COLUMNS],
    rows.map((r) => {
      const o = machineRow(r, meta);
      return KPI_CSV_COLUMNS.map((c) => o[c] as Cell);
    }),
  );
}

export function kpiJson(rows: readonly KpiRow[], meta: KpiMeta) {
  const p = meta.period;
  return {
    period: { label: p.label, start: p.start, end: p.end, counted_to: p.effectiveEnd, partial: p.partial },
    as_of: meta.asOf,
    scope: meta.scope,
    results: rows.map((r) => {
      const { period: _p, period_start: _s, period_end: _e, counted_to: _c, as_of: _a, ...rest } = machineRow(r, meta);
      return rest;
    }),
  };
}
