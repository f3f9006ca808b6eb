/**
 * The calendar: months (`2026-10`), ISO weeks (`2026-W44`) and KPI periods (a month, a week, a range
 * `2026-10-01..2026-10-31`, or `last-month` / `last-week` relative to the as-of date), SPEC §6.
 * Dates are business dates (China time, `YYYY-MM-DD`); days, the year bound (MIN_YEAR..MAX_YEAR) and the
 * UTC+8 conversion are in dates.ts. Pure; nothing reads the clock.
 *
 * `last-month` and `last-week` mean one thing everywhere (the KPI period, the default commission and
 * leaders month, the report's month): the last calendar month (ISO week, Monday to Sunday) that is
 * complete at the END of the as-of date. So the as-of date's own month counts when the as-of date is its
 * last day (as of 2026-10-31, last-month is 2026-10; as of 2026-10-30 it is 2026-09), and its own week
 * counts when the as-of date is a Sunday.
 */
import { addDays, dayNumber, daysBetween, isoWeekday, MAX_YEAR, MIN_YEAR, parseIsoDate, validYear } from './dates.js';
import type { Text } from '../../i18n.js';

/** a value, or why there is none (in both languages: it reaches people as an error) */
type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Text };

const pad2 = (n: number) => String(n).padStart(2, '0');

// ---- months: `YYYY-MM` ----

