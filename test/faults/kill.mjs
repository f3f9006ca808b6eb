#!/usr/bin/env node
/**
 * `npm run test:faults`: kill -9 an import of a 200,000-line export at 20 random points (seeded; set
 * FAULTS_SEED or FAULTS_KILLS to vary) and check each database: intact, equal to before or after, and
 * the next import completes. Needs `npm run build` first.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect, killOnce, prng, tuan, writeExport } from './lib.mjs';

const KILLS = Number(process.env.FAULTS_KILLS ?? 20);
const SEED = Number(process.env.FAULTS_SEED ?? 20261205);
const LINES = Number(process.env.FAULTS_LINES ?? 200_000);

const dir = mkdtempSync(join(tmpdir(), 'tuan-faults-'));
try {
  const big = join(dir, 'big.csv');
  writeExport(big, LINES, 'K');
  const seedCsv = join(dir, 'seed.csv');
  writeExport(seedCsv, 2000, 'S', 7);
  const base = join(dir, 'base.db');
  if (tuan(['import', seedCsv, '--db', base], dir).code !== 0) throw new Error('seed import failed');
  const before = inspect(base).checksum;
  const ref = join(dir, 'ref.db');
  copyFileSync(base, ref);
  const t0 = Date.now();
  const full = tuan(['import', big, '--db', ref], dir);
  const duration = Date.now() - t0;
  if (full.code !== 0) throw new Error(`reference import failed: ${full.stderr}`);
  const after = inspect(ref).checksum;
  console.log(`import of ${LINES} lines: ${duration} ms; ${KILLS} kills between 50 and ${duration} ms (seed ${SEED})`);
  const rnd = prng(SEED);
  let ok = 0;
  const seen = { before: 0, after: 0, between: 0 };
  for (let i = 0; i < KILLS; i++) {
    const delayMs = 50 + Math.floor(rnd() * (duration - 50));
    const r = await killOnce({ dir, base, big, delayMs, before, after, copy: copyFileSync });
    seen[r.was]++;
    if (r.ok) ok++;
    console.log(
      `kill ${i + 1} at ${delayMs} ms: ${r.killed ? 'killed' : `exited ${r.exit}`}, integrity ${r.integrity}, state ${r.was}, next import exit ${r.nextExit} ${r.nextIsAfter ? '(= after)' : '(≠ after!)'} → ${r.ok ? 'ok' : 'FAIL'}`,
    );
  }
  console.log(`${ok}/${KILLS} intact (before ${seen.before}, after ${seen.after}, between ${seen.between})`);
  process.exitCode = ok === KILLS ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
