/**
 * The data of `tuan report`, assembled from data the adapters have already read: stages per leader,
 * the stage migration between two dates, the RFM R×F grid with average M, the 8-class counts, the KPI
 * table of the last full month against the configured targets, that month's commission summary, and
 * the members to act on. Pure: no I/O, no clock; every number stays in fen, counts or exact ratios.
 */
import { commissionReport, type CommissionInput } from '../commission/index.js';
import { computeKpis, type KpiData } from '../kpi/index.js';
import { DEFAULT_ORDER_KPIS, kpiDef, type OrderKpi } from '../kpi/index.js';
import { kpiLine, type KpiLine, type KpiTargets } from '../kpi/index.js';
import { countStages, type Stage, type StageThresholds } from '../members/index.js';
import { migrate, type Migration } from '../members/index.js';
import { divRoundHalfUp } from '../shared/index.js';
import { lastMonth, monthEnd, monthStart } from '../shared/index.js';
import { RULES, type RuleCode } from '../commission/index.js';
import { CN8_ORDER, type RfmEdges } from '../members/index.js';
import { countByLeader, type MemberFacts, type MemberSegment, type ScopeResult } from '../members/index.js';
import { actionLists, type ActionList, type Contact } from './report-actions.js';
import type { Review } from '../review/index.js';
import type { PredictSettings } from '../predict/index.js';
import { comeBack, modelCheck, type ComeBack, type ModelCheck } from './report-predict.js';

export interface ReportLeader {
  leaderId: string;
  name: string;
  community: string;
}

export interface ReportSettings {
  stages: StageThresholds;
  /** kpi.min_categories */
  minCategories: number;
  /** kpi.min_denominator */
  minDenominator: number;
  /** kpi.targets: baseline and challenge as people write them (40 = 40 %, money in yuan) */
  targets: KpiTargets;
  /** members shown per action list */
  listSize: number;
  unmask: boolean;
  /** predict.*: the ltv KPI, 谁最可能回来 and the model check; without it they are n/a / null */
  predict?: PredictSettings | undefined;
}

export interface ReportInput {
  asOf: string;
  /** first date of the migration (before asOf) */
  from: string;
  /** `all`, `leader:L001`, `region:…` */
  scope: string;
  /** the leaders of the scope; null = every order counts (scope all) */
  leaderIds: ReadonlySet<string> | null;
  /** names and communities of known leaders (any scope) */
  leaders: readonly ReportLeader[];
  /** the scope's members segmented as of asOf (one scope, not per leader) */
  segments: ScopeResult;
  /** member facts as of `from` (any scope: filtered to the scope's members here) */
  before: readonly MemberFacts[];
  /** counted orders and returns up to asOf (any scope) */
  kpiData: KpiData;
  /** orders up to the end of the commission month (any scope) */
  commission: CommissionInput;
  contacts: ReadonlyMap<string, Contact>;
  settings: ReportSettings;
  /** the review of the last four weeks' tasks (tuan review), or null when no checklist was recorded */
  review: Review | null;
}

export interface LeaderStages {
  leaderId: string;
  community: string;
  total: number;
  atRisk: number;
  stages: Record<Stage, number>;
}

export interface RfmCell {
  r: number;
  f: number;
  members: number;
  /** sum of the members' window spend */
  spendFen: number;
  /** average M, half-up to the fen; null for an empty cell */
  avgSpendFen: number | null;
}

export interface CommissionRow {
  leaderId: string;
  level: number;
  certified: boolean;
  rateBp: number;
  gmvFen: number;
  baseFen: number;
  rewards: Record<RuleCode, number>;
  totalFen: number;
  /** the previous month's total, 0 when there was none */
  previousFen: number;
}

export interface ReportData {
  asOf: string;
  from: string;
  scope: string;
  /** the last full month on asOf: KPI period and commission month */
  month: string;
  monthStart: string;
  monthEnd: string;
  members: number;
  atRisk: number;
  stageTotals: Record<Stage, number>;
  leaders: LeaderStages[];
  migration: Migration;
  /** members with an order in the RFM window */
  rfmScored: number;
  /** rows R = 5 (most recent) … 1, columns F = 1 … 5 */
  rfm: RfmCell[][];
  rfmEdges: RfmEdges | null;
  cn8: { code: (typeof CN8_ORDER)[number]; count: number }[];
  kpis: KpiLine[];
  commission: CommissionRow[];
  actions: ActionList[];
  /** 哪些做法有效: the review of the last four weeks, or null without a contact log */
  worked: Review | null;
  /** 谁最可能回来; null when the scope cannot be fitted */
  comeBack: ComeBack | null;
  /** predicted vs actual purchase days, the last 12 weeks; null when that fit fails */
  modelCheck: ModelCheck | null;
}

/** The KPIs of the report: every order KPI except the stage shares, which the stage chart shows. */
export const REPORT_KPIS: readonly OrderKpi[] = DEFAULT_ORDER_KPIS.filter((k) => !k.startsWith('stage_share.'));

