/** Options and helpers shared by `tuan kpi` and `tuan kpi check`. */
import { resolve } from 'node:path';
import { Option } from 'commander';
import { readMetricsFile, type Metrics } from '../adapters/metrics-file.js';
import type { Ctx } from './types.js';

export const periodOption = () => new Option('--period <period>', 'the period: 2026-10, 2026-W44, 2026-10-01..2026-10-31, last-month or last-week (default: last-month, the last month complete at the end of --as-of)');
export const metricsOption = () => new Option('--metrics <file>', 'CSV metric,value,period,leader_id with KPIs that orders cannot show (complaints, satisfaction, …)');

export function readMetrics(ctx: Ctx, file: unknown): Metrics | null {
  return typeof file === 'string' ? readMetricsFile(resolve(ctx.io.cwd, file), file) : null;
}

