/**
 * Raw CSV record -> order lines, or a Reject {line, field, reason}. Pure: no I/O.
 *
 * Layouts (decided once per file from the mapped headers):
 * - `orders`: an order column (订单号 …): one row is one order line.
 * - `ktt`: 快团团 (跟团号 and no 订单号): one row is one order; its 商品 cell is split into lines.
 * - `transactions`: no order column: each row is one order, identified by (member, time, amount, product)
 *   and its occurrence among identical rows, so re-imports stay idempotent.
 */
import { createHash } from 'node:crypto';
import type { Field, HeaderMapping } from './headers.js';
import { parseDateTime } from '../shared/index.js';
import { parseFen, parseScaled } from '../shared/index.js';
import { normalizeStatus, type Status } from './status.js';
import { phoneLast4, splitKttItems, stripNameSuffix } from './ktt.js';

export type Layout = 'orders' | 'ktt' | 'transactions';

export interface OrderLine {
  orderId: string;
  lineKey: string;
  /** `YYYY-MM-DDTHH:MM:SS+08:00` */
  orderedAt: string;
  orderDate: string;
  memberId: string;
  leaderId: string;
  product: string;
  category: string;
  quantity: number | null;
  amountFen: number;
  refundFen: number;
  /** discount or coupon of the line (优惠金额, 券抵扣), fen ≥ 0; not part of the amount or of GMV */
  discountFen: number;
  status: Status;
  /** a negative quantity or amount: reduces spend on its date, never an order */
  isReturn: boolean;
  /** what counts toward spend: completed lines only, amount minus refund */
  netFen: number;
  memberName: string;
  phone: string;
  /** the member's birthday where the export carries one: `YYYY-MM-DD`, or `MM-DD` without a year; '' when none or unreadable */
  birthday: string;
}

export interface Reject {
  line: number;
  field: string;
  reason: string;
}

export interface NormalizeOptions {
  layout: Layout;
  mapping: HeaderMapping;
  /** leader for every line (`tuan import --leader`), else the leader column, else leaderDefault, else `-` */
  leaderOverride?: string;
  /** leader for lines without a leader column value (`tuan segment FILE --leader`) */
  leaderDefault?: string;
  statusWords: Readonly<Record<string, Status>>;
  /** bounds per line beyond which a row is rejected; default DEFAULT_LINE_LIMITS */
  limits?: LineLimits | undefined;
}

/**
 * What one order line can hold (config `import.max_line_amount_yuan`, `import.max_line_quantity`). No leader's shop
 * sells a line of ¥90,071,992,547,409.91; with every line bounded, sums over any real number of lines stay exact
 * integers (below 2^53 fen up to 90 million lines at the default bound).
 */
export interface LineLimits {
  /** largest |amount| and refund of one line, in fen */
  maxAmountFen: number;
  /** largest |quantity| of one line */
  maxQuantity: number;
}

export const DEFAULT_LINE_LIMITS: LineLimits = { maxAmountFen: 100_000_000, maxQuantity: 100_000 };

export const DEFAULT_LEADER = '-';

export function chooseLayout(mapping: HeaderMapping): Layout {
  const c = mapping.columns;
  if (c.order_id !== undefined) return 'orders';
  if (c.group_no !== undefined) return 'ktt';
  return 'transactions';
}

/** The fields a layout cannot do without, for the "missing column" message. */
export function requiredFields(mapping: HeaderMapping): { field: Field; alternatives?: Field[] }[] {
  const c = mapping.columns;
  const req: { field: Field; alternatives?: Field[] }[] = [{ field: 'ordered_at' }];
  if (c.member_id === undefined) req.push({ field: 'member_id', alternatives: ['buyer'] });
  if (c.amount === undefined) req.push({ field: 'amount', alternatives: ['unit_price'] });
  return req.filter((r) => {
    if (c[r.field] !== undefined) return false;
    return !(r.alternatives ?? []).some((a) => c[a] !== undefined);
  });
}

const hash = (s: string, n: number) => createHash('sha256').update(s).digest('hex').slice(0, n);

/** Member id when the export has no ID column: nickname + last four phone digits, hashed (README). */
export function memberIdFromBuyer(nickname: string, phone: string): string {
  return 'u' + hash(`${nickname.trim()}|${phoneLast4(phone)}`, 10);
}

type Ok<T> = { ok: true; value: T };
type Bad = { ok: false; field: string; reason: string };

/**
 * A birthday cell as `YYYY-MM-DD` or `MM-DD` (2026-05-06, 2026/5/6, 2026年5月6日, 05-06, 5月6日); '' when empty or
 * not a calendar date. An unreadable birthday never rejects an order: it is only left out.
 */
