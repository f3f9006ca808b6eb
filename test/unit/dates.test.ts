import { describe, expect, it } from 'vitest';
import {
  addDays,
  businessDate,
  dayNumber,
  daysBetween,
  fromDayNumber,
  isoWeekday,
  parseDateTime,
  parseIsoDate,
} from '../../src/core/shared/dates.js';
import { intIn, mulberry32 } from '../helpers/prng.js';

describe('parseDateTime: accepted formats (China wall-clock time, +08:00)', () => {
  it.each([
    ['2026-11-03 20:15:00', '2026-11-03T20:15:00+08:00'],
    ['2026/11/3 20:15', '2026-11-03T20:15:00+08:00'],
    ['2026-11-03T20:15:00+08:00', '2026-11-03T20:15:00+08:00'],
    ['2026-11-03T20:15:00+0800', '2026-11-03T20:15:00+08:00'],
    ['2026年11月3日 20:15', '2026-11-03T20:15:00+08:00'],
    ['2026年11月3日20:15', '2026-11-03T20:15:00+08:00'],
    ['2026年11月03日 20时15分30秒', '2026-11-03T20:15:30+08:00'],
    ['2026年11月3日 20：15', '2026-11-03T20:15:00+08:00'], // full-width colon
    ['2026年11月3日', '2026-11-03T00:00:00+08:00'],
    ['20261103', '2026-11-03T00:00:00+08:00'],
    ['20261103 201530', '2026-11-03T20:15:30+08:00'],
    ['2026-11-03', '2026-11-03T00:00:00+08:00'],
    ['2026/11/3', '2026-11-03T00:00:00+08:00'],
    ['2026.11.03 20:15:00', '2026-11-03T20:15:00+08:00'],
    ['2026-11-03 20:15:00.250', '2026-11-03T20:15:00+08:00'],
    ['2026-11-03 8:05', '2026-11-03T08:05:00+08:00'],
    ['  2026-11-03 20:15:00  ', '2026-11-03T20:15:00+08:00'],
    ['2024-02-29 12:00', '2024-02-29T12:00:00+08:00'],
    ['2000-02-29', '2000-02-29T00:00:00+08:00'],
  ])('%j -> %s', (raw, at) => {
    expect(parseDateTime(raw)).toEqual({ ok: true, value: { date: at.slice(0, 10), at } });
  });
});

describe('parseDateTime: explicit offsets are converted to China time, across midnight, month and year', () => {
  it.each([
    ['2026-11-03T20:15:00Z', '2026-11-04T04:15:00+08:00'],
    ['2026-11-03T15:59:59Z', '2026-11-03T23:59:59+08:00'],
    ['2026-11-03T16:00:00Z', '2026-11-04T00:00:00+08:00'],
    ['2026-12-31T16:30:00Z', '2027-01-01T00:30:00+08:00'],
    ['2026-11-03T10:15:00-05:00', '2026-11-03T23:15:00+08:00'],
    ['2026-11-03T20:15:00-0500', '2026-11-04T09:15:00+08:00'],
    ['2026-11-04T00:30:00+09:00', '2026-11-03T23:30:00+08:00'],
    ['2026-03-01T00:30:00+09:00', '2026-02-28T23:30:00+08:00'],
    ['2024-03-01T00:30:00+09:00', '2024-02-29T23:30:00+08:00'],
    ['2027-01-01T00:00:00+08:30', '2026-12-31T23:30:00+08:00'],
    ['2026-11-03 20:15:00+05:30', '2026-11-03T22:45:00+08:00'],
  ])('%j -> %s', (raw, at) => {
    expect(parseDateTime(raw)).toEqual({ ok: true, value: { date: at.slice(0, 10), at } });
  });
});

