/**
 * The report's charts as template contexts: geometry from core/report/charts.ts plus the texts and CSS
 * classes the SVG partials print (templates/<lang>/_report-bars.hbs, _report-heat.hbs). Pure.
 */
import { heatmap, stackedBars, textWidth, type BarChart, type Heatmap } from '../core/report/index.js';
import { STAGES, STAGE_NAMES } from '../core/members/index.js';
import { divRoundHalfUp } from '../core/shared/index.js';
import { FROM_STAGES, type Migration } from '../core/members/index.js';
import type { LeaderStages, RfmCell } from '../core/report/index.js';
import { CN8_CLASSES, CN8_EN, type CN8_ORDER } from '../core/members/index.js';
import { defineMessages, pick, type Lang } from '../i18n.js';
import { fmtInt } from './table.js';

const m = defineMessages({
  'rp.c.new': ['新会员', 'New'],
  'rp.c.avg': ['均¥{v}', 'avg ¥{v}'],
  'rp.c.segTitle': ['{row}:{series} {n} 人', '{row}: {series} {n}'],
  'rp.c.barTitle': ['{row}:{n} 人', '{row}: {n}'],
  'rp.c.weekPred': ['第{n}周 预测', 'week {n} predicted'],
  'rp.c.weekActual': ['第{n}周 实际', 'week {n} actual'],
  'rp.c.migTitle': ['{from} → {to}:{n} 人({share})', '{from} → {to}: {n} ({share})'],
  'rp.c.rfmTitle': ['R{r} F{f}:{n} 人,平均 M {avg}', 'R{r} F{f}: {n} members, average M {avg}'],
});

export interface BarSegmentView {
  x: number;
  width: number;
  cx: number;
  cls: string;
  show_value: boolean;
  value: string;
  title: string;
}

export interface BarChartView {
  width: number;
  height: number;
  font_size: number;
  bar_height: number;
  label_x: number;
  rows: { label: string; y: number; text_y: number; total: string; total_x: number; segments: BarSegmentView[] }[];
}

export interface HeatChartView {
  width: number;
  height: number;
  font_size: number;
  columns: { label: string; cx: number; y: number }[];
  rows: { label: string; x: number; cy: number; cells: HeatCellView[] }[];
}

export interface HeatCellView {
  x: number;
  y: number;
  width: number;
  height: number;
  cx: number;
  /** baselines of the main and the small line */
  main_y: number;
  sub_y: number;
  cls: string;
  main: string;
  sub: string;
  title: string;
}

export const stageName = (s: string, lang: Lang): string => (s === 'new' ? m(lang, 'rp.c.new') : pick(lang, STAGE_NAMES[s as 'intro']));

export const cn8Name = (code: (typeof CN8_ORDER)[number], lang: Lang): string => (lang === 'en' ? CN8_EN[code] : CN8_CLASSES[code]);

/** Percentage with one decimal, or – for an empty base. */
export function share(n: number, base: number): string {
  return base === 0 ? '–' : `${(Math.round((n * 1000) / base) / 10).toFixed(1)}%`;
}

/** Label column just wide enough for the longest label (between 48 and 40 % of the width). */
function labelWidthFor(labels: readonly string[], width: number, fontSize: number): number {
  const need = Math.max(0, ...labels.map((l) => textWidth(l, fontSize))) + 10;
  return Math.round(Math.min(width * 0.4, Math.max(48, need)));
}

function barView(
  chart: BarChart,
  cls: (series: number) => string,
  title: (row: number, series: number, n: number) => string,
  inside = true,
): BarChartView {
  return {
    width: chart.width,
    height: chart.height,
    font_size: chart.fontSize,
    bar_height: chart.barHeight,
    label_x: chart.labelWidth - 6,
    rows: chart.rows.map((r, i) => ({
      label: r.label,
      y: r.y,
      text_y: r.textY,
      total: fmtInt(r.total),
      total_x: r.totalX,
      segments: r.segments.map((s) => ({
        x: s.x,
        width: s.width,
        cx: s.cx,
        cls: cls(s.series),
        show_value: inside && s.showValue,
        value: fmtInt(s.value),
        title: title(i, s.series, s.value),
      })),
    })),
  };
}

/** Stage distribution per leader: one bar per leader, a segment per stage. */
export function stageBars(leaders: readonly LeaderStages[], lang: Lang): BarChartView {
  const labels = leaders.map((l) => (l.community ? `${l.leaderId} ${l.community}` : l.leaderId));
  const chart = stackedBars(
    leaders.map((l, i) => ({ label: labels[i]!, values: STAGES.map((s) => l.stages[s]) })),
    { labelWidth: labelWidthFor(labels, 400, 12) },
  );
  return barView(
    chart,
    (s) => `st-${STAGES[s]}`,
    (row, s, n) => m(lang, 'rp.c.segTitle', { row: labels[row]!, series: stageName(STAGES[s]!, lang), n: fmtInt(n) }),
  );
}

/**
 * The model check as bars: per week two rows, the purchase days predicted (rounded) and those made, in the two
 * colours of the 8-class chart (predicted light, actual dark).
 */
