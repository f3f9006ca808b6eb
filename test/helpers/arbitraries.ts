/** fast-check arbitraries shared by the property tests (#12). */
import fc from 'fast-check';
import { MAX_YEAR, MIN_YEAR } from '../../src/core/shared/dates.js';

/** A valid local date and time in [MIN_YEAR, MAX_YEAR], as its parts (month and day 1-based). */
export const localTime = fc
  .record({
    day: fc.integer({ min: Date.UTC(MIN_YEAR, 0, 1) / 86_400_000, max: Date.UTC(MAX_YEAR, 11, 31) / 86_400_000 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ day, h, mi, s }) => {
    const d = new Date(day * 86_400_000);
    return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h, mi, s };
  });
