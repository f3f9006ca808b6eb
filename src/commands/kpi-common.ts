/** Options and helpers shared by `tuan kpi` and `tuan kpi check`. */
import { resolve } from 'node:path';
import { Option } from 'commander';
import { readMetricsFile, type Metrics } from '../adapters/metrics-file.js';
import type { Say } from '../i18n.js';
import type { Ctx } from './types.js';

export const periodOption = (say: Say) =>
  new Option(
    '--period <period>',
    say(
      '统计周期:2026-10、2026-W44、2026-10-01..2026-10-31、last-month(上个月)或 last-week(上周)(默认 last-month:到 --as-of 为止最近一个完整的月)',
      'the period: 2026-10, 2026-W44, 2026-10-01..2026-10-31, last-month or last-week (default: last-month, the last month complete at the end of --as-of)',
    ),
  );
export const metricsOption = (say: Say) =>
  new Option(
    '--metrics <file>',
    say(
      'CSV 文件(metric,value,period,leader_id),放订单里看不出的 KPI(投诉、满意度……)',
      'CSV metric,value,period,leader_id with KPIs that orders cannot show (complaints, satisfaction, …)',
    ),
  );

export function readMetrics(ctx: Ctx, file: unknown): Metrics | null {
  return typeof file === 'string' ? readMetricsFile(resolve(ctx.io.cwd, file), file) : null;
}
