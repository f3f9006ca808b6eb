#!/usr/bin/env node
// bench/predict-phases.mjs DIST DB AS_OF — the phases of `tuan predict` in one process, for bench/run.mjs:
// reading the members' purchases (counted orders summed per day and member in SQL), the fit (BG/NBD + Gamma-Gamma) and
// the per-member predictions, in ms, as JSON.
// The same functions api/predict.ts calls, from the build under DIST (the bench's frozen copy of dist/).
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [dist, dbPath, asOf] = process.argv.slice(2);
const load = (p) => import(pathToFileURL(join(dist, p)).href);
const { openDb } = await load('adapters/db.js');
const { readPurchaseHistories } = await load('adapters/queries.js');
const { fitScope, parseHorizon, predictMembers, summariesOf } = await load('core/predict/index.js');

const t0 = performance.now();
const db = openDb(dbPath, { mustExist: true });
const rows = summariesOf(readPurchaseHistories(db, asOf), asOf, 'weeks');
const t1 = performance.now();
const fit = fitScope('all', rows);
const t2 = performance.now();
const members = fit.ok ? predictMembers(fit, { timeUnit: 'weeks', horizon: parseHorizon('12m', 'weeks'), monthlyDiscount: 0.01 }) : [];
const t3 = performance.now();
db.close();
const ms = (x) => Math.round(x);
process.stdout.write(
  `${JSON.stringify({ fitted: fit.ok, members: members.length, readMs: ms(t1 - t0), fitMs: ms(t2 - t1), predictMs: ms(t3 - t2), totalMs: ms(t3 - t0) })}\n`,
);
