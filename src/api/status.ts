/** `tuan status` as a function: what the database holds. */
import { readStatus, type DbStatus } from '../adapters/queries.js';
import { withDb, type DbInput } from './common.js';

export type { DbStatus };

/** Counts of lines, counted orders, members, leaders and rejected rows, counted spend, the date range and every import. */
export function status(db: DbInput): DbStatus {
  return withDb(db, readStatus);
}
