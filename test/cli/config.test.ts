import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTuan, workdir } from '../helpers/run-tuan.js';

describe('tuan config: layers and validation', () => {
  it('prints the defaults as JSON', async () => {
    const cwd = workdir();
    const r = await runTuan(['config', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.stages).toEqual({
      intro_days: 30,
      growth_days: 90,
      silent_after_days: 30,
      churned_after_days: 180,
      at_risk_days: 14,
      at_risk_mode: 'fixed',
      at_risk_rhythm_factor: 2,
    });
    expect(c.predict).toEqual({ time_unit: 'weeks', horizon: '12m', monthly_discount: 0.01 });
    expect(c.rfm.window_days).toBe(365);
  });

  it('layers defaults < ./tuan.config.yaml < --config file < TUAN_DB < --db', async () => {
    const cwd = workdir();
    writeFileSync(join(cwd, 'tuan.config.yaml'), 'db: from-file.db\nstages:\n  silent_after_days: 45\n');
    writeFileSync(join(cwd, 'checks.yaml'), 'stages:\n  at_risk_days: 20\n');
    const r = await runTuan(['config', '--config', 'checks.yaml', '--format', 'json'], { cwd, env: { TUAN_DB: 'env.db' } });
    const c = JSON.parse(r.stdout);
    expect([c.stages.silent_after_days, c.stages.at_risk_days, c.db]).toEqual([45, 20, 'env.db']);
    const flag = await runTuan(['config', '--db', 'flag.db', '--format', 'json'], { cwd, env: { TUAN_DB: 'env.db' } });
    expect(JSON.parse(flag.stdout).db).toBe('flag.db');
  });

  it('reports every problem with its path, unknown keys included, as exit 2', async () => {
    const cwd = workdir();
    writeFileSync(join(cwd, 'tuan.config.yaml'), 'stages:\n  intro_days: 100\n  silent_after_dayz: 3\nrfm:\n  method: quartile\n');
    const r = await runTuan(['--lang', 'en', 'config'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid configuration in');
    expect(r.stderr).toContain('stages: Unrecognized key: "silent_after_dayz"');
    expect(r.stderr).toContain('rfm.method:');
    expect(r.stderr).toContain('hint: run `tuan config`');
  });

  it('a YAML syntax error is exit 2 naming the file', async () => {
    const cwd = workdir();
    writeFileSync(join(cwd, 'tuan.config.yaml'), 'stages: [\n');
    const r = await runTuan(['--lang', 'en', 'config'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tuan: config file .*tuan\.config\.yaml is not valid YAML/);
  });
});
