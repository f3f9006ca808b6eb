/**
 * Spreadsheet cells -> the text a CSV export of the same sheet would hold, so that a workbook goes
 * through exactly the CSV rules (header search, aliases, dates, money). Pure: no I/O.
 *
 * - Numbers lose binary artefacts: at most 15 significant digits, as Excel shows them
 *   (`12.300000000000001` -> `12.3`, `0.1+0.2` -> `0.3`); whole numbers keep every digit
 *   (`13812345678`, never `1.38E+10`).
 * - Money columns are rounded half-up to 2 decimals from that decimal text (never truncated):
 *   `1.005` -> `1.01`.
 * - Date cells (a number with a date or time number format) become `YYYY-MM-DD HH:MM:SS` from the
 *   serial number as it stands: no time zone is applied (a cell showing 2026-10-31 20:15 is 20:15
 *   China time). Both the 1900 system (with Lotus's 1900-02-29, serial 60) and the 1904 system.
 */

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, plus the zh-CN ones 27–36, 50–58). */
const BUILTIN_DATE_FORMATS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a number format code shows a date or a time (`yyyy/m/d h:mm`, `[$-804]aaaa`, `h:mm:ss`, `mm-dd`). */
export function isDateFormatCode(code: string): boolean {
  const first = code.split(';')[0] ?? '';
  const bare = first
    .replace(/"[^"]*"/g, '') // quoted text
    .replace(/\\./g, '') // escaped characters
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '') // [Red], [$-804], but not elapsed [h] [mm] [ss]
    .replace(/_.|\*./g, ''); // padding
  if (/general/i.test(bare)) return false;
  return /[ymdhsae]/i.test(bare.replace(/[eE][+-]/g, '')); // 0.00E+00 is scientific, not a date
}

/** Whether a cell of this built-in format id, or of this format code, is a date. */
export function isDateFormat(numFmtId: number, code: string | undefined): boolean {
  if (code !== undefined) return isDateFormatCode(code);
  return BUILTIN_DATE_FORMATS.has(numFmtId);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * An Excel serial date as `YYYY-MM-DD HH:MM:SS` (or `HH:MM:SS` for a time of day without a date),
 * rounded to the second. 1900 system: serial 1 is 1900-01-01 and serial 60 is the 1900-02-29 that
 * Lotus 1-2-3 invented (a date the CSV rules then refuse); 1904 system: serial 0 is 1904-01-01.
 */
export function serialToText(serial: number, date1904: boolean, timeOnly = false): string {
  let seconds = Math.round(serial * 86_400);
  let days = Math.floor(seconds / 86_400);
  seconds -= days * 86_400;
  const time = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor((seconds % 3600) / 60))}:${pad2(seconds % 60)}`;
  if (timeOnly && days === 0) return time;
  const key = date1904 ? -days - 1 : days;
  if (key === lastDay) return `${lastDate} ${time}`; // rows of an export share their day
  let date: string;
  if (date1904) date = ymd(Date.UTC(1904, 0, 1) + days * 86_400_000);
  else if (days === 60) date = '1900-02-29';
  else {
    if (days < 60) days += 1; // before the phantom day every serial is one day later than it counts
    date = ymd(Date.UTC(1899, 11, 30) + days * 86_400_000);
  }
  lastDay = key;
  lastDate = date;
  return `${date} ${time}`;
}

/** The last day turned into a date (1904 days as -days - 1), and its text. */
let lastDay = Number.NaN;
let lastDate = '';

function ymd(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** `2026-10-31T20:15:00.000Z` (an ISO date cell, `t="d"`) as `2026-10-31 20:15:00`, with no zone shift. */
export function isoCellToText(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2})?)?/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2] ?? '00:00'}${m[3] ?? ':00'}`;
}

/** A number as the decimal Excel shows at most: 15 significant digits, no exponent, no trailing zeros. */
export function numberToText(n: number, format?: string): string {
  if (!Number.isFinite(n)) return String(n);
  // The shortest text that reads back as n is right for whole numbers (every digit kept) and for
  // decimals of at most 15 digits (16 characters with the point); others are rounded to 15 digits.
  let s = String(n);
  const shown = (Number.isInteger(n) && Math.abs(n) < 1e21) || (s.length <= 16 && !s.includes('e'));
  if (!shown) {
    const rounded = Number(n.toPrecision(15));
    s = String(rounded);
    if (s.includes('e')) s = plainDecimal(rounded);
  }
  // A whole number shown with a format of zeros (`000000`) keeps the zeros it shows (postcodes, ids).
  if (format && /^0+$/.test(format) && /^\d+$/.test(s) && s.length < format.length) s = s.padStart(format.length, '0');
  return s === '-0' ? '0' : s;
}

