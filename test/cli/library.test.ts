/**
 * docs/library.md is checked like the README: its script is extracted, run with node against the built
 * dist (imported as the package `tuan`, the way a project that depends on tuan imports it), and its output
 * must be the block the page shows.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, workdir } from '../helpers/run-tuan.js';

const DOC = readFileSync(join(ROOT, 'docs/library.md'), 'utf8');

/** The fenced block that follows a marker comment. */
function blockAfter(marker: string): string {
  const m = new RegExp(`<!-- ${marker} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``).exec(DOC);
  if (!m) throw new Error(`docs/library.md has no block after <!-- ${marker} -->`);
  return m[1]!;
}

describe('docs/library.md', () => {
  it('its script runs against the built package and prints what the page shows', () => {
    if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('dist/ missing: run npm run build');
    const dir = workdir();
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules/tuan'), 'dir');
    mkdirSync(join(dir, 'data'));
    for (const f of ['sample-orders.csv', 'leaders.csv']) copyFileSync(join(ROOT, 'data', f), join(dir, 'data', f));
    writeFileSync(join(dir, 'example.mjs'), blockAfter('library-script') + '\n');
    const r = spawnSync(process.execPath, ['example.mjs'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: dir, TZ: 'America/Los_Angeles', NO_COLOR: '1' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(blockAfter('library-output') + '\n');
    expect(r.stdout).toContain('members: 1483, silent: 540, churned: 383');
    expect(r.stdout).toContain('GMV ¥67,310.00 in 1008 orders, AOV ¥66.78');
  });
});
