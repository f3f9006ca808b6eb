/** `tuan rejects` as a function: the rows imports could not accept. */
import Papa from 'papaparse';
import { recordText } from '../adapters/csv.js';
import { readRejects, type StoredReject } from '../adapters/rejects.js';
import { maskRecordCells, type PersonalColumns } from '../core/shared/mask.js';
import { withDb, type DbInput, type MaskOptions } from './common.js';

export interface RejectsOptions extends MaskOptions {
  /** only rows of this import (see status); default all */
  importId?: number | null | undefined;
}

/** A rejected row: import, file, line, field, reason, and the raw text (names, addresses and phones masked unless unmask). */
export type RejectRow = Omit<StoredReject, 'delimiter' | 'personal_columns'>;

/** The raw text with the import's name, address and phone columns masked (and any other phone). */
function maskRaw(r: StoredReject): string {
  const cells = Papa.parse<string[]>(r.raw, { delimiter: r.delimiter }).data[0] ?? [r.raw];
  return recordText(maskRecordCells(cells, JSON.parse(r.personal_columns) as PersonalColumns), r.delimiter);
}

/** Every rejected row with its import, file, line, field, reason and raw text. */
export function rejects(db: DbInput, o: RejectsOptions = {}): RejectRow[] {
  return withDb(db, (h) => readRejects(h, o.importId ?? null)).map((r) => ({
    import_id: r.import_id, file_name: r.file_name, line: r.line, field: r.field, reason: r.reason, raw: o.unmask ? r.raw : maskRaw(r),
  }));
}
