#!/usr/bin/env node
// bench/run.mjs — import benchmark for `tuan` (run through `npm run bench`, which builds first).
//
//   node bench/run.mjs            full run: 1M lines ×3 vs sqlite3, 3M lines ×3, UCI Online Retail ×3
//   node bench/run.mjs --quick    100k lines, 1 run each, no 3M, no UCI (fast iteration)
//   node bench/run.mjs --only uci run only the cases whose key contains "uci" (checks that need others are skipped)
//   node bench/run.mjs --only xlsx  the 200k-line export as .xlsx vs as .csv (tuan on both, ratio and peak RSS)
//   node bench/run.mjs --runs 5   measurements per case (default 3, --quick 1)
//   node bench/run.mjs --live     run the tree's bin/tuan.js instead of a frozen copy of the build (see below)
//
// The working tree is shared with other work that rebuilds dist/ at any time. So that one run measures
// one build, the runner copies bin/, dist/ and package.json to bench/work/build/ at the start (after
// `npm run build`) and runs `node --import …/maxrss.mjs bench/work/build/bin/tuan.js import …`; modules
// still resolve from the repo's node_modules. --live measures bin/tuan.js in place instead.
// Each measurement also records how busy the rest of the machine was while it ran ("others" = CPU
// used by other processes, share of all cores). Before each measurement the runner waits (up to 2 min)
// for the machine to be quiet, and repeats a measurement that others disturbed (> 15%), at most 3
// attempts, keeping the least disturbed one; a warning lists the ones that stayed disturbed.
// --no-wait turns this off.
//
// Every measurement starts a fresh child process on a fresh database and records its wall time
// (spawn to exit) and its peak RSS. For tuan the peak RSS is the child's own getrusage maxRSS, written on
// exit by the preload bench/maxrss.mjs (env TUAN_BENCH_RSS). For the sqlite3 CLI, which cannot preload
// anything, it is VmHWM from /proc/<pid>/status sampled every 20 ms (a close lower bound).
// The reported value is the median of the runs; all samples are kept in the results file.
//
// Results: printed as tables and written to bench/results.json (--quick: bench/work/results-quick.json,
// so that a quick iteration does not overwrite the numbers of the last full run).
// Generated inputs are cached in bench/work/ (git-ignored) by line count and generator version.
//
// Adding a measurement: append to CASES (a named case with setup(), run() and an optional
// reference()), and to CHECKS when it has a target.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGunzip } from 'node:zlib';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const WORK = join(BENCH, 'work');
const SNAPSHOT = join(WORK, 'build');
const TUAN = () => join(ARGS.live ? ROOT : SNAPSHOT, 'bin', 'tuan.js');
const GEN = join(BENCH, 'gen-export.mjs');
const GEN_XLSX = join(BENCH, 'gen-xlsx.mjs');
const MAXRSS_URL = pathToFileURL(join(BENCH, 'maxrss.mjs')).href;
const UCI_GZ = resolve(ROOT, '..', 'shared', 'data', 'real', 'online_retail.csv.gz');
// ../shared beside the repository, or ../../shared from a worktree one folder deeper (test/helpers/shared-data.ts)
const CDNOW_GZ =
  [resolve(ROOT, '..'), resolve(ROOT, '..', '..')]
    .map((base) => join(base, 'shared', 'data', 'real', 'cdnow_master.csv.gz'))
    .find((f) => existsSync(f)) ?? resolve(ROOT, '..', 'shared', 'data', 'real', 'cdnow_master.csv.gz');
const PHASES = join(BENCH, 'predict-phases.mjs');

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const a = { quick: false, only: null, runs: null, live: false, noWait: false };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    if (v === '--quick') a.quick = true;
    else if (v === '--only') a.only = argv[++i];
    else if (v === '--live') a.live = true;
    else if (v === '--no-wait') a.noWait = true;
    else if (v === '--runs') a.runs = Number(argv[++i]);
    else if (v === '-h' || v === '--help') {
      process.stdout.write('usage: node bench/run.mjs [--quick] [--only KEY-SUBSTRING] [--runs N] [--live] [--no-wait]\n');
      process.exit(0);
    } else {
      process.stderr.write(`bench: unknown argument ${v}\n`);
      process.exit(2);
    }
  }
  if (a.runs !== null && !(Number.isInteger(a.runs) && a.runs >= 1)) {
    process.stderr.write('bench: --runs must be a whole number >= 1\n');
    process.exit(2);
  }
  return a;
}
const ARGS = parseArgs(process.argv.slice(2));
const RUNS = ARGS.runs ?? (ARGS.quick ? 1 : 3);
const QUIET = 0.15; // share of all cores that other processes may use during a measurement
const ATTEMPTS = 3;
const RESULTS = ARGS.quick ? join(WORK, 'results-quick.json') : join(BENCH, 'results.json');

