/**
 * Tables for people (box-drawing borders, CJK-aware widths) and CSV/JSON for machines. Pure: returns strings.
 * The table layout is cli-table3's compact style, drawn here in one linear pass: cli-table3's cell layout
 * is quadratic in the number of rows (5,000 leaders took minutes), and no table of ours spans cells.
 * The choke point of every table, key/value block, CSV and JSON output: text from exports is cleaned here of
 * control and bidi characters (core/shared/clean.ts), CSV cells are neutralised, JSON escapes bidi controls.
 */
import { cleanForPeople, escapeJsonText, neutraliseFormula } from '../core/shared/index.js';
import type { Style } from './style.js';

export type Cell = string | number | null | undefined;

/**
 * A table; every cell is cleaned to one line without control or bidi characters. `paint` colours a cell after
 * it is cleaned (the only escape sequences a table holds are the style's own).
 */
export function renderTable(
  head: string[],
  rows: Cell[][],
  style: Style,
  align?: ('left' | 'right')[],
  paint?: (text: string, row: number, col: number) => string,
): string {
  const ncol = Math.max(head.length, ...rows.map((r) => r.length));
  const text = (c: Cell) => (c === null || c === undefined ? '' : cleanForPeople(String(c)));
  const body = rows.map((r, i) => Array.from({ length: ncol }, (_, j) => [paint ? paint(text(r[j]), i, j) : text(r[j])]));
  const top = Array.from({ length: ncol }, (_, j) => cleanForPeople(head[j] ?? '', { lines: true }).split('\n'));
  const widths = Array.from({ length: ncol }, () => 0);
  for (const r of [top, ...body]) {
    r.forEach((lines, j) => {
      for (const l of lines) widths[j] = Math.max(widths[j]!, displayWidth(l));
    });
  }
  const bar = (l: string, m: string, r: string) => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const draw = (cells: string[][], bold: boolean): string[] => {
    const height = Math.max(1, ...cells.map((c) => c.length));
    return Array.from({ length: height }, (_, k) => {
      const parts = cells.map((c, j) => {
        const t = c[k] ?? '';
        const gap = ' '.repeat(widths[j]! - displayWidth(t));
        const shown = bold && t !== '' ? style.bold(t) : t;
        return ` ${align?.[j] === 'right' ? gap + shown : shown + gap} `;
      });
      return `│${parts.join('│')}│`;
    });
  };
  const out = [bar('┌', '┬', '┐'), ...draw(top, true)];
  if (body.length) out.push(bar('├', '┼', '┤'), ...body.flatMap((r) => draw(r, false)));
  out.push(bar('└', '┴', '┘'));
  return out.join('\n') + '\n';
}

/** Key/value block: `label  value` lines, labels padded to the widest (CJK counts double). */
export function renderPairs(pairs: [string, Cell][]): string {
  const width = Math.max(...pairs.map(([k]) => displayWidth(k)));
  return pairs.map(([k, v]) => `${k}${' '.repeat(width - displayWidth(k))}  ${cleanForPeople(String(v ?? ''))}`).join('\n') + '\n';
}

/** Terminal columns of a string: East Asian wide characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(/\x1b\[[0-9;]*m/g, '')) {
    const cp = ch.codePointAt(0)!;
    w +=
      cp >= 0x1100 &&
      (cp <= 0x115f ||
        (cp >= 0x2e80 && cp <= 0xa4cf) ||
        (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6) ||
        (cp >= 0x20000 && cp <= 0x3fffd))
        ? 2
        : 1;
  }
  return w;
}

/**
 * A CSV cell for people opening it in Excel or WPS: control and bidi characters cleaned (line breaks kept, the
 * cell is quoted), and text a spreadsheet would execute (=, +, -, @, tab, CR, or full-width ＝ ＋ － ＠ at the
 * start) neutralised with a leading `'`. Numbers are left alone.
 */
export function csvSafe(v: string): string {
  return neutraliseFormula(cleanForPeople(v, { lines: true }));
}

export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : csvSafe(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(head: string[], rows: Cell[][]): string {
  return [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/**
 * CSV for a file a leader opens, fills in and brings back in Excel or WPS: a UTF-8 BOM (without it Excel on a
 * Chinese Windows reads the text as GBK) and CRLF line ends; cells as renderCsv.
 */
export function renderSheetCsv(head: string[], rows: Cell[][]): string {
  return '\uFEFF' + [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function renderJson(value: unknown): string {
  return escapeJsonText(JSON.stringify(value, null, 2)) + '\n';
}

export function fmtInt(n: number): string {
  return n.toLocaleString('en-US');
}
