/** The rows KPI measurements and checks produce (types only): a scope, a KPI row, a check row. */
import type { Outcome, ResolvedCheck } from './checks.js';
import type { KpiLine } from './targets.js';
import type { EffectivePeriod } from '../shared/index.js';
import type { Ratio } from '../shared/index.js';

export interface KpiScope {
  /** `all`, `leader:L001` or `region:杭州西湖区` */
  label: string;
  /** the leaders whose orders count; null = every order */
  leaderIds: ReadonlySet<string> | null;
  /** the leader of a per-leader or leader: scope */
  leaderId: string | null;
  region: string | null;
}

/** A KPI line (core/kpi/targets.ts, the report's lines too) of one scope. */
export interface KpiRow extends KpiLine {
  scope: string;
}

export interface CheckRow {
  /** position in the checks file */
  index: number;
  check: ResolvedCheck;
  scope: KpiScope;
  /** the check's own period, or the run's */
  period: EffectivePeriod;
  value: Ratio | null;
  outcome: Outcome;
}