describe('parseDateTime: refused', () => {
  it.each([
    ['', 'empty date'],
    ['   ', 'empty date'],
    ['2026-02-30', 'invalid date "2026-02-30"'],
    ['2025-02-29 10:00', 'invalid date "2025-02-29 10:00"'],
    ['1900-02-29', 'invalid date "1900-02-29"'],
    ['2026-13-01', 'invalid date "2026-13-01"'],
    ['2026-00-10', 'invalid date "2026-00-10"'],
    ['2026-11-00', 'invalid date "2026-11-00"'],
    ['2026-11-03 24:00:00', 'invalid date "2026-11-03 24:00:00"'],
    ['2026-11-03 20:60', 'invalid date "2026-11-03 20:60"'],
    ['2026-11-03 20:15:60', 'invalid date "2026-11-03 20:15:60"'],
    ['20260230', 'invalid date "20260230"'],
    ['2026年2月30日', 'invalid date "2026年2月30日"'],
    ['2026-02-30T10:00:00Z', 'invalid date "2026-02-30T10:00:00Z"'],
    ['1899-12-31', 'invalid date "1899-12-31"'],
    ['3/11/2026', 'ambiguous date "3/11/2026": day/month order unknown; export dates as YYYY-MM-DD'],
    ['11/3/2026 20:15', 'ambiguous date "11/3/2026 20:15": day/month order unknown; export dates as YYYY-MM-DD'],
    ['03-11-26', 'ambiguous date "03-11-26": day/month order unknown; export dates as YYYY-MM-DD'],
    ['yesterday', 'unrecognised date "yesterday"'],
    ['2026-11', 'unrecognised date "2026-11"'],
    ['2026-11-03T20:15:00+8', 'unrecognised date "2026-11-03T20:15:00+8"'],
  ])('%j: %s', (raw, reason) => {
    expect(parseDateTime(raw)).toEqual({ ok: false, reason });
  });

  it('answers the same for a repeated value (the one-entry cache) and for the value after it', () => {
    const a = parseDateTime('2026-11-03 20:15:00');
    expect(parseDateTime('2026-11-03 20:15:00')).toEqual(a);
    expect(parseDateTime('2026-02-30')).toEqual({ ok: false, reason: 'invalid date "2026-02-30"' });
    expect(parseDateTime('2026-11-03 20:15:00')).toEqual(a);
  });
});

describe('parseIsoDate (flags, config)', () => {
  it.each([
    ['2026-10-31', '2026-10-31'],
    [' 2026-10-31 ', '2026-10-31'],
    ['2024-02-29', '2024-02-29'],
    ['2026-02-30', null],
    ['2026-2-1', null],
    ['2026/10/31', null],
    ['20261031', null],
    ['', null],
  ])('%j -> %s', (raw, date) => {
    expect(parseIsoDate(raw)).toBe(date);
  });
});

describe('day arithmetic', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2026-11-01', 20758],
    ['2000-03-01', 11017],
  ])('dayNumber(%s) = %i and back', (date, n) => {
    expect(dayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
  });

  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-11-01', -365, '2025-11-01'],
    ['2026-11-01', 0, '2026-11-01'],
    ['2026-03-29', 1, '2026-03-30'], // a European DST weekend: no effect on business dates
    ['2026-11-01', 1, '2026-11-02'], // the US DST end (TZ of the test run): no effect either
  ])('addDays(%s, %i) = %s', (date, days, out) => {
    expect(addDays(date, days)).toBe(out);
    expect(daysBetween(date, out)).toBe(days);
  });

  it.each([
    ['2026-11-01', 7],
    ['2026-11-02', 1],
    ['2026-11-07', 6],
    ['1970-01-01', 4],
    ['2000-01-01', 6],
    ['1969-12-29', 1],
    ['1969-12-28', 7],
  ])('isoWeekday(%s) = %i (Monday = 1)', (date, wd) => {
    expect(isoWeekday(date)).toBe(wd);
  });

  it.each([
    [Date.UTC(2026, 10, 1, 2, 0, 0), '2026-11-01'],
    [Date.UTC(2026, 9, 31, 16, 0, 0), '2026-11-01'], // midnight in China
    [Date.UTC(2026, 9, 31, 15, 59, 59, 999), '2026-10-31'],
    [0, '1970-01-01'],
  ])('businessDate(%i) = %s whatever the TZ of the machine', (ms, date) => {
    expect(businessDate(ms)).toBe(date);
  });
});

describe('invariants (seeded)', () => {
  const rnd = mulberry32(0x5eed_0002);
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

  it('an instant written with any offset parses to its China wall-clock time', () => {
    for (let i = 0; i < 3000; i++) {
      const ms = Date.UTC(2000, 0, 1) + Math.floor(rnd() * 40 * 365 * 86_400) * 1000;
      const offsetMin = intIn(rnd, -12 * 4, 14 * 4) * 15;
      const local = new Date(ms + offsetMin * 60_000); // wall clock at that offset, read with getUTC*
      const zone =
        offsetMin === 0 && rnd() < 0.5 ? 'Z' : `${offsetMin < 0 ? '-' : '+'}${pad(Math.trunc(offsetMin / 60))}:${pad(offsetMin % 60)}`;
      const raw =
        `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T` +
        `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${zone}`;
      const china = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
      expect(parseDateTime(raw)).toEqual({ ok: true, value: { date: china.slice(0, 10), at: china } });
    }
  });

  it('day numbers round-trip and weekdays repeat every 7 days', () => {
    for (let i = 0; i < 3000; i++) {
      const n = intIn(rnd, -30_000, 60_000);
      const date = fromDayNumber(n);
      expect(dayNumber(date)).toBe(n);
      const k = intIn(rnd, -1000, 1000);
      expect(daysBetween(date, addDays(date, k))).toBe(k);
      expect(isoWeekday(addDays(date, 7 * k))).toBe(isoWeekday(date));
      expect(isoWeekday(addDays(date, 1))).toBe((isoWeekday(date) % 7) + 1);
    }
  });
});
