/**
 * Header auto-mapping (SPEC §2.1): canonical field -> header spellings seen in exports.
 * Matching ignores case, spaces, underscores, dashes, a BOM, full-width forms and a unit in brackets.
 */

export const FIELDS = [
  'order_id',
  'group_no',
  'ordered_at',
  'member_id',
  'buyer',
  'leader_id',
  'amount',
  'unit_price',
  'quantity',
  'category',
  'product',
  'sku',
  'status',
  'refund_amount',
  'discount_amount',
  'member_name',
  'phone',
  'birthday',
] as const;
export type Field = (typeof FIELDS)[number];

/** Header spellings per field. Extend with the config `columns:` section or `--map field=header`. */
export const HEADER_ALIASES: Readonly<Record<Field, readonly string[]>> = {
  order_id: ['订单号', '订单编号', '订单ID', '订单id', '主订单号', 'order_id', 'order no', 'order number', 'InvoiceNo', 'invoice'],
  group_no: ['跟团号'],
  ordered_at: [
    '下单时间',
    '支付时间',
    '付款时间',
    '订单创建时间',
    '创建时间',
    'created_at',
    'order_date',
    'order time',
    'InvoiceDate',
    'date',
  ],
  member_id: ['会员ID', '用户ID', '团员ID', '买家ID', '客户ID', '会员编号', 'customer_id', 'CustomerID', 'member_id', 'user_id'],
  buyer: ['下单人', '买家', '购买人', '跟团人'],
  leader_id: ['团长ID', '团长编号', '团长', 'leader_id', 'leader'],
  amount: ['实付金额', '实付款', '支付金额', '订单金额', '商品金额', '实收金额', 'amount', 'paid', 'revenue', 'dollar_value'],
  unit_price: ['单价', '商品单价', 'unit_price', 'UnitPrice', 'price'],
  quantity: ['数量', '件数', '商品数量', 'quantity', 'qty', 'number_of_cds'],
  category: ['商品分类', '类目', '品类', '分类', 'category'],
  product: ['商品名称', '商品', '商品名', 'product', 'product_name', 'Description'],
  sku: ['商品编码', '商品ID', 'SKU', 'StockCode', 'sku_id'],
  status: ['订单状态', '状态', '交易状态', 'status'],
  refund_amount: ['退款金额', '订单退款', '已退款金额', 'refund_amount', 'refund'],
  /** a coupon or discount on the line (核销 cost for tuan review); not part of GMV: the amount is what was paid */
  discount_amount: [
    '优惠金额',
    '优惠券',
    '券抵扣',
    '优惠券金额',
    '券抵扣金额',
    'discount',
    'discount_amount',
    'coupon_amount',
    'coupon_discount',
  ],
  member_name: ['会员昵称', '收货人', '昵称', '会员姓名', '客户姓名', 'customer_name', 'member_name', 'name'],
  phone: ['手机号', '联系电话', '手机', '电话', '手机号码', 'phone', 'mobile'],
  birthday: ['生日', '出生日期', 'birthday'],
};

/** Fields that only show who a member is: two candidate columns are not an error, the first alias wins. */
const PREFER_FIRST_ALIAS: ReadonlySet<Field> = new Set(['member_name', 'phone']);

/** Normalise a header for matching: NFKC, lower case, no spaces/_/-/BOM, no trailing unit like （元）. */
export function normalizeHeader(h: string): string {
  let s = h
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .toLowerCase();
  s = s.replace(/[\s_-]+/g, '');
  s = s.replace(/\((元|¥|rmb|cny|yuan|件|个)\)$/, '');
  return s;
}

export interface HeaderMapping {
  /** field -> column index */
  columns: Partial<Record<Field, number>>;
  /** headers no field uses (kept for the summary, never an error) */
  unused: string[];
}

export type MappingProblem =
  | { kind: 'missing'; field: Field }
  | { kind: 'ambiguous'; field: Field; headers: string[] }
  | { kind: 'override-not-found'; field: Field; header: string };

/**
 * Map a header row to fields. `overrides` (field -> header text) come from config `columns:` and `--map`
 * and win over the aliases. Returns the mapping and any problems; the caller decides what is required.
 */
export function mapHeaders(
  headers: readonly string[],
  overrides: Readonly<Partial<Record<Field, string>>> = {},
): { mapping: HeaderMapping; problems: MappingProblem[] } {
  const norm = headers.map(normalizeHeader);
  const columns: Partial<Record<Field, number>> = {};
  const problems: MappingProblem[] = [];
  const taken = new Set<number>();

  for (const [field, header] of Object.entries(overrides) as [Field, string][]) {
    const idx = norm.indexOf(normalizeHeader(header));
    if (idx < 0) problems.push({ kind: 'override-not-found', field, header });
    else {
      columns[field] = idx;
      taken.add(idx);
    }
  }
  for (const field of FIELDS) {
    if (field in overrides) continue;
    const aliases = new Set(HEADER_ALIASES[field].map(normalizeHeader));
    const hits = norm.flatMap((h, i) => (aliases.has(h) && !taken.has(i) ? [i] : []));
    if (hits.length === 1) columns[field] = hits[0];
    else if (hits.length > 1 && PREFER_FIRST_ALIAS.has(field)) {
      // 会员昵称 and 收货人, 手机号 and 联系电话: display-only fields take the first alias in the list.
      const rank = (i: number) => HEADER_ALIASES[field].findIndex((a) => normalizeHeader(a) === norm[i]);
      columns[field] = [...hits].sort((a, b) => rank(a) - rank(b))[0];
    } else if (hits.length > 1) problems.push({ kind: 'ambiguous', field, headers: hits.map((i) => headers[i] ?? '') });
  }
  const used = new Set(Object.values(columns));
  const unused = headers.filter((_, i) => !used.has(i));
  return { mapping: { columns, unused }, problems };
}

/** How many cells of a row look like known headers (used to find the header row under title rows). */
export function headerScore(cells: readonly string[]): number {
  const all = new Set(Object.values(HEADER_ALIASES).flat().map(normalizeHeader));
  return cells.filter((c) => all.has(normalizeHeader(c))).length;
}
