#!/usr/bin/env node
/**
 * Hostile-input suite for tuan ("Nothing lost, nothing escapes", part 2).
 *
 *   node test/hostile/run.mjs [--fast] [--only FAMILY[,FAMILY]] [--file SUBSTRING] [--json out.json]
 *                             [--jobs N] [--big] [--keep] [--all-base] [--lean]
 *
 * Needs a build (dist/; run `npm run build` first): it builds nothing. Generates the corpus
 * (generate.mjs) into a temp dir, builds a base database from the sample data once, then for every
 * file imports it (a) into a fresh database and (b) into a copy of the base database, and runs every
 * command that reads the database on the result, with --as-of 2026-10-31 and a 30 s timeout each.
 * Failures are collected by kind (see README.md); the exit status is 1 when there is any.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/tuan.js');
const AS_OF = '2026-10-31';
const TIMEOUT_MS = 30_000;
const CAP = 20 * 1024 * 1024; // bytes of stdout/stderr/out-file kept per command

// ---------------------------------------------------------------------------------------------
// arguments

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const FAST = flag('--fast');
const BIG = flag('--big');
const KEEP = flag('--keep');
const ALL_BASE = flag('--all-base');
const ONLY = value('--only')?.split(',');
const FILE_FILTER = value('--file')?.split(',');
/** --lean: the --fast commands and base-copy rule, on whatever files are selected */
const LEAN = FAST || flag('--lean');
const JSON_OUT = value('--json');
const JOBS = Math.max(1, Number(value('--jobs') ?? 2));
if (flag('--help') || flag('-h')) {
  process.stdout.write(
    'usage: node test/hostile/run.mjs [--fast] [--only FAMILY[,FAMILY]] [--file SUBSTRING] [--json out.json] [--jobs N] [--big] [--keep] [--all-base] [--lean]\n',
  );
  process.exit(0);
}
if (!existsSync(join(ROOT, 'dist/bin.js'))) {
  process.stderr.write('run.mjs: dist/ is missing: run `npm run build` first\n');
  process.exit(2);
}

/** The representative subset of --fast (25 files): one or two files per family, most of them ones that found defects. */
const FAST_FILES = [
  'empty/zero-bytes.csv',
  'binary/export.xlsx-named.csv',
  'gzip/truncated-half.csv.gz',
  'gzip/bad-crc.csv.gz',
  'gzip/garbage-after.csv.gz',
  'gzip/bomb-300mb-newlines.csv.gz',
  'encoding/utf16le-lone-surrogate.csv',
  'encoding/utf8-bom-gbk-body.csv',
  'huge/unclosed-quote-5mb.csv',
  'csv/stray-quote-line3-of-5000.csv',
  'csv/crlf-header-lf-rows.csv',
  'headers/header-repeated-mid-file.csv',
  'dates/impossible.csv',
  'dates/year-9999.csv',
  'amounts/nan-infinity.csv',
  'amounts/huge.csv',
  'ids/path-traversal-a.csv',
  'ids/formula-ascii.csv',
  'ids/prototype-status.csv',
  'ids/ansi-escapes.csv',
  'ids/phone-as-member-id.csv',
  'pii/shifted-rows.csv',
  'leaders/mentor-cycle-2.csv',
  'ktt/broken-quote-multiline.csv',
  'fs/directory.csv',
];

// ---------------------------------------------------------------------------------------------
// running tuan

const ENV = { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'America/Los_Angeles', LANG: 'C.UTF-8' };

