#!/usr/bin/env node
/**
 * Keeps README.md true: regenerates the blocks between marker comments.
 *   <!-- help: segment -->   … <!-- /help -->   the output of `tuan segment --help` (English)
 *   <!-- run: tuan status --> … <!-- /run -->   the output of that command (`| head -N` keeps N lines;
 *                                                 `run-fail:` expects a non-zero exit and shows stderr)
 * `node scripts/docs.mjs` rewrites README.md; `node scripts/docs.mjs --check` fails when it is stale.
 * Needs the build (dist/).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/tuan.js');
const check = process.argv.includes('--check');
const work = mkdtempSync(join(tmpdir(), 'tuan-docs-'));
cpSync(join(ROOT, 'data'), join(work, 'data'), { recursive: true });
if (existsSync(join(ROOT, 'templates'))) cpSync(join(ROOT, 'templates'), join(work, 'templates'), { recursive: true });

const env = { ...process.env, NO_COLOR: '1', TZ: 'UTC', TUAN_LANG: '', TUAN_DB: '', COLUMNS: '120' };
delete env.GITHUB_ACTIONS;

function tuan(args, { allowFail = false } = {}) {
  try {
    return execFileSync(process.execPath, [BIN, ...args], { cwd: work, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if (allowFail) return (e.stdout ?? '') + (e.stderr ?? '');
    throw new Error(`tuan ${args.join(' ')} failed (${e.status}):\n${e.stderr}`);
  }
}

/** Split a command line the way a shell would for our simple examples (quotes, no expansions). */
function argv(line) {
  const out = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

// `run:` blocks run in document order in one temp dir holding a copy of data/ and templates/, so the
// first blocks (the tour's imports) fill ./tuan.db for the later ones.

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const fence = (text) => '```text\n' + text.replace(/\s+$/, '') + '\n```';
let next = readme.replace(/<!-- help: ([\w ]+) -->\n[\s\S]*?<!-- \/help -->/g, (_, cmd) =>
  `<!-- help: ${cmd} -->\n${fence(tuan([...cmd.trim().split(' '), '--help', '--lang', 'en']))}\n<!-- /help -->`);
next = next.replace(/<!-- run(-fail)?: (.+?) -->\n[\s\S]*?<!-- \/run -->/g, (_, fail, line) => {
  const [cmd, head] = line.trim().split(/\s+\|\s+head\s+-/);
  const args = argv(cmd);
  if (args[0] !== 'tuan') throw new Error(`run: blocks must start with tuan: ${line}`);
  let out = tuan(args.slice(1), { allowFail: Boolean(fail) });
  if (head) out = out.split('\n').slice(0, Number(head)).join('\n');
  return `<!-- run${fail ?? ''}: ${line} -->\n${fence(`$ ${line.trim()}\n` + out)}\n<!-- /run -->`;
});
rmSync(work, { recursive: true, force: true });

if (check) {
  if (next !== readme) {
    const a = readme.split('\n');
    const b = next.split('\n');
    const i = a.findIndex((l, k) => l !== b[k]);
    console.error(`README.md is stale from line ${i + 1}:\n- ${a[i]}\n+ ${b[i]}\nrun: npm run docs`);
    process.exit(1);
  }
  console.log('README.md is up to date');
} else {
  writeFileSync(join(ROOT, 'README.md'), next);
  console.log('README.md updated');
}
