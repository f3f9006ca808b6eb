/**
 * Imports of broken files (#12): what happens to every line is said, and nothing is lost with exit 0.
 * Files are written by the test, small, each proving one rule.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { rows } from '../helpers/db.js';
import { runBin, runTuan, workdir } from '../helpers/run-tuan.js';
import { execFileSync, spawn } from 'node:child_process';

const HEADER = '订单号,下单时间,会员ID,团长ID,实付金额';
const line = (i: number) => `O${i},2026-10-01 10:00:00,M${i % 97},L1,${(i % 50) + 1}.50`;
const db = (dir: string) => join(dir, 'tuan.db');

async function importJson(dir: string, file: string) {
  const r = await runTuan(['import', file, '--format', 'json'], { cwd: dir });
  return {
    r,
    s:
      r.code === 0
        ? (JSON.parse(r.stdout) as { orders: { rowsRead: number; rejected: number; linesAccepted: number }[] }).orders[0]!
        : null,
  };
}

describe('CSV syntax that used to lose lines', () => {
  it('one stray quote on line 3 of a 5,000-line export rejects line 3 only; every other line is imported', async () => {
    const dir = workdir();
    const lines = Array.from({ length: 5000 }, (_, i) => line(i + 1));
    lines[1] = 'O2,2026-10-01 10:00:00,"M2,L1,3.50'; // file line 3
    writeFileSync(join(dir, 'stray.csv'), [HEADER, ...lines].join('\n') + '\n');
    const { r, s } = await importJson(dir, 'stray.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(s).toMatchObject({ rejected: 1, linesAccepted: 4999 });
    expect(rows(db(dir), 'SELECT line, field FROM rejects')).toEqual([[3, '(csv)']]);
    expect(rows(db(dir), 'SELECT count(*) FROM order_lines')).toEqual([[4999]]);
  });

  it('a CRLF header followed by LF rows reads every row', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'mixed.csv'), `${HEADER}\r\n${Array.from({ length: 40 }, (_, i) => line(i + 1)).join('\n')}\n`);
    const { r, s } = await importJson(dir, 'mixed.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(s).toMatchObject({ rowsRead: 40, rejected: 0, linesAccepted: 40 });
  });

  it('a 3 MB line and a 100 KiB cell are rejected with their line numbers, the rest imported', async () => {
    const dir = workdir();
    const lines = Array.from({ length: 20 }, (_, i) => line(i + 1));
    lines[4] = `O5,2026-10-01 10:00:00,M5,L1,${'9'.repeat(3_000_000)}`; // file line 6
    lines[9] = `O10,2026-10-01 10:00:00,"${'长'.repeat(100 * 1024)}",L1,1.00`; // file line 11
    writeFileSync(join(dir, 'long.csv'), [HEADER, ...lines].join('\n') + '\n');
    const r = await runTuan(['import', 'long.csv', '--max-reject-rate', '0.2', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(rows(db(dir), 'SELECT line, reason FROM rejects ORDER BY line')).toEqual([
      [6, 'a line longer than 1 MiB (skipped)'],
      [11, 'a cell longer than 64 KiB'],
    ]);
    expect(rows(db(dir), 'SELECT count(*) FROM order_lines')).toEqual([[18]]);
    expect(rows(db(dir), 'SELECT max(length(raw)) FROM rejects')[0]![0] as number).toBeLessThan(2100);
  });
});

describe('damaged files are input errors (exit 3) that name the file, and the database is unchanged', () => {
  const csv = Buffer.from(`${HEADER}\n${Array.from({ length: 2000 }, (_, i) => line(i + 1)).join('\n')}\n`);
  const gz = gzipSync(csv);
  const damaged: [string, Buffer][] = [
    ['truncated', gz.subarray(0, Math.floor(gz.length / 2))],
    ['no-trailer', gz.subarray(0, gz.length - 8)],
    ['bad-crc', Buffer.concat([gz.subarray(0, gz.length - 8), Buffer.from([1, 2, 3, 4]), gz.subarray(gz.length - 4)])],
    ['corrupt-deflate', Buffer.concat([gz.subarray(0, 20), Buffer.alloc(40, 0xff), gz.subarray(60)])],
    ['two-bytes', Buffer.from([0x1f, 0x8b])],
    ['ten-bytes', gz.subarray(0, 10)],
    ['garbage-after', Buffer.concat([gz, Buffer.from('this is not gzip at all')])],
  ];

  it.each(damaged)('%s.csv.gz', async (name, bytes) => {
    const dir = workdir(['orders/basic.csv']);
    expect((await runTuan(['import', 'basic.csv'], { cwd: dir })).code).toBe(0);
    const before = readFileSync(db(dir));
    writeFileSync(join(dir, `${name}.csv.gz`), bytes);
    const r = await runTuan(['--lang', 'en', 'import', `${name}.csv.gz`], { cwd: dir });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`^tuan: ${name}\\.csv\\.gz (is a damaged or incomplete gzip file|is empty|: )`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(db(dir)).equals(before)).toBe(true);
  });

  it('a gzip bomb (40 MB of newlines in 40 KB) is refused quickly', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'bomb.csv.gz'), Buffer.concat([gzipSync(Buffer.from(`${HEADER}\n`)), gzipSync(Buffer.alloc(40_000_000, 10))]));
    const r = await runTuan(['--lang', 'en', 'import', 'bomb.csv.gz'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^tuan: bomb\.csv\.gz: it expands to more than 200 times its compressed size/);
  });

  it('a folder named like a file, and an unreadable file', async () => {
    const dir = workdir();
    mkdirSync(join(dir, 'x.csv'));
    const r = await runTuan(['--lang', 'en', 'import', 'x.csv'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([3, `tuan: cannot read ${join(dir, 'x.csv')}: it is a folder, not a file\n`]);
    if (process.getuid?.() !== 0) {
      // root reads anything
      writeFileSync(join(dir, 'secret.csv'), csv, { mode: 0o000 });
      const s = await runTuan(['--lang', 'en', 'import', 'secret.csv'], { cwd: dir });
      expect([s.code, s.stderr]).toEqual([3, `tuan: cannot read ${join(dir, 'secret.csv')}: no permission to read it\n`]);
    }
  });
});

const good = (from: number) => `${HEADER}\n${Array.from({ length: 10 }, (_, i) => line(from + i)).join('\n')}\n`;

describe('several files: what happened to each is said', () => {
  it('good.csv bad.csv good2.csv: both good files are imported, the bad one is named, exit 3', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'good.csv'), good(1));
    writeFileSync(join(dir, 'bad.csv'), '完全,不是,订单\n1,2,3\n');
    writeFileSync(join(dir, 'good2.csv'), good(101));
    const r = await runTuan(['--lang', 'en', 'import', 'good.csv', 'bad.csv', 'good2.csv'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('good.csv: UTF-8');
    expect(r.stdout).toContain('good2.csv: UTF-8');
    expect(r.stderr).toMatch(/^tuan: bad\.csv: no header row with known column names/);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('1 file(s) not imported: bad.csv; the other 2 were imported');
    expect(rows(db(dir), 'SELECT count(*) FROM order_lines')).toEqual([[20]]);
  });

  it('--all-or-nothing: one refused file imports none', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'good.csv'), good(1));
    writeFileSync(join(dir, 'bad.csv'), '');
    const r = await runTuan(['--lang', 'en', 'import', '--all-or-nothing', 'good.csv', 'bad.csv', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({
      orders: [],
      failed: [{ file: 'bad.csv', error: 'bad.csv is empty' }],
      rolledBack: ['good.csv'],
    });
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(
      '1 file(s) not imported: bad.csv; with --all-or-nothing, none of the others were imported either',
    );
    expect(existsSync(db(dir))).toBe(false); // nothing imported: the database this run created is deleted (#12)
  });
});

describe('standard input and FIFOs', () => {
  it('tuan import - reads standard input (the built binary, piped)', () => {
    const dir = workdir();
    const r = runBin(['import', '-', '--format', 'json'], { cwd: dir, input: good(1) });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).orders[0]).toMatchObject({ file: 'stdin', rowsRead: 10, linesAccepted: 10 });
  });

  it.skipIf(process.platform === 'win32')('a FIFO is read, not reported as an empty file', async () => {
    const dir = workdir();
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    const writer = spawn('sh', ['-c', `cat > "${join(dir, 'pipe.csv')}"`], { stdio: ['pipe', 'ignore', 'ignore'] });
    writer.stdin.end(good(1));
    const r = await runTuan(['import', 'pipe.csv', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).orders[0]).toMatchObject({ file: 'pipe.csv', rowsRead: 10 });
  });
});