// ---------------------------------------------------------------- sqlite3 CLI (the reference)
const sqliteVersion = (() => {
  const r = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    process.stderr.write('sqlite3 is needed for the reference: apt-get install -y sqlite3\n');
    process.exit(2);
  }
  return r.stdout.trim();
})();

// ---------------------------------------------------------------- small helpers
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const label = (n) => (n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n % 1000 === 0 ? `${n / 1000}k` : String(n));
const secs = (ms) => (ms === null || ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`);
const pct = (x) => (x === null || x === undefined ? '-' : `${Math.round(x * 100)}%`);
const mib = (kib) => (kib === null || kib === undefined ? '-' : `${(kib / 1024).toFixed(1)} MiB`);
const log = (s) => process.stderr.write(`${s}\n`);
const rmDb = (p) => {
  for (const s of ['', '-journal', '-wal', '-shm']) rmSync(p + s, { force: true });
};
const fileSize = (p) => (existsSync(p) ? statSync(p).size : null);

/** Share of CPU time not idle over the next `ms`, all cores (others' load during the run skews the numbers). */
async function busyShare(ms = 1000) {
  const sum = () =>
    os.cpus().reduce(
      (a, c) => {
        const t = c.times;
        return { idle: a.idle + t.idle, all: a.all + t.user + t.nice + t.sys + t.idle + t.irq };
      },
      { idle: 0, all: 0 },
    );
  const a = sum();
  await new Promise((r) => setTimeout(r, ms));
  const b = sum();
  return b.all > a.all ? Number((1 - (b.idle - a.idle) / (b.all - a.all)).toFixed(2)) : null;
}

/** A digest of the built code (every .js file under root), to notice a rebuild by someone else during a run. */
function distDigest(root = join(ROOT, 'dist')) {
  const h = createHash('sha256');
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) h.update(p.slice(root.length)).update(readFileSync(p));
    }
  };
  try {
    walk(root);
  } catch {
    return null;
  }
  return h.digest('hex').slice(0, 12);
}

/** Copy bin/, dist/ and package.json to bench/work/build, retrying while someone else is rebuilding. */
async function snapshotBuild() {
  for (let attempt = 1; attempt <= 10; attempt++) {
    const before = distDigest();
    rmSync(SNAPSHOT, { recursive: true, force: true });
    mkdirSync(SNAPSHOT, { recursive: true });
    cpSync(join(ROOT, 'dist'), join(SNAPSHOT, 'dist'), { recursive: true });
    cpSync(join(ROOT, 'bin'), join(SNAPSHOT, 'bin'), { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(SNAPSHOT, 'package.json'));
    const copied = distDigest(join(SNAPSHOT, 'dist'));
    if (before !== null && before === distDigest() && copied === before) return copied;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('dist/ kept changing while it was copied; try again later or use --live');
}

function git(args) {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The child environment: no TUAN_* from the caller (TUAN_DB, TUAN_LANG … would change what is measured). */
function childEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('TUAN_')) env[k] = v;
  return { ...env, TUAN_LANG: 'en', ...extra };
}

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** CPU seconds (user + system, all threads) of a live process from /proc/<pid>/stat, or null. */
function procCpuS(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
    return (Number(f[11]) + Number(f[12])) / CLK_TCK; // fields 14 utime, 15 stime
  } catch {
    return null;
  }
}

/** Busy CPU seconds of the whole machine so far (all cores), from os.cpus(). */
function machineBusyS() {
  return os.cpus().reduce((a, c) => a + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0) / 1000;
}

/** Read /proc/<pid>/status VmHWM (KiB), or null once the process is gone. */
function vmHwm(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Run one child to completion. Returns wall time (spawn → exit, ms), exit code, captured output, and the
 * highest VmHWM sampled while it ran.
 */
function runChild(cmd, args, { env, cwd = WORK, input } = {}) {
  return new Promise((resolvePromise, reject) => {
    const busy0 = machineBusyS(),
      self0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { env: env ?? childEnv(), cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let wallMs = null,
      hwm = null,
      cpuS = null,
      othersShare = null;
    const out = [],
      err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    const sample = () => {
      const v = vmHwm(child.pid);
      if (v !== null) hwm = Math.max(hwm ?? 0, v);
      const c = procCpuS(child.pid);
      if (c !== null) cpuS = c;
    };
    const timer = setInterval(sample, 20);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('exit', () => {
      wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      clearInterval(timer);
      // CPU used by other processes during the run, as a share of all cores (the runner's own excluded)
      const self = process.cpuUsage(self0);
      const others = machineBusyS() - busy0 - (cpuS ?? 0) - (self.user + self.system) / 1e6;
      othersShare = Math.max(0, others / ((wallMs / 1000) * os.cpus().length));
    });
    child.on('close', (code, signal) => {
      resolvePromise({
        wallMs,
        code,
        signal,
        hwmSampledKiB: hwm,
        cpuSampledS: cpuS,
        othersShare,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
    child.stdin.end(input ?? '');
  });
}

/** Read a file once so that every measured run finds it in the page cache (the first run is not penalised). */
async function warm(file) {
  for await (const _ of createReadStream(file, { highWaterMark: 1 << 20 })) {
    /* read */
  }
}

// ---------------------------------------------------------------- inputs
const GEN_VERSION = createHash('sha256').update(readFileSync(GEN)).digest('hex').slice(0, 8);
const inputs = {};

/** The generated export of n lines, cached in bench/work by line count and generator version. */
async function ensureExport(n) {
  const name = `orders-${n}-${GEN_VERSION}.csv`;
  const file = join(WORK, name);
  if (!existsSync(file)) {
    for (const f of readdirSync(WORK)) if (f.startsWith(`orders-${n}-`) && f !== name) rmSync(join(WORK, f), { force: true });
    log(`bench: generating ${label(n)} lines -> bench/work/${name}`);
    const r = await runChild(process.execPath, [GEN, String(n), file], { cwd: ROOT, env: process.env });
    if (r.code !== 0) throw new Error(`gen-export failed (${r.code}): ${r.stderr}`);
    inputs[name] = { lines: n, bytes: fileSize(file), generatedInMs: Math.round(r.wallMs), generatorPeakKiB: r.hwmSampledKiB };
  } else {
    inputs[name] = { lines: n, bytes: fileSize(file), cached: true };
  }
  return file;
}

/** The generated export of n lines as an .xlsx workbook (bench/gen-xlsx.mjs), cached beside the CSV. */
async function ensureWorkbook(n) {
  const csv = await ensureExport(n);
  const version = createHash('sha256').update(readFileSync(GEN_XLSX)).digest('hex').slice(0, 8);
  const name = `${csv.slice(WORK.length + 1, -'.csv'.length)}-${version}.xlsx`;
  const file = join(WORK, name);
  if (!existsSync(file)) {
    for (const f of readdirSync(WORK))
      if (f.startsWith(`orders-${n}-`) && f.endsWith('.xlsx') && f !== name) rmSync(join(WORK, f), { force: true });
    log(`bench: writing ${label(n)} lines as a workbook -> bench/work/${name}`);
    const r = await runChild(process.execPath, [GEN_XLSX, csv, file], { cwd: ROOT, env: process.env });
    if (r.code !== 0) throw new Error(`gen-xlsx failed (${r.code}): ${r.stderr}`);
    inputs[name] = { lines: n, bytes: fileSize(file), generatedInMs: Math.round(r.wallMs), generatorPeakKiB: r.hwmSampledKiB };
  } else {
    inputs[name] = { lines: n, bytes: fileSize(file), cached: true };
  }
  return { xlsx: file, csv };
}

/** The UCI file decompressed into bench/work (for sqlite3, which cannot read gzip). */
async function ensureUciCsv() {
  const file = join(WORK, 'online_retail.csv');
  if (!existsSync(file) || statSync(file).mtimeMs < statSync(UCI_GZ).mtimeMs) {
    log('bench: gunzip online_retail.csv.gz -> bench/work/online_retail.csv');
    await pipeline(createReadStream(UCI_GZ), createGunzip(), createWriteStream(`${file}.tmp`));
    renameSync(`${file}.tmp`, file);
  }
  inputs['online_retail.csv.gz'] = { bytes: fileSize(UCI_GZ), uncompressedBytes: fileSize(file) };
  return file;
}

// ---------------------------------------------------------------- the two tools
/** A run of `tuan import FILE --db <fresh> --format json …` with its peak RSS from the preload. */
function tuanImport(file, { key, extraArgs = [], expectInserted } = {}) {
  return async () => {
    const db = join(WORK, `${key}.tuan.db`);
    const rssFile = join(WORK, `${key}.rss`);
    rmDb(db);
    rmSync(rssFile, { force: true });
    const r = await runChild(
      process.execPath,
      ['--import', MAXRSS_URL, TUAN(), 'import', file, '--db', db, '--format', 'json', ...extraArgs],
      { env: childEnv({ TUAN_BENCH_RSS: rssFile }) },
    );
    if (r.code !== 0) throw new Error(`tuan import exited ${r.code ?? r.signal}: ${r.stderr.trim().slice(0, 2000)}`);
    const rssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : null;
    const s = JSON.parse(r.stdout).orders[0];
    const info = {
      rowsRead: s.rowsRead,
      linesAccepted: s.linesAccepted,
      inserted: s.inserted,
      repeated: s.repeated,
      rejected: s.rejected,
      encoding: s.encoding,
      layout: s.layout,
      dbBytes: fileSize(db),
    };
    if (expectInserted !== undefined && (s.inserted !== expectInserted || s.rejected !== 0)) {
      throw new Error(`tuan import: expected ${expectInserted} inserted and 0 rejected, got ${JSON.stringify(info)}`);
    }
    return { wallMs: r.wallMs, rssKiB, hwmSampledKiB: r.hwmSampledKiB, cpuSampledS: r.cpuSampledS, othersShare: r.othersShare, info };
  };
}

const q = (id) => `"${id.replace(/"/g, '""')}"`;
const ORDER_COLUMNS = '订单号,下单时间,会员ID,会员昵称,手机号,团长ID,商品名称,商品分类,数量,单价,实付金额,退款金额,订单状态'.split(',');
const ORDERS_TABLE =
  `CREATE TABLE t (${ORDER_COLUMNS.map((c) => `${q(c)} TEXT`).join(', ')}, ` +
  `PRIMARY KEY (${['订单号', '商品名称', '商品分类'].map(q).join(', ')}));`;
