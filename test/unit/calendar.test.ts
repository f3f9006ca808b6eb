import { describe, expect, it } from 'vitest';
import {
  addMonths,
  clipPeriod,
  dayBefore,
  isoWeekOf,
  lastMonth,
  lastWeek,
  mondayOf,
  monthEnd,
  monthRange,
  parseMonth,
  parsePeriod,
  parseWeek,
  periodDays,
  weekDates,
  weeksInYear,
} from '../../src/core/shared/calendar.js';
import { businessDate, businessDateTime, MAX_YEAR, MIN_YEAR, parseIsoDate } from '../../src/core/shared/dates.js';

const parsed = (raw: string, asOf = '2026-10-31') => {
  const r = parsePeriod(raw, asOf);
  if (!r.ok) throw new Error(r.reason.en);
  return `${r.value.label} ${r.value.kind} ${r.value.start}..${r.value.end}`;
};

describe('months', () => {
  it.each([
    ['2026-10', '2026-10-31'],
    ['2026-02', '2026-02-28'],
    ['2024-02', '2024-02-29'],
    ['2026-12', '2026-12-31'],
    ['2000-02', '2000-02-29'],
    ['1900-02', '1900-02-28'],
    ['2100-02', '2100-02-28'], // leap years: every 4th, not every 100th, every 400th
  ])('monthEnd(%s) = %s', (m, end) => expect(monthEnd(m)).toBe(end));
  it.each([
    ['2026-01', -1, '2025-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-10', -23, '2024-11'],
    ['2026-10', 0, '2026-10'],
  ])('addMonths(%s, %i) = %s', (m, n, out) => expect(addMonths(m, n)).toBe(out));
  it.each(['2026-13', '2026-00', '2026-1', '26-10', '2026-10-01', '', '1899-12', '3000-01'])('parseMonth rejects %j', (s) =>
    expect(parseMonth(s)).toBeNull(),
  );
  it('parseMonth accepts the year bound itself', () => {
    expect(parseMonth(' 1900-01 ')).toBe('1900-01');
    expect(parseMonth('2999-12')).toBe('2999-12');
  });
  it('monthRange includes both ends', () => expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']));
});

describe('ISO weeks', () => {
  it.each([
    ['2026-10-31', '2026-W44', '2026-10-26', '2026-11-01'],
    ['2026-11-02', '2026-W45', '2026-11-02', '2026-11-08'],
    ['2026-01-01', '2026-W01', '2025-12-29', '2026-01-04'], // a Thursday: week 1 of 2026 starts in 2025
    ['2025-12-29', '2026-W01', '2025-12-29', '2026-01-04'], // a Monday of 2025 already in 2026-W01
    ['2027-01-01', '2026-W53', '2026-12-28', '2027-01-03'], // 2026 has 53 weeks
    ['2020-12-31', '2020-W53', '2020-12-28', '2021-01-03'],
    ['2021-01-01', '2020-W53', '2020-12-28', '2021-01-03'], // a Friday of 2021 still in the last week of 2020
    ['2021-01-03', '2020-W53', '2020-12-28', '2021-01-03'], // a Sunday in the last week of 2020
    ['2021-01-04', '2021-W01', '2021-01-04', '2021-01-10'],
    ['2024-12-30', '2025-W01', '2024-12-30', '2025-01-05'], // a Monday already in next year's week 1
    ['2024-02-29', '2024-W09', '2024-02-26', '2024-03-03'], // a leap day
  ])('%s is in %s (%s – %s)', (date, code, start, end) => {
    expect(isoWeekOf(date)).toMatchObject({ code, start, end });
    expect(isoWeekOf(date).year).toBe(Number(code.slice(0, 4)));
  });

  it('counts ISO weeks per year', () => {
    expect(weeksInYear(2020)).toBe(53); // 1 Jan 2020 was a Wednesday in a leap year
    expect(weeksInYear(2026)).toBe(53); // 2026 starts on a Thursday
    expect(weeksInYear(2025)).toBe(52);
    expect(weeksInYear(2021)).toBe(52);
  });

  it('parses YYYY-Www, lower case and without the dash; refuses week 53 of a 52-week year', () => {
    expect(parseWeek('2026-W45', '2026-10-31')?.start).toBe('2026-11-02');
    expect(parseWeek('2026w45', '2026-10-31')?.code).toBe('2026-W45');
    expect(parseWeek('2026-W53', '2026-10-31')?.start).toBe('2026-12-28');
    expect(parseWeek('2020-W53', '2026-10-31')).toMatchObject({ start: '2020-12-28', end: '2021-01-03' });
    expect(parseWeek('2026-W01', '2026-10-31')).toMatchObject({ start: '2025-12-29', end: '2026-01-04' });
    expect(parseWeek('2025-W53', '2026-10-31')).toBeNull();
    expect(parseWeek('2026-W00', '2026-10-31')).toBeNull();
    expect(parseWeek('2026-45', '2026-10-31')).toBeNull();
  });

  it('this and next are relative to the as-of date', () => {
    expect(parseWeek('this', '2026-10-31')?.code).toBe('2026-W44');
    expect(parseWeek('next', '2026-10-31')?.code).toBe('2026-W45');
    expect(parseWeek('NEXT', '2026-12-24')?.code).toBe('2026-W53');
    expect(parseWeek('next', '2027-01-03')?.code).toBe('2027-W01');
  });

  it('lists the seven dates Monday first', () => {
    expect(weekDates(isoWeekOf('2026-11-01'))).toEqual([
      '2026-10-26',
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
    ]);
    expect(mondayOf('2026-11-01')).toBe('2026-10-26');
  });
});

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
    // 2020 has 53 ISO weeks; week 53 ends in 2021
    ['2020-W53', '2020-W53 week 2020-12-28..2021-01-03'],
    // ISO week 1 of 2021 starts on 2021-01-04 (1 Jan 2021 was a Friday and belongs to 2020-W53)
    ['2021-W01', '2021-W01 week 2021-01-04..2021-01-10'],
    ['2026-10-01..2026-10-31', '2026-10-01..2026-10-31 range 2026-10-01..2026-10-31'],
    ['2026-10-05 .. 2026-10-05', '2026-10-05..2026-10-05 range 2026-10-05..2026-10-05'],
    ['2024-02-28..2024-03-01', '2024-02-28..2024-03-01 range 2024-02-28..2024-03-01'],
  ])('%s', (raw, want) => {
    expect(parsed(raw)).toBe(want);
  });

  it.each([
    ['2026-13', 'month 13 does not exist'],
    ['2021-W53', '2021 has ISO weeks 1–52'],
    ['2026-W00', '2026 has ISO weeks 1–53'],
    ['2026-10-31..2026-10-01', 'ends before it starts'],
    ['2026-02-30..2026-03-01', 'not a valid date'],
    ['2026-02-29..2026-03-01', 'not a valid date'], // 2026 is not a leap year
    ['1899-12', 'the year must be 1900–2999'],
    ['3000-01', 'the year must be 1900–2999'],
    ['1899-W52', 'the year must be 1900–2999'],
    ['1899-12-31..1900-01-01', 'not a valid date'],
    ['October', 'is not a period'],
    ['', 'is not a period'],
  ])('refuses %j', (raw, reason) => {
    const r = parsePeriod(raw, '2026-10-31');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.en).toContain(reason);
  });
});

