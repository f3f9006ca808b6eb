/**
 * `tuan predict` end to end: on the CDNOW sample (../shared/data/peers/cdnow_sample.csv; skipped when absent)
 * the command's fit equals core/predict's fit on the same summaries computed here from the CSV, without tuan's
 * import; too small a scope is exit 3; the JSON keys are the contract's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildHistories } from '../../src/core/members/index.js';
import { conditionalExpected, fitBgNbd, summaries } from '../../src/core/predict/index.js';
import { runTuan, workdir } from '../helpers/run-tuan.js';
import { sharedData } from '../helpers/shared-data.js';

const SAMPLE = sharedData('peers/cdnow_sample.csv');

describe.skipIf(!SAMPLE)('tuan predict on the CDNOW sample', () => {
  const cwd = workdir(SAMPLE ? [SAMPLE] : []);
  const imported = runTuan(['import', 'cdnow_sample.csv'], { cwd });

  it('fits what core/predict fits on the counted purchase days (8 customers whose one order is $0.00 do not count)', async () => {
    expect((await imported).code).toBe(0);
    const r = await runTuan(['predict', '--as-of', '1997-09-30', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    // independent path: the CSV read here, rows of $0.00 dropped (tuan counts an order when its amount is above zero)
    const orders = readFileSync(SAMPLE!, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l, i) => {
        const [id, d, , amount] = l.split(',');
        return {
          orderId: String(i),
          memberId: id!,
          leaderId: '-',
          orderDate: `${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6)}`,
          amountFen: Math.round(Number(amount) * 100),
        };
      })
      .filter((o) => o.amountFen > 0);
    const rows = summaries(buildHistories(orders, []).values(), '1997-09-30', 'weeks');
    expect(rows).toHaveLength(2349);
    const fit = fitBgNbd(rows);
    expect(j.fits).toHaveLength(1);
    const b = j.fits[0].bgnbd;
    expect(Object.keys(b)).toEqual(['model', 'r', 'alpha', 'a', 'b', 'log_likelihood', 'n', 'converged', 'time_unit']);
    expect(b).toMatchObject({ model: 'bgnbd', n: 2349, converged: true, time_unit: 'weeks' });
    expect(b.r).toBeCloseTo(fit.params.r, 5);
    expect(b.alpha).toBeCloseTo(fit.params.alpha, 5);
    expect(b.a).toBeCloseTo(fit.params.a, 5);
    expect(b.b).toBeCloseTo(fit.params.b, 5);
    expect(j.fits[0].gamma_gamma).toMatchObject({ model: 'gamma_gamma', n: 946, converged: true });
    expect(j.members).toHaveLength(2349);
    expect(Object.keys(j.members[0])).toEqual([
      'member_id',
      'leader_id',
      'x',
      't_x',
      'T',
      'p_alive',
      'expected_orders',
      'expected_order_value_fen',
      'clv_fen',
    ]);
    // customer 00004: x = 2, t_x = 213/7, T = 272/7; a member with one purchase day is alive for sure
    const c4 = j.members.find((m: { member_id: string }) => m.member_id === '00004');
    expect([c4.x, c4.t_x, c4.T]).toEqual([2, 30.4286, 38.8571]);
    const want = conditionalExpected(fit.params, { x: 2, tx: 213 / 7, T: 272 / 7 }, 12 * 4.345);
    expect(c4.expected_orders).toBeCloseTo(want, 3);
    expect(j.members.filter((m: { x: number }) => m.x === 0).every((m: { p_alive: number }) => m.p_alive === 1)).toBe(true);
  });

  it('--holdout-from: 39 weeks of predicted vs actual after 1997-10-01, the actual counted independently', async () => {
    await imported;
    const r = await runTuan(['predict', '--as-of', '1998-06-30', '--holdout-from', '1997-10-01', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const h = JSON.parse(r.stdout).fits[0].holdout;
    expect(h.weeks).toHaveLength(39);
    // awk over the CSV: distinct (customer, date) from 19971001 on: 1,882 (no $0.00 row falls there)
    expect(h.weeks[38].actual_cumulative).toBe(1882);
    expect(h.weeks[0].actual).toBe(50);
    expect(h.mean_absolute_error).toBeGreaterThan(0);
  });

  it('segment --format csv ends with p_alive and clv_fen: the same numbers as predict', async () => {
    await imported;
    const seg = await runTuan(['segment', '--as-of', '1997-09-30', '--format', 'csv'], { cwd });
    const pr = await runTuan(['predict', '--as-of', '1997-09-30', '--format', 'csv'], { cwd });
    expect([seg.code, pr.code]).toEqual([0, 0]);
    const segRows = seg.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    expect(segRows[0]!.slice(-4)).toEqual(['member_name', 'phone', 'p_alive', 'clv_fen']);
    const want = new Map(
      pr.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','))
        .map((c) => [c[0], `${c[5]},${c[8]}`]),
    );
    expect(segRows.length - 1).toBe(want.size);
    for (const r of segRows.slice(1)) expect(`${r.at(-2)},${r.at(-1)}`).toBe(want.get(r[0]));
  });

  it('--leader of an unknown leader is a usage error', async () => {
    await imported;
    const bad = await runTuan(['predict', '--as-of', '1997-09-30', '--leader', 'L9', '--lang', 'en'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown leader "L9"');
  });
});

describe('tuan predict refuses what it cannot fit', () => {
  it('too few members: exit 3, with the threshold, in both languages', async () => {
    const cwd = workdir(['segment/small.csv']);
    await runTuan(['import', 'small.csv'], { cwd });
    const zh = await runTuan(['predict', '--as-of', '2026-10-31'], { cwd });
    expect(zh.code).toBe(3);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toContain('至少需要 100 位会员和 20 位回头客');
    const en = await runTuan(['predict', '--as-of', '2026-10-31', '--lang', 'en'], { cwd });
    expect(en.code).toBe(3);
    expect(en.stderr).toContain('scope all has 5 members, 2 of them repeat buyers');
    expect(en.stderr).toContain('at least 100 members and 20 repeat buyers');
  });

  it('a fit with no finite maximum (synthetic data without heterogeneity) is exit 3, and segment leaves the columns empty', async () => {
    const cwd = workdir(['rfm/rfm_data_orders.csv']);
    await runTuan(['import', 'rfm_data_orders.csv'], { cwd });
    const r = await runTuan(['predict', '--as-of', '2006-12-31', '--lang', 'en'], { cwd });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the BG/NBD fit did not converge, so there is no prediction: scope all has 995 members');
    const seg = await runTuan(['segment', '--as-of', '2006-12-31', '--format', 'csv'], { cwd });
    expect(seg.code).toBe(0);
    expect(seg.stdout.split('\n')[1]!.endsWith(',,')).toBe(true);
  });

  it('a bad horizon or holdout date is a usage error', async () => {
    const cwd = workdir(['segment/small.csv']);
    await runTuan(['import', 'small.csv'], { cwd });
    expect((await runTuan(['predict', '--horizon', '1y'], { cwd })).code).toBe(2);
    expect((await runTuan(['predict', '--holdout-from', '2026-13-01'], { cwd })).code).toBe(2);
    expect((await runTuan(['predict', '--as-of', '2026-10-31', '--holdout-from', '2026-10-30'], { cwd })).code).toBe(2);
  });
});
