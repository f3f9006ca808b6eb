#!/usr/bin/env node
/**
 * Keeps the docs true. Needs the build (dist/).
 *
 * 1. In README.md and docs/**\/*.md (except the generated docs/reference/), regenerates the blocks between
 *    marker comments:
 *      <!-- help: segment -->     … <!-- /help -->  the output of `tuan segment --help --lang en`
 *      <!-- run: tuan status -->  … <!-- /run -->   the output of that command (`| head -N` keeps N lines;
 *                                                    `run-fail:` expects a non-zero exit and shows stderr)
 *      <!-- gen: stage-rules -->  … <!-- /gen -->   a table made from the code (see GENERATORS)
 *    Each document's `run:` blocks run in document order in a temp dir of its own holding data/,
 *    templates/, fixtures/ (test/fixtures/orders: small files with one quirk each), loop/ (test/fixtures/loop: a filled
 *    checklist and later orders for the contact-log loop of docs/guide/activities.md) and a database with the sample data already imported (data/sample-orders.csv with
 *    data/leaders.csv, and data/ktt-export.csv as leader L004); a document holding
 *    `<!-- docs-setup: empty -->` starts without a database instead (its first blocks import).
 * 2. Writes docs/reference/: one page per command (its --help in Chinese and English), configuration.md,
 *    templates.md, kpis.md and exit-codes.md (scripts/docs-reference.mjs).
 * 3. Checks that relative links between these files point at files that exist.
 *
 * `node scripts/docs.mjs` rewrites the files (DOCS_TIMING=1 prints how long each tuan run took);
 * `node scripts/docs.mjs --check` fails (exit 1) when any of
 * them is stale, when a command has no reference page, or when a link is broken.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATORS, referencePages } from './docs-reference.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/tuan.js');
const REFERENCE = 'docs/reference';
const check = process.argv.includes('--check');

const env = { ...process.env, NO_COLOR: '1', TZ: 'UTC', TUAN_LANG: '', TUAN_DB: '', COLUMNS: '120' };
delete env.GITHUB_ACTIONS;

// At most two tuan processes at a time: more only makes each one slower on a small machine.
const SLOTS = 2;
let running = 0;
const waiting = [];
async function slot(f) {
  if (running >= SLOTS) await new Promise((r) => waiting.push(r));
  running++;
  try {
    return await f();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Run tuan in `cwd`; resolves with stdout (with `allowFail`, stdout + stderr of a failed run). */
function tuan(args, cwd, opts = {}) {
  return slot(() => spawnTuan(args, cwd, opts));
}

function spawnTuan(args, cwd, { allowFail = false }) {
  return new Promise((ok, fail) => {
    const t0 = Date.now();
    execFile(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 }, (e, stdout, stderr) => {
      if (process.env.DOCS_TIMING) console.error(`${Date.now() - t0} ms  tuan ${args.join(' ')}`);
      if (!e) ok(stdout);
      else if (allowFail && typeof e.code === 'number') ok(stdout + stderr);
      else fail(new Error(`tuan ${args.join(' ')} failed (${e.code}):\n${stderr}`));
    });
  });
}

/** Split a command line the way a shell would for our simple examples (quotes, no expansions). */
function argv(line) {
  const out = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

const fence = (text) => '```text\n' + text.replace(/\s+$/, '') + '\n```';

function newWorkDir(base) {
  const dir = mkdtempSync(join(tmpdir(), 'tuan-docs-'));
  if (base) cpSync(base, dir, { recursive: true });
  else {
    cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
    if (existsSync(join(ROOT, 'templates'))) cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/orders'), join(dir, 'fixtures'), { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/loop'), join(dir, 'loop'), { recursive: true });
  }
  return dir;
}

/** A work dir with the sample data imported, copied for each document that does not ask for an empty one. */
async function preparedDir() {
  const dir = newWorkDir(null);
  await tuan(['import', 'data/sample-orders.csv', '--leaders', 'data/leaders.csv'], dir);
  await tuan(['import', 'data/ktt-export.csv', '--leader', 'L004'], dir);
  return dir;
}

