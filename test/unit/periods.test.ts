import { describe, expect, it } from 'vitest';
import { clipPeriod, dayBefore, isoWeekOf, isoWeeksInYear, lastMonth, lastWeek, parsePeriod, periodDays } from '../../src/core/shared/periods.js';

const parsed = (raw: string, asOf = '2026-10-31') => {
  const r = parsePeriod(raw, asOf);
  if (!r.ok) throw new Error(r.reason.en);
  return `${r.value.label} ${r.value.kind} ${r.value.start}..${r.value.end}`;
};

describe('parsePeriod', () => {
  it.each([
    ['2026-10', '2026-10 month 2026-10-01..2026-10-31'],
    ['2026-02', '2026-02 month 2026-02-01..2026-02-28'],
    ['2024-02', '2024-02 month 2024-02-01..2024-02-29'], // leap year
    ['2026-12', '2026-12 month 2026-12-01..2026-12-31'],
    // ISO week 1 of 2026 holds Thursday 1 January, so it starts on Monday 2025-12-29
    ['2026-W01', '2026-W01 week 2025-12-29..2026-01-04'],
    ['2026W1', '2026-W01 week 2025-12-29..2026-01-04'],
    // 2026-10-29 is a Thursday, day 302 of the year: week floor(301/7)+1 = 44
    ['2026-W44', '2026-W44 week 2026-10-26..2026-11-01'],
    // 2020 has 53 ISO weeks (1 Jan 2020 was a Wednesday in a leap year); week 53 ends in 2021
    ['2020-W53', '2020-W53 week 2020-12-28..2021-01-03'],
    // ISO week 1 of 2021 starts on 2021-01-04 (1 Jan 2021 was a Friday and belongs to 2020-W53)
    ['2021-W01', '2021-W01 week 2021-01-04..2021-01-10'],
    ['2026-10-01..2026-10-31', '2026-10-01..2026-10-31 range 2026-10-01..2026-10-31'],
    ['2026-10-05 .. 2026-10-05', '2026-10-05..2026-10-05 range 2026-10-05..2026-10-05'],
  ])('%s', (raw, want) => {
    expect(parsed(raw)).toBe(want);
  });

  it.each([
    ['2026-13', 'month 13 does not exist'],
    ['2021-W53', '2021 has ISO weeks 1–52'],
    ['2026-W00', '2026 has ISO weeks 1–53'],
    ['2026-10-31..2026-10-01', 'ends before it starts'],
    ['2026-02-30..2026-03-01', 'not a valid date'],
    ['October', 'is not a period'],
    ['', 'is not a period'],
  ])('refuses %j', (raw, reason) => {
    const r = parsePeriod(raw, '2026-10-31');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.en).toContain(reason);
  });

  it('counts ISO weeks per year', () => {
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2026)).toBe(53); // 2026 starts on a Thursday
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(isoWeekOf('2025-12-29')).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf('2021-01-01')).toEqual({ year: 2020, week: 53 });
  });
});

describe('relative periods are the last complete ones at the end of the as-of date', () => {
  it.each([
    ['2026-10-31', '2026-10'], // the last day: October is over at the end of it
    ['2026-10-30', '2026-09'],
    ['2026-11-01', '2026-10'],
    ['2026-01-15', '2025-12'],
    ['2026-03-31', '2026-03'],
  ])('last-month as of %s is %s', (asOf, want) => {
    expect(lastMonth(asOf).label).toBe(want);
    expect(parsed('last-month', asOf).split(' ')[0]).toBe(want);
  });

  it.each([
    ['2026-11-01', '2026-W44'], // a Sunday: its own week is over
    ['2026-10-31', '2026-W43'], // a Saturday: the week before
    ['2026-10-26', '2026-W43'], // a Monday
    ['2026-01-02', '2025-W52'], // Friday of 2026-W01: the last complete week is 2025-W52
    ['2026-01-04', '2026-W01'], // Sunday of 2026-W01, which started in December
  ])('last-week as of %s is %s', (asOf, want) => {
    expect(lastWeek(asOf).label).toBe(want);
  });

  it('last-month-N and last-week-N step back from there', () => {
    expect(parsed('last-month-1', '2026-10-31')).toBe('2026-09 month 2026-09-01..2026-09-30');
    expect(parsed('last-month-10', '2026-10-31')).toBe('2025-12 month 2025-12-01..2025-12-31');
    expect(parsed('last-week-1', '2026-11-01')).toBe('2026-W43 week 2026-10-19..2026-10-25');
    expect(parsed('last-week-44', '2026-11-01')).toBe('2025-W52 week 2025-12-22..2025-12-28');
  });
});

describe('clipPeriod', () => {
  it('cuts a running period at the as-of date', () => {
    const p = parsePeriod('2026-11', '2026-11-15');
    if (!p.ok) throw new Error();
    expect(clipPeriod(p.value, '2026-11-15')).toMatchObject({ start: '2026-11-01', end: '2026-11-30', effectiveEnd: '2026-11-15', partial: true });
    expect(clipPeriod(p.value, '2026-11-30')).toMatchObject({ effectiveEnd: '2026-11-30', partial: false });
    expect(clipPeriod(p.value, '2026-10-31')).toBeNull(); // starts after the as-of date
    expect(periodDays({ start: '2026-11-01', end: '2026-11-15' })).toBe(15);
    expect(dayBefore({ start: '2026-01-01' })).toBe('2025-12-31');
  });
});
