import { describe, expect, it } from 'vitest';
import { FIELDS, HEADER_ALIASES, headerScore, mapHeaders, normalizeHeader } from '../../src/core/ingest/headers.js';

const PLATFORM = [
  '订单号',
  '下单时间',
  '会员ID',
  '会员昵称',
  '手机号',
  '团长ID',
  '商品名称',
  '商品分类',
  '数量',
  '单价',
  '实付金额',
  '退款金额',
  '订单状态',
];
const KTT = [
  '跟团号',
  '下单人',
  '团员备注',
  '支付时间',
  '团长备注',
  '商品',
  '订单金额',
  '退款金额',
  '订单状态',
  '自提点',
  '收货人',
  '联系电话',
  '详细地址',
];
const UCI = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];

describe('normalizeHeader', () => {
  it.each([
    ['订单号', '订单号'],
    ['\uFEFF订单号', '订单号'],
    [' Order No ', 'orderno'],
    ['ORDER_ID', 'orderid'],
    ['order-id', 'orderid'],
    ['Customer ID', 'customerid'],
    ['会员 ID', '会员id'],
    ['ＩＤ', 'id'], // full-width letters
    ['订单金额（元）', '订单金额'], // full-width brackets
    ['实付金额(元)', '实付金额'],
    ['实付金额（￥）', '实付金额'],
    ['实付金额(RMB)', '实付金额'],
    ['数量(件)', '数量'],
    ['备注(元旦)', '备注(元旦)'], // only a unit in brackets is dropped
  ])('%j -> %j', (raw, norm) => {
    expect(normalizeHeader(raw)).toBe(norm);
  });
});

