/**
 * Interrupted and concurrent imports (#12): kill -9 during an import, two imports at once, a held lock.
 * The database is the state before or after, never between, and a second import waits (saying so).
 * These run the built binary (test/faults/lib.mjs); `npm run test:faults` runs this file and 20 kills.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ROOT, runBin, workdir } from '../helpers/run-tuan.js';
import { inspect, killOnce, prng, start, tuan, writeExport } from './lib.mjs';

const SAMPLE = join(ROOT, 'data/sample-orders.csv');
let dir: string;
let base: string; // a database holding the sample

beforeAll(() => {
  dir = workdir();
  base = join(dir, 'base.db');
  const r = runBin(['import', SAMPLE, '--db', base], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the sample database, changed by `damage`. */
function copyOfBase(name: string, damage?: (path: string) => void): string {
  const p = join(dir, name);
  copyFileSync(base, p);
  damage?.(p);
  return p;
}

describe('kill -9 during an import', () => {
  it('2 kills at random points: intact, before or after, and the next import completes (20 in npm run test:faults)', async () => {
    const big = join(dir, 'kill.csv');
    writeExport(big, 20_000, 'K');
    const before = inspect(base).checksum;
    const ref = copyOfBase('ref.db');
    const t0 = Date.now();
    expect(tuan(['import', big, '--db', ref], dir).code).toBe(0);
    const duration = Date.now() - t0;
    const after = inspect(ref).checksum;
    const rnd = prng(20261205);
    for (let i = 0; i < 2; i++) {
      const delayMs = 50 + Math.floor(rnd() * (duration - 50));
      const r = await killOnce({ dir, base, big, delayMs, before, after, copy: copyFileSync });
      expect(r, `kill at ${delayMs} ms of ${duration}`).toMatchObject({
        integrity: 'ok',
        nextExit: 0,
        nextIntegrity: 'ok',
        nextIsAfter: true,
        ok: true,
      });
      expect(['before', 'after']).toContain(r.was);
    }
  }, 120_000);
});

describe('two imports at once', () => {
  it('both complete, the second after waiting (and saying so); every line of both is in', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeExport(a, 300_000, 'A', 1);
    writeExport(b, 100_000, 'B', 2);
    const db = copyOfBase('two.db');
    const lines = inspect(db).counts.order_lines!;
    const first = start(['import', a, '--db', db], dir);
    // Start the second once the first holds the write lock (a fixed delay raced on a quiet machine).
    let firstDone = false;
    void first.done.then(() => (firstDone = true));
    const probe = new Database(db, { timeout: 0 });
    for (let held = false; !held; ) {
      expect(firstDone, 'the first import ended before it was seen holding the lock').toBe(false);
      try {
        probe.exec('BEGIN IMMEDIATE');
        probe.exec('ROLLBACK');
        await new Promise((r) => setTimeout(r, 10));
      } catch {
        held = true;
      }
    }
    probe.close();
    const second = start(['import', b, '--db', db], dir);
    const [r1, r2] = await Promise.all([first.done, second.done]);
    expect(r1.code, r1.stderr).toBe(0);
    expect(r2.code, r2.stderr).toBe(0);
    expect(r1.stderr + r2.stderr).toContain('数据库正被另一个 tuan 使用,等待中');
    const end = inspect(db);
    expect(end.integrity).toBe('ok');
    expect(end.counts.order_lines).toBe(lines + 400_000);
  }, 120_000);

  it('an import waits past 5 s (where it used to give up) for a lock held 6 s, then completes', async () => {
    const db = copyOfBase('held.db');
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    const t0 = Date.now();
    const run = start(['import', join(ROOT, 'data/ktt-export.csv'), '--leader', 'L004', '--db', db], dir);
    await new Promise((r) => setTimeout(r, 6000));
    holder.exec('COMMIT');
    holder.close();
    const r = await run.done;
    expect(r.code, r.stderr).toBe(0);
    expect(Date.now() - t0).toBeGreaterThan(6000);
    expect(r.stderr).toContain('tuan: 数据库正被另一个 tuan 使用,等待中');
  }, 60_000);

  it('a reader waits for a writer that holds the database exclusively, says so, then answers', async () => {
    const db = copyOfBase('excl.db');
    const holder = new Database(db);
    holder.exec('BEGIN EXCLUSIVE');
    const run = start(['status', '--db', db, '--lang', 'en'], dir);
    await new Promise((r) => setTimeout(r, 1500));
    holder.exec('COMMIT');
    holder.close();
    const r = await run.done;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('tuan: the database is in use by another tuan; waiting');
  }, 60_000);
});
