/**
 * `tuan products` (issue #15): what sells, per product or category, in a period and the one before it.
 *
 * Definitions (the adapter sums the lines; this module turns sums into rates and changes):
 * - GMV: the counted amount of the product's lines (completed, partial refunds taken off) in counted orders;
 * - orders, buyers: counted orders holding the product, and the members who placed them;
 * - new-buyer share: buyers whose first counted purchase of this product (at the leaders in scope) is in the
 *   period, over buyers; repeat-buyer share: buyers with two or more such orders in the period, over buyers;
 * - refund rate: refunded fen over paid fen (lines completed or refunded, a refunded line counting whole);
 * - return rate: fen of return lines (negative lines) over paid fen.
 * A rate over nothing is null (n/a), never 0.
 */
import {
  addDays,
  addMonths,
  daysBetween,
  monthEnd,
  monthStart,
  ratio,
  toDecimal,
  type EffectivePeriod,
  type Ratio,
} from '../shared/index.js';

/** Sums over one product (or category) in one period, as the adapter reads them. */
export interface ProductStats {
  category: string;
  /** null when grouped by category */
  product: string | null;
  gmvFen: number;
  orders: number;
  buyers: number;
  newBuyers: number;
  repeatBuyers: number;
  paidFen: number;
  refundedFen: number;
  returnedFen: number;
}

export interface ProductMeasures {
  gmv_fen: number;
  orders: number;
  buyers: number;
  new_buyer_share: number | null;
  repeat_buyer_share: number | null;
  refund_rate: number | null;
  return_rate: number | null;
}

/** Changes against the previous period: relative for amounts and counts, in points (a difference of rates) for shares and rates. */
export interface ProductChange {
  gmv: number | null;
  orders: number | null;
  buyers: number | null;
  new_buyer_share: number | null;
  repeat_buyer_share: number | null;
  refund_rate: number | null;
  return_rate: number | null;
}

export interface ProductRow extends ProductMeasures {
  category: string;
  product: string | null;
  /** the previous period's measures (zeros and n/a when nothing sold then) */
  prev: ProductMeasures;
  change: ProductChange;
}

const RATE_DECIMALS = 4;
const dec = (r: Ratio | null): number | null => (r ? toDecimal(r, RATE_DECIMALS) : null);

function measures(s: ProductStats | undefined): ProductMeasures {
  if (!s) {
    return { gmv_fen: 0, orders: 0, buyers: 0, new_buyer_share: null, repeat_buyer_share: null, refund_rate: null, return_rate: null };
  }
  return {
    gmv_fen: s.gmvFen,
    orders: s.orders,
    buyers: s.buyers,
    new_buyer_share: dec(ratio(s.newBuyers, s.buyers)),
    repeat_buyer_share: dec(ratio(s.repeatBuyers, s.buyers)),
    refund_rate: dec(ratio(s.refundedFen, s.paidFen)),
    return_rate: dec(ratio(s.returnedFen, s.paidFen)),
  };
}

/** (now − before) / before, null when before is 0. */
const relative = (now: number, before: number): number | null => dec(ratio(now - before, before));
/** now − before, in the rate's own unit, null when either is n/a. */
const points = (now: number | null, before: number | null): number | null =>
  now === null || before === null ? null : Math.round((now - before) * 10 ** RATE_DECIMALS) / 10 ** RATE_DECIMALS;

function changeOf(now: ProductMeasures, before: ProductMeasures): ProductChange {
  return {
    gmv: relative(now.gmv_fen, before.gmv_fen),
    orders: relative(now.orders, before.orders),
    buyers: relative(now.buyers, before.buyers),
    new_buyer_share: points(now.new_buyer_share, before.new_buyer_share),
    repeat_buyer_share: points(now.repeat_buyer_share, before.repeat_buyer_share),
    refund_rate: points(now.refund_rate, before.refund_rate),
    return_rate: points(now.return_rate, before.return_rate),
  };
}

const keyOf = (s: { category: string; product: string | null }) => `${s.category}\u001f${s.product ?? ''}`;

/**
 * One row per product (or category) sold in the period, with the previous period's measures and the
 * change; sorted by GMV (highest first), then category and product.
 */
export function productRows(current: readonly ProductStats[], previous: readonly ProductStats[]): ProductRow[] {
  const before = new Map(previous.map((s) => [keyOf(s), s]));
  return current
    .filter((s) => s.orders > 0 || s.paidFen > 0)
    .map((s) => {
      const now = measures(s);
      const prev = measures(before.get(keyOf(s)));
      return { category: s.category, product: s.product, ...now, prev, change: changeOf(now, prev) };
    })
    .sort(
      (a, b) =>
        b.gmv_fen - a.gmv_fen ||
        (a.category < b.category ? -1 : a.category > b.category ? 1 : 0) ||
        ((a.product ?? '') < (b.product ?? '') ? -1 : (a.product ?? '') > (b.product ?? '') ? 1 : 0),
    );
}

/** The period before `p`, of the same kind, cut to the same number of days as the part of `p` that counts. */
export function previousPeriod(p: EffectivePeriod): { start: string; end: string } {
  const days = daysBetween(p.start, p.effectiveEnd);
  let start: string;
  let end: string;
  if (p.kind === 'month') {
    const m = addMonths(p.label, -1);
    start = monthStart(m);
    end = monthEnd(m);
  } else {
    const length = daysBetween(p.start, p.end) + 1;
    start = addDays(p.start, -length);
    end = addDays(p.start, -1);
  }
  const cut = addDays(start, days);
  return { start, end: cut < end ? cut : end };
}