describe('mapHeaders', () => {
  it('maps the platform export', () => {
    const { mapping, problems } = mapHeaders(PLATFORM);
    expect(problems).toEqual([]);
    expect(mapping.columns).toEqual({
      order_id: 0,
      ordered_at: 1,
      member_id: 2,
      member_name: 3,
      phone: 4,
      leader_id: 5,
      product: 6,
      category: 7,
      quantity: 8,
      unit_price: 9,
      amount: 10,
      refund_amount: 11,
      status: 12,
    });
    expect(mapping.unused).toEqual([]);
  });

  it('maps the 快团团 export (buyer nickname, no member ID) and keeps the rest as unused', () => {
    const { mapping, problems } = mapHeaders(KTT);
    expect(problems).toEqual([]);
    expect(mapping.columns).toEqual({
      group_no: 0,
      buyer: 1,
      ordered_at: 3,
      product: 5,
      amount: 6,
      refund_amount: 7,
      status: 8,
      member_name: 10,
      phone: 11,
    });
    expect(mapping.unused).toEqual(['团员备注', '团长备注', '自提点', '详细地址']);
  });

  it('maps the UCI Online Retail header (unit price and quantity, no amount)', () => {
    const { mapping, problems } = mapHeaders(UCI);
    expect(problems).toEqual([]);
    expect(mapping.columns).toEqual({
      order_id: 0,
      sku: 1,
      product: 2,
      quantity: 3,
      ordered_at: 4,
      unit_price: 5,
      member_id: 6,
    });
    expect(mapping.unused).toEqual(['Country']);
  });

  it.each([
    [['Order No', 'ORDER_DATE', 'Customer_ID', ' Amount ']],
    [['\uFEFForder_id', 'Order Date', 'customer id', 'PAID']],
    [['订单编号', '付款时间', '买家ID', '订单金额（元）']],
    [['订单ID', '订单创建时间', '客户ID', '实付款(元)']],
  ])('ignores case, spaces, underscores, a BOM and a unit in brackets: %j', (headers) => {
    const { mapping, problems } = mapHeaders(headers);
    expect(problems).toEqual([]);
    expect(mapping.columns).toEqual({ order_id: 0, ordered_at: 1, member_id: 2, amount: 3 });
  });

  it('reports two headers that could be the same field, and maps neither', () => {
    const { mapping, problems } = mapHeaders(['订单号', '下单时间', '支付时间', '会员ID', '实付金额']);
    expect(problems).toEqual([{ kind: 'ambiguous', field: 'ordered_at', headers: ['下单时间', '支付时间'] }]);
    expect(mapping.columns.ordered_at).toBeUndefined();
  });

  it('an override settles the ambiguity; the other header becomes unused', () => {
    const { mapping, problems } = mapHeaders(['订单号', '下单时间', '支付时间', '会员ID', '实付金额'], { ordered_at: '支付时间' });
    expect(problems).toEqual([]);
    expect(mapping.columns).toEqual({ order_id: 0, ordered_at: 2, member_id: 3, amount: 4 });
    expect(mapping.unused).toEqual(['下单时间']);
  });

  it('an override wins over an alias and is matched like a header (case, spaces, brackets)', () => {
    const { mapping, problems } = mapHeaders(['订单号', '下单时间', '会员ID', '实付金额', '应收金额（元）'], { amount: '应收金额' });
    expect(problems).toEqual([]);
    expect(mapping.columns.amount).toBe(4);
    expect(mapping.unused).toEqual(['实付金额']);
  });

  it('an overridden column is not used again by an alias of another field', () => {
    const { mapping } = mapHeaders(['订单号', '下单时间', '会员昵称', '实付金额'], { member_id: '会员昵称' });
    expect(mapping.columns.member_id).toBe(2);
    expect(mapping.columns.member_name).toBeUndefined();
  });

  it('reports an override that names no header of the file', () => {
    const { problems } = mapHeaders(['订单号', '下单时间', '会员ID', '实付金额'], { amount: '金额' });
    expect(problems).toEqual([{ kind: 'override-not-found', field: 'amount', header: '金额' }]);
  });

  it('leaves unknown headers unmapped and lists them', () => {
    const { mapping, problems } = mapHeaders(['单号', '成交日期', '客户编码', '金额合计']);
    expect(problems).toEqual([]);
    expect(mapping.columns).toEqual({});
    expect(mapping.unused).toEqual(['单号', '成交日期', '客户编码', '金额合计']);
  });

  it('every field has aliases, and no alias belongs to two fields', () => {
    const seen = new Map<string, string>();
    for (const f of FIELDS) {
      expect(HEADER_ALIASES[f].length).toBeGreaterThan(0);
      for (const a of HEADER_ALIASES[f]) {
        const n = normalizeHeader(a);
        expect(seen.get(n) ?? f, `${a} is an alias of ${seen.get(n)} and ${f}`).toBe(f);
        seen.set(n, f);
      }
    }
  });
});

describe('headerScore (finding the header row under title rows)', () => {
  it.each([
    [PLATFORM, 13],
    [KTT, 9],
    [UCI, 7],
    [['快团团 跟团记录导出', '导出时间:2026-11-01 09:12'], 0],
    [['团长:孙姐(枫林湾)', '统计范围:2026-05-01至2026-10-31'], 0],
    [['DD202508010001', '2025-08-01 07:19:16', 'M00106', '42.90'], 0],
  ])('%j scores %i', (cells, score) => {
    expect(headerScore(cells)).toBe(score);
  });
});

describe('mapHeaders: two candidate columns for a display-only field', () => {
  it.each([
    [['订单号', '下单时间', '会员ID', '实付金额', '收货人', '会员昵称'], 'member_name', '会员昵称'],
    [['订单号', '下单时间', '会员ID', '实付金额', '联系电话', '手机号'], 'phone', '手机号'],
  ])('%j: %s comes from %s, without an error', (headers, field, header) => {
    const { mapping, problems } = mapHeaders(headers);
    expect(problems).toEqual([]);
    expect(headers[mapping.columns[field as 'phone']!]).toBe(header);
    expect(mapping.unused).toHaveLength(1);
  });
});
