import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTuan } from '../helpers/run-tuan.js';
import { activityDir, AS_OF } from './activity-helpers.js';

describe('tuan plan', () => {
  it('the plan of a week in the data (2026-W44, audiences as of Sunday 2026-10-25)', async () => {
    const cwd = await activityDir();
    const r = await runTuan(['plan', '--leader', 'L1', '--week', '2026-W44', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot('../golden/plan/L1-2026-W44.md');
  });

  it('JSON: week, leader_id, days[{date, weekday, tasks[{time, stage, action, script, member_ids, count}]}], targets, budget_fen', async () => {
    const cwd = await activityDir();
    const r = await runTuan(['plan', '--leader', 'L1', '--week', '2026-W44', '--format', 'json', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect([j.week, j.leader_id, j.start, j.end, j.snapshot, j.budget_fen]).toEqual([
      '2026-W44',
      'L1',
      '2026-10-26',
      '2026-11-01',
      '2026-10-25',
      7700,
    ]);
    expect(j.days.map((d: { date: string; weekday: number }) => `${d.date}/${d.weekday}`)).toEqual([
      '2026-10-26/1',
      '2026-10-27/2',
      '2026-10-28/3',
      '2026-10-29/4',
      '2026-10-30/5',
      '2026-10-31/6',
      '2026-11-01/7',
    ]);
    const people = j.days.flatMap(
      (d: {
        date: string;
        tasks: { time: string; stage: string; action: string; script: string; member_ids: string[]; count: number }[];
      }) =>
        d.tasks.filter((t) => t.count > 0).map((t) => `${d.date} ${t.time} ${t.stage} ${t.action} ${t.script} ${t.member_ids.join('+')}`),
    );
    expect(people).toEqual([
      '2026-10-27 +2h intro welcome script-welcome M12',
      '2026-10-27 19:30 intro at_risk script-growth M01',
      '2026-10-27 19:30 growth at_risk script-growth M04',
      '2026-10-28 20:00 growth growth_trial script-growth M03',
      '2026-10-29 19:30 silent silent_care script-silent M07+M09', // M08 is not due: 85 days quiet
      '2026-10-30 +2h intro welcome script-welcome M13',
      '2026-10-31 10:00 churned churned_call script-churned M10', // M11 is not due this week
      '2026-11-01 10:00 mature mature_update script-mature M05', // the 1st of the month; M06 is in the holdout
    ]);
    // activities.holdout_share 0.1: the seeded draw of (L1, 2026-W44, member) sets M06 aside, shown apart, in no task
    expect(j.holdout).toEqual({ count: 1, member_ids: ['M06'] });
    expect(j.days[6].tasks.find((t: { action: string }) => t.action === 'mature_update').holdout_ids).toEqual(['M06']);
    expect(j.targets[0]).toEqual({ stage: 'intro', kpi: 'first_order_conversion', target: 70, challenge: 85, audience: 2, implied: null });
    expect(
      j.budget_items.map((b: { coupon: string; count: number; total_fen: number }) => `${b.coupon} ${b.count} ${b.total_fen}`),
    ).toEqual(['first_order_off 2 2000', 'welcome_gift 2 1200', 'trial_coupon 1 500', 'return_coupon 2 2000', 'cashback 1 2000']);
    expect(j.red_lines).toEqual({ silent_max_per_week: 1, blocked: 0 });
    expect(r.stdout).not.toMatch(/1[3-9]\d{9}|蒋|杨同学/); // IDs only: no names, no phones
    await expect(r.stdout).toMatchFileSnapshot('../golden/plan/L1-2026-W44.json');
  });

  it('next week from the data date: audiences as of the data date, newcomers estimated', async () => {
    const cwd = await activityDir();
    const r = await runTuan(['plan', '--leader', 'L1', '--week', 'next', '--lang', 'en', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Weekly plan · 2026-W45 (2 Nov – 8 Nov)');
    await expect(r.stdout).toMatchFileSnapshot('../golden/plan/L1-next-en.md');
  });

  it('a week with nobody to contact still gives a plan, and says so', async () => {
    const cwd = await activityDir();
    const r = await runTuan(['plan', '--leader', 'L2', '--week', 'this', '--as-of', '2026-08-05'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('> 本周没有需要一对一联系的会员。照常做好每天 3 次社群互动');
    expect(r.stdout).toContain('- 09:00 准备本周物料');
    expect(r.stdout.match(/社群互动 \d\/3/g)).toHaveLength(21);
    expect(r.stdout).toContain('本周没有要发的券和礼包。');
    await expect(r.stdout).toMatchFileSnapshot('../golden/plan/L2-empty.md');
  });

  it('html goes to --out as one page', async () => {
    const cwd = await activityDir();
    const r = await runTuan(['plan', '--leader', 'L1', '--week', '2026-W44', '--format', 'html', '--out', 'plan.html', ...AS_OF], { cwd });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '已写入 plan.html\n']);
    const html = readFileSync(join(cwd, 'plan.html'), 'utf8');
    expect(html).toContain('<h1>团长周计划 · 2026-W44(10月26日–11月1日)</h1>');
    expect(html).not.toMatch(/<script|https?:/);
  });

  it('warns when the week starts long after the data date', async () => {
    const cwd = await activityDir();
    const r = await runTuan(['plan', '--leader', 'L1', '--week', '2026-W50', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('注意:2026-W50 在数据日期 2026-10-31 之后 37 天才开始,名单按 2026-10-31 的会员阶段,可能已经过时。\n');
  });

  it('errors (exit 2): no --leader with several leaders, unknown leader, bad week', async () => {
    const cwd = await activityDir();
    const e1 = await runTuan(['plan', '--week', 'next', '--lang', 'en', ...AS_OF], { cwd });
    expect([e1.code, e1.stderr]).toEqual([2, 'tuan: a weekly plan is for one leader: give --leader ID\nhint: known leaders: L1, L2\n']);
    const e2 = await runTuan(['plan', '--leader', 'L7', ...AS_OF], { cwd });
    expect([e2.code, e2.stderr]).toEqual([2, 'tuan: 没有团长 "L7"\n提示: 已有的团长:L1, L2\n']);
    const e3 = await runTuan(['plan', '--leader', 'L1', '--week', '2025-W53', ...AS_OF], { cwd });
    expect([e3.code, e3.stderr]).toEqual([2, 'tuan: --week "2025-W53" 应是 ISO 周,例如 2026-W45,或 this(本周)/ next(下周)\n']);
  });
});
