/**
 * Shared by the fault tests (test/cli/db-faults.test.ts) and `npm run test:faults` (kill.mjs): a plain
 * order export of N lines, a checksum of every row of every table, and running the built binary.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { mulberry32 } from '../../scripts/prng.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/tuan.js');

/** the seeded PRNG of the data generators */
export const prng = mulberry32;

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** An order export of `lines` lines (one line per order), order ids `${prefix}0000001` …; deterministic. */
export function writeExport(path, lines, prefix = 'F', seed = 12) {
  const rnd = prng(seed);
  const fd = openSync(path, 'w');
  writeSync(fd, '订单号,下单时间,会员ID,会员昵称,手机号,团长ID,商品名称,商品分类,数量,单价,实付金额,退款金额,订单状态\n');
  let buf = [];
  for (let n = 0; n < lines; n++) {
    const d = new Date(Date.UTC(2025, 0, 1, 0, n));
    const at = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
    const m = pad(1 + Math.floor(rnd() * 5000), 5);
    const qty = 1 + Math.floor(rnd() * 3);
    const price = 100 + Math.floor(rnd() * 9900);
    const yuan = (f) => `${Math.trunc(f / 100)}.${pad(f % 100)}`;
    buf.push(
      `${prefix}${pad(n, 7)},${at},M${m},会员${m},139${pad(n % 100000000, 8)},L00${1 + (n % 3)},商品${n % 40},生鲜,${qty},${yuan(price)},${yuan(qty * price)},0,已完成`,
    );
    if (buf.length >= 5000) {
      writeSync(fd, buf.join('\n') + '\n');
      buf = [];
    }
  }
  if (buf.length) writeSync(fd, buf.join('\n') + '\n');
  closeSync(fd);
}

/**
 * A checksum of every row of every table (the import time left out: it is the clock's), and the
 * integrity check. Opened read-write, as the next tuan would: SQLite rolls back a hot journal first.
 */
export function inspect(dbPath) {
  const db = new Database(dbPath);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const h = createHash('sha256');
    const counts = {};
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    for (const t of tables) {
      let n = 0;
      for (const row of db.prepare(`SELECT * FROM "${t}"`).iterate()) {
        if (t === 'imports') delete row.imported_at;
        h.update(`${t}\u0000${JSON.stringify(row)}\n`);
        n++;
      }
      counts[t] = n;
    }
    return { integrity, checksum: h.digest('hex'), counts };
  } finally {
    db.close();
  }
}

/** Run the built binary to the end. */
export function tuan(args, cwd, env = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', ...env },
  });
  return { code: r.status ?? -1, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Start the built binary; `done` resolves with its exit code, signal and stderr. */
export function start(args, cwd, env = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
  const done = new Promise((res) => child.on('close', (code, signal) => res({ code, signal, stderr })));
  return { child, done };
}

/**
 * Kill -9 an import of `big` into a copy of `base` after `delayMs`, then check: integrity ok, the rows
 * equal `before` or `after` (checksums), and the same import run again completes and gives `after`.
 */
export async function killOnce({ dir, base, big, delayMs, before, after, copy }) {
  const db = join(dir, 'kill.db');
  copy(base, db);
  const { child, done } = start(['import', big, '--db', db], dir);
  const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
  const r = await done;
  clearTimeout(timer);
  const state = inspect(db);
  const was = state.checksum === before ? 'before' : state.checksum === after ? 'after' : 'between';
  const again = tuan(['import', big, '--db', db], dir);
  const next = inspect(db);
  // When the import had already finished (the kill came too late), the next import is a re-import of the
  // same file: it changes no row and only records one more import.
  const reimport = () => Object.keys(state.counts).every((t) => next.counts[t] === state.counts[t] + (t === 'imports' ? 1 : 0));
  const nextIsAfter = was === 'after' ? reimport() : next.checksum === after;
  return {
    killed: r.signal === 'SIGKILL',
    exit: r.code,
    integrity: state.integrity,
    was,
    nextExit: again.code,
    nextIntegrity: next.integrity,
    nextIsAfter,
    ok: state.integrity === 'ok' && was !== 'between' && again.code === 0 && next.integrity === 'ok' && nextIsAfter,
  };
}
