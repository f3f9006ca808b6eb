/** Public surface of core/report: what other folders may import. */
export { heatmap, stackedBars, textWidth } from './charts.js';
export type { BarChart, Heatmap } from './charts.js';
export { buildReport } from './report.js';
export type { CommissionRow, LeaderStages, ReportData, ReportInput, ReportLeader, RfmCell } from './report.js';
export type { ActionKind, ActionList, ActionMember } from './report-actions.js';