export function parseBirthday(raw: string | undefined): string {
  const s = (raw ?? '').trim().normalize('NFKC');
  const m = /^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return '';
  const [mm, dd] = [Number(m[2]), Number(m[3])];
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1];
  if (days === undefined || dd < 1 || dd > days) return '';
  const md = `${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
  if (m[1] === undefined) return md;
  const year = Number(m[1]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return md === '02-29' && !leap ? '' : `${m[1]}-${md}`;
}

function cell(cells: readonly string[], mapping: HeaderMapping, f: Field): string | undefined {
  const i = mapping.columns[f];
  return i === undefined ? undefined : (cells[i] ?? '');
}

function parseQuantity(raw: string | undefined, limits: LineLimits): Ok<number | null> | Bad {
  if (raw === undefined || raw.trim() === '') return { ok: true, value: null };
  const q = parseScaled(raw, 3);
  if (!q.ok) return { ok: false, field: 'quantity', reason: q.reason };
  const value = q.value / 1000;
  if (Math.abs(value) > limits.maxQuantity) {
    return {
      ok: false,
      field: 'quantity',
      reason: `quantity "${raw.trim()}" is beyond the limit of ${limits.maxQuantity} per line (import.max_line_quantity)`,
    };
  }
  return { ok: true, value };
}

/** A line's amount or refund beyond the bound is a rejected row: the export is wrong, never the shop. */
function overLimit(field: string, fen: number, raw: string, limits: LineLimits): Bad | null {
  if (Math.abs(fen) <= limits.maxAmountFen) return null;
  return {
    ok: false,
    field,
    reason: `${field === 'refund_amount' ? 'refund' : field === 'discount_amount' ? 'discount' : 'amount'} "${raw.trim()}" is beyond the limit of ${limits.maxAmountFen / 100} yuan per line (import.max_line_amount_yuan)`,
  };
}

function parseAmount(cells: readonly string[], o: NormalizeOptions, quantity: number | null): Ok<number> | Bad {
  const raw = cell(cells, o.mapping, 'amount');
  if (raw !== undefined) {
    if (raw.trim() === '') return { ok: false, field: 'amount', reason: 'empty amount' };
    const r = parseFen(raw);
    return r.ok ? r : { ok: false, field: 'amount', reason: r.reason };
  }
  const priceRaw = cell(cells, o.mapping, 'unit_price') ?? '';
  const price = parseScaled(priceRaw, 4); // 10^-4 yuan
  if (!price.ok) return { ok: false, field: 'unit_price', reason: price.reason };
  if (quantity === null) return { ok: false, field: 'quantity', reason: 'no amount column and no quantity' };
  // quantity has at most 3 decimals: work exactly in 10^-7 yuan (BigInt only when beyond 2^53).
  const qtyMilli = Math.round(quantity * 1000);
  const total = qtyMilli * price.value;
  const notWhole = () => ({
    ok: false as const,
    field: 'unit_price',
    reason: `quantity × unit price (${quantity} × ${priceRaw.trim()}) is not a whole fen`,
  });
  if (Number.isSafeInteger(total)) return total % 100_000 === 0 ? { ok: true, value: total / 100_000 } : notWhole();
  const big = BigInt(qtyMilli) * BigInt(price.value);
  return big % 100_000n === 0n ? { ok: true, value: Number(big / 100_000n) } : notWhole();
}

function memberOf(cells: readonly string[], o: NormalizeOptions): Ok<{ id: string; name: string; phone: string }> | Bad {
  const phone = (cell(cells, o.mapping, 'phone') ?? '').trim();
  const idRaw = cell(cells, o.mapping, 'member_id');
  const buyer = (cell(cells, o.mapping, 'buyer') ?? '').trim();
  const nameCell = stripNameSuffix(cell(cells, o.mapping, 'member_name') ?? '');
  if (idRaw !== undefined && idRaw.trim() !== '') {
    return { ok: true, value: { id: idRaw.trim(), name: nameCell || buyer, phone } };
  }
  if (idRaw === undefined && buyer !== '') {
    return { ok: true, value: { id: memberIdFromBuyer(buyer, phone), name: buyer, phone } };
  }
  return { ok: false, field: idRaw !== undefined ? 'member_id' : 'buyer', reason: 'missing member' };
}

/** Normalise one record. `lineNo` is the file line where the record starts. */
export function normalizeRecord(cells: readonly string[], lineNo: number, o: NormalizeOptions): OrderLine[] | Reject {
  const bad = (field: string, reason: string): Reject => ({ line: lineNo, field, reason });
  const when = parseDateTime(cell(cells, o.mapping, 'ordered_at') ?? '');
  if (!when.ok) return bad('ordered_at', when.reason);
  const member = memberOf(cells, o);
  if (!member.ok) return bad(member.field, member.reason);
  const statusRaw = cell(cells, o.mapping, 'status') ?? '';
  const status = normalizeStatus(statusRaw, o.statusWords);
  if (status === null) return bad('status', `unknown status "${statusRaw.trim()}" (add it to status_words in the config)`);
  const limits = o.limits ?? DEFAULT_LINE_LIMITS;
  const qty = parseQuantity(cell(cells, o.mapping, 'quantity'), limits);
  if (!qty.ok) return bad(qty.field, qty.reason);
  const amount = parseAmount(cells, o, qty.value);
  if (!amount.ok) return bad(amount.field, amount.reason);
  const amountRaw = cell(cells, o.mapping, 'amount') ?? `${qty.value} × ${(cell(cells, o.mapping, 'unit_price') ?? '').trim()}`;
  const amountOver = overLimit(o.mapping.columns.amount === undefined ? 'unit_price' : 'amount', amount.value, amountRaw, limits);
  if (amountOver) return bad(amountOver.field, amountOver.reason);
  const refundRaw = cell(cells, o.mapping, 'refund_amount') ?? '';
  const refund = refundRaw.trim() === '' ? { ok: true as const, value: 0 } : parseFen(refundRaw);
  if (!refund.ok) return bad('refund_amount', refund.reason);
  const refundOver = overLimit('refund_amount', refund.value, refundRaw, limits);
  if (refundOver) return bad(refundOver.field, refundOver.reason);
  if (refund.value < 0) return bad('refund_amount', `negative refund "${refundRaw.trim()}"`);
  if (amount.value >= 0 && refund.value > amount.value) {
    return bad('refund_amount', `refund ${refundRaw.trim()} is more than the amount`);
  }
  const discountRaw = cell(cells, o.mapping, 'discount_amount') ?? '';
  const discount = discountRaw.trim() === '' ? { ok: true as const, value: 0 } : parseFen(discountRaw);
  if (!discount.ok) return bad('discount_amount', discount.reason);
  const discountOver = overLimit('discount_amount', discount.value, discountRaw, limits);
  if (discountOver) return bad(discountOver.field, discountOver.reason);
  const discountFen = Math.abs(discount.value); // some exports write a discount as a negative amount (-5.00)
  const leaderCell = (cell(cells, o.mapping, 'leader_id') ?? '').trim();
  const leaderId = o.leaderOverride ?? (leaderCell || o.leaderDefault || DEFAULT_LEADER);
  const isReturn = amount.value < 0 || (qty.value !== null && qty.value < 0);
  // A return written with a negative quantity and an unsigned amount still takes money back.
  if (isReturn && amount.value > 0) amount.value = -amount.value;
  const category = (cell(cells, o.mapping, 'category') ?? '').trim();
  const product = (cell(cells, o.mapping, 'product') ?? '').trim();
  const sku = (cell(cells, o.mapping, 'sku') ?? '').trim();
  const netFen = status === 'completed' ? amount.value - refund.value : 0;
  const birthday = parseBirthday(cell(cells, o.mapping, 'birthday'));
  const line = (orderId: string, lineKey: string, product: string, quantity: number | null, first: boolean): OrderLine => ({
    orderId,
    lineKey,
    orderedAt: when.value.at,
    orderDate: when.value.date,
    memberId: member.value.id,
    leaderId,
    product,
    category,
    quantity,
    amountFen: first ? amount.value : 0,
    refundFen: first ? refund.value : 0,
    discountFen: first ? discountFen : 0,
    status,
    isReturn,
    netFen: first ? netFen : 0,
    memberName: member.value.name,
    phone: member.value.phone,
    birthday,
  });

  if (o.layout === 'ktt') {
    const orderId = kttOrderId(cells, o, when.value.at);
    const items = splitKttItems(product);
    const huge = items.find((it) => it.quantity > limits.maxQuantity);
    if (huge)
      return bad(
        'product',
        `item quantity "${huge.quantity}" ("${huge.product}") is beyond the limit of ${limits.maxQuantity} per line (import.max_line_quantity)`,
      );
    if (items.length === 0) return [line(orderId, '', '', qty.value ?? 1, true)];
    // Amounts come per order: the whole amount and refund sit on the first item line (README).
    return items.map((it, i) => line(orderId, it.product, it.product, it.quantity, i === 0));
  }
  const orderId =
    o.layout === 'orders'
      ? (cell(cells, o.mapping, 'order_id') ?? '').trim()
      : 'T' + hash([member.value.id, when.value.at, amount.value, sku || product].join('|'), 16);
  if (orderId === '') return bad('order_id', 'empty order id');
  const lineKey = o.layout === 'transactions' ? '' : sku || (category ? `${product}|${category}` : product);
  return [line(orderId, lineKey, product, qty.value, true)];
}

function kttOrderId(cells: readonly string[], o: NormalizeOptions, at: string): string {
  const group = (cell(cells, o.mapping, 'group_no') ?? '').trim();
  const buyer = (cell(cells, o.mapping, 'buyer') ?? '').trim();
  return `KTT-${group}-${at.slice(0, 19).replace(/[-:T]/g, '')}-${hash(buyer, 6)}`;
}

/**
 * The identity of the n-th repeat of a line within one import: a repeated order line gets `#n` on its
 * line key; a repeated transaction (no order column) becomes its own order with `#n` on the order id.
 */
export function repeatIdentity(orderId: string, lineKey: string, layout: Layout, n: number): [string, string] {
  return layout === 'transactions' ? [`${orderId}#${n}`, lineKey] : [orderId, `${lineKey}#${n}`];
}
