/**
 * Database faults (#12): a full disk, a read-only file or folder, and files that are not (or no longer) tuan
 * databases. Each is exit 4 with what to do, never a bug (70), and never a changed or half-written database.
 * These run the built binary (runBin). kill -9 and concurrent imports take longer: test/faults/, run by
 * `npm run test:faults` (and by .ci/run).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ROOT, runBin, workdir } from '../helpers/run-tuan.js';
import { inspect, prng, writeExport } from '../faults/lib.mjs';

const SAMPLE = join(ROOT, 'data/sample-orders.csv');
const isRoot = process.getuid?.() === 0;
let dir: string;
let base: string; // a database holding the sample

beforeAll(() => {
  dir = workdir();
  base = join(dir, 'base.db');
  const r = runBin(['import', SAMPLE, '--db', base], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the sample database, changed by `damage`. */
function copyOfBase(name: string, damage?: (path: string) => void): string {
  const p = join(dir, name);
  copyFileSync(base, p);
  damage?.(p);
  return p;
}

const withDb = (path: string, fn: (db: Database.Database) => void) => {
  const db = new Database(path);
  try {
    fn(db);
  } finally {
    db.close();
  }
};

/**
 * A full disk: a 1 MiB tmpfs when this process may mount one (root), else SQLite's max_page_count via
 * TUAN_TEST_MAX_PAGES (read only by src/adapters/db.ts, for tests), which gives the same SQLITE_FULL.
 */
function smallDisk(pagesOfBase: number): { folder: string; env: Record<string, string>; how: string; done: () => void } {
  const folder = join(dir, `disk-${Date.now()}`);
  mkdirSync(folder);
  const size = `size=${Math.ceil(pagesOfBase * 4 + 64)}k`; // the copy of the sample database and little more
  if (isRoot && spawnSync('mount', ['-t', 'tmpfs', '-o', size, 'tmpfs', folder]).status === 0) {
    return { folder, env: {}, how: 'tmpfs', done: () => void spawnSync('umount', [folder]) };
  }
  return { folder, env: { TUAN_TEST_MAX_PAGES: String(pagesOfBase) }, how: 'max_page_count', done: () => {} };
}

describe('a full disk', () => {
  const csv = () => {
    const p = join(dir, 'full.csv');
    if (!existsSync(p)) writeExport(p, 40_000, 'D', 3);
    return p;
  };

  it('an import that does not fit: exit 4, how much it needs, and the database unchanged', () => {
    const pages = statSync(base).size / 4096;
    const disk = smallDisk(pages + 8);
    try {
      const db = join(disk.folder, 'tuan.db');
      copyFileSync(base, db);
      const before = inspect(db).checksum;
      const r = runBin(['import', csv(), '--db', db], { cwd: dir, env: disk.env });
      expect(r.code, `${disk.how}: ${r.stderr}`).toBe(4);
      expect(r.stderr).toMatch(/磁盘已满,无法写入数据库 .*tuan\.db.*数据库没有改变/);
      expect(r.stderr).toMatch(/这次导入大约需要 \d+\.\d MiB/);
      const after = inspect(db);
      expect(after.integrity).toBe('ok');
      expect(after.checksum).toBe(before);
      const en = runBin(['import', csv(), '--db', db, '--lang', 'en'], { cwd: dir, env: disk.env });
      expect(en.stderr).toMatch(
        /the disk is full: cannot write the database .* free; the database is unchanged\nhint: this import needs about/,
      );
    } finally {
      disk.done();
    }
  });

  it('a first import into a new database on a full disk leaves no file behind', () => {
    const disk = smallDisk(3);
    try {
      if (disk.how === 'tmpfs') {
        // fill the disk but for a few KiB
        const fd = openSync(join(disk.folder, 'filler'), 'w');
        try {
          for (;;) writeSync(fd, Buffer.alloc(4096));
        } catch {
          /* full */
        } finally {
          closeSync(fd);
        }
      }
      const r = runBin(['import', SAMPLE, '--db', join(disk.folder, 'new.db')], { cwd: dir, env: disk.env });
      expect(r.code, `${disk.how}: ${r.stderr}`).toBe(4);
      expect(r.stderr).toContain('磁盘已满');
      expect(readdirSync(disk.folder).filter((f) => f.startsWith('new.db'))).toEqual([]);
    } finally {
      disk.done();
    }
  });
});

/**
 * Read-only: root ignores file modes, so as root the file or folder is made immutable (chattr +i);
 * without chattr (or on a file system without it) the case is skipped as root, and says why.
 */
function readOnly(path: string): (() => void) | null {
  if (!isRoot) {
    const mode = statSync(path).mode & 0o777;
    spawnSync('chmod', [statSync(path).isDirectory() ? '555' : '444', path]);
    return () => void spawnSync('chmod', [mode.toString(8), path]);
  }
  if (spawnSync('chattr', ['+i', path]).status !== 0) return null;
  return () => void spawnSync('chattr', ['-i', path]);
}

