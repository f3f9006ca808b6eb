/**
 * JUnit XML for `tuan kpi check --junit FILE`, in the Apache Ant JUnit report format that Jenkins, GitLab and
 * Azure DevOps read: one <testsuite> per check, one <testcase> per scope, a <failure> with the measured value
 * and the threshold. Warnings and n/a go to the suite's <system-out> (the format has none per testcase) and
 * only become failures with --strict (n/a also with `require: true`). Pure: returns a string.
 */
import type { CheckRow } from '../core/kpi/index.js';
import type { Lang } from '../i18n.js';
import { resultMessage, STATUS_WORD } from './kpi-check.js';

export interface JunitMeta {
  asOf: string;
  strict: boolean;
  /** the run's local time, `YYYY-MM-DDTHH:MM:SS` (the format allows no zone) */
  timestamp: string;
}

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // characters XML 1.0 cannot carry at all
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** Whether a result fails its testcase. */
export function isJunitFailure(r: CheckRow, strict: boolean): boolean {
  return r.outcome.status === 'fail' || (strict && (r.outcome.status === 'warn' || r.outcome.status === 'na'));
}

function testcase(r: CheckRow, strict: boolean, lang: Lang): string {
  const open = `    <testcase name="${esc(r.scope.label)}" classname="kpi.${esc(r.check.name)}" time="0"`;
  if (!isJunitFailure(r, strict)) return `${open}/>\n`;
  const type = r.outcome.na ? 'na' : (r.outcome.threshold?.kind ?? r.outcome.status);
  const msg = resultMessage(r, lang);
  return `${open}>\n      <failure message="${esc(msg)}" type="${esc(type)}">${esc(`${STATUS_WORD[r.outcome.status]} ${msg}`)}</failure>\n    </testcase>\n`;
}

function testsuite(rows: readonly CheckRow[], id: number, meta: JunitMeta, lang: Lang): string {
  const c = rows[0]!.check;
  const failures = rows.filter((r) => isJunitFailure(r, meta.strict)).length;
  const out = rows
    .filter((r) => !isJunitFailure(r, meta.strict) && r.outcome.status !== 'pass')
    .map((r) => `${STATUS_WORD[r.outcome.status]} ${resultMessage(r, lang)}\n`)
    .join('');
  const props: [string, string][] = [
    ['kpi', c.kpi],
    ['period', rows[0]!.period.label],
    ['as_of', meta.asOf],
    ['scope', c.scope],
    ['strict', String(meta.strict)],
  ];
  if (c.description) props.push(['description', c.description]);
  return (
    `  <testsuite name="${esc(c.name)}" package="tuan.kpi" id="${id}" timestamp="${meta.timestamp}" hostname="localhost" ` +
    `tests="${rows.length}" failures="${failures}" errors="0" skipped="0" time="0">\n` +
    `    <properties>\n${props.map(([k, v]) => `      <property name="${k}" value="${esc(v)}"/>\n`).join('')}    </properties>\n` +
    rows.map((r) => testcase(r, meta.strict, lang)).join('') +
    `    <system-out>${esc(out)}</system-out>\n    <system-err></system-err>\n  </testsuite>\n`
  );
}

export function renderJunit(rows: readonly CheckRow[], meta: JunitMeta, lang: Lang): string {
  const byCheck = new Map<number, CheckRow[]>();
  for (const r of rows) byCheck.set(r.index, [...(byCheck.get(r.index) ?? []), r]);
  const suites = [...byCheck.values()].map((rs, i) => testsuite(rs, i, meta, lang)).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suites}</testsuites>\n`;
}
