/**
 * The built binary on big exports: the worker-thread parse path (files ≥ 4 MiB) gives the same database as
 * the in-process path and as the counts the generator knows; an import killed mid-way leaves the database
 * exactly as before (one transaction per import). The files are 1 MiB (16 read batches, more than the 8 the
 * worker may have in flight): TUAN_TEST_WORKER_MIN_BYTES lowers the 4 MiB threshold, and a preload pauses the
 * import inside its transaction so that it can be killed there without a file big enough to be slow.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { writeBigExport } from '../helpers/big-export.js';
import { rows } from '../helpers/db.js';
import { BIN, ROOT, runBin, runTuan, workdir } from '../helpers/run-tuan.js';

const MiB = 1024 * 1024;
const WORKER = join(ROOT, 'dist/adapters/import-worker.js');

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/bin.js')) || !existsSync(WORKER)) execSync('npm run build', { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

/** A preload that reports on stderr when the process starts a worker thread. */
const HOOK = `const wt = require('node:worker_threads');
if (wt.isMainThread) {
  const Orig = wt.Worker;
  wt.Worker = class extends Orig {
    constructor(...args) { super(...args); require('node:fs').writeSync(2, 'test-hook: worker thread started\\n'); }
  };
  require('node:module').syncBuiltinESMExports();
}
`;
/**
 * A preload that pauses the import inside its transaction, after it has written 10 chunks of order lines,
 * and says so on stderr: the test kills it there (a real SIGKILL, at a known point rather than a lucky one).
 */
const PAUSE = `const proto = Object.getPrototypeOf(new (require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))}))(':memory:').prepare('SELECT 1'));
const run = proto.run;
let writes = 0;
proto.run = function (...args) {
  const r = run.apply(this, args);
  if (/INSERT INTO order_lines/i.test(this.source) && ++writes === 10) {
    require('node:fs').writeSync(2, 'test-hook: paused in the transaction\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  }
  return r;
};
`;
const ENV = { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'America/Los_Angeles' };
/** The worker threshold, lowered from 4 MiB to 512 KiB. */
const LOWER = { TUAN_TEST_WORKER_MIN_BYTES: String(MiB / 2) };

