#!/usr/bin/env node
// prof-summary.mjs FILE.cpuprofile [TOP] — self time per function and per module of a V8 CPU profile.
//
//   node --cpu-prof --cpu-prof-dir=bench/work/prof bin/tuan.js import bench/work/orders-1000000-….csv --db /tmp/p.db
//   node bench/prof-summary.mjs bench/work/prof/CPU.….cpuprofile 25
//
// Self time of a sample = its time delta (the profile's own sampling intervals), attributed to the
// function on top of the stack. "module" groups by package (node_modules/<pkg>), project file (dist/…),
// node internals, or V8's pseudo-frames ((garbage collector), (program), (idle)).

import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/prof-summary.mjs FILE.cpuprofile [TOP]\n');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
for (let i = 0; i < prof.samples.length; i++) {
  const dt = prof.timeDeltas[i] ?? 0;
  self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + dt);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

function moduleOf(url, name) {
  if (!url) return name.startsWith('(') ? name : '(native / builtin)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith('node:')) return 'node internals';
  const d = /\/(dist|bench|bin)\/(.*)$/.exec(url);
  return d ? `${d[1]}/${d[2]}` : url;
}
const short = (url) => url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/');

const fns = new Map(),
  mods = new Map();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const name = functionName || '(anonymous)';
  const k = `${name}  ${url ? `${short(url)}:${lineNumber + 1}` : ''}`;
  fns.set(k, (fns.get(k) ?? 0) + us);
  const m = moduleOf(url, name);
  mods.set(m, (mods.get(m) ?? 0) + us);
}
const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
const print = (title, map, n) => {
  process.stdout.write(`${title}\n`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) process.stdout.write(`${ms(us)} ${pct(us)}  ${k}\n`);
  process.stdout.write('\n');
};
process.stdout.write(`profile ${file}: ${(total / 1e6).toFixed(2)} s sampled\n\n`);
print('self time by module', mods, 15);
print(`self time by function (top ${top})`, fns, top);
