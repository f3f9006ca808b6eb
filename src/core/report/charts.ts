/**
 * Chart geometry for the HTML report: pure functions from numbers to coordinates in a viewBox.
 * Templates draw the SVG from these shapes (templates/<lang>/_report-bars.hbs, _report-heat.hbs, via
 * render/report-charts.ts); colours are CSS classes (_report-style.hbs), so this module knows nothing
 * about markup, colours or language. Coordinates are rounded
 * to 0.1 unit so the output is stable (golden-friendly) and small.
 */

/** Horizontal bars, stacked by series; one row per label. */
export interface BarLayout {
  /** viewBox width @default 400 */
  width: number;
  /** left column for the row labels @default 96 */
  labelWidth: number;
  /** right column for the row totals @default 52 */
  valueWidth: number;
  /** @default 22 */
  barHeight: number;
  /** between rows @default 8 */
  gap: number;
  /** margin above the first and below the last row @default 4 */
  pad: number;
  /** @default 12 */
  fontSize: number;
}

export const BAR_LAYOUT: Readonly<BarLayout> = { width: 400, labelWidth: 96, valueWidth: 52, barHeight: 22, gap: 8, pad: 4, fontSize: 12 };

export interface BarSegment {
  /** index of the value in the row's `values` (the series) */
  series: number;
  value: number;
  x: number;
  width: number;
  /** the value is printed inside the segment only when its digits fit */
  showValue: boolean;
  /** centre of the segment, for the value text */
  cx: number;
}

export interface BarRow {
  /** the label, shortened with … to fit the label column */
  label: string;
  y: number;
  /** baseline of the row's texts */
  textY: number;
  total: number;
  /** where the total is written, just right of the bar */
  totalX: number;
  /** segments with a value above zero, left to right */
  segments: BarSegment[];
}

export interface BarChart {
  width: number;
  height: number;
  labelWidth: number;
  barHeight: number;
  fontSize: number;
  rows: BarRow[];
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Width of one character in em: CJK, full-width forms and … (full width in CJK fonts) are square, the rest about 0.6 em. */
function charEm(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp >= 0x2e80 || ch === '…' ? 1 : ch === ' ' ? 0.3 : 0.6;
}

/** Estimated width of a text at a font size (no font metrics offline: an estimate that errs wide). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize;
}

/** The text, or its longest prefix that fits `maxWidth` followed by …. */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(chars.join('') + '…', fontSize) > maxWidth) chars.pop();
  return chars.join('').trimEnd() + '…';
}

/** Width of an integer printed with thousands separators (1,234). */
export function intWidth(n: number, fontSize: number): number {
  const digits = String(Math.abs(Math.trunc(n))).length;
  return (digits + Math.floor((digits - 1) / 3) + (n < 0 ? 1 : 0)) * 0.6 * fontSize;
}

/**
 * Stacked horizontal bars: every row's bar is scaled to the largest row total, so rows compare by
 * size; segments are placed from cumulative sums, so they never drift apart by rounding.
 */
export function stackedBars(rows: readonly { label: string; values: readonly number[] }[], layout: Partial<BarLayout> = {}): BarChart {
  const l = { ...BAR_LAYOUT, ...layout };
  const area = l.width - l.labelWidth - l.valueWidth;
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, v) => a + v, 0)));
  const out = rows.map((row, i): BarRow => {
    const y = l.pad + i * (l.barHeight + l.gap);
    const segments: BarSegment[] = [];
    let cum = 0;
    row.values.forEach((value, series) => {
      if (value < 0) throw new RangeError(`bar values must not be negative: ${value}`);
      const x0 = r1(l.labelWidth + (cum / max) * area);
      cum += value;
      const x1 = r1(l.labelWidth + (cum / max) * area);
      if (value === 0) return;
      const width = r1(x1 - x0);
      segments.push({ series, value, x: x0, width, showValue: width >= intWidth(value, l.fontSize) + 4, cx: r1(x0 + width / 2) });
    });
    const end = r1(l.labelWidth + (cum / max) * area);
    return {
      label: fitText(row.label, l.labelWidth - 6, l.fontSize),
      y,
      textY: r1(y + l.barHeight / 2 + l.fontSize * 0.35),
      total: cum,
      totalX: r1(end + 4),
      segments,
    };
  });
  const height = rows.length === 0 ? 2 * l.pad : 2 * l.pad + rows.length * (l.barHeight + l.gap) - l.gap;
  return { width: l.width, height, labelWidth: l.labelWidth, barHeight: l.barHeight, fontSize: l.fontSize, rows: out };
}

