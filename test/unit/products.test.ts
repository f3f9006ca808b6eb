/** core/products rows and changes, core/cohorts on hand-made orders, and the previous period of `tuan products`. */
import { describe, expect, it } from 'vitest';
import { previousPeriod, productRows, type ProductStats } from '../../src/core/products/index.js';
import { cohortTable } from '../../src/core/cohorts/index.js';
import { clipPeriod, parsePeriod } from '../../src/core/shared/index.js';

const stats = (category: string, gmvFen: number, more: Partial<ProductStats> = {}): ProductStats => ({
  category,
  product: null,
  gmvFen,
  orders: 4,
  buyers: 4,
  newBuyers: 1,
  repeatBuyers: 0,
  paidFen: gmvFen,
  refundedFen: 0,
  returnedFen: 0,
  ...more,
});

describe('productRows', () => {
  it('rates over their denominators, changes relative for amounts and in points for rates, sorted by GMV', () => {
    const rows = productRows(
      [stats('乳品', 20000, { paidFen: 25000, refundedFen: 5000 }), stats('生鲜', 30000, { buyers: 3, repeatBuyers: 1 })],
      [stats('乳品', 16000, { paidFen: 16000, refundedFen: 0 })],
    );
    expect(rows.map((r) => r.category)).toEqual(['生鲜', '乳品']);
    const dairy = rows[1]!;
    expect(dairy).toMatchObject({ gmv_fen: 20000, new_buyer_share: 0.25, refund_rate: 0.2 });
    expect(dairy.change).toMatchObject({ gmv: 0.25, orders: 0, refund_rate: 0.2 });
    // nothing sold before: zeros and n/a, and no relative change from zero
    const fresh = rows[0]!;
    expect(fresh.prev).toEqual({
      gmv_fen: 0,
      orders: 0,
      buyers: 0,
      new_buyer_share: null,
      repeat_buyer_share: null,
      refund_rate: null,
      return_rate: null,
    });
    expect(fresh.repeat_buyer_share).toBe(0.3333);
    expect(fresh.change.gmv).toBeNull();
    expect(fresh.change.refund_rate).toBeNull();
  });

  it('a product with only unpaid lines (cancelled) has no row', () => {
    expect(productRows([stats('水果', 0, { orders: 0, buyers: 0, newBuyers: 0, paidFen: 0 })], [])).toEqual([]);
  });
});

describe('previousPeriod', () => {
  const eff = (raw: string, asOf: string) => {
    const p = parsePeriod(raw, asOf);
    if (!p.ok) throw new Error('bad period');
    return clipPeriod(p.value, asOf)!;
  };
  it.each([
    ['2026-10', '2026-10-31', '2026-09-01', '2026-09-30'],
    ['2026-03', '2026-03-31', '2026-02-01', '2026-02-28'],
    ['2026-10', '2026-10-10', '2026-09-01', '2026-09-10'], // a month still running: the same ten days of the month before
    ['2026-W44', '2026-11-01', '2026-10-19', '2026-10-25'],
    ['2026-10-05..2026-10-11', '2026-10-31', '2026-09-28', '2026-10-04'],
  ])('%s as of %s is compared with %s..%s', (raw, asOf, start, end) => {
    expect(previousPeriod(eff(raw, asOf))).toEqual({ start, end });
  });
});

describe('cohortTable', () => {
  const o = (memberId: string, orderDate: string, amountFen: number) => ({ memberId, orderDate, amountFen });

  it('cohorts by first order month, in order, whatever the order of the input; orders after asOf left out', () => {
    const t = cohortTable(
      [o('B', '2026-02-03', 500), o('A', '2026-01-31', 1000), o('A', '2026-02-01', 300), o('B', '2026-04-01', 900)],
      '2026-03-10',
    );
    expect(t.cohorts).toEqual([
      {
        cohort: '2026-01',
        members: 1,
        months: [
          { offset: 0, active: 1, retention: 1, spend_fen: 1000, cum_spend_per_member_fen: 1000 },
          { offset: 1, active: 1, retention: 1, spend_fen: 300, cum_spend_per_member_fen: 1300 },
          { offset: 2, active: 0, retention: 0, spend_fen: 0, cum_spend_per_member_fen: 1300 },
        ],
      },
      {
        cohort: '2026-02',
        members: 1,
        months: [
          { offset: 0, active: 1, retention: 1, spend_fen: 500, cum_spend_per_member_fen: 500 },
          { offset: 1, active: 0, retention: 0, spend_fen: 0, cum_spend_per_member_fen: 500 },
        ],
      },
    ]);
    expect(t.averageLifetimeDays).toBe(0.5); // A: 1 day, B: 0 (its April order is after the as-of date)
  });

  it('no orders: no cohorts and no lifetime', () => {
    expect(cohortTable([], '2026-03-10')).toEqual({ cohorts: [], averageLifetimeDays: null });
  });
});
