/** `tuan leaders` as a function: each leader's level for a month and why, role and promotion eligibility. */
import { loadCommissionData } from '../adapters/commission-data.js';
import { checkLeader } from '../adapters/scope.js';
import { leaderOverview, type LeaderOverview } from '../core/commission/index.js';
import type { LevelRule } from '../core/commission/index.js';
import type { LeaderInfo } from '../core/shared/index.js';
import { chooseMonth } from './commission.js';
import { configOf, maskLeaders, maskOutput, withDb, type BaseOptions, type DbInput, type MaskOptions } from './common.js';

export type { LeaderOverview };

export interface LeadersOptions extends BaseOptions, MaskOptions {
  /** the business date, YYYY-MM-DD */
  asOf: string;
  /** the month whose level is shown, YYYY-MM; default: the last month that is over on asOf */
  month?: string | undefined;
  /** only this leader */
  leader?: string | undefined;
}

export interface LeadersResult {
  month: string;
  rows: LeaderOverview[];
  /** leaders.csv details by leader ID; names and trainers masked unless unmask */
  info: Map<string, LeaderInfo>;
  levels: readonly LevelRule[];
}

/** Every leader (leaders.csv plus any leader in orders) with the month's level, role and promotion eligibility. */
export function leaders(db: DbInput, o: LeadersOptions): LeadersResult {
  const { month, until } = chooseMonth(o.month, o.asOf);
  return withDb(db, (h) => {
    const data = loadCommissionData(h, configOf(o), until);
    const leader = checkLeader(o.leader, data.leaders);
    const rows = leaderOverview(data.input, data.profiles, month).filter((x) => !leader || x.leaderId === leader);
    return maskOutput(
      { month, rows, info: new Map(maskLeaders(data.leaders, o.unmask).map((l) => [l.leader_id, l])), levels: data.input.rules.levels },
      o.unmask,
    );
  });
}
