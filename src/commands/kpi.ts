import { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import type { Config } from '../config.js';
import { isOrderKpi, kpiDef, ORDER_KPIS, type OrderKpi, type Unit } from '../core/kpi/kpi-defs.js';
import { kpiLine } from '../core/kpi/targets.js';
import type { EffectivePeriod } from '../core/shared/calendar.js';
import type { Ratio } from '../core/shared/ratio.js';
import { expandScope, type KpiScope, type ScopeError } from '../adapters/kpi-data.js';
import { KpiMeasurer } from '../adapters/kpi-measure.js';
import { lookupMetric, type Metrics } from '../adapters/metrics-file.js';
import type { LeaderInfo } from '../adapters/queries.js';
import { kpiCsv, kpiJson, kpiSideBySide, kpiTable, type KpiRow } from '../render/kpi.js';
import { renderJson } from '../render/table.js';
import { emit, formatOption, leaderOption, outOption } from './common.js';
import { kpiCheckCommand } from './kpi-check.js';
import { metricsOption, periodOption, readMetrics, resolvePeriod, loadKpiData } from './kpi-common.js';
import type { CommandSpec } from './types.js';

function must(r: KpiScope[] | ScopeError): KpiScope[] {
  if (!Array.isArray(r)) throw new UsageError(r.message, r.hint);
  return r;
}

function scopesOf(opts: Record<string, unknown>, leaders: readonly LeaderInfo[]): { scopes: KpiScope[]; label: string } {
  const { leader, region, perLeader } = opts as { leader?: string; region?: string; perLeader?: boolean };
  if (leader && region) throw new UsageError({ zh: '--leader 和 --region 只能用一个', en: 'use either --leader or --region, not both' });
  if (leader && perLeader) throw new UsageError({ zh: '--leader 和 --per-leader 只能用一个', en: 'use either --leader or --per-leader, not both' });
  if (perLeader) {
    if (region) must(expandScope(`region:${region}`, leaders));
    const within = region ? leaders.filter((l) => l.region === region) : leaders;
    return { scopes: must(expandScope('per-leader', within)), label: region ? `per-leader (region:${region})` : 'per-leader' };
  }
  const written = leader ? `leader:${leader}` : region ? `region:${region}` : 'all';
  return { scopes: must(expandScope(written, leaders)), label: written };
}

function kpiList(raw: unknown): OrderKpi[] {
  if (typeof raw !== 'string') return [...ORDER_KPIS];
  const codes = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = codes.filter((c) => !isOrderKpi(c));
  if (bad.length || codes.length === 0) throw new UsageError({ zh: `--kpi:没有这个 KPI:${bad.join(', ') || '(一个也没给)'}`, en: `--kpi: unknown KPI ${bad.join(', ') || '(none given)'}` }, { zh: `可用的 KPI:${ORDER_KPIS.join(', ')}`, en: `KPIs: ${ORDER_KPIS.join(', ')}` });
  return codes as OrderKpi[];
}

function row(config: Config, scope: string, kpi: string, unit: Unit, value: Ratio | null, basis: [number, number] | null): KpiRow {
  return { scope, ...kpiLine(config.kpi.targets, kpi, unit, value, basis) };
}

/** Metric rows for the metrics that the file has for this period, in file order. */
function metricRows(config: Config, metrics: Metrics | null, period: EffectivePeriod, scope: KpiScope): KpiRow[] {
  if (!metrics) return [];
  const codes = [...new Set(metrics.rows.map((r) => r.metric))];
  return codes.flatMap((code) => {
    const raw = metrics.rows.find((r) => r.metric === code);
    const unit: Unit = kpiDef(code)?.unit ?? (raw?.value.endsWith('%') ? 'rate' : 'number');
    const value = lookupMetric(metrics, code, period, scope.label, unit);
    return value === null ? [] : [row(config, scope.label, code, unit, value, null)];
  });
}

export const kpiCommand: CommandSpec = {
  name: 'kpi',
  group: 'check',
  summary: { zh: 'KPI 表:成交额、客单价、复购率、留存、唤醒率……对照种子报告的基准值与挑战值', en: 'the KPI table: GMV, AOV, repurchase, retention, wake-up … against the seed\'s baseline and challenge' },
  description: {
    zh: '用截至 --as-of 的计入订单,算出一个统计周期(默认 last-month)里 SPEC §6 的全部 KPI:全部订单、某个团长、某个区域,' +
      '或每个团长并排(--per-leader)。分母为空的 KPI 显示 n/a。每个范围只看自己的订单:换到别的团长那里的会员,在那边算新会员。' +
      '标记是和配置里的目标(kpi.targets)比较的结果。',
    en: 'Computes every KPI of SPEC §6 for one period (default: last-month) from the counted orders up to --as-of, for all orders, ' +
      'a leader, a region, or each leader side by side (--per-leader). A KPI whose denominator is empty is n/a. Each scope sees only ' +
      'its own orders: a member who moved to another leader is new there. Marks compare with the targets in the configuration (kpi.targets).',
  },
  examples: [
    'tuan kpi --period 2026-10 --as-of 2026-10-31',
    'tuan kpi --period 2026-W44 --per-leader --kpi gmv,aov,repurchase_rate',
    'tuan kpi --period last-month --leader L003 --format json',
  ],
  configure(cmd, say) {
    cmd.addOption(periodOption(say)).addOption(leaderOption(say)).addOption(new Option('--region <region>', say('只看这个区域的团长(来自 leaders.csv)', 'only leaders of this region (from leaders.csv)')))
      .addOption(new Option('--per-leader', say('每个团长一列,并排显示', 'one column per leader, side by side')))
      .addOption(new Option('--kpi <codes>', say('只算这些 KPI,用逗号分隔,例如 gmv,aov,repurchase_rate(默认全部;代码见 README)', 'only these KPIs, comma-separated, e.g. gmv,aov,repurchase_rate (default: all; codes in the README)')))
      .addOption(metricsOption(say)).addOption(formatOption(say, ['table', 'csv', 'json'])).addOption(outOption(say));
  },
  subcommands: [kpiCheckCommand],
  async run(_args, opts, ctx) {
    const period = resolvePeriod(opts.period, ctx.asOf);
    const kpis = kpiList(opts.kpi);
    const metrics = readMetrics(ctx, opts.metrics);
    const loaded = loadKpiData(ctx);
    const { scopes, label } = scopesOf(opts, loaded.leaders);
    const measurer = new KpiMeasurer(loaded.data, ctx.asOf, ctx.config);
    const rows = scopes.flatMap((s) => [...kpis.map((k) => {
      const r = measurer.measure(k, s, period);
      return row(ctx.config, s.label, k, kpiDef(k)!.unit, r.value, r.basis);
    }), ...metricRows(ctx.config, metrics, period, s)]);
    const meta = { period, asOf: ctx.asOf, scope: label };
    const text = opts.format === 'json' ? renderJson(kpiJson(rows, meta)) : opts.format === 'csv' ? kpiCsv(rows, meta)
      : opts.perLeader ? kpiSideBySide(rows, scopes.map((s) => s.label), meta, ctx.lang, ctx.style) : kpiTable(rows, meta, ctx.lang, ctx.style);
    emit(ctx, text, opts.out);
    return EXIT.ok;
  },
};