function statusOf(dir: string, db: string): Record<string, unknown> & { imports: Record<string, unknown>[] } {
  const r = runBin(['status', '--db', db, '--format', 'json'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown> & { imports: Record<string, unknown>[] };
}

/** A digest of every stored line, in identity order. */
function linesDigest(file: string): string {
  const h = createHash('sha256');
  for (const r of rows(
    file,
    `SELECT order_id, line_key, ordered_at, member_id, leader_id, product, category, quantity,
      amount_fen, refund_fen, status, member_name, phone, source_line FROM order_lines ORDER BY order_id, line_key`,
  )) {
    h.update(JSON.stringify(r));
  }
  return h.digest('hex');
}

describe('the built binary on an export above the worker threshold', () => {
  it('parses in a worker thread and stores the same as the in-process path and the generator’s counts', async () => {
    const dir = workdir();
    const expected = writeBigExport(join(dir, 'big.csv'), MiB);
    expect(expected.bytes).toBeGreaterThan(MiB);
    writeFileSync(join(dir, 'hook.cjs'), HOOK);
    const importWithHook = (db: string, env: Record<string, string>) =>
      spawnSync(
        process.execPath,
        ['--require', './hook.cjs', BIN, 'import', 'big.csv', '--db', db, '--max-reject-rate', '0', '--format', 'json'],
        { cwd: dir, encoding: 'utf8', env: { ...ENV, HOME: dir, ...env } },
      );

    const bin = importWithHook('bin.db', LOWER);
    expect(bin.status, bin.stderr).toBe(0);
    expect(bin.stderr).toBe('test-hook: worker thread started\n');
    // below the real threshold (4 MiB) the same file is parsed in-process, to the same result
    const plain = importWithHook('plain.db', {});
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stderr).toBe('');
    expect(JSON.parse(plain.stdout)).toEqual(JSON.parse(bin.stdout));

    // under vitest the worker script (a .js next to the .ts sources) does not exist: this is the in-process path
    expect(existsSync(join(ROOT, 'src/adapters/import-worker.js'))).toBe(false);
    const inproc = await runTuan(['import', 'big.csv', '--db', 'inproc.db', '--max-reject-rate', '0', '--format', 'json'], { cwd: dir });
    expect(inproc.code, inproc.stderr).toBe(0);
    expect(JSON.parse(bin.stdout)).toEqual(JSON.parse(inproc.stdout));

    const viaWorker = statusOf(dir, 'bin.db');
    const inProcess = statusOf(dir, 'inproc.db');
    const { imports: wi, ...wCounts } = viaWorker;
    const { imports: pi, ...pCounts } = inProcess;
    expect(wCounts).toEqual({
      lines: expected.lines,
      orders: expected.orders,
      members: expected.members,
      leaders: expected.leaders,
      rejected: 0,
      spend_fen: expected.spend_fen,
      first_order_at: expected.first_order_at,
      last_order_at: expected.last_order_at,
    });
    expect(pCounts).toEqual(wCounts);
    const noTime = (i: Record<string, unknown>[]) => i.map(({ imported_at: _t, ...rest }) => rest);
    expect(noTime(wi)).toEqual(noTime(pi));
    expect(wi[0]).toMatchObject({ encoding: 'gb18030', rows_read: expected.rows, inserted: expected.lines });
    expect(linesDigest(join(dir, 'bin.db'))).toBe(linesDigest(join(dir, 'inproc.db')));

    // and a re-import through the worker changes nothing
    const again = runBin(['import', 'big.csv', '--db', 'bin.db', '--format', 'json'], { cwd: dir, env: LOWER });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).orders[0]).toMatchObject({ inserted: 0, updated: 0, unchanged: expected.lines, rejected: 0 });
  }, 120_000);

  it('a killed import leaves the database exactly as before', async () => {
    const dir = workdir(['orders/basic.csv']);
    const first = runBin(['import', 'basic.csv', '--db', 't.db'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    const before = statusOf(dir, 't.db');
    expect(before).toMatchObject({ lines: 7, orders: 3 });
    const big = writeBigExport(join(dir, 'big.csv'), MiB, 7);
    writeFileSync(join(dir, 'pause.cjs'), PAUSE);

    const child = spawn(process.execPath, ['--require', './pause.cjs', BIN, 'import', 'big.csv', '--db', 't.db'], {
      cwd: dir,
      env: { ...ENV, HOME: dir, ...LOWER },
      stdio: ['ignore', 'pipe', 'pipe'],
    }); // parsed in a worker, as big files are
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
      child.on('exit', (code, signal) => res({ code, signal })),
    );
    const started = Date.now();
    const journal = () => existsSync(join(dir, 't.db-journal')) || existsSync(join(dir, 't.db-wal'));
    // wait until the import is paused mid-way, its transaction writing (its journal exists)
    while ((!err.includes('paused') || !journal()) && child.exitCode === null && Date.now() - started < 20_000) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(err).toBe('test-hook: paused in the transaction\n');
    expect(child.exitCode, 'the import finished before it could be killed').toBeNull();
    expect(journal()).toBe(true);
    expect(out).toBe(''); // no summary: not finished
    child.kill('SIGKILL');
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });

    const db = new Database(join(dir, 't.db')); // read-write: rolls the hot journal back
    try {
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(
        db
          .prepare(
            'SELECT (SELECT count(*) FROM order_lines) AS lines, (SELECT count(*) FROM imports) AS imports, (SELECT count(*) FROM rejects) AS rejects',
          )
          .get(),
      ).toEqual({ lines: 7, imports: 1, rejects: 0 });
    } finally {
      db.close();
    }
    expect(statusOf(dir, 't.db')).toEqual(before);

    // the database is still usable: the same import now runs to the end
    const after = runBin(['import', 'big.csv', '--db', 't.db', '--format', 'json'], { cwd: dir });
    expect(after.code, after.stderr).toBe(0);
    expect(statusOf(dir, 't.db')).toMatchObject({ lines: 7 + big.lines, spend_fen: (before.spend_fen as number) + big.spend_fen });
  }, 120_000);
});
