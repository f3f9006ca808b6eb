/** Options and helpers shared by `tuan kpi` and `tuan kpi check`. */
import { resolve } from 'node:path';
import { Option } from 'commander';
import { UsageError } from '../errors.js';
import { clipPeriod, parsePeriod, type EffectivePeriod } from '../core/shared/calendar.js';
import { readMetricsFile, type Metrics } from '../adapters/metrics-file.js';
import { readKpiData } from '../adapters/kpi-data.js';
import { openForRead } from './common.js';
import type { Say } from '../i18n.js';
import type { Ctx } from './types.js';

export const periodOption = (say: Say) => new Option('--period <period>', say('统计周期:2026-10、2026-W44、2026-10-01..2026-10-31、last-month(上个月)或 last-week(上周)(默认 last-month:到 --as-of 为止最近一个完整的月)',
  'the period: 2026-10, 2026-W44, 2026-10-01..2026-10-31, last-month or last-week (default: last-month, the last month complete at the end of --as-of)'));
export const metricsOption = (say: Say) => new Option('--metrics <file>', say('CSV 文件(metric,value,period,leader_id),放订单里看不出的 KPI(投诉、满意度……)',
  'CSV metric,value,period,leader_id with KPIs that orders cannot show (complaints, satisfaction, …)'));

/** --period (default last-month) resolved against --as-of and cut at it. */
export function resolvePeriod(raw: unknown, asOf: string): EffectivePeriod {
  const p = parsePeriod(typeof raw === 'string' ? raw : 'last-month', asOf);
  if (!p.ok) throw new UsageError({ zh: `--period ${p.reason.zh}`, en: `--period ${p.reason.en}` });
  const eff = clipPeriod(p.value, asOf);
  if (!eff) throw new UsageError({ zh: `--period ${p.value.label} 在 --as-of ${asOf} 之后才开始,还没有可统计的数据`, en: `--period ${p.value.label} starts after --as-of ${asOf}: nothing to measure yet` },
    { zh: '换一个更早的 --period,或更晚的 --as-of', en: 'pass an earlier --period or a later --as-of' });
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