describe('the year bound is the same for dates, months, weeks and periods', () => {
  it(`is ${MIN_YEAR}..${MAX_YEAR}`, () => {
    expect([MIN_YEAR, MAX_YEAR]).toEqual([1900, 2999]);
    for (const [y, ok] of [
      [MIN_YEAR - 1, false],
      [MIN_YEAR, true],
      [MAX_YEAR, true],
      [MAX_YEAR + 1, false],
    ] as const) {
      expect(parseIsoDate(`${y}-06-15`) !== null).toBe(ok);
      expect(parseMonth(`${y}-06`) !== null).toBe(ok);
      expect(parseWeek(`${y}-W10`, '2026-10-31') !== null).toBe(ok);
      expect(parsePeriod(`${y}-06`, '2026-10-31').ok).toBe(ok);
      expect(parsePeriod(`${y}-W10`, '2026-10-31').ok).toBe(ok);
    }
  });
});

describe('last-month and last-week are the last complete ones at the end of the as-of date', () => {
  it.each([
    ['2026-10-31', '2026-10'], // the last day: October is over at the end of it
    ['2026-10-30', '2026-09'],
    ['2026-11-01', '2026-10'],
    ['2026-03-01', '2026-02'],
    ['2026-03-31', '2026-03'],
    ['2026-01-01', '2025-12'], // January: the December of the year before
    ['2026-01-15', '2025-12'],
    ['2026-01-31', '2026-01'],
    ['2025-12-31', '2025-12'],
    ['2024-02-28', '2024-01'], // leap year: 28 February is not the last day
    ['2024-02-29', '2024-02'],
    ['2026-02-28', '2026-02'],
  ])('last-month as of %s is %s', (asOf, want) => {
    expect(lastMonth(asOf).label).toBe(want);
    expect(parsed('last-month', asOf).split(' ')[0]).toBe(want);
  });

  it('last-month is a whole month period', () => {
    expect(lastMonth('2024-03-10')).toEqual({ label: '2024-02', kind: 'month', start: '2024-02-01', end: '2024-02-29' });
  });

  it.each([
    ['2026-11-01', '2026-W44'], // a Sunday: its own week is over
    ['2026-10-31', '2026-W43'], // a Saturday: the week before
    ['2026-10-26', '2026-W43'], // a Monday
    ['2026-01-02', '2025-W52'], // Friday of 2026-W01: the last complete week is 2025-W52
    ['2026-01-04', '2026-W01'], // Sunday of 2026-W01, which started in December
    ['2021-01-03', '2020-W53'], // Sunday of 2020-W53, in 2021
    ['2021-01-06', '2020-W53'],
  ])('last-week as of %s is %s', (asOf, want) => {
    expect(lastWeek(asOf).label).toBe(want);
    expect(parsed('last-week', asOf).split(' ')[0]).toBe(want);
  });

  it('last-month-N and last-week-N step back from there', () => {
    expect(parsed('last-month-1', '2026-10-31')).toBe('2026-09 month 2026-09-01..2026-09-30');
    expect(parsed('last-month-10', '2026-10-31')).toBe('2025-12 month 2025-12-01..2025-12-31');
    expect(parsed('last-month-1', '2024-03-15')).toBe('2024-01 month 2024-01-01..2024-01-31');
    expect(parsed('last-week-1', '2026-11-01')).toBe('2026-W43 week 2026-10-19..2026-10-25');
    expect(parsed('last-week-44', '2026-11-01')).toBe('2025-W52 week 2025-12-22..2025-12-28');
    expect(parsed('last-week-1', '2021-01-10')).toBe('2020-W53 week 2020-12-28..2021-01-03');
  });
});

