/**
 * The one targets table (`kpi.targets` in the configuration, defaults: the catalogue's seed targets) and
 * the one KPI line every output shows: value, what it is made of, baseline, challenge and mark.
 * `tuan kpi`, `tuan report`, the kits and the weekly plan all read targets through here. Pure.
 */
import { markTarget, type TargetMark } from './checks.js';
import { kpiDef, readValue, STAGE_KPIS, type KpiCode, type Unit, type WrittenValue } from './kpi-defs.js';
import type { Stage } from '../members/index.js';
import type { Ratio } from '../shared/index.js';

/** kpi.targets: baseline and challenge per KPI code, as people write them (40 = 40 %, money in yuan). */
export type KpiTargets = Readonly<Record<string, { baseline?: WrittenValue | undefined; challenge?: WrittenValue | undefined }>>;

/** One KPI as a table line shows it. */
export interface KpiLine {
  kpi: string;
  unit: Unit;
  /** null = n/a */
  value: Ratio | null;
  /** what the value is made of, or null */
  basis: [number, number] | null;
  baseline: Ratio | null;
  challenge: Ratio | null;
  /** null when the KPI has no target */
  mark: TargetMark | null;
}

function read(v: WrittenValue | undefined, unit: Unit): Ratio | null {
  if (v === undefined) return null;
  const r = readValue(v, unit);
  return r.ok ? r.value : null;
}

/** A KPI's baseline and challenge in the unit's base (null when not set). */
export function targetOf(targets: KpiTargets, code: string, unit: Unit): { baseline: Ratio | null; challenge: Ratio | null } {
  const t = Object.hasOwn(targets, code) ? targets[code] : undefined;
  return { baseline: read(t?.baseline, unit), challenge: read(t?.challenge, unit) };
}

/** What a KPI line is judged against beyond its targets. */
export interface Judging {
  /** kpi.min_denominator: fewer members (or orders) than this in the denominator are too few to judge */
  minDenominator: number;
  /** the period: a target the catalogue sets per month is judged only on a whole calendar month */
  period: { kind: string; partial: boolean };
}

/**
 * The members (or orders) a KPI's value is taken over, from its basis; null when the basis holds no count
 * (成熟期客单价增幅 compares two AOVs, 退款率 divides fen by fen).
 */
export function denominatorOf(kpi: string, basis: [number, number] | null): number | null {
  return basis === null || kpi === 'mature_aov_uplift' || kpi === 'refund_rate' ? null : basis[1];
}

/** A KPI's value with its targets and mark. */
export function kpiLine(
  targets: KpiTargets,
  kpi: string,
  unit: Unit,
  value: Ratio | null,
  basis: [number, number] | null,
  judging?: Judging,
): KpiLine {
  const { baseline, challenge } = targetOf(targets, kpi, unit);
  const den = denominatorOf(kpi, basis);
  const unjudged = !judging
    ? null
    : den !== null && den < judging.minDenominator
      ? 'too_few'
      : kpiDef(kpi)?.perMonth && (judging.period.kind !== 'month' || judging.period.partial)
        ? 'other_period'
        : null;
  return { kpi, unit, value, basis, baseline, challenge, mark: markTarget(value, baseline, challenge, unjudged) };
}

export interface StageTarget {
  kpi: KpiCode;
  unit: Unit;
  baseline: Ratio;
  challenge: Ratio | null;
}

/** The targets a stage's kit and the weekly plan show: the stage's KPIs (catalogue) that have a baseline. */
export function stageTargets(stage: Stage, targets: KpiTargets): StageTarget[] {
  return STAGE_KPIS[stage].flatMap((kpi) => {
    const unit = kpiDef(kpi)!.unit;
    const { baseline, challenge } = targetOf(targets, kpi, unit);
    return baseline === null ? [] : [{ kpi, unit, baseline, challenge }];
  });
}
