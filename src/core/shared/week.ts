/**
 * ISO weeks (ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday) for the weekly
 * plan: `2026-W45`, or `this` / `next` relative to the as-of date. Pure; dates are `YYYY-MM-DD`.
 */
import { addDays, dayNumber, isoWeekday } from './dates.js';

export interface IsoWeek {
  /** `2026-W45` */
  code: string;
  year: number;
  week: number;
  /** Monday */
  start: string;
  /** Sunday */
  end: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** Monday of ISO week 1 of `year`: the Monday of the week holding 4 January. */
function week1Monday(year: number): string {
  return mondayOf(`${year}-01-04`);
}

/** Number of ISO weeks in a year (52 or 53). */
export function weeksInYear(year: number): number {
  return (dayNumber(week1Monday(year + 1)) - dayNumber(week1Monday(year))) / 7;
}

function build(year: number, week: number): IsoWeek {
  const start = addDays(week1Monday(year), (week - 1) * 7);
  return { code: `${year}-W${pad2(week)}`, year, week, start, end: addDays(start, 6) };
}

/** The ISO week holding `date`. */
export function isoWeekOf(date: string): IsoWeek {
  const thursday = addDays(mondayOf(date), 3); // the week belongs to the year of its Thursday
  const year = Number(thursday.slice(0, 4));
  const week = (dayNumber(mondayOf(date)) - dayNumber(week1Monday(year))) / 7 + 1;
  return build(year, week);
}

/**
 * Parse `YYYY-Www` (also `YYYYWww`, lower-case w), `this` or `next` (relative to `asOf`).
 * Returns null for anything else, including week 53 of a 52-week year.
 */
export function parseWeek(raw: string, asOf: string): IsoWeek | null {
  const s = raw.trim().toLowerCase();
  if (s === 'this') return isoWeekOf(asOf);
  if (s === 'next') return isoWeekOf(addDays(asOf, 7));
  const m = /^(\d{4})-?w(\d{1,2})$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < 1900 || year > 2999 || week < 1 || week > weeksInYear(year)) return null;
  return build(year, week);
}

/** The seven dates of a week, Monday first. */
export function weekDates(w: IsoWeek): string[] {
  return [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(w.start, i));
}
