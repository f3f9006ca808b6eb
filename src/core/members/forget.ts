/**
 * Forgetting a member (个人信息保护法): the pure parts. How long "no order" must last (`3y`, `18m`, `400d`)
 * and the cutoff date it gives, the pseudonym that replaces a forgotten member id, and finding and removing a
 * member's id, names and phones inside free text (rejected rows).
 */
import { createHash } from 'node:crypto';
import { addDays } from '../shared/index.js';

/** A period without orders: a count of years, months or days. */
export interface Age {
  n: number;
  unit: 'y' | 'm' | 'd';
}

/** `3y`, `18m`, `400d` (a positive whole number and one unit); null for anything else. */
export function parseAge(raw: string): Age | null {
  const m = /^([1-9]\d{0,4})([ymd])$/.exec(raw.trim());
  if (!m) return null;
  return { n: Number(m[1]), unit: m[2] as Age['unit'] };
}

/**
 * The first day of the window: `asOf` minus the age, by the calendar (a month back from 03-31 is the last day of
 * February, a year back from 02-29 is 02-28). A member whose last order is before this day is inactive.
 */
export function cutoffDate(asOf: string, age: Age): string {
  if (age.unit === 'd') return addDays(asOf, -age.n);
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  const d = Number(asOf.slice(8, 10));
  const months = y * 12 + (m - 1) - (age.unit === 'y' ? 12 * age.n : age.n);
  const ny = Math.floor(months / 12);
  const nm = (months % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const FORGOTTEN_PREFIX = 'forgotten-';

/** Is this member id already a pseudonym? */
export function isForgotten(memberId: string): boolean {
  return memberId.startsWith(FORGOTTEN_PREFIX);
}

/**
 * The pseudonym of a forgotten member: `forgotten-` and the first `hex` hex digits of sha256(salt + id). The salt is
 * random and never stored, so nothing leads back from the pseudonym to the id; within one run it is stable, so the
 * member's order lines stay one member.
 */
export function pseudonym(salt: string, memberId: string, hex = 10): string {
  return (
    FORGOTTEN_PREFIX +
    createHash('sha256')
      .update(salt + '\u0000' + memberId, 'utf8')
      .digest('hex')
      .slice(0, hex)
  );
}

/** A member's personal strings: the id, every name and every phone (empty ones left out, longest first). */
export function personalTerms(memberId: string, names: readonly string[], phones: readonly string[]): string[] {
  const terms = new Set([memberId, ...names, ...phones].map((s) => s.trim()).filter((s) => s !== ''));
  return [...terms].sort((a, b) => b.length - a.length);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for a term; a phone-like term (7+ digits) also matches with spaces or dashes between its digits. */
function termPattern(term: string): string {
  const digits = term.replace(/\D/g, '');
  if (digits.length >= 7 && /^[\d\s+()-]+$/.test(term)) return digits.split('').join('[\\s-]*');
  return escapeRe(term);
}

/** One regular expression for all the terms of some members (null when there are none). */
export function termsRegExp(terms: readonly string[]): RegExp | null {
  if (terms.length === 0) return null;
  const sorted = [...new Set(terms)].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map(termPattern).join('|'), 'gu');
}

/** Does the text mention any of the terms? */
export function mentions(text: string, re: RegExp | null): boolean {
  if (!re) return false;
  re.lastIndex = 0;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit;
}

/** The text with every mention of the terms replaced by `***`. */
export function scrub(text: string, re: RegExp | null): string {
  return re ? text.replace(re, '***') : text;
}
