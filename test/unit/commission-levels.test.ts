import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, mergeConfig, validateConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import {
  checkLevels,
  performanceLevel,
  repurchaseBp,
  resolveLevel,
  toCommissionRules,
  type LeaderMonthStats,
} from '../../src/core/commission/levels.js';

const rules = toCommissionRules(DEFAULT_CONFIG.commission);
const L = rules.levels;
const stats = (gmvFen: number, activeMembers: number, repeatMembers: number): LeaderMonthStats => ({
  gmvFen,
  activeMembers,
  repeatMembers,
});

describe('the level table from the configuration', () => {
  it('converts yuan and percent exactly to fen and basis points', () => {
    expect(L.map((l) => [l.minGmvFen, l.minRepurchaseBp, l.rateBp])).toEqual([
      [0, null, 500],
      [1_000_000, 2000, 575],
      [3_000_000, 3000, 650],
      [6_000_000, 3500, 725],
      [10_000_000, 4000, 800],
    ]);
    expect(rules.monthlySpend).toMatchObject({ minSpendFen: 50_000, rateBp: 300, stage: 'mature' });
    expect(rules.nurture.tiers).toEqual([
      { tier: 1, spendFen: 100_000, rateBp: 1000 },
      { tier: 2, spendFen: 200_000, rateBp: 1500 },
    ]);
  });

  const withLevels = (levels: unknown) => () => validateConfig(mergeConfig(DEFAULT_CONFIG, { commission: { levels } }));
  const lv = (gmv: number, rep: number | null, rate: number) => ({
    name_zh: 'x',
    name_en: 'x',
    min_gmv_yuan: gmv,
    min_repurchase_pct: rep,
    rate_pct: rate,
  });

  it.each([
    [
      'levels not ascending by GMV',
      [lv(0, null, 5), lv(30_000, 30, 6.5), lv(10_000, 20, 7)],
      /levels\.2\.min_gmv_yuan: must be > level 2's/,
    ],
    ['two levels with the same GMV bar (overlap)', [lv(0, null, 5), lv(10_000, 20, 6), lv(10_000, 30, 7)], /levels\.2\.min_gmv_yuan/],
    ['a rate above 100 %', [lv(0, null, 5), lv(10_000, 20, 101)], /levels\.1\.rate_pct/],
    ['a negative rate', [lv(0, null, -1)], /levels\.0\.rate_pct/],
    ['three decimals in a rate', [lv(0, null, 5.125)], /levels\.0\.rate_pct: a percentage 0–100 with at most 2 decimals/],
    ['a level 1 with a GMV bar', [lv(100, null, 5)], /levels\.0: level 1 must have min_gmv_yuan 0/],
    ['a falling rate', [lv(0, null, 6), lv(10_000, 20, 5)], /levels\.1\.rate_pct: must be ≥ level 1's/],
    ['an empty table', [], /levels/],
  ])('rejects %s', (_name, levels, msg) => {
    expect(withLevels(levels)).toThrow(ConfigError);
    expect(withLevels(levels)).toThrow(msg);
  });

  it('rejects unknown keys and nurture tiers out of order', () => {
    expect(() => validateConfig(mergeConfig(DEFAULT_CONFIG, { commission: { rewards: { reactivation: { rate: 5 } } } }))).toThrow(
      /commission\.rewards\.reactivation/,
    );
    expect(() =>
      validateConfig(
        mergeConfig(DEFAULT_CONFIG, {
          commission: {
            rewards: {
              nurture: {
                tiers: [
                  { spend_yuan: 2000, rate_pct: 15 },
                  { spend_yuan: 1000, rate_pct: 10 },
                ],
              },
            },
          },
        }),
      ),
    ).toThrow(/tiers must ascend/);
  });

  it('accepts the defaults and a shorter valid table', () => {
    expect(() => withLevels([lv(0, null, 4), lv(5_000.5, 10.5, 4.25)])()).not.toThrow();
    expect(toCommissionRules(withLevels([lv(0, null, 4), lv(5_000.5, 10.5, 4.25)])().commission).levels[1]).toMatchObject({
      minGmvFen: 500_050,
      minRepurchaseBp: 1050,
      rateBp: 425,
    });
  });
});

describe('level from performance', () => {
  it.each([
    ['no orders at all', stats(0, 0, 0), 1],
    ['GMV and repurchase exactly on the level-2 bars', stats(1_000_000, 5, 1), 2],
    ['one fen short of 10,000 元', stats(999_999, 5, 1), 1],
    ['repurchase just below 20 % (1 of 6)', stats(1_000_000, 6, 1), 1],
    ['level-3 GMV with level-2 repurchase', stats(3_500_000, 10, 2), 2],
    ['everything far above level 5', stats(20_000_000, 10, 9), 5],
    ['level-4 GMV, 35 % exactly (7 of 20)', stats(6_000_000, 20, 7), 4],
  ])('%s -> level %i', (_n, s, level) => expect(performanceLevel(s, L)).toBe(level));

  it('reports each threshold separately', () => {
    const c = checkLevels(stats(3_500_000, 10, 2), L);
    expect(c[2]).toEqual({ level: 3, gmvOk: true, repurchaseOk: false, met: false });
    expect(c[0]).toEqual({ level: 1, gmvOk: true, repurchaseOk: true, met: true });
  });

  it('repurchase rate for display, n/a without orders', () => {
    expect(repurchaseBp(stats(0, 3, 1))).toBe(3333);
    expect(repurchaseBp(stats(0, 0, 0))).toBeNull();
  });
});

describe('certified star vs performance', () => {
  it('the certified star wins and performance is kept alongside', () => {
    expect(resolveLevel('A', 4, stats(0, 0, 0), L)).toMatchObject({ level: 4, source: 'certified', performanceLevel: 1 });
    expect(resolveLevel('A', 1, stats(20_000_000, 10, 9), L)).toMatchObject({ level: 1, source: 'certified', performanceLevel: 5 });
    expect(resolveLevel('A', null, stats(1_000_000, 5, 1), L)).toMatchObject({ level: 2, source: 'performance' });
  });
  it('a star beyond the configured table is a configuration error naming the leader', () => {
    expect(() => resolveLevel('L009', 4, stats(0, 0, 0), L.slice(0, 3))).toThrow(
      'leader L009 is certified at 4 stars but commission.levels has 3 levels',
    );
  });
});
