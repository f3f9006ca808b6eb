/** Read-side SQL shared by several commands. */
import { DbError } from '../errors.js';
import type { Db } from './db.js';
import type { PurchaseHistory } from '../core/predict/index.js';
import type { MemberFacts } from '../core/members/index.js';
import type { OrderFact, ReturnFact } from '../core/members/index.js';

export interface DbStatus {
  lines: number;
  orders: number;
  members: number;
  leaders: number;
  rejected: number;
  spend_fen: number;
  first_order_at: string | null;
  last_order_at: string | null;
  imports: {
    import_id: number;
    kind: string;
    file_name: string;
    sha256: string;
    imported_at: string;
    encoding: string;
    layout: string;
    rows_read: number;
    inserted: number;
    updated: number;
    unchanged: number;
    rejected: number;
  }[];
}

/**
 * A counted order in SQL (SPEC §2.1), the one definition every read of orders uses: aggregates over the lines
 * of one order (`GROUP BY order_id`). Its time is the earliest time of its lines, whatever their status; its
 * amount is the `net_fen` of its purchase lines (completed lines only, partial refunds subtracted; return lines
 * are spend events of their own, on their own date: readReturns); it counts when that amount is above zero.
 */
const ORDER_AMOUNT = 'sum(CASE WHEN is_return THEN 0 ELSE net_fen END)';
export const ORDER_SQL = {
  memberId: 'min(member_id)',
  leaderId: 'min(leader_id)',
  orderedAt: 'min(ordered_at)',
  amountFen: ORDER_AMOUNT,
  counted: `${ORDER_AMOUNT} > 0`,
  /** the order's return lines, if any share its id (≤ 0) */
  returnFen: 'sum(CASE WHEN is_return THEN net_fen ELSE 0 END)',
} as const;

const tooLarge = (what: string) =>
  new DbError(
    {
      zh: `数据库中的金额合计(${what})超出可精确计算的范围:有订单行的金额大得不真实(多半是 tuan 限制单行金额之前导入的)`,
      en: `a total in the database (${what}) is beyond exact arithmetic: some order lines hold amounts no real order has (most likely imported before tuan bounded the amount of a line)`,
    },
    {
      zh: '把数据库文件移到别处,再重新导入导出文件:超过 import.max_line_amount_yuan 的行现在会被拒收',
      en: 'move the database file aside and import the exports again: lines beyond import.max_line_amount_yuan are now rejected',
    },
  );

/**
 * A sum of fen read from SQL, checked: exact (a safe integer) or a DbError. Import bounds every line
 * (import.max_line_amount_yuan), so only a database filled before that bound can hold such sums.
 */
export function safeFen(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw tooLarge(what);
  return n;
}

/** Run a read whose SQL sums fen: SQLite's sum() raises "integer overflow" beyond 64 bits; that is a DbError too. */
export function summing<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof Error && /integer overflow/i.test(e.message)) throw tooLarge(what);
    throw e;
  }
}

/** A line that counts toward an order's amount, categories and products; `t` is a table alias with its dot. */
export const countedLineSql = (t = '') => `${t}is_return = 0 AND ${t}net_fen > 0`;

/** A paid purchase line (completed or refunded; not cancelled, not pending, not a return): the refund rate's denominator. */
export const PAID_LINE_SQL = `is_return = 0 AND amount_fen > 0 AND status IN ('completed', 'refunded')`;
/** The refunded fen of a paid line: a refunded line whole, a completed line its partial refund. */
export const REFUNDED_FEN_SQL = `CASE status WHEN 'refunded' THEN amount_fen ELSE min(refund_fen, amount_fen) END`;

/** Counted orders among the lines that pass `where`: order_id, member_id, leader_id, ordered_at, amount_fen. */
export function countedOrdersSql(where = '1'): string {
  return `SELECT order_id, ${ORDER_SQL.memberId} AS member_id, ${ORDER_SQL.leaderId} AS leader_id,
      ${ORDER_SQL.orderedAt} AS ordered_at, ${ORDER_SQL.amountFen} AS amount_fen
    FROM order_lines WHERE ${where} GROUP BY order_id HAVING ${ORDER_SQL.counted}`;
}

