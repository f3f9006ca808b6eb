/**
 * The trainer's view (issue #15) on an open database: the leaders of a scope (all, a region, a trainer's mentor
 * tree, or one leader among the peers of their region), each leader's KPIs for a month against the month before
 * and the same month a year earlier, ranked, with the scope's median; and the support list. Every KPI comes from
 * its one definition: the order KPIs from the KPI catalogue (core/kpi), commission from the monthly statement.
 */
import { UsageError } from '../errors.js';
import type { Config } from '../config.js';
import type { Db } from '../adapters/db.js';
import { expandScope, readKpiData } from '../adapters/kpi-data.js';
import { KpiMeasurer, LogMeasurer, runChecks } from '../adapters/kpi-measure.js';
import { loadCommissionData, type CommissionData } from '../adapters/commission-data.js';
import { checkLeader, resolveScope } from '../adapters/scope.js';
import { SqlRunner } from '../adapters/sql-check.js';
import { commissionReport } from '../core/commission/index.js';
import type { KpiScope, OrderKpi } from '../core/kpi/index.js';
import { addMonths, monthEnd, monthOf, whole, type LeaderInfo, type Ratio } from '../core/shared/index.js';
import {
  compareLeaders,
  menteesOf,
  supportTimeline,
  WATCHED_KPIS,
  TRAINER_KPIS,
  trainerKpiBetter,
  type Comparison,
  type SupportMonth,
  type SupportEntry,
  type TrainerKpi,
  type WatchedKpi,
} from '../core/trainer/index.js';
import { resolvePeriod } from './kpi.js';

export interface TrainerScopeOptions {
  /** one leader, ranked among the leaders of their region */
  leader?: string | undefined;
  /** the leaders of this region (leaders.csv) */
  region?: string | undefined;
  /** the leaders whose mentor (师傅) is this leader ID, and their mentees, recursively */
  trainer?: string | undefined;
}

export interface TrainerScope {
  /** `all`, `region:R`, `trainer:ID` or `leader:ID` */
  label: string;
  /** the leaders ranked and in the median */
  peers: string[];
  /** the leaders listed (the peers, or the one leader of --leader) */
  shown: string[];
}

/** The scope of the trainer's view; two of leader/region/trainer at once, an unknown leader or region are usage errors. */
export function trainerScope(o: TrainerScopeOptions, leaders: readonly LeaderInfo[]): TrainerScope {
  const given = (['leader', 'region', 'trainer'] as const).filter((k) => o[k] !== undefined);
  if (given.length === 2 && !given.includes('trainer')) resolveScope(o, leaders); // its "--leader or --region, not both"
  if (given.length > 1)
    throw new UsageError({
      zh: `--${given.join(' 和 --')} 只能用一个`,
      en: `use only one of --${given.join(', --')}`,
    });
  const all = leaders.map((l) => l.leader_id);
  if (o.region !== undefined) {
    const ids = [...expandScope(`region:${o.region}`, leaders)[0]!.leaderIds!].sort();
    return { label: `region:${o.region}`, peers: ids, shown: ids };
  }
  if (o.trainer !== undefined) {
    checkLeader(o.trainer, leaders);
    const ids = menteesOf(
      o.trainer,
      leaders.map((l) => ({ leaderId: l.leader_id, mentorId: l.mentor_id })),
    );
    if (ids.length === 0)
      throw new UsageError(
        {
          zh: `没有团长的师傅是 ${o.trainer}(leaders.csv 的「师傅」列)`,
          en: `no leader has ${o.trainer} as mentor (the 师傅 column of leaders.csv)`,
        },
        {
          zh: '在 leaders.csv 的「师傅」列填上带教人的团长ID,再导入一次(tuan import … --leaders leaders.csv)',
          en: "fill the 师傅 (mentor) column of leaders.csv with the mentor's leader ID and import it again (tuan import … --leaders leaders.csv)",
        },
      );
    return { label: `trainer:${o.trainer}`, peers: ids, shown: ids };
  }
  if (o.leader !== undefined) {
    checkLeader(o.leader, leaders);
    const region = leaders.find((l) => l.leader_id === o.leader)!.region;
    const peers = region ? leaders.filter((l) => l.region === region).map((l) => l.leader_id) : all;
    return { label: `leader:${o.leader}`, peers, shown: [o.leader] };
  }
  return { label: 'all', peers: all, shown: all };
}

const leaderScope = (id: string): KpiScope => ({ label: `leader:${id}`, leaderIds: new Set([id]), leaderId: id, region: null });

/** What the comparison and the support rule read, once per run. */
export class TrainerData {
  readonly leaders: LeaderInfo[];
  private readonly measurer: KpiMeasurer;
  /** the first month with a counted order, per leader */
  private readonly firstMonth = new Map<string, string>();
  private readonly commissions = new Map<string, Map<string, number>>();

  constructor(
    private readonly db: Db,
    readonly config: Config,
    readonly asOf: string,
  ) {
    const { data, leaders } = readKpiData(db, asOf);
    this.leaders = leaders;
    this.measurer = new KpiMeasurer(data, asOf, config);
    for (const o of data.orders) {
      const m = monthOf(o.orderDate);
      const f = this.firstMonth.get(o.leaderId);
      if (f === undefined || m < f) this.firstMonth.set(o.leaderId, m);
    }
  }