function capture() {
  const chunks = [];
  let size = 0;
  let total = 0;
  return {
    push: (b) => {
      total += b.length;
      if (size < CAP) {
        chunks.push(b.subarray(0, CAP - size));
        size += Math.min(b.length, CAP - size);
      }
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
    total: () => total,
  };
}

function tuan(args, cwd) {
  return new Promise((done) => {
    const t0 = Date.now();
    let child;
    try {
      child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...ENV, HOME: cwd }, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      done({
        code: null,
        signal: null,
        timedOut: false,
        stdout: '',
        stderr: `run.mjs: cannot spawn: ${e.message}`,
        ms: 0,
        spawnError: true,
      });
      return;
    }
    const out = capture();
    const err = capture();
    child.stdout.on('data', out.push);
    child.stderr.on('data', err.push);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, timedOut, stdout: out.text(), stderr: err.text(), stdoutBytes: out.total(), ms: Date.now() - t0 });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// the database: a checksum over the rows of every table, in primary key / rowid order

function dbState(path) {
  if (!existsSync(path)) return { exists: false, sum: 'none', tables: {} };
  let db;
  try {
    db = new Database(path, { fileMustExist: true }); // read-write: a hot journal left by a killed import rolls back
    const h = createHash('sha256');
    const tables = {};
    const names = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    for (const { name, sql } of names) {
      const q = `"${name.replace(/"/g, '""')}"`;
      let order = 'rowid';
      if (/WITHOUT\s+ROWID/i.test(sql ?? '')) {
        const pk = db
          .prepare(`PRAGMA table_info(${q})`)
          .all()
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk);
        order = pk.map((c) => `"${c.name}"`).join(', ');
      }
      let n = 0;
      for (const row of db.prepare(`SELECT * FROM ${q} ORDER BY ${order}`).raw().iterate()) {
        if (n === 0) h.update(`\u0001${name}\u0001`);
        h.update(JSON.stringify(row, (_, v) => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('hex') : v)));
        n++;
      }
      tables[name] = n;
    }
    // no rows at all reads the same as no database: a refused import may leave an empty schema behind
    return { exists: true, sum: Object.values(tables).some((n) => n > 0) ? h.digest('hex') : 'none', tables };
  } catch (e) {
    return { exists: true, sum: `unreadable: ${e.message}`, tables: {} };
  } finally {
    db?.close();
  }
}

function newImports(path, afterId) {
  if (!existsSync(path)) return [];
  let db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return db
      .prepare('SELECT import_id, kind, rows_read, lines_accepted, rejected FROM imports WHERE import_id > ? ORDER BY import_id')
      .all(afterId);
  } catch {
    return [];
  } finally {
    db?.close();
  }
}

function maxImportId(path) {
  const rows = newImports(path, -1);
  return rows.length ? rows[rows.length - 1].import_id : 0;
}

// ---------------------------------------------------------------------------------------------
// files: what a command wrote, and where

function walk(dir) {
  const seen = new Set();
  const go = (d) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      seen.add(relative(dir, p));
      if (e.isDirectory()) go(p);
    }
  };
  go(dir);
  return seen;
}

function pwnedEntries() {
  const out = new Set();
  for (const d of [tmpdir(), ROOT, join(ROOT, 'data'), '/']) {
    try {
      for (const n of readdirSync(d)) if (/PWNED/i.test(n)) out.add(join(d, n));
    } catch {
      /* unreadable: nothing to see */
    }
  }
  return out;
}

function readOutFiles(caseDir, rels) {
  const files = [];
  for (const rel of rels) {
    const p = join(caseDir, rel);
    try {
      const st = lstatSync(p);
      if (!st.isFile()) continue;
      const buf = readFileSync(p);
      files.push({ path: rel, text: buf.subarray(0, CAP).toString('utf8') });
    } catch {
      /* gone */
    }
  }
  return files;
}

// ---------------------------------------------------------------------------------------------
// checks