export function leaderStages(members: readonly MemberSegment[], leaders: readonly ReportLeader[]): LeaderStages[] {
  const community = new Map(leaders.map((l) => [l.leaderId, l.community]));
  return countByLeader(members).map((c) => ({
    leaderId: c.leaderId,
    community: community.get(c.leaderId) ?? '',
    total: c.total,
    atRisk: c.atRisk,
    stages: c.stages,
  }));
}

export function stageTotals(members: readonly MemberSegment[]): Record<Stage, number> {
  return countStages(members, (m) => m.stage);
}

/** The 5×5 R×F grid over members scored in the RFM window: count and average M per cell. */
export function rfmGrid(members: readonly MemberSegment[]): RfmCell[][] {
  const cells = [5, 4, 3, 2, 1].map((r) => [1, 2, 3, 4, 5].map((f): RfmCell => ({ r, f, members: 0, spendFen: 0, avgSpendFen: null })));
  for (const m of members) {
    if (!m.rfm) continue;
    const c = cells[5 - m.rfm.r]![m.rfm.f - 1]!;
    c.members++;
    c.spendFen += m.rfm.spendFen;
  }
  for (const c of cells.flat()) c.avgSpendFen = c.members === 0 ? null : divRoundHalfUp(c.spendFen, c.members);
  return cells;
}

export function cn8Counts(members: readonly MemberSegment[]): ReportData['cn8'] {
  const counts = new Map<string, number>();
  for (const m of members) if (m.rfm) counts.set(m.rfm.cn8, (counts.get(m.rfm.cn8) ?? 0) + 1);
  return CN8_ORDER.map((code) => ({ code, count: counts.get(code) ?? 0 }));
}

/** The KPI table for one month: each KPI of the scope's orders with its targets and mark. */
export function kpiLines(data: KpiData, month: string, asOf: string, s: ReportSettings): KpiLine[] {
  const p = { start: monthStart(month), end: monthEnd(month), asOf, stages: s.stages, minCategories: s.minCategories, predict: s.predict };
  return computeKpis(data, p, REPORT_KPIS).map((r) =>
    kpiLine(s.targets, r.kpi, kpiDef(r.kpi)!.unit, r.value, r.basis, {
      minDenominator: s.minDenominator,
      period: { kind: 'month', partial: false },
    }),
  );
}

/** The month's statements of the scope's leaders, as summary rows. */
export function commissionRows(input: CommissionInput, month: string, leaderIds: ReadonlySet<string> | null): CommissionRow[] {
  const report = commissionReport(input, month);
  return report.statements
    .filter((s) => leaderIds === null || leaderIds.has(s.leaderId))
    .map((s) => ({
      leaderId: s.leaderId,
      level: s.level,
      certified: s.levelSource === 'certified',
      rateBp: s.rateBp,
      gmvFen: s.gmvFen,
      baseFen: s.baseFen,
      rewards: Object.fromEntries(RULES.map((r) => [r, s.rewards[r]])) as Record<RuleCode, number>,
      totalFen: s.totalFen,
      previousFen: report.previousTotals.get(s.leaderId) ?? 0,
    }));
}

function scopedKpiData(data: KpiData, ids: ReadonlySet<string> | null): KpiData {
  if (ids === null) return data;
  return {
    orders: data.orders.filter((o) => ids.has(o.leaderId)),
    returns: data.returns.filter((r) => ids.has(r.leaderId)),
    paid: data.paid?.filter((d) => ids.has(d.leaderId)),
  };
}

export function buildReport(input: ReportInput): ReportData {
  const { asOf, from, settings } = input;
  if (from >= asOf) throw new RangeError(`migration start ${from} must be before ${asOf}`);
  const members = input.segments.members;
  const inScope = new Set(members.map((m) => m.memberId));
  const last = lastMonth(asOf);
  const month = last.label;
  const scoped = scopedKpiData(input.kpiData, input.leaderIds);
  return {
    asOf,
    from,
    scope: input.scope,
    month,
    monthStart: last.start,
    monthEnd: last.end,
    members: members.length,
    atRisk: members.filter((m) => m.atRisk).length,
    stageTotals: stageTotals(members),
    leaders: leaderStages(members, input.leaders),
    migration: migrate(
      input.before.filter((f) => inScope.has(f.memberId)),
      members,
      from,
      asOf,
      settings.stages,
    ),
    rfmScored: members.filter((m) => m.rfm).length,
    rfm: rfmGrid(members),
    rfmEdges: input.segments.edges,
    cn8: cn8Counts(members),
    kpis: kpiLines(scoped, month, asOf, settings),
    commission: commissionRows(input.commission, month, input.leaderIds),
    actions: actionLists(members, input.contacts, settings.listSize),
    worked: input.review,
    comeBack: settings.predict ? comeBack(scoped, members, input.contacts, asOf, settings.predict, settings.listSize) : null,
    modelCheck: settings.predict ? modelCheck(scoped, asOf, settings.predict) : null,
  };
}
