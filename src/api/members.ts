/** `tuan members` as a function: the member lists a leader acts on. */
import { loadSegments } from '../adapters/load.js';
import type { Stage } from '../core/members/index.js';
import type { MemberSegment } from '../core/members/index.js';
import { configOf, maskOutput, readContacts, withDb, type BaseOptions, type DbInput, type MaskOptions } from './common.js';
import type { ScopeOptions } from './segment.js';

export const MEMBER_SORTS = ['spend', 'recency', 'orders', 'member'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

export interface MembersOptions extends BaseOptions, MaskOptions, ScopeOptions {
  /** the business date, YYYY-MM-DD */
  asOf: string;
  /** only this lifecycle stage */
  stage?: Stage | null | undefined;
  /** only this RFM segment code (`other` for members no rule names) */
  segment?: string | null | undefined;
  /** only this 8-class code, e.g. `HHH` */
  cn8?: string | null | undefined;
  /** only active members flagged at risk */
  atRisk?: boolean | undefined;
  /** spend (highest first, default), recency (most recent first), orders, or member ID; ties by member ID */
  sort?: MemberSort | undefined;
  /** at most this many members */
  limit?: number | null | undefined;
}

/** A member of a list, with name and phone (masked unless unmask; empty when the export had none). */
export interface ListedMember extends MemberSegment {
  name: string;
  phone: string;
}

export interface MembersResult {
  asOf: string;
  /** members that match, before the limit */
  total: number;
  members: ListedMember[];
}

const byId = (a: MemberSegment, b: MemberSegment) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);

function sortMembers(list: MemberSegment[], by: MemberSort): MemberSegment[] {
  const cmp: Record<MemberSort, (a: MemberSegment, b: MemberSegment) => number> = {
    spend: (a, b) => b.spendFen - a.spendFen,
    recency: (a, b) => a.recencyDays - b.recencyDays,
    orders: (a, b) => b.orders - a.orders,
    member: () => 0,
  };
  return [...list].sort((a, b) => cmp[by](a, b) || byId(a, b));
}

/** Members filtered by stage, segment, 8-class or the at-risk flag, sorted, cut to the limit. */
export function members(db: DbInput, o: MembersOptions): MembersResult {
  return withDb(db, (h) => {
    const loaded = loadSegments(h, configOf(o), o.asOf, { leader: o.leader, region: o.region });
    const contacts = readContacts(h, o.unmask);
    const list = loaded.scopes
      .flatMap((s) => s.members)
      .filter(
        (x) =>
          (!o.stage || x.stage === o.stage) &&
          (!o.atRisk || x.atRisk) &&
          (o.segment == null || x.rfm?.segment === o.segment) &&
          (!o.cn8 || x.rfm?.cn8 === o.cn8),
      );
    const shown = sortMembers(list.sort(byId), o.sort ?? 'spend').slice(0, o.limit ?? undefined);
    return maskOutput(
      {
        asOf: o.asOf,
        total: list.length,
        members: shown.map((x) => ({ ...x, name: contacts.get(x.memberId)?.name ?? '', phone: contacts.get(x.memberId)?.phone ?? '' })),
      },
      o.unmask,
    );
  });
}