const STACK_RE = /^\s+at\s.+(?::\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;
const ERROR_LINE_RE = /^(?:Uncaught )?(?:[A-Z]\w*)?Error(?: \[[A-Z_]+\])?: /m;
const PHONE_RE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
const NUMBER_RE = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?%?$/;

/** RFC 4180 CSV parsing of an output (independent of the parser tuan uses). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else q = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') q = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function visible(s, n = 160) {
  // eslint-disable-next-line no-control-regex
  const t = s
    .replace(/\x1b/g, '\\e')
    .replace(/\u202e/g, '<U+202E>')
    .replace(/\u009b/g, '<U+009B>')
    .replace(/\0/g, '\\0')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n');
  return t.length > n ? t.slice(0, n) + '…' : t;
}

/**
 * The checks of one command's result. `names` are the full names in the input file. `caseOnly`:
 * only the checks that depend on the case (a cached result of an identical database).
 */
function checkResult(r, cmd, names, caseOnly) {
  const fails = [];
  const f = (kind, detail) => fails.push({ kind, command: cmd.slug, detail });
  const streams = [['stdout', r.stdout], ['stderr', r.stderr], ...r.files.map((x) => [`file ${x.path}`, x.text])];
  for (const [where, text] of streams) {
    for (const name of names) {
      const i = text.indexOf(name);
      if (i >= 0)
        f('pii-name', `${where} shows the full name "${name}": …${visible(text.slice(Math.max(0, i - 40), i + name.length + 40))}…`);
    }
  }
  if (caseOnly) return fails;
  if (r.timedOut) f('timeout', `no result after ${TIMEOUT_MS / 1000} s`);
  else if (r.signal) f('crash', `killed by ${r.signal}: ${visible(r.stderr.slice(-300))}`);
  else if (r.code === 70) f('exit-70', visible(r.stderr.split('\n')[0] ?? ''));
  else if (r.code !== null && ![0, 2, 3, 4, 5].includes(r.code) && !(r.code === 1 && cmd.mayFail))
    f('bad-exit', `exit ${r.code}: ${visible(r.stderr.slice(0, 300))}`);
  for (const [where, text] of [
    ['stderr', r.stderr],
    ['stdout', r.stdout],
  ]) {
    const m = STACK_RE.exec(text) ?? ERROR_LINE_RE.exec(text);
    if (m) f('stack-trace', `${where}: ${visible(text.slice(Math.max(0, m.index - 200), m.index + 200), 400)}`);
  }
  for (const [where, text] of [
    ['stdout', r.stdout],
    ['stderr', r.stderr],
  ]) {
    const bad = [
      ...new Set(
        (text.match(/[\x1b\u009b\u202e]/g) ?? []).map((c) => ({ '\x1b': 'ESC', '\u009b': 'CSI (U+009B)', '\u202e': 'U+202E' })[c]),
      ),
    ];
    if (bad.length) {
      const i = text.search(/[\x1b\u009b\u202e]/);
      f('raw-control', `${where} holds ${bad.join(', ')}: …${visible(text.slice(Math.max(0, i - 60), i + 60))}…`);
    }
  }
  for (const [where, text] of streams) {
    // hex digests (status shows a SHA-256 prefix such as c19551187989) are not phone numbers
    const clean = text.replace(/(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])[0-9a-f]{8,64}(?![0-9A-Za-z])/g, '');
    const phones = [...new Set(clean.match(PHONE_RE) ?? [])];
    if (phones.length) f('pii-phone', `${where} shows ${phones.length} mobile number(s), e.g. ${phones.slice(0, 3).join(', ')}`);
  }
  if (cmd.csv) {
    const texts =
      cmd.csv === 'stdout' ? [['stdout', r.stdout]] : r.files.filter((x) => x.path.endsWith('.csv')).map((x) => [`file ${x.path}`, x.text]);
    for (const [where, text] of texts) {
      if (r.code !== 0) continue;
      const cells = parseCsv(text.replace(/^\uFEFF/, '')).flat();
      const bad = [...new Set(cells.filter((c) => FORMULA_START.test(c) && !NUMBER_RE.test(c) && c !== '-'))];
      if (bad.length)
        f(
          'csv-injection',
          `${where}: ${bad.length} cell(s) start with a formula character, e.g. ${bad
            .slice(0, 4)
            .map((c) => JSON.stringify(visible(c, 40)))
            .join(', ')}`,
        );
    }
  }
  if (r.outside?.length)
    f(
      'write-outside-out',
      `wrote outside its --out target: ${r.outside
        .slice(0, 5)
        .map((p) => visible(p, 120))
        .join(', ')}`,
    );
  return fails;
}

// ---------------------------------------------------------------------------------------------
// commands that read the database

