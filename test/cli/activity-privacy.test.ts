import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runTuan } from '../helpers/run-tuan.js';
import { activityDir, AS_OF } from './activity-helpers.js';

const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
/** Every member name of test/fixtures/activity/orders.csv, unmasked. */
function fixtureNames(): string[] {
  const lines = readFileSync(join(FIXTURES, 'activity/orders.csv'), 'utf8').trim().split('\n').slice(1);
  return [...new Set(lines.map((l) => l.split(',')[3]!)), '王姐', '李哥']; // and the leaders' names (leaders.csv)
}

const RUNS: string[][] = [
  ...['intro', 'growth', 'mature', 'silent', 'churned'].flatMap((s) => [
    ['kit', s, '--leader', 'L1'],
    ['kit', s, '--format', 'html'],
    ['kit', s, '--lang', 'en', '--format', 'txt'],
  ]),
  ...['welcome', 'growth', 'mature', 'silent', 'churned', 'complaint'].flatMap((scene) =>
    ['intro', 'growth', 'mature', 'silent', 'churned'].map((stage) => ['script', scene, '--stage', stage]),
  ),
  ['script', 'churned', '--member', 'M10', '--lang', 'en'],
  ['plan', '--leader', 'L1', '--week', '2026-W44'],
  ['plan', '--leader', 'L1', '--week', '2026-W44', '--format', 'json'],
  ['plan', '--leader', 'L1', '--week', '2026-W44', '--format', 'html'],
  ['plan', '--leader', 'L2', '--week', 'next', '--lang', 'en'],
  ['lint'],
  ['lint', '--context', 'plan'],
];

describe('personal data in kits, scripts, plans and lint (SPEC §8)', () => {
  it('no output shows an unmasked phone or name unless --unmask', async () => {
    const cwd = await activityDir();
    const names = fixtureNames();
    expect(names).toHaveLength(18);
    for (const args of RUNS) {
      const r = await runTuan([...args, ...AS_OF], { cwd });
      expect(r.code, args.join(' ')).toBe(0);
      const out = r.stdout + r.stderr;
      expect(out, args.join(' ')).not.toMatch(PHONE);
      for (const n of names) expect(out.includes(n), `${args.join(' ')}: ${n}`).toBe(false);
    }
    const files = await runTuan(['script', 'churned', '--stage', 'churned', '--out', 'calls', ...AS_OF], { cwd });
    expect(files.code).toBe(0);
    for (const f of readdirSync(join(cwd, 'calls'))) expect(readFileSync(join(cwd, 'calls', f), 'utf8')).not.toMatch(PHONE);
  });

  it('with --unmask the call list and scripts show them (so the check above can fail)', async () => {
    const cwd = await activityDir();
    const kit = await runTuan(['kit', 'churned', '--leader', 'L1', '--unmask', ...AS_OF], { cwd });
    expect(kit.stdout).toContain('13900000010');
    expect(kit.stdout).toContain('钱大哥(M10)');
    expect(kit.stdout).toContain('团长 L1 王姐 · 阳光花园');
    const plan = await runTuan(['plan', '--leader', 'L1', '--week', '2026-W44', '--unmask', ...AS_OF], { cwd });
    expect(plan.stdout).toMatch(PHONE);
  });
});
