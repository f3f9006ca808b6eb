/** Reads for `tuan report`: everything core/report/report.ts assembles, from one open database. */
import type { Config } from '../config.js';
import { lastMonth } from '../core/shared/index.js';
import type { ReportInput } from '../core/report/index.js';
import { rfmWindowStart, segmentScope } from '../core/members/index.js';
import { loadCommissionData } from './commission-data.js';
import type { Db } from './db.js';
import { readKpiData } from './kpi-data.js';
import { readMemberContacts, readMemberFacts } from './queries.js';
import { resolveScope } from './scope.js';

export interface ReportRequest {
  asOf: string;
  from: string;
  leader?: string | undefined;
  region?: string | undefined;
  unmask: boolean;
}

/** Steps of loadReportInput, for a progress bar (the build that follows is one more). */
export const READ_STEPS = 5;

/** `onStep(done, READ_STEPS)` after each read: large databases take seconds per step. */
export function loadReportInput(
  db: Db,
  config: Config,
  r: ReportRequest,
  onStep: (done: number, total: number) => void = () => {},
): ReportInput {
  const kpi = readKpiData(db, r.asOf);
  onStep(1, READ_STEPS);
  const leaders = kpi.leaders;
  const all = readMemberFacts(db, r.asOf, rfmWindowStart(r.asOf, config.rfm.window_days));
  const scope = resolveScope(r, leaders);
  const facts = scope.leaderIds ? all.filter((m) => scope.leaderIds!.has(m.leaderId)) : all;
  const label = scope.label;
  onStep(2, READ_STEPS);
  const commission = loadCommissionData(db, config, lastMonth(r.asOf).end);
  onStep(3, READ_STEPS);
  const before = readMemberFacts(db, r.from, null);
  onStep(4, READ_STEPS);
  const contacts = readMemberContacts(db);
  onStep(5, READ_STEPS);
  return {
    asOf: r.asOf,
    from: r.from,
    scope: label,
    leaderIds: scope.leaderIds,
    leaders: leaders.map((l) => ({ leaderId: l.leader_id, name: l.name, community: l.community })),
    segments: segmentScope(label, facts, r.asOf, config.stages, config.rfm),
    before,
    kpiData: kpi.data,
    commission: commission.input,
    contacts,
    settings: {
      stages: config.stages,
      minCategories: config.kpi.min_categories,
      minDenominator: config.kpi.min_denominator,
      targets: config.kpi.targets,
      listSize: config.report.members_per_list,
      unmask: r.unmask,
    },
  };
}
