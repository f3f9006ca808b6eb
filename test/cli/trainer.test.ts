/**
 * The trainer's view on test/fixtures/trainer (every number worked out in its README.md): the trainer's table of
 * `tuan leaders` (value, month before, year before, rank with ties, median), --trainer over a two-level mentor
 * tree, --region, --leader among its region, the support rule switching on and off, and `tuan alerts`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runTuan, workdir } from '../helpers/run-tuan.js';

const AS_OF = ['--as-of', '2026-06-30'];
const KPIS = ['gmv', 'orders', 'active_members', 'new_members', 'repurchase_rate', 'aov'] as const;

type Kpi = { value: number | null; prev: number | null; yoy: number | null; rank: number | null };
type Leader = Record<string, unknown> & Record<(typeof KPIS)[number], Kpi>;

describe('tuan leaders: the trainer table', () => {
  let cwd: string;
  const json = async (...args: string[]) => {
    const r = await runTuan(['leaders', '--format', 'json', ...AS_OF, ...args], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as { month: string; scope: string; leaders: Leader[]; median: Record<string, number | null> };
  };
  const byId = (ls: Leader[]) => Object.fromEntries(ls.map((l) => [l.leader_id as string, l]));

  beforeAll(async () => {
    cwd = workdir(['trainer/orders.csv', 'trainer/leaders.csv']);
    expect((await runTuan(['import', 'orders.csv', '--leaders', 'leaders.csv'], { cwd })).code).toBe(0);
  });

  it('value, month before, year before and rank per KPI; ties share the better rank; the median of the scope', async () => {
    const j = await json('--month', '2026-06');
    expect([j.month, j.scope]).toEqual(['2026-06', 'all']);
    const l = byId(j.leaders);
    expect(Object.keys(l)).toEqual(['A01', 'A02', 'B01', 'T01']);
    // [value, prev, yoy, rank]; money in fen, rates as fractions
    const pick = (id: string) => KPIS.map((k) => [l[id]![k].value, l[id]![k].prev, l[id]![k].yoy, l[id]![k].rank]);
    expect(pick('T01')).toEqual([
      [90000, 80000, 50000, 1],
      [3, 2, 1, 1],
      [2, 2, 1, 2],
      [0, 1, 1, 1],
      [0.5, 0, 0, 1],
      [30000, 40000, 50000, 1],
    ]);
    expect(pick('A01')).toEqual([
      [60000, 80000, 30000, 2],
      [3, 2, 1, 1],
      [2, 2, 1, 2],
      [0, 1, 1, 1],
      [0.5, 0, 0, 1],
      [20000, 40000, 30000, 3],
    ]);
    expect(pick('A02')).toEqual([
      [60000, 60000, null, 2],
      [3, 2, null, 1],
      [3, 2, null, 1],
      [0, 1, null, 1],
      [0, 0, null, 3],
      [20000, 30000, null, 3],
    ]);
    expect(pick('B01')).toEqual([
      [30000, 30000, null, 4],
      [1, 1, null, 4],
      [1, 1, null, 4],
      [0, 1, null, 1],
      [0, 0, null, 3],
      [30000, 30000, null, 1],
    ]);
    expect(KPIS.map((k) => j.median[k])).toEqual([60000, 3, 2, 0, 0.25, 25000]);
    // the stage shares have no better way: no rank
    expect(l.T01!['stage_share.mature' as 'gmv'].rank).toBeNull();
    // the level fields of before are still there
    expect([l.T01!.level, l.T01!.role]).toEqual([1, 'trainer']);
  });

  it('the table shows ranks, the best marked, and the changes on the month and the year', async () => {
    const r = await runTuan(['leaders', '--month', '2026-06', '--lang', 'en', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    const line = (id: string, nth = 0) => r.stdout.split('\n').filter((s) => s.startsWith(`│ ${id} `))[nth]!;
    expect(line('T01')).toMatch(/¥900\.00 #1★ │/);
    expect(line('A01')).toMatch(/¥600\.00 #2 │/);
    expect(line('B01')).toMatch(/¥300\.00 #4 │/);
    expect(line('T01', 1)).toMatch(/\+12\.5% \/ \+80\.0% │/);
    expect(line('A01', 1)).toMatch(/−25\.0% \/ \+100\.0% │/);
    expect(line('A02', 1)).toMatch(/\+0\.0% \/ — │/);
    expect(r.stdout).toMatch(/│ median +│ +│ +¥600\.00 │ +3 │ +2 │ +0 │ +25\.0% │ +¥250\.00 │/);
  });

  it('refund rate: lower is better (1 = lowest, ★ on it), ties share the better rank, its changes, JSON and CSV', async () => {
    const j = await json('--month', '2026-06');
    const l = byId(j.leaders);
    // refunded ÷ paid fen of June's paid lines (README): T01 100/1000, A01 150/750, A02 150/750, B01 0/300 (its cancelled order not paid)
    expect(['T01', 'A01', 'A02', 'B01'].map((id) => l[id]!.refund_rate)).toEqual([
      { value: 0.1, prev: 0, yoy: 0, rank: 2 },
      { value: 0.2, prev: 0, yoy: 0, rank: 3 },
      { value: 0.2, prev: 0, yoy: null, rank: 3 },
      { value: 0, prev: 0, yoy: null, rank: 1 },
    ]);
    expect(j.median.refund_rate).toBe(0.15);
    // the refunded and cancelled orders are no counted orders: GMV and orders as before
    expect([l.T01!.gmv.value, l.T01!.orders.value, l.B01!.orders.value]).toEqual([90000, 3, 1]);
    const t01 = await json('--month', '2026-06', '--trainer', 'T01');
    expect(t01.leaders.map((x) => [x.leader_id, (x.refund_rate as Kpi).rank])).toEqual([
      ['A01', 2],
      ['A02', 2],
      ['B01', 1],
    ]);
    const r = await runTuan(['leaders', '--month', '2026-06', '--lang', 'en', ...AS_OF], { cwd });
    const line = (id: string, nth = 0) => r.stdout.split('\n').filter((s) => s.startsWith(`│ ${id} `))[nth]!;
    expect(r.stdout).toMatch(/│ refund rate │\n/);
    expect(line('B01')).toMatch(/│ +0\.0% #1★ │$/);
    expect(line('T01')).toMatch(/│ +10\.0% #2 │$/);
    expect(line('A01')).toMatch(/│ +20\.0% #3 │$/);
    expect(line('T01', 1)).toMatch(/│ \+10\.0pt \/ \+10\.0pt │$/);
    expect(line('A02', 1)).toMatch(/│ +\+20\.0pt \/ — │$/);
    expect(r.stdout).toMatch(/│ median .* │ +15\.0% │\n/);
    const csv = await runTuan(['leaders', '--month', '2026-06', '--format', 'csv', ...AS_OF], { cwd });
    const [head, ...rows] = csv.stdout.trim().split('\n');
    const cols = head!.split(',');
    const names = ['refund_rate_value', 'refund_rate_prev', 'refund_rate_yoy', 'refund_rate_rank', 'refund_rate_median'];
    expect(cols.slice(-5)).toEqual(names);
    const a02 = rows.find((x) => x.startsWith('2026-06,A02,'))!.split(',');
    expect(names.map((c) => a02[cols.indexOf(c)])).toEqual(['0.2', '0', '', '3', '0.15']);
  });

  it('--trainer follows the mentor tree two levels down, without the trainer', async () => {
    const t01 = await json('--month', '2026-06', '--trainer', 'T01');
    expect(t01.scope).toBe('trainer:T01');
    expect(t01.leaders.map((l) => [l.leader_id, l.gmv.rank])).toEqual([
      ['A01', 1],
      ['A02', 1],
      ['B01', 3],
    ]);
    expect(t01.median.gmv).toBe(60000);
    const a01 = await json('--month', '2026-06', '--trainer', 'A01');
    expect(a01.leaders.map((l) => [l.leader_id, l.gmv.rank])).toEqual([['B01', 1]]);
    const none = await runTuan(['leaders', '--trainer', 'B01', '--lang', 'en', ...AS_OF], { cwd });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no leader has B01 as mentor');
    const both = await runTuan(['leaders', '--trainer', 'T01', '--region', '北区', '--lang', 'en', ...AS_OF], { cwd });
    expect(both.code).toBe(2);
  });

  it('--region lists its leaders; --leader is ranked among the leaders of its region', async () => {
    const north = await json('--month', '2026-06', '--region', '北区');
    expect(north.leaders.map((l) => l.leader_id)).toEqual(['B01']);
    const a02 = await json('--month', '2026-06', '--leader', 'A02');
    expect([a02.scope, a02.leaders.map((l) => [l.leader_id, l.gmv.rank]), a02.median.gmv]).toEqual(['leader:A02', [['A02', 2]], 60000]);
  });

  it('CSV: the same numbers, <kpi>_value/_prev/_yoy/_rank/_median after the level columns', async () => {
    const r = await runTuan(['leaders', '--month', '2026-06', '--format', 'csv', ...AS_OF], { cwd });
    const [head, ...rows] = r.stdout.trim().split('\n');
    const cols = head!.split(',');
    expect(cols.slice(0, 2)).toEqual(['month', 'leader_id']);
    const t01 = rows.find((x) => x.startsWith('2026-06,T01,'))!.split(',');
    const at = (c: string) => t01[cols.indexOf(c)];
    expect(['gmv_value', 'gmv_prev', 'gmv_yoy', 'gmv_rank', 'gmv_median', 'repurchase_rate_median'].map(at)).toEqual([
      '90000',
      '80000',
      '50000',
      '1',
      '60000',
      '0.25',
    ]);
  });

  it('--support: the rule switches on in 2026-03, continues in 2026-04, ends early in 2026-05, is off in 2026-06', async () => {
    const support = async (month: string) => {
      const r = await runTuan(['leaders', '--support', '--month', month, '--format', 'json', '--lang', 'en', ...AS_OF], { cwd });
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { support: Record<string, unknown>[] }).support.map((s) => [
        s.leader_id,
        s.status,
        s.started,
        s.support_from,
        s.until,
        s.fired_this_month,
      ]);
    };
    expect(await support('2026-02')).toEqual([]);
    expect(await support('2026-03')).toEqual([['A02', 'entering', '2026-03', '2026-04', '2026-06', true]]);
    expect(await support('2026-04')).toEqual([['A02', 'on', '2026-03', '2026-04', '2026-06', false]]);
    expect(await support('2026-05')).toEqual([['A02', 'ended_early', '2026-03', '2026-04', '2026-05', false]]);
    expect(await support('2026-06')).toEqual([]);
    const r = await runTuan(['leaders', '--support', '--month', '2026-03', '--format', 'json', '--lang', 'en', ...AS_OF], { cwd });
    const s = JSON.parse(r.stdout).support[0];
    expect(s.reasons).toEqual([
      'GMV fell ≥ 20% on the month before 2 months in a row: 2026-02 ¥700.00 (−30.0% on ¥1,000.00); 2026-03 ¥500.00 (−28.6% on ¥700.00)',
    ]);
    expect(s.causes).toEqual([
      {
        code: 'drop',
        kpi: 'gmv',
        steps: [
          { month: '2026-02', prev: 100000, value: 70000 },
          { month: '2026-03', prev: 70000, value: 50000 },
        ],
      },
    ]);
    const table = await runTuan(['leaders', '--support', '--month', '2026-03', ...AS_OF], { cwd });
    expect(table.stdout).toMatch(/│ A02 +│ 乙\* +│ 新进入 +│ 2026-03 +│ 2026-04 – 2026-06 +│/);
    expect(table.stdout).toContain('成交额连续 2 个月比上月下降 ≥ 20%');
  });

  it('a stricter rule from the configuration (trainer.support) fires sooner', async () => {
    const dir = workdir(['trainer/orders.csv', 'trainer/leaders.csv']);
    expect((await runTuan(['import', 'orders.csv', '--leaders', 'leaders.csv'], { cwd: dir })).code).toBe(0);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${dir}/tuan.config.yaml`, 'trainer:\n  support:\n    drop_months: 1\n');
    const r = await runTuan(['leaders', '--support', '--month', '2026-02', '--format', 'json', ...AS_OF], { cwd: dir });
    // one month down is enough now: A02's February (GMV −30 %, active members −50 %)
    expect(JSON.parse(r.stdout).support.map((s: Record<string, unknown>) => [s.leader_id, s.status, s.causes])).toEqual([
      [
        'A02',
        'entering',
        [
          { code: 'drop', kpi: 'gmv', steps: [{ month: '2026-02', prev: 100000, value: 70000 }] },
          { code: 'drop', kpi: 'active_members', steps: [{ month: '2026-02', prev: 4, value: 2 }] },
        ],
      ],
    ]);
  });

  it('tuan alerts: A02 entering support is a WARN; exit 1 only at --fail-on warn', async () => {
    const at = ['--as-of', '2026-04-01'];
    const r = await runTuan(['alerts', '--format', 'json', '--lang', 'en', ...at], { cwd });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect([j.as_of, j.month, j.scope]).toEqual(['2026-04-01', '2026-03', 'all']);
    const support = j.alerts.filter((a: { source: string }) => a.source === 'support');
    expect(support.map((a: Record<string, unknown>) => [a.level, a.leader_id, a.command])).toEqual([
      ['warn', 'A02', 'tuan leaders --support --month 2026-03 --leader A02'],
    ]);
    expect(support[0].reason).toMatch(/^enters support \(2026-04 to 2026-06\): GMV fell ≥ 20%/);
    expect(j.alerts.every((a: { level: string }) => a.level === 'warn')).toBe(true);
    const strict = await runTuan(['alerts', '--fail-on', 'warn', '--lang', 'en', ...at], { cwd });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('! WARN · support · A02: enters support');
    expect(strict.stderr).toContain('need attention (--fail-on warn)');
    // the trainer of the north region has nothing to look at in March
    const north = await runTuan(['alerts', '--region', '北区', '--fail-on', 'warn', '--format', 'json', ...at], { cwd });
    expect(JSON.parse(north.stdout).alerts.filter((a: { source: string }) => a.source === 'support')).toEqual([]);
  });

  it('tuan report --region / --trainer: the first page shows the support list and the leaders compared', async () => {
    const at = ['--as-of', '2026-04-01'];
    const r = await runTuan(['report', '--region', '测试区', '--out', '-', ...at], { cwd });
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(html.indexOf('id="support"')).toBeGreaterThan(html.indexOf('</header>'));
    expect(html.indexOf('id="support"')).toBeLessThan(html.indexOf('id="stages"'));
    expect(html).toMatch(/<tr><td>A02<\/td><td>乙\*<\/td><td>新进入<\/td><td>2026-03<\/td><td>2026-04 – 2026-06<\/td>/);
    expect(html).toContain('<h2>团长对比:2026-03</h2>');
    const t = await runTuan(['report', '--trainer', 'A01', '--lang', 'en', '--out', '-', ...at], { cwd });
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('<h1>Group-buying report · the leaders trainer A01 mentors</h1>');
    expect(t.stdout).toContain('No leader of the leaders trainer A01 mentors needs support.');
    // without --region or --trainer there is no trainer section
    const all = await runTuan(['report', '--out', '-', ...at], { cwd });
    expect(all.stdout).not.toContain('id="support"');
  });
});
