import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTuan, workdir } from '../helpers/run-tuan.js';

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
});
