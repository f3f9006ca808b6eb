/** `tuan rejects` as a function: the rows imports could not accept. */
import Papa from 'papaparse';
import { recordText } from '../adapters/csv.js';
import { readRejects, type StoredReject } from '../adapters/rejects.js';
import { maskPhonesInText, maskReason, maskRecordCells, type PersonalColumns } from '../core/shared/mask.js';
import { withDb, type DbInput, type MaskOptions } from './common.js';

export interface RejectsOptions extends MaskOptions {
  /** only rows of this import (see status); default all */
  importId?: number | null | undefined;
}

/** A rejected row: import, file, line, field, reason, and the raw text (names, addresses and phones masked unless unmask). */
export type RejectRow = Omit<StoredReject, 'delimiter' | 'personal_columns'>;

/**
 * The reason and the raw text with the import's name, address and phone columns masked (and any other phone).
 * A row with another number of cells than the header is a shifted one (a comma in a name or an address moved every
 * later cell; an import from an older tuan did not record the header's width: taken as shifted): there the text cells
 * without digits next to a name column and the cell the reason quotes are masked like a name too, and so is the
 * quoted text of the reason (`maskReason`).
 */
function maskReject(r: StoredReject): { reason: string; raw: string } {
  const cells = Papa.parse<string[]>(r.raw, { delimiter: r.delimiter }).data[0] ?? [r.raw];
  const p = JSON.parse(r.personal_columns) as PersonalColumns;
  if (p.width !== undefined && cells.length === p.width) {
    return { reason: maskPhonesInText(r.reason), raw: recordText(maskRecordCells(cells, p), r.delimiter) };
  }
  const quoted = new Set([...r.reason.matchAll(/"([^"]*)"/g)].map((m) => m[1]!.trim()));
  const near = new Set(p.names.flatMap((i) => [i - 1, i + 1]));
  const text = (i: number) => !p.phones.includes(i) && !/\d/.test(cells[i]!) && cells[i]!.trim() !== '';
  const names = cells.map((_c, i) => i).filter((i) => p.names.includes(i) || (text(i) && (near.has(i) || quoted.has(cells[i]!.trim()))));
  return { reason: maskReason(r.reason), raw: recordText(maskRecordCells(cells, { ...p, names }), r.delimiter) };
}

/** Every rejected row with its import, file, line, field, reason and raw text. */
export function rejects(db: DbInput, o: RejectsOptions = {}): RejectRow[] {
  return withDb(db, (h) => readRejects(h, o.importId ?? null)).map((r) => ({
    import_id: r.import_id, file_name: o.unmask ? r.file_name : maskPhonesInText(r.file_name), line: r.line, field: r.field,
    ...(o.unmask ? { reason: r.reason, raw: r.raw } : maskReject(r)),
  }));
}
