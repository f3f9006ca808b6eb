import { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { isOrderKpi, ORDER_KPIS, type OrderKpi } from '../core/kpi/index.js';
import { kpi, resolvePeriod } from '../api/kpi.js';
import { kpiCsv, kpiJson, kpiSideBySide, kpiTable } from '../render/kpi.js';
import { renderJson } from '../render/table.js';
import { emit, formatOption, leaderOption, outOption, withRead } from './common.js';
import { kpiCheckCommand } from './kpi-check.js';
import { metricsOption, periodOption, readMetrics } from './kpi-common.js';
import type { CommandSpec } from './types.js';

function kpiList(raw: unknown): OrderKpi[] {
  if (typeof raw !== 'string') return [...ORDER_KPIS];
  const codes = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = codes.filter((c) => !isOrderKpi(c));
  if (bad.length || codes.length === 0)
    throw new UsageError(
      { zh: `--kpi:没有这个 KPI:${bad.join(', ') || '(一个也没给)'}`, en: `--kpi: unknown KPI ${bad.join(', ') || '(none given)'}` },
      { zh: `可用的 KPI:${ORDER_KPIS.join(', ')}`, en: `KPIs: ${ORDER_KPIS.join(', ')}` },
    );
  return codes as OrderKpi[];
}

export const kpiCommand: CommandSpec = {
  name: 'kpi',
  group: 'check',
  summary: {
    zh: 'KPI 表:成交额、客单价、复购率、留存、唤醒率……对照种子报告的基准值与挑战值',
    en: "the KPI table: GMV, AOV, repurchase, retention, wake-up … against the seed's baseline and challenge",
  },
  description: {
    zh:
      '用截至 --as-of 的计入订单,算出一个统计周期(默认 last-month)里 SPEC §6 的全部 KPI:全部订单、某个团长、某个区域,' +
      '或每个团长并排(--per-leader)。分母为空的 KPI 显示 n/a。每个范围只看自己的订单:换到别的团长那里的会员,在那边算新会员。' +
      '标记是和配置里的目标(kpi.targets)比较的结果。',
    en:
      'Computes every KPI of SPEC §6 for one period (default: last-month) from the counted orders up to --as-of, for all orders, ' +
      'a leader, a region, or each leader side by side (--per-leader). A KPI whose denominator is empty is n/a. Each scope sees only ' +
      'its own orders: a member who moved to another leader is new there. Marks compare with the targets in the configuration (kpi.targets).',
  },
  examples: [
    'tuan kpi --period 2026-10 --as-of 2026-10-31',
    'tuan kpi --period 2026-W44 --per-leader --kpi gmv,aov,repurchase_rate',
    'tuan kpi --period last-month --leader L003 --format json',
  ],
  configure(cmd, say) {
    cmd
      .addOption(periodOption(say))
      .addOption(leaderOption(say))
      .addOption(
        new Option('--region <region>', say('只看这个区域的团长(来自 leaders.csv)', 'only leaders of this region (from leaders.csv)')),
      )
      .addOption(new Option('--per-leader', say('每个团长一列,并排显示', 'one column per leader, side by side')))
      .addOption(
        new Option(
          '--kpi <codes>',
          say(
            '只算这些 KPI,用逗号分隔,例如 gmv,aov,repurchase_rate(默认全部;代码见 README)',
            'only these KPIs, comma-separated, e.g. gmv,aov,repurchase_rate (default: all; codes in the README)',
          ),
        ),
      )
      .addOption(metricsOption(say))
      .addOption(formatOption(say, ['table', 'csv', 'json']))
      .addOption(outOption(say));
  },
  subcommands: [kpiCheckCommand],
  async run(_args, opts, ctx) {
    const period = resolvePeriod(opts.period as string | undefined, ctx.asOf);
    const kpis = kpiList(opts.kpi);
    const metrics = readMetrics(ctx, opts.metrics);
    const t = withRead(ctx, (db) =>
      kpi(db, {
        config: ctx.config,
        asOf: ctx.asOf,
        period,
        kpis,
        metrics,
        unmask: ctx.unmask,
        leader: opts.leader as string | undefined,
        region: opts.region as string | undefined,
        perLeader: opts.perLeader === true,
      }),
    );
    const { rows } = t;
    const meta = { period: t.period, asOf: t.asOf, scope: t.scope, minDenominator: ctx.config.kpi.min_denominator };
    const text =
      opts.format === 'json'
        ? renderJson(kpiJson(rows, meta))
        : opts.format === 'csv'
          ? kpiCsv(rows, meta)
          : opts.perLeader
            ? kpiSideBySide(rows, t.scopes, meta, ctx.lang, ctx.style)
            : kpiTable(rows, meta, ctx.lang, ctx.style);
    emit(ctx, text, opts.out);
    return EXIT.ok;
  },
};
