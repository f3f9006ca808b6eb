/**
 * tuan commission on the hand-computed fixture test/fixtures/commission (README.md there has every
 * figure worked out by hand; in fen):
 *   2026-08  A02 level 1 (July GMV 0): base 50,000 + monthly spend 28,200 = 78,200
 *   2026-09  A01 certified 4: base 7,250 + nurture 725 (C1 exactly 1,000 元 on day 0) = 7,975
 *            A02 level 2 (August GMV exactly 10,000 元, repurchase exactly 20 %): base 6,785
 *                + P1 mature at exactly 500 元 1,500 + S1 silent returner 2,400 + N1 tier 1 588 = 11,273
 *            A03 no orders: level 1, 0
 *   2026-10  A02 level 1: base 4,750 + N1 tier 2 1,594 = 6,344 (tier 1 not paid again)
 *   after refund-later.csv (0.01 元 refunded on an August line): 2026-09 A02 level 1, total 10,350
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runTuan, workdir } from '../helpers/run-tuan.js';

const FILES = ['commission/orders.csv', 'commission/leaders.csv', 'commission/refund-later.csv'];
const AS_OF = ['--as-of', '2026-10-31'];

async function fixture(): Promise<string> {
  const cwd = workdir(FILES);
  const r = await runTuan(['import', 'orders.csv', '--leaders', 'leaders.csv'], { cwd });
  expect(r.code).toBe(0);
  return cwd;
}

interface J {
  month: string;
  data_until: string;
  leaders: {
    leader_id: string;
    level: number;
    level_source: string;
    rate_bp: number;
    gmv_fen: number;
    base_fen: number;
    rewards: Record<string, number>;
    total_fen: number;
    prev_total_fen: number;
    change_fen: number;
    lines: {
      member_id: string;
      member_name: string;
      rule: string;
      basis_fen: number;
      rate_bp: number;
      amount_fen: number;
      detail: string;
    }[];
  }[];
}

async function json(cwd: string, month: string, extra: string[] = []): Promise<J> {
  const r = await runTuan(['commission', '--month', month, '--format', 'json', ...AS_OF, ...extra], { cwd });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as J;
}

const brief = (j: J) =>
  j.leaders.map((l) => [
    l.leader_id,
    l.level,
    l.level_source,
    l.rate_bp,
    l.gmv_fen,
    l.base_fen,
    l.rewards.member_monthly_spend,
    l.rewards.reactivation,
    l.rewards.nurture,
    l.total_fen,
    l.change_fen,
  ]);

describe('tuan commission on the hand-computed fixture', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await fixture();
  });

  it('2026-09: every statement as worked out by hand', async () => {
    const j = await json(cwd, '2026-09');
    expect([j.month, j.data_until]).toEqual(['2026-09', '2026-09-30']);
    expect(brief(j)).toEqual([
      ['A01', 4, 'certified', 725, 100_000, 7_250, 0, 0, 725, 7_975, 7_975],
      ['A02', 2, 'performance', 575, 118_000, 6_785, 1_500, 2_400, 588, 11_273, 11_273 - 78_200],
      ['A03', 1, 'performance', 500, 0, 0, 0, 0, 0, 0, 0],
    ]);
    expect(j.leaders[1]!.lines).toEqual([
      {
        member_id: 'P1',
        member_name: '张*',
        rule: 'member_monthly_spend',
        basis_fen: 50_000,
        rate_bp: 300,
        amount_fen: 1_500,
        detail: 'mature on 2026-09-30',
      },
      {
        member_id: 'S1',
        member_name: '李*',
        rule: 'reactivation',
        basis_fen: 12_000,
        rate_bp: 2000,
        amount_fen: 2_400,
        detail: 'silent on 2026-08-31; first order this month O-S1-1 (2026-09-10)',
      },
      {
        member_id: 'N1',
        member_name: '王*',
        rule: 'nurture',
        basis_fen: 5_875,
        rate_bp: 1000,
        amount_fen: 588,
        detail:
          'tier 1 (¥1,000.00) reached 2026-09-03, day 29 after the first order; basis = base commission on the member 2026-08-05..2026-09-30',
      },
    ]);
  });

  it('2026-08 and 2026-10: level 1 from the month before, tier 2 paid in October only', async () => {
    expect(brief(await json(cwd, '2026-08'))[1]).toEqual(['A02', 1, 'performance', 500, 1_000_000, 50_000, 28_200, 0, 0, 78_200, 78_200]);
    const oct = await json(cwd, '2026-10');
    expect(brief(oct)[1]).toEqual(['A02', 1, 'performance', 500, 95_000, 4_750, 0, 0, 1_594, 6_344, 6_344 - 11_273]);
    expect(oct.leaders[1]!.lines.map((l) => [l.member_id, l.rule, l.basis_fen, l.amount_fen])).toEqual([['N1', 'nurture', 10_625, 1_594]]);
    expect(brief(oct)[0]).toEqual(['A01', 4, 'certified', 725, 0, 0, 0, 0, 0, 0, -7_975]);
  });

  it('churned returners are paid only when reactivation.include_churned is on', async () => {
    writeFileSync(join(cwd, 'churned.yaml'), 'commission:\n  rewards:\n    reactivation:\n      include_churned: true\n');
    const j = await json(cwd, '2026-08', ['--config', 'churned.yaml']);
    expect(j.leaders[1]!.lines.filter((l) => l.rule === 'reactivation').map((l) => [l.member_id, l.amount_fen])).toEqual([
      ['P1', 20_000],
      ['P2', 40_000],
      ['P3', 50_000],
      ['P4', 50_000],
    ]);
  });

  it('the table and the --detail lines (golden), in Chinese and English', async () => {
    const r = await runTuan(['commission', '--month', '2026-09', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('../golden/commission/fixture-2026-09.txt');
    const d = await runTuan(['commission', '--month', '2026-09', '--detail', ...AS_OF], { cwd });
    await expect(d.stdout).toMatchFileSnapshot('../golden/commission/fixture-2026-09-detail.txt');
    const en = await runTuan(['commission', '--month', '2026-09', '--detail', '--lang', 'en', '--leader', 'A02', ...AS_OF], { cwd });
    await expect(en.stdout).toMatchFileSnapshot('../golden/commission/fixture-2026-09-detail-en.txt');
  });

  it('payroll CSV: one row per leader, fen and yuan side by side (golden)', async () => {
    const r = await runTuan(['commission', '--month', '2026-09', '--format', 'csv', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('../golden/commission/fixture-2026-09.csv');
    const [head, a02] = [r.stdout.split('\n')[0]!, r.stdout.split('\n')[2]!];
    expect(head).toBe(
      'month,leader_id,level,level_name,level_source,performance_level,rate_bp,gmv_fen,gmv_yuan,base_fen,base_yuan,' +
        'member_monthly_spend_fen,member_monthly_spend_yuan,reactivation_fen,reactivation_yuan,nurture_fen,nurture_yuan,' +
        'total_fen,total_yuan,prev_total_fen,prev_total_yuan,change_fen,change_yuan',
    );
    expect(a02).toBe(
      '2026-09,A02,2,二星,performance,2,575,118000,1180.00,6785,67.85,1500,15.00,2400,24.00,588,5.88,11273,112.73,78200,782.00,-66927,-669.27',
    );
    const lines = await runTuan(['commission', '--month', '2026-09', '--format', 'csv', '--detail', '--leader', 'A01', ...AS_OF], { cwd });
    expect(lines.stdout.split('\n')[1]).toBe(
      '2026-09,A01,C1,赵*,nurture,7250,72.50,1000,725,7.25,' +
        '"tier 1 (¥1,000.00) reached 2026-09-15, day 0 after the first order; basis = base commission on the member 2026-09-15..2026-09-30"',
    );
  });

  it('--unmask shows member names', async () => {
    const j = await json(cwd, '2026-09', ['--unmask', '--leader', 'A02']);
    expect(j.leaders.map((l) => l.leader_id)).toEqual(['A02']);
    expect(j.leaders[0]!.lines.map((l) => l.member_name)).toEqual(['张一', '李静', '王新']);
  });
});

describe('a refund imported after the month closed', () => {
  it('recomputes the closed months from the data as it is now', async () => {
    const cwd = await fixture();
    expect((await json(cwd, '2026-09')).leaders[1]!.total_fen).toBe(11_273);
    const imp = await runTuan(['import', 'refund-later.csv'], { cwd });
    expect(imp.code).toBe(0);
    const aug = await json(cwd, '2026-08');
    expect(brief(aug)[1]).toEqual(['A02', 1, 'performance', 500, 999_999, 50_000, 28_200, 0, 0, 78_200, 78_200]);
    expect(brief(await json(cwd, '2026-09'))[1]).toEqual([
      'A02',
      1,
      'performance',
      500,
      118_000,
      5_900,
      1_500,
      2_400,
      550,
      10_350,
      10_350 - 78_200,
    ]);
    expect((await json(cwd, '2026-10')).leaders[1]!.total_fen).toBe(6_288);
  });
});

describe('months, leaders and errors', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await fixture();
  });

  it('defaults to the last month that is over on --as-of', async () => {
    const r = await runTuan(['commission', '--as-of', '2026-10-15', '--format', 'json'], { cwd });
    expect(JSON.parse(r.stdout).month).toBe('2026-09');
    const r2 = await runTuan(['commission', '--format', 'json'], { cwd }); // the test clock is 2026-11-01
    expect(JSON.parse(r2.stdout).month).toBe('2026-10');
  });

  it('a month that is not over yet is provisional, with a note on stderr', async () => {
    const r = await runTuan(['commission', '--month', '2026-10', '--as-of', '2026-10-01', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('注意:2026-10 尚未结束,结算单为截至 2026-10-01 的临时数据。\n');
    expect(JSON.parse(r.stdout).data_until).toBe('2026-10-01');
    expect(JSON.parse(r.stdout).leaders[1].gmv_fen).toBe(0); // N1's order of 10-02 is not there yet
  });

  it.each([
    [['--month', '2026-13'], 'tuan: --month "2026-13" must be a month like 2026-10\n'],
    [
      ['--month', '2026-11'],
      'tuan: --month 2026-11 starts after the as-of date 2026-10-31\nhint: pass --as-of 2026-11-30 or an earlier --month\n',
    ],
    [['--leader', 'ZZ'], 'tuan: unknown leader "ZZ"\nhint: known leaders: A01, A02, A03\n'],
  ])('usage error %j -> exit 2', async (args, stderr) => {
    const r = await runTuan(['commission', '--lang', 'en', ...AS_OF, ...args], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(stderr);
    expect(r.stdout).toBe('');
  });

  it('an invalid level table in the config is exit 2 with the path of the problem', async () => {
    writeFileSync(
      join(cwd, 'bad.yaml'),
      'commission:\n  levels:\n    - {name_zh: 一星, name_en: one, min_gmv_yuan: 0, min_repurchase_pct: null, rate_pct: 5}\n' +
        '    - {name_zh: 二星, name_en: two, min_gmv_yuan: 0, min_repurchase_pct: 20, rate_pct: 120}\n',
    );
    const r = await runTuan(['commission', ...AS_OF, '--config', 'bad.yaml'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('commission.levels.1.rate_pct: 数值过大');
    expect(r.stderr).toContain('commission.levels.1.min_gmv_yuan: 应大于第 1 级的(0):等级逐级升高,不能重叠');
  });

  it('a missing database is exit 4', async () => {
    const r = await runTuan(['--lang', 'en', 'commission', ...AS_OF, '--db', 'nope.db'], { cwd: workdir() });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^tuan: database .*nope\.db does not exist\nhint: import an export first/);
  });

  it('CSV text cells that a spreadsheet would execute are neutralised', async () => {
    const dir = workdir();
    writeFileSync(
      join(dir, 'o.csv'),
      '订单号,下单时间,会员ID,会员昵称,团长ID,实付金额,订单状态\n' +
        'X1,2026-09-02 10:00:00,=cmd|calc,=HYPERLINK("x"),@L1,1000.00,已完成\n',
    );
    expect((await runTuan(['import', 'o.csv'], { cwd: dir })).code).toBe(0);
    const r = await runTuan(['commission', '--month', '2026-09', '--format', 'csv', ...AS_OF], { cwd: dir });
    expect(r.stdout.split('\n')[1]).toMatch(/^2026-09,'@L1,1,/);
    const d = await runTuan(['commission', '--month', '2026-09', '--format', 'csv', '--detail', '--unmask', ...AS_OF], { cwd: dir });
    expect(d.stdout.split('\n')[1]).toMatch(/^2026-09,'@L1,'=cmd\|calc,"'=HYPERLINK\(""x""\)",nurture,/);
  });
});

describe('on the sample data', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = workdir([join(ROOT, 'data/sample-orders.csv'), join(ROOT, 'data/ktt-export.csv'), join(ROOT, 'data/leaders.csv')]);
    expect((await runTuan(['import', 'sample-orders.csv', '--leaders', 'leaders.csv'], { cwd })).code).toBe(0);
    expect((await runTuan(['import', 'ktt-export.csv', '--leader', 'L004'], { cwd })).code).toBe(0);
  }, 120_000);

  it('--detail lines add up exactly to the summary for every leader, every month', async () => {
    for (const month of ['2025-09', '2026-01', '2026-06', '2026-09', '2026-10']) {
      const j = await json(cwd, month);
      expect(j.leaders.length).toBeGreaterThan(0);
      for (const l of j.leaders) {
        for (const [rule, fen] of Object.entries(l.rewards)) {
          expect(l.lines.filter((x) => x.rule === rule).reduce((a, x) => a + x.amount_fen, 0)).toBe(fen);
        }
        expect(l.total_fen).toBe(l.base_fen + l.lines.reduce((a, x) => a + x.amount_fen, 0));
        expect(l.lines.every((x) => !/\d/.test(x.member_name.slice(1)))).toBe(true); // names are masked
      }
    }
  });

  it('the table with --detail states the same sums as the summary (last full month)', async () => {
    const j = await json(cwd, '2026-10');
    const r = await runTuan(['commission', '--month', '2026-10', '--detail', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    const checks = [...r.stdout.matchAll(/明细合计 (\S+) = 汇总表奖励 (\S+)/g)].map((x) => [x[1], x[2]]);
    expect(checks).toHaveLength(j.leaders.filter((l) => l.lines.length > 0).length);
    for (const [a, b] of checks) expect(a).toBe(b);
    expect(j.leaders.map((l) => l.leader_id)).toEqual(['L001', 'L002', 'L003', 'L004']);
    expect(j.leaders.find((l) => l.leader_id === 'L003')!.level_source).toBe('certified');
  });

  it('the last full month (golden)', async () => {
    const r = await runTuan(['commission', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('../golden/commission/sample-2026-10.txt');
  });
});
