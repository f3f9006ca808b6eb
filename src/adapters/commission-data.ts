/** Reads for `tuan commission` and `tuan leaders`: counted orders, returns and leaders up to a date. */
import type { Config } from '../config.js';
import { commissionInput, type CommissionInput, type LeaderRef } from '../core/commission/index.js';
import { toCommissionRules } from '../core/commission/index.js';
import type { LeaderProfile } from '../core/commission/index.js';
import type { Db } from './db.js';
import { readCountedOrders, readLeaders, readReturns, type LeaderInfo } from './queries.js';

export interface CommissionData {
  input: CommissionInput;
  leaders: LeaderInfo[];
  profiles: LeaderProfile[];
}

/** Everything on or before `cutoff` (the month's last day, or --as-of when earlier). */
export function loadCommissionData(db: Db, config: Config, cutoff: string): CommissionData {
  const leaders = readLeaders(db);
  const orders = readCountedOrders(db, cutoff);
  const returns = readReturns(db, cutoff);
  const refs: LeaderRef[] = leaders.map((l) => ({ leaderId: l.leader_id, star: l.star, joinedAt: l.joined_at }));
  const input = commissionInput(orders, returns, refs, toCommissionRules(config.commission), config.stages);
  const profiles = leaders.map((l) => ({ leaderId: l.leader_id, mentorId: l.mentor_id, role: l.role }));
  return { input, leaders, profiles };
}