const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** A strict `YYYY-MM` within the year bound, or null. */
export function parseMonth(raw: string): string | null {
  const m = MONTH_RE.exec(raw.trim());
  return m && validYear(Number(m[1])) && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? raw.trim() : null;
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function monthStart(month: string): string {
  return `${month}-01`;
}

export function addMonths(month: string, n: number): string {
  const idx = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  const y = Math.floor(idx / 12);
  return `${y}-${pad2(idx - y * 12 + 1)}`;
}

export function monthEnd(month: string): string {
  return addDays(monthStart(addMonths(month, 1)), -1);
}

/** Months from `from` to `to`, both included (empty when from > to). */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

// ---- ISO weeks (ISO 8601: weeks start on Monday; week 1 holds 4 January, i.e. the year's first Thursday) ----

export interface IsoWeek {
  /** `2026-W45` */
  code: string;
  /** the ISO week-numbering year: the year of the week's Thursday (2021-01-01 is in 2020-W53) */
  year: number;
  week: number;
  /** Monday */
  start: string;
  /** Sunday */
  end: string;
}

/** Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** Monday of ISO week 1 of `year`: the Monday of the week holding 4 January (so it may be in December). */
function week1Monday(year: number): string {
  return mondayOf(`${year}-01-04`);
}

/** Number of ISO weeks in a year (52 or 53). */
export function weeksInYear(year: number): number {
  return daysBetween(week1Monday(year), week1Monday(year + 1)) / 7;
}

function isoWeek(year: number, week: number): IsoWeek {
  const start = addDays(week1Monday(year), (week - 1) * 7);
  return { code: `${year}-W${pad2(week)}`, year, week, start, end: addDays(start, 6) };
}

/** The ISO week holding `date`. */
export function isoWeekOf(date: string): IsoWeek {
  const monday = mondayOf(date);
  const year = Number(addDays(monday, 3).slice(0, 4)); // the week belongs to the year of its Thursday
  return isoWeek(year, (dayNumber(monday) - dayNumber(week1Monday(year))) / 7 + 1);
}

const WEEK_RE = /^(\d{4})-?W(\d{1,2})$/i;

/** `YYYY-Www` (also `YYYYWww`, lower-case w): the week, or why it does not exist; null when not shaped like a week. */
function parseWeekCode(raw: string): Parsed<IsoWeek> | null {
  const m = WEEK_RE.exec(raw.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (!validYear(year))
    return {
      ok: false,
      reason: { zh: `"${raw}":年份应在 ${MIN_YEAR}–${MAX_YEAR} 之间`, en: `"${raw}": the year must be ${MIN_YEAR}–${MAX_YEAR}` },
    };
  if (week < 1 || week > weeksInYear(year))
    return {
      ok: false,
      reason: { zh: `"${raw}":${year} 年只有第 1–${weeksInYear(year)} 周`, en: `"${raw}": ${year} has ISO weeks 1–${weeksInYear(year)}` },
    };
  return { ok: true, value: isoWeek(year, week) };
}

/**
 * Parse `YYYY-Www` (also `YYYYWww`, lower-case w), `this` or `next` (relative to `asOf`).
 * Returns null for anything else, including week 53 of a 52-week year.
 */
export function parseWeek(raw: string, asOf: string): IsoWeek | null {
  const s = raw.trim().toLowerCase();
  if (s === 'this') return isoWeekOf(asOf);
  if (s === 'next') return isoWeekOf(addDays(asOf, 7));
  const r = parseWeekCode(s);
  return r?.ok ? r.value : null;
}

/** The seven dates of a week, Monday first. */
export function weekDates(w: IsoWeek): string[] {
  return [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(w.start, i));
}

// ---- periods: a period holds every order whose local date falls on or between its first and last day ----

export type PeriodKind = 'month' | 'week' | 'range';

export interface Period {
  /** canonical label: `2026-10`, `2026-W44` or `2026-10-01..2026-10-31` */
  label: string;
  kind: PeriodKind;
  /** first day, `YYYY-MM-DD` */
  start: string;
  /** last day, `YYYY-MM-DD` */
  end: string;
}

/** The period of a month `YYYY-MM`. */
export function monthPeriod(month: string): Period {
  return { label: month, kind: 'month', start: monthStart(month), end: monthEnd(month) };
}

export function weekPeriod(w: IsoWeek): Period {
  return { label: w.code, kind: 'week', start: w.start, end: w.end };
}

/**
 * `last-month`: the last calendar month complete at the end of `asOf` — asOf's own month when asOf is its
 * last day, else the month before (as of 2026-01-15 that is 2025-12). The one definition, for KPI periods,
 * the default commission and leaders month, and the report.
 */
export function lastMonth(asOf: string): Period {
  const own = monthOf(asOf);
  return monthPeriod(monthEnd(own) === asOf ? own : addMonths(own, -1));
}

/** `last-week`: the last ISO week complete at the end of `asOf` — asOf's own week when asOf is a Sunday, else the week before. */
export function lastWeek(asOf: string): Period {
  return weekPeriod(isoWeekOf(addDays(asOf, -(isoWeekday(asOf) % 7))));
}

const RELATIVE_RE = /^last-(month|week)(?:-(\d{1,3}))?$/;
const RANGE_RE = /^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$/;

/**
 * Parse a period as written in a flag, a checks file or a metrics file. `asOf` resolves the relative forms:
 * `last-month` / `last-week`, and `last-month-N` / `last-week-N` for N months or weeks before those.
 */
export function parsePeriod(raw: string, asOf: string): Parsed<Period> {
  const s = raw.trim();
  let m = RELATIVE_RE.exec(s);
  if (m) {
    const n = Number(m[2] ?? 0);
    if (m[1] === 'month') return { ok: true, value: monthPeriod(addMonths(lastMonth(asOf).label, -n)) };
    return { ok: true, value: weekPeriod(isoWeekOf(addDays(lastWeek(asOf).start, -7 * n))) };
  }
  m = MONTH_RE.exec(s);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12)
      return { ok: false, reason: { zh: `"${raw}":没有 ${m[2]} 月`, en: `"${raw}": month ${m[2]} does not exist` } };
    if (!validYear(Number(m[1])))
      return {
        ok: false,
        reason: { zh: `"${raw}":年份应在 ${MIN_YEAR}–${MAX_YEAR} 之间`, en: `"${raw}": the year must be ${MIN_YEAR}–${MAX_YEAR}` },
      };
    return { ok: true, value: monthPeriod(s) };
  }
  const week = parseWeekCode(raw);
  if (week) return week.ok ? { ok: true, value: weekPeriod(week.value) } : week;
  m = RANGE_RE.exec(s);
  if (m) {
    const start = parseIsoDate(m[1]!);
    const end = parseIsoDate(m[2]!);
    if (!start || !end) return { ok: false, reason: { zh: `"${raw}":日期无效`, en: `"${raw}": not a valid date` } };
    if (end < start) return { ok: false, reason: { zh: `"${raw}":结束日期早于开始日期`, en: `"${raw}": the range ends before it starts` } };
    return { ok: true, value: { label: `${start}..${end}`, kind: 'range', start, end } };
  }
  return {
    ok: false,
    reason: {
      zh: `"${raw}" 不是统计周期,可以写 2026-10、2026-W44、2026-10-01..2026-10-31、last-month 或 last-week`,
      en: `"${raw}" is not a period: use 2026-10, 2026-W44, 2026-10-01..2026-10-31, last-month or last-week`,
    },
  };
}

/** Number of days in a period, both ends included. */
export function periodDays(p: { start: string; end: string }): number {
  return daysBetween(p.start, p.end) + 1;
}

export interface EffectivePeriod extends Period {
  /** last day that counts: the period's end, or the as-of date when the period is still running */
  effectiveEnd: string;
  /** true when the as-of date falls before the period's last day */
  partial: boolean;
}

/** Cut a period at the as-of date; null when the period starts after it (nothing can be measured yet). */
export function clipPeriod(p: Period, asOf: string): EffectivePeriod | null {
  if (p.start > asOf) return null;
  const partial = p.end > asOf;
  return { ...p, effectiveEnd: partial ? asOf : p.end, partial };
}

/** The day before the period: stages "at the start of P" are taken at the end of this day. */
export function dayBefore(p: { start: string }): string {
  return addDays(p.start, -1);
}
