import { describe, expect, it } from 'vitest';
import { isoWeekOf, mondayOf, parseWeek, weekDates, weeksInYear } from '../../src/core/shared/week.js';

describe('ISO weeks (core/week.ts)', () => {
  it.each([
    ['2026-10-31', '2026-W44', '2026-10-26', '2026-11-01'],
    ['2026-11-02', '2026-W45', '2026-11-02', '2026-11-08'],
    ['2026-01-01', '2026-W01', '2025-12-29', '2026-01-04'], // a Thursday: week 1 of 2026 starts in 2025
    ['2027-01-01', '2026-W53', '2026-12-28', '2027-01-03'], // 2026 has 53 weeks
    ['2021-01-03', '2020-W53', '2020-12-28', '2021-01-03'], // a Sunday in the last week of 2020
    ['2024-12-30', '2025-W01', '2024-12-30', '2025-01-05'], // a Monday already in next year's week 1
  ])('%s is in %s (%s – %s)', (date, code, start, end) => {
    expect(isoWeekOf(date)).toMatchObject({ code, start, end });
  });

  it('parses YYYY-Www, lower case and without the dash; refuses week 53 of a 52-week year', () => {
    expect(parseWeek('2026-W45', '2026-10-31')?.start).toBe('2026-11-02');
    expect(parseWeek('2026w45', '2026-10-31')?.code).toBe('2026-W45');
    expect(parseWeek('2026-W53', '2026-10-31')?.start).toBe('2026-12-28');
    expect(parseWeek('2025-W53', '2026-10-31')).toBeNull();
    expect(parseWeek('2026-W00', '2026-10-31')).toBeNull();
    expect(parseWeek('2026-45', '2026-10-31')).toBeNull();
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
  });

  it('this and next are relative to the as-of date', () => {
    expect(parseWeek('this', '2026-10-31')?.code).toBe('2026-W44');
    expect(parseWeek('next', '2026-10-31')?.code).toBe('2026-W45');
    expect(parseWeek('NEXT', '2026-12-24')?.code).toBe('2026-W53');
    expect(parseWeek('next', '2027-01-03')?.code).toBe('2027-W01');
  });

  it('lists the seven dates Monday first', () => {
    expect(weekDates(isoWeekOf('2026-11-01'))).toEqual(['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01']);
    expect(mondayOf('2026-11-01')).toBe('2026-10-26');
  });
});
