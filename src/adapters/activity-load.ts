/** Reading what kits, scripts and the plan need: one leader's (or everyone's) members with profiles. */
import type { Config } from '../config.js';
import { UsageError } from '../errors.js';
import { addDays } from '../core/dates.js';
import { buildProfiles, type MemberProfile } from '../core/profile.js';
import type { Db } from './db.js';
import { loadSegments } from './load.js';
import { readLastAfterSale, readLastOrders, readMemberItems, readPopular } from './activity-queries.js';
import { readMemberContacts, type LeaderInfo } from './queries.js';

/** Days of history that decide what is popular with a leader's members now. */
export const POPULAR_WINDOW_DAYS = 90;
/** A refund or return within this many days before the last order suggests why a member went quiet. */
export const AFTER_SALE_WINDOW_DAYS = 30;

export interface LeaderRef {
  id: string;
  name: string;
  community: string;
}

export interface Loaded {
  leader: LeaderRef;
  /** `leader:L001` or `all` */
  scope: string;
  profiles: MemberProfile[];
  contacts: Map<string, { name: string; phone: string }>;
}

export function leaderRef(leaders: LeaderInfo[], id: string | null): LeaderRef {
  if (id === null) return { id: '', name: '', community: '' };
  const l = leaders.find((x) => x.leader_id === id);
  return { id, name: l?.name ?? '', community: l?.community ?? '' };
}

/** Members of `leader` (all members when null) as of `asOf`, with profiles. */
export function loadProfiles(db: Db, config: Config, asOf: string, leader: string | null): Loaded {
  const { scopes, leaders } = loadSegments(db, config, asOf, { leader: leader ?? undefined });
  const members = scopes.flatMap((s) => s.members);
  const ids = members.map((m) => m.memberId);
  const popular = readPopular(db, leader, addDays(asOf, -(POPULAR_WINDOW_DAYS - 1)), asOf);
  const profiles = buildProfiles(members, {
    items: readMemberItems(db, ids, asOf),
    popularCategories: popular.categories, popularProducts: popular.products,
    lastAfterSale: readLastAfterSale(db, ids, asOf), lastOrders: readLastOrders(db, ids, asOf),
    afterSaleWindowDays: AFTER_SALE_WINDOW_DAYS,
  });
  return { leader: leaderRef(leaders, leader), scope: leader ? `leader:${leader}` : 'all', profiles, contacts: readMemberContacts(db) };
}

/** The leader of a member (of their latest counted order up to `asOf`). */
export function leaderOfMember(db: Db, config: Config, asOf: string, memberId: string): string {
  const { scopes } = loadSegments(db, config, asOf, {});
  const m = scopes.flatMap((s) => s.members).find((x) => x.memberId === memberId);
  if (!m) throw new UsageError(`member "${memberId}" has no counted order on or before ${asOf}`, 'check the ID with: tuan segment --format csv');
  return m.leaderId;
}
