/** Options and helpers shared by `tuan kpi` and `tuan kpi check`. */
import { resolve } from 'node:path';
import { Option } from 'commander';
import { UsageError } from '../errors.js';
import { clipPeriod, parsePeriod, type EffectivePeriod } from '../core/shared/calendar.js';
import { readMetricsFile, type Metrics } from '../adapters/metrics-file.js';
import { readKpiData } from '../adapters/kpi-data.js';
import { openForRead } from './common.js';
import type { Ctx } from './types.js';

export const periodOption = () => new Option('--period <period>', 'the period: 2026-10, 2026-W44, 2026-10-01..2026-10-31, last-month or last-week (default: last-month, the last month complete at the end of --as-of)');
export const metricsOption = () => new Option('--metrics <file>', 'CSV metric,value,period,leader_id with KPIs that orders cannot show (complaints, satisfaction, …)');

/** --period (default last-month) resolved against --as-of and cut at it. */
export function resolvePeriod(raw: unknown, asOf: string): EffectivePeriod {
  const p = parsePeriod(typeof raw === 'string' ? raw : 'last-month', asOf);
  if (!p.ok) throw new UsageError(`--period ${p.reason}`);
  const eff = clipPeriod(p.value, asOf);
  if (!eff) throw new UsageError(`--period ${p.value.label} starts after --as-of ${asOf}: nothing to measure yet`, 'pass an earlier --period or a later --as-of');
  return eff;
}

export function readMetrics(ctx: Ctx, file: unknown): Metrics | null {
  return typeof file === 'string' ? readMetricsFile(resolve(ctx.io.cwd, file), file) : null;
}


/** Counted orders, returns and leaders up to --as-of (a missing database is exit 4). */
export function loadKpiData(ctx: Ctx): ReturnType<typeof readKpiData> {
  const db = openForRead(ctx);
  try {
    return readKpiData(db, ctx.asOf);
  } finally {
    db.close();
  }
}