const UCI_COLUMNS = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'.split(',');
const UCI_TABLE = `CREATE TABLE t (${UCI_COLUMNS.map((c) => `${q(c)} TEXT`).join(', ')});`;

/** A run of the sqlite3 CLI: CREATE TABLE, `.mode csv`, `.import --skip 1 FILE t` into a fresh database. */
function sqliteImport(file, createTable, { key, expectRows } = {}) {
  return async () => {
    const db = join(WORK, `${key}.sqlite3.db`);
    rmDb(db);
    const script = `${createTable}\n.mode csv\n.import --skip 1 ${q(file)} t\n`;
    const r = await runChild('sqlite3', ['-bail', db], { input: script });
    if (r.code !== 0) throw new Error(`sqlite3 exited ${r.code ?? r.signal}: ${r.stderr.trim().slice(0, 2000)}`);
    const count = Number(spawnSync('sqlite3', [db, 'SELECT count(*) FROM t;'], { encoding: 'utf8' }).stdout.trim());
    const info = { rows: count, stderrLines: r.stderr.trim() ? r.stderr.trim().split('\n').length : 0, dbBytes: fileSize(db) };
    if (expectRows !== undefined && count !== expectRows) {
      throw new Error(`sqlite3 .import: expected ${expectRows} rows, got ${count}: ${r.stderr.trim().slice(0, 500)}`);
    }
    return { wallMs: r.wallMs, rssKiB: null, hwmSampledKiB: r.hwmSampledKiB, cpuSampledS: r.cpuSampledS, othersShare: r.othersShare, info };
  };
}

