/**
 * A property of parseDateTime (#12, see test/unit/properties.test.ts): the result never depends on the process
 * time zone. Here and not with the other properties because only a process's main thread can change its time
 * zone (`process.env.TZ = …`); unit tests run in worker threads, CLI tests in forks.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDateTime } from '../../src/core/shared/dates.js';
import { localTime } from '../helpers/arbitraries.js';

const ZONES = ['America/Los_Angeles', 'Asia/Shanghai', 'UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const saved = process.env.TZ;
afterAll(() => {
  process.env.TZ = saved;
});

describe('parseDateTime and the process time zone', () => {
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = fc.oneof(
    localTime.map((t) => `${t.y}-${pad(t.mo)}-${pad(t.d)} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}`),
    localTime.map((t) => `${t.y}-${pad(t.mo)}-${pad(t.d)}T${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}Z`),
    localTime.map((t) => `${t.y}-${pad(t.mo)}-${pad(t.d)}T${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}-05:30`),
    localTime.map((t) => `${t.y}/${t.mo}/${t.d} ${t.h}:${pad(t.mi)}`),
    localTime.map((t) => `${t.y}年${t.mo}月${t.d}日`),
    localTime.map((t) => `${t.y}${pad(t.mo)}${pad(t.d)}`),
  );

  it('the zone really changes in this process (else the property below would prove nothing)', () => {
    const hours = ZONES.map((tz) => {
      process.env.TZ = tz;
      return new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset();
    });
    expect(new Set(hours).size).toBe(ZONES.length);
  });

  it('the result is the same under five time zones, for any date and time in any accepted shape', () => {
    fc.assert(
      fc.property(text, (s) => {
        const seen = ZONES.map((tz) => {
          process.env.TZ = tz;
          parseDateTime(''); // the one-entry memo: parse afresh under this zone
          return parseDateTime(s);
        });
        for (const r of seen) expect([s, r]).toEqual([s, seen[0]]);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