export function readStatus(db: Db): DbStatus {
  const lines = summing(
    'spend',
    () =>
      db
        .prepare(`SELECT count(*) AS lines, count(DISTINCT member_id) AS members,
      coalesce(sum(net_fen), 0) AS spend_fen FROM order_lines`)
        .get() as { lines: number; members: number; spend_fen: number },
  );
  const orders = summing(
    'orders',
    () =>
      db
        .prepare(`SELECT count(*) AS n, min(ordered_at) AS first, max(ordered_at) AS last
      FROM (${countedOrdersSql()})`)
        .get() as { n: number; first: string | null; last: string | null },
  );
  const leaders = db
    .prepare(`SELECT count(*) AS n FROM (SELECT leader_id FROM leaders UNION
      SELECT DISTINCT leader_id FROM order_lines)`)
    .get() as { n: number };
  const rejected = db.prepare('SELECT count(*) AS n FROM rejects').get() as { n: number };
  const imports = db
    .prepare(`SELECT import_id, kind, file_name, sha256, imported_at, encoding, layout, rows_read,
      inserted, updated, unchanged, rejected FROM imports ORDER BY import_id`)
    .all() as DbStatus['imports'];
  return {
    lines: lines.lines,
    orders: orders.n,
    members: lines.members,
    leaders: leaders.n,
    rejected: rejected.n,
    spend_fen: safeFen(lines.spend_fen, 'spend'),
    first_order_at: orders.first,
    last_order_at: orders.last,
    imports,
  };
}

/**
 * Per-member facts as of a date, from counted orders (ORDER_SQL); returns reduce spend on their date.
 * `windowStart` is the first date inside the RFM window (null = whole history).
 * Members without a counted order up to `asOf` are not returned.
 */
export function readMemberFacts(
  db: Db,
  asOf: string,
  windowStart: string | null,
  /** filled with each returned member's latest name and phone (on or before asOf), read in the same pass */
  contacts?: Map<string, { name: string; phone: string }>,
): MemberFacts[] {
  // One pass over the lines in the table's key order, grouped by order; returns ride along per order.
  // Timestamps compare as text: `<= asOf || 'T99'` is "on or before asOf".
  const rows = summing(
    'member spend',
    () =>
      db
        .prepare(`
    WITH o AS (
      SELECT ${ORDER_SQL.memberId} AS member_id, ${ORDER_SQL.orderedAt} AS at, ${ORDER_SQL.leaderId} AS leader_id,
        ${ORDER_SQL.amountFen} AS amount, ${ORDER_SQL.counted} AS counted, ${ORDER_SQL.returnFen} AS ret,
        sum(CASE WHEN is_return AND ordered_at >= @ws THEN net_fen ELSE 0 END) AS w_ret${
          contacts
            ? `,
        max(ordered_at || char(31) || member_name || char(31) || phone) AS contact`
            : ''
        }
      FROM order_lines WHERE ordered_at <= @asOf || 'T99' GROUP BY order_id
    )
    SELECT member_id,
      substr(max(CASE WHEN counted THEN at || '|' || leader_id END), 27) AS leader_id,
      substr(min(CASE WHEN counted THEN at END), 1, 10) AS first_date,
      substr(max(CASE WHEN counted THEN at END), 1, 10) AS last_date,
      sum(counted) AS orders,
      sum(CASE WHEN counted THEN amount ELSE 0 END) + sum(ret) AS spend,
      sum(counted AND at >= @ws) AS w_orders,
      sum(CASE WHEN counted AND at >= @ws THEN amount ELSE 0 END) + sum(w_ret) AS w_spend${contacts ? ', max(contact)' : ''}
    FROM o GROUP BY member_id HAVING sum(counted) > 0 ORDER BY member_id`)
        .raw()
        .all({ asOf, ws: windowStart ?? '0000-00-00' }) as [string, string, string, string, number, number, number, number, string?][],
  );
  if (contacts) {
    for (const r of rows) {
      const [, name = '', phone = ''] = (r[8] ?? '').split('\x1f');
      contacts.set(r[0], { name, phone });
    }
  }
  return rows.map(([memberId, leaderId, firstOrderDate, lastOrderDate, orders, spendFen, windowOrders, windowSpendFen]) => ({
    memberId,
    leaderId,
    firstOrderDate,
    lastOrderDate,
    orders,
    spendFen: safeFen(spendFen, 'member spend'),
    windowOrders,
    windowSpendFen: safeFen(windowSpendFen, 'member spend'),
  }));
}

import type { LeaderInfo } from '../core/shared/index.js';
export type { LeaderInfo };

/**
 * Leaders from leaders.csv plus any leader ID seen in orders (with empty details). Pass the leader
 * IDs already known from the orders (`seen`) to skip the scan of order_lines.
 */
