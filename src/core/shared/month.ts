/** Calendar months as `YYYY-MM` strings (business dates, China time). Pure; nothing reads the clock. */
import { addDays } from './dates.js';

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A strict `YYYY-MM`, or null. */
export function parseMonth(raw: string): string | null {
  const s = raw.trim();
  return MONTH_RE.test(s) && Number(s.slice(0, 4)) >= 1900 ? s : null;
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
  return `${y}-${String(idx - y * 12 + 1).padStart(2, '0')}`;
}

export function monthEnd(month: string): string {
  return addDays(monthStart(addMonths(month, 1)), -1);
}

/** The last month that is over on `asOf`: asOf's own month when asOf is its last day, else the one before. */
export function lastFullMonth(asOf: string): string {
  const m = monthOf(asOf);
  return monthEnd(m) === asOf ? m : addMonths(m, -1);
}

/** Months from `from` to `to`, both included (empty when from > to). */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}
