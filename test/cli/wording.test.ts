/**
 * Issue #16 item 4, "every statement true and clear": one test per statement that was wrong or read
 * badly, each failing on the old output. Fixture: test/fixtures/activity (as in kit.test.ts and script.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTuan, workdir } from '../helpers/run-tuan.js';
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
    expect(churned.stdout).toMatch(/每人只记一条.*\n {2}- 售后\/品质问题:\d+ 位\n {2}- 只下过一单:\d+ 位\n {2}- 原因不明:\d+ 位/);
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

  it('a KPI over fewer members than kpi.min_denominator is shown but not judged, and the legend says why', async () => {
    const cwd = await activityDir();
    const r = await runTuan(['kpi', '--leader', 'L1', '--period', '2026-10', '--kpi', 'repurchase_rate', ...AS_OF], { cwd });
    const row = r.stdout.split('\n').find((l) => l.includes('复购率'))!;
    expect(row).toMatch(/│ – {4}│$/);
    expect(r.stdout).toContain('– 不评判:人数(或单数)少于 10(kpi.min_denominator),太少,看不出好坏');
    const json = await runTuan(['kpi', '--leader', 'L1', '--period', '2026-10', '--kpi', 'repurchase_rate', '--format', 'json', ...AS_OF], {
      cwd,
    });
    expect(JSON.parse(json.stdout).results[0].target).toBe('too_few');
    writeFileSync(join(cwd, 'tuan.config.yaml'), 'kpi:\n  min_denominator: 1\n');
    const judged = await runTuan(['kpi', '--leader', 'L1', '--period', '2026-10', '--kpi', 'repurchase_rate', ...AS_OF], { cwd });
    expect(judged.stdout.split('\n').find((l) => l.includes('复购率'))).toMatch(/│ [✓★✗] {4}│$/);
  });

  it('monthly targets are not judged on a week: the legend says they are monthly', async () => {
    const cwd = await activityDir();
    writeFileSync(join(cwd, 'tuan.config.yaml'), 'kpi:\n  min_denominator: 1\n');
    const week = await runTuan(['kpi', '--leader', 'L1', '--period', 'last-week', '--kpi', 'repurchase_rate,aov', ...AS_OF], { cwd });
    expect(week.stdout.split('\n').find((l) => l.includes('复购率'))).toMatch(/≥ 40% │ +≥ 45% │ – {4}│$/);
    expect(week.stdout.split('\n').find((l) => l.includes('客单价'))).toMatch(/│ [✓★✗] {4}│$/);
    expect(week.stdout).toContain('– 不评判:复购率的目标按自然月定,2026-W43 不是一个完整的自然月');
    const month = await runTuan(['kpi', '--leader', 'L1', '--period', '2026-10', '--kpi', 'repurchase_rate', ...AS_OF], { cwd });
    expect(month.stdout).not.toContain('不评判');
  });

  it('metric counts print as whole numbers, and a value with only a challenge value is never marked below the baseline', async () => {
    const cwd = await activityDir();
    writeFileSync(join(cwd, 'm.csv'), 'metric,value,period,leader_id\ngroup_messages,5620,2026-10,L1\n');
    const hit = await runTuan(['kpi', '--leader', 'L1', '--period', '2026-10', '--kpi', 'gmv', '--metrics', 'm.csv', ...AS_OF], { cwd });
    expect(hit.stdout.split('\n').find((l) => l.includes('社群消息量'))).toMatch(/│ +5,620 │ +│ +│ ≥ 5,000 │ ★ {4}│$/);
    writeFileSync(join(cwd, 'm.csv'), 'metric,value,period,leader_id\ngroup_messages,3410,2026-10,L1\n');
    const miss = await runTuan(['kpi', '--leader', 'L1', '--period', '2026-10', '--kpi', 'gmv', '--metrics', 'm.csv', ...AS_OF], { cwd });
    expect(miss.stdout.split('\n').find((l) => l.includes('社群消息量'))).toMatch(/│ +3,410 │ +│ +│ ≥ 5,000 │ +│$/);
  });

  it('with --leader, the KPI table says why its stage counts can differ from tuan segment', async () => {
    const cwd = await activityDir();
    const one = await runTuan(['kpi', '--leader', 'L1', '--period', '2026-10', ...AS_OF], { cwd });
    expect(one.stdout).toContain('所以阶段人数可能和 tuan segment(按最近一次下单归属团长)不同');
    const all = await runTuan(['kpi', '--period', '2026-10', ...AS_OF], { cwd });
    expect(all.stdout).not.toContain('tuan segment');
    // and the segment page says the same from its side
    const seg = await runTuan(['segment', '--leader', 'L1', ...AS_OF], { cwd });
    expect(seg.stdout).toContain('会员算在最近一次下单的团长名下;tuan kpi --leader 只看这个团长自己的订单');
  });

  it('one name per concept: 挽回成功率 as in the KPI catalogue, and the migration rates say their period', async () => {
    const cwd = await activityDir();
    const st = await runTuan(['stages', '--from', '2026-09-30', '--to', '2026-10-31'], { cwd });
    expect(st.stdout).toContain('唤醒率(2026-09-30 至 2026-10-31):');
    expect(st.stdout).toContain('挽回成功率(2026-09-30 至 2026-10-31):');
    expect(st.stdout).not.toMatch(/(^|[^成])挽回率/m);
    const rep = await runTuan(['report', '--from', '2026-09-30', '--out', 'r.html', ...AS_OF], { cwd });
    expect(rep.code).toBe(0);
    const html = readFileSync(join(cwd, 'r.html'), 'utf8');
    expect(html).not.toContain('挽回率');
    expect(html).toContain('唤醒率(2026年9月30日至2026年10月31日,不是第五节的月度 KPI)');
  });

  it('the silent and growth scripts claim no stock the tool does not know of', async () => {
    const cwd = await activityDir();
    for (const [scene, stage] of [
      ['silent', 'silent'],
      ['growth', 'growth'],
      ['growth', 'mature'],
    ]) {
      for (const lang of ['zh-CN', 'en']) {
        const r = await runTuan(['script', scene!, '--stage', stage!, '--leader', 'L1', '--lang', lang, ...AS_OF], { cwd });
        expect(r.code).toBe(0);
        expect(r.stdout).not.toMatch(
          /新上|几样|新品上架|上了不少新东西|这周.{1,12}受邻居们欢迎|new products|some new|new things|popular with the neighbours/,
        );
      }
    }
    const silent = await runTuan(['script', 'silent', '--member', 'M08', ...AS_OF], { cwd });
    expect(silent.stdout).toContain('冻品这类您常买的东西,想要的时候跟我说一声就行。另外给您留了一张回归券');
  });

  it('--lang en scripts and kits name common categories in English', async () => {
    const cwd = await activityDir();
    const r = await runTuan(['script', 'silent', '--member', 'M08', '--lang', 'en', ...AS_OF], { cwd });
    expect(r.stdout).toContain('Whenever you want frozen food again, just tell me.');
    const kit = await runTuan(['kit', 'growth', '--leader', 'L1', '--lang', 'en', ...AS_OF], { cwd });
    expect(kit.stdout).toMatch(/\| dairy \| fresh food \|/);
    expect(kit.stdout).not.toMatch(/生鲜|乳品|冻品|母婴|粮油|水果|零食/);
  });

  it('at-risk mature members get their own scene (script-mature-care), not the growth script and its trial voucher', async () => {
    const cwd = await activityDir();
    // on 2026-11-08 (the plan of the week after) mature, growth and intro members of L1 are at risk
    const LATER = ['--as-of', '2026-11-08'];
    const plan = await runTuan(['plan', '--leader', 'L1', '--format', 'json', ...LATER], { cwd });
    const tasks = JSON.parse(plan.stdout).days.flatMap((d: { tasks: { action: string; stage: string; script: string }[] }) => d.tasks);
    const atRisk = tasks.filter((t: { action: string }) => t.action === 'at_risk');
    expect(atRisk.some((t: { stage: string }) => t.stage === 'mature')).toBe(true);
    for (const t of atRisk) expect(t.script).toBe(t.stage === 'mature' ? 'script-mature-care' : 'script-growth');
    const md = await runTuan(['plan', '--leader', 'L1', ...LATER], { cwd });
    expect(md.stdout).toMatch(/成熟期风险会员一对一关怀\(超过 14 天没下单\):\d+ 位,用 `script-mature-care` 问问近况/);
    const script = await runTuan(['script', 'mature-care', '--stage', 'mature', '--leader', 'L1', ...LATER], { cwd });
    expect(script.code).toBe(0);
    expect(script.stdout).toContain('【成熟期关怀回访 · ');
    expect(script.stdout).not.toMatch(/试用|成长期推荐|成长任务卡/);
    // the growth script's header names what it does, not a stage (intro members at risk get it too)
    const growth = await runTuan(['script', 'growth', '--stage', 'intro', '--leader', 'L1', ...AS_OF], { cwd });
    expect(growth.stdout).toMatch(/^【品类推荐 · .*· 引入期 ·/);
    // the mature kit's schedule names the same script as the plan
    const kit = await runTuan(['kit', 'mature', '--leader', 'L1', ...AS_OF], { cwd });
    expect(kit.stdout).toMatch(/单独问候 \| script-mature-care \|/);
  });

  it('no English inside Chinese output: reject reasons, their fields and the kpi check verdict', async () => {
    const cwd = await activityDir();
    writeFileSync(
      join(cwd, 'bad.csv'),
      '订单号,下单时间,会员ID,会员昵称,手机号,团长ID,商品名称,商品分类,数量,单价,实付金额,退款金额,订单状态\n' +
        'X1,2026-13-01 08:10:00,M1,a,13900000011,L1,米,粮油,1,89.00,89.00,0.00,已完成\n' +
        'X2,2026-10-01 08:10:00,M1,a,13900000011,L1,米,粮油,1,89.00,89.00,0.00,飞走了\n',
    );
    const imp = await runTuan(['import', 'bad.csv', '--max-reject-rate', '1'], { cwd });
    expect(imp.stdout).toContain('1 × 下单时间:日期无效:"…"');
    expect(imp.stdout).toContain('1 × 订单状态:不认识的订单状态:"…"(在配置的 status_words 里加上它)');
    expect(imp.stdout).not.toMatch(/invalid date|unknown status|ordered_at/);
    const rej = await runTuan(['rejects'], { cwd });
    expect(rej.stdout).toContain('│ 下单时间 │ 日期无效:"2026-13-01 08:10:00"');
    const en = await runTuan(['rejects', '--lang', 'en'], { cwd });
    expect(en.stdout).toContain('│ ordered_at │ invalid date "2026-13-01 08:10:00"');
    writeFileSync(join(cwd, 'checks.yaml'), 'checks:\n  - kpi: repurchase_rate\n    fail_below: 90%\n');
    const check = await runTuan(['kpi', 'check', '--config', 'checks.yaml', '--period', '2026-10', ...AS_OF], { cwd });
    expect([check.code, check.stderr]).toEqual([1, 'tuan: KPI 检查未通过:1 项失败\n']);
  });

  it('快团团 members (IDs tuan made up) are told apart by the last four digits of the phone, as 快团团 shows them', async () => {
    const cwd = workdir(['orders/ktt.csv']);
    expect((await runTuan(['import', 'ktt.csv', '--leader', 'L004'], { cwd })).code).toBe(0);
    const kit = await runTuan(['kit', 'intro', '--leader', 'L004', ...AS_OF], { cwd });
    // two members whose masked nicknames are both 开*: the generated IDs (u4bfdfa2e98 …) told a leader nothing
    expect(kit.stdout).toContain('| 开*(尾号9846) |');
    expect(kit.stdout).toContain('| 开*(尾号4272) |');
    expect(kit.stdout).not.toMatch(/\(u[0-9a-f]{10}\)/);
    const en = await runTuan(['script', 'welcome', '--stage', 'intro', '--leader', 'L004', '--lang', 'en', ...AS_OF], { cwd });
    expect(en.stdout).toMatch(/\(tel\. …\d{4}\)/);
    // members with an ID of their own keep it
    const own = await activityDir();
    const kit1 = await runTuan(['kit', 'mature', '--leader', 'L1', ...AS_OF], { cwd: own });
    expect(kit1.stdout).toMatch(/\| [^|]*\(M\d+\) \|/);
  });
});
