/** Reading what analyses need: member facts in a scope, segmented as of a date. */
import type { Config } from '../config.js';
import { UsageError } from '../errors.js';
import { rfmWindowStart, segmentMembers, type MemberFacts, type ScopeResult } from '../core/members/segment.js';
import type { Db } from './db.js';
import { readLeaders, readMemberFacts, type LeaderInfo } from './queries.js';

export interface ScopeFilter {
  leader?: string;
  region?: string;
  perLeader?: boolean;
}

export interface Loaded {
  scopes: ScopeResult[];
  leaders: LeaderInfo[];
  scopeLabel: string;
}

export function scopeFacts(facts: MemberFacts[], leaders: LeaderInfo[], f: ScopeFilter): { facts: MemberFacts[]; label: string } {
  if (f.leader && f.region) throw new UsageError({ zh: '--leader 和 --region 只能用一个', en: 'use either --leader or --region, not both' });
  if (f.leader) {
    if (!leaders.some((l) => l.leader_id === f.leader)) {
      const known = leaders.map((l) => l.leader_id).join(', ');
      throw new UsageError({ zh: `没有团长 "${f.leader}"`, en: `unknown leader "${f.leader}"` },
        { zh: `已有的团长:${known || '无'}`, en: `known leaders: ${known || 'none'}` });
    }
    return { facts: facts.filter((m) => m.leaderId === f.leader), label: `leader:${f.leader}` };
  }
  if (f.region) {
    const ids = new Set(leaders.filter((l) => l.region === f.region).map((l) => l.leader_id));
    if (ids.size === 0) {
      const regions = [...new Set(leaders.map((l) => l.region).filter(Boolean))];
      throw new UsageError({ zh: `区域 "${f.region}" 没有团长`, en: `no leader in region "${f.region}"` }, {
        zh: `leaders.csv 中的区域:${regions.join(', ') || '无(用 --leaders 导入 leaders.csv)'}`,
        en: `regions in leaders.csv: ${regions.join(', ') || 'none (import leaders.csv with --leaders)'}`,
      });
    }
    return { facts: facts.filter((m) => ids.has(m.leaderId)), label: `region:${f.region}` };
  }
  return { facts, label: 'all' };
}

export function loadSegments(db: Db, config: Config, asOf: string, f: ScopeFilter): Loaded {
  const all = readMemberFacts(db, asOf, rfmWindowStart(asOf, config.rfm.window_days));
  const leaders = readLeaders(db, all.map((m) => m.leaderId));
  const { facts, label } = scopeFacts(all, leaders, f);
  const scopes = segmentMembers(facts, asOf, config.stages, config.rfm, { perLeader: f.perLeader === true, scope: label });
  return { scopes, leaders, scopeLabel: f.perLeader ? `per-leader${label === 'all' ? '' : ` (${label})`}` : label };
}