/** A grid of cells coloured by count; row labels on the left, column labels on top. */
export interface HeatLayout {
  /** @default 72 */
  labelWidth: number;
  /** @default 26 */
  headHeight: number;
  /** @default 64 */
  cellWidth: number;
  /** @default 44 */
  cellHeight: number;
  /** white space between cells @default 2 */
  gap: number;
  /** @default 12 */
  fontSize: number;
  /** colour steps including the empty one (level 0) @default 6 */
  levels: number;
}

export const HEAT_LAYOUT: Readonly<HeatLayout> = {
  labelWidth: 72,
  headHeight: 26,
  cellWidth: 64,
  cellHeight: 44,
  gap: 2,
  fontSize: 12,
  levels: 6,
};

export interface HeatCell {
  row: number;
  col: number;
  value: number;
  /** 0 for an empty cell, else 1 … levels−1 by the share of the largest value */
  level: number;
  x: number;
  y: number;
  width: number;
  height: number;
  cx: number;
  cy: number;
}

export interface Heatmap {
  width: number;
  height: number;
  fontSize: number;
  columns: { label: string; cx: number; y: number }[];
  rows: { label: string; x: number; cy: number; cells: HeatCell[] }[];
}

/** 0 for 0; otherwise ceil(value / max × (levels − 1)), so the largest value is the darkest step. */
export function heatLevel(value: number, max: number, levels: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(levels - 1, Math.max(1, Math.ceil((value * (levels - 1)) / max)));
}

export function heatmap(
  values: readonly (readonly number[])[],
  rowLabels: readonly string[],
  colLabels: readonly string[],
  layout: Partial<HeatLayout> = {},
): Heatmap {
  const l = { ...HEAT_LAYOUT, ...layout };
  if (values.length !== rowLabels.length || values.some((r) => r.length !== colLabels.length)) {
    throw new RangeError(`heatmap: ${values.length} rows × ${values[0]?.length ?? 0} columns do not match the labels`);
  }
  const max = Math.max(0, ...values.flat());
  const columns = colLabels.map((label, c) => ({
    label: fitText(label, l.cellWidth - 4, l.fontSize),
    cx: r1(l.labelWidth + (c + 0.5) * l.cellWidth),
    y: r1(l.headHeight - 8),
  }));
  const rows = values.map((vals, r) => {
    const y = l.headHeight + r * l.cellHeight;
    const cells = vals.map((value, c): HeatCell => {
      const x = l.labelWidth + c * l.cellWidth;
      return {
        row: r,
        col: c,
        value,
        level: heatLevel(value, max, l.levels),
        x: r1(x + l.gap / 2),
        y: r1(y + l.gap / 2),
        width: r1(l.cellWidth - l.gap),
        height: r1(l.cellHeight - l.gap),
        cx: r1(x + l.cellWidth / 2),
        cy: r1(y + l.cellHeight / 2),
      };
    });
    return { label: fitText(rowLabels[r]!, l.labelWidth - 8, l.fontSize), x: l.labelWidth - 8, cy: r1(y + l.cellHeight / 2), cells };
  });
  return {
    width: l.labelWidth + colLabels.length * l.cellWidth,
    height: l.headHeight + values.length * l.cellHeight,
    fontSize: l.fontSize,
    columns,
    rows,
  };
}