/** The commands run on a database: `all`, the base copy's subset `base`, or `fast`. */
function commands(c, mode) {
  const leader = c.leader ?? 'L001';
  const all = [
    { slug: 'status', args: ['status'] },
    { slug: 'rejects', args: ['rejects'] },
    { slug: 'rejects-csv', args: ['rejects', '--format', 'csv'], csv: 'stdout' },
    { slug: 'segment-csv', args: ['segment', '--format', 'csv'], csv: 'stdout' },
    { slug: 'stages-csv', args: ['stages', '--from', '2026-07-31', '--format', 'csv'], csv: 'stdout' },
    { slug: 'members', args: ['members'] },
    { slug: 'members-csv', args: ['members', '--format', 'csv'], csv: 'stdout' },
    { slug: 'commission-csv', args: ['commission', '--detail', '--format', 'csv'], csv: 'stdout' },
    { slug: 'leaders-csv', args: ['leaders', '--format', 'csv'], csv: 'stdout' },
    ...['intro', 'growth', 'mature', 'silent', 'churned'].map((s) => ({ slug: `kit-${s}`, args: ['kit', s] })),
    { slug: 'script', args: ['script', 'welcome', '--stage', 'intro'], out: 'dir' },
    ...(c.probeMember && !c.probeMember.includes('\0')
      ? [{ slug: 'script-member', args: ['script', 'welcome', '--member', c.probeMember], out: 'dir' }]
      : []),
    { slug: 'plan', args: ['plan', '--leader', leader, '--week', '2026-W44'] },
    { slug: 'kpi-csv', args: ['kpi', '--format', 'csv'], csv: 'stdout' },
    { slug: 'kpi-check', args: ['kpi', 'check', '--config', join(ROOT, 'data/kpi-checks.yaml')], mayFail: true },
    { slug: 'report', args: ['report'], out: 'file', outName: 'report.html' },
  ];
  if (mode === 'all') return all;
  // on the base copy the full list costs ~1 min a file on a loaded machine: these are the commands
  // where hostile rows mix with the sample's (--all-base runs every command there too)
  const keep = new Set(
    mode === 'fast'
      ? ['status', 'rejects-csv', 'members-csv', 'script', 'script-member', 'report']
      : ['status', 'rejects-csv', 'members-csv', 'commission-csv', 'kit-intro', 'script', 'script-member', 'plan', 'report'],
  );
  return all.filter((x) => keep.has(x.slug));
}

const DB_FILES = new Set(['tuan.db', 'tuan.db-journal', 'tuan.db-wal', 'tuan.db-shm']);

