/**
 * Business dates are local calendar dates in China time (UTC+8, no DST), as `YYYY-MM-DD` strings.
 * Timestamps are stored as ISO-8601 with the +08:00 offset, which sorts correctly as text.
 * Day arithmetic goes through day numbers built with Date.UTC; nothing here reads the clock.
 * This file holds days: the year bound, day numbers, the one UTC+8 conversion, and parsing of dates and
 * timestamps. Months, ISO weeks and KPI periods (`last-month`, `last-week`) are in calendar.ts.
 */
import type { ParseResult } from './money.js';

export const BUSINESS_OFFSET_MINUTES = 8 * 60;
const OFFSET_TEXT = '+08:00';
const MS_PER_DAY = 86_400_000;

export interface LocalDateTime {
  /** `YYYY-MM-DD` local business date. */
  date: string;
  /** `YYYY-MM-DDTHH:MM:SS+08:00`. */
  at: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The years a date, month, week or period may fall in, everywhere (a typo like 20026 or 1026 is refused). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

export function validYear(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validYmd(y: number, m: number, d: number): boolean {
  if (!validYear(y) || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!);
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number): LocalDateTime | null {
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  const date = `${y}-${pad2(mo)}-${pad2(d)}`;
  return { date, at: `${date}T${pad2(h)}:${pad2(mi)}:${pad2(s)}${OFFSET_TEXT}` };
}

// Accepted shapes, in order. Day/month-first numeric dates (3/11/2026) are refused as ambiguous.
const YMD_TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const CN = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2})秒?)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:\s*(\d{2}):?(\d{2}):?(\d{2})?)?$/;
const AMBIGUOUS = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}/;

let lastRaw = '';
let lastResult: ParseResult<LocalDateTime> = { ok: false, reason: 'empty date' };

/**
 * Parse a timestamp or date as written in exports into local business time.
 * Exports repeat the same time on every line of an order: the last answer is remembered.
 */
export function parseDateTime(raw: string): ParseResult<LocalDateTime> {
  if (raw === lastRaw) return lastResult;
  const result = parseIsoSpaceFast(raw) ?? parseDateTimeUncached(raw);
  lastRaw = raw;
  lastResult = result;
  return result;
}

const digitsAt = (s: string, from: number, to: number): number => {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
};

/** The shape most exports use, `YYYY-MM-DD HH:MM:SS`, checked character by character; null otherwise. */
function parseIsoSpaceFast(raw: string): ParseResult<LocalDateTime> | null {
  if (raw.length !== 19 || raw[4] !== '-' || raw[7] !== '-' || raw[10] !== ' ' || raw[13] !== ':' || raw[16] !== ':') return null;
  const y = digitsAt(raw, 0, 4),
    mo = digitsAt(raw, 5, 7),
    d = digitsAt(raw, 8, 10);
  const h = digitsAt(raw, 11, 13),
    mi = digitsAt(raw, 14, 16),
    s = digitsAt(raw, 17, 19);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0) return null;
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || s > 59) return null; // the general path words the error
  const date = raw.slice(0, 10);
  return { ok: true, value: { date, at: `${date}T${raw.slice(11)}${OFFSET_TEXT}` } };
}

function parseDateTimeUncached(raw: string): ParseResult<LocalDateTime> {
  const s = raw.trim();
  if (s === '') return { ok: false, reason: 'empty date' };
  const m = YMD_TIME.exec(s) ?? CN.exec(s) ?? COMPACT.exec(s);
  if (!m) {
    if (AMBIGUOUS.test(s)) {
      return { ok: false, reason: `ambiguous date "${raw}": day/month order unknown; export dates as YYYY-MM-DD` };
    }
    return { ok: false, reason: `unrecognised date "${raw}"` };
  }
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m![i] ?? 0)) as [number, number, number, number, number, number];
  const zone = m === null ? undefined : m[7];
  let result: LocalDateTime | null;
  if (zone !== undefined && m[4] !== undefined) {
    result = shiftToBusiness(y, mo, d, h, mi, sec, zone);
  } else {
    result = build(y, mo, d, h, mi, sec);
  }
  return result ? { ok: true, value: result } : { ok: false, reason: `invalid date "${raw}"` };
}

function shiftToBusiness(y: number, mo: number, d: number, h: number, mi: number, s: number, zone: string) {
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  let offsetMin = 0;
  if (zone !== 'Z') {
    const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (!zm) return null;
    offsetMin = (zm[1] === '-' ? -1 : 1) * (Number(zm[2]) * 60 + Number(zm[3]));
  }
  const local = businessClock(Date.UTC(y, mo - 1, d, h, mi, s) - offsetMin * 60_000);
  return build(
    local.getUTCFullYear(),
    local.getUTCMonth() + 1,
    local.getUTCDate(),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
  );
}

/** Parse a strict `YYYY-MM-DD` (flags, config). */
export function parseIsoDate(raw: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  if (!m) return null;
  return validYmd(Number(m[1]), Number(m[2]), Number(m[3])) ? raw.trim() : null;
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function fromDayNumber(n: number): string {
  const dt = new Date(n * MS_PER_DAY);
  return `${dt.getUTCFullYear()}-${pad2(dt.getUTCMonth() + 1)}-${pad2(dt.getUTCDate())}`;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The China wall clock of an instant, to be read with the getUTC* methods: the one place the UTC+8 offset is applied. */
function businessClock(instantMs: number): Date {
  return new Date(instantMs + BUSINESS_OFFSET_MINUTES * 60_000);
}

/** Business date and time of an instant (the caller passes the instant, e.g. `Date.parse(ctx.nowIso)`). */
export function businessDateTime(instantMs: number): LocalDateTime {
  const t = businessClock(instantMs);
  const date = `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
  return { date, at: `${date}T${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())}${OFFSET_TEXT}` };
}

/** Today's business date for an instant (the caller passes the instant). */
export function businessDate(instantMs: number): string {
  return businessDateTime(instantMs).date;
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(date: string): number {
  const dow = ((dayNumber(date) % 7) + 7 + 3) % 7; // 1970-01-01 was a Thursday
  return dow + 1;
}
