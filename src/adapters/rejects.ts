/** Reading rejected rows back, with what is needed to mask them (the import's delimiter and personal columns). */
import { assertIntact, type Db } from './db.js';

export interface StoredReject {
  import_id: number;
  file_name: string;
  line: number;
  field: string;
  reason: string;
  /** the row as it was in the file */
  raw: string;
  /** the import's delimiter */
  delimiter: string;
  /** JSON PersonalColumns of the import */
  personal_columns: string;
}

/**
 * Rejected rows of one import (every import when null), by import and line. "None" is only said of a
 * database that passes SQLite's quick check: a damaged one must not look clean.
 */
export function readRejects(db: Db, importId: number | null): StoredReject[] {
  const rows = db
    .prepare(`SELECT r.import_id, r.file_name, r.line, r.field, r.reason, r.raw, i.delimiter, i.personal_columns
    FROM rejects r JOIN imports i USING (import_id)
    WHERE @id IS NULL OR r.import_id = @id ORDER BY r.import_id, r.line`)
    .all({ id: importId }) as StoredReject[];
  if (rows.length === 0) assertIntact(db);
  return rows;
}
