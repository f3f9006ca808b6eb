/**
 * `tuan products` and `tuan cohorts` as functions (issue #15): what sells per product or category with its
 * change against the previous period, the weekly anomalies of a scope, and the cohort table.
 */
import type { Config } from '../config.js';
import { UsageError } from '../errors.js';
import { readCountedOrders, readLeaders } from '../adapters/queries.js';
import { readGmvWeeks, readProductStats, readProductWeeks, type ProductGrouping } from '../adapters/products-data.js';
import { resolveScope, type ResolvedScope } from '../adapters/scope.js';
import { cohortTable, type CohortTable } from '../core/cohorts/index.js';
import { previousPeriod, productAnomalies, productRows, type Anomaly, type AnomalyRule, type ProductRow } from '../core/products/index.js';
import { lastWeek, type EffectivePeriod } from '../core/shared/index.js';
import { resolvePeriod } from './kpi.js';
import { configOf, maskOutput, withDb, type BaseOptions, type DbInput, type MaskOptions } from './common.js';
import type { Db } from '../adapters/db.js';
import type { ScopeOptions } from './segment.js';

export type { Anomaly, ProductRow, ProductGrouping, CohortTable };

export const PRODUCT_GROUPINGS: readonly ProductGrouping[] = ['product', 'category'];

/** The anomaly rule of the configuration (`products.anomalies`), in the core's units. */
export function anomalyRule(config: Config): AnomalyRule {
  const a = config.products.anomalies;
  return {
    baselineWeeks: a.baseline_weeks,
    threshold: a.threshold,
    confirmWeeks: a.confirm_weeks,
    gmvMadFloor: a.gmv_mad_floor,
    refundMadFloor: a.refund_mad_floor,
    minWeeklyGmvFen: Math.round(a.min_weekly_gmv_yuan * 100),
    minWeeklyPaidFen: Math.round(a.min_weekly_paid_yuan * 100),
    categoryGmv: a.category_gmv,
  };
}

/** Options of the analyses of this file: a leader, a region, or an explicit set of leaders (e.g. a trainer's). */
export interface ProductScopeOptions extends ScopeOptions {
  /** exactly these leaders (e.g. the leaders of a trainer); overrides leader and region */
  leaderIds?: ReadonlySet<string> | undefined;
  /** the scope's label when leaderIds is given @default leaders:<ids> */
  scopeLabel?: string | undefined;
}

function scopeOf(h: Db, o: ProductScopeOptions): ResolvedScope {
  if (o.leaderIds) {
    const label = o.scopeLabel ?? `leaders:${[...o.leaderIds].sort().join(',')}`;
    return { label, leaderIds: o.leaderIds, leader: null, region: null };
  }
  return resolveScope(o, readLeaders(h));
}

export interface AnomaliesOptions extends BaseOptions, ProductScopeOptions {
  /** the business date: weeks that end after it are not judged, YYYY-MM-DD */
  asOf: string;
  /** only anomalies whose first week starts on or after this date, YYYY-MM-DD (e.g. the last two weeks for an alert) */
  since?: string | undefined;
  /** refund rates per product or per category (default category) */
  by?: ProductGrouping | undefined;
}

function anomaliesIn(h: Db, scope: ResolvedScope, by: ProductGrouping, asOf: string, config: Config): Anomaly[] {
  const last = lastWeek(asOf).start;
  return productAnomalies(
    readGmvWeeks(h, scope.leaderIds, asOf),
    readProductWeeks(h, scope.leaderIds, by, asOf),
    last,
    anomalyRule(config),
  );
}

/**
 * The product anomalies of a scope (all leaders, a leader or a region) up to `asOf`, oldest first: each
 * leader's GMV stepping down, and each category's (or product's) refund rate stepping up, against the trailing
 * weeks (the rule: core/products/anomalies.ts, configuration `products.anomalies`). Only complete ISO weeks
 * are judged, and a step needs its confirming weeks, so a step is reported once the week after its first
 * week is over.
 */
export function anomalies(db: DbInput, o: AnomaliesOptions): Anomaly[] {
  const config = configOf(o);
  const found = withDb(db, (h) => anomaliesIn(h, scopeOf(h, o), o.by ?? 'category', o.asOf, config));
  return maskOutput(
    found.filter((a) => o.since === undefined || a.week_start >= o.since),
    false,
  );
}

export interface ProductsOptions extends AnomaliesOptions, MaskOptions {
  /** the period as written or resolved (resolvePeriod); default last-month */
  period?: string | EffectivePeriod | undefined;
}

export interface ProductsResult {
  period: EffectivePeriod;
  /** the days the change is measured against */
  previous: { start: string; end: string };
  asOf: string;
  /** `all`, `leader:L003` or `region:…` */
  scope: string;
  by: ProductGrouping;
  rows: ProductRow[];
  anomalies: Anomaly[];
}

/** Per product (or category): GMV, orders, buyers, shares and rates in the period against the previous one, and the anomalies up to asOf. */
export function products(db: DbInput, o: ProductsOptions): ProductsResult {
  const config = configOf(o);
  const by = o.by ?? 'product';
  if (!PRODUCT_GROUPINGS.includes(by)) {
    throw new UsageError({ zh: `--by 只能是 product 或 category`, en: `--by must be product or category` });
  }
  const period = resolvePeriod(o.period, o.asOf);
  const previous = previousPeriod(period);
  return withDb(db, (h) => {
    const scope = scopeOf(h, o);
    const rows = productRows(
      readProductStats(h, scope.leaderIds, by, period.start, period.effectiveEnd),
      readProductStats(h, scope.leaderIds, by, previous.start, previous.end),
    );
    const found = anomaliesIn(h, scope, by, o.asOf, config);
    return maskOutput({ period, previous, asOf: o.asOf, scope: scope.label, by, rows, anomalies: found }, o.unmask, config);
  });
}

export interface CohortsOptions extends BaseOptions, ProductScopeOptions {
  /** the business date: orders after it do not count, and months after its month are not listed */
  asOf: string;
}

export interface CohortsResult extends CohortTable {
  asOf: string;
  scope: string;
}

/** Members of the scope by the month of their first counted order there, followed month by month up to asOf. */
export function cohorts(db: DbInput, o: CohortsOptions): CohortsResult {
  return withDb(db, (h) => {
    const scope = scopeOf(h, o);
    const ids = scope.leaderIds;
    const orders = readCountedOrders(h, o.asOf).filter((x) => ids === null || ids.has(x.leaderId));
    return { asOf: o.asOf, scope: scope.label, ...cohortTable(orders, o.asOf) };
  });
}
