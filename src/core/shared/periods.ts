/**
 * KPI periods (SPEC §6): a month `2026-10`, an ISO week `2026-W44`, a range `2026-10-01..2026-10-31`,
 * or `last-month` / `last-week` relative to the as-of date. Dates are business dates (China time);
 * a period holds every order whose local date falls on or between its first and last day. Pure.
 */
import { addDays, dayNumber, daysBetween, fromDayNumber, isoWeekday, parseIsoDate } from './dates.js';
import type { Text } from '../../i18n.js';

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

const pad2 = (n: number) => String(n).padStart(2, '0');

export function monthPeriod(year: number, month: number): Period {
  const label = `${year}-${pad2(month)}`;
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad2(month + 1)}-01`;
  return { label, kind: 'month', start: `${label}-01`, end: addDays(next, -1) };
}

/** Monday of ISO week 1 of `year`: the week that holds 4 January (so it may start in December). */
function isoWeekOneMonday(year: number): number {
  const jan4 = dayNumber(`${year}-01-04`);
  return jan4 - (isoWeekday(`${year}-01-04`) - 1);
}

/** ISO week-numbering year and week of a date. */
export function isoWeekOf(date: string): { year: number; week: number } {
  const thursday = fromDayNumber(dayNumber(date) + 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  return { year, week: Math.floor((dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7) + 1 };
}

/** 52 or 53. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf(`${year}-12-28`).week;
}

export function weekPeriod(year: number, week: number): Period {
  const monday = isoWeekOneMonday(year) + 7 * (week - 1);
  return { label: `${year}-W${pad2(week)}`, kind: 'week', start: fromDayNumber(monday), end: fromDayNumber(monday + 6) };
}

/** The last calendar month that is complete at the end of `asOf` (asOf's own month when asOf is its last day). */
export function lastMonth(asOf: string): Period {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  const own = monthPeriod(y, m);
  if (own.end === asOf) return own;
  return m === 1 ? monthPeriod(y - 1, 12) : monthPeriod(y, m - 1);
}

/** The last ISO week that is complete at the end of `asOf` (asOf's own week when asOf is a Sunday). */
export function lastWeek(asOf: string): Period {
  const sunday = isoWeekday(asOf) === 7 ? asOf : addDays(asOf, -isoWeekday(asOf));
  const { year, week } = isoWeekOf(sunday);
  return weekPeriod(year, week);
}

const RELATIVE_RE = /^last-(month|week)(?:-(\d{1,3}))?$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const WEEK_RE = /^(\d{4})-?W(\d{1,2})$/i;
const RANGE_RE = /^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$/;

function monthsBefore(p: Period, n: number): Period {
  const idx = Number(p.label.slice(0, 4)) * 12 + Number(p.label.slice(5, 7)) - 1 - n;
  return monthPeriod(Math.floor(idx / 12), (idx % 12) + 1);
}

function weeksBefore(p: Period, n: number): Period {
  const { year, week } = isoWeekOf(addDays(p.start, -7 * n));
  return weekPeriod(year, week);
}

/**
 * Parse a period as written in a flag, a checks file or a metrics file. `asOf` resolves the relative forms:
 * `last-month` / `last-week`, and `last-month-N` / `last-week-N` for N months or weeks before those.
 */
export function parsePeriod(raw: string, asOf: string): { ok: true; value: Period } | { ok: false; reason: Text } {
  const s = raw.trim();
  let m = RELATIVE_RE.exec(s);
  if (m) return { ok: true, value: m[1] === 'month' ? monthsBefore(lastMonth(asOf), Number(m[2] ?? 0)) : weeksBefore(lastWeek(asOf), Number(m[2] ?? 0)) };
  m = MONTH_RE.exec(s);
  if (m) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) return { ok: true, value: monthPeriod(Number(m[1]), month) };
    return { ok: false, reason: { zh: `"${raw}":没有 ${m[2]} 月`, en: `"${raw}": month ${m[2]} does not exist` } };
  }
  m = WEEK_RE.exec(s);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (week >= 1 && week <= isoWeeksInYear(year)) return { ok: true, value: weekPeriod(year, week) };
    return { ok: false, reason: { zh: `"${raw}":${year} 年只有第 1–${isoWeeksInYear(year)} 周`, en: `"${raw}": ${year} has ISO weeks 1–${isoWeeksInYear(year)}` } };
  }
  m = RANGE_RE.exec(s);
  if (m) {
    const start = parseIsoDate(m[1]!);
    const end = parseIsoDate(m[2]!);
    if (!start || !end) return { ok: false, reason: { zh: `"${raw}":日期无效`, en: `"${raw}": not a valid date` } };
    if (end < start) return { ok: false, reason: { zh: `"${raw}":结束日期早于开始日期`, en: `"${raw}": the range ends before it starts` } };
    return { ok: true, value: { label: `${start}..${end}`, kind: 'range', start, end } };
  }
  return { ok: false, reason: { zh: `"${raw}" 不是统计周期,可以写 2026-10、2026-W44、2026-10-01..2026-10-31、last-month 或 last-week`, en: `"${raw}" is not a period: use 2026-10, 2026-W44, 2026-10-01..2026-10-31, last-month or last-week` } };
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
