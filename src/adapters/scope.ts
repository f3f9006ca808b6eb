/**
 * The one scope resolver: `--leader` / `--region` (and the `leader:ID` / `region:NAME` scopes of a checks file)
 * checked against the leaders the database knows. Every command and api function resolves its scope here, so an
 * unknown leader or an empty region is the same bilingual UsageError everywhere.
 */
import { UsageError } from '../errors.js';
import type { LeaderInfo } from '../core/shared/index.js';

export interface ScopeRequest {
  /** only this leader (团长ID) */
  leader?: string | undefined;
  /** only the leaders of this region (leaders.csv) */
  region?: string | undefined;
}

export interface ResolvedScope {
  /** `all`, `leader:L001` or `region:杭州西湖区` */
  label: string;
  /** the leaders whose orders count; null = every order */
  leaderIds: ReadonlySet<string> | null;
  /** the leader of a leader: scope */
  leader: string | null;
  /** the region of a region: scope */
  region: string | null;
}

/** The error for a leader ID the database does not know. */
export function unknownLeader(id: string, leaders: readonly LeaderInfo[]): UsageError {
  const known = leaders.map((l) => l.leader_id).join(', ');
  return new UsageError(
    { zh: `没有团长 "${id}"`, en: `unknown leader "${id}"` },
    { zh: `已有的团长:${known || '无'}`, en: `known leaders: ${known || 'none'}` },
  );
}

/** The error for a region without a leader. */
export function unknownRegion(region: string, leaders: readonly LeaderInfo[]): UsageError {
  const regions = [...new Set(leaders.map((l) => l.region).filter(Boolean))];
  return new UsageError(
    { zh: `区域 "${region}" 没有团长`, en: `no leader in region "${region}"` },
    {
      zh: `leaders.csv 中的区域:${regions.join(', ') || '无(用 --leaders 导入 leaders.csv)'}`,
      en: `regions in leaders.csv: ${regions.join(', ') || 'none (import leaders.csv with --leaders)'}`,
    },
  );
}

/** A leader ID checked against the known leaders (undefined when none was asked for). */
export function checkLeader(leader: string | undefined, leaders: readonly LeaderInfo[]): string | undefined {
  if (leader === undefined) return undefined;
  if (!leaders.some((l) => l.leader_id === leader)) throw unknownLeader(leader, leaders);
  return leader;
}

/**
 * `{leader}`, `{region}` or neither, checked against `leaders`: throws a UsageError for both at once,
 * an unknown leader, or a region without leaders.
 */
export function resolveScope(req: ScopeRequest, leaders: readonly LeaderInfo[]): ResolvedScope {
  const { leader, region } = req;
  if (leader && region) {
    throw new UsageError({ zh: '--leader 和 --region 只能用一个', en: 'use either --leader or --region, not both' });
  }
  if (leader) {
    checkLeader(leader, leaders);
    return { label: `leader:${leader}`, leaderIds: new Set([leader]), leader, region: null };
  }
  if (region) {
    const ids = leaders.filter((l) => l.region === region).map((l) => l.leader_id);
    if (ids.length === 0) throw unknownRegion(region, leaders);
    return { label: `region:${region}`, leaderIds: new Set(ids), leader: null, region };
  }
  return { label: 'all', leaderIds: null, leader: null, region: null };
}
