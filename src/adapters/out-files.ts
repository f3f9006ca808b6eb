/**
 * Writing output files the user named (--out). Files are written 0600, like the database, because
 * they hold data from the exports. The database file itself (and its -wal/-shm/-journal) is never an
 * output, and one-file-per-member output stays inside the folder the user named.
 */
import { chmodSync, existsSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { uniqueFileNames } from '../core/shared/index.js';

const PRIVATE = 0o600;

function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** Refuse an output path that is the database or one of its companion files. */
export function assertNotDatabase(path: string, shown: string, dbPath: string | null): void {
  if (dbPath === null || dbPath === ':memory:') return;
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`]) {
    if (sameFile(path, f)) {
      throw new UsageError(
        {
          zh: `--out ${shown} 是数据库文件本身,不能把输出写在那里`,
          en: `--out ${shown} is the database file itself; output cannot go there`,
        },
        { zh: '换一个文件名,例如 --out 输出.csv', en: 'choose another file name, e.g. --out out.csv' },
      );
    }
  }
}

function writePrivate(path: string, text: string): void {
  writeFileSync(path, text, { mode: PRIVATE });
  chmodSync(path, PRIVATE); // an existing file keeps its old mode on write
}

/** Write one output file (its folder must exist). */
export function writeOutputFile(path: string, text: string, shown: string, dbPath: string | null): void {
  assertNotDatabase(path, shown, dbPath);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new UsageError({ zh: `--out ${shown} 是一个文件夹,需要文件名`, en: `--out ${shown} is a folder; give a file name` });
  }
  writePrivate(path, text);
}

/**
 * Write one file per item into `dir` (which must exist), named `prefix + safe(id) + suffix`: ids
 * from exports become safe, unique file names, and every path is checked to be inside `dir`.
 */
export function writeFilesInto(dir: string, prefix: string, suffix: string, files: readonly { id: string; text: string }[]): void {
  const root = realpathSync(dir);
  const names = uniqueFileNames(files.map((f) => f.id));
  files.forEach((f, i) => {
    const path = join(root, `${prefix}${names[i]}${suffix}`);
    if (dirname(path) !== root || !path.startsWith(root + sep)) throw new Error(`file name escapes ${root}: ${path}`);
    writePrivate(path, f.text);
  });
}
