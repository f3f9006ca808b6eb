/** The rows KPI measurements and checks produce (types only): a scope, a KPI row, a check row. */
import type { Outcome, ResolvedCheck, TargetMark } from './checks.js';
import type { Unit } from './kpi-defs.js';
import type { EffectivePeriod } from '../shared/periods.js';
import type { Ratio } from '../shared/ratio.js';

export interface KpiScope {
  /** `all`, `leader:L001` or `region:杭州西湖区` */
  label: string;
  /** the leaders whose orders count; null = every order */
  leaderIds: ReadonlySet<string> | null;
  /** the leader of a per-leader or leader: scope */
  leaderId: string | null;
  region: string | null;
}

export interface KpiRow {
  scope: string;
  kpi: string;
  unit: Unit;
  value: Ratio | null;
  basis: [number, number] | null;
  baseline: Ratio | null;
  challenge: Ratio | null;
  mark: TargetMark | null;
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
