import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTuan, workdir } from '../helpers/run-tuan.js';
import { mulberry32 } from '../helpers/prng.js';

const csvRows = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => l.split(','));

describe('tuan segment on a hand-computed fixture (test/fixtures/segment/README.md)', () => {
  it('gives the stages, scores, segments and classes worked out by hand', async () => {
    const cwd = workdir(['segment/small.csv']);
    const r = await runTuan(['segment', 'small.csv', '--as-of', '2026-10-31', '--format', 'csv'], { cwd });
    expect(r.code).toBe(0);
    const rows = csvRows(r.stdout);
    expect(rows[0]!.join(',')).toBe(
      'member_id,leader_id,stage,stage_name,at_risk,first_order_date,last_order_date,tenure_days,recency_days,orders,spend_fen,rfm_recency_days,rfm_orders,rfm_spend_fen,r_score,f_score,m_score,rfm_score,segment,segment_name,cn8_class,member_name,phone,p_alive,clv_fen',
    );
    // names and phones are there, masked (the same as tuan members)
    expect(rows.slice(1).every((x) => /^.\*{1,3}$|^$/.test(x[21]!) && !/\d{5}/.test(x[22]!))).toBe(true);
    // Edges (type 7 over 5 members): R 4.8/9/37.4/128.4, F 1/1/1.4/2, M 2900/3600/8000/17200; means R 85.6, F 1.4, M 10700.
    expect(rows.slice(1).map((x) => x.slice(0, 21).join(','))).toEqual([
      'M01,L1,intro,引入期,false,2026-10-20,2026-10-20,11,11,1,3000,11,1,3000,3,1,2,312,about_to_sleep,将要沉睡,一般发展客户',
      'M02,L1,mature,成熟期,false,2026-06-01,2026-10-25,152,6,2,14000,6,2,14000,4,4,4,444,potential_loyalist,潜力忠诚,重要价值客户',
      // M03's only order was refunded: no counted order, no stage, not listed.
      // M04: partial refund 10.00 and a return of 50.00 on 08-20: 5000 + 4000 − 5000.
      'M04,L2,silent,沉默期,false,2026-05-01,2026-08-15,183,77,2,4000,77,2,4000,2,4,3,243,loyal_customers,忠诚客户,一般价值客户',
      'M05,L2,churned,流失期,false,2025-12-01,2025-12-01,334,334,1,30000,334,1,30000,1,1,5,115,lost,已流失,重要挽留客户',
      // M06: A9 cancelled; A10 at 23:59:59 on the as-of day counts.
      'M06,L2,intro,引入期,false,2026-10-31,2026-10-31,0,0,1,2500,0,1,2500,5,1,1,511,new_customers,新客户,一般发展客户',
    ]);
  });

  it('as of a date before some first orders, those members are not there yet', async () => {
    const cwd = workdir(['segment/small.csv']);
    await runTuan(['import', 'small.csv'], { cwd });
    const r = await runTuan(['segment', '--as-of', '2026-06-30', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.members.map((m: { member_id: string; stage: string }) => `${m.member_id}:${m.stage}`)).toEqual([
      'M02:intro',
      'M04:silent',
      'M05:churned',
    ]);
    expect(j.as_of).toBe('2026-06-30');
    expect(j.scope).toBe('all');
    expect(j.config.stages.silent_after_days).toBe(30);
    expect(Object.keys(j.rfm_edges)).toEqual(['recency_days', 'orders', 'spend_fen']);
    // empty JSON values are null, numbers are numbers
    expect(typeof j.members[0].spend_fen).toBe('number');
  });

  it('the table shows the per-leader counts and the legend of thresholds and edges', async () => {
    const cwd = workdir(['segment/small.csv']);
    const r = await runTuan(['segment', 'small.csv', '--as-of', '2026-10-31'], { cwd });
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('../golden/segment/small-table.txt');
    const en = await runTuan(['segment', '--as-of', '2026-10-31', '--lang', 'en'], { cwd });
    await expect(en.stdout).toMatchFileSnapshot('../golden/segment/small-table-en.txt');
  });

  it('--per-leader scores each leader on its own members', async () => {
    const cwd = workdir(['segment/small.csv']);
    const r = await runTuan(['segment', 'small.csv', '--as-of', '2026-10-31', '--per-leader', '--format', 'json'], { cwd });
    const j = JSON.parse(r.stdout);
    expect(j.scope).toBe('per-leader');
    expect(Object.keys(j.rfm_edges)).toEqual(['leader:L1', 'leader:L2']);
    // L1 has M01 (R 11) and M02 (R 6): type-7 edges of [6, 11] are 7/8/9/10
    expect(j.rfm_edges['leader:L1'].recency_days).toEqual([7, 8, 9, 10]);
  });

  it('an unknown leader is a usage error naming the known ones', async () => {
    const cwd = workdir(['segment/small.csv']);
    await runTuan(['import', 'small.csv'], { cwd });
    const r = await runTuan(['--lang', 'en', 'segment', '--as-of', '2026-10-31', '--leader', 'L9'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tuan: unknown leader "L9"\nhint: known leaders: L1, L2\n');
    const zh = await runTuan(['segment', '--as-of', '2026-10-31', '--leader', 'L9'], { cwd });
    expect(zh.stderr).toBe('tuan: 没有团长 "L9"\n提示: 已有的团长:L1, L2\n');
  });
});

describe('RFM on the R package rfm example orders (as of 2006-12-31, whole history)', () => {
  // Edges over 995 customers: R 114/180/296.4/481 days, F 3/4/5/7 orders, M 254.80/381.00/505.40/665.00 yuan.
  // By hand, quintile rule: Lisandro Swift R 97 (no edge below → 5), F 6 (3,4,5 below → 4), M 479.00 (254.80, 381.00 → 3).
  // r-rfm: edges +1 day/order/yuan; Jerold Sporer M 506.00 < 505.40 + 1 → M 3 (quintile: 4);
  // Katlyn Mann R 297 < 296.4 + 1 → R 3 (quintile: 297 > 296.4 → 2); Skylar Hoeger M 255.00 < 255.80 → 1 (quintile 2).
  const expected = {
    quintile: {
      "Abbey O'Reilly": '343',
      'Diandra Brakus': '111',
      'Lisandro Swift': '543',
      'Kristy Kunde': '221',
      'Candido Krajcik': '554',
      'Jessica Koepp': '533',
      'Jerold Sporer': '444',
      'Katlyn Mann': '245',
      'Skylar Hoeger': '322',
    },
    'r-rfm': {
      "Abbey O'Reilly": '343',
      'Diandra Brakus': '111',
      'Lisandro Swift': '543',
      'Kristy Kunde': '221',
      'Candido Krajcik': '554',
      'Jessica Koepp': '533',
      'Jerold Sporer': '443',
      'Katlyn Mann': '345',
      'Skylar Hoeger': '321',
    },
  } as const;

  for (const method of ['quintile', 'r-rfm'] as const) {
    it(`pins hand-checked members (${method})`, async () => {
      const cwd = workdir(['rfm/rfm_data_orders.csv']);
      writeFileSync(join(cwd, 'tuan.config.yaml'), `rfm:\n  window_days: 0\n  method: ${method}\n`);
      const r = await runTuan(['segment', 'rfm_data_orders.csv', '--as-of', '2006-12-31', '--format', 'csv'], { cwd });
      expect(r.code).toBe(0);
      const rows = csvRows(r.stdout);
      expect(rows.length - 1).toBe(995);
      const score = new Map(rows.slice(1).map((x) => [x[0], x[17]]));
      for (const [who, s] of Object.entries(expected[method])) expect([who, score.get(who)]).toEqual([who, s]);
    });
  }

  it('scores do not depend on row order (shuffled input, same output)', async () => {
    const cwd = workdir(['rfm/rfm_data_orders.csv']);
    const [head, ...lines] = readFileSync(join(cwd, 'rfm_data_orders.csv'), 'utf8').trim().split('\n');
    const rand = mulberry32(7);
    const shuffled = lines
      .map((l) => [rand(), l] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, l]) => l);
    writeFileSync(join(cwd, 'shuffled.csv'), [head, ...shuffled].join('\n') + '\n');
    const a = await runTuan(['--db', 'a.db', 'segment', 'rfm_data_orders.csv', '--as-of', '2006-12-31', '--format', 'csv'], { cwd });
    const b = await runTuan(['--db', 'b.db', 'segment', 'shuffled.csv', '--as-of', '2006-12-31', '--format', 'csv'], { cwd });
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });
});
