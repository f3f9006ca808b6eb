/**
 * Read-side SQL for kits, scripts and the plan: what members bought (category/product), what a
 * leader's members buy lately, after-sale events and each member's last order. Members are passed
 * as a JSON array so one prepared statement serves any list.
 */
import type { Db } from './db.js';
import type { ItemRow, LastOrder } from '../core/members/index.js';
import { countedLineSql, countedOrdersSql, safeFen, summing } from './queries.js';

const IN_MEMBERS = 'member_id IN (SELECT value FROM json_each(@ids))';

/** Counted purchase lines of the members up to `asOf`, grouped by member, category and product. */
export function readMemberItems(db: Db, memberIds: readonly string[], asOf: string): ItemRow[] {
  const rows = summing(
    'member spend',
    () =>
      db
        .prepare(`SELECT member_id, category, product, count(DISTINCT order_id), sum(net_fen)
      FROM order_lines WHERE ${countedLineSql()} AND order_date <= @asOf AND ${IN_MEMBERS}
      GROUP BY member_id, category, product ORDER BY member_id, category, product`)
        .raw()
        .all({ asOf, ids: JSON.stringify(memberIds) }) as [string, string, string, number, number][],
  );
  return rows.map(([memberId, category, product, orders, spendFen]) => ({
    memberId,
    category,
    product,
    orders,
    spendFen: safeFen(spendFen, 'member spend'),
  }));
}

/**
 * The leader's categories and products by distinct buyers in [from, asOf], most popular first
 * (ties by name). Empty names are left out.
 */
export function readPopular(db: Db, leaderId: string | null, from: string, asOf: string): { categories: string[]; products: string[] } {
  const q = (col: 'category' | 'product') =>
    (
      db
        .prepare(`SELECT ${col}, count(DISTINCT member_id) AS n FROM order_lines
      WHERE ${countedLineSql()} AND order_date BETWEEN @from AND @asOf AND ${col} <> ''
        AND (@leader IS NULL OR leader_id = @leader)
      GROUP BY ${col} ORDER BY n DESC, ${col}`)
        .raw()
        .all({ from, asOf, leader: leaderId }) as [string, number][]
    ).map((r) => r[0]);
  return { categories: q('category'), products: q('product') };
}

/** Last date of a refund, a partial refund or a return line per member, up to `asOf`. */
export function readLastAfterSale(db: Db, memberIds: readonly string[], asOf: string): Map<string, string> {
  const rows = db
    .prepare(`SELECT member_id, max(order_date) FROM order_lines
      WHERE (status = 'refunded' OR refund_fen > 0 OR is_return = 1) AND order_date <= @asOf AND ${IN_MEMBERS}
      GROUP BY member_id`)
    .raw()
    .all({ asOf, ids: JSON.stringify(memberIds) }) as [string, string][];
  return new Map(rows);
}

/** Each member's last counted order up to `asOf`: date, amount and product names (in line order). */
export function readLastOrders(db: Db, memberIds: readonly string[], asOf: string): Map<string, LastOrder> {
  const rows = summing(
    'order amount',
    () =>
      db
        .prepare(`WITH o AS (${countedOrdersSql(`order_date <= @asOf AND ${IN_MEMBERS}`)}
      ), last AS (
        SELECT member_id, max(ordered_at || '|' || order_id) AS k FROM o GROUP BY member_id
      )
      SELECT o.member_id, substr(o.ordered_at, 1, 10), o.amount_fen, l.product
      FROM last JOIN o ON o.member_id = last.member_id AND o.ordered_at || '|' || o.order_id = last.k
      JOIN order_lines l ON l.order_id = o.order_id AND ${countedLineSql('l.')}
      ORDER BY o.member_id, l.source_line, l.line_key`)
        .raw()
        .all({ asOf, ids: JSON.stringify(memberIds) }) as [string, string, number, string][],
  );
  const out = new Map<string, LastOrder>();
  for (const [memberId, date, amountFen, product] of rows) {
    const o = out.get(memberId) ?? { date, amountFen: safeFen(amountFen, 'order amount'), products: [] };
    if (product !== '' && !o.products.includes(product)) o.products.push(product);
    out.set(memberId, o);
  }
  return out;
}
