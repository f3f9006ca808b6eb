/** Library entry: everything the CLI does, callable from scripts. */
export { VERSION } from './version.js';
export {
  EXIT,
  TuanError,
  UsageError,
  ConfigError,
  InputError,
  DbError,
  TemplateError,
  CheckFailed,
  type ExitCode,
  type Text,
} from './errors.js';
export * from './core/shared/money.js';
export * from './core/shared/dates.js';
export * from './core/ingest/headers.js';
export * from './core/ingest/normalize.js';
export * from './core/ingest/status.js';
export * from './core/shared/mask.js';
export { openDb } from './adapters/db.js';
export { importOrdersFile } from './adapters/import-orders.js';
export { importLeadersFile } from './adapters/import-leaders.js';
export { readStatus } from './adapters/queries.js';
export { resolveConfig, validateConfig, DEFAULT_CONFIG, type Config } from './config.js';
// commission and leaders (issue #4)
export {
  commissionInput,
  commissionReport,
  computeStatements,
  type Statement,
  type MonthReport,
  type LeaderRef,
} from './core/commission/commission.js';
export {
  toCommissionRules,
  resolveLevel,
  performanceLevel,
  checkLevels,
  type CommissionRules,
  type LevelRule,
} from './core/commission/levels.js';
export { RULES as REWARD_RULES, type RewardLine, type RuleCode } from './core/commission/rewards.js';
export { promotionFor, parseRole, ROLE_NAMES, type Promotion, type Role } from './core/commission/promotion.js';
export { leaderOverview, type LeaderOverview } from './core/commission/leader-overview.js';
export { loadCommissionData } from './adapters/commission-data.js';
// KPIs and checks (issue #6)
export { computeKpi, computeKpis, type KpiParams, type KpiResult } from './core/kpi/kpi.js';
export { indexKpiData, type KpiData, type KpiOrder, type PaidDay } from './core/kpi/kpi.js';
export type { OrderFact, ReturnFact } from './core/members/history.js';
export { KPI_DEFS, ORDER_KPIS, METRICS, readValue, type OrderKpi, type Unit } from './core/kpi/kpi-defs.js';
export { parsePeriod, clipPeriod, lastMonth, lastWeek, type Period, type EffectivePeriod } from './core/shared/calendar.js';
export {
  resolveCheck,
  evaluateCheck,
  checkProblems,
  summarize,
  checksFailed,
  markTarget,
  type CheckSpec,
  type ResolvedCheck,
  type Outcome,
} from './core/kpi/checks.js';
export { readKpiData, expandScope, groupByLeader, scopeData } from './adapters/kpi-data.js';
export { KpiMeasurer, runChecks, type CheckRow } from './adapters/kpi-measure.js';
export { readMetricsFile } from './adapters/metrics-file.js';
export { SqlRunner, sqlRefusal } from './adapters/sql-check.js';
export { renderJunit } from './render/junit.js';
// init and completion (issue #7)
export { analyzeMapping, setColumn, unknownStatusWords, nextCommands, type MappingView } from './core/ingest/init-plan.js';
export { stageProblems, type StageProblem } from './core/members/stage-problems.js';
export { readSample } from './adapters/init-sample.js';
export { renderInitConfig, type InitConfig } from './render/init-config.js';
export { completionTree, type CompletionNode } from './render/completion-model.js';
export { bashScript } from './render/completion-bash.js';
export { zshScript } from './render/completion-zsh.js';
// kits, talk-scripts, the weekly plan and template lint (issue #5)
export { parseWeek, isoWeekOf, weekDates, type IsoWeek } from './core/shared/calendar.js';
export { buildPlan, planSnapshot, isDue, redLineViolations, type Plan, type PlanInput, type PlanTask } from './core/activities/plan.js';
export { planContext, planJson } from './core/activities/plan-context.js';
export { kitContext } from './core/activities/kit.js';
export { scriptContext, parseScene } from './core/activities/scripts.js';
export { offersFrom, type Offers } from './core/activities/activities.js';
export { KIT_CONTEXT, SCRIPT_CONTEXT, PLAN_CONTEXT, TEMPLATE_NAMES, SCENES, contextOf } from './core/templating/template-contexts.js';
// a leader's day and messages ready to paste (issue #16)
export { capPrivate } from './core/activities/plan.js';
export { buildToday, usualDay, type LoggedContact, type Today, type TodayInput, type TodayLine } from './core/activities/today.js';
export {
  groupPosts,
  postContext,
  messageContext,
  POST_KINDS,
  MESSAGE_KINDS,
  type PostKind,
  type MessageKind,
} from './core/activities/posts.js';
export { POST_CONTEXT, MESSAGE_CONTEXT } from './core/templating/template-contexts.js';
export { todayText, todayMarkdown, planText, messageProblems, MESSAGE_MAX_CHARS } from './render/messages.js';
export { loadProfiles } from './adapters/activity-load.js';
export { Templates, templateFiles } from './adapters/templates.js';
export { lintTemplates, type LintIssue } from './adapters/template-lint.js';
// the HTML report (issue #7)
export { buildReport, REPORT_KPIS, type ReportData, type ReportInput } from './core/report/report.js';
export { actionLists, type ActionList, type ActionMember } from './core/report/report-actions.js';
export { stackedBars, heatmap, type BarChart, type Heatmap } from './core/report/charts.js';
export { REPORT_CONTEXT } from './core/templating/report-context.js';
export { loadReportInput } from './adapters/report-data.js';
export { reportView, escapeDeep, type ReportContext } from './render/report-view.js';
export { main } from './cli.js';
// members: lifecycle stages, RFM, segmentation, migration
export {
  STAGES,
  STAGE_NAMES,
  ACTIVE_STAGES,
  parseStage,
  classifyStage,
  type Stage,
  type StageThresholds,
  type StageResult,
} from './core/members/lifecycle.js';
export {
  quantile7,
  quintileEdges,
  computeEdges,
  scoreRfm,
  segmentOf,
  median,
  cn8Baseline,
  cn8Class,
  CN8_CLASSES,
  CN8_ORDER,
  CN8_EN,
  type RfmValues,
  type RfmEdges,
  type RfmMethod,
  type RfmScores,
  type Cn8Baseline,
} from './core/members/rfm.js';
export {
  rfmWindowStart,
  segmentScope,
  segmentMembers,
  countByLeader,
  type MemberFacts,
  type RfmSettings,
  type MemberRfm,
  type MemberSegment,
  type ScopeResult,
  type StageCounts,
} from './core/members/segment.js';
export { DEFAULT_SEGMENTS, OTHER_SEGMENT, type SegmentRule } from './core/members/segments.js';
export { stageCounts, migrate, FROM_STAGES, type FromStage, type Share, type Migration } from './core/members/migration.js';
export type { LeaderInfo } from './core/shared/leader-info.js';
// the library api: one function per analysis a command offers; a database path or an open handle in, plain data out
export { withDb, type DbInput, type BaseOptions, type MaskOptions } from './api/common.js';
export { scopeFacts } from './adapters/load.js';
export { resolveScope, type ScopeRequest, type ResolvedScope } from './adapters/scope.js';
export {
  importFiles,
  type ImportOptions,
  type ImportResult,
  type FileProgress,
  type ImportSummary,
  type LeadersSummary,
} from './api/import.js';
export { status, type DbStatus } from './api/status.js';
export { segment, type SegmentOptions, type SegmentResult, type ScopeOptions } from './api/segment.js';
export { stages, type StagesOptions, type StagesResult } from './api/stages.js';
export { predict, type PredictOptions, type PredictResult, type PredictFit } from './api/predict.js';
export {
  conditionalExpected,
  expectedAverageValue,
  expectedNew,
  fitBgNbd,
  fitGammaGamma,
  holdoutWeeks,
  lifetimeValue,
  pAlive,
  summarize as summarizeMember,
  type BgNbdFit,
  type BgNbdParams,
  type GammaGammaFit,
  type GammaGammaParams,
  type HoldoutResult,
  type HoldoutWeek,
  type MemberPrediction,
  type MemberSummary,
  type Rft,
  type TimeUnit,
} from './core/predict/index.js';
export { members, MEMBER_SORTS, type MembersOptions, type MembersResult, type ListedMember, type MemberSort } from './api/members.js';
export { commission, chooseMonth, type CommissionOptions, type CommissionResult, type MonthChoice } from './api/commission.js';
export { leaders, type LeadersOptions, type LeadersResult } from './api/leaders.js';
export {
  alerts,
  ALERT_SOURCES,
  type Alert,
  type AlertContext,
  type AlertLevel,
  type AlertSource,
  type AlertsOptions,
  type AlertsResult,
} from './api/alerts.js';
export { kit, type KitOptions, type KitContext } from './api/kit.js';
export { script, type ScriptOptions, type ScriptContext } from './api/script.js';
export { plan, weekOf, type PlanOptions, type PlanResult, type PlanContext } from './api/plan.js';
// the contact log, the holdout and the review (issue #13)
export {
  logImport,
  logContact,
  logList,
  type LogImportOptions,
  type LogImportResult,
  type LogContactOptions,
  type LogContactResult,
  type LogListOptions,
  type LogListRow,
} from './api/log.js';
export { review, type ReviewOptions, type Review } from './api/review.js';
export { inHoldout, taskId, parseOutcome, OUTCOMES, type Outcome as ContactOutcome, type LogFact } from './core/activities/contact-log.js';
export { checklistRows, CHECKLIST_COLUMNS, type ChecklistRow } from './core/activities/checklist.js';
export { newcombeInterval, wilson } from './core/review/interval.js';
export { buildReview, type ReviewGroup, type ReviewOrder } from './core/review/review.js';
export { today, type TodayOptions, type TodayResult } from './api/today.js';
export {
  kpi,
  kpiChecks,
  resolvePeriod,
  type KpiOptions,
  type KpiTable,
  type KpiChecksOptions,
  type KpiChecksResult,
  type KpiRow,
  type KpiScope,
  type Summary,
} from './api/kpi.js';
export { report, type ReportOptions, type ReportResult } from './api/report.js';
export { rejects, type RejectsOptions, type RejectRow } from './api/rejects.js';
export { forget, forgetPlan, type ForgetOptions, type ForgetPlan, type ForgetResult } from './api/forget.js';
export { parseAge, cutoffDate, pseudonym, type Age } from './core/members/forget.js';
export type { ActivityOptions } from './api/activity.js';
// the trainer's view (issue #15): products, anomalies, cohorts
export {
  products,
  anomalies,
  cohorts,
  anomalyRule,
  PRODUCT_GROUPINGS,
  type ProductsOptions,
  type ProductsResult,
  type AnomaliesOptions,
  type ProductScopeOptions,
  type CohortsOptions,
  type CohortsResult,
  type Anomaly,
  type ProductRow,
  type ProductGrouping,
} from './api/products.js';
export { findSteps, previousPeriod, productAnomalies, productRows, type AnomalyRule, type WeekPoint } from './core/products/index.js';
export { cohortTable, type Cohort, type CohortMonth, type CohortTable } from './core/cohorts/index.js';
