/**
 * The metrics file (`--metrics FILE`): KPIs that orders cannot show (complaint handling, satisfaction,
 * sign-up conversion, community messages; seed 002, seed 000 §4.1) as CSV `metric,value,period,leader_id`.
 * `leader_id` is a leader ID, `region:NAME`, or empty / `all` for the whole data set. Values are written
 * like thresholds: rates in percent (`95` or `95%`), money in yuan, counts and numbers as decimals.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Papa from 'papaparse';
import { InputError } from '../errors.js';
import { parsePeriod } from '../core/shared/index.js';
import { readValue, type Unit } from '../core/kpi/index.js';
import type { Ratio } from '../core/shared/index.js';

const COLUMNS = ['metric', 'value', 'period', 'leader_id'] as const;

export interface MetricRow {
  metric: string;
  /** as written */
  value: string;
  start: string;
  end: string;
  /** `all`, `leader:ID` or `region:NAME` */
  scope: string;
  line: number;
}

export interface Metrics {
  file: string;
  rows: MetricRow[];
}

function scopeOf(raw: string): string {
  const s = raw.trim();
  if (s === '' || s === 'all' || s === '*') return 'all';
  return s.startsWith('region:') ? s : `leader:${s}`;
}

export function readMetricsFile(path: string, shownAs: string): Metrics {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new InputError({ zh: `无法读取指标文件 ${shownAs}:${why}`, en: `cannot read metrics file ${shownAs}: ${why}` });
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const [head = [], ...body] = parsed.data;
  const cols = head.map((h) => h.trim().toLowerCase());
  const missing = COLUMNS.filter((c) => !cols.includes(c));
  if (missing.length) {
    throw new InputError(
      { zh: `指标文件 ${shownAs}:缺少列 ${missing.join(', ')}`, en: `metrics file ${shownAs}: missing column ${missing.join(', ')}` },
      { zh: `表头应是:${COLUMNS.join(',')}`, en: `the header must be: ${COLUMNS.join(',')}` },
    );
  }
  const at = Object.fromEntries(COLUMNS.map((c) => [c, cols.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const seen = new Map<string, number>();
  const rows = body.map((cells, i): MetricRow => {
    const line = i + 2;
    const cell = (c: (typeof COLUMNS)[number]) => (cells[at[c]] ?? '').trim();
    const where = `${shownAs}:${line}`;
    if (cell('metric') === '') throw new InputError({ zh: `指标文件 ${where}:metric 为空`, en: `metrics file ${where}: empty metric` });
    const p = parsePeriod(cell('period'), '1970-01-01');
    if (!p.ok || /^last-/.test(cell('period'))) {
      throw new InputError(
        {
          zh: `指标文件 ${where}:period ${p.ok ? `"${cell('period')}" 是相对周期` : p.reason.zh}`,
          en: `metrics file ${where}: period ${p.ok ? `"${cell('period')}" is relative` : p.reason.en}`,
        },
        {
          zh: '写出具体的周期:2026-10、2026-W44 或 2026-10-01..2026-10-31',
          en: 'write the period itself: 2026-10, 2026-W44 or 2026-10-01..2026-10-31',
        },
      );
    }
    const row = {
      metric: cell('metric'),
      value: cell('value'),
      start: p.value.start,
      end: p.value.end,
      scope: scopeOf(cell('leader_id')),
      line,
    };
    const key = `${row.metric}|${row.start}|${row.end}|${row.scope}`;
    if (seen.has(key)) {
      throw new InputError({
        zh: `指标文件 ${where}:${row.metric} 在 ${cell('period')}、${row.scope} 的值已经写在第 ${seen.get(key)} 行`,
        en: `metrics file ${where}: ${row.metric} for ${cell('period')} and ${row.scope} is already on line ${seen.get(key)}`,
      });
    }
    seen.set(key, line);
    return row;
  });
  return { file: basename(shownAs), rows };
}

/** The value of a metric for a period and scope; null when the file lacks it (the check is n/a). */
export function lookupMetric(m: Metrics, metric: string, period: { start: string; end: string }, scope: string, unit: Unit): Ratio | null {
  const row = m.rows.find((r) => r.metric === metric && r.start === period.start && r.end === period.end && r.scope === scope);
  if (!row) return null;
  if (row.value === '' || row.value.toLowerCase() === 'n/a') return null;
  const v = readValue(row.value, unit);
  if (!v.ok) {
    throw new InputError(
      {
        zh: `指标文件 ${m.file}:${row.line}:${metric} 的值有误:${v.reason.zh}`,
        en: `metrics file ${m.file}:${row.line}: ${metric} value ${v.reason.en}`,
      },
      unit === 'rate' ? { zh: '比率用百分数写:95 或 95%', en: 'rates are in percent: 95 or 95%' } : undefined,
    );
  }
  return v.value;
}
