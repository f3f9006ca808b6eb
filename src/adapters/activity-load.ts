/** Reading what kits, scripts and the plan need: one leader's (or everyone's) members with profiles. */
import type { Config } from '../config.js';
import { UsageError } from '../errors.js';
import { addDays } from '../core/shared/index.js';
import { AFTER_SALE_WINDOW_DAYS, buildProfiles, type MemberProfile } from '../core/members/index.js';
import type { Db } from './db.js';
import { loadSegments } from './load.js';
import { readLastAfterSale, readLastOrders, readMemberItems, readPopular } from './activity-queries.js';
import { readMemberContacts, type LeaderInfo } from './queries.js';

/** Days of history that decide what is popular with a leader's members now; longer windows when these are empty. */
export const POPULAR_WINDOWS_DAYS = [30, 90, 365];

export interface ActivityLeader {
  id: string;
  name: string;
  community: string;
}

export interface Loaded {
  leader: ActivityLeader;
  /** `leader:L001` or `all` */
  scope: string;
  profiles: MemberProfile[];
  contacts: Map<string, { name: string; phone: string }>;
}

export function leaderRef(leaders: LeaderInfo[], id: string | null): ActivityLeader {
  if (id === null) return { id: '', name: '', community: '' };
  const l = leaders.find((x) => x.leader_id === id);
  return { id, name: l?.name ?? '', community: l?.community ?? '' };
}

/** What the leader's members buy now: the last 30 days, or longer when nobody bought in them. */
function popularNow(db: Db, leader: string | null, asOf: string): { categories: string[]; products: string[] } {
  let popular = { categories: [] as string[], products: [] as string[] };
  for (const days of POPULAR_WINDOWS_DAYS) {
    popular = readPopular(db, leader, addDays(asOf, -(days - 1)), asOf);
    if (popular.categories.length > 0 || popular.products.length > 0) break;
  }
  return popular;
}

/** Members of `leader` (all members when null) as of `asOf`, with profiles. */
export function loadProfiles(db: Db, config: Config, asOf: string, leader: string | null): Loaded {
  const { scopes, leaders } = loadSegments(db, config, asOf, { leader: leader ?? undefined });
  const members = scopes.flatMap((s) => s.members);
  const ids = members.map((m) => m.memberId);
  const popular = popularNow(db, leader, asOf);
  const profiles = buildProfiles(members, {
    items: readMemberItems(db, ids, asOf),
    popularCategories: popular.categories,
    popularProducts: popular.products,
    lastAfterSale: readLastAfterSale(db, ids, asOf),
    lastOrders: readLastOrders(db, ids, asOf),
    afterSaleWindowDays: AFTER_SALE_WINDOW_DAYS,
    personalCategories: new Set(config.activities.personal_categories),
  });
  return { leader: leaderRef(leaders, leader), scope: leader ? `leader:${leader}` : 'all', profiles, contacts: readMemberContacts(db) };
}

/** The leader of a member (of their latest counted order up to `asOf`). */
export function leaderOfMember(db: Db, config: Config, asOf: string, memberId: string): string {
  const { scopes } = loadSegments(db, config, asOf, {});
  const m = scopes.flatMap((s) => s.members).find((x) => x.memberId === memberId);
  if (!m)
    throw new UsageError(
      { zh: `会员 "${memberId}" 在 ${asOf} 及之前没有计入的订单`, en: `member "${memberId}" has no counted order on or before ${asOf}` },
      { zh: '用 tuan segment --format csv 核对会员ID', en: 'check the ID with: tuan segment --format csv' },
    );
  return m.leaderId;
}