export function readLeaders(db: Db, seen?: Iterable<string>): LeaderInfo[] {
  const table = db
    .prepare(`SELECT leader_id, name, community, region, trainer, joined_at, mentor_id, star, role
    FROM leaders ORDER BY leader_id`)
    .all() as LeaderInfo[];
  const known = new Set(table.map((l) => l.leader_id));
  const ids = seen ?? (db.prepare('SELECT DISTINCT leader_id FROM order_lines').pluck().all() as string[]);
  const extra = [...new Set(ids)]
    .filter((id) => !known.has(id))
    .map(
      (leader_id): LeaderInfo => ({
        leader_id,
        name: '',
        community: '',
        region: '',
        trainer: '',
        joined_at: null,
        mentor_id: null,
        star: null,
        role: '',
      }),
    );
  return [...table, ...extra].sort((a, b) => (a.leader_id < b.leader_id ? -1 : a.leader_id > b.leader_id ? 1 : 0));
}

/** Latest name and phone per member (personal data: callers mask them unless --unmask). */
export function readMemberContacts(db: Db): Map<string, { name: string; phone: string }> {
  const rows = db.prepare(`SELECT member_id, member_name, phone, max(ordered_at) FROM order_lines GROUP BY member_id`).raw().all() as [
    string,
    string,
    string,
    string,
  ][];
  return new Map(rows.map(([id, name, phone]) => [id, { name, phone }]));
}

/** A counted order (core's OrderFact) with its time: amount = completed lines minus refunds, > 0. */
export interface CountedOrder extends OrderFact {
  /** `YYYY-MM-DDTHH:MM:SS+08:00`, the earliest line time */
  orderedAt: string;
}

/** Counted orders on or before `asOf` (all when null), sorted by member, time, order id. */
export function readCountedOrders(db: Db, asOf: string | null = null): CountedOrder[] {
  const rows = summing(
    'order amount',
    () =>
      db
        .prepare(`SELECT order_id, member_id, leader_id, ordered_at, amount_fen
      FROM (${countedOrdersSql('@asOf IS NULL OR order_date <= @asOf')}) ORDER BY 2, 4, 1`)
        .raw()
        .all({ asOf }) as [string, string, string, string, number][],
  );
  return rows.map(([orderId, memberId, leaderId, orderedAt, amountFen]) => ({
    orderId,
    memberId,
    leaderId,
    orderedAt,
    orderDate: orderedAt.slice(0, 10),
    amountFen: safeFen(amountFen, 'order amount'),
  }));
}

/**
 * Each member's purchase days on or before `asOf` from the counted orders (countedOrdersSql), one row per member
 * summed in SQL (core/predict's PurchaseHistory), by member id: a purchase day is a date with counted orders,
 * its amount their sum; the leader is that of the latest order (latest date, then greatest order id, as
 * core/members sorts a history).
 */
export function readPurchaseHistories(db: Db, asOf: string): PurchaseHistory[] {
  // d: one row per member and day; max(order_id) makes SQLite take leader_id from the day's order with the greatest
  // id (a bare column). Days are 10 characters, so min/max of `day || …` pick the first / last day's value.
  const rows = summing(
    'order amount',
    () =>
      db
        .prepare(`WITH d AS (
        SELECT member_id, substr(ordered_at, 1, 10) AS day, sum(amount_fen) AS amount, leader_id, max(order_id)
        FROM (${countedOrdersSql('order_date <= @asOf')}) GROUP BY 1, 2
      )
      SELECT member_id, substr(max(day || leader_id), 11), min(day), max(day), count(*) - 1,
        sum(amount) - CAST(substr(min(day || amount), 11) AS INTEGER)
      FROM d GROUP BY 1 ORDER BY 1`)
        .raw()
        .all({ asOf }) as [string, string, string, string, number, number][],
  );
  return rows.map(([memberId, leaderId, firstDate, lastDate, x, repeatFen]) => ({
    memberId,
    leaderId,
    firstDate,
    lastDate,
    x,
    repeatFen: safeFen(repeatFen, 'order amount'),
  }));
}

/** The leaders of the counted orders on or before `asOf`. */
export function readCountedLeaders(db: Db, asOf: string): string[] {
  return db
    .prepare(`SELECT DISTINCT leader_id FROM (${countedOrdersSql('order_date <= @asOf')})`)
    .pluck()
    .all({ asOf }) as string[];
}

/** Counted return lines (negative amounts) on or before `asOf` (all when null). */
export function readReturns(db: Db, asOf: string | null = null): ReturnFact[] {
  const rows = db
    .prepare(`SELECT member_id, leader_id, order_date, net_fen FROM order_lines
      WHERE is_return = 1 AND net_fen <> 0 AND (@asOf IS NULL OR order_date <= @asOf) ORDER BY member_id, ordered_at`)
    .raw()
    .all({ asOf }) as [string, string, string, number][];
  return rows.map(([memberId, leaderId, orderDate, amountFen]) => ({ memberId, leaderId, orderDate, amountFen }));
}
