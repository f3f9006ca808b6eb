/** `tuan status` as a function: what the database holds. */
import { readStatus, type DbStatus } from '../adapters/queries.js';
import { maskOutput, withDb, type DbInput, type MaskOptions } from './common.js';

export type { DbStatus };

/** Counts of lines, counted orders, members, leaders and rejected rows, counted spend, the date range and every import (phones in file names masked unless unmask). */
export function status(db: DbInput, o: MaskOptions = {}): DbStatus {
  return maskOutput(withDb(db, readStatus), o.unmask);
}
