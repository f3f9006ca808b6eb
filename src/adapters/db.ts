/**
 * The SQLite database: schema, migrations (PRAGMA user_version) and every SQL statement.
 * Money columns are integer fen; timestamps are ISO text with +08:00 (sorts correctly).
 */
import Database from 'better-sqlite3';
import { chmodSync, existsSync, rmSync, statSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { DbError } from '../errors.js';

export type Db = Database.Database;

export const SCHEMA_VERSION = 4;

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
  // issue #13: the contact log (what was done with each planned task, and contacts outside any plan),
  // the discount of an order line (优惠金额, 券抵扣), and the contact log rows a forget deletes
  3: `
    CREATE TABLE contact_log (
      log_id INTEGER PRIMARY KEY,
      task_id TEXT,                    -- the checklist's task_id; NULL for a contact logged with tuan log MEMBER
      leader_id TEXT NOT NULL,
      member_id TEXT NOT NULL,
      task_date TEXT NOT NULL,         -- YYYY-MM-DD
      task_time TEXT NOT NULL DEFAULT '',
      action TEXT NOT NULL,            -- the plan's action code (welcome, at_risk, silent_care, …); manual outside a plan
      stage TEXT,                      -- the member's stage when the plan was made
      script TEXT,
      contact_group TEXT NOT NULL CHECK (contact_group IN ('contact', 'holdout')),
      -- NULL = not done; clear lifts an earlier do_not_disturb
      outcome TEXT CHECK (outcome IN ('sent', 'replied', 'declined', 'do_not_disturb', 'unreachable', 'clear')),
      note TEXT NOT NULL DEFAULT '',
      recorded_at TEXT NOT NULL,
      source_file TEXT,
      source_line INTEGER
    );
    CREATE UNIQUE INDEX contact_log_task ON contact_log (task_id, member_id) WHERE task_id IS NOT NULL;
    CREATE INDEX contact_log_member ON contact_log (member_id, task_date);
    ALTER TABLE order_lines ADD COLUMN discount_fen INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE deletions ADD COLUMN contact_log INTEGER NOT NULL DEFAULT 0;
  `,
  // issue #16: a member's birthday where the export carries one (personal data: tuan forget blanks it)
  4: `
    ALTER TABLE order_lines ADD COLUMN birthday TEXT NOT NULL DEFAULT '';
  `,
};

export interface OpenOptions {
  /** refuse to create a missing file (commands that only read) */
  mustExist?: boolean;
  readonly?: boolean;
  /** called once when another tuan holds the database and this one waits for it (say so on stderr) */
  onWait?: () => void;
}

/** How long a command waits for another tuan's import to finish: as long as any real import takes. */
export const LOCK_WAIT_MS = 10 * 60 * 1000;
/** The first try at a lock: past this, the user is told that tuan waits. */
const LOCK_PROBE_MS = 200;

/** What this run knows of an open database: its path, whether this run created the file, who to tell about a wait. */
const opened = new WeakMap<Db, { path: string; created: boolean; onWait?: () => void }>();

const sqliteCode = (e: unknown): string => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
};

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

