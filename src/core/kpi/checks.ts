/**
 * KPI checks for CI (SPEC §6): thresholds fail_below / warn_below / fail_above / warn_above, an optional
 * challenge (挑战值, reported, never a failure) and `require` (n/a fails instead of warning).
 * A value exactly on a threshold passes. Pure: values come in as exact fractions.
 */
import { compareRatio, type Ratio } from '../shared/index.js';
import { parsePeriod } from '../shared/index.js';
import { isOrderKpi, kpiDef, readValue, type Unit, type WrittenValue } from './kpi-defs.js';

export const THRESHOLD_KINDS = ['fail_below', 'warn_below', 'fail_above', 'warn_above'] as const;
export type ThresholdKind = (typeof THRESHOLD_KINDS)[number];

/** A check as written in the checks file (after schema validation). */
export interface CheckSpec {
  name?: string | undefined;
  kpi: string;
  scope?: string | undefined;
  period?: string | undefined;
  fail_below?: WrittenValue | undefined;
  warn_below?: WrittenValue | undefined;
  fail_above?: WrittenValue | undefined;
  warn_above?: WrittenValue | undefined;
  challenge?: WrittenValue | undefined;
  require?: boolean | undefined;
  sql?: string | undefined;
  unit?: Unit | undefined;
  description?: string | undefined;
}

export type CheckSource = 'orders' | 'metrics' | 'sql';

export interface ResolvedCheck {
  name: string;
  kpi: string;
  scope: string;
  /** the check's own period as written (overrides --period), or null */
  period: string | null;
  unit: Unit;
  source: CheckSource;
  thresholds: Partial<Record<ThresholdKind, Ratio>>;
  challenge: Ratio | null;
  /** true unless the check only has *_above thresholds */
  higherIsBetter: boolean;
  require: boolean;
  sql: string | null;
  description: string | null;
}

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'na';

export interface Outcome {
  status: CheckStatus;
  /** the threshold breached, or the one that matters most when none is */
  threshold: { kind: ThresholdKind; value: Ratio } | null;
  /** null when the check has no challenge or the value is n/a */
  challengeReached: boolean | null;
  /** the value was n/a (with require: true the status is fail) */
  na: boolean;
}

export interface Problem {
  path: (string | number)[];
  message: string;
  /** the message in Chinese, when there is one */
  zh?: string;
}

const SCOPE_RE = /^(all|per-leader|leader:\S.*|region:\S.*)$/;

/** The unit and source of a check, or a problem. */
function unitOf(c: CheckSpec): { unit: Unit; source: CheckSource } | Problem {
  if (c.sql !== undefined) return { unit: c.unit ?? kpiDef(c.kpi)?.unit ?? 'number', source: 'sql' };
  const def = kpiDef(c.kpi);
  if (def) {
    if (c.unit !== undefined && c.unit !== def.unit)
      return { path: ['unit'], message: `${c.kpi} is a ${def.unit}, not a ${c.unit}`, zh: `${c.kpi} 的单位是 ${def.unit},不是 ${c.unit}` };
    return { unit: def.unit, source: isOrderKpi(c.kpi) ? 'orders' : 'metrics' };
  }
  if (c.unit !== undefined) return { unit: c.unit, source: 'metrics' };
  return {
    path: ['kpi'],
    message: `unknown KPI "${c.kpi}"; give \`unit\` (rate|money|count|number) for a metric of your own, or \`sql\``,
    zh: `没有这个 KPI:"${c.kpi}";自定义指标请写 \`unit\`(rate|money|count|number),或写 \`sql\``,
  };
}

/** Validate and resolve one check; problems carry paths relative to the check. */
export function resolveCheck(c: CheckSpec): { check: ResolvedCheck } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const u = unitOf(c);
  if ('path' in u) return { problems: [u] };
  const scope = c.scope ?? 'all';
  if (!SCOPE_RE.test(scope))
    problems.push({
      path: ['scope'],
      message: `"${scope}" must be all, per-leader, leader:ID or region:NAME`,
      zh: `"${scope}" 不对,只能是 all、per-leader、leader:ID 或 region:区域名`,
    });
  const period = c.period === undefined ? null : parsePeriod(c.period, '2000-01-31');
  if (period && !period.ok) problems.push({ path: ['period'], message: period.reason.en, zh: period.reason.zh });
  const read = (key: ThresholdKind | 'challenge'): Ratio | undefined => {
    const raw = c[key];
    if (raw === undefined) return undefined;
    const r = readValue(raw, u.unit);
    if (!r.ok) problems.push({ path: [key], message: r.reason.en, zh: r.reason.zh });
    return r.ok ? r.value : undefined;
  };
  const thresholds: Partial<Record<ThresholdKind, Ratio>> = {};
  for (const k of THRESHOLD_KINDS) {
    const v = read(k);
    if (v) thresholds[k] = v;
  }
  const challenge = read('challenge') ?? null;
  if (THRESHOLD_KINDS.every((k) => c[k] === undefined)) {
    problems.push({
      path: [],
      message: 'a check needs at least one of fail_below, warn_below, fail_above, warn_above',
      zh: '每项检查至少要有 fail_below、warn_below、fail_above、warn_above 之一',
    });
  }
  const { fail_below: fb, warn_below: wb, fail_above: fa, warn_above: wa } = thresholds;
  if (fb && wb && compareRatio(wb, fb) < 0)
    problems.push({
      path: ['warn_below'],
      message: 'must be ≥ fail_below (the warning comes first)',
      zh: '应不小于 fail_below(先警告,再失败)',
    });
  if (fa && wa && compareRatio(wa, fa) > 0)
    problems.push({
      path: ['warn_above'],
      message: 'must be ≤ fail_above (the warning comes first)',
      zh: '应不大于 fail_above(先警告,再失败)',
    });
  if (problems.length) return { problems };
  const onlyAbove = fb === undefined && wb === undefined;
  return {
    check: {
      name: c.name ?? c.kpi,
      kpi: c.kpi,
      scope,
      period: c.period ?? null,
      unit: u.unit,
      source: u.source,
      thresholds,
      challenge,
      higherIsBetter: !onlyAbove,
      require: c.require === true,
      sql: c.sql ?? null,
      description: c.description ?? null,
    },
  };
}

