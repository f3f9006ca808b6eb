/**
 * Issue #16 item 4, "every statement true and clear": one test per statement that was wrong or read
 * badly, each failing on the old output. Fixture: test/fixtures/activity (see its README).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTuan } from '../helpers/run-tuan.js';
import { activityDir, AS_OF } from './activity-helpers.js';

describe('every statement true and clear (#16)', () => {
  it('成熟期客单价增幅 is computed by tuan kpi, so the kit and the plan do not call it not computable', async () => {
    const cwd = await activityDir();
    const kit = await runTuan(['kit', 'mature', '--leader', 'L1', ...AS_OF], { cwd });
    const row = kit.stdout.split('\n').find((l) => l.startsWith('| 成熟期客单价增幅'));
    expect(row).toContain('同一批会员的客单价比上一期高 30%(tuan kpi 按订单计算)');
    const plan = await runTuan(['plan', '--leader', 'L1', '--week', '2026-W44', ...AS_OF], { cwd });
    expect(plan.stdout).not.toMatch(/成熟期客单价增幅.*算不出/);
    expect(plan.stdout).toMatch(/新人首单转化率.*订单数据算不出\(需平台数据\)/);
    const en = await runTuan(['kit', 'mature', '--leader', 'L1', '--lang', 'en', ...AS_OF], { cwd });
    expect(en.stdout).not.toMatch(/AOV uplift.*not computable/);
  });

  it('the churned and silent kits say why the one-order count of the stage and of the reasons differ', async () => {
    const cwd = await activityDir();
    for (const stage of ['churned', 'silent']) {
      const kit = await runTuan(['kit', stage, '--leader', 'L1', ...AS_OF], { cwd });
      expect(kit.stdout).toContain('每人只记一条');
      expect(kit.stdout).toContain('记为售后/品质问题(只下过一单的也算在这里)');
    }
    const churned = await runTuan(['kit', 'churned', '--leader', 'L1', ...AS_OF], { cwd });
    // the reasons are listed under the sentence that explains them
    expect(churned.stdout).toMatch(/每人只记一条.*\n  - 售后\/品质问题:\d+ 位\n  - 只下过一单:\d+ 位\n  - 原因不明:\d+ 位/);
  });

  it('the segment legend says the RFM rule in plain words (the precise rule is in docs/guide/members.md)', async () => {
    const cwd = await activityDir();
    const zh = await runTuan(['segment', ...AS_OF], { cwd });
    expect(zh.stdout).not.toMatch(/分位数|type 7|五分位|边界上的值/);
    expect(zh.stdout).toContain('R = 多久没下单,F = 下了几单,M = 花了多少,每项按人数分成大致相等的 5 档,各打 1–5 分');
    expect(zh.stdout).toContain('正好在线上的算低一档');
    const en = await runTuan(['segment', '--lang', 'en', ...AS_OF], { cwd });
    expect(en.stdout).not.toMatch(/quantile|quintile/);
    expect(en.stdout).toContain('each split into 5 groups of about the same size');
  });

  it('stages --format csv carries the stage names beside the codes', async () => {
    const cwd = await activityDir();
    const counts = await runTuan(['stages', '--to', '2026-10-31', '--format', 'csv'], { cwd });
    expect(counts.stdout.split('\n').slice(0, 2)).toEqual(['stage,stage_name,members', expect.stringMatching(/^intro,引入期,\d+$/)]);
    const mig = await runTuan(['stages', '--from', '2026-09-30', '--to', '2026-10-31', '--format', 'csv', '--lang', 'en'], { cwd });
    expect(mig.stdout.split('\n').slice(0, 2)).toEqual([
      'from_stage,from_stage_name,to_stage,to_stage_name,members',
      expect.stringMatching(/^new,新会员,intro,引入期,\d+$/),
    ]);
  });

  it('the kpi check table shows every level a check sets, the failure level beside the warning level', async () => {
    const cwd = await activityDir();
    writeFileSync(join(cwd, 'checks.yaml'), 'checks:\n  - kpi: repurchase_rate\n    fail_below: 10%\n    warn_below: 40%\n');
    const r = await runTuan(['kpi', 'check', '--config', 'checks.yaml', '--period', '2026-10', ...AS_OF], { cwd });
    const row = r.stdout.split('\n').find((l) => l.includes('repurchase_rate'));
    expect(row).toContain('低于 40% 警告 · 低于 10% 失败');
  });

  it('the growth kit starts the day after the intro kit ends: day 30 is in one stage only', async () => {
    const cwd = await activityDir();
    const intro = await runTuan(['kit', 'intro', '--leader', 'L1', ...AS_OF], { cwd });
    expect(intro.stdout).toContain('引入期会员(首单后 30 天内)');
    const growth = await runTuan(['kit', 'growth', '--leader', 'L1', ...AS_OF], { cwd });
    expect(growth.stdout).toContain('成长期会员(首单后第 31–90 天)');
    const en = await runTuan(['kit', 'growth', '--leader', 'L1', '--lang', 'en', ...AS_OF], { cwd });
    expect(en.stdout).toContain('(days 31–90 after the first order)');
  });
});