describe('a read-only database file or folder', () => {
  it('a read-only file: import is exit 4 with what to do; reading still works', (ctx) => {
    const db = copyOfBase('ro.db');
    const undo = readOnly(db);
    if (!undo) return ctx.skip(); // root without chattr: file modes prove nothing here
    try {
      const r = runBin(['import', SAMPLE, '--db', db], { cwd: dir });
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toMatch(/无法写入或打开数据库 .*ro\.db:文件或所在文件夹是只读的/);
      expect(r.stderr).toContain('检查');
      expect(runBin(['status', '--db', db], { cwd: dir }).code).toBe(0);
    } finally {
      undo();
    }
  });

  it('a read-only folder: a new database and an import into an existing one are exit 4', (ctx) => {
    const folder = join(dir, 'ro-folder');
    mkdirSync(folder);
    copyFileSync(base, join(folder, 'tuan.db'));
    const undo = readOnly(folder);
    if (!undo) return ctx.skip();
    try {
      for (const db of ['new.db', 'tuan.db']) {
        const r = runBin(['import', SAMPLE, '--db', join(folder, db)], { cwd: dir });
        expect(r.code, r.stderr).toBe(4);
        expect(r.stderr).toContain('只读');
      }
    } finally {
      undo();
    }
  });
});

describe('files that are not (or no longer) tuan databases', () => {
  const cases: [string, () => string, RegExp][] = [
    [
      'random bytes',
      () => {
        const p = join(dir, 'random.db');
        const rnd = prng(5);
        writeFileSync(p, Buffer.from(Array.from({ length: 65536 }, () => Math.floor(rnd() * 256))));
        return p;
      },
      /已损坏,或不是 tuan 数据库\(file is not a database\)/,
    ],
    [
      'bytes overwritten in the middle',
      () =>
        copyOfBase('corrupt.db', (p) => {
          const fd = openSync(p, 'r+');
          writeSync(fd, Buffer.alloc(16384, 0x5a), 0, 16384, Math.floor(statSync(p).size / 2 / 4096) * 4096);
          closeSync(fd);
        }),
      /已损坏,或不是 tuan 数据库/,
    ],
    [
      'a missing table',
      () => copyOfBase('notable.db', (p) => withDb(p, (db) => db.exec('DROP TABLE rejects; DROP TABLE leaders'))),
      /已损坏,或不是 tuan 数据库\(no such table/,
    ],
    [
      'a missing column',
      () =>
        copyOfBase('nocolumn.db', (p) =>
          withDb(p, (db) => db.exec('ALTER TABLE order_lines DROP COLUMN member_id; ALTER TABLE rejects DROP COLUMN raw')),
        ),
      /已损坏,或不是 tuan 数据库\((no such column|table \w+ has no column)/,
    ],
    [
      'a newer tuan',
      () => copyOfBase('newer.db', (p) => withDb(p, (db) => db.pragma('user_version = 7'))),
      /结构版本是 7,由更新的 tuan 写入;这个 tuan 只认识到版本 \d+/,
    ],
    ['--db /dev/null', () => '/dev/null', /\/dev\/null 不是数据库文件\(是设备或特殊文件\)/],
    [
      '--db a folder',
      () => {
        const p = join(dir, 'a-folder.db');
        mkdirSync(p, { recursive: true });
        return p;
      },
      /不是数据库文件\(是文件夹\)/,
    ],
  ];
  for (const [name, make, message] of cases) {
    it(`${name}: status, segment, rejects and import are exit 4 with what to do`, () => {
      const db = make();
      const size = existsSync(db) && statSync(db).isFile() ? statSync(db).size : -1;
      for (const args of [['status'], ['segment'], ['rejects'], ['import', SAMPLE]]) {
        const r = runBin([...args, '--db', db], { cwd: dir });
        expect(r.code, `${args[0]}: ${r.stderr}`).toBe(4);
        expect(r.stderr, args[0]).toMatch(message);
        expect(r.stderr, args[0]).toMatch(/提示: /);
        expect(r.stderr).not.toContain('bug');
      }
      if (size >= 0) expect(statSync(db).size).toBe(size);
    });
  }

  it('a database in a folder that does not exist: exit 4, not a new folder', () => {
    const r = runBin(['import', SAMPLE, '--db', join(dir, 'no-such-folder', 'tuan.db')], { cwd: dir });
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toMatch(/无法创建数据库 .*:文件夹 .*no-such-folder 不存在\n提示: 先创建这个文件夹/);
  });

  it('the same in English', () => {
    writeFileSync(join(dir, 'text.db'), 'hello, this is not a database\n'.repeat(100));
    copyOfBase('newer.db', (p) => withDb(p, (db) => db.pragma('user_version = 7')));
    const r = runBin(['status', '--db', join(dir, 'text.db'), '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/is damaged or not a tuan database \(file is not a database\)\nhint: restore the file from a backup/);
    const v = runBin(['status', '--db', join(dir, 'newer.db'), '--lang', 'en'], { cwd: dir });
    expect(v.stderr).toMatch(/schema version 7, written by a newer tuan; this tuan knows up to version \d+\nhint: upgrade tuan/);
  });
});
