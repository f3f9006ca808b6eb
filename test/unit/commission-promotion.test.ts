import { describe, expect, it } from 'vitest';
import { parseRole, promotionFor } from '../../src/core/commission/promotion.js';

const rules = { minMentees: 10, minGrowthBp: 2000, windowMonths: 12 };
const mentees = (n: number) => Array.from({ length: n }, (_, i) => `L${String(i + 1).padStart(2, '0')}`);
/** every mentee sells `prevFen` a month in 2024-11..2025-10 and `curFen` a month in 2025-11..2026-10 */
const gmv = (prevFen: number, curFen: number) => (_id: string, m: string) =>
  m >= '2025-11' && m <= '2026-10' ? curFen : m >= '2024-11' && m <= '2025-10' ? prevFen : 999_999;

describe('promotion to 区域培训师', () => {
  it.each([
    ['10 mentees, growth exactly 20 %', 'leader', 10, gmv(100_000, 120_000), true, ['eligible'], 2000],
    ['9 mentees', 'leader', 9, gmv(100_000, 150_000), false, ['few_mentees'], 5000],
    ['growth 19.99 %', 'leader', 10, gmv(100_000, 119_990), false, ['low_growth'], 1999],
    ['no GMV a year earlier', 'leader', 12, gmv(0, 500_000), false, ['no_prior_gmv'], null],
    ['2 mentees and no prior GMV', 'leader', 2, gmv(0, 500_000), false, ['few_mentees', 'no_prior_gmv'], null],
    ['no mentees at all', 'leader', 0, gmv(0, 0), false, ['few_mentees'], null],
    ['already a trainer', 'trainer', 20, gmv(100_000, 200_000), false, ['manual_only'], 10_000],
    ['a partner', 'partner', 20, gmv(100_000, 200_000), false, ['top_role'], 10_000],
  ] as const)('%s', (_n, role, n, gmvOf, eligible, reasons, growthBp) => {
    const p = promotionFor(role, mentees(n), '2026-10', rules, gmvOf);
    expect([p.eligible, p.reasons, p.growthBp]).toEqual([eligible, reasons, growthBp]);
  });
  it('sums the mentees over the 12 months ending with the month and the same months a year earlier', () => {
    const p = promotionFor('leader', mentees(10), '2026-10', rules, gmv(100, 130));
    expect(p.window).toEqual({ from: '2025-11', to: '2026-10', prevFrom: '2024-11', prevTo: '2025-10' });
    expect([p.menteeGmvFen, p.menteeGmvPrevFen]).toEqual([10 * 12 * 130, 10 * 12 * 100]);
    expect(p.target).toBe('trainer');
  });
});

describe('roles', () => {
  it.each([
    ['', 'leader'],
    ['社区团长', 'leader'],
    ['区域培训师', 'trainer'],
    ['生态合伙人', 'partner'],
    ['trainer', 'trainer'],
    ['店长', null],
  ])('%j -> %s', (raw, role) => expect(parseRole(raw)).toBe(role));
});
