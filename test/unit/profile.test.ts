import { describe, expect, it } from 'vitest';
import { buildProfiles, favouriteOf, type ItemRow } from '../../src/core/members/profile.js';
import type { MemberSegment } from '../../src/core/members/segment.js';

const member = (id: string, over: Partial<MemberSegment> = {}): MemberSegment => ({
  memberId: id,
  leaderId: 'L1',
  firstOrderDate: '2026-08-01',
  lastOrderDate: '2026-09-01',
  orders: 3,
  spendFen: 10_000,
  windowOrders: 3,
  windowSpendFen: 10_000,
  stage: 'silent',
  atRisk: false,
  tenureDays: 91,
  recencyDays: 60,
  rfm: null,
  ...over,
});
const row = (memberId: string, category: string, product: string, orders: number, spendFen: number): ItemRow => ({
  memberId,
  category,
  product,
  orders,
  spendFen,
});

const inputs = (items: ItemRow[], over = {}) => ({
  items,
  popularCategories: ['生鲜', '水果', '乳品'],
  popularProducts: ['香蕉(5斤)', '手工水饺(1kg)'],
  lastAfterSale: new Map<string, string>(),
  lastOrders: new Map(),
  afterSaleWindowDays: 30,
  ...over,
});

describe('member profiles (core/members/profile.ts)', () => {
  it('favourite: most orders, then spend, then name', () => {
    expect(
      favouriteOf([
        { name: 'b', orders: 2, spendFen: 1 },
        { name: 'a', orders: 2, spendFen: 1 },
        { name: 'c', orders: 1, spendFen: 99 },
      ]),
    ).toBe('a');
    expect(
      favouriteOf([
        { name: 'b', orders: 2, spendFen: 5 },
        { name: 'a', orders: 2, spendFen: 1 },
      ]),
    ).toBe('b');
    expect(favouriteOf([])).toBeNull();
  });

  it('with categories: favourite category and the most popular category never bought', () => {
    const [p] = buildProfiles([member('M1')], inputs([row('M1', '生鲜', '鸡蛋', 3, 8000), row('M1', '水果', '西瓜', 1, 3000)]));
    expect(p).toMatchObject({
      categoriesRecorded: true,
      categoriesBought: 2,
      favourite: { kind: 'category', name: '生鲜' },
      suggestion: { kind: 'category', name: '乳品' },
    });
  });

  it('without categories (快团团): products instead, and no category count', () => {
    const [p] = buildProfiles([member('M1')], inputs([row('M1', '', '手工水饺(1kg)', 4, 12_720)]));
    expect(p).toMatchObject({
      categoriesRecorded: false,
      categoriesBought: 0,
      favourite: { kind: 'product', name: '手工水饺(1kg)' },
      suggestion: { kind: 'product', name: '香蕉(5斤)' },
    });
  });

  it('a personal category (母婴) is never suggested to a member who has not bought it, but stays their favourite if they did', () => {
    const over = { popularCategories: ['母婴', '生鲜'], personalCategories: new Set(['母婴']) };
    const [p] = buildProfiles([member('M1')], inputs([row('M1', '水果', '西瓜', 1, 3000)], over));
    expect(p!.suggestion).toEqual({ kind: 'category', name: '生鲜' });
    const [q] = buildProfiles([member('M2')], inputs([row('M2', '母婴', '纸尿裤', 3, 30_000)], over));
    expect(q).toMatchObject({ favourite: { kind: 'category', name: '母婴' }, suggestion: { kind: 'category', name: '生鲜' } });
    // without the setting 母婴 is suggested like any other category (the old behaviour)
    expect(
      buildProfiles([member('M1')], inputs([row('M1', '水果', '西瓜', 1, 3000)], { popularCategories: ['母婴'] }))[0]!.suggestion,
    ).toEqual({
      kind: 'category',
      name: '母婴',
    });
  });

  it('no suggestion when the member bought everything popular; nothing at all without purchases', () => {
    const all = ['生鲜', '水果', '乳品'].map((c) => row('M1', c, c, 1, 100));
    expect(buildProfiles([member('M1')], inputs(all))[0]!.suggestion).toBeNull();
    expect(buildProfiles([member('M2')], inputs(all))[0]).toMatchObject({ favourite: null, suggestion: { name: '生鲜' } });
  });

  it.each([
    ['2026-08-05', 3, 'after_sale'], // 27 days before the last order
    ['2026-08-01', 3, 'unknown'], // 31 days before: too early
    ['2026-09-10', 3, 'after_sale'], // after the last order
    [undefined, 1, 'one_and_done'],
    ['2026-09-01', 1, 'after_sale'], // the after-sale reason comes first
  ] as const)('reason with an after-sale event on %s and %i orders: %s', (date, orders, reason) => {
    const lastAfterSale = new Map(date ? [['M1', date]] : []);
    expect(buildProfiles([member('M1', { orders })], inputs([], { lastAfterSale }))[0]!.reason).toBe(reason);
  });
});
