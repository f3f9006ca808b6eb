#!/usr/bin/env node
/**
 * Runs npm scripts at the same time and fails when any of them fails: `node scripts/run-p.mjs build typecheck`.
 * `npm test` uses it for the checks that do not depend on each other (two tsc runs, lint, knip), which
 * otherwise leave the second core idle. Each script's output is printed, whole, when it ends.
 */
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
const npmCli = process.env.npm_execpath; // set when started by npm; else npm from the PATH

function run(name) {
  return new Promise((resolve) => {
    const args = ['run', '--silent', name];
    const child = npmCli
      ? spawn(process.execPath, [npmCli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn('npm', args, { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (e) => resolve({ name, code: 1, out: `${out}${e.message}\n` }));
    child.on('close', (code) => resolve({ name, code: code ?? 1, out }));
  });
}

const results = await Promise.all(
  names.map((name) =>
    run(name).then((r) => {
      process.stdout.write(r.out);
      console.log(r.code === 0 ? `✓ npm run ${r.name}` : `✗ npm run ${r.name} failed (exit ${r.code})`);
      return r;
    }),
  ),
);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
