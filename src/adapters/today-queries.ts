/** Read-side SQL of `tuan today`: each member's order dates, and what the import before the last one already held. */
import type { Db } from './db.js';
import { countedOrdersSql } from './queries.js';

/** Each member's counted order dates up to `asOf`, sorted (one entry per order). */
export function readOrderDates(db: Db, memberIds: readonly string[], asOf: string): Map<string, string[]> {
  const rows = db
    .prepare(
      `SELECT member_id, substr(ordered_at, 1, 10) FROM (${countedOrdersSql(
        'order_date <= @asOf AND member_id IN (SELECT value FROM json_each(@ids))',
      )}) ORDER BY 1, 2`,
    )
    .raw()
    .all({ asOf, ids: JSON.stringify(memberIds) }) as [string, string][];
  const out = new Map<string, string[]>();
  for (const [id, date] of rows) {
    const list = out.get(id) ?? [];
    list.push(date);
    out.set(id, list);
  }
  return out;
}

/**
 * The last order date (up to `asOf`) of the lines the orders import before the latest one had already brought;
 * null when there was no earlier import (or it held nothing up to `asOf`).
 */
export function readPreviousDataDate(db: Db, asOf: string): string | null {
  const row = db
    .prepare(`SELECT max(order_date) AS d FROM order_lines
      WHERE order_date <= @asOf AND first_import_id < (SELECT max(import_id) FROM imports WHERE kind = 'orders')`)
    .get({ asOf }) as { d: string | null };
  return row.d;
}

/** Each member's birthday from their latest order line that carries one (`YYYY-MM-DD` or `MM-DD`). */
export function readBirthdays(db: Db, memberIds: readonly string[]): Map<string, string> {
  const rows = db
    .prepare(`SELECT member_id, birthday FROM order_lines
      WHERE birthday <> '' AND member_id IN (SELECT value FROM json_each(@ids))
      ORDER BY member_id, ordered_at`)
    .raw()
    .all({ ids: JSON.stringify(memberIds) }) as [string, string][];
  return new Map(rows);
}
