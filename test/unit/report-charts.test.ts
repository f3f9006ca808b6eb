/** Chart geometry of the HTML report (core/report/charts.ts) on hand-made inputs, plus invariants over seeded random bars. */
import { describe, expect, it } from 'vitest';
import { fitText, heatLevel, heatmap, intWidth, stackedBars, textWidth } from '../../src/core/report/charts.js';
import { mulberry32 } from '../helpers/prng.js';

describe('text widths', () => {
  it.each([
    ['abc', 12, 21.6],
    ['阳光花园', 12, 48],
    ['L001 阳光花园', 10, 4 * 6 + 3 + 40],
    ['', 12, 0],
  ])('textWidth(%j, %d) = %d', (text, size, want) => {
    expect(textWidth(text, size)).toBeCloseTo(want, 6);
  });

  it('fitText keeps a text that fits and shortens one that does not, with …', () => {
    expect(fitText('L001', 40, 12)).toBe('L001');
    expect(fitText('重要价值客户', 72, 12)).toBe('重要价值客户');
    expect(fitText('重要价值客户', 71, 12)).toBe('重要价值…');
    expect(fitText('important development', 90, 12)).toBe('important d…');
    expect(textWidth(fitText('important development', 90, 12), 12)).toBeLessThanOrEqual(90);
  });

  it.each([
    [0, 1],
    [7, 1],
    [999, 3],
    [1000, 5],
    [1234567, 9],
    [-12, 3],
  ])('intWidth(%d) is %d characters of 0.6 em', (n, chars) => {
    expect(intWidth(n, 10)).toBeCloseTo(chars * 6, 6);
  });
});

describe('stackedBars', () => {
  const layout = { width: 200, labelWidth: 40, valueWidth: 20, barHeight: 22, gap: 8, pad: 4, fontSize: 12 };

  it('scales every row to the largest total and places segments from cumulative sums', () => {
    const c = stackedBars(
      [
        { label: 'A', values: [1, 2, 0, 1] },
        { label: 'B', values: [2, 0, 0, 0] },
      ],
      layout,
    );
    expect(c).toMatchObject({ width: 200, height: 60, labelWidth: 40 });
    const [a, b] = c.rows;
    expect(a!.segments.map((s) => [s.series, s.value, s.x, s.width])).toEqual([
      [0, 1, 40, 35],
      [1, 2, 75, 70],
      [3, 1, 145, 35],
    ]);
    expect(a).toMatchObject({ label: 'A', y: 4, textY: 19.2, total: 4, totalX: 184 });
    expect(b!.segments.map((s) => [s.series, s.x, s.width])).toEqual([[0, 40, 70]]);
    expect(b).toMatchObject({ y: 34, total: 2, totalX: 114 });
  });

  it('prints a value inside its segment only when the digits fit', () => {
    const c = stackedBars([{ label: 'A', values: [1000, 1] }], { ...layout, width: 100, valueWidth: 0 });
    // area 60: 1000 gets 59.9 (needs 5 × 7.2 + 4 = 40), 1 gets 0.1 (needs 11.2)
    expect(c.rows[0]!.segments.map((s) => s.showValue)).toEqual([true, false]);
  });

  it('no rows, or only zeros, draw no segment', () => {
    expect(stackedBars([], layout)).toMatchObject({ height: 8, rows: [] });
    const zero = stackedBars([{ label: 'Z', values: [0, 0] }], layout);
    expect(zero.rows[0]).toMatchObject({ total: 0, totalX: 44, segments: [] });
  });

  it('a negative value is an error', () => {
    expect(() => stackedBars([{ label: 'A', values: [1, -1] }])).toThrow(RangeError);
  });

  it('shortens long labels to the label column', () => {
    const c = stackedBars([{ label: 'L001 一个特别长的小区名字', values: [1] }], { labelWidth: 80 });
    expect(c.rows[0]!.label.endsWith('…')).toBe(true);
    expect(textWidth(c.rows[0]!.label, 12)).toBeLessThanOrEqual(74);
  });

  it('invariants: segments touch, stay inside the bar area, and the largest row fills it', () => {
    const rnd = mulberry32(7);
    for (let run = 0; run < 200; run++) {
      const rows = Array.from({ length: 1 + Math.floor(rnd() * 6) }, (_, i) => ({
        label: `L${i}`,
        values: Array.from({ length: 5 }, () => (rnd() < 0.3 ? 0 : Math.floor(rnd() * 500))),
      }));
      const c = stackedBars(rows);
      const max = Math.max(...rows.map((r) => r.values.reduce((a, v) => a + v, 0)));
      for (const r of c.rows) {
        let x = 96;
        for (const s of r.segments) {
          expect(s.width).toBeGreaterThanOrEqual(0);
          expect(s.x).toBeGreaterThanOrEqual(x - 0.1);
          x = s.x + s.width;
        }
        expect(x).toBeLessThanOrEqual(96 + 252 + 0.1);
        if (max > 0 && r.total === max) expect(r.totalX).toBeCloseTo(96 + 252 + 4, 6);
      }
    }
  });
});

describe('heatmap', () => {
  it.each([
    [0, 10, 0],
    [10, 10, 5],
    [1, 10, 1],
    [2, 10, 1],
    [3, 10, 2],
    [5, 10, 3],
    [9, 10, 5],
    [4, 0, 0],
  ])('heatLevel(%d of max %d) = %d', (v, max, level) => {
    expect(heatLevel(v, max, 6)).toBe(level);
  });

  it('places cells in a grid under the column labels and right of the row labels', () => {
    const h = heatmap(
      [
        [0, 1, 2],
        [3, 4, 10],
      ],
      ['r1', 'r2'],
      ['a', 'b', 'c'],
    );
    expect(h).toMatchObject({ width: 72 + 3 * 64, height: 26 + 2 * 44 });
    expect(h.columns.map((c) => c.cx)).toEqual([104, 168, 232]);
    expect(h.rows.map((r) => [r.label, r.x, r.cy])).toEqual([
      ['r1', 64, 48],
      ['r2', 64, 92],
    ]);
    expect(h.rows[1]!.cells[2]).toEqual({ row: 1, col: 2, value: 10, level: 5, x: 201, y: 71, width: 62, height: 42, cx: 232, cy: 92 });
    expect(h.rows[0]!.cells.map((c) => c.level)).toEqual([0, 1, 1]);
  });

  it('labels that do not match the values are an error', () => {
    expect(() => heatmap([[1, 2]], ['r'], ['a'])).toThrow(/do not match/);
    expect(() => heatmap([[1], [2]], ['r'], ['a'])).toThrow(/do not match/);
  });
});
