/** Every read of counted orders agrees with the one SQL definition (SPEC §2.1, adapters/queries.ts ORDER_SQL). */
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/adapters/db.js';
import { readCountedOrders, readMemberFacts, readReturns, readStatus } from '../../src/adapters/queries.js';
import { readKpiOrders } from '../../src/adapters/kpi-data.js';
import { readLastOrders } from '../../src/adapters/activity-queries.js';

type Line = [
  orderId: string,
  lineKey: string,
  orderedAt: string,
  member: string,
  amountFen: number,
  refundFen: number,
  status: string,
  quantity?: number,
];

function dbOf(lines: Line[]): Db {
  const db = openDb(':memory:');
  const insert = db.prepare(`INSERT INTO order_lines (order_id, line_key, ordered_at, member_id, leader_id, product, category, quantity,
      amount_fen, refund_fen, status, member_name, phone, first_import_id, last_import_id, source_line)
    VALUES (?, ?, ?, ?, 'L1', ?, '生鲜', ?, ?, ?, ?, '', '', 1, 1, ?)`);
  lines.forEach(([o, k, at, m, fen, refund, status, qty], i) =>
    insert.run(o, k, `${at}+08:00`, m, `p${k}`, qty ?? 1, fen, refund, status, i + 1),
  );
  return db;
}

describe('counted orders, read by every adapter the same way', () => {
  // O1: a cancelled line the evening before its completed line: the order's time is its earliest line (10-30).
  // O2: completed 30.00 with a partial refund of 10.00 -> 20.00. O3: fully refunded -> not an order.
  // O4: a return line of its own (−5.00 on 10-31) reduces spend, never counts as an order.
  const db = dbOf([
    ['O1', '1', '2026-10-30T23:50:00', 'M1', 1500, 0, 'cancelled'],
    ['O1', '2', '2026-10-31T00:10:00', 'M1', 2000, 0, 'completed'],
    ['O2', '1', '2026-10-20T09:00:00', 'M1', 3000, 1000, 'completed'],
    ['O3', '1', '2026-10-25T09:00:00', 'M2', 4000, 4000, 'refunded'],
    ['O4', '1', '2026-10-31T12:00:00', 'M1', -500, 0, 'completed', -1],
  ]);

  it('orders: time = earliest line, amount = completed lines minus refunds, zero amount does not count', () => {
    expect(readCountedOrders(db).map((o) => [o.orderId, o.orderedAt, o.amountFen])).toEqual([
      ['O2', '2026-10-20T09:00:00+08:00', 2000],
      ['O1', '2026-10-30T23:50:00+08:00', 2000],
    ]);
    expect(readKpiOrders(db, '2026-10-31').map((o) => [o.orderId, o.orderDate, o.amountFen])).toEqual([
      ['O2', '2026-10-20', 2000],
      ['O1', '2026-10-30', 2000],
    ]);
    expect(readReturns(db).map((r) => [r.memberId, r.orderDate, r.amountFen])).toEqual([['M1', '2026-10-31', -500]]);
    expect(readStatus(db)).toMatchObject({
      orders: 2,
      first_order_at: '2026-10-20T09:00:00+08:00',
      last_order_at: '2026-10-30T23:50:00+08:00',
    });
  });

  it('member facts and last orders use the same orders (O1 is on 10-30, not on 10-31)', () => {
    expect(readMemberFacts(db, '2026-10-31', null)).toEqual([
      {
        memberId: 'M1',
        leaderId: 'L1',
        firstOrderDate: '2026-10-20',
        lastOrderDate: '2026-10-30',
        orders: 2,
        spendFen: 3500,
        windowOrders: 2,
        windowSpendFen: 3500,
      },
    ]);
    // as of 10-30 only O1's cancelled line exists: O1 does not count yet
    expect(readMemberFacts(db, '2026-10-30', null)[0]).toMatchObject({ orders: 1, lastOrderDate: '2026-10-20', spendFen: 2000 });
    expect(readLastOrders(db, ['M1'], '2026-10-31').get('M1')).toEqual({ date: '2026-10-30', amountFen: 2000, products: ['p2'] });
  });
});
