/**
 * `tuan kpi check` output: one PASS/WARN/FAIL/N/A line per check and scope for people, JSON for machines,
 * and GitHub Actions annotations. Pure: returns strings.
 */
import type { CheckRow } from '../core/kpi/index.js';
import type { Summary, ThresholdKind } from '../core/kpi/index.js';
import { defineMessages, type Lang } from '../i18n.js';
import { formatValue, kpiName, machineValue, MARKS, periodText, type KpiMeta } from './kpi.js';
import { renderTable, type Cell } from './table.js';
import type { Style } from './style.js';

const m = defineMessages({
  'check.title': ['KPI 检查', 'KPI checks'],
  'check.h.status': ['结果', 'result'],
  'check.h.check': ['检查', 'check'],
  'check.h.kpi': ['指标', 'KPI'],
  'check.h.scope': ['范围', 'scope'],
  'check.h.value': ['实测', 'measured'],
  'check.h.threshold': ['阈值', 'threshold'],
  'check.h.challenge': ['挑战值', 'challenge'],
  'check.fail_below': ['低于 {v} 失败', 'fail below {v}'],
  'check.warn_below': ['低于 {v} 警告', 'warn below {v}'],
  'check.fail_above': ['高于 {v} 失败', 'fail above {v}'],
  'check.warn_above': ['高于 {v} 警告', 'warn above {v}'],
  'check.reached': ['{v} 已达成', '{v} reached'],
  'check.notReached': ['{v} 未达成', '{v} not reached'],
  'check.summary': [
    '合计:PASS {pass} · WARN {warn} · FAIL {fail} · N/A {na}{strict}',
    'total: PASS {pass} · WARN {warn} · FAIL {fail} · N/A {na}{strict}',
  ],
  'check.strict': ['(--strict:WARN 和 N/A 也算失败)', ' (--strict: WARN and N/A fail too)'],
  'check.msg': ['{kpi} {scope}:实测 {value},{rule}', '{kpi} {scope}: measured {value}, {rule}'],
  'check.msgNa': [
    '{kpi} {scope}:无法计算(n/a:分母为空或缺少指标){req}',
    '{kpi} {scope}: cannot be measured (n/a: empty denominator or missing metric){req}',
  ],
  'check.required': [',该检查要求必须有值(require: true)', '; the check requires a value (require: true)'],
});

export const STATUS_WORD = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', na: 'N/A' } as const;

/** The line shown for one result: status word, N/A for an unrequired n/a, FAIL for a required one. */
const statusWord = (r: CheckRow) => STATUS_WORD[r.outcome.status];

export function ruleText(kind: ThresholdKind, r: CheckRow, lang: Lang): string {
  const t = r.check.thresholds[kind] ?? null;
  return m(lang, `check.${kind}`, { v: formatValue(t, r.check.unit, true) });
}

/** One sentence about a result, for JUnit failures, annotations and logs. */
export function resultMessage(r: CheckRow, lang: Lang): string {
  const kpi = kpiName(r.check.kpi, lang);
  if (r.outcome.na) return m(lang, 'check.msgNa', { kpi, scope: r.scope.label, req: r.check.require ? m(lang, 'check.required') : '' });
  const th = r.outcome.threshold;
  return m(lang, 'check.msg', {
    kpi,
    scope: r.scope.label,
    value: formatValue(r.value, r.check.unit),
    rule: th ? ruleText(th.kind, r, lang) : '',
  });
}

/** Every level a check sets, warning before failure (the table shows them all, not only the one that decided). */
const LEVELS: readonly ThresholdKind[] = ['warn_below', 'fail_below', 'warn_above', 'fail_above'];
const levelsText = (r: CheckRow, lang: Lang) =>
  LEVELS.filter((k) => r.check.thresholds[k])
    .map((k) => ruleText(k, r, lang))
    .join(' · ');

function challengeText(r: CheckRow, lang: Lang): string {
  if (r.check.challenge === null) return '';
  const v = formatValue(r.check.challenge, r.check.unit, true);
  if (r.outcome.challengeReached === null) return v;
  return m(lang, r.outcome.challengeReached ? 'check.reached' : 'check.notReached', {
    v: `${r.outcome.challengeReached ? `${MARKS.challenge} ` : ''}${v}`,
  });
}

export function checkTable(
  rows: readonly CheckRow[],
  summary: Summary,
  meta: Omit<KpiMeta, 'scope'> & { strict: boolean },
  lang: Lang,
  style: Style,
): string {
  const color = (r: CheckRow, w: string) =>
    r.outcome.status === 'fail' ? style.red(w) : r.outcome.status === 'pass' ? style.green(w) : style.yellow(w);
  const head = ['status', 'check', 'kpi', 'scope', 'value', 'threshold', 'challenge'].map((k) =>
    m(lang, `check.h.${k}` as 'check.h.status'),
  );
  const name = (r: CheckRow) => (r.period.label === meta.period.label ? r.check.name : `${r.check.name} (${r.period.label})`);
  const body: Cell[][] = rows.map((r) => [
    statusWord(r),
    name(r),
    kpiName(r.check.kpi, lang),
    r.scope.label,
    formatValue(r.value, r.check.unit),
    levelsText(r, lang),
    challengeText(r, lang),
  ]);
  const title = `${m(lang, 'check.title')} ${periodText(meta, lang)}`;
  const sum = m(lang, 'check.summary', { ...summary, strict: meta.strict ? m(lang, 'check.strict') : '' });
  return `${style.bold(title)}\n${renderTable(head, body, style, ['left', 'left', 'left', 'left', 'right', 'left', 'left'], (w, i, j) => (j === 0 ? color(rows[i]!, w) : w))}${sum}\n`;
}

export function checkJson(
  rows: readonly CheckRow[],
  summary: Summary,
  meta: Omit<KpiMeta, 'scope'> & { strict: boolean; failed: boolean },
) {
  const p = meta.period;
  return {
    period: { label: p.label, start: p.start, end: p.end, counted_to: p.effectiveEnd, partial: p.partial },
    as_of: meta.asOf,
    strict: meta.strict,
    results: rows.map((r) => ({
      check: r.check.name,
      kpi: r.check.kpi,
      scope: r.scope.label,
      period: r.period.label,
      unit: r.check.unit,
      value: machineValue(r.value, r.check.unit),
      status: r.outcome.status,
      threshold: machineValue(r.outcome.threshold?.value ?? null, r.check.unit),
      threshold_kind: r.outcome.threshold?.kind ?? null,
      challenge: machineValue(r.check.challenge, r.check.unit),
      challenge_reached: r.outcome.challengeReached,
      required: r.check.require,
      na: r.outcome.na,
    })),
    summary,
    failed: meta.failed,
  };
}

const escData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escProp = (s: string) => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands: `::error` for failures, `::warning` for warnings and n/a
 * (with --strict those fail the job too, but stay warnings in the log). Passes print nothing.
 */
export function githubAnnotations(rows: readonly CheckRow[], lang: Lang, file: string | null, lines: readonly number[]): string {
  return rows
    .filter((r) => r.outcome.status !== 'pass')
    .map((r) => {
      const level = r.outcome.status === 'fail' ? 'error' : 'warning';
      const props = [
        file ? `file=${escProp(file)}` : '',
        file && lines[r.index] ? `line=${lines[r.index]}` : '',
        `title=${escProp(`KPI ${r.check.name} (${r.scope.label})`)}`,
      ]
        .filter(Boolean)
        .join(',');
      return `::${level} ${props}::${escData(resultMessage(r, lang))}\n`;
    })
    .join('');
}
