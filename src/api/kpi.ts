/** `tuan kpi` and `tuan kpi check` as functions: the KPI table of a period, and the checks of a checks file. */
import { UsageError } from '../errors.js';
import type { Config } from '../config.js';
import { checksFailed, summarize, type Summary } from '../core/kpi/index.js';
import { DEFAULT_ORDER_KPIS, isLogKpi, kpiDef, LOG_KPIS, type LogKpi, type OrderKpi, type Unit } from '../core/kpi/index.js';
import { kpiLine } from '../core/kpi/index.js';
import type { CheckRow, KpiRow, KpiScope } from '../core/kpi/index.js';
import { clipPeriod, parsePeriod, type EffectivePeriod } from '../core/shared/index.js';
import type { Ratio } from '../core/shared/index.js';
import { expandScope, readKpiData } from '../adapters/kpi-data.js';
import { KpiMeasurer, LogMeasurer, runChecks } from '../adapters/kpi-measure.js';
import { hasTaskRows } from '../adapters/contact-log.js';
import { lookupMetric, type Metrics } from '../adapters/metrics-file.js';
import { SqlRunner } from '../adapters/sql-check.js';
import { resolveScope } from '../adapters/scope.js';
import type { LeaderInfo } from '../core/shared/index.js';
import { configOf, maskOutput, withDb, type BaseOptions, type DbInput, type MaskOptions } from './common.js';
import type { ScopeOptions } from './segment.js';

export type { CheckRow, KpiRow, KpiScope, Summary };

/** A period as written (2026-10, 2026-W44, 2026-10-01..2026-10-31, last-month, last-week) resolved against asOf and cut at it. */
export function resolvePeriod(raw: string | EffectivePeriod | undefined, asOf: string): EffectivePeriod {
  if (typeof raw === 'object') return raw;
  const p = parsePeriod(raw ?? 'last-month', asOf);
  if (!p.ok) throw new UsageError({ zh: `--period ${p.reason.zh}`, en: `--period ${p.reason.en}` });
  const eff = clipPeriod(p.value, asOf);
  if (!eff) {
    throw new UsageError(
      {
        zh: `--period ${p.value.label} 在 --as-of ${asOf} 之后才开始,还没有可统计的数据`,
        en: `--period ${p.value.label} starts after --as-of ${asOf}: nothing to measure yet`,
      },
      { zh: '换一个更早的 --period,或更晚的 --as-of', en: 'pass an earlier --period or a later --as-of' },
    );
  }
  return eff;
}

export interface KpiOptions extends BaseOptions, MaskOptions, ScopeOptions {
  /** the business date: orders after it do not count, YYYY-MM-DD */
  asOf: string;
  /** the period as written, or resolved (resolvePeriod); default last-month */
  period?: string | EffectivePeriod | undefined;
  /** one scope per leader (of the region, if given) */
  perLeader?: boolean | undefined;
  /**
   * only these KPIs; default the order KPIs of the default list (all but refund_rate), and the contact log's (execution_rate, uplift.<action>) when the log
   * holds a checklist (tuan log import)
   */
  kpis?: readonly (OrderKpi | LogKpi)[] | undefined;
  /** metrics that orders cannot show (readMetricsFile) */
  metrics?: Metrics | null | undefined;
}

export interface KpiTable {
  period: EffectivePeriod;
  asOf: string;
  /** `all`, `leader:…`, `region:…`, `per-leader` or `per-leader (region:…)` */
  scope: string;
  /** the labels of the scopes, in column order */
  scopes: string[];
  rows: KpiRow[];
}

function scopesOf(o: KpiOptions, leaders: readonly LeaderInfo[]): { scopes: KpiScope[]; label: string } {
  const { leader, region, perLeader } = o;
  if (leader && region) resolveScope(o, leaders); // the one "not both" error
  if (leader && perLeader)
    throw new UsageError({ zh: '--leader 和 --per-leader 只能用一个', en: 'use either --leader or --per-leader, not both' });
  if (perLeader) {
    if (region) expandScope(`region:${region}`, leaders);
    const within = region ? leaders.filter((l) => l.region === region) : leaders;
    return { scopes: expandScope('per-leader', within), label: region ? `per-leader (region:${region})` : 'per-leader' };
  }
  const written = leader ? `leader:${leader}` : region ? `region:${region}` : 'all';
  return { scopes: expandScope(written, leaders), label: written };
}

