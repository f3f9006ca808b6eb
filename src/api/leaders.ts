/**
 * `tuan leaders` as a function: the trainer's table (each leader's KPIs for a month against the month before and a
 * year earlier, ranked, with the scope's median), the support list, and each leader's level, role and promotion eligibility.
 */
import { loadCommissionData } from '../adapters/commission-data.js';
import { leaderOverview, type LeaderOverview } from '../core/commission/index.js';
import type { LevelRule } from '../core/commission/index.js';
import type { LeaderInfo } from '../core/shared/index.js';
import type { Comparison, SupportEntry, TrainerKpi } from '../core/trainer/index.js';
import { chooseMonth } from './commission.js';
import { configOf, maskLeaders, maskOutput, withDb, type BaseOptions, type DbInput, type MaskOptions } from './common.js';
import { compareMonth, supportList, TrainerData, trainerScope, type TrainerScopeOptions } from './trainer.js';

export type { LeaderOverview, SupportEntry, TrainerKpi };

export interface LeadersOptions extends BaseOptions, MaskOptions, TrainerScopeOptions {
  /** the business date, YYYY-MM-DD */
  asOf: string;
  /** the month shown, YYYY-MM; default: the last month that is over on asOf */
  month?: string | undefined;
  /** also judge the support rule (reads the KPI checks of every month of the last year) */
  support?: boolean | undefined;
}

export interface LeadersResult {
  month: string;
  /** `all`, `region:R`, `trainer:ID` or `leader:ID` */
  scope: string;
  rows: LeaderOverview[];
  /** leaders.csv details by leader ID; names and trainers masked unless unmask */
  info: Map<string, LeaderInfo>;
  levels: readonly LevelRule[];
  /** the trainer's table: the listed leaders' KPIs, ranks over the scope, the scope's median */
  comparison: Comparison<TrainerKpi>;
  /** with `support`: the leaders entering, on or leaving support after the month; otherwise null */
  support: SupportEntry[] | null;
}

/** The leaders of a scope with the month's KPIs, ranks and median, level, role and promotion eligibility (and the support list). */
export function leaders(db: DbInput, o: LeadersOptions): LeadersResult {
  const { month, until } = chooseMonth(o.month, o.asOf);
  const config = configOf(o);
  return withDb(db, (h) => {
    const data = loadCommissionData(h, config, until);
    const scope = trainerScope(o, data.leaders);
    const shown = new Set(scope.shown);
    const rows = leaderOverview(data.input, data.profiles, month).filter((x) => shown.has(x.leaderId));
    const t = new TrainerData(h, config, o.asOf);
    t.useCommissionData(month, data); // read up to `until`, as the statement of the month is
    return maskOutput(
      {
        month,
        scope: scope.label,
        rows,
        info: new Map(maskLeaders(data.leaders, o.unmask).map((l) => [l.leader_id, l])),
        levels: data.input.rules.levels,
        comparison: compareMonth(t, scope, month),
        support: o.support ? supportList(t, scope, month) : null,
      },
      o.unmask,
    );
  });
}
