/**
 * SQL checks: a check's `sql:` is one read-only SELECT (or WITH … SELECT) that returns one number.
 * It runs on its own read-only connection, and anything that writes, ATTACHes, runs a PRAGMA or
 * controls transactions is refused before it reaches SQLite; SQLite's own read-only flags are checked too.
 * Named parameters: @period_start, @period_end (last counted day), @as_of, @leader_id, @region (null when unused).
 */
import Database from 'better-sqlite3';
import { ConfigError } from '../errors.js';
import { ratio, type Ratio } from '../core/shared/index.js';
import type { Unit } from '../core/kpi/index.js';

const REFUSED = /\b(attach|detach|pragma\w*|insert|update|delete|replace\s+into|create|drop|alter|vacuum|reindex|load_extension)\b/i;

/** SQL text without comments and quoted strings/identifiers, so that keywords inside them do not count. */
function codeOnly(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]/g, 'x');
}

/** Why a query is refused, or null when it may run. Pure. */
export function sqlRefusal(sql: string): string | null {
  const code = codeOnly(sql).trim();
  const first = /^\(*\s*(\w+)/.exec(code)?.[1]?.toLowerCase();
  if (first !== 'select' && first !== 'with')
    return `only a SELECT (or WITH … SELECT) may run, not ${first ? first.toUpperCase() : 'an empty query'}`;
  const word = REFUSED.exec(code)?.[1];
  if (word) return `${word.toUpperCase().replace(/\s+/g, ' ')} is refused: a check may only read`;
  if (/;\s*\S/.test(code)) return 'one statement only';
  return null;
}

export interface SqlParams {
  period_start: string;
  period_end: string;
  as_of: string;
  leader_id: string | null;
  region: string | null;
}

export class SqlRunner {
  private db: Database.Database | null = null;
  constructor(private readonly path: string) {}

  private open(): Database.Database {
    if (!this.db) this.db = new Database(this.path, { readonly: true, fileMustExist: true });
    return this.db;
  }

  /** Run one check's query; `where` names the check in messages. Returns null (n/a) for no row or NULL. */
  value(sql: string, params: SqlParams, unit: Unit, where: string): Ratio | null {
    const refusal = sqlRefusal(sql);
    if (refusal)
      throw new ConfigError(
        { zh: `${where}.sql 被拒绝:${refusal}`, en: `${where}.sql refused: ${refusal}` },
        { zh: '只写一条返回一个数的 SELECT', en: 'write one SELECT that returns one number' },
      );
    let row: unknown[][];
    try {
      const stmt = this.open().prepare(sql);
      if (!stmt.reader || !stmt.readonly) throw new Error('the statement does not only read');
      row = stmt.raw().all(params) as unknown[][];
    } catch (e) {
      throw new ConfigError(
        { zh: `${where}.sql 执行失败:${(e as Error).message}`, en: `${where}.sql failed: ${(e as Error).message}` },
        {
          zh: '可用的参数:@period_start @period_end @as_of @leader_id @region',
          en: 'params: @period_start @period_end @as_of @leader_id @region',
        },
      );
    }
    if (row.length === 0) return null;
    if (row.length > 1 || row[0]!.length !== 1) {
      throw new ConfigError({
        zh: `${where}.sql 应只返回一个数,实际返回了 ${row.length} 行 ${row[0]!.length} 列`,
        en: `${where}.sql must return one number, got ${row.length} row(s) of ${row[0]!.length} column(s)`,
      });
    }
    return toRatio(row[0]![0], unit, where);
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}

/** SQL numbers in the unit's base: rates as fractions (0.42), money in fen, counts and numbers as they are. */
function toRatio(v: unknown, unit: Unit, where: string): Ratio | null {
  if (v === null) return null;
  if (typeof v === 'bigint') v = Number(v);
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ConfigError({
      zh: `${where}.sql 返回了 ${JSON.stringify(v)},不是数字`,
      en: `${where}.sql returned ${JSON.stringify(v)}, not a number`,
    });
  if (unit === 'money' || unit === 'count') {
    if (!Number.isSafeInteger(v)) {
      throw new ConfigError({
        zh: `${where}.sql 返回了 ${v}:${unit === 'money' ? '金额应是整数(单位:分)' : '计数应是整数'}`,
        en: `${where}.sql returned ${v}: a ${unit} must be a whole number${unit === 'money' ? ' of fen' : ''}`,
      });
    }
    return ratio(v, 1);
  }
  return ratio(Math.round(v * 1_000_000), 1_000_000);
}
