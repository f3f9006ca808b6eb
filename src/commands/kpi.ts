import { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { isOrderKpi, ORDER_KPIS, type OrderKpi } from '../core/kpi/kpi-defs.js';
import { kpi, resolvePeriod } from '../api/kpi.js';
import { kpiCsv, kpiJson, kpiSideBySide, kpiTable } from '../render/kpi.js';
import { renderJson } from '../render/table.js';
import { emit, formatOption, leaderOption, outOption, withRead } from './common.js';
import { kpiCheckCommand } from './kpi-check.js';
import { metricsOption, periodOption, readMetrics } from './kpi-common.js';
import type { CommandSpec } from './types.js';

function kpiList(raw: unknown): OrderKpi[] {
  if (typeof raw !== 'string') return [...ORDER_KPIS];
  const codes = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = codes.filter((c) => !isOrderKpi(c));
  if (bad.length || codes.length === 0) throw new UsageError(`--kpi: unknown KPI ${bad.join(', ') || '(none given)'}`, `KPIs: ${ORDER_KPIS.join(', ')}`);
  return codes as OrderKpi[];
}

export const kpiCommand: CommandSpec = {
  name: 'kpi',
  group: 'check',
  summary: { 'zh-CN': 'KPI 表:成交额、客单价、复购率、留存、唤醒率……对照种子报告的基准值与挑战值', en: 'the KPI table: GMV, AOV, repurchase, retention, wake-up … against the seed\'s baseline and challenge' },
  description:
    'Computes every KPI of SPEC §6 for one period (default: last-month) from the counted orders up to --as-of, for all orders, ' +
    'a leader, a region, or each leader side by side (--per-leader). A KPI whose denominator is empty is n/a. Each scope sees only ' +
    'its own orders: a member who moved to another leader is new there. Marks compare with the targets in the configuration (kpi.targets).',
  examples: [
    'tuan kpi --period 2026-10 --as-of 2026-10-31',
    'tuan kpi --period 2026-W44 --per-leader --kpi gmv,aov,repurchase_rate',
    'tuan kpi --period last-month --leader L003 --format json',
  ],
  configure(cmd) {
    cmd.addOption(periodOption()).addOption(leaderOption()).addOption(new Option('--region <region>', 'only leaders of this region (from leaders.csv)'))
      .addOption(new Option('--per-leader', 'one column per leader, side by side'))
      .addOption(new Option('--kpi <codes>', 'only these KPIs, comma-separated, e.g. gmv,aov,repurchase_rate (default: all; codes in the README)'))
      .addOption(metricsOption()).addOption(formatOption(['table', 'csv', 'json'])).addOption(outOption());
  },
  subcommands: [kpiCheckCommand],
  async run(_args, opts, ctx) {
    const period = resolvePeriod(opts.period as string | undefined, ctx.asOf);
    const kpis = kpiList(opts.kpi);
    const metrics = readMetrics(ctx, opts.metrics);
    const t = withRead(ctx, (db) => kpi(db, {
      config: ctx.config, asOf: ctx.asOf, period, kpis, metrics, unmask: ctx.unmask,
      leader: opts.leader as string | undefined, region: opts.region as string | undefined, perLeader: opts.perLeader === true,
    }));
    const { rows } = t;
    const meta = { period: t.period, asOf: t.asOf, scope: t.scope };
    const text = opts.format === 'json' ? renderJson(kpiJson(rows, meta)) : opts.format === 'csv' ? kpiCsv(rows, meta)
      : opts.perLeader ? kpiSideBySide(rows, t.scopes, meta, ctx.lang, ctx.style) : kpiTable(rows, meta, ctx.lang, ctx.style);
    emit(ctx, text, opts.out);
    return EXIT.ok;
  },
};
