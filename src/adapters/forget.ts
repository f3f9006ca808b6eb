/**
 * The SQL of `tuan forget`: which members exist or have been inactive, their names and phones, and the one
 * transaction that replaces their ids, blanks their names, phones and rejected raw text, and records the deletion;
 * then the checkpoint and VACUUM that take the old bytes out of the file.
 */
import { writeTransaction, type Db } from './db.js';
import { FORGOTTEN_PREFIX } from '../core/members/index.js';
import { DbError } from '../errors.js';

/** Which of these member ids have order lines. */
export function knownMemberIds(db: Db, ids: readonly string[]): Set<string> {
  const rows = db
    .prepare(`SELECT DISTINCT member_id FROM order_lines WHERE member_id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(JSON.stringify(ids)) as string[];
  return new Set(rows);
}

/** Members (not already forgotten) whose last order line of any status is before `cutoff`, by id. */
export function membersInactiveBefore(db: Db, cutoff: string): string[] {
  return db
    .prepare(`SELECT member_id FROM order_lines GROUP BY member_id
      HAVING max(order_date) < ? AND substr(member_id, 1, ${FORGOTTEN_PREFIX.length}) <> ? ORDER BY member_id`)
    .pluck()
    .all(cutoff, FORGOTTEN_PREFIX) as string[];
}

/** Every member id in the database (to keep pseudonyms unique). */
export function allMemberIds(db: Db): Set<string> {
  return new Set(db.prepare('SELECT DISTINCT member_id FROM order_lines').pluck().all() as string[]);
}

export interface MemberRows {
  /** order lines of these members */
  lines: number;
  /** every name and phone each member has had */
  contacts: Map<string, { names: string[]; phones: string[] }>;
}

/** The order lines, names and phones of these members. */
export function memberRows(db: Db, ids: readonly string[]): MemberRows {
  const rows = db
    .prepare(`SELECT member_id, member_name, phone, count(*) FROM order_lines
      WHERE member_id IN (SELECT value FROM json_each(?)) GROUP BY member_id, member_name, phone`)
    .raw()
    .all(JSON.stringify(ids)) as [string, string, string, number][];
  const contacts = new Map<string, { names: string[]; phones: string[] }>();
  let lines = 0;
  for (const [id, name, phone, n] of rows) {
    const c = contacts.get(id) ?? { names: [], phones: [] };
    if (name !== '' && !c.names.includes(name)) c.names.push(name);
    if (phone !== '' && !c.phones.includes(phone)) c.phones.push(phone);
    contacts.set(id, c);
    lines += n;
  }
  return { lines, contacts };
}

/** Rows of the contact log of these members (tuan log): deleted with them. */
export function contactLogRows(db: Db, ids: readonly string[]): number {
  return db
    .prepare('SELECT count(*) FROM contact_log WHERE member_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .get(JSON.stringify(ids)) as number;
}

/** Every rejected row's id, reason and raw text (to find those that mention a member). */
export function rejectTexts(db: Db): { reject_id: number; reason: string; raw: string }[] {
  return db.prepare('SELECT reject_id, reason, raw FROM rejects ORDER BY reject_id').all() as {
    reject_id: number;
    reason: string;
    raw: string;
  }[];
}

export interface ForgetChanges {
  /** member id -> pseudonym */
  pseudonyms: ReadonlyMap<string, string>;
  /** rejected rows that mention a member: their raw text is blanked and their reason scrubbed */
  rejects: readonly { reject_id: number; reason: string }[];
  /** the deletion record: when (ISO), on what criterion (never who) */
  at: string;
  criterion: string;
}

export interface ForgetCounts {
  deletion_id: number;
  members: number;
  order_lines: number;
  rejects: number;
  contact_log: number;
}

/**
 * In one transaction: pseudonymise the members' order lines, blank names and phones, blank the rejects, delete their
 * contact log rows (notes may hold personal data; the log is not needed once the member is gone), record it.
 */
export function applyForget(db: Db, c: ForgetChanges): ForgetCounts {
  try {
    db.pragma('secure_delete = ON'); // freed and rewritten cells are overwritten with zeros
    return forgetTransaction(db, c);
  } catch (e) {
    if (!(e instanceof Error) || !String((e as { code?: unknown }).code ?? '').startsWith('SQLITE_')) throw e;
    throw new DbError(
      {
        zh: `无法修改数据库 ${db.name}:${e.message};没有做任何改动`,
        en: `cannot change the database ${db.name}: ${e.message}; nothing changed`,
      },
      {
        zh: '数据库文件和所在文件夹需要可写,并且没有其它程序正在写入',
        en: 'the database file and its folder must be writable, and no other program writing to it',
      },
    );
  }
}

function forgetTransaction(db: Db, c: ForgetChanges): ForgetCounts {
  return writeTransaction(db, (): ForgetCounts => {
    // waits while another tuan imports
    db.exec('CREATE TEMP TABLE forget_map (old TEXT PRIMARY KEY, new TEXT NOT NULL) WITHOUT ROWID');
    try {
      const add = db.prepare('INSERT INTO temp.forget_map (old, new) VALUES (?, ?)');
      for (const [old, pseudo] of c.pseudonyms) add.run(old, pseudo);
      const lines = db
        .prepare(`UPDATE order_lines SET member_id = m.new, member_name = '', phone = '', birthday = ''
          FROM temp.forget_map m WHERE order_lines.member_id = m.old`)
        .run().changes;
      const blank = db.prepare(`UPDATE rejects SET raw = '', reason = ? WHERE reject_id = ?`);
      let rejects = 0;
      for (const r of c.rejects) rejects += blank.run(r.reason, r.reject_id).changes;
      const log = db.prepare('DELETE FROM contact_log WHERE member_id IN (SELECT old FROM temp.forget_map)').run().changes;
      const counts = { members: c.pseudonyms.size, order_lines: lines, rejects, contact_log: log };
      const id = db
        .prepare(`INSERT INTO deletions (deleted_at, criterion, members, order_lines, rejects, contact_log) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(c.at, c.criterion, counts.members, counts.order_lines, counts.rejects, counts.contact_log).lastInsertRowid;
      return { deletion_id: Number(id), ...counts };
    } finally {
      db.exec('DROP TABLE temp.forget_map');
    }
  });
}

/** Move everything out of a WAL into the file, rebuild the file without free pages (VACUUM), and empty the WAL again. */
export function vacuum(db: Db, path: string): void {
  try {
    db.pragma('secure_delete = ON');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('VACUUM');
    const [done] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (done && done.busy !== 0) throw new Error('another connection is reading the database (the WAL could not be emptied)');
  } catch (e) {
    throw new DbError(
      {
        zh: `已删除个人信息,但无法压缩数据库 ${path}:${(e as Error).message}`,
        en: `personal data removed, but the database ${path} could not be vacuumed: ${(e as Error).message}`,
      },
      {
        zh: `旧的字节可能仍留在文件中:关闭其它使用该数据库的程序后运行 sqlite3 ${path} "VACUUM"`,
        en: `old bytes may remain in the file: close other programs using the database, then run sqlite3 ${path} "VACUUM"`,
      },
    );
  }
}