/** The facts query that `tuan segment` answers first, as one aggregate in the sqlite3 CLI (issue #3). */
const MEMBER_AGGREGATE = `SELECT member_id, min(d), max(d), count(*), sum(a) FROM (
  SELECT min(member_id) AS member_id, min(order_date) AS d, sum(net_fen) AS a FROM order_lines
  WHERE is_return = 0 GROUP BY order_id HAVING sum(net_fen) > 0) GROUP BY member_id;`;

/** Import a file into a database once, unmeasured, for the cases that read it. */
async function prepareDb(file, db) {
  rmDb(db);
  const r = await runChild(process.execPath, [TUAN(), 'import', file, '--db', db], { env: childEnv() });
  if (r.code !== 0) throw new Error(`tuan import (setup) exited ${r.code}: ${r.stderr.trim().slice(0, 2000)}`);
  return db;
}

/** A run of `tuan segment --format csv` on a prepared database. */
function tuanSegment(db, asOf) {
  return async () => {
    const r = await runChild(process.execPath, [TUAN(), 'segment', '--db', db, '--as-of', asOf, '--format', 'csv'], { env: childEnv() });
    if (r.code !== 0) throw new Error(`tuan segment exited ${r.code}: ${r.stderr.trim().slice(0, 2000)}`);
    const members = r.stdout.split('\n').length - 2;
    return {
      wallMs: r.wallMs,
      rssKiB: null,
      hwmSampledKiB: r.hwmSampledKiB,
      cpuSampledS: r.cpuSampledS,
      othersShare: r.othersShare,
      info: { rowsRead: members, rejected: 0, members },
    };
  };
}

/**
 * A run of `tuan predict --format json` on a prepared database (whole process), with the phases of the same
 * work timed in one process by bench/predict-phases.mjs (read, fit, per-member predictions): the fit's share.
 */