/** Every problem of a list of checks, including duplicate names (each check is one JUnit testsuite). */
export function checkProblems(checks: readonly CheckSpec[]): Problem[] {
  const out: Problem[] = [];
  const seen = new Map<string, number>();
  checks.forEach((c, i) => {
    const r = resolveCheck(c);
    if ('problems' in r) out.push(...r.problems.map((p) => ({ path: [i, ...p.path], message: p.message, zh: p.zh })));
    const name = c.name ?? c.kpi;
    if (seen.has(name)) {
      out.push({
        path: [i, c.name === undefined ? 'kpi' : 'name'],
        message: `duplicate check name "${name}" (also checks.${seen.get(name)}); give each check a unique name`,
        zh: `检查名 "${name}" 重复(checks.${seen.get(name)} 也用了);每项检查的名字要不同`,
      });
    } else seen.set(name, i);
  });
  return out;
}

const PRIMARY: readonly ThresholdKind[] = ['warn_below', 'fail_below', 'warn_above', 'fail_above'];

/** pass / warn / fail / n/a for one measured value. */
export function evaluateCheck(value: Ratio | null, c: ResolvedCheck): Outcome {
  const primary = PRIMARY.find((k) => c.thresholds[k]);
  const shown = primary ? { kind: primary, value: c.thresholds[primary]! } : null;
  if (value === null) return { status: c.require ? 'fail' : 'na', threshold: shown, challengeReached: null, na: true };
  const breached = (k: ThresholdKind) => {
    const t = c.thresholds[k];
    if (!t) return false;
    return k.endsWith('_below') ? compareRatio(value, t) < 0 : compareRatio(value, t) > 0;
  };
  const hit = (['fail_below', 'fail_above', 'warn_below', 'warn_above'] as const).find(breached);
  const challengeReached =
    c.challenge === null ? null : c.higherIsBetter ? compareRatio(value, c.challenge) >= 0 : compareRatio(value, c.challenge) <= 0;
  if (hit)
    return {
      status: hit.startsWith('fail') ? 'fail' : 'warn',
      threshold: { kind: hit, value: c.thresholds[hit]! },
      challengeReached,
      na: false,
    };
  return { status: 'pass', threshold: shown, challengeReached, na: false };
}

export interface Summary {
  pass: number;
  warn: number;
  fail: number;
  na: number;
}

export function summarize(outcomes: readonly Outcome[]): Summary {
  const s: Summary = { pass: 0, warn: 0, fail: 0, na: 0 };
  for (const o of outcomes) s[o.status]++;
  return s;
}

/** The CI verdict: fail on any failure, and with --strict also on any warning or n/a. */
export function checksFailed(s: Summary, strict: boolean): boolean {
  return s.fail > 0 || (strict && (s.warn > 0 || s.na > 0));
}

/**
 * How a KPI value stands against the seed's baseline and challenge (`tuan kpi`); null when it has no target.
 * too_few: the denominator is below kpi.min_denominator, too small to judge; other_period: the target is
 * for a calendar month and the period is not one (a week, a range, a month still running).
 */
export type TargetMark = 'challenge' | 'met' | 'below' | 'na' | 'too_few' | 'other_period';

export function markTarget(
  value: Ratio | null,
  baseline: Ratio | null,
  challenge: Ratio | null,
  unjudged: 'too_few' | 'other_period' | null = null,
): TargetMark | null {
  if (baseline === null && challenge === null) return null;
  if (value === null) return 'na';
  if (unjudged) return unjudged;
  if (challenge !== null && compareRatio(value, challenge) >= 0) return 'challenge';
  if (baseline !== null && compareRatio(value, baseline) >= 0) return 'met';
  // with only a challenge value there is no baseline to be below
  return baseline === null ? null : 'below';
}