/** Replace every marker block of one document; run: blocks in order, in their own work dir. */
async function processDoc(path, text, prepared) {
  const work = newWorkDir(text.includes('<!-- docs-setup: empty -->') ? null : prepared);
  try {
    const pattern = /<!-- (help|run|run-fail|gen): (.+?) -->\n[\s\S]*?<!-- \/(help|run|gen) -->/g;
    let out = '';
    let last = 0;
    for (const m of text.matchAll(pattern)) {
      const [whole, kind, arg] = m;
      out += text.slice(last, m.index) + (await block(kind, arg.trim(), work, path));
      last = m.index + whole.length;
    }
    return out + text.slice(last);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function block(kind, arg, work, path) {
  if (kind === 'help') {
    return `<!-- help: ${arg} -->\n${fence(await tuan([...arg.split(' '), '--help', '--lang', 'en'], work))}\n<!-- /help -->`;
  }
  if (kind === 'gen') {
    const gen = GENERATORS[arg];
    if (!gen) throw new Error(`unknown gen: block "${arg}" (known: ${Object.keys(GENERATORS).join(', ')})`);
    return `<!-- gen: ${arg} -->\n${(await gen(path)).replace(/\s+$/, '')}\n<!-- /gen -->`;
  }
  const [cmd, head] = arg.split(/\s+\|\s+head\s+-/);
  const args = argv(cmd);
  if (args[0] !== 'tuan') throw new Error(`run: blocks must start with tuan: ${arg}`);
  let result = await tuan(args.slice(1), work, { allowFail: kind === 'run-fail' });
  if (head) result = result.split('\n').slice(0, Number(head)).join('\n');
  return `<!-- ${kind}: ${arg} -->\n${fence(`$ ${arg}\n` + result)}\n<!-- /run -->`;
}

function mdFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? mdFiles(p) : n.endsWith('.md') ? [p] : [];
    });
}

/** Relative links to files that do not exist ("file: target"). */
function brokenLinks(file, text) {
  const bad = [];
  for (const m of text.matchAll(/\]\(([^)\s#]+)(#[^)\s]*)?\)/g)) {
    const target = m[1];
    if (/^[a-z]+:/i.test(target)) continue;
    if (!existsSync(resolve(ROOT, dirname(file), target))) bad.push(`${file}: ${target}`);
  }
  return bad;
}

async function main() {
  const sources = [
    'README.md',
    ...mdFiles(join(ROOT, 'docs'))
      .map((p) => relative(ROOT, p))
      .filter((p) => !p.startsWith(REFERENCE + '/')),
  ];
  const prepared = await preparedDir();
  let next;
  try {
    const [docs, reference] = await Promise.all([
      Promise.all(sources.map(async (p) => [p, await processDoc(p, readFileSync(join(ROOT, p), 'utf8'), prepared)])),
      referencePages((args) => tuan(args, prepared)),
    ]);
    next = new Map([...docs, ...reference]);
  } finally {
    rmSync(prepared, { recursive: true, force: true });
  }

  const existingRef = mdFiles(join(ROOT, REFERENCE)).map((p) => relative(ROOT, p));
  const extra = existingRef.filter((p) => !next.has(p));
  const problems = [];
  for (const [p, text] of next) {
    const path = join(ROOT, p);
    const old = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (old === text) continue;
    if (!check) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      console.log(`${p} updated`);
    } else if (old === null) {
      problems.push(p.startsWith(`${REFERENCE}/commands/`) ? `${p} is missing: a command has no reference page` : `${p} is missing`);
    } else {
      const a = old.split('\n');
      const b = text.split('\n');
      const i = a.findIndex((l, k) => l !== b[k]);
      problems.push(`${p} is stale from line ${i + 1}:\n- ${a[i]}\n+ ${b[i]}`);
    }
  }
  for (const p of extra) {
    if (check) problems.push(`${p} is not generated any more (a command was removed?)`);
    else {
      rmSync(join(ROOT, p));
      console.log(`${p} removed`);
    }
  }
  for (const [p, text] of next) problems.push(...brokenLinks(p, text).map((l) => `broken link in ${l}`));
  if (problems.length) {
    console.error(problems.join('\n') + (check ? '\nrun: npm run docs' : ''));
    process.exit(1);
  }
  console.log(check ? 'docs are up to date' : 'docs written');
}

await main();