export function modelCheckBars(weeks: readonly { week: number; predicted: number; actual: number }[], lang: Lang): BarChartView {
  const labels = weeks.flatMap((w) => [m(lang, 'rp.c.weekPred', { n: String(w.week) }), m(lang, 'rp.c.weekActual', { n: String(w.week) })]);
  const chart = stackedBars(
    weeks.flatMap((w, i) => [
      { label: labels[2 * i]!, values: [0, Math.round(w.predicted)] },
      { label: labels[2 * i + 1]!, values: [w.actual, 0] },
    ]),
    { labelWidth: labelWidthFor(labels, 400, 12), barHeight: 12, gap: 3 },
  );
  return barView(
    chart,
    (s) => (s === 0 ? 'cn-important' : 'cn-general'),
    (row, _s, n) => m(lang, 'rp.c.barTitle', { row: labels[row]!, n: fmtInt(n) }),
    false,
  );
}

/** The 8 classes as bars: 重要 (M high) in one colour, 一般 in another. */
export function cn8Bars(counts: readonly { code: (typeof CN8_ORDER)[number]; count: number }[], lang: Lang): BarChartView {
  const labels = counts.map((c) => cn8Name(c.code, lang));
  const important = (code: string) => code.endsWith('H');
  const chart = stackedBars(
    counts.map((c, i) => ({ label: labels[i]!, values: important(c.code) ? [c.count, 0] : [0, c.count] })),
    { labelWidth: labelWidthFor(labels, 400, 12), barHeight: 18, gap: 6 },
  );
  return barView(
    chart,
    (s) => (s === 0 ? 'cn-important' : 'cn-general'),
    (row, _s, n) => m(lang, 'rp.c.barTitle', { row: labels[row]!, n: fmtInt(n) }),
    false,
  );
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Two lines in a cell (count, then a small line), or the count alone in the middle. */
function cellText(cy: number, t: { main: string; sub: string; title: string }) {
  return { ...t, main_y: r1(t.sub ? cy - 1 : cy + 4.5), sub_y: r1(cy + 13) };
}

export function heatView(
  h: Heatmap,
  text: (row: number, col: number, value: number) => { main: string; sub: string; title: string },
): HeatChartView {
  return {
    width: h.width,
    height: h.height,
    font_size: h.fontSize,
    columns: h.columns,
    rows: h.rows.map((r) => ({
      label: r.label,
      x: r.x,
      cy: r.cy,
      cells: r.cells.map((c) => ({
        x: c.x,
        y: c.y,
        width: c.width,
        height: c.height,
        cx: c.cx,
        ...cellText(c.cy, text(c.row, c.col, c.value)),
        cls: `h${c.level}${c.level >= 4 ? ' dark' : ''}`,
      })),
    })),
  };
}

/** The migration matrix: rows = stage on the first date (or new), columns = stage now; sub = share of the row. */
export function migrationHeat(mig: Migration, from: string, to: string, lang: Lang): HeatChartView {
  const values = FROM_STAGES.map((s0) => STAGES.map((s1) => mig.matrix[s0][s1]));
  const h = heatmap(
    values,
    FROM_STAGES.map((s) => stageName(s, lang)),
    STAGES.map((s) => stageName(s, lang)),
    { cellWidth: 62, labelWidth: 70 },
  );
  return heatView(h, (r, c, v) => {
    const rowTotal = values[r]!.reduce((a, x) => a + x, 0);
    const from0 = stageName(FROM_STAGES[r]!, lang);
    const to1 = stageName(STAGES[c]!, lang);
    return {
      main: fmtInt(v),
      sub: v === 0 ? '' : share(v, rowTotal),
      title: m(lang, 'rp.c.migTitle', { from: `${from0} ${from}`, to: `${to1} ${to}`, n: fmtInt(v), share: share(v, rowTotal) }),
    };
  });
}

const wholeYuan = (fen: number) => fmtInt(divRoundHalfUp(fen, 100));

/** R (rows, 5 = most recent, on top) × F (columns, 1 … 5): members and their average M per cell. */
export function rfmHeat(cells: readonly (readonly RfmCell[])[], lang: Lang): HeatChartView {
  const values = cells.map((row) => row.map((c) => c.members));
  const h = heatmap(
    values,
    cells.map((row) => `R${row[0]!.r}`),
    [1, 2, 3, 4, 5].map((f) => `F${f}`),
    { cellWidth: 64, labelWidth: 40, cellHeight: 46 },
  );
  return heatView(h, (r, c, v) => {
    const cell = cells[r]![c]!;
    const avg = cell.avgSpendFen === null ? '–' : `¥${wholeYuan(cell.avgSpendFen)}`;
    return {
      main: fmtInt(v),
      sub: cell.avgSpendFen === null ? '' : m(lang, 'rp.c.avg', { v: wholeYuan(cell.avgSpendFen) }),
      title: m(lang, 'rp.c.rfmTitle', { r: cell.r, f: cell.f, n: fmtInt(v), avg }),
    };
  });
}
