/** The pure parts of tuan forget: ages, cutoff dates, pseudonyms, finding and scrubbing a member in text. */
import { describe, expect, it } from 'vitest';
import {
  cutoffDate,
  isForgotten,
  mentions,
  parseAge,
  personalTerms,
  pseudonym,
  scrub,
  termsRegExp,
} from '../../src/core/members/forget.js';

describe('parseAge', () => {
  it('reads years, months and days', () => {
    expect(parseAge('3y')).toEqual({ n: 3, unit: 'y' });
    expect(parseAge('18m')).toEqual({ n: 18, unit: 'm' });
    expect(parseAge(' 400d ')).toEqual({ n: 400, unit: 'd' });
  });
  it('refuses anything else', () => {
    for (const bad of ['', '3', 'y', '0y', '-1y', '1.5y', '3w', '3Y', '3 y', '3yd', '999999d', '01m'])
      expect(parseAge(bad), bad).toBeNull();
  });
});

describe('cutoffDate', () => {
  it('goes back by the calendar', () => {
    expect(cutoffDate('2026-11-01', { n: 3, unit: 'y' })).toBe('2023-11-01');
    expect(cutoffDate('2026-11-01', { n: 18, unit: 'm' })).toBe('2025-05-01');
    expect(cutoffDate('2026-11-01', { n: 400, unit: 'd' })).toBe('2025-09-27');
    expect(cutoffDate('2026-01-15', { n: 1, unit: 'm' })).toBe('2025-12-15');
    expect(cutoffDate('2026-01-15', { n: 13, unit: 'm' })).toBe('2024-12-15');
  });
  it('clamps to the end of a shorter month', () => {
    expect(cutoffDate('2026-03-31', { n: 1, unit: 'm' })).toBe('2026-02-28');
    expect(cutoffDate('2024-03-31', { n: 1, unit: 'm' })).toBe('2024-02-29');
    expect(cutoffDate('2028-02-29', { n: 1, unit: 'y' })).toBe('2027-02-28');
    expect(cutoffDate('2028-02-29', { n: 4, unit: 'y' })).toBe('2024-02-29');
  });
});

describe('pseudonym', () => {
  it('is forgotten- and 10 hex digits, stable for one salt, different across salts and ids', () => {
    const p = pseudonym('salt', 'M001');
    expect(p).toMatch(/^forgotten-[0-9a-f]{10}$/);
    expect(pseudonym('salt', 'M001')).toBe(p);
    expect(pseudonym('other', 'M001')).not.toBe(p);
    expect(pseudonym('salt', 'M002')).not.toBe(p);
    expect(pseudonym('salt', 'M001', 14)).toHaveLength('forgotten-'.length + 14);
    expect(isForgotten(p)).toBe(true);
    expect(isForgotten('M001')).toBe(false);
  });
  it('salt and id cannot trade characters', () => {
    expect(pseudonym('ab', 'c')).not.toBe(pseudonym('a', 'bc'));
  });
});

describe('finding a member in text', () => {
  const re = termsRegExp(personalTerms('wx_77', ['张一', '', '张一'], ['13800000001']));
  it('terms: id, names and phones, empty ones left out, longest first', () => {
    expect(personalTerms('wx_77', ['张一', '', ' 张一 '], ['13800000001'])).toEqual(['13800000001', 'wx_77', '张一']);
  });
  it('matches the id, a name, or the phone with or without separators', () => {
    expect(mentions('O1,2026-01-01,wx_77,,', re)).toBe(true);
    expect(mentions('unrecognised date "张一"', re)).toBe(true);
    expect(mentions('138 0000 0001', re)).toBe(true);
    expect(mentions('138-0000-0001', re)).toBe(true);
    expect(mentions('O2,2026-01-01,wx_78,李四,13800000002', re)).toBe(false);
    expect(mentions('anything', null)).toBe(false);
    expect(mentions('张一', re)).toBe(true); // the global flag does not make a second test fail
  });
  it('scrubs every mention', () => {
    expect(scrub('wx_77 张一 138 0000 0001 / 13800000001 x', re)).toBe('*** *** *** / *** x');
    expect(scrub('keep', null)).toBe('keep');
  });
  it('escapes terms that look like patterns', () => {
    const dots = termsRegExp(['a.b', '(x)']);
    expect(mentions('axb', dots)).toBe(false);
    expect(scrub('a.b (x)', dots)).toBe('*** ***');
  });
});
