/**
 * What a talk-script needs to know about one member beyond the stage: the favourite category (or
 * product, for exports without categories such as 快团团), one popular category they have never bought,
 * a likely reason for going quiet, and the last order. Pure: the rows come from adapters/activity-queries.
 */
import type { MemberSegment } from './segment.js';
import { daysBetween } from '../shared/index.js';

/** Counted purchases of one member, grouped by category and product (up to the as-of date). */
export interface ItemRow {
  memberId: string;
  /** '' when the export has no category column */
  category: string;
  product: string;
  /** distinct counted orders holding this item */
  orders: number;
  spendFen: number;
}

export interface ItemPick {
  kind: 'category' | 'product';
  name: string;
}

export const REASONS = ['after_sale', 'one_and_done', 'unknown'] as const;
/** A refund or return within this many days before the last order (or after it) suggests why a member went quiet. */
export const AFTER_SALE_WINDOW_DAYS = 30;
export type Reason = (typeof REASONS)[number];

export interface LastOrder {
  date: string;
  amountFen: number;
  products: string[];
}

export interface MemberProfile extends MemberSegment {
  /** the member's purchases carry categories */
  categoriesRecorded: boolean;
  /** distinct categories bought (0 when none recorded) */
  categoriesBought: number;
  favourite: ItemPick | null;
  suggestion: ItemPick | null;
  reason: Reason;
  lastOrder: LastOrder | null;
}

export interface ProfileInputs {
  items: readonly ItemRow[];
  /** the leader's categories and products by number of recent buyers, most popular first */
  popularCategories: readonly string[];
  popularProducts: readonly string[];
  /** member -> last date of a refund, partial refund or return line */
  lastAfterSale: ReadonlyMap<string, string>;
  lastOrders: ReadonlyMap<string, LastOrder>;
  /** an after-sale event this many days before the last order (or later) points to the reason */
  afterSaleWindowDays: number;
  /** categories never suggested to a member who has not bought them (母婴: whether there is a baby at home is unknown) */
  personalCategories?: ReadonlySet<string>;
}

interface Tally {
  name: string;
  orders: number;
  spendFen: number;
}

/** Most orders, then most spend, then the name: deterministic. */
export function favouriteOf(tallies: readonly Tally[]): string | null {
  const sorted = [...tallies].sort(
    (a, b) => b.orders - a.orders || b.spendFen - a.spendFen || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return sorted[0]?.name ?? null;
}

function tally(rows: readonly ItemRow[], key: (r: ItemRow) => string): Tally[] {
  const by = new Map<string, Tally>();
  for (const r of rows) {
    const k = key(r);
    if (k === '') continue;
    const t = by.get(k) ?? { name: k, orders: 0, spendFen: 0 };
    t.orders += r.orders;
    t.spendFen += r.spendFen;
    by.set(k, t);
  }
  return [...by.values()];
}

function reasonOf(m: MemberSegment, lastAfterSale: string | undefined, windowDays: number): Reason {
  if (lastAfterSale !== undefined && daysBetween(lastAfterSale, m.lastOrderDate) <= windowDays) return 'after_sale';
  if (m.orders === 1) return 'one_and_done';
  return 'unknown';
}

export function buildProfiles(members: readonly MemberSegment[], inp: ProfileInputs): MemberProfile[] {
  const rowsBy = new Map<string, ItemRow[]>();
  for (const r of inp.items) {
    const list = rowsBy.get(r.memberId) ?? [];
    list.push(r);
    rowsBy.set(r.memberId, list);
  }
  return members.map((m) => {
    const rows = rowsBy.get(m.memberId) ?? [];
    const cats = tally(rows, (r) => r.category);
    const useCats = cats.length > 0 || (rows.length === 0 && inp.popularCategories.length > 0);
    const own = useCats ? cats : tally(rows, (r) => r.product);
    const kind: ItemPick['kind'] = useCats ? 'category' : 'product';
    const fav = favouriteOf(own);
    const bought = new Set(own.map((t) => t.name));
    const pool = useCats ? inp.popularCategories : inp.popularProducts;
    const sug = pool.find((p) => p !== '' && !bought.has(p) && !(useCats && inp.personalCategories?.has(p))) ?? null;
    return {
      ...m,
      categoriesRecorded: useCats,
      categoriesBought: cats.length,
      favourite: fav === null ? null : { kind, name: fav },
      suggestion: sug === null ? null : { kind, name: sug },
      reason: reasonOf(m, inp.lastAfterSale.get(m.memberId), inp.afterSaleWindowDays),
      lastOrder: inp.lastOrders.get(m.memberId) ?? null,
    };
  });
}
