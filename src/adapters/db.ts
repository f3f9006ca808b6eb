/**
 * The SQLite database: schema, migrations (PRAGMA user_version) and every SQL statement.
 * Money columns are integer fen; timestamps are ISO text with +08:00 (sorts correctly).
 */
import Database from 'better-sqlite3';
import { chmodSync, existsSync } from 'node:fs';
import { DbError } from '../errors.js';

export type Db = Database.Database;

export const SCHEMA_VERSION = 2;

const MIGRATIONS: Record<number, string> = {
  1: `
    CREATE TABLE imports (
      import_id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,              -- orders | leaders
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      encoding TEXT NOT NULL,
      delimiter TEXT NOT NULL,
      layout TEXT NOT NULL,
      leader_override TEXT,
      imported_at TEXT NOT NULL,
      rows_read INTEGER NOT NULL,
      lines_accepted INTEGER NOT NULL,
      inserted INTEGER NOT NULL,
      updated INTEGER NOT NULL,
      unchanged INTEGER NOT NULL,
      repeated INTEGER NOT NULL,
      rejected INTEGER NOT NULL,
      -- JSON {"names": [column indexes], "phones": [...]}: what to mask in rejected rows' raw text
      personal_columns TEXT NOT NULL DEFAULT '{"names":[],"phones":[]}'
    );
    CREATE TABLE order_lines (
      order_id TEXT NOT NULL,
      line_key TEXT NOT NULL,
      ordered_at TEXT NOT NULL,
      member_id TEXT NOT NULL,
      leader_id TEXT NOT NULL,
      product TEXT NOT NULL,
      category TEXT NOT NULL,
      quantity REAL,
      amount_fen INTEGER NOT NULL,
      refund_fen INTEGER NOT NULL,
      status TEXT NOT NULL,
      member_name TEXT NOT NULL,
      phone TEXT NOT NULL,
      first_import_id INTEGER NOT NULL,
      changed_import_id INTEGER,
      last_import_id INTEGER NOT NULL,
      source_line INTEGER NOT NULL,
      -- derived, never stored: the same rules as core/ingest/normalize.ts (OrderLine.orderDate/netFen/isReturn)
      order_date TEXT GENERATED ALWAYS AS (substr(ordered_at, 1, 10)) VIRTUAL,
      net_fen INTEGER GENERATED ALWAYS AS (CASE WHEN status = 'completed' THEN amount_fen - refund_fen ELSE 0 END) VIRTUAL,
      is_return INTEGER GENERATED ALWAYS AS (amount_fen < 0 OR coalesce(quantity, 0) < 0) VIRTUAL,
      PRIMARY KEY (order_id, line_key)
    ) WITHOUT ROWID;
    CREATE TABLE rejects (
      reject_id INTEGER PRIMARY KEY,
      import_id INTEGER NOT NULL REFERENCES imports(import_id),
      file_name TEXT NOT NULL,
      line INTEGER NOT NULL,
      field TEXT NOT NULL,
      reason TEXT NOT NULL,
      raw TEXT NOT NULL
    );
    CREATE TABLE leaders (
      leader_id TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      community TEXT NOT NULL DEFAULT '',
      region TEXT NOT NULL DEFAULT '',
      trainer TEXT NOT NULL DEFAULT '',
      joined_at TEXT,
      mentor_id TEXT,
      star INTEGER,
      role TEXT NOT NULL DEFAULT '',
      import_id INTEGER NOT NULL
    );
  `,
  // tuan forget: that a deletion happened, when, on what criterion and how many rows per table; never who
  2: `
    CREATE TABLE deletions (
      deletion_id INTEGER PRIMARY KEY,
      deleted_at TEXT NOT NULL,
      criterion TEXT NOT NULL,         -- ids | older-than 3y (before YYYY-MM-DD)
      members INTEGER NOT NULL,
      order_lines INTEGER NOT NULL,
      rejects INTEGER NOT NULL
    );
  `,
};

export interface OpenOptions {
  /** refuse to create a missing file (commands that only read) */
  mustExist?: boolean;
  readonly?: boolean;
}

export function openDb(path: string, opts: OpenOptions = {}): Db {
  const isMemory = path === ':memory:';
  const existed = isMemory || existsSync(path);
  if (!existed && (opts.mustExist || opts.readonly)) {
    throw new DbError({ zh: `数据库 ${path} 不存在`, en: `database ${path} does not exist` },
      { zh: '先导入一个导出文件:tuan import 文件(或用 --db 指定数据库)', en: 'import an export first: tuan import FILE (or pass --db)' });
  }
  let db: Db;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: existed && !isMemory });
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536'); // 64 MiB of page cache: bulk upserts stay in memory, and the bound is fixed
  } catch (e) {
    throw new DbError({ zh: `无法打开数据库 ${path}:${(e as Error).message}`, en: `cannot open database ${path}: ${(e as Error).message}` });
  }
  if (!existed) {
    try {
      chmodSync(path, 0o600); // personal data: owner only (SPEC §8)
    } catch {
      /* not fatal on filesystems without modes */
    }
  }
  try {
    migrate(db, path, opts.readonly ?? false);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

function migrate(db: Db, path: string, readonly: boolean): void {
  let version: number;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (e) {
    throw new DbError({ zh: `${path} 不是 tuan 数据库:${(e as Error).message}`, en: `${path} is not a tuan database: ${(e as Error).message}` });
  }
  if (version > SCHEMA_VERSION) {
    throw new DbError({ zh: `数据库 ${path} 的结构版本是 ${version},比这个 tuan 支持的(${SCHEMA_VERSION})新`, en: `database ${path} has schema version ${version}, newer than this tuan (${SCHEMA_VERSION})` },
      { zh: '请升级 tuan', en: 'upgrade tuan' });
  }
  if (version === SCHEMA_VERSION) return;
  if (version === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type='table'").get() as { n: number };
    if (tables.n > 0) {
      throw new DbError({ zh: `${path} 是 SQLite 文件,但不是 tuan 数据库`, en: `${path} is an SQLite file but not a tuan database` },
        { zh: '用 --db 指定另一个文件', en: 'pass another --db' });
    }
  }
  if (readonly) throw new DbError({ zh: `数据库 ${path} 需要升级:先对它运行一次 tuan import`, en: `database ${path} needs an upgrade; run any tuan import on it first` });
  db.transaction(() => {
    for (let v = version + 1; v <= SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
