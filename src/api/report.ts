/** `tuan report` as a function: the data of the HTML report (stages, migration, RFM, 8 classes, KPIs, commission, members to act on). */
import { loadReportInput } from '../adapters/report-data.js';
import { buildReport, type ReportData, type ReportInput } from '../core/report/index.js';
import { lastMonth, maskName, type LeaderInfo } from '../core/shared/index.js';
import type { Comparison, SupportEntry, TrainerKpi } from '../core/trainer/index.js';
import { compareMonth, supportList, TrainerData, trainerScope } from './trainer.js';
import { configOf, maskContacts, maskLeaders, maskOutput, withDb, type BaseOptions, type DbInput, type MaskOptions } from './common.js';
import type { ScopeOptions } from './segment.js';
import { anomalies, cohorts } from './products.js';
import type { ProductsSection } from '../render/report-products.js';

export type { ReportData };

export interface ReportOptions extends BaseOptions, MaskOptions, ScopeOptions {
  /** the business date, YYYY-MM-DD */
  asOf: string;
  /** the first date of the stage migration, before asOf */
  from: string;
  /** the leaders whose mentor is this leader ID, recursively (with it, the report gains the trainer's section) */
  trainer?: string | undefined;
  /** `(done, total)` after each read: large databases take seconds per step */
  onStep?: (done: number, total: number) => void;
}

/** The trainer's section of a report for a region or a trainer: the leaders compared and the support list. */
export interface ReportTrainer {
  month: string;
  scope: string;
  comparison: Comparison<TrainerKpi>;
  support: SupportEntry[];
  /** names masked unless unmask */
  info: Map<string, LeaderInfo>;
}

export interface ReportResult {
  data: ReportData;
  /** with --region or --trainer, else null */
  trainer: ReportTrainer | null;
  /** names (masked unless unmask) and communities of the known leaders */
  leaders: ReportInput['leaders'];
  /** for a trainer: the scope's product anomalies and member cohorts up to asOf (tuan products, tuan cohorts) */
  products: ProductsSection;
}

/** Everything the report shows, computed; members in the action lists masked unless unmask. */
export function report(db: DbInput, o: ReportOptions): ReportResult {
  const config = configOf(o);
  const { input, trainer, products } = withDb(db, (h) => {
    let section: ReportTrainer | null = null;
    let within: { label: string; leaderIds: ReadonlySet<string> } | undefined;
    if (o.region !== undefined || o.trainer !== undefined) {
      const t = new TrainerData(h, config, o.asOf);
      const scope = trainerScope({ leader: o.leader, region: o.region, trainer: o.trainer }, t.leaders);
      const month = lastMonth(o.asOf).label;
      section = {
        month,
        scope: scope.label,
        comparison: compareMonth(t, scope, month),
        support: supportList(t, scope, month),
        info: new Map(maskLeaders(t.leaders, o.unmask).map((l) => [l.leader_id, l])),
      };
      if (o.trainer !== undefined) within = { label: scope.label, leaderIds: new Set(scope.peers) };
    }
    const read = loadReportInput(
      h,
      config,
      { asOf: o.asOf, from: o.from, leader: o.leader, region: o.region, within, unmask: o.unmask === true },
      o.onStep,
    );
    const scope = { leader: o.leader, region: o.region, leaderIds: within?.leaderIds, scopeLabel: within?.label };
    const products = {
      anomalies: anomalies(h, { config: o.config, asOf: o.asOf, by: 'category', ...scope }),
      cohorts: cohorts(h, { asOf: o.asOf, ...scope }),
    };
    return { input: read, trainer: section, products };
  });
  const leaders = o.unmask ? input.leaders : input.leaders.map((l) => ({ ...l, name: maskName(l.name) }));
  return maskOutput(
    { data: buildReport({ ...input, leaders, contacts: maskContacts(input.contacts, o.unmask) }), trainer, leaders, products },
    o.unmask,
  );
}
