/**
 * Text from an export (member ids, names, products, categories, leader ids, rejected raw text, reasons) cleaned
 * for people: a terminal must not obey an escape sequence hidden in a member id, and a table, a CSV opened in
 * Excel or WPS, or a report must not be reordered by a bidi control (U+202E shows `abc` as `cba`).
 *
 * Where: at the few output choke points, never in the database: render/table.ts (table cells, key/value blocks,
 * CSV cells, and JSON, which keeps every character but writes the bidi controls as `\uXXXX` escapes),
 * the rendered output of every template (adapters/templates.ts: plan, kit, script, report) and the values put
 * into messages (i18n.ts). Pure.
 */

/** The replacement shown for a control or bidi character: U+FFFD, one column wide. */
export const PLACEHOLDER = '\uFFFD';

/**
 * C0 controls but tab, line feed and carriage return; DEL and the C1 controls; the bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), the marks U+200E, U+200F and U+061C, and the line and paragraph
 * separators U+2028, U+2029 (a terminal or an editor breaks a line there).
 */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** A carriage return that does not end a line moves the cursor back over what was printed. */
const LONE_CR = /\r(?!\n)/g;
/** Tab, line feed and carriage return: a space in a one-line field (a table cell, a message value). */
const LINE_BREAKS = /\r\n|[\t\n\r]/g;

export interface CleanOptions {
  /** keep tab, line feed and CR LF (a whole document, a CSV cell); default false: one line, each becomes a space */
  lines?: boolean;
}

/**
 * `text` with every control and bidi character replaced by `�` (ESC of an ANSI sequence, NUL, U+202E, …).
 * Line breaks and tabs become spaces unless `lines` (then only a lone CR is replaced). Printable text, CJK,
 * emoji and combining marks are kept as they are.
 */
export function cleanForPeople(text: string, o: CleanOptions = {}): string {
  const s = o.lines ? text.replace(LONE_CR, PLACEHOLDER) : text.replace(LINE_BREAKS, ' ');
  return s.replace(UNSAFE, PLACEHOLDER);
}

/** The bidi controls and the line separators, which JSON.stringify writes as they are. */
const JSON_UNSAFE = /[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with the bidi controls and line separators written as `\uXXXX` escapes: the same JSON value (every
 * character is kept), but a viewer cannot reorder the text. JSON.stringify already escapes the C0 controls;
 * the only place these characters can stand in JSON text is inside a string, where an escape means the same.
 */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A spreadsheet formula at the start of a cell: `=`, `+`, `-`, `@`, tab or CR (OWASP), and their full-width forms
 * `＝`, `＋`, `－`, `＠` (U+FF1D, U+FF0B, U+FF0D, U+FF20), which WPS reads as formulas too. Leading spaces do not hide one.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A plain signed number (`-12.5`, `+3`) is data, not a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** A CSV cell a spreadsheet could run as a formula gets a leading `'` (shown as text); numbers are left alone. */
export function neutraliseFormula(v: string): string {
  return FORMULA_START.test(v) && !PLAIN_NUMBER.test(v) ? `'${v}` : v;
}
