/** core/members/rhythm.ts: a member's median gap, usual weekday and hour, and the personal at-risk reading (worked by hand). */
import { describe, expect, it } from 'vitest';
import { atRiskReading, rhythmOf } from '../../src/core/members/index.js';

const at = (date: string, hour = 10) => ({ orderDate: date, orderedAt: `${date}T${String(hour).padStart(2, '0')}:15:00+08:00` });
const T = { at_risk_days: 14, at_risk_mode: 'personal' as const, at_risk_rhythm_factor: 2 };

describe('rhythmOf', () => {
  it('median gap of the order days; two orders on one day count once', () => {
    // days 10-01, 10-04, 10-04, 10-11, 10-12: gaps 3, 7, 1 → sorted 1, 3, 7 → median 3
    const r = rhythmOf([at('2026-10-01'), at('2026-10-04'), at('2026-10-04', 20), at('2026-10-11'), at('2026-10-12')]);
    expect(r.days).toBe(4);
    expect(r.medianGapDays).toBe(3);
  });

  it('an even number of gaps takes the mean of the middle two', () => {
    // 10-01, 10-03, 10-08, 10-18, 10-19: gaps 2, 5, 10, 1 → 1, 2, 5, 10 → (2 + 5) / 2
    expect(rhythmOf([at('2026-10-01'), at('2026-10-03'), at('2026-10-08'), at('2026-10-18'), at('2026-10-19')]).medianGapDays).toBe(3.5);
  });

  it('fewer than 3 order days: no rhythm', () => {
    expect(rhythmOf([at('2026-10-01'), at('2026-10-05')])).toEqual({ days: 2, medianGapDays: null, usualWeekday: null, usualHour: null });
  });

  it('usual weekday and hour: the most frequent, when it holds at least 40 % of the orders', () => {
    // 2026-10-05, 10-12, 10-19 are Mondays (1); 10-07 a Wednesday; hours 20, 20, 9, 20 → 20 holds 3 of 4
    const r = rhythmOf([at('2026-10-05', 20), at('2026-10-07', 20), at('2026-10-12', 9), at('2026-10-19', 20)]);
    expect(r.usualWeekday).toBe(1);
    expect(r.usualHour).toBe(20);
    // five orders at five different hours: none holds 40 %
    expect(
      rhythmOf([at('2026-10-01', 8), at('2026-10-02', 9), at('2026-10-03', 10), at('2026-10-04', 11), at('2026-10-05', 12)]).usualHour,
    ).toBeNull();
  });
});

describe('atRiskReading', () => {
  const every3 = rhythmOf([at('2026-10-01'), at('2026-10-04'), at('2026-10-07')]); // median gap 3
  const every21 = rhythmOf([at('2026-08-01'), at('2026-08-22'), at('2026-09-12')]); // median gap 21

  it('personal: a member who orders every 3 days is at risk after 6 days; one who orders every 3 weeks is not on day 15', () => {
    expect(atRiskReading('mature', 7, every3, T)).toBe(true);
    expect(atRiskReading('mature', 6, every3, T)).toBe(false);
    expect(atRiskReading('mature', 15, every21, T)).toBe(false);
    expect(atRiskReading('mature', 43, every21, T)).toBe(true);
  });

  it('falls back to at_risk_days without a rhythm, and never flags a silent or churned member', () => {
    expect(atRiskReading('growth', 15, rhythmOf([at('2026-10-01')]), T)).toBe(true);
    expect(atRiskReading('growth', 14, undefined, T)).toBe(false);
    expect(atRiskReading('silent', 40, every3, T)).toBe(false);
  });

  it('fixed ignores the rhythm', () => {
    expect(atRiskReading('mature', 7, every3, { ...T, at_risk_mode: 'fixed' })).toBe(false);
  });
});
