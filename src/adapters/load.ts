/** Reading what analyses need: member facts in a scope, segmented as of a date. */
import type { Config } from '../config.js';
import { rfmWindowStart, segmentMembers, type MemberFacts, type ScopeResult } from '../core/members/index.js';
import type { Db } from './db.js';
import { readLeaders, readMemberFacts, type LeaderInfo } from './queries.js';
import { resolveScope } from './scope.js';

export interface ScopeFilter {
  leader?: string;
  region?: string;
  perLeader?: boolean;
}

export interface LoadedSegments {
  scopes: ScopeResult[];
  leaders: LeaderInfo[];
  scopeLabel: string;
}

/** The members of a scope (`--leader`, `--region` or all), checked by the one scope resolver. */
export function scopeFacts(facts: MemberFacts[], leaders: readonly LeaderInfo[], f: ScopeFilter): { facts: MemberFacts[]; label: string } {
  const scope = resolveScope(f, leaders);
  const ids = scope.leaderIds;
  return { facts: ids ? facts.filter((m) => ids.has(m.leaderId)) : facts, label: scope.label };
}

export function loadSegments(
  db: Db,
  config: Config,
  asOf: string,
  f: ScopeFilter,
  /** filled with the members' latest names and phones, read in the same pass as their facts */
  contacts?: Map<string, { name: string; phone: string }>,
): LoadedSegments {
  const all = readMemberFacts(db, asOf, rfmWindowStart(asOf, config.rfm.window_days), contacts);
  const leaders = readLeaders(
    db,
    all.map((m) => m.leaderId),
  );
  const { facts, label } = scopeFacts(all, leaders, f);
  const scopes = segmentMembers(facts, asOf, config.stages, config.rfm, { perLeader: f.perLeader === true, scope: label });
  return { scopes, leaders, scopeLabel: f.perLeader ? `per-leader${label === 'all' ? '' : ` (${label})`}` : label };
}
