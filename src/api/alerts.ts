/**
 * `tuan alerts` as a function: one list of what needs attention this week across a scope, each with its level,
 * the facts behind it and the command that shows more. The list is made by sources (ALERT_SOURCES), each a
 * function of the same context; another source (e.g. product anomalies) is one more entry in that list.
 */
import type { Config } from '../config.js';
import type { Db } from '../adapters/db.js';
import { readStatus } from '../adapters/queries.js';
import { addDays, businessDate, daysBetween, lastMonth, lastWeek } from '../core/shared/index.js';
import type { SupportReason } from '../core/trainer/index.js';
import { kpiChecks } from './kpi.js';
import { anomalies } from './products.js';
import { segment } from './segment.js';
import { configOf, maskOutput, withDb, type BaseOptions, type DbInput, type MaskOptions } from './common.js';
import { supportList, TrainerData, trainerScope, type TrainerScope } from './trainer.js';

export const ALERT_LEVELS = ['warn', 'fail'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

/** One thing that needs attention. `source` says which source found it and how `data` reads (render/alerts.ts words it). */
export interface Alert {
  level: AlertLevel;
  source: string;
  /** the leader it is about; null for the whole database */
  leaderId: string | null;
  /** the facts behind it, by source */
  data: Record<string, unknown>;
  /** the tuan command that shows more */
  command: string;
}

/** What every source sees. */
export interface AlertContext {
  db: Db;
  config: Config;
  asOf: string;
  /** the last month that is over on asOf: the month the support rule and the KPI checks judge */
  month: string;
  scope: TrainerScope;
  trainer: TrainerData;
  /** `--region R` or `--trainer ID` as given, for the commands shown */
  scopeFlags: string;
  unmask: boolean;
}

export type AlertSource = (ctx: AlertContext) => Alert[];

/** Leaders whose support rule fired last month while they were not on support. */
export const supportAlerts: AlertSource = (c) =>
  supportList(c.trainer, c.scope, c.month)
    .filter((e) => e.status === 'entering')
    .map((e) => ({
      level: 'warn',
      source: 'support',
      leaderId: e.leaderId,
      data: { started: e.started, until: e.until, reasons: e.reasons satisfies SupportReason[] },
      command: `tuan leaders --support --month ${c.month} --leader ${e.leaderId}`,
    }));

/** A high-value member: spend score (RFM M) 4 or 5 as of the date. */
const HIGH_VALUE_M = 4;

/** High-value members at risk on asOf who were not at risk a week earlier, per leader. */
export const atRiskAlerts: AlertSource = (c) => {
  const weekAgo = addDays(c.asOf, -7);
  const members = (asOf: string) => segment(c.db, { config: c.config, asOf, unmask: c.unmask }).scopes.flatMap((s) => s.members);
  const before = new Set(
    members(weekAgo)
      .filter((m) => m.atRisk)
      .map((m) => m.memberId),
  );
  const inScope = new Set(c.scope.shown);
  const fresh = members(c.asOf).filter(
    (m) => m.atRisk && !before.has(m.memberId) && (m.rfm?.m ?? 0) >= HIGH_VALUE_M && inScope.has(m.leaderId),
  );
  const byLeader = new Map<string, typeof fresh>();
  for (const m of fresh) byLeader.set(m.leaderId, [...(byLeader.get(m.leaderId) ?? []), m]);
  return [...byLeader.keys()].sort().map((id) => {
    const ms = byLeader.get(id)!.sort((a, b) => b.spendFen - a.spendFen || (a.memberId < b.memberId ? -1 : 1));
    return {
      level: 'warn',
      source: 'at_risk',
      leaderId: id,
      data: { since: weekAgo, members: ms.map((m) => m.memberId), spend_fen: ms.reduce((a, m) => a + m.spendFen, 0) },
      command: `tuan members --leader ${id} --at-risk --as-of ${c.asOf}`,
    };
  });
};

/** KPI checks (`checks:` of the configuration) that FAILed last month, for a leader of the scope (or the whole database). */
export const checkAlerts: AlertSource = (c) => {
  if (c.config.checks.length === 0) return [];
  const inScope = new Set(c.scope.shown);
  return kpiChecks(c.db, { config: c.config, asOf: c.asOf, period: c.month, unmask: c.unmask })
    .rows.filter((r) => r.outcome.status === 'fail' && (r.scope.leaderId ? inScope.has(r.scope.leaderId) : c.scope.label === 'all'))
    .map((r) => ({
      level: 'fail',
      source: 'kpi_check',
      leaderId: r.scope.leaderId,
      data: { check: r.check.name, kpi: r.check.kpi, scope: r.scope.label, period: r.period.label, na: r.outcome.na },
      command: `tuan kpi check --period ${c.month} --as-of ${c.asOf}`,
    }));
};

/**
 * Product anomalies (`tuan products`: a leader's GMV stepping down, a category's refund rate stepping up) that
 * became visible with the last complete ISO week before asOf. A step is reported once its confirming weeks
 * (`products.anomalies.confirm_weeks`, 2 by default) are over, so with the last complete week W the new steps
 * are those whose first week is W − (confirm_weeks − 1) or later: each step is listed during the 7 days after
 * it was confirmed, and not again. The steps of older weeks are in `tuan products`.
 */
export const productAnomalyAlerts: AlertSource = (c) => {
  const since = addDays(lastWeek(c.asOf).start, -7 * (c.config.products.anomalies.confirm_weeks - 1));
  const scope = c.scope.label === 'all' ? {} : { leaderIds: new Set(c.scope.shown), scopeLabel: c.scope.label };
  return anomalies(c.db, { config: c.config, asOf: c.asOf, since, by: 'category', ...scope }).map((a) => ({
    level: 'warn',
    source: 'product_anomaly',
    leaderId: a.leader_id,
    data: {
      metric: a.metric,
      category: a.category,
      product: a.product,
      week_start: a.week_start,
      value: a.value,
      baseline: a.baseline,
      baseline_weeks: c.config.products.anomalies.baseline_weeks,
      score: a.score,
    },
    // --region / --trainer are not added: tuan products takes one leader or one region, and the leader is enough
    command: `tuan products --by category --leader ${a.leader_id} --as-of ${c.asOf}`,
  }));
};

/** How old the newest import may be before it is an alert. Unit: days. */
const STALE_DAYS = 7;

/** The newest import is more than a week older than asOf (or there is none). */
export const importAlerts: AlertSource = (c) => {
  const imports = readStatus(c.db).imports;
  const last = imports
    .map((i) => i.imported_at)
    .sort()
    .at(-1);
  const day = last ? businessDate(Date.parse(last)) : null;
  if (day !== null && daysBetween(day, c.asOf) <= STALE_DAYS) return [];
  return [
    {
      level: 'warn',
      source: 'import',
      leaderId: null,
      data: { last_import: day, days: day === null ? null : daysBetween(day, c.asOf), max_days: STALE_DAYS },
      command: 'tuan status',
    },
  ];
};

/** The sources, in the order their alerts are listed. */
export const ALERT_SOURCES: readonly AlertSource[] = [supportAlerts, checkAlerts, atRiskAlerts, productAnomalyAlerts, importAlerts];

export interface AlertsOptions extends BaseOptions, MaskOptions {
  /** the business date, YYYY-MM-DD */
  asOf: string;
  region?: string | undefined;
  trainer?: string | undefined;
  /** default ALERT_SOURCES */
  sources?: readonly AlertSource[] | undefined;
}

export interface AlertsResult {
  asOf: string;
  month: string;
  scope: string;
  /** fail first, then warn; within a level in source order */
  alerts: Alert[];
}

/** Everything that needs attention as of a date, in a scope. */
export function alerts(db: DbInput, o: AlertsOptions): AlertsResult {
  const config = configOf(o);
  const month = lastMonth(o.asOf).label;
  return withDb(db, (h) => {
    const trainer = new TrainerData(h, config, o.asOf);
    const scope = trainerScope({ region: o.region, trainer: o.trainer }, trainer.leaders);
    const scopeFlags = o.region !== undefined ? ` --region ${o.region}` : o.trainer !== undefined ? ` --trainer ${o.trainer}` : '';
    const ctx: AlertContext = { db: h, config, asOf: o.asOf, month, scope, trainer, scopeFlags, unmask: o.unmask === true };
    const found = (o.sources ?? ALERT_SOURCES).flatMap((s) => s(ctx));
    const list = [...found.filter((a) => a.level === 'fail'), ...found.filter((a) => a.level === 'warn')];
    return maskOutput({ asOf: o.asOf, month, scope: scope.label, alerts: list }, o.unmask);
  });
}

/** True when an alert at or above `level` is listed. */
export const alertsAtOrAbove = (list: readonly Alert[], level: AlertLevel) =>
  list.some((a) => ALERT_LEVELS.indexOf(a.level) >= ALERT_LEVELS.indexOf(level));
