/** Shared flags (defined once so each means the same everywhere) and output helpers. */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { dbFailure, LOCK_WAIT_MS, openDb, type Db } from '../adapters/db.js';
import { pick, type Lang, type Say } from '../i18n.js';
import { assertNotDatabase, writeOutputFile } from '../adapters/out-files.js';
import type { Ctx } from './types.js';

export function formatOption(say: Say, formats: readonly string[], dflt = formats[0]!): Option {
  return new Option('--format <format>', say('输出格式', 'output format')).choices(formats).default(dflt);
}

export const outOption = (say: Say) =>
  new Option(
    '--out <file>',
    say('写到这个文件,而不是标准输出(- 表示标准输出)', 'write the output to this file instead of stdout (- for stdout)'),
  );
export const leaderOption = (say: Say) => new Option('--leader <id>', say('只看这个团长(团长ID)', 'only this leader (团长ID)'));
export const regionOption = (say: Say) =>
  new Option('--region <region>', say('只看这个区域的团长(来自 leaders.csv)', 'only leaders of this region (from leaders.csv)'));

/**
 * Create a directory and its missing parents one level at a time (Node 20's recursive mkdir can
 * spin forever under /proc); throws the usual fs error when a level cannot be made.
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) mkdirSync(d);
}

/** Write command output to --out or stdout. */
export function emit(ctx: Ctx, text: string, out?: unknown): void {
  clearStatus(ctx);
  if (typeof out === 'string' && out !== '' && out !== '-') {
    const path = resolve(ctx.io.cwd, out);
    assertNotDatabase(path, out, dbPath(ctx));
    try {
      ensureDir(dirname(path));
      writeOutputFile(path, text, out, dbPath(ctx));
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new UsageError({ zh: `无法写入 ${out}:${why}`, en: `cannot write ${out}: ${why}` });
    }
    ctx.io.stderr.write(`${pick(ctx.lang, { zh: '已写入', en: 'wrote' })} ${out}\n`);
  } else {
    ctx.io.stdout.write(text);
  }
}

export function dbPath(ctx: Ctx): string {
  return ctx.config.db === ':memory:' ? ':memory:' : resolve(ctx.io.cwd, ctx.config.db);
}

/** Databases at least this big take seconds to read: a status line says what is going on. */
const STATUS_MIN_BYTES = 32 * 1024 * 1024;

/**
 * A size threshold lowered by the test suite (`TUAN_TEST_STATUS_MIN_BYTES`, `TUAN_TEST_WORKER_MIN_BYTES`),
 * so that tests of what happens above it need not write tens of MiB. Not for users; undefined when unset.
 */
export function testThreshold(ctx: Ctx, name: 'STATUS_MIN_BYTES' | 'WORKER_MIN_BYTES'): number | undefined {
  const bytes = Number(ctx.io.env[`TUAN_TEST_${name}`]);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/** Open the database for a command that reads: a missing file is exit 4, not a new empty database. */
export function openForRead(ctx: Ctx): Db {
  const path = dbPath(ctx);
  const db = openDb(path, { mustExist: true, onWait: waitNotice(ctx) });
  const statusMin = testThreshold(ctx, 'STATUS_MIN_BYTES') ?? STATUS_MIN_BYTES;
  if (ctx.io.stderrIsTTY && path !== ':memory:' && statSync(path).size >= statusMin) {
    ctx.io.stderr.write(pick(ctx.lang, { zh: '正在读取数据库……', en: 'reading the database …' }));
    ctx.status = { shown: true };
  }
  return db;
}

/** An SQLite failure during a command as the database error it is (full disk, locked, damaged …), or `e` itself. */
export function asDbError(e: unknown, ctx: Ctx): unknown {
  return dbFailure(e, dbPath(ctx)) ?? e;
}

/** What a command says on stderr while another tuan holds the database and it waits. */
export function waitNotice(ctx: Ctx): () => void {
  const minutes = LOCK_WAIT_MS / 60000;
  return () =>
    ctx.io.stderr.write(
      pick(ctx.lang, {
        zh: `tuan: 数据库正被另一个 tuan 使用,等待中(最多 ${minutes} 分钟)……\n`,
        en: `tuan: the database is in use by another tuan; waiting (up to ${minutes} minutes) …\n`,
      }),
    );
}

/** Open the database for reading, run `fn` (an api call) on it, and close it. */
export function withRead<T>(ctx: Ctx, fn: (db: Db) => T): T {
  const db = openForRead(ctx);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Clear the status line, if one is shown (before output, and when a command ends). */
export function clearStatus(ctx: Ctx): void {
  if (!ctx.status?.shown) return;
  ctx.io.stderr.write('\r\x1b[K');
  ctx.status.shown = false;
}

export function addExamples(cmd: Command, examples: string[], lang: Lang): void {
  cmd.addHelpText('after', `\n${pick(lang, { zh: '示例:', en: 'Examples:' })}\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}
