/**
 * What every api function shares: a database given as a path or an open handle, the configuration
 * (DEFAULT_CONFIG when none is given), and personal data masked in this layer (see core/shared/mask.ts).
 */
import { DEFAULT_CONFIG, type Config } from '../config.js';
import { closeDb, openDb, type Db, type OpenOptions } from '../adapters/db.js';
import { readMemberContacts } from '../adapters/queries.js';
import { maskContact, maskName, maskPhonesDeep, stringsIn, type Contact } from '../core/shared/index.js';
import type { LeaderInfo } from '../core/shared/index.js';

/** A database: a file path (opened and closed by the call) or a handle from `openDb` (left open). */
export type DbInput = string | Db;

/** Options every analysis takes. */
export interface BaseOptions {
  /** the configuration in force (thresholds, tiers, targets); default: DEFAULT_CONFIG */
  config?: Config;
}

/** Options of analyses whose output can hold names and phones. */
export interface MaskOptions {
  /** names and phones in full (personal data!); default false: masked (`张*`, `138****5678`) */
  unmask?: boolean;
}

export const configOf = (o: BaseOptions): Config => o.config ?? DEFAULT_CONFIG;

/** Run `fn` on the database; a path is opened (it must exist unless `open.mustExist` is false) and closed after. */
export function withDb<T>(db: DbInput, fn: (db: Db) => T, open: OpenOptions = { mustExist: true }): T {
  if (typeof db !== 'string') return fn(db);
  const handle = openDb(db, open);
  try {
    return fn(handle);
  } finally {
    closeDb(handle);
  }
}

/** The same, for async work (imports). */
export async function withDbAsync<T>(db: DbInput, fn: (db: Db) => Promise<T>, open: OpenOptions = {}): Promise<T> {
  if (typeof db !== 'string') return fn(db);
  const handle = openDb(db, open);
  try {
    return await fn(handle);
  } finally {
    closeDb(handle);
  }
}

/** Member contacts masked unless `unmask`: the one place member names and phones are masked. */
export function maskContacts(contacts: ReadonlyMap<string, Contact>, unmask: boolean | undefined): Map<string, Contact> {
  return new Map([...contacts].map(([id, c]) => [id, unmask ? c : maskContact(c)]));
}

/** Every member's latest name and phone, masked unless `unmask`. */
export function readContacts(db: Db, unmask: boolean | undefined): Map<string, Contact> {
  return maskContacts(readMemberContacts(db), unmask);
}

/** Leaders with their names and trainers masked unless `unmask`. */
export function maskLeaders(leaders: readonly LeaderInfo[], unmask: boolean | undefined): LeaderInfo[] {
  return unmask ? [...leaders] : leaders.map((l) => ({ ...l, name: maskName(l.name), trainer: maskName(l.trainer) }));
}

/**
 * An api result as it may reach an output: every phone-shaped text in it masked (member ids that are phones,
 * a phone in a category or product cell), unless `unmask`. Applied last, after every lookup by id.
 * The texts of `config` (activities, targets, stages: where a leader may write her own number for members to
 * call) are kept as written.
 */
export function maskOutput<T>(result: T, unmask: boolean | undefined, config?: Config): T {
  if (unmask) return result;
  return maskPhonesDeep(result, config ? stringsIn([config.activities, config.kpi.targets, config.stages]) : undefined);
}
