/**
 * The reads of `tuan products` (issue #15): sums per product or category in a period, and the weekly sums
 * its anomalies are found in. Orders are counted orders (countedOrdersSql); lines are counted lines of
 * those orders (countedLineSql) for GMV, orders and buyers, and paid lines (completed or refunded) for the
 * refund and return rates.
 */
import type { GmvWeek, ProductStats, ProductWeek } from '../core/products/index.js';
import type { Db } from './db.js';
import { countedLineSql, countedOrdersSql, PAID_LINE_SQL, REFUNDED_FEN_SQL, safeFen, summing } from './queries.js';

export type ProductGrouping = 'product' | 'category';

/** `leader_id` among the scope's leaders (`@leaders`: a JSON array, or null for every leader). */
const IN_SCOPE = `(@leaders IS NULL OR leader_id IN (SELECT value FROM json_each(@leaders)))`;
/** The product column of a grouping: '' when grouped by category (so that joins on it work). */
const productCol = (by: ProductGrouping) => (by === 'product' ? 'product' : "''");
/** Monday of the ISO week of `order_date`. */
const WEEK = `date(order_date, 'weekday 0', '-6 days')`;
/** A paid purchase line (the refund rate's denominator) and its refunded fen: the definitions of queries.ts. */
const PAID = PAID_LINE_SQL;
const REFUNDED = REFUNDED_FEN_SQL;

const leadersParam = (leaderIds: ReadonlySet<string> | null) => (leaderIds ? JSON.stringify([...leaderIds].sort()) : null);

/** Sums per product (or category) for the orders dated `start`..`end`, at the scope's leaders. */
export function readProductStats(
  db: Db,
  leaderIds: ReadonlySet<string> | null,
  by: ProductGrouping,
  start: string,
  end: string,
): ProductStats[] {
  const p = productCol(by);
  const sql = `
    WITH co AS (SELECT order_id FROM (${countedOrdersSql(`order_date <= @end AND ${IN_SCOPE}`)})),
    l AS (
      SELECT member_id, order_id, order_date, category, ${p} AS product, net_fen FROM order_lines
      WHERE order_date <= @end AND ${IN_SCOPE} AND ${countedLineSql()} AND order_id IN co
    ),
    firsts AS (SELECT member_id, category, product, min(order_date) AS first FROM l GROUP BY 1, 2, 3),
    pm AS (
      SELECT category, product, member_id, count(DISTINCT order_id) AS n, sum(net_fen) AS gmv
      FROM l WHERE order_date >= @start GROUP BY 1, 2, 3
    ),
    buy AS (
      SELECT pm.category, pm.product, sum(gmv) AS gmv, sum(n) AS orders, count(*) AS buyers,
        sum(f.first >= @start) AS new_buyers, sum(n >= 2) AS repeat_buyers
      FROM pm JOIN firsts f USING (member_id, category, product) GROUP BY 1, 2
    ),
    money AS (
      SELECT category, ${p} AS product,
        sum(CASE WHEN ${PAID} THEN amount_fen ELSE 0 END) AS paid,
        sum(CASE WHEN ${PAID} THEN ${REFUNDED} ELSE 0 END) AS refunded,
        sum(CASE WHEN is_return = 1 AND net_fen < 0 THEN -net_fen ELSE 0 END) AS returned
      FROM order_lines WHERE order_date BETWEEN @start AND @end AND ${IN_SCOPE} GROUP BY 1, 2
    )
    SELECT money.category, money.product, coalesce(gmv, 0), coalesce(orders, 0), coalesce(buyers, 0),
      coalesce(new_buyers, 0), coalesce(repeat_buyers, 0), paid, refunded, returned
    FROM money LEFT JOIN buy USING (category, product) ORDER BY 1, 2`;
  const rows = summing(
    'product sales',
    () =>
      db
        .prepare(sql)
        .raw()
        .all({ start, end, leaders: leadersParam(leaderIds) }) as [
        string,
        string,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ][],
  );
  return rows.map(([category, product, gmv, orders, buyers, newBuyers, repeatBuyers, paid, refunded, returned]) => ({
    category,
    product: by === 'product' ? product : null,
    gmvFen: safeFen(gmv, 'product sales'),
    orders,
    buyers,
    newBuyers,
    repeatBuyers,
    paidFen: safeFen(paid, 'product sales'),
    refundedFen: safeFen(refunded, 'product refunds'),
    returnedFen: safeFen(returned, 'product returns'),
  }));
}

/** Each leader's counted GMV per ISO week, up to `asOf`. */
export function readGmvWeeks(db: Db, leaderIds: ReadonlySet<string> | null, asOf: string): GmvWeek[] {
  const rows = summing(
    'weekly sales',
    () =>
      db
        .prepare(`SELECT leader_id, date(substr(ordered_at, 1, 10), 'weekday 0', '-6 days') AS week, sum(amount_fen)
          FROM (${countedOrdersSql(`order_date <= @asOf AND ${IN_SCOPE}`)}) GROUP BY 1, 2 ORDER BY 1, 2`)
        .raw()
        .all({ asOf, leaders: leadersParam(leaderIds) }) as [string, string, number][],
  );
  return rows.map(([leaderId, weekStart, gmv]) => ({ leaderId, weekStart, gmvFen: safeFen(gmv, 'weekly sales') }));
}

/** Paid, refunded and counted (GMV) fen per leader, product (or category) and ISO week, up to `asOf`. */
export function readProductWeeks(db: Db, leaderIds: ReadonlySet<string> | null, by: ProductGrouping, asOf: string): ProductWeek[] {
  const rows = summing(
    'weekly refunds',
    () =>
      db
        .prepare(`SELECT leader_id, category, ${productCol(by)}, ${WEEK}, sum(amount_fen), sum(${REFUNDED}),
            sum(CASE WHEN ${countedLineSql()} THEN net_fen ELSE 0 END)
          FROM order_lines WHERE order_date <= @asOf AND ${IN_SCOPE} AND ${PAID} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`)
        .raw()
        .all({ asOf, leaders: leadersParam(leaderIds) }) as [string, string, string, string, number, number, number][],
  );
  return rows.map(([leaderId, category, product, weekStart, paid, refunded, gmv]) => ({
    leaderId,
    category,
    product: by === 'product' ? product : null,
    weekStart,
    paidFen: safeFen(paid, 'weekly refunds'),
    refundedFen: safeFen(refunded, 'weekly refunds'),
    gmvFen: safeFen(gmv, 'weekly sales'),
  }));
}
