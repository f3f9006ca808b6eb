/** Read a tuan database directly in tests (read-only), to check what an import stored. */
import Database from 'better-sqlite3';

export function query<T = Record<string, unknown>>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Rows as arrays (compact expectations). */
export function rows(file: string, sql: string, ...params: unknown[]): unknown[][] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(sql)
      .raw(true)
      .all(...params) as unknown[][];
  } finally {
    db.close();
  }
}

/** Every text value in the order_lines and rejects tables that holds U+FFFD (a replacement character). */
export function replacementChars(file: string): unknown[][] {
  return rows(
    file,
    `SELECT 'order_lines', order_id, line_key FROM order_lines
      WHERE instr(order_id || line_key || member_id || leader_id || product || category || status || member_name || phone, char(65533)) > 0
    UNION ALL SELECT 'rejects', line, raw FROM rejects WHERE instr(raw || reason || field, char(65533)) > 0`,
  );
}
