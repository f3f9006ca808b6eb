import { describe, expect, it } from 'vitest';
import { classifyStage, parseStage } from '../../src/core/members/lifecycle.js';
import { addDays } from '../../src/core/shared/dates.js';
import { DEFAULT_CONFIG } from '../../src/config.js';

const T = DEFAULT_CONFIG.stages; // intro 30, growth 90, silent >30, churned >180, at risk >14
const D = '2026-10-31';
const ago = (n: number) => addDays(D, -n);

describe('classifyStage: every boundary of SPEC §3', () => {
  it.each([
    // tenure, recency, stage, atRisk
    [0, 0, 'intro', false],
    [30, 0, 'intro', false], // tenure exactly 30: still 引入期
    [31, 0, 'growth', false], // 31: 成长期
    [90, 10, 'growth', false], // exactly 90: still 成长期
    [91, 10, 'mature', false], // 91: 成熟期
    [400, 30, 'mature', true], // recency exactly 30: not silent yet (at risk: 30 > 14)
    [400, 31, 'silent', false], // 31: 沉默期; at_risk is only for active members
    [400, 180, 'silent', false], // exactly 180: still 沉默期
    [400, 181, 'churned', false], // 181: 流失期
    [200, 14, 'mature', false], // at risk needs recency > 14
    [200, 15, 'mature', true],
    [20, 15, 'intro', true], // an intro member can be at risk too
    [60, 15, 'growth', true],
    [31, 31, 'silent', false], // silent wins over growth
  ] as const)('tenure %i, recency %i → %s (at risk %s)', (tenure, recency, stage, atRisk) => {
    const r = classifyStage(ago(tenure), ago(recency), D, T);
    expect(r).toEqual({ stage, atRisk, tenureDays: tenure, recencyDays: recency });
  });

  it('uses the thresholds it is given (the report literal ranges)', () => {
    const literal = { ...T, silent_after_days: 180, churned_after_days: 365 };
    expect(classifyStage(ago(500), ago(181), D, literal).stage).toBe('silent');
    expect(classifyStage(ago(500), ago(366), D, literal).stage).toBe('churned');
  });

  it('counts calendar days across a month and a year end', () => {
    expect(classifyStage('2025-12-31', '2026-01-01', '2026-01-31', T)).toMatchObject({ tenureDays: 31, recencyDays: 30, stage: 'growth' });
  });

  it('refuses an order after the as-of date', () => {
    expect(() => classifyStage('2026-11-01', '2026-11-01', D, T)).toThrow(RangeError);
  });
});

describe('parseStage', () => {
  it.each([
    ['silent', 'silent'],
    ['沉默期', 'silent'],
    ['Churned', 'churned'],
    ['dormant', null],
  ])('%s → %s', (raw, want) => {
    expect(parseStage(raw)).toBe(want);
  });
});