describe('clipPeriod', () => {
  it('cuts a running period at the as-of date', () => {
    const p = parsePeriod('2026-11', '2026-11-15');
    if (!p.ok) throw new Error();
    expect(clipPeriod(p.value, '2026-11-15')).toMatchObject({
      start: '2026-11-01',
      end: '2026-11-30',
      effectiveEnd: '2026-11-15',
      partial: true,
    });
    expect(clipPeriod(p.value, '2026-11-30')).toMatchObject({ effectiveEnd: '2026-11-30', partial: false });
    expect(clipPeriod(p.value, '2026-10-31')).toBeNull(); // starts after the as-of date
    expect(periodDays({ start: '2026-11-01', end: '2026-11-15' })).toBe(15);
    expect(periodDays({ start: '2024-02-01', end: '2024-02-29' })).toBe(29);
    expect(dayBefore({ start: '2026-01-01' })).toBe('2025-12-31');
  });
});

describe('China time (UTC+8) of an instant', () => {
  it.each([
    [Date.UTC(2026, 9, 31, 15, 59, 59), '2026-10-31T23:59:59+08:00'],
    [Date.UTC(2026, 9, 31, 16, 0, 0), '2026-11-01T00:00:00+08:00'],
    [Date.UTC(2025, 11, 31, 16, 30, 5), '2026-01-01T00:30:05+08:00'],
    [Date.UTC(2024, 1, 28, 16, 0, 0), '2024-02-29T00:00:00+08:00'],
  ])('%i is %s', (ms, at) => {
    expect(businessDateTime(ms)).toEqual({ date: at.slice(0, 10), at });
    expect(businessDate(ms)).toBe(at.slice(0, 10));
  });
});