/** Free space for the database's folder, in bytes (null when the file system does not say). */
function freeSpace(path: string): number | null {
  try {
    const s = statfsSync(dirname(path));
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

/** A full disk: the message names the database, how much is free, and (when known) how much an import needs. */
export function diskFullError(path: string, neededBytes?: number): DbError {
  const free = freeSpace(path);
  const freeZh = free === null ? '' : `,剩余 ${mib(free)}`;
  const freeEn = free === null ? '' : `; ${mib(free)} free`;
  const needZh = neededBytes === undefined ? '' : `这次导入大约需要 ${mib(neededBytes)}(导入文件大小的 2 倍)`;
  const needEn = neededBytes === undefined ? '' : `this import needs about ${mib(neededBytes)} (twice the size of the file)`;
  return new DbError(
    {
      zh: `磁盘已满,无法写入数据库 ${path}${freeZh};数据库没有改变`,
      en: `the disk is full: cannot write the database ${path}${freeEn}; the database is unchanged`,
    },
    {
      zh: `${needZh ? needZh + ',' : ''}腾出 ${dirname(path)} 所在磁盘的空间后再试,或用 --db 把数据库放到空间更大的磁盘`,
      en: `${needEn ? needEn + '; ' : ''}free space on the disk of ${dirname(path)} and try again, or pass --db on a bigger disk`,
    },
  );
}

/**
 * An SQLite failure as the database error it is, with what to do; undefined for what is not one
 * (an error in our own SQL stays a bug). Used at open and, in cli.ts, for any command that fails.
 */
export function dbFailure(e: unknown, path: string): DbError | undefined {
  if (!(e instanceof Database.SqliteError)) return undefined; // a file error elsewhere (an export, --out) is not the database's
  const code = sqliteCode(e);
  const message = e instanceof Error ? e.message : String(e);
  const damaged = () =>
    new DbError(
      {
        zh: `数据库 ${path} 已损坏,或不是 tuan 数据库(${message})`,
        en: `the database ${path} is damaged or not a tuan database (${message})`,
      },
      {
        zh: '从备份恢复这个文件;没有备份时,用 --db 指定一个新文件,重新导入原始导出文件',
        en: 'restore the file from a backup; without one, pass --db with a new file and import the original exports again',
      },
    );
  if (code === 'SQLITE_FULL') return diskFullError(path);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DbError(
      {
        zh: `数据库 ${path} 正被另一个 tuan 使用,等了 ${LOCK_WAIT_MS / 60000} 分钟仍未释放`,
        en: `the database ${path} is in use by another tuan and was not released within ${LOCK_WAIT_MS / 60000} minutes`,
      },
      {
        zh: '等另一个 tuan(导入)结束后再试;没有其他 tuan 在运行时,检查是否有别的程序打开了这个文件',
        en: 'try again when the other tuan (an import) has finished; if none is running, check which program holds the file open',
      },
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return damaged();
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new DbError(
      {
        zh: `无法写入或打开数据库 ${path}:文件或所在文件夹是只读的,或没有权限(${message})`,
        en: `cannot open or write the database ${path}: the file or its folder is read-only or not yours (${message})`,
      },
      {
        zh: `检查 ${path} 和 ${dirname(path)} 的权限(ls -l),或用 --db 指定一个可写的位置`,
        en: `check the permissions of ${path} and ${dirname(path)} (ls -l), or pass --db with a writable place`,
      },
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new DbError(
      { zh: `读写数据库 ${path} 时出错(${message})`, en: `reading or writing the database ${path} failed (${message})` },
      {
        zh: '--db 应是普通文件;检查磁盘是否正常、是否已拔出,然后再试',
        en: '--db must be a regular file; check that the disk works and is still attached, then try again',
      },
    );
  }
  // our own SQL naming what the schema has not: a damaged database, unless the schema is whole (then a bug)
  if (code === 'SQLITE_ERROR' && /^(no such (table|column)\b|table \S+ has no column named )/.test(message) && !schemaIsWhole(path))
    return damaged();
  return undefined;
}

/** The tables and columns of a database (names only). */
function schemaOf(db: Db): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return tables.flatMap((t) => (db.pragma(`table_xinfo(${JSON.stringify(t)})`) as { name: string }[]).map((c) => `${t}.${c.name}`));
}

/** Whether the file at `path` has every table and column of this tuan's schema. */
function schemaIsWhole(path: string): boolean {
  if (path === ':memory:') return true;
  let db: Db | undefined;
  const want = new Database(':memory:');
  try {
    want.exec(Object.values(MIGRATIONS).join('\n'));
    db = new Database(path, { readonly: true, fileMustExist: true });
    const have = new Set(schemaOf(db));
    return schemaOf(want).every((c) => have.has(c));
  } catch {
    return false;
  } finally {
    want.close();
    db?.close();
  }
}

/** Throw the damaged-database error unless SQLite's quick check of the file says ok. */
export function assertIntact(db: Db): void {
  let result: string;
  try {
    result = (db.pragma('quick_check(1)', { simple: true }) as string) ?? 'ok';
  } catch (e) {
    throw dbFailure(e, db.name) ?? e;
  }
  if (result !== 'ok') throw dbFailure(new Database.SqliteError(result.replace(/\s+/g, ' '), 'SQLITE_CORRUPT'), db.name)!;
}

export function openDb(path: string, opts: OpenOptions = {}): Db {
  const isMemory = path === ':memory:';
  const existed = isMemory || existsSync(path);
  if (!existed && (opts.mustExist || opts.readonly)) {
    throw new DbError(
      { zh: `数据库 ${path} 不存在`, en: `database ${path} does not exist` },
      { zh: '先导入一个导出文件:tuan import 文件(或用 --db 指定数据库)', en: 'import an export first: tuan import FILE (or pass --db)' },
    );
  }
  if (!existed && !statSync(dirname(path), { throwIfNoEntry: false })?.isDirectory()) {
    throw new DbError(
      {
        zh: `无法创建数据库 ${path}:文件夹 ${dirname(path)} 不存在`,
        en: `cannot create the database ${path}: the folder ${dirname(path)} does not exist`,
      },
      { zh: '先创建这个文件夹,或用 --db 指定另一个位置', en: 'create the folder first, or pass --db with another place' },
    );
  }
  if (existed && !isMemory) {
    const st = statSync(path, { throwIfNoEntry: false });
    if (st && !st.isFile()) {
      throw new DbError(
        {
          zh: `${path} 不是数据库文件(${st.isDirectory() ? '是文件夹' : '是设备或特殊文件'})`,
          en: `${path} is not a database file (${st.isDirectory() ? 'a folder' : 'a device or special file'})`,
        },
        { zh: '用 --db 指定一个数据库文件,例如 --db tuan.db', en: 'pass --db with a database file, e.g. --db tuan.db' },
      );
    }
  }
  let db: Db;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: existed && !isMemory });
    db.pragma(`busy_timeout = ${LOCK_PROBE_MS}`);
  } catch (e) {
    const known = dbFailure(e, path);
    if (known) throw known;
    throw new DbError(
      { zh: `无法打开数据库 ${path}:${(e as Error).message}`, en: `cannot open database ${path}: ${(e as Error).message}` },
      { zh: '用 --db 指定一个数据库文件', en: 'pass --db with a database file' },
    );
  }
  opened.set(db, { path, created: !existed, onWait: opts.onWait });
  if (!existed) {
    try {
      chmodSync(path, 0o600); // personal data: owner only (SPEC §8)
    } catch {
      /* not fatal on filesystems without modes */
    }
  }
  try {
    migrate(db, path, opts.readonly ?? false); // first: the pragmas below read the schema, so they wait for a lock too
    db.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
    db.pragma('cache_size = -65536'); // 64 MiB of page cache: bulk upserts stay in memory, and the bound is fixed
    // Test only: a database that cannot grow past this many pages, so tests can fill "the disk" (SQLITE_FULL).
    if (process.env.TUAN_TEST_MAX_PAGES) db.pragma(`max_page_count = ${Number(process.env.TUAN_TEST_MAX_PAGES)}`);
  } catch (e) {
    closeDb(db);
    throw dbFailure(e, path) ?? e;
  }
  return db;
}

