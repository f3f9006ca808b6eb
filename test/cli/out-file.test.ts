import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTuan, workdir } from '../helpers/run-tuan.js';
import { AS_OF } from './activity-helpers.js';

describe('--out', () => {
  it('creates missing folders and says where it wrote', async () => {
    const cwd = workdir();
    const r = await runTuan(['config', '--format', 'json', '--out', 'a/b/config.json'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('已写入 a/b/config.json\n');
    expect(JSON.parse(readFileSync(join(cwd, 'a/b/config.json'), 'utf8')).rfm.window_days).toBe(365);
  });
  it('is a usage error when the folder cannot be made (a file is in the way; /proc)', async () => {
    const cwd = workdir();
    writeFileSync(join(cwd, 'file.txt'), 'x');
    const r = await runTuan(['--lang', 'en', 'config', '--out', 'file.txt/c.yaml'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tuan: cannot write file\.txt\/c\.yaml: E/);
    if (existsSync('/proc/self')) {
      const p = await runTuan(['--lang', 'en', 'config', '--out', '/proc/tuan-test/x/c.yaml'], { cwd });
      expect(p.code).toBe(2);
    }
  });

  it('--out naming the database (or its -wal) is refused with exit 2 and the database is untouched', async () => {
    const cwd = workdir(['orders/basic.csv']);
    expect((await runTuan(['import', 'basic.csv'], { cwd })).code).toBe(0);
    const before = readFileSync(join(cwd, 'tuan.db'));
    for (const out of ['tuan.db', './tuan.db', join(cwd, 'tuan.db'), 'tuan.db-wal']) {
      const r = await runTuan(['--lang', 'en', 'members', '--out', out], { cwd });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `tuan: --out ${out} is the database file itself; output cannot go there\nhint: choose another file name, e.g. --out out.csv\n`,
      );
    }
    expect(readFileSync(join(cwd, 'tuan.db')).equals(before)).toBe(true);
  });

  it('--out - means standard output', async () => {
    const cwd = workdir();
    const r = await runTuan(['config', '--format', 'json', '--out', '-'], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rfm.window_days).toBe(365);
    expect(existsSync(join(cwd, '-'))).toBe(false);
  });

  it('files written with --out are private (0600), like the database, also when they existed before', async () => {
    const cwd = workdir();
    writeFileSync(join(cwd, 'old.json'), 'x', { mode: 0o644 });
    for (const out of ['new.json', 'old.json']) {
      expect((await runTuan(['config', '--format', 'json', '--out', out], { cwd })).code).toBe(0);
      expect(statSync(join(cwd, out)).mode & 0o777).toBe(0o600);
    }
  });
});

describe('script --out DIR with hostile member ids', () => {
  it('ids with ../, \\, device names and 300 characters give safe, unique files inside DIR', async () => {
    const cwd = workdir();
    const ids = ['x/../../../PWNED_A', '..\\..\\PWNED_B', 'CON', '..', 'y'.repeat(300), 'M\u202Egnp'];
    const lines = ids.map((id, i) => `O${i},2026-10-01 10:00:00,${JSON.stringify(id)},L1,10.00`);
    writeFileSync(join(cwd, 'orders.csv'), ['订单号,下单时间,会员ID,团长ID,实付金额', ...lines].join('\n') + '\n');
    expect((await runTuan(['import', 'orders.csv'], { cwd })).code).toBe(0);
    const r = await runTuan(
      ['script', 'silent', '--stage', 'silent', '--out', 'out/话术', ...AS_OF.map((a) => a.replace('10-31', '11-30'))],
      { cwd },
    );
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(join(cwd, 'out/话术'));
    expect(files).toHaveLength(ids.length);
    expect(readdirSync(join(cwd, 'out'))).toEqual(['话术']);
    expect(readdirSync(cwd).sort()).toEqual(['orders.csv', 'out', 'tuan.db']);
    for (const up of ['..', '../..', 'out/..', 'out/../..'])
      expect(readdirSync(join(cwd, up)).filter((f) => f.includes('PWNED'))).toEqual([]);
    for (const f of files) {
      expect(f).toMatch(/^silent-[^/\\]+\.txt$/);
      expect(statSync(join(cwd, 'out/话术', f)).mode & 0o777).toBe(0o600);
    }
    expect(files.some((f) => f.includes('PWNED_A'))).toBe(true);
  });
});
