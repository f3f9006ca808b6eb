/**
 * Measuring KPIs and running checks against the database, a metrics file and SQL: the glue between
 * reads and the pure core, shared by `tuan kpi` and `tuan kpi check`.
 */
import type { Config } from '../config.js';
import { ConfigError, UsageError } from '../errors.js';
import { computeKpi, indexKpiData, type KpiData, type KpiIndex, type KpiResult } from '../core/kpi/index.js';
import type { LogKpi, OrderKpi } from '../core/kpi/index.js';
import { executionRatio, upliftRatio, type Review } from '../core/review/index.js';
import { readReview } from './contact-log.js';
import type { Db } from './db.js';
import { clipPeriod, parsePeriod, type EffectivePeriod } from '../core/shared/index.js';
import { evaluateCheck, resolveCheck, type ResolvedCheck } from '../core/kpi/index.js';
import type { Ratio } from '../core/shared/index.js';
import { settingsFrom } from '../core/predict/index.js';
import type { CheckRow } from '../core/kpi/index.js';
import type { LeaderInfo } from './queries.js';
import { expandScope, groupByLeader, scopeData, type GroupedKpiData, type KpiScope } from './kpi-data.js';
import { lookupMetric, type Metrics } from './metrics-file.js';
import type { SqlRunner } from './sql-check.js';

/** Order KPIs per scope and period; each scope's orders are indexed once. */
export class KpiMeasurer {
  private readonly indexes = new Map<string, KpiIndex>();
  private readonly data: GroupedKpiData;

  constructor(
    data: KpiData,
    private readonly asOf: string,
    private readonly config: Config,
  ) {
    this.data = groupByLeader(data);
  }

  measure(kpi: OrderKpi, scope: KpiScope, period: EffectivePeriod): KpiResult {
    let ix = this.indexes.get(scope.label);
    if (!ix) this.indexes.set(scope.label, (ix = indexKpiData(scopeData(this.data, scope))));
    return computeKpi(kpi, ix, {
      start: period.start,
      end: period.effectiveEnd,
      asOf: this.asOf,
      stages: this.config.stages,
      minCategories: this.config.kpi.min_categories,
      predict: settingsFrom(this.config.predict) ?? undefined,
    });
  }
}

/**
 * The KPIs of the contact log (execution_rate, uplift.<action>) per scope and period, from the review of the tasks
 * dated in the period (core/review); each scope and period is reviewed once.
 */
export class LogMeasurer {
  private readonly reviews = new Map<string, Review>();

  constructor(
    private readonly db: Db,
    private readonly asOf: string,
    private readonly windowDays: number,
  ) {}

  measure(kpi: LogKpi, scope: KpiScope, period: EffectivePeriod): Ratio | null {
    const key = `${scope.label}\u0000${period.start}\u0000${period.effectiveEnd}`;
    let r = this.reviews.get(key);
    if (!r) {
      const leaders = scope.leaderIds === null ? null : [...scope.leaderIds];
      r = readReview(this.db, { from: period.start, to: period.effectiveEnd, asOf: this.asOf, leaders, windowDays: this.windowDays });
      this.reviews.set(key, r);
    }
    return kpi === 'execution_rate' ? executionRatio(r) : upliftRatio(r, kpi.slice('uplift.'.length));
  }
}

export type { CheckRow };

export interface CheckSources {
  measurer: KpiMeasurer;
  log: LogMeasurer;
  leaders: readonly LeaderInfo[];
  period: EffectivePeriod;
  asOf: string;
  metrics: Metrics | null;
  sql: SqlRunner;
}

function checkValue(c: ResolvedCheck, scope: KpiScope, period: EffectivePeriod, s: CheckSources, where: string): Ratio | null {
  if (c.source === 'orders') return s.measurer.measure(c.kpi as OrderKpi, scope, period).value;
  if (c.source === 'log') return s.log.measure(c.kpi as LogKpi, scope, period);
  if (c.source === 'sql') {
    return s.sql.value(
      c.sql!,
      {
        period_start: period.start,
        period_end: period.effectiveEnd,
        as_of: s.asOf,
        leader_id: scope.leaderId,
        region: scope.region,
      },
      c.unit,
      where,
    );
  }
  return s.metrics ? lookupMetric(s.metrics, c.kpi, period, scope.label, c.unit) : null;
}

function periodOf(c: ResolvedCheck, s: CheckSources, where: string): EffectivePeriod {
  if (c.period === null) return s.period;
  const p = parsePeriod(c.period, s.asOf);
  const eff = p.ok ? clipPeriod(p.value, s.asOf) : null;
  if (!p.ok) throw new ConfigError({ zh: `${where}.period:${p.reason.zh}`, en: `${where}.period: ${p.reason.en}` });
  if (!eff)
    throw new ConfigError({
      zh: `${where}.period:${p.value.label} 在计算日期 ${s.asOf} 之后才开始`,
      en: `${where}.period: ${p.value.label} starts after the as-of date ${s.asOf}`,
    });
  return eff;
}

/** A check's scope; a scope the database does not know is a ConfigError naming the check. */
function scopeOf(scope: string, leaders: readonly LeaderInfo[], where: string): KpiScope[] {
  try {
    return expandScope(scope, leaders);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    throw new ConfigError({ zh: `${where}.scope:${e.body.zh}`, en: `${where}.scope: ${e.body.en}` }, e.hintText);
  }
}

/** Every check × scope, in file order, scopes in leader order. */
export function runChecks(config: Config, s: CheckSources): CheckRow[] {
  return config.checks.flatMap((spec, index) => {
    const r = resolveCheck(spec);
    if ('problems' in r)
      throw new ConfigError({ zh: `checks.${index}:${r.problems[0]!.message}`, en: `checks.${index}: ${r.problems[0]!.message}` }); // validated with the config already
    const where = `checks.${index}`;
    const scopes = scopeOf(r.check.scope, s.leaders, where);
    const period = periodOf(r.check, s, where);
    return scopes.map((scope) => {
      const value = checkValue(r.check, scope, period, s, where);
      return { index, check: r.check, scope, period, value, outcome: evaluateCheck(value, r.check) };
    });
  });
}