/** Run `fn` once; if another tuan holds the lock, say so (once) and run it again, waiting up to LOCK_WAIT_MS. */
function waitingForLock<T>(db: Db, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!sqliteCode(e).startsWith('SQLITE_BUSY')) throw e;
  }
  opened.get(db)?.onWait?.();
  const before = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
  try {
    return fn();
  } finally {
    db.pragma(`busy_timeout = ${before}`);
  }
}

/** Begin a write transaction, waiting (with a message) for as long as another tuan's import holds the database. */
export function beginWrite(db: Db): void {
  db.pragma(`busy_timeout = ${LOCK_PROBE_MS}`);
  try {
    waitingForLock(db, () => db.exec('BEGIN IMMEDIATE'));
  } finally {
    db.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
  }
}

/** `fn` in a write transaction (see beginWrite): committed when it returns, rolled back when it throws. */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return db.transaction(fn)(); // inside the caller's transaction (all files or none): a savepoint
  beginWrite(db);
  try {
    const r = fn();
    db.exec('COMMIT');
    return r;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

/**
 * Close a database. A file this run created that holds nothing (its first import failed, e.g. on a
 * full disk) is deleted, so a failed first run leaves no empty database behind.
 */
export function closeDb(db: Db): void {
  const info = opened.get(db);
  let empty = false;
  if (info?.created && info.path !== ':memory:' && db.open) {
    try {
      const r = db.prepare('SELECT (SELECT count(*) FROM imports) + (SELECT count(*) FROM leaders) AS n').get() as { n: number };
      empty = r.n === 0;
    } catch {
      empty = (statSync(info.path, { throwIfNoEntry: false })?.size ?? 0) === 0;
    }
  }
  if (db.open) db.close();
  if (empty && info) {
    for (const f of [info.path, `${info.path}-journal`]) rmSync(f, { force: true });
  }
}

function migrate(db: Db, path: string, readonly: boolean): void {
  let version: number;
  try {
    version = waitingForLock(db, () => db.pragma('user_version', { simple: true }) as number);
  } catch (e) {
    const known = dbFailure(e, path);
    if (known) throw known;
    throw new DbError({
      zh: `${path} 不是 tuan 数据库:${(e as Error).message}`,
      en: `${path} is not a tuan database: ${(e as Error).message}`,
    });
  }
  if (version > SCHEMA_VERSION) {
    throw new DbError(
      {
        zh: `数据库 ${path} 的结构版本是 ${version},由更新的 tuan 写入;这个 tuan 只认识到版本 ${SCHEMA_VERSION}`,
        en: `database ${path} has schema version ${version}, written by a newer tuan; this tuan knows up to version ${SCHEMA_VERSION}`,
      },
      { zh: '升级 tuan 后再用这个数据库', en: 'upgrade tuan to use this database' },
    );
  }
  if (version === SCHEMA_VERSION) return;
  if (version === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type='table'").get() as { n: number };
    if (tables.n > 0) {
      throw new DbError(
        { zh: `${path} 是 SQLite 文件,但不是 tuan 数据库`, en: `${path} is an SQLite file but not a tuan database` },
        { zh: '用 --db 指定另一个文件', en: 'pass another --db' },
      );
    }
  }
  if (readonly)
    throw new DbError({
      zh: `数据库 ${path} 需要升级:先对它运行一次 tuan import`,
      en: `database ${path} needs an upgrade; run any tuan import on it first`,
    });
  writeTransaction(db, () => {
    // another tuan may have created the schema while this one waited for the lock
    const now = db.pragma('user_version', { simple: true }) as number;
    for (let v = now + 1; v <= SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
}