function row(
  config: Config,
  period: EffectivePeriod,
  scope: string,
  kpi: string,
  unit: Unit,
  value: Ratio | null,
  basis: [number, number] | null,
): KpiRow {
  return { scope, ...kpiLine(config.kpi.targets, kpi, unit, value, basis, { minDenominator: config.kpi.min_denominator, period }) };
}

/** Metric rows for the metrics that the file has for this period, in file order. */
function metricRows(config: Config, metrics: Metrics | null, period: EffectivePeriod, scope: KpiScope): KpiRow[] {
  if (!metrics) return [];
  const codes = [...new Set(metrics.rows.map((r) => r.metric))];
  return codes.flatMap((code) => {
    const raw = metrics.rows.find((r) => r.metric === code);
    const unit: Unit = kpiDef(code)?.unit ?? (raw?.value.endsWith('%') ? 'rate' : 'number');
    const value = lookupMetric(metrics, code, period, scope.label, unit);
    return value === null ? [] : [row(config, period, scope.label, code, unit, value, null)];
  });
}

/** Every KPI of one period for all orders, a leader, a region, or each leader; values with their basis and target marks. */
export function kpi(db: DbInput, o: KpiOptions): KpiTable {
  const config = configOf(o);
  const period = resolvePeriod(o.period, o.asOf);
  const rows = withDb(db, (h) => {
    const loaded = readKpiData(h, o.asOf);
    const { scopes, label } = scopesOf(o, loaded.leaders);
    const measurer = new KpiMeasurer(loaded.data, o.asOf, config);
    const log = new LogMeasurer(h, o.asOf, config.review.window_days);
    const kpis = o.kpis ?? [...DEFAULT_ORDER_KPIS, ...(hasTaskRows(h) ? LOG_KPIS : [])];
    const rows = scopes.flatMap((s) => [
      ...kpis.map((k) => {
        if (isLogKpi(k)) {
          const v = log.measure(k, s, period);
          return row(config, period, s.label, k, 'rate', v, k === 'execution_rate' && v ? [v.num, v.den] : null); // contacted/planned
        }
        const r = measurer.measure(k, s, period);
        return row(config, period, s.label, k, kpiDef(k)!.unit, r.value, r.basis);
      }),
      ...metricRows(config, o.metrics ?? null, period, s),
    ]);
    return { rows, scopes, label };
  });
  return maskOutput({ period, asOf: o.asOf, scope: rows.label, scopes: rows.scopes.map((s) => s.label), rows: rows.rows }, o.unmask);
}

export interface KpiChecksOptions extends BaseOptions, MaskOptions {
  /** the business date, YYYY-MM-DD */
  asOf: string;
  /** the run's period, as written or resolved (a check may name its own); default last-month */
  period?: string | EffectivePeriod | undefined;
  metrics?: Metrics | null | undefined;
  /** warnings and n/a fail too */
  strict?: boolean | undefined;
}

export interface KpiChecksResult {
  period: EffectivePeriod;
  asOf: string;
  strict: boolean;
  rows: CheckRow[];
  summary: Summary;
  /** the run failed: a FAIL (or, with strict, a WARN or N/A) */
  failed: boolean;
}

/** The `checks:` of the configuration, each over its scopes, evaluated against its thresholds. */
export function kpiChecks(db: DbInput, o: KpiChecksOptions): KpiChecksResult {
  const config = configOf(o);
  const strict = o.strict === true;
  const period = resolvePeriod(o.period, o.asOf);
  const rows = withDb(db, (h): CheckRow[] => {
    const loaded = readKpiData(h, o.asOf);
    const sql = new SqlRunner(typeof db === 'string' ? db : db.name);
    try {
      const measurer = new KpiMeasurer(loaded.data, o.asOf, config);
      const log = new LogMeasurer(h, o.asOf, config.review.window_days);
      return runChecks(config, { period, metrics: o.metrics ?? null, measurer, log, leaders: loaded.leaders, asOf: o.asOf, sql });
    } finally {
      sql.close();
    }
  });
  const summary = summarize(rows.map((r) => r.outcome));
  return maskOutput({ period, asOf: o.asOf, strict, rows, summary, failed: checksFailed(summary, strict) }, o.unmask);
}
