/**
 * The refund rate (refund_rate, 退款率): refunded fen over paid fen of the purchase lines dated in the period. Which lines
 * count is worked out here by hand: completed lines with their partial refunds and 已退款 lines whole; not cancelled or
 * pending lines (never paid), not returns (negative lines). Lower is better: a maximum is a check's fail_above, and
 * kpi.targets (minimums) refuses it. Not in the default list of `tuan kpi`.
 */
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTuan, workdir } from '../helpers/run-tuan.js';

const HEAD = '订单号,下单时间,会员ID,会员昵称,手机号,团长ID,商品名称,商品分类,数量,实付金额,退款金额,订单状态';
// June 2026 at R1: paid 100 + 200 + 300 = 600 元, refunded 0 + 50 + 300 = 350 元 → 350 / 600 = 0.5833;
// the cancelled 400, the pending 500 and the return of −80 count neither way. May: 0 / 1000 = 0. July: nothing paid → n/a.
const ROWS = [
  'O1,2026-06-02 10:00:00,M1,会员一,13800000001,R1,大米,粮油,1,100.00,0.00,已完成',
  'O2,2026-06-03 10:00:00,M1,会员一,13800000001,R1,大米,粮油,1,200.00,50.00,部分退款',
  'O3,2026-06-04 10:00:00,M2,会员二,13800000002,R1,大米,粮油,1,300.00,300.00,已退款',
  'O4,2026-06-05 10:00:00,M2,会员二,13800000002,R1,大米,粮油,1,400.00,0.00,已取消',
  'O5,2026-06-06 10:00:00,M3,会员三,13800000003,R1,大米,粮油,1,500.00,0.00,待付款',
  'O6,2026-06-07 10:00:00,M1,会员一,13800000001,R1,大米,粮油,-1,-80.00,0.00,已完成',
  'O0,2026-05-20 10:00:00,M1,会员一,13800000001,R1,大米,粮油,1,1000.00,0.00,已完成',
];

describe('refund_rate', () => {
  let cwd: string;
  const kpi = async (...args: string[]) => {
    const r = await runTuan(['kpi', '--format', 'json', '--as-of', '2026-07-31', ...args], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as { results: Record<string, unknown>[] };
  };

  beforeAll(async () => {
    cwd = workdir();
    writeFileSync(`${cwd}/orders.csv`, `${[HEAD, ...ROWS].join('\n')}\n`);
    expect((await runTuan(['import', 'orders.csv'], { cwd })).code).toBe(0);
  });

  it('refunded over paid fen: partial refunds and refunded lines, not cancelled, pending or return lines', async () => {
    const june = await kpi('--kpi', 'refund_rate', '--period', '2026-06');
    expect(june.results.map((r) => [r.kpi, r.value, r.numerator, r.denominator, r.target])).toEqual([
      ['refund_rate', 0.5833, 35000, 60000, null],
    ]);
    expect((await kpi('--kpi', 'refund_rate', '--period', '2026-05')).results[0]!.value).toBe(0);
    expect((await kpi('--kpi', 'refund_rate', '--period', '2026-07')).results[0]!.value).toBeNull();
    const table = await runTuan(['kpi', '--kpi', 'refund_rate', '--period', '2026-06', '--as-of', '2026-07-31', '--lang', 'en'], { cwd });
    expect(table.stdout).toMatch(/│ refund rate +│ +58\.3% │ ¥350\.00 \/ ¥600\.00 │/);
  });

  it('is not in the default list of tuan kpi', async () => {
    const all = await kpi('--period', '2026-06');
    expect(all.results.map((r) => r.kpi)).not.toContain('refund_rate');
    expect(all.results.map((r) => r.kpi)).toContain('gmv');
  });

  it('a maximum is a check with fail_above / warn_above; a kpi.targets entry or max: is a configuration error', async () => {
    writeFileSync(`${cwd}/checks.yaml`, 'checks:\n  - kpi: refund_rate\n    period: 2026-06\n    warn_above: 20%\n    fail_above: 50%\n');
    const fail = await runTuan(['kpi', 'check', '--config', 'checks.yaml', '--as-of', '2026-07-31', '--format', 'json'], { cwd });
    expect(fail.code).toBe(1);
    const row = JSON.parse(fail.stdout).results[0];
    expect([row.status, row.value, row.threshold_kind, row.threshold]).toEqual(['fail', 0.5833, 'fail_above', 0.5]);
    writeFileSync(`${cwd}/checks.yaml`, 'checks:\n  - kpi: refund_rate\n    period: 2026-05\n    fail_above: 50%\n');
    const pass = await runTuan(['kpi', 'check', '--config', 'checks.yaml', '--as-of', '2026-07-31', '--format', 'json'], { cwd });
    expect([pass.code, JSON.parse(pass.stdout).results[0].status]).toEqual([0, 'pass']);

    writeFileSync(`${cwd}/max.yaml`, 'checks:\n  - kpi: refund_rate\n    max: 5\n');
    const max = await runTuan(['kpi', 'check', '--config', 'max.yaml', '--as-of', '2026-07-31', '--lang', 'en'], { cwd });
    expect(max.code).toBe(2);
    expect(max.stderr).toContain('Unrecognized key: "max"');
    expect(max.stderr).toContain('a check needs at least one of fail_below, warn_below, fail_above, warn_above');

    writeFileSync(`${cwd}/targets.yaml`, 'kpi:\n  targets:\n    refund_rate:\n      baseline: 5\n');
    const target = await runTuan(['kpi', '--config', 'targets.yaml', '--as-of', '2026-07-31', '--lang', 'en'], { cwd });
    expect(target.code).toBe(2);
    expect(target.stderr).toContain('kpi.targets.refund_rate: refund_rate is lower-is-better and a target is a minimum');
    expect(target.stderr).toContain('fail_above / warn_above');
  });
});