function tuanPredict(db, asOf) {
  return async () => {
    const r = await runChild(process.execPath, [TUAN(), 'predict', '--db', db, '--as-of', asOf, '--format', 'json'], { env: childEnv() });
    // exit 3 = no fit (too few repeat buyers, or a likelihood without a finite maximum: the generated
    // exports of bench/gen-export.mjs have no drop-out to speak of, a → 0 and b → 0); the time is still the whole process
    if (r.code !== 0 && r.code !== 3) throw new Error(`tuan predict exited ${r.code}: ${r.stderr.trim().slice(0, 2000)}`);
    const j = r.code === 0 ? JSON.parse(r.stdout) : { members: [], fits: [], refused: r.stderr.trim().slice(0, 300) };
    const dist = join(dirname(dirname(TUAN())), 'dist');
    const p = await runChild(process.execPath, [PHASES, dist, db, asOf], { env: childEnv() });
    if (p.code !== 0) throw new Error(`predict-phases exited ${p.code}: ${p.stderr.trim().slice(0, 2000)}`);
    const phases = JSON.parse(p.stdout);
    return {
      wallMs: r.wallMs,
      rssKiB: null,
      hwmSampledKiB: r.hwmSampledKiB,
      cpuSampledS: r.cpuSampledS,
      othersShare: r.othersShare,
      info: {
        rowsRead: j.members.length,
        rejected: 0,
        members: j.members.length,
        converged: r.code === 0 && j.fits.every((f) => f.bgnbd.converged && f.gamma_gamma.converged),
        ...(j.refused ? { refused: j.refused } : {}),
        ...phases,
        fitShareOfProcess: phases.fitMs / r.wallMs,
      },
    };
  };
}

/** The sqlite3 CLI running MEMBER_AGGREGATE on the same database file. */
function sqliteAggregate(db) {
  return async () => {
    const r = await runChild('sqlite3', ['-bail', '-csv', db], { input: MEMBER_AGGREGATE });
    if (r.code !== 0) throw new Error(`sqlite3 exited ${r.code}: ${r.stderr.trim().slice(0, 2000)}`);
    return {
      wallMs: r.wallMs,
      rssKiB: null,
      hwmSampledKiB: r.hwmSampledKiB,
      cpuSampledS: r.cpuSampledS,
      othersShare: r.othersShare,
      info: { rows: r.stdout.split('\n').length - 1 },
    };
  };
}

// ---------------------------------------------------------------- cases
// A case: { key, name, skip?: string (why), setup(): Promise<state>, run(state), reference?(state),
//           cleanup?(state), note? }. run/reference return a function performing ONE measurement.
const N_MAIN = ARGS.quick ? 100_000 : 1_000_000;
const N_BIG = 3_000_000;
const N_XLSX = 200_000;
const xlsxKey = `import-xlsx-${label(N_XLSX).toLowerCase()}`;
const mainKey = `import-${label(N_MAIN).toLowerCase()}`;
const CASES = [
  {
    key: mainKey,
    name: `tuan import ${label(N_MAIN)} lines`,
    setup: async () => ({ file: await ensureExport(N_MAIN) }),
    run: (s) => tuanImport(s.file, { key: mainKey, expectInserted: N_MAIN }),
    reference: (s) => sqliteImport(s.file, ORDERS_TABLE, { key: mainKey, expectRows: N_MAIN }),
  },
  {
    key: 'import-3m',
    name: `tuan import ${label(N_BIG)} lines`,
    skip: ARGS.quick ? '--quick' : null,
    setup: async () => ({ file: await ensureExport(N_BIG) }),
    run: (s) => tuanImport(s.file, { key: 'import-3m', expectInserted: N_BIG }),
  },
  {
    key: 'import-uci',
    name: 'tuan import UCI online_retail.csv.gz',
    skip: ARGS.quick ? '--quick' : !existsSync(UCI_GZ) ? `${UCI_GZ} is absent` : null,
    note: 'tuan reads the .gz, sqlite3 the gunzipped CSV (8 TEXT columns, no key): ratio for information',
    setup: async () => ({ gz: UCI_GZ, csv: await ensureUciCsv() }),
    run: (s) => tuanImport(s.gz, { key: 'import-uci', extraArgs: ['--max-reject-rate', '0.3'] }),
    reference: (s) => sqliteImport(s.csv, UCI_TABLE, { key: 'import-uci' }),
  },
  {
    key: `segment-${label(N_MAIN).toLowerCase()}`,
    name: `tuan segment --format csv, ${label(N_MAIN)} lines`,
    note: 'reference: the sqlite3 CLI running one aggregate (first/last order date, orders, spend per member) on the same file',
    setup: async () => ({ db: await prepareDb(await ensureExport(N_MAIN), join(WORK, `segment-${label(N_MAIN).toLowerCase()}.tuan.db`)) }),
    run: (s) => tuanSegment(s.db, '2025-12-31'),
    reference: (s) => sqliteAggregate(s.db),
  },
  {
    key: 'predict-cdnow',
    name: 'tuan predict, CDNOW master (23,570 customers)',
    skip: !existsSync(CDNOW_GZ) ? `${CDNOW_GZ} is absent` : null,
    note: 'whole process; info.fitMs is the BG/NBD + Gamma-Gamma fit timed in one process (bench/predict-phases.mjs)',
    setup: async () => ({ db: await prepareDb(CDNOW_GZ, join(WORK, 'predict-cdnow.tuan.db')) }),
    run: (s) => tuanPredict(s.db, '1998-06-30'),
  },
  {
    key: `predict-${label(N_MAIN).toLowerCase()}`,
    name: `tuan predict, ${label(N_MAIN)} lines`,
    note: 'whole process; info.fitMs as above',
    setup: async () => ({ db: await prepareDb(await ensureExport(N_MAIN), join(WORK, `predict-${label(N_MAIN).toLowerCase()}.tuan.db`)) }),
    run: (s) => tuanPredict(s.db, '2025-12-31'),
  },
  {
    key: xlsxKey,
    name: `tuan import ${label(N_XLSX)} lines .xlsx`,
    refTool: 'tuan import of the same lines as .csv',
    note: 'reference: tuan importing the same lines as .csv (the sqlite3 columns show that run); peak RSS is the .xlsx run',
    setup: async () => {
      const { xlsx, csv } = await ensureWorkbook(N_XLSX);
      return { file: xlsx, csv };
    },
    run: (s) => tuanImport(s.file, { key: xlsxKey, expectInserted: N_XLSX }),
    reference: (s) => tuanImport(s.csv, { key: `${xlsxKey}-ref`, expectInserted: N_XLSX }),
  },
];

