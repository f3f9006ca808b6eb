/**
 * Money is integer fen (分) everywhere after parsing. Rates are integer basis points.
 * Parsing splits digits; it never multiplies a float by 100 (0.29 * 100 !== 29).
 */

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const MONEY_RE = /^([+-])?(\d+)(?:\.(\d*))?$/;

function assertSafe(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} is not a safe integer: ${n}`);
  return n;
}

/** Strip currency signs, thousands separators, spaces and a trailing 元. */
export function cleanMoneyText(raw: string): string {
  let s = raw.trim().replace(/\s/g, '');
  s = s.replace(/(元|RMB|CNY)$/i, '');
  s = s.replace(/^([+-]?)[¥￥]/, '$1').replace(/^[¥￥]([+-]?)/, '$1');
  // accounting negatives: (12.30), ¥(12.30), (¥12.30), (12.30元)
  if (/^\(.*\)$/.test(s))
    s =
      '-' +
      s
        .slice(1, -1)
        .replace(/(元|RMB|CNY)$/i, '')
        .replace(/^[¥￥]/, '');
  // Thousands separators only in groups of three: a decimal comma (`12,34`) stays invalid, never 1234.
  if (/^[+-]?\d{1,3}(?:[,，]\d{3})+(?:\.\d*)?$/.test(s)) s = s.replace(/[,，]/g, '');
  return s;
}

/**
 * Parse a decimal with up to `scale` fraction digits into an integer of 10^-scale units.
 * `parseScaled("12.3", 2)` is 1230.
 */
const PLAIN_RE = /^-?\d+(?:\.\d*)?$/;

/**
 * The common case of an export cell, `-?digits[.digits]` with at most `scale` decimals and at most
 * 15 digits, read digit by digit without a regular expression; null for anything else.
 */
function parsePlainFast(raw: string, scale: number): number | null {
  const n = raw.length;
  let i = raw.charCodeAt(0) === 45 ? 1 : 0; // '-'
  if (i >= n || n > 17) return null;
  let units = 0;
  let decimals = -1;
  let intDigits = 0;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      units = units * 10 + (c - 48);
      if (decimals < 0) intDigits++;
      else if (++decimals > scale) return null;
    } else if (c === 46 && decimals < 0 && intDigits > 0)
      decimals = 0; // '.' after at least one digit
    else return null;
  }
  if (intDigits === 0) return null;
  for (let d = Math.max(decimals, 0); d < scale; d++) units *= 10;
  if (!Number.isSafeInteger(units)) return null; // the general path says "too large"
  return raw.charCodeAt(0) === 45 ? -units || 0 : units;
}

export function parseScaled(raw: string, scale: number): ParseResult<number> {
  const fast = parsePlainFast(raw, scale);
  if (fast !== null) return { ok: true, value: fast };
  const s = PLAIN_RE.test(raw) ? raw : cleanMoneyText(raw);
  const m = MONEY_RE.exec(s);
  if (!m || m[2] === undefined) return { ok: false, reason: `not a number: "${raw}"` };
  const frac = m[3] ?? '';
  if (frac.length > scale) return { ok: false, reason: `more than ${scale} decimals: "${raw}"` };
  const units = Number(m[2] + frac.padEnd(scale, '0'));
  if (!Number.isSafeInteger(units)) return { ok: false, reason: `amount too large: "${raw}"` };
  return { ok: true, value: m[1] === '-' ? -units + 0 : units }; // + 0: `-0.00`, `(0.00)` are 0, never -0
}

/** Parse a yuan amount (`12.3`, `¥12.30`, `￥1,234.50`, `12.3元`) into fen. */
export function parseFen(raw: string): ParseResult<number> {
  return parseScaled(raw, 2);
}

/** Format fen as a plain yuan decimal: 1230 -> "12.30", -5 -> "-0.05". */
export function formatFen(fen: number): string {
  assertSafe(fen, 'fen');
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const cents = abs % 100;
  return `${sign}${yuan}.${String(cents).padStart(2, '0')}`;
}

/** Format fen for people: 123450 -> "¥1,234.50". */
export function formatYuan(fen: number): string {
  const plain = formatFen(fen);
  const neg = plain.startsWith('-');
  const [int = '0', dec = '00'] = (neg ? plain.slice(1) : plain).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}¥${grouped}.${dec}`;
}

/** Divide and round half away from zero (half-up on the magnitude), integers only. */
export function divRoundHalfUp(numerator: number, denominator: number): number {
  if (denominator === 0) throw new RangeError('division by zero');
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const q = Math.floor(n / d);
  const r = n - q * d;
  return sign * (2 * r >= d ? q + 1 : q) + 0; // + 0: never -0 (it prints as "-0" in toLocaleString)
}

/** fen × rate (basis points), rounded half-up to the fen. The one rounding helper for commissions. */
export function applyBp(fen: number, rateBp: number): number {
  assertSafe(fen, 'fen');
  assertSafe(rateBp, 'rateBp');
  const product = fen * rateBp;
  if (Number.isSafeInteger(product)) return divRoundHalfUp(product, 10_000);
  const big = BigInt(fen) * BigInt(rateBp);
  const sign = big < 0n ? -1n : 1n;
  const abs = big < 0n ? -big : big;
  const q = abs / 10_000n;
  const r = abs % 10_000n;
  return Number(sign * (2n * r >= 10_000n ? q + 1n : q));
}
