/**
 * One targets table: `kpi.targets` is what `tuan kpi`, `tuan kit` and `tuan plan` show; the deprecated
 * `activities.targets` of an old configuration still loads, moved to kpi.targets, with a warning.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTuan } from '../helpers/run-tuan.js';
import { activityDir, AS_OF } from './activity-helpers.js';

const LEGACY = `activities:
  targets:
    silent:
      - kpi: wakeup_rate
        target: 40
        challenge: 50
    churned:
      - kpi: winback_rate
        target: 12
        challenge: null
`;

const WARN_ZH = `tuan: 警告:配置键 activities.targets 已弃用(CONFIG);kpi、kit、plan 和 report 都读取 kpi.targets。请改名(target 改为 baseline,challenge: null 删去):
  activities.targets.silent[0] {kpi: wakeup_rate, target: 40, challenge: 50} -> kpi.targets.wakeup_rate: {baseline: 40, challenge: 50}
  activities.targets.churned[0] {kpi: winback_rate, target: 12, challenge: null} -> kpi.targets.winback_rate: {baseline: 12}
`;

const WARN_EN = `tuan: warning: the configuration key activities.targets is deprecated (CONFIG); kpi, kit, plan and report all read kpi.targets. Rename (target becomes baseline, drop challenge: null):
  activities.targets.silent[0] {kpi: wakeup_rate, target: 40, challenge: 50} -> kpi.targets.wakeup_rate: {baseline: 40, challenge: 50}
  activities.targets.churned[0] {kpi: winback_rate, target: 12, challenge: null} -> kpi.targets.winback_rate: {baseline: 12}
`;

const kpiJson = async (cwd: string, extra: string[] = []) => {
  const r = await runTuan(['kpi', '--period', '2026-10', '--kpi', 'wakeup_rate,winback_rate', '--format', 'json', ...extra, ...AS_OF], {
    cwd,
  });
  expect(r.code).toBe(0);
  return Object.fromEntries(
    (JSON.parse(r.stdout).results as { kpi: string; baseline: number | null; challenge: number | null }[]).map((x) => [
      x.kpi,
      [x.baseline, x.challenge],
    ]),
  );
};

const planTargets = async (cwd: string) => {
  const r = await runTuan(['plan', '--leader', 'L1', '--week', '2026-W44', '--format', 'json', ...AS_OF], { cwd });
  expect(r.code).toBe(0);
  return Object.fromEntries(
    (JSON.parse(r.stdout).targets as { kpi: string; target: number; challenge: number | null }[]).map((t) => [
      t.kpi,
      [t.target, t.challenge],
    ]),
  );
};

describe('one targets table (kpi.targets)', () => {
  it('editing kpi.targets changes tuan kpi, tuan kit and tuan plan alike', async () => {
    const cwd = await activityDir();
    writeFileSync(
      join(cwd, 'tuan.config.yaml'),
      'kpi:\n  targets:\n    wakeup_rate:\n      baseline: 35\n      challenge: "45%"\n    winback_rate:\n      baseline: 18\n',
    );
    const kit = await runTuan(['kit', 'silent', '--leader', 'L1', ...AS_OF], { cwd });
    expect(kit.code).toBe(0);
    expect(kit.stderr).toBe('');
    expect(kit.stdout).toContain('| 唤醒率 | 35% | 45% | 3 位 | 至少 2 位 |');
    const churned = await runTuan(['kit', 'churned', '--leader', 'L1', ...AS_OF], { cwd });
    expect(churned.stdout).toContain('| 挽回成功率 | 18% | 20% |'); // the seed's challenge stays: kpi.targets merges over the defaults
    expect(await kpiJson(cwd)).toEqual({ wakeup_rate: [0.35, 0.45], winback_rate: [0.18, 0.2] });
    expect(await planTargets(cwd)).toMatchObject({ wakeup_rate: [35, 45], winback_rate: [18, 20] });
  });

  it('an old configuration with activities.targets loads, warns (Chinese by default) and the kit uses its values', async () => {
    const cwd = await activityDir();
    writeFileSync(join(cwd, 'tuan.config.yaml'), LEGACY);
    const kit = await runTuan(['kit', 'silent', '--leader', 'L1', ...AS_OF], { cwd });
    expect(kit.code).toBe(0);
    expect(kit.stderr).toBe(WARN_ZH.replace('CONFIG', join(cwd, 'tuan.config.yaml')));
    expect(kit.stdout).toContain('| 唤醒率 | 40% | 50% | 3 位 | 至少 2 位 |');
    const churned = await runTuan(['kit', 'churned', '--leader', 'L1', ...AS_OF], { cwd });
    expect(churned.stdout).toContain('| 挽回成功率 | 12% | - |'); // challenge: null means no challenge
    expect(await kpiJson(cwd)).toEqual({ wakeup_rate: [0.4, 0.5], winback_rate: [0.12, null] });
    expect(await planTargets(cwd)).toMatchObject({ wakeup_rate: [40, 50], winback_rate: [12, null], intro_retention_30d: [50, null] });
    const config = await runTuan(['config', '--format', 'json'], { cwd });
    const c = JSON.parse(config.stdout);
    expect(c.activities.targets).toBeUndefined();
    expect(c.kpi.targets.wakeup_rate).toEqual({ baseline: 40, challenge: 50 });
  });

  it('the warning is in English with --lang en', async () => {
    const cwd = await activityDir();
    writeFileSync(join(cwd, 'tuan.config.yaml'), LEGACY);
    const r = await runTuan(['kit', 'silent', '--leader', 'L1', '--lang', 'en', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(WARN_EN.replace('CONFIG', join(cwd, 'tuan.config.yaml')));
    expect(r.stdout).toContain('| wake-up rate | 40% | 50% |');
  });

  it('when both give a KPI, kpi.targets wins, and the warning says so', async () => {
    const cwd = await activityDir();
    writeFileSync(join(cwd, 'tuan.config.yaml'), `${LEGACY}kpi:\n  targets:\n    wakeup_rate:\n      baseline: 33\n`);
    const r = await runTuan(['kit', 'silent', '--leader', 'L1', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      '\nkpi.targets 与 activities.targets 都给了 wakeup_rate:以 kpi.targets 为准,activities.targets 中的值不用。\n',
    );
    expect(r.stdout).toContain('| 唤醒率 | 33% | 30% |');
    const en = await runTuan(['kpi', '--lang', 'en', '--kpi', 'wakeup_rate', '--period', '2026-10', ...AS_OF], { cwd });
    expect(en.stderr).toContain(
      '\nboth kpi.targets and activities.targets give wakeup_rate: kpi.targets wins, the activities.targets values are ignored.\n',
    );
    expect(await kpiJson(cwd)).toEqual({ wakeup_rate: [0.33, 0.3], winback_rate: [0.12, null] });
  });

  it('a bad old entry is a configuration error naming its key', async () => {
    const cwd = await activityDir();
    writeFileSync(
      join(cwd, 'tuan.config.yaml'),
      'activities:\n  targets:\n    silent:\n      - kpi: wakeup\n        target: 40\n        challenge: null\n',
    );
    const r = await runTuan(['--lang', 'en', 'kit', 'silent', ...AS_OF], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('activities.targets.silent.0.kpi:');
    expect(r.stderr).toContain('hint: activities.targets is deprecated: use kpi.targets (baseline/challenge)');
  });
});
