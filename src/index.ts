/** Library entry: everything the CLI does, callable from scripts. */
export { VERSION } from './version.js';
export * from './core/money.js';
export * from './core/dates.js';
export * from './core/headers.js';
export * from './core/normalize.js';
export * from './core/status.js';
export * from './core/mask.js';
export { openDb } from './adapters/db.js';
export { importOrdersFile } from './adapters/import-orders.js';
export { importLeadersFile } from './adapters/import-leaders.js';
export { readStatus } from './adapters/queries.js';
export { resolveConfig, validateConfig, DEFAULT_CONFIG, type Config } from './config.js';
// commission and leaders (issue #4)
export { commissionInput, commissionReport, computeStatements, type Statement, type MonthReport, type LeaderRef } from './core/commission.js';
export { toCommissionRules, resolveLevel, performanceLevel, checkLevels, type CommissionRules, type LevelRule } from './core/levels.js';
export { RULES as REWARD_RULES, type RewardLine, type RuleCode } from './core/rewards.js';
export { promotionFor, parseRole, ROLE_NAMES, type Promotion, type Role } from './core/promotion.js';
export { leaderOverview, type LeaderOverview } from './core/leader-overview.js';
export { loadCommissionData } from './adapters/commission-data.js';
// KPIs and checks (issue #6)
export { computeKpi, computeKpis, type KpiParams, type KpiResult } from './core/kpi.js';
export { indexKpiData, type KpiData, type KpiOrder, type KpiReturn } from './core/kpi-history.js';
export { KPI_DEFS, ORDER_KPIS, METRICS, readValue, type OrderKpi, type Unit } from './core/kpi-defs.js';
export { parsePeriod, clipPeriod, lastMonth, lastWeek, type Period, type EffectivePeriod } from './core/periods.js';
export { resolveCheck, evaluateCheck, checkProblems, summarize, checksFailed, markTarget, type CheckSpec, type ResolvedCheck, type Outcome } from './core/checks.js';
export { readKpiData, expandScope, groupByLeader, scopeData } from './adapters/kpi-data.js';
export { KpiMeasurer, runChecks, type CheckRow } from './adapters/kpi-measure.js';
export { readMetricsFile } from './adapters/metrics-file.js';
export { SqlRunner, sqlRefusal } from './adapters/sql-check.js';
export { renderJunit } from './render/junit.js';
// init and completion (issue #7)
export { analyzeMapping, setColumn, stageProblems, unknownStatusWords, nextCommands, type MappingView } from './core/init-plan.js';
export { readSample } from './adapters/init-sample.js';
export { renderInitConfig, type InitConfig } from './render/init-config.js';
export { completionTree, type CompletionNode } from './render/completion-model.js';
export { bashScript } from './render/completion-bash.js';
export { zshScript } from './render/completion-zsh.js';
// kits, talk-scripts, the weekly plan and template lint (issue #5)
export { parseWeek, isoWeekOf, weekDates, type IsoWeek } from './core/week.js';
export { buildPlan, planSnapshot, isDue, redLineViolations, type Plan, type PlanInput, type PlanTask } from './core/plan.js';
export { planContext, planJson } from './core/plan-context.js';
export { kitContext } from './core/kit.js';
export { scriptContext, parseScene } from './core/scripts.js';
export { offersFrom, type Offers } from './core/activities.js';
export { KIT_CONTEXT, SCRIPT_CONTEXT, PLAN_CONTEXT, TEMPLATE_NAMES, SCENES, contextOf } from './core/template-contexts.js';
export { loadProfiles } from './adapters/activity-load.js';
export { Templates, templateFiles } from './adapters/templates.js';
export { lintTemplates, type LintIssue } from './adapters/template-lint.js';
// the HTML report (issue #7)
export { buildReport, REPORT_KPIS, type ReportData, type ReportInput } from './core/report.js';
export { actionLists, type ActionList, type ActionMember } from './core/report-actions.js';
export { stackedBars, heatmap, type BarChart, type Heatmap } from './core/charts.js';
export { REPORT_CONTEXT } from './core/report-context.js';
export { loadReportInput } from './adapters/report-data.js';
export { reportView, escapeDeep, type ReportContext } from './render/report-view.js';
export { main } from './cli.js';