/**
 * Whether the text of a number cell (`<v>`) is already what numberToText gives for its number: a
 * plain decimal (no sign but `-`, no exponent, no leading or trailing zeros) of at most 15
 * significant digits, at least 0.000001 in size. Such a decimal is the shortest text that reads back
 * as its number, so the number need not be parsed and printed again.
 */
function isShownNumber(v: string): boolean {
  const len = v.length;
  let i = v.charCodeAt(0) === 45 ? 1 : 0; // '-'
  if (i >= len) return false;
  let digits = 0; // significant digits
  let c = v.charCodeAt(i);
  if (c === 48) {
    // '0' or '0.…'
    i++;
    if (i === len) return i === 1; // '-0' reads as 0
    if (v.charCodeAt(i) !== 46) return false;
    i++;
    let zeros = 0;
    while (i < len && v.charCodeAt(i) === 48) i++, zeros++;
    if (zeros > 5 || i === len) return false; // below 0.000001 the number prints with an exponent
  } else {
    if (c < 49 || c > 57) return false;
    while (i < len && (c = v.charCodeAt(i)) >= 48 && c <= 57) i++, digits++;
    if (i === len) return digits <= 15;
    if (c !== 46 || i === len - 1) return false;
    i++;
  }
  for (; i < len; i++) {
    c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    digits++;
  }
  return digits <= 15 && v.charCodeAt(len - 1) !== 48;
}

/** numberToText of a number cell's text (`<v>`); '' when it is not a number. */
export function numberCellText(v: string, format?: string): string {
  if (!format && isShownNumber(v)) return v;
  const n = Number(v);
  return Number.isNaN(n) ? '' : numberToText(n, format);
}

/** moneyToText of a number cell's text (`<v>`); '' when it is not a number. */
export function moneyCellText(v: string): string {
  const dot = v.indexOf('.');
  if ((dot < 0 || v.length - dot <= 3) && isShownNumber(v)) return v;
  const n = Number(v);
  return Number.isNaN(n) ? '' : moneyToText(n);
}

function plainDecimal(n: number): string {
  const [mant = '0', expText = '0'] = n.toExponential().split('e');
  const exp = Number(expText);
  const neg = mant.startsWith('-');
  const digits = mant.replace(/[-.]/g, '');
  const point = 1 + exp; // position of the decimal point in `digits`
  const body =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (neg ? '-' : '') + body;
}

/** A money number as text with at most 2 decimals, rounded half-up (on the magnitude) from its decimal text. */
export function moneyToText(n: number): string {
  const s = numberToText(n);
  const dot = s.indexOf('.');
  if (dot < 0 || s.length - dot <= 3) return s; // at most 2 decimals already
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return s;
  const frac = m[3] ?? '';
  if (frac.length <= 2) return s;
  let units = BigInt(m[2]! + frac.slice(0, 2));
  if (frac.charCodeAt(2) >= 53) units += 1n; // third decimal 5..9: round up
  const t = units.toString().padStart(3, '0');
  const text = `${t.slice(0, -2)}.${t.slice(-2)}`.replace(/\.?0+$/, '');
  return units === 0n ? '0' : `${m[1]}${text}`;
}

/** `_x000D_` escapes (OOXML ST_Xstring) decoded; `_x005F_` is a literal underscore. */
export function unescapeXstring(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** `H` + 17 for column index 7 (0-based) and row 17: the cell reference a user finds in the sheet. */
export function cellRef(column: number, row: number): string {
  let name = '';
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return `${name}${row}`;
}

/** 0-based column index of a reference like `AB12` (its letters); -1 when there are none. */
export function columnIndex(ref: string): number {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 32; // lower case
    if (code < 97 || code > 122) break;
    c = c * 26 + (code - 96);
  }
  return i === 0 ? -1 : c - 1;
}

/** A sheet name quoted as in a formula when it needs it: `'Sheet 1'!H17`. */
export function sheetCell(sheet: string, column: number, row: number): string {
  const name = /^[A-Za-z0-9_\u0080-\uFFFF]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${cellRef(column, row)}`;
}
