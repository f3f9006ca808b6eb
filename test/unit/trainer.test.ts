/** core/trainer: ranks with ties, the median, the mentor tree, the support timeline (see test/fixtures/trainer/README.md for the CLI view). */
import { describe, expect, it } from 'vitest';
import {
  change,
  judgeMonth,
  median,
  menteesOf,
  rankOf,
  supportTimeline,
  type SupportMonth,
  type SupportRule,
} from '../../src/core/trainer/index.js';
import { ratio, toDecimal, whole } from '../../src/core/shared/index.js';

const RULE: SupportRule = {
  drop_pct: 20,
  drop_months: 2,
  drop_kpis: ['gmv', 'active_members'],
  min_failed_checks: 3,
  period_months: 3,
  quiet_months: 2,
};

const months = (gmv: (number | null)[], fails: string[][] = []): SupportMonth[] =>
  gmv.map((g, i) => ({
    month: `2026-${String(i + 1).padStart(2, '0')}`,
    values: { gmv: g, active_members: g === null ? null : 10 },
    failedChecks: fails[i] ?? [],
  }));

describe('rankOf', () => {
  it('ties share the better rank (1, 2, 2, 4); lower is better flips it; n/a has no rank', () => {
    const v = [whole(900), whole(600), whole(600), whole(300)];
    expect(rankOf(v, 'higher')).toEqual([1, 2, 2, 4]);
    expect(rankOf(v, 'lower')).toEqual([4, 2, 2, 1]);
    expect(rankOf([ratio(1, 2), null, ratio(2, 4)], 'higher')).toEqual([1, null, 1]);
    expect(rankOf(v, null)).toEqual([null, null, null, null]);
  });
});

describe('median and change', () => {
  it('odd: the middle; even: the mean of the two middle values, exact; n/a left out', () => {
    expect(median([whole(3), whole(1), whole(2)])).toEqual(whole(2));
    expect(median([ratio(1, 2), ratio(0, 3), null, ratio(0, 1), ratio(1, 2)])).toEqual(ratio(1, 4));
    expect(median([null])).toBeNull();
    expect(toDecimal(change(whole(900), whole(800))!, 4)).toBe(0.125);
    expect(toDecimal(change(ratio(1, 2), ratio(-1, 4))!, 4)).toBe(3); // from −0.25 to 0.5: +300 % of |−0.25|
    expect(change(whole(5), whole(0))).toBeNull();
  });
});

describe('menteesOf', () => {
  it('two levels down, sorted, without the trainer; a loop in the file does not hang', () => {
    const links = [
      { leaderId: 'T01', mentorId: null },
      { leaderId: 'A01', mentorId: 'T01' },
      { leaderId: 'A02', mentorId: 'T01' },
      { leaderId: 'B01', mentorId: 'A01' },
    ];
    expect(menteesOf('T01', links)).toEqual(['A01', 'A02', 'B01']);
    expect(menteesOf('A01', links)).toEqual(['B01']);
    expect(menteesOf('B01', links)).toEqual([]);
    expect(menteesOf('X', [...links, { leaderId: 'X', mentorId: 'Y' }, { leaderId: 'Y', mentorId: 'X' }])).toEqual(['Y']);
  });
});

describe('supportTimeline', () => {
  it('enters after two falls of ≥ 20 %, ends early after two quiet months', () => {
    // 1000 → 800 (−20 %, exactly on the line: counts) → 640 (−20 %): fires in 2026-03
    const t = supportTimeline(months([1000, 800, 640, 640, 700, 700]), RULE);
    expect(t.map((v) => [v.month, v.reasons.length > 0, v.status, v.started, v.until])).toEqual([
      ['2026-01', false, null, null, null],
      ['2026-02', false, null, null, null],
      ['2026-03', true, 'entering', '2026-03', '2026-06'],
      ['2026-04', false, 'on', '2026-03', '2026-06'],
      ['2026-05', false, 'ended_early', '2026-03', '2026-05'],
      ['2026-06', false, null, null, null],
    ]);
  });

  it('a fall of 19.99 % does not count; a month without data breaks the run', () => {
    expect(supportTimeline(months([10000, 8001, 6401]), RULE).every((v) => v.status === null)).toBe(true);
    expect(supportTimeline(months([1000, null, 500, 300]), RULE).every((v) => v.status === null)).toBe(true);
  });

  it('firing again renews the period from that month; it ends when the period is over', () => {
    const r = { ...RULE, quiet_months: 3 };
    const t = supportTimeline(months([1000, 700, 490, 300, 300, 300, 300, 300]), r);
    expect(t.map((v) => [v.month, v.status, v.until])).toEqual([
      ['2026-01', null, null],
      ['2026-02', null, null],
      ['2026-03', 'entering', '2026-06'],
      ['2026-04', 'on', '2026-07'],
      ['2026-05', 'on', '2026-07'],
      ['2026-06', 'on', '2026-07'],
      ['2026-07', 'ended', '2026-07'],
      ['2026-08', null, null],
    ]);
  });

  it('three failed KPI checks in the month fire it too; min_failed_checks 0 never does', () => {
    const m = months([100, 100], [[], ['a', 'b', 'c']]);
    expect(judgeMonth(m, 1, RULE)).toEqual([{ code: 'checks', month: '2026-02', failed: ['a', 'b', 'c'], min: 3 }]);
    expect(judgeMonth(m, 1, { ...RULE, min_failed_checks: 0 })).toEqual([]);
    expect(judgeMonth(months([100], [['a', 'b']]), 0, RULE)).toEqual([]);
  });
});
