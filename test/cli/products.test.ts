/**
 * tuan products and tuan cohorts: the cohort table of test/fixtures/cohorts (worked out by hand in its README),
 * and on the sample data the one anomaly the generator put there: L003's supply problem from June 2026
 * (scripts/gen-sample.mjs: from 2026-06-01 every L003 member orders at 0.6 of their rate, and 60% of the
 * regulars fall silent within 20 days), found without being told, and nothing else in the sample; and `tuan alerts`
 * listing it during the week after it is confirmed.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runTuan, workdir } from '../helpers/run-tuan.js';
import { anomalies } from '../../src/index.js';

const month = (offset: number, active: number, retention: number, spend_fen: number, cum_spend_per_member_fen: number) => ({
  offset,
  active,
  retention,
  spend_fen,
  cum_spend_per_member_fen,
});

const FEB = { cohort: '2026-02', members: 2, months: [month(0, 2, 1, 20000, 10000), month(1, 0, 0, 0, 10000)] };
const MAR = { cohort: '2026-03', members: 1, months: [month(0, 1, 1, 2500, 2500)] };

describe('tuan cohorts on test/fixtures/cohorts (as of 2026-03-15)', () => {
  let cwd: string;
  const run = (args: string[]) => runTuan(['cohorts', '--as-of', '2026-03-15', ...args], { cwd });
  beforeAll(async () => {
    cwd = workdir(['cohorts/orders.csv', 'cohorts/leaders.csv']);
    expect((await runTuan(['import', 'orders.csv', '--leaders', 'leaders.csv'], { cwd })).code).toBe(0);
  });

  it('one leader: the table of the README, months after the as-of month not listed', async () => {
    const r = await run(['--leader', 'L1', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      cohorts: [
        {
          cohort: '2026-01',
          members: 2,
          months: [month(0, 2, 1, 35000, 17500), month(1, 1, 0.5, 8000, 21500), month(2, 2, 1, 10000, 26500)],
        },
        FEB,
        MAR,
      ],
    });
  });

  it('all leaders: E (L2) joins the January cohort', async () => {
    const r = await run(['--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).cohorts).toEqual([
      {
        cohort: '2026-01',
        members: 3,
        months: [month(0, 3, 1, 65000, 21667), month(1, 2, 0.6667, 18000, 27667), month(2, 2, 0.6667, 10000, 31000)],
      },
      FEB,
      MAR,
    ]);
  });

  it('a region is its leaders only', async () => {
    const r = await run(['--region', '滨江区', '--format', 'json']);
    expect(JSON.parse(r.stdout).cohorts).toEqual([
      { cohort: '2026-01', members: 1, months: [month(0, 1, 1, 30000, 30000), month(1, 1, 1, 10000, 40000), month(2, 0, 0, 0, 40000)] },
    ]);
  });

  it('the table shows the metric asked for and the average lifetime', async () => {
    const ret = await run(['--leader', 'L1', '--lang', 'en']);
    expect(ret.code).toBe(0);
    expect(ret.stdout).toMatch(/│ 2026-01 +│ +2 │ +100\.0% │ +50\.0% │ +100\.0% │/);
    expect(ret.stdout).toContain('Average member lifetime (first to latest order): 26.0 days');
    const ltv = await run(['--leader', 'L1', '--metric', 'ltv', '--lang', 'en']);
    expect(ltv.stdout).toMatch(/│ 2026-01 +│ +2 │ +¥175\.00 │ +¥215\.00 │ +¥265\.00 │/);
    expect((await run(['--lang', 'en'])).stdout).toContain('26.8 days');
  });

  it('CSV: one line per cohort and month', async () => {
    const r = await run(['--leader', 'L1', '--format', 'csv']);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'cohort,members,offset,month,active,retention,spend_fen,cum_spend_per_member_fen',
      '2026-01,2,0,2026-01,2,1,35000,17500',
      '2026-01,2,1,2026-02,1,0.5,8000,21500',
    ]);
  });

  it('an unknown leader is a usage error', async () => {
    const r = await run(['--leader', 'L9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('L9');
  });
});

describe('tuan products on test/fixtures/cohorts', () => {
  it('per category in a month, against the month before', async () => {
    const cwd = workdir(['cohorts/orders.csv', 'cohorts/leaders.csv']);
    expect((await runTuan(['import', 'orders.csv', '--leaders', 'leaders.csv'], { cwd })).code).toBe(0);
    const r = await runTuan(
      ['products', '--by', 'category', '--leader', 'L1', '--period', '2026-02', '--as-of', '2026-03-15', '--format', 'json'],
      { cwd },
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['period', 'rows', 'anomalies']);
    expect(j.period).toBe('2026-02');
    // February at L1: 生鲜 C2 30 + C3 20 (C: 2 orders, first 生鲜 purchase: new, repeat); 乳品 A3 80 + D1 150 (A bought none before).
    // January: 生鲜 A2 50 + B1 80 (A, B); 乳品 nothing. 水果: C1 refunded in January, G1 cancelled in February (not paid).
    const fresh = j.rows.find((x: { category: string }) => x.category === '生鲜');
    expect(fresh).toMatchObject({ gmv_fen: 5000, orders: 2, buyers: 1, new_buyer_share: 1, repeat_buyer_share: 1, refund_rate: 0 });
    expect(fresh.prev).toMatchObject({ gmv_fen: 13000, orders: 2, buyers: 2, new_buyer_share: 1, repeat_buyer_share: 0 });
    expect(fresh.change).toMatchObject({ gmv: -0.6154, orders: 0, buyers: -0.5, repeat_buyer_share: 1 });
    const dairy = j.rows.find((x: { category: string }) => x.category === '乳品');
    expect(dairy).toMatchObject({ gmv_fen: 23000, orders: 2, buyers: 2, new_buyer_share: 1, repeat_buyer_share: 0 });
    expect(dairy.change.gmv).toBeNull();
    expect(j.rows.map((x: { category: string }) => x.category)).toEqual(['乳品', '生鲜']);
    expect(j.anomalies).toEqual([]);
  });
});

describe('on the sample data', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = workdir([join(ROOT, 'data/sample-orders.csv'), join(ROOT, 'data/ktt-export.csv'), join(ROOT, 'data/leaders.csv')]);
    expect((await runTuan(['import', 'sample-orders.csv', '--leaders', 'leaders.csv'], { cwd })).code).toBe(0);
    expect((await runTuan(['import', 'ktt-export.csv', '--leader', 'L004'], { cwd })).code).toBe(0);
  }, 120_000);

  it('tuan products --by category --leader L003 flags the June 2026 supply problem, with the week it started', async () => {
    const r = await runTuan(['products', '--by', 'category', '--leader', 'L003', '--as-of', '2026-10-31', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const { anomalies } = JSON.parse(r.stdout);
    expect(anomalies).toHaveLength(1);
    expect(anomalies[0]).toMatchObject({ leader_id: 'L003', category: null, product: null, metric: 'gmv', week_start: '2026-06-01' });
    expect(anomalies[0].value).toBeLessThan(anomalies[0].baseline * 0.65);
    expect(anomalies[0].score).toBeLessThanOrEqual(-3.5);
  });

  it('no false alarm anywhere else in the sample (every leader, refund rates per product)', async () => {
    for (const by of ['category', 'product']) {
      const r = await runTuan(['products', '--by', by, '--as-of', '2026-10-31', '--format', 'json'], { cwd });
      const found = JSON.parse(r.stdout).anomalies.map((a: { leader_id: string; week_start: string }) => `${a.leader_id} ${a.week_start}`);
      expect(found).toEqual(['L003 2026-06-01']);
    }
  });

  it('is flagged as soon as the step is confirmed: as of 2026-06-14, not as of 2026-06-13', async () => {
    const at = async (asOf: string) =>
      JSON.parse((await runTuan(['products', '--leader', 'L003', '--as-of', asOf, '--format', 'json'], { cwd })).stdout).anomalies;
    expect(await at('2026-06-13')).toEqual([]);
    expect((await at('2026-06-14')).map((a: { week_start: string }) => a.week_start)).toEqual(['2026-06-01']);
  });

  it("the library: the anomalies of a set of leaders (a trainer's), and only the recent ones", () => {
    const db = join(cwd, 'tuan.db');
    const weeks = (o: Parameters<typeof anomalies>[1]) => anomalies(db, o).map((a) => `${a.leader_id} ${a.metric} ${a.week_start}`);
    expect(weeks({ asOf: '2026-10-31', leaderIds: new Set(['L001', 'L003']) })).toEqual(['L003 gmv 2026-06-01']);
    expect(weeks({ asOf: '2026-10-31', leaderIds: new Set(['L001', 'L002']) })).toEqual([]);
    expect(weeks({ asOf: '2026-10-31', region: '杭州西湖区', since: '2026-06-01' })).toEqual(['L003 gmv 2026-06-01']);
    expect(weeks({ asOf: '2026-10-31', since: '2026-06-08' })).toEqual([]);
  });

  it('tuan alerts lists the step during the week after it is confirmed (2026-06-14..20), in its scope; a WARN', async () => {
    type Item = { level: string; source: string; leader_id: string; reason: string; command: string; data: Record<string, unknown> };
    const found = async (...args: string[]) => {
      const r = await runTuan(['alerts', '--format', 'json', '--lang', 'en', ...args], { cwd });
      return (JSON.parse(r.stdout).alerts as Item[]).filter((a) => a.source === 'product_anomaly');
    };
    const strict = await runTuan(['alerts', '--as-of', '2026-06-17', '--fail-on', 'warn', '--format', 'json', '--lang', 'en'], { cwd });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('--fail-on warn');
    const [a, ...rest] = (JSON.parse(strict.stdout).alerts as Item[]).filter((x) => x.source === 'product_anomaly');
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ level: 'warn', leader_id: 'L003', command: 'tuan products --by category --leader L003 --as-of 2026-06-17' });
    expect(a!.data).toMatchObject({ metric: 'gmv', category: null, product: null, week_start: '2026-06-01', baseline_weeks: 8 });
    expect(a!.reason).toMatch(
      /^GMV of all categories down sharply from the week of 2026-06-01: ¥[\d,.]+, median of the 8 weeks before ¥[\d,.]+$/,
    );
    // the same numbers as tuan products
    const p = JSON.parse((await runTuan(['products', '--leader', 'L003', '--as-of', '2026-06-17', '--format', 'json'], { cwd })).stdout);
    expect([a!.data.value, a!.data.baseline, a!.data.score]).toEqual([p.anomalies[0].value, p.anomalies[0].baseline, p.anomalies[0].score]);
    // not before it is confirmed, not after the week that confirmed it
    expect(await found('--as-of', '2026-06-13')).toEqual([]);
    expect((await found('--as-of', '2026-06-14')).map((x) => x.leader_id)).toEqual(['L003']);
    expect((await found('--as-of', '2026-06-20')).map((x) => x.leader_id)).toEqual(['L003']);
    expect(await found('--as-of', '2026-06-21')).toEqual([]);
    // the scope: L003's region has it; another region and L001's mentees (L002, L004) do not
    expect((await found('--as-of', '2026-06-17', '--region', '杭州西湖区')).map((x) => x.leader_id)).toEqual(['L003']);
    expect(await found('--as-of', '2026-06-17', '--region', '杭州滨江区')).toEqual([]);
    expect(await found('--as-of', '2026-06-17', '--trainer', 'L001')).toEqual([]);
    // in Chinese, the words of the issue
    const zh = await runTuan(['alerts', '--as-of', '2026-06-17'], { cwd });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/! 警告 · 商品异常 · L003:全部品类 GMV 从 2026-06-01 那周起明显下降:¥[\d,.]+,前 8 周中位数 ¥[\d,.]+\n/);
  });

  it('the table names the rule', async () => {
    const r = await runTuan(['products', '--by', 'category', '--leader', 'L003', '--as-of', '2026-10-31', '--lang', 'en'], { cwd });
    expect(r.stdout).toContain('Sales by category 2026-10 (against 2026-09-01..2026-09-30), scope leader:L003');
    expect(r.stdout).toMatch(/│ L003 +│ \(all\) +│ GMV down +│ 2026-06-01 +│/);
    expect(r.stdout).toContain('a step needs 2 weeks in a row beyond 3.5');
  });
});
