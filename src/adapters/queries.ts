/** Read-side SQL shared by several commands. */
import type { Db } from './db.js';

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
    import_id: number; kind: string; file_name: string; sha256: string; imported_at: string; encoding: string;
    layout: string; rows_read: number; inserted: number; updated: number; unchanged: number; rejected: number;
  }[];
}

/** Counted orders: non-return lines grouped by order, counted when their net amount is above zero. */
export const COUNTED_ORDERS_SQL = `
  SELECT order_id, min(member_id) AS member_id, min(ordered_at) AS ordered_at, sum(net_fen) AS amount_fen
  FROM order_lines WHERE is_return = 0 GROUP BY order_id HAVING sum(net_fen) > 0`;

export function readStatus(db: Db): DbStatus {
  const lines = db.prepare(`SELECT count(*) AS lines, count(DISTINCT member_id) AS members,
      coalesce(sum(net_fen), 0) AS spend_fen FROM order_lines`).get() as { lines: number; members: number; spend_fen: number };
  const orders = db.prepare(`SELECT count(*) AS n, min(ordered_at) AS first, max(ordered_at) AS last
      FROM (${COUNTED_ORDERS_SQL})`).get() as { n: number; first: string | null; last: string | null };
  const leaders = db.prepare(`SELECT count(*) AS n FROM (SELECT leader_id FROM leaders UNION
      SELECT DISTINCT leader_id FROM order_lines)`).get() as { n: number };
  const rejected = db.prepare('SELECT count(*) AS n FROM rejects').get() as { n: number };
  const imports = db.prepare(`SELECT import_id, kind, file_name, sha256, imported_at, encoding, layout, rows_read,
      inserted, updated, unchanged, rejected FROM imports ORDER BY import_id`).all() as DbStatus['imports'];
  return {
    lines: lines.lines, orders: orders.n, members: lines.members, leaders: leaders.n, rejected: rejected.n,
    spend_fen: lines.spend_fen, first_order_at: orders.first, last_order_at: orders.last, imports,
  };
}