// Checks with a target, computed from the case results (skipped when a case they need did not run).
const CHECKS = [
  {
    name: `wall time tuan / sqlite3, ${label(N_MAIN)}`,
    needs: [mainKey],
    value: (R) => R[mainKey].ratio,
    show: (v) => v.toFixed(2),
    target: { max: 1.5, text: '≤ 1.5' },
  },
  {
    name: 'peak RSS 3M − 1M',
    needs: ['import-1m', 'import-3m'],
    value: (R) => (R['import-3m'].run.rssKiB.median - R['import-1m'].run.rssKiB.median) / 1024,
    show: (v) => `${v.toFixed(1)} MiB`,
    target: { max: 50, text: '≤ 50 MiB' },
  },
  {
    name: `tuan segment / sqlite3 aggregate, ${label(N_MAIN)}`,
    needs: [`segment-${label(N_MAIN).toLowerCase()}`],
    value: (R) => R[`segment-${label(N_MAIN).toLowerCase()}`].ratio,
    show: (v) => v.toFixed(2),
    target: { max: 2.0, text: '≤ 2.0' },
  },
  {
    name: 'tuan predict, CDNOW master, whole process',
    needs: ['predict-cdnow'],
    value: (R) => R['predict-cdnow'].run.wallMs.median / 1000,
    show: (v) => `${v.toFixed(2)} s`,
    target: { max: 2, text: '< 2 s' },
  },
  {
    name: `wall time .xlsx / .csv (both tuan), ${label(N_XLSX)}`,
    needs: [xlsxKey],
    value: (R) => R[xlsxKey].ratio,
    show: (v) => v.toFixed(2),
    target: { max: 3.0, text: '≤ 3.0' },
  },
  {
    name: `peak RSS tuan import .xlsx, ${label(N_XLSX)} (information)`,
    needs: [xlsxKey],
    value: (R) => R[xlsxKey].run.rssKiB.median / 1024,
    show: (v) => `${v.toFixed(1)} MiB`,
  },
  {
    name: 'wall time tuan / sqlite3, UCI (information)',
    needs: ['import-uci'],
    value: (R) => R['import-uci'].ratio,
    show: (v) => v.toFixed(2),
  },
];

// ---------------------------------------------------------------- machine facts
function machine() {
  const cpus = os.cpus();
  let betterSqlite = null;
  try {
    const require = createRequire(join(ROOT, 'package.json'));
    const Database = require('better-sqlite3');
    const db = new Database(':memory:');
    betterSqlite = {
      version: require('better-sqlite3/package.json').version,
      sqlite: db.prepare('SELECT sqlite_version() AS v').get().v,
    };
    db.close();
  } catch (e) {
    betterSqlite = { error: String(e.message ?? e) };
  }
  const status = git(['status', '--porcelain', '--untracked-files=no']);
  return {
    node: process.version,
    sqlite3: sqliteVersion,
    betterSqlite3: betterSqlite,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    availableParallelism: os.availableParallelism?.() ?? cpus.length,
    memoryMiB: Math.round(os.totalmem() / 2 ** 20),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    commit: git(['rev-parse', '--short', 'HEAD']),
    worktreeDirty: status === null ? null : status !== '',
    dist: distDigest(),
    loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
}

// ---------------------------------------------------------------- run
function stats(samples, field) {
  const xs = samples.map((s) => s[field]).filter((x) => x !== null && x !== undefined);
  return xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), samples: xs } : null;
}
const summarise = (samples) => ({
  wallMs: stats(samples, 'wallMs'),
  rssKiB: stats(samples, 'rssKiB'),
  hwmSampledKiB: stats(samples, 'hwmSampledKiB'),
  cpuSampledS: stats(samples, 'cpuSampledS'),
  othersShare: stats(samples, 'othersShare'),
  attempts: samples.map((s) => s.attempt),
  waitedS: samples.map((s) => s.waitedS),
  info: samples.at(-1)?.info ?? null,
});

