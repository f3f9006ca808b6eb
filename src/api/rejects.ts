/** `tuan rejects` as a function: the rows imports could not accept. */
import Papa from 'papaparse';
import { recordText } from '../adapters/csv.js';
import { readRejects, type StoredReject } from '../adapters/rejects.js';
import { maskPhonesInText, maskReason, maskRecordCells, maskWords, type PersonalColumns } from '../core/shared/index.js';
import { withDb, type DbInput, type MaskOptions } from './common.js';

export interface RejectsOptions extends MaskOptions {
  /** only rows of this import (see status); default all */
  importId?: number | null | undefined;
}

/** A rejected row: import, file, line, field, reason, and the raw text (names, addresses and phones masked unless unmask). */
export type RejectRow = Omit<StoredReject, 'delimiter' | 'personal_columns'>;

/**
 * The reason and the raw text with the import's name, address and phone columns masked (and any other phone, with
 * the words next to it). A row with another number of cells than the header did not split into the header's
 * columns (a comma in a name or an address moved every later cell, a row written with another delimiter), or that
 * is malformed CSV or spans several lines (a stray quote swallows the next rows): no column can be trusted, so every word of its raw text is masked like a name (digits and punctuation
 * stay, to find the line) and so is the text its reason quotes. An import from an older tuan did not record the
 * header's width: its rows are taken as shifted.
 */
function maskReject(r: StoredReject): { reason: string; raw: string } {
  const cells = Papa.parse<string[]>(r.raw, { delimiter: r.delimiter }).data[0] ?? [r.raw];
  const p = JSON.parse(r.personal_columns) as PersonalColumns;
  const shifted = p.width === undefined || cells.length !== p.width || r.field === '(csv)' || /[\r\n]/.test(r.raw);
  const raw = shifted ? maskWords(maskPhonesInText(r.raw)) : recordText(maskRecordCells(cells, p), r.delimiter);
  return { reason: maskReason(r.reason, shifted), raw };
}

/** Every rejected row with its import, file, line, field, reason and raw text. */
export function rejects(db: DbInput, o: RejectsOptions = {}): RejectRow[] {
  return withDb(db, (h) => readRejects(h, o.importId ?? null)).map((r) => ({
    import_id: r.import_id,
    file_name: o.unmask ? r.file_name : maskPhonesInText(r.file_name),
    line: r.line,
    field: r.field,
    ...(o.unmask ? { reason: r.reason, raw: r.raw } : maskReject(r)),
  }));
}