  /** false when the leader had no counted order yet in or before the month: no data to compare with */
  hasData(leaderId: string, month: string): boolean {
    const f = this.firstMonth.get(leaderId);
    return f !== undefined && f <= month;
  }

  /** An order KPI of one leader for one month, as `tuan kpi --leader ID --period M` measures it. */
  kpi(code: OrderKpi, leaderId: string, month: string): Ratio | null {
    return this.measurer.measure(code, leaderScope(leaderId), resolvePeriod(month, this.asOf)).value;
  }

  /**
   * The month's commission statements from commission data read up to the month's end (or asOf): the caller's, when
   * it has read them already (`tuan leaders` does), so that they are not read twice.
   */
  useCommissionData(month: string, data: CommissionData): void {
    this.commissions.set(month, new Map(commissionReport(data.input, month).statements.map((s) => [s.leaderId, s.totalFen])));
  }

  /** The month's commission total (fen) of a leader, as `tuan commission --month M` states it; null without a statement. */
  commission(leaderId: string, month: string): number | null {
    if (!this.commissions.has(month)) {
      const end = monthEnd(month);
      this.useCommissionData(month, loadCommissionData(this.db, this.config, end <= this.asOf ? end : this.asOf));
    }
    return this.commissions.get(month)!.get(leaderId) ?? null;
  }

  value(code: TrainerKpi, leaderId: string, month: string): Ratio | null {
    if (code !== 'commission') return this.kpi(code, leaderId, month);
    const fen = this.commission(leaderId, month);
    return fen === null ? null : whole(fen);
  }

  /** Names of the KPI checks (`checks:` of the configuration) that FAILed per leader in the month. */
  failedChecks(month: string): Map<string, string[]> {
    const out = new Map<string, string[]>();
    if (this.config.checks.length === 0) return out;
    const end = monthEnd(month);
    const asOf = end <= this.asOf ? end : this.asOf;
    const sql = new SqlRunner(this.db.name);
    try {
      const rows = runChecks(this.config, {
        measurer: this.measurer,
        log: new LogMeasurer(this.db, asOf, this.config.review.window_days),
        leaders: this.leaders,
        period: resolvePeriod(month, this.asOf),
        asOf,
        metrics: null,
        sql,
      });
      for (const r of rows)
        if (r.outcome.status === 'fail' && r.scope.leaderId)
          out.set(r.scope.leaderId, [...(out.get(r.scope.leaderId) ?? []), r.check.name]);
    } finally {
      sql.close();
    }
    return out;
  }
}

/** The trainer's table of month M: M, M−1 and M−12 per leader, ranked over the peers, the peers' median. */
export function compareMonth(d: TrainerData, scope: TrainerScope, month: string): Comparison<TrainerKpi> {
  const prev = addMonths(month, -1);
  const yoy = addMonths(month, -12);
  const rows = scope.peers.map((id) => ({
    leaderId: id,
    kpis: Object.fromEntries(
      TRAINER_KPIS.map((k) => [
        k,
        {
          value: d.value(k, id, month),
          prev: d.hasData(id, prev) ? d.value(k, id, prev) : null,
          yoy: d.hasData(id, yoy) ? d.value(k, id, yoy) : null,
        },
      ]),
    ) as Record<TrainerKpi, { value: Ratio | null; prev: Ratio | null; yoy: Ratio | null }>,
  }));
  const c = compareLeaders(
    TRAINER_KPIS.map((k) => ({ code: k, better: trainerKpiBetter(k) })),
    rows,
  );
  const shown = new Set(scope.shown);
  return { rows: c.rows.filter((r) => shown.has(r.leaderId)), median: c.median };
}

/** How many months before M the support rule is judged from (a period opened earlier than this is not seen). */
const LOOKBACK_MONTHS = 12;

/** The support list after month M: leaders entering, on, or leaving support, with the reasons. */
export function supportList(d: TrainerData, scope: TrainerScope, month: string): SupportEntry[] {
  const rule = d.config.trainer.support;
  const from = addMonths(month, -LOOKBACK_MONTHS);
  const months: string[] = [];
  for (let m = from; m <= month; m = addMonths(m, 1)) months.push(m);
  const fails = new Map(months.map((m) => [m, d.failedChecks(m)]));
  const out: SupportEntry[] = [];
  for (const id of scope.shown) {
    const facts: SupportMonth[] = months.map((m) => ({
      month: m,
      values: Object.fromEntries(WATCHED_KPIS.map((k) => [k, d.hasData(id, m) ? ratioInt(d.kpi(k, id, m)) : null])) as Record<
        WatchedKpi,
        number | null
      >,
      failedChecks: fails.get(m)!.get(id) ?? [],
    }));
    const timeline = supportTimeline(facts, rule);
    const last = timeline.at(-1)!;
    if (last.status === null) continue;
    const start = timeline.find((v) => v.month === last.started)!;
    out.push({
      leaderId: id,
      status: last.status,
      started: last.started!,
      until: last.until!,
      reasons: start.reasons,
      latest: last.reasons,
    });
  }
  return out;
}

/** GMV and active members are whole numbers (fen, members). */
const ratioInt = (r: Ratio | null) => (r === null ? null : Math.round(r.num / r.den));