/** Wait (up to maxS) until other processes leave the CPU mostly idle. Returns the seconds waited. */
async function waitQuiet(maxS = 120) {
  const t0 = Date.now();
  for (let announced = false; ; ) {
    const busy = await busyShare(1000);
    if (busy === null || busy < QUIET || (Date.now() - t0) / 1000 >= maxS) return Math.round((Date.now() - t0) / 1000);
    if (!announced) log(`bench:   waiting for the machine to calm down (${pct(busy)} busy) …`);
    announced = true;
  }
}

/**
 * One measurement on a quiet machine: wait for quiet, measure, and measure again (at most ATTEMPTS in
 * all) when other processes took more than QUIET of the CPU meanwhile; keeps the least disturbed attempt.
 */
async function measure(fn, what) {
  let best = null;
  for (let attempt = 1; attempt <= (ARGS.noWait ? 1 : ATTEMPTS); attempt++) {
    const waitedS = ARGS.noWait ? 0 : await waitQuiet();
    log(`bench: ${what}${attempt > 1 ? ` (attempt ${attempt})` : ''} …`);
    const m = await fn();
    m.attempt = attempt;
    m.waitedS = waitedS;
    log(
      `bench:   ${secs(m.wallMs)}, peak RSS ${mib(m.rssKiB ?? m.hwmSampledKiB)}${m.rssKiB ? '' : ' (VmHWM)'}, ` +
        `CPU ${m.cpuSampledS?.toFixed(2) ?? '-'} s, others ${pct(m.othersShare)}`,
    );
    if (!best || (m.othersShare ?? 0) < (best.othersShare ?? 0)) best = m;
    if ((m.othersShare ?? 0) <= QUIET) break;
  }
  return best;
}