async function runCommands(caseDir, dbFile, list) {
  const results = [];
  for (const cmd of list) {
    const outRel = join('out', cmd.slug);
    mkdirSync(join(caseDir, outRel), { recursive: true });
    const target = cmd.out === 'file' ? join(caseDir, outRel, cmd.outName) : join(caseDir, outRel);
    const args = ['--db', dbFile, '--as-of', AS_OF, ...cmd.args, ...(cmd.out ? ['--out', target] : [])];
    const before = walk(caseDir);
    const r = await tuan(args, caseDir);
    const after = walk(caseDir);
    const created = [...after].filter((p) => !before.has(p));
    r.outside = created.filter((p) => !DB_FILES.has(p) && p !== outRel && !p.startsWith(outRel + sep));
    r.files = readOutFiles(caseDir, created.filter((p) => p.startsWith(outRel + sep)).concat(r.outside));
    r.command = cmd;
    results.push(r);
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// one case

const cache = new Map(); // database state -> command results
const isRoot = process.getuid?.() === 0;

function importArgs(c, path) {
  if (c.pass === 'leaders') return ['import', '--leaders', path];
  if (c.pass === 'ktt') return ['import', path, '--leader', c.leader ?? 'L9'];
  return ['import', path];
}

function outcomeOf(code, imports) {
  if (code !== 0) return `refused (exit ${code})`;
  const rejected = imports.reduce((s, i) => s + i.rejected, 0);
  return rejected > 0 ? `imported with ${rejected} rejects` : 'imported ok';
}

function expectationFailure(c, code, imports) {
  const rejected = imports.reduce((s, i) => s + i.rejected, 0);
  switch (c.expect) {
    case 'refuse: exit 3':
      if (code === 3) return null;
      if (code === 0 && c.special === 'unreadable' && isRoot) return null; // root reads mode 000 files
      return `expected: refuse with exit 3; got ${outcomeOf(code, imports)}`;
    case 'import ok':
      return code === 0 && rejected === 0 ? null : `expected: import ok; got ${outcomeOf(code, imports)}`;
    case 'import with rejects':
      return code === 0 && rejected > 0 ? null : `expected: import with rejects; got ${outcomeOf(code, imports)}`;
    case 'no silent loss':
      return code === 0 || code === 3
        ? null
        : `expected: import (every record counted) or refuse with exit 3; got ${outcomeOf(code, imports)}`;
    default:
      return null;
  }
}

async function runCase(c, ctx) {
  const result = { file: c.file, family: c.family, expect: c.expect, variants: {}, failures: [] };
  const fail = (variant, kind, command, detail) => result.failures.push({ file: c.file, family: c.family, variant, kind, command, detail });
  let path = join(ctx.corpus, c.file);
  if (c.special === 'missing') path = join(ctx.corpus, 'fs/does-not-exist.csv');
  if (c.special === 'dev-null') path = '/dev/null';
  for (const variant of ['fresh', 'base']) {
    // --fast: the base copy only checks that a refused import leaves it as it was
    const fresh = result.variants.fresh?.import;
    if (variant === 'base' && ctx.fast && !(fresh && fresh.code !== 0 && fresh.code !== null)) continue;
    const caseDir = join(ctx.tmp, 'cases', `${c.index}-${variant}`);
    mkdirSync(caseDir, { recursive: true });
    const dbFile = join(caseDir, 'tuan.db');
    if (variant === 'base') copyFileSync(ctx.baseDb, dbFile);
    const before = variant === 'base' ? ctx.baseState : dbState(dbFile);
    const lastId = variant === 'base' ? ctx.baseMaxImport : 0;
    const pwnedBefore = pwnedEntries();
    const snapshot = walk(caseDir);
    // A FIFO is read like standard input, as Unix tools do: a writer feeds it a small export (with no writer,
    // reading a FIFO waits for one, by design of the FIFO).
    const writer =
      c.special === 'fifo'
        ? spawn('sh', ['-c', 'cat "$0" > "$1"', join(ROOT, 'test/fixtures/orders/basic.csv'), path], { stdio: 'ignore' })
        : null;
    const r = await tuan(['--db', dbFile, '--as-of', AS_OF, ...importArgs(c, path)], caseDir);
    writer?.kill();
    ctx.commandsRun++;
    const after = dbState(dbFile);
    const imports = newImports(dbFile, lastId).filter((i) => i.kind === (c.pass === 'leaders' ? 'leaders' : 'orders'));
    const v = {
      import: { code: r.code, signal: r.signal, timedOut: r.timedOut, ms: r.ms, outcome: outcomeOf(r.code, imports), imports },
      commands: [],
    };
    result.variants[variant] = v;
    r.outside = [...walk(caseDir)].filter((p) => !snapshot.has(p) && !DB_FILES.has(p));
    r.files = [];
    for (const x of checkResult(r, { slug: 'import' }, c.names, false)) fail(variant, x.kind, 'import', x.detail);
    if (r.code !== 0 && before.sum !== after.sum) {
      fail(
        variant,
        'db-changed',
        'import',
        `the import was refused (exit ${r.code}) but the database changed: tables ${JSON.stringify(before.tables)} -> ${JSON.stringify(after.tables)}`,
      );
    }
    const ex = r.code === 70 || r.timedOut || r.signal ? null : expectationFailure(c, r.code, imports);
    if (ex) fail(variant, 'outcome', 'import', ex);
    if (r.code === 0 && c.records !== undefined && c.pass !== 'leaders') {
      const read = imports.reduce((s, i) => s + i.rows_read, 0);
      const rejected = imports.reduce((s, i) => s + i.rejected, 0);
      // A broken record may be read again from its next line (resynchronised): more rows than records is
      // fine when every extra row was rejected, and so announced; fewer rows than records is a silent loss.
      if (read < c.records || read - c.records > rejected) {
        fail(
          variant,
          'row-accounting',
          'import',
          `the file has ${c.records} data records; the import read ${read} (accepted ${imports.reduce((s, i) => s + i.lines_accepted, 0)} lines, rejected ${imports.reduce((s, i) => s + i.rejected, 0)}) and still exited 0`,
        );
      }
    }
    // commands: all of them in full mode; in --fast mode only on the fresh database
    if (!(ctx.fast && variant === 'base')) {
      const list = commands(c, ctx.fast ? 'fast' : variant === 'base' && !ALL_BASE ? 'base' : 'all');
      const key = `${variant}|${after.exists}|${after.sum}|${list.map((x) => x.slug).join(',')}`;
      const cached = cache.get(key);
      const results = cached ?? (await runCommands(caseDir, dbFile, list));
      if (!cached) {
        cache.set(key, results);
        ctx.commandsRun += results.length;
      } else ctx.commandsCached += results.length;
      for (const res of results) {
        v.commands.push({
          slug: res.command.slug,
          code: res.code,
          signal: res.signal,
          timedOut: res.timedOut,
          ms: res.ms,
          cached: !!cached,
        });
        for (const x of checkResult(res, res.command, c.names, !!cached)) fail(variant, x.kind, x.command, x.detail);
      }
    }
    const pwned = [...pwnedEntries()].filter((p) => !pwnedBefore.has(p));
    if (pwned.length)
      fail(
        variant,
        'write-outside-out',
        '(some command)',
        `new entries outside the case folder: ${pwned.join(', ')}${ctx.jobs > 1 ? ' (cases run in parallel: the attribution may be off by one case)' : ''}`,
      );
    if (!ctx.keep) rmSync(caseDir, { recursive: true, force: true });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// main

async function main() {
  const t0 = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), 'tuan-hostile-'));
  const corpus = join(tmp, 'corpus');
  const gen = spawnSync(process.execPath, [join(ROOT, 'test/hostile/generate.mjs'), corpus, ...(BIG ? ['--big'] : [])], {
    encoding: 'utf8',
  });
  if (gen.status !== 0) {
    process.stderr.write(`run.mjs: the generator failed:\n${gen.stderr}`);
    process.exit(2);
  }
  const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')).files.map((c, index) => ({ ...c, index }));
  // the FIFO is made here, at run time
  for (const c of manifest.filter((m) => m.special === 'fifo')) {
    const p = join(corpus, c.file);
    rmSync(p, { force: true });
    const mk = spawnSync('mkfifo', [p]);
    if (mk.status !== 0) c.skip = 'mkfifo failed';
  }
  // the base database: the sample, its leaders and the 快团团 export
  const baseDir = join(tmp, 'base');
  mkdirSync(baseDir);
  const baseDb = join(baseDir, 'tuan.db');
  const b1 = await tuan(
    ['--db', baseDb, '--as-of', AS_OF, 'import', join(ROOT, 'data/sample-orders.csv'), '--leaders', join(ROOT, 'data/leaders.csv')],
    baseDir,
  );
  const b2 = await tuan(['--db', baseDb, '--as-of', AS_OF, 'import', join(ROOT, 'data/ktt-export.csv'), '--leader', 'L004'], baseDir);
  if (b1.code !== 0 || b2.code !== 0) {
    process.stderr.write(`run.mjs: cannot build the base database:\n${b1.stderr}${b2.stderr}`);
    process.exit(2);
  }
  let cases = manifest;
  if (FAST) cases = cases.filter((c) => FAST_FILES.includes(c.file));
  if (ONLY) cases = cases.filter((c) => ONLY.includes(c.family));
  if (FILE_FILTER) cases = cases.filter((c) => FILE_FILTER.some((f) => c.file.includes(f)));
  const ctx = {
    tmp,
    corpus,
    baseDb,
    baseState: dbState(baseDb),
    baseMaxImport: maxImportId(baseDb),
    fast: LEAN,
    keep: KEEP,
    jobs: JOBS,
    commandsRun: 2,
    commandsCached: 0,
  };
  process.stderr.write(`hostile: ${cases.length} of ${manifest.length} files${FAST ? ' (--fast)' : ''}, ${JOBS} at a time, in ${tmp}\n`);

  // controls: the commands on the untouched base database (and on no database), so that what the
  // sample alone shows is reported once, and not charged to the first hostile file that leaves it as it was
  const results = [];
  for (const variant of LEAN ? ['fresh'] : ['fresh', 'base']) {
    const dir = join(tmp, 'cases', `control-${variant}`);
    mkdirSync(dir, { recursive: true });
    const dbFile = join(dir, 'tuan.db');
    if (variant === 'base') copyFileSync(baseDb, dbFile);
    const state = variant === 'base' ? ctx.baseState : dbState(dbFile);
    const list = commands({}, LEAN ? 'fast' : variant === 'base' && !ALL_BASE ? 'base' : 'all');
    const res = await runCommands(dir, dbFile, list);
    ctx.commandsRun += res.length;
    cache.set(`${variant}|${state.exists}|${state.sum}|${list.map((x) => x.slug).join(',')}`, res);
    const control = {
      file: `(control: ${variant === 'base' ? 'the base database, no hostile file' : 'no database'})`,
      family: 'control',
      variants: { [variant]: { commands: res.map((x) => ({ slug: x.command.slug, code: x.code, ms: x.ms })) } },
      failures: [],
    };
    for (const r of res)
      for (const x of checkResult(r, r.command, [], false)) control.failures.push({ file: control.file, family: 'control', variant, ...x });
    results.push(control);
    if (!KEEP) rmSync(dir, { recursive: true, force: true });
  }
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      if (c.skip) {
        results.push({ file: c.file, family: c.family, skipped: c.skip, variants: {}, failures: [] });
        continue;
      }
      const res = await runCase(c, ctx);
      results.push(res);
      const n = res.failures.length;
      process.stderr.write(
        `  ${String(results.length).padStart(3)}/${cases.length} ${n ? 'FAIL' : 'ok  '} ${visible(c.file, 60)}${n ? `  (${[...new Set(res.failures.map((x) => x.kind))].join(', ')})` : ''}\n`,
      );
    }
  };
  await Promise.all(Array.from({ length: JOBS }, worker));
  results.sort((a, b) => a.file.localeCompare(b.file));

  // summary
  const failures = results.flatMap((r) => r.failures);
  const byKind = new Map();
  for (const f of failures) {
    const k = byKind.get(f.kind) ?? { count: 0, files: new Set(), commands: new Set(), example: f };
    k.count++;
    k.files.add(f.file);
    k.commands.add(f.command);
    byKind.set(f.kind, k);
  }
  const families = [...new Set(cases.map((c) => c.family))];
  const seconds = ((Date.now() - t0) / 1000).toFixed(0);
  const lines = [
    '',
    `hostile-input suite${FAST ? ' (--fast)' : LEAN ? ' (--lean)' : ''}: ${cases.length} files in ${families.length} families (${families.join(', ')})`,
    `commands run: ${ctx.commandsRun} (+ ${ctx.commandsCached} results reused for identical databases), ${seconds} s`,
    `files with a failure: ${results.filter((r) => r.failures.length).length} of ${cases.length}; failures: ${failures.length}`,
  ];
  for (const [kind, k] of [...byKind].sort((a, b) => b[1].count - a[1].count)) {
    lines.push(
      `  ${kind.padEnd(18)} ${String(k.count).padStart(5)} in ${String(k.files.size).padStart(3)} files; commands: ${[...k.commands].slice(0, 8).join(' ')}${k.commands.size > 8 ? ' …' : ''}`,
    );
    lines.push(
      `  ${''.padEnd(18)} e.g. ${visible(k.example.file, 60)} [${k.example.variant}] ${k.example.command}: ${visible(k.example.detail, 200)}`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
  if (JSON_OUT) {
    writeFileSync(
      JSON_OUT,
      JSON.stringify(
        {
          suite: 'hostile',
          fast: FAST,
          big: BIG,
          only: ONLY ?? null,
          asOf: AS_OF,
          seconds: Number(seconds),
          files: cases.length,
          families,
          commandsRun: ctx.commandsRun,
          commandsCached: ctx.commandsCached,
          failuresByKind: Object.fromEntries(
            [...byKind].map(([kind, k]) => [kind, { count: k.count, files: [...k.files], commands: [...k.commands] }]),
          ),
          failures,
          cases: results,
        },
        null,
        2,
      ) + '\n',
    );
    process.stdout.write(`details: ${JSON_OUT}\n`);
  }
  if (!KEEP) rmSync(tmp, { recursive: true, force: true });
  else process.stdout.write(`kept: ${tmp}\n`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  process.stderr.write(`run.mjs: ${e.stack ?? e}\n`);
  process.exit(2);
});
