/** Public surface of core/kpi: what other folders may import. */
export { ChecksSchema, DEFAULT_KPI_SECTION, KpiSectionSchema } from './check-spec.js';
export { checksFailed, evaluateCheck, resolveCheck, summarize } from './checks.js';
export type { ResolvedCheck, Summary, TargetMark, ThresholdKind } from './checks.js';
export { computeKpi, computeKpis, indexKpiData } from './kpi.js';
export type { KpiData, KpiIndex, KpiOrder, KpiResult, PaidDay } from './kpi.js';
export {
  DEFAULT_ORDER_KPIS,
  LOGGED_ACTIONS,
  LOG_KPIS,
  ORDER_KPIS,
  STAGE_KPIS,
  isLogKpi,
  isOrderKpi,
  kpiDef,
  readValue,
} from './kpi-defs.js';
export type { KpiCode, LogKpi, OrderKpi, Unit } from './kpi-defs.js';
export type { CheckRow, KpiRow, KpiScope } from './kpi-rows.js';
export { kpiLine, stageTargets } from './targets.js';
export type { KpiLine, KpiTargets } from './targets.js';