async function runCase(c) {
  const state = await c.setup();
  for (const f of [state.file, state.gz, state.csv]) if (f) await warm(f);
  const run = c.run(state);
  const ref = c.reference?.(state);
  const runs = [],
    refs = [];
  for (let i = 1; i <= RUNS; i++) {
    // interleaved, so that drift of the machine hits both sides alike
    runs.push(await measure(run, `${c.key} run ${i}/${RUNS} tuan`));
    if (ref) refs.push(await measure(ref, `${c.key} run ${i}/${RUNS} sqlite3`));
  }
  const result = { key: c.key, name: c.name, note: c.note ?? null, runs: RUNS, run: summarise(runs) };
  if (ref) {
    result.reference = { tool: c.refTool ?? 'sqlite3 CLI .import', ...summarise(refs) };
    result.ratio = result.run.wallMs.median / result.reference.wallMs.median;
  }
  for (const s of ['tuan', 'sqlite3']) rmDb(join(WORK, `${c.key}.${s}.db`)); // large; the sizes are in info
  rmDb(join(WORK, `${c.key}-ref.tuan.db`)); // a reference run by tuan itself
  for (const k of [c.key, `${c.key}-ref`]) rmSync(join(WORK, `${k}.rss`), { force: true });
  return result;
}

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  const started = new Date();
  const facts = machine();
  facts.busyBefore = await busyShare();
  if (ARGS.live) facts.measured = 'bin/tuan.js (the live tree)';
  else {
    facts.dist = await snapshotBuild();
    facts.measured = `bench/work/build/bin/tuan.js (copy of dist ${facts.dist} taken at the start)`;
  }
  const R = {};
  const results = [];
  let failed = false;
  for (const c of CASES) {
    if (ARGS.only && !c.key.includes(ARGS.only)) continue;
    if (c.skip) {
      results.push({ key: c.key, name: c.name, skipped: c.skip });
      log(`bench: ${c.key} skipped (${c.skip})`);
      continue;
    }
    try {
      R[c.key] = await runCase(c);
      results.push(R[c.key]);
    } catch (e) {
      failed = true;
      results.push({ key: c.key, name: c.name, error: String(e.message ?? e) });
      log(`bench: ${c.key} FAILED: ${e.message ?? e}`);
    }
  }
  const checks = CHECKS.map((k) => {
    if (!k.needs.every((n) => R[n])) return { name: k.name, skipped: `needs ${k.needs.join(', ')}` };
    const value = k.value(R);
    const ok = k.target ? value <= k.target.max : null;
    return { name: k.name, value, shown: k.show(value), target: k.target?.text ?? null, ok };
  });

  // The tree is shared: note when the code or the machine changed under the run.
  const after = {
    commit: git(['rev-parse', '--short', 'HEAD']),
    dist: distDigest(),
    loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
  const warnings = [];
  if (after.dist !== facts.dist) {
    warnings.push(
      `dist/ changed during the run (${facts.dist} -> ${after.dist})` +
        (ARGS.live ? ': someone rebuilt; the numbers mix two builds' : ': the numbers are of the copy taken at the start'),
    );
  }
  if (after.commit !== facts.commit) warnings.push(`HEAD moved during the run (${facts.commit} -> ${after.commit})`);
  const busyRuns = results
    .flatMap((r) => [...(r.run?.othersShare?.samples ?? []), ...(r.reference?.othersShare?.samples ?? [])].map((x) => [r.key, x]))
    .filter(([, x]) => x > QUIET);
  if (busyRuns.length) {
    warnings.push(
      `other processes used > ${pct(QUIET)} of the CPU during ${busyRuns.length} measurement(s) ` +
        `(${busyRuns.map(([k, x]) => `${k} ${pct(x)}`).join(', ')}): wall times are inflated; see othersShare in the results`,
    );
  }
  if (ARGS.noWait && facts.busyBefore > 0.25)
    warnings.push(`the machine was busy before the run (${Math.round(facts.busyBefore * 100)}% CPU over 1 s)`);
  const report = {
    date: started.toISOString(),
    durationS: Math.round((Date.now() - started.getTime()) / 1000),
    mode: ARGS.quick ? 'quick' : 'full',
    runsPerCase: RUNS,
    machine: facts,
    atEnd: after,
    warnings,
    inputs,
    cases: results,
    checks,
  };
  writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);

  const out = [];
  out.push(`tuan benchmark — ${report.date} (${report.mode}, median of ${RUNS} run${RUNS > 1 ? 's' : ''})`);
  out.push(
    `node ${facts.node} · sqlite3 ${facts.sqlite3.split(' ')[0]} · better-sqlite3 ${facts.betterSqlite3?.version ?? '?'} ` +
      `(SQLite ${facts.betterSqlite3?.sqlite ?? '?'}) · ${facts.cpu} · ${facts.cores} cores · ${facts.memoryMiB} MiB · ${facts.os}` +
      ` · load ${facts.loadavg.join(' ')}`,
  );
  out.push(`measured: ${facts.measured}, built from commit ${facts.commit ?? '?'}${facts.worktreeDirty ? ' + uncommitted changes' : ''}`);
  out.push('');
  out.push(
    table(
      [
        'case',
        'tuan wall',
        'tuan CPU',
        'tuan peak RSS',
        'sqlite3 wall',
        'sqlite3 CPU',
        'sqlite3 VmHWM',
        'tuan/sqlite3',
        'rows',
        'rejected',
      ],
      results.map((r) => {
        if (r.skipped) return [r.name, 'skipped', '-', '-', '-', '-', '-', '-', '-', '-'];
        if (r.error) return [r.name, 'ERROR', '-', '-', '-', '-', '-', '-', '-', '-'];
        const cpu = (x) => (x ? `${x.median.toFixed(2)} s` : '-');
        return [
          r.name,
          secs(r.run.wallMs.median),
          cpu(r.run.cpuSampledS),
          mib(r.run.rssKiB?.median),
          secs(r.reference?.wallMs.median),
          cpu(r.reference?.cpuSampledS),
          mib(r.reference?.hwmSampledKiB?.median),
          r.ratio ? r.ratio.toFixed(2) : '-',
          r.run.info.rowsRead,
          r.run.info.rejected,
        ];
      }),
    ),
  );
  const notes = results
    .map((r) =>
      r.skipped ? `  ${r.key}: skipped: ${r.skipped}` : r.error ? `  ${r.key}: ERROR, see below` : r.note ? `  ${r.key}: ${r.note}` : null,
    )
    .filter(Boolean);
  if (notes.length) out.push('', 'notes:', ...notes);
  out.push('');
  out.push(
    table(
      ['check', 'value', 'target', 'result'],
      checks.map((k) =>
        k.skipped
          ? [k.name, '-', '-', `skipped (${k.skipped})`]
          : [k.name, k.shown, k.target ?? '(information)', k.ok === null ? '' : k.ok ? 'ok' : 'MISSED'],
      ),
    ),
  );
  if (warnings.length) out.push('', ...warnings.map((w) => `WARNING: ${w}`));
  out.push('', `results: ${RESULTS.slice(ROOT.length + 1)}`);
  process.stdout.write(`${out.join('\n')}\n`);
  for (const r of results) if (r.error) process.stderr.write(`\n${r.key}: ${r.error}\n`);
  process.exitCode = failed ? 1 : 0;
}

await main();
