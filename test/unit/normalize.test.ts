import { describe, expect, it } from 'vitest';
import { mapHeaders, type Field } from '../../src/core/ingest/headers.js';
import {
  chooseLayout,
  memberIdFromBuyer,
  normalizeRecord,
  repeatIdentity,
  requiredFields,
  type NormalizeOptions,
  type OrderLine,
  type Reject,
} from '../../src/core/ingest/normalize.js';
import { DEFAULT_STATUS_WORDS, type Status } from '../../src/core/ingest/status.js';

/** Options as the importer builds them from a header row. */
function opts(
  headers: string[],
  extra: { leaderOverride?: string; statusWords?: Record<string, Status>; overrides?: Partial<Record<Field, string>> } = {},
): NormalizeOptions {
  const { mapping, problems } = mapHeaders(headers, extra.overrides);
  expect(problems).toEqual([]);
  return {
    layout: chooseLayout(mapping),
    mapping,
    leaderOverride: extra.leaderOverride,
    statusWords: { ...DEFAULT_STATUS_WORDS, ...extra.statusWords },
  };
}

function lines(r: OrderLine[] | Reject): OrderLine[] {
  if (!Array.isArray(r)) throw new Error(`rejected: ${JSON.stringify(r)}`);
  return r;
}

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
const P = opts(PLATFORM);
/** A platform row with some cells replaced. */
function prow(
  over: Partial<
    Record<'id' | 'at' | 'member' | 'leader' | 'product' | 'category' | 'qty' | 'price' | 'amount' | 'refund' | 'status', string>
  > = {},
): string[] {
  return [
    over.id ?? 'D001',
    over.at ?? '2026-10-01 08:15:00',
    over.member ?? 'M001',
    '张三',
    '13812345678',
    over.leader ?? 'L001',
    over.product ?? '散养土鸡蛋 30枚',
    over.category ?? '生鲜',
    over.qty ?? '1',
    over.price ?? '26.80',
    over.amount ?? '26.80',
    over.refund ?? '0.00',
    over.status ?? '已完成',
  ];
}

describe('layouts', () => {
  it.each([
    [PLATFORM, 'orders'],
    [['跟团号', '下单人', '支付时间', '商品', '订单金额'], 'ktt'],
    [['跟团号', '订单号', '下单人', '支付时间', '商品', '订单金额'], 'orders'], // 快团团 with 订单号 added
    [['customer_id', 'order_date', 'revenue'], 'transactions'],
  ])('%j is the %s layout', (headers, layout) => {
    expect(chooseLayout(mapHeaders(headers).mapping)).toBe(layout);
  });

  it.each([
    [['订单号', '下单时间', '会员ID', '实付金额'], []],
    [['订单号', '下单时间', '下单人', '数量', '单价'], []],
    [
      ['订单号', '商品名称'],
      ['ordered_at', 'member_id', 'amount'],
    ],
    [
      ['订单号', '下单时间', '商品名称', '数量'],
      ['member_id', 'amount'],
    ],
  ])('required fields missing from %j: %j', (headers, missing) => {
    expect(requiredFields(mapHeaders(headers).mapping).map((r) => r.field)).toEqual(missing);
  });
});

describe('normalizeRecord: the platform layout', () => {
  it('turns a row into one order line', () => {
    expect(normalizeRecord(prow(), 2, P)).toEqual([
      {
        orderId: 'D001',
        lineKey: '散养土鸡蛋 30枚|生鲜',
        orderedAt: '2026-10-01T08:15:00+08:00',
        orderDate: '2026-10-01',
        memberId: 'M001',
        leaderId: 'L001',
        product: '散养土鸡蛋 30枚',
        category: '生鲜',
        quantity: 1,
        amountFen: 2680,
        refundFen: 0,
        discountFen: 0,
        status: 'completed',
        isReturn: false,
        netFen: 2680,
        memberName: '张三',
        phone: '13812345678',
        birthday: '',
      },
    ]);
  });

  it.each([
    // status word, amount, refund -> status, netFen (only completed lines count, minus their refund)
    ['已完成', '119.80', '10.00', 'completed', 10980],
    ['已完成', '119.80', '119.80', 'completed', 0],
    ['部分退款', '47.70', '10.00', 'completed', 3770],
    ['已签收', '26.80', '', 'completed', 2680],
    ['', '26.80', '0', 'completed', 2680], // no status: completed
    ['completed', '26.80', '0.00', 'completed', 2680],
    ['已退款', '29.90', '29.90', 'refunded', 0],
    ['退款成功', '29.90', '0.00', 'refunded', 0],
    ['已取消', '42.90', '0.00', 'cancelled', 0],
    ['交易关闭', '42.90', '0.00', 'cancelled', 0],
    ['待付款', '129.00', '0.00', 'pending', 0],
    ['未支付', '129.00', '0.00', 'pending', 0],
    ['已完成', '0.00', '0.00', 'completed', 0], // a zero amount line
  ])('%j, amount %s, refund %j -> %s, net %i fen', (status, amount, refund, norm, net) => {
    const [l] = lines(normalizeRecord(prow({ status, amount, refund }), 2, P));
    expect(l!.status).toBe(norm);
    expect(l!.netFen).toBe(net);
    expect(l!.amountFen).toBe(Number(amount.replace('.', '')));
    expect(l!.isReturn).toBe(false);
  });

  it.each([
    ['negative quantity and amount', { qty: '-1', amount: '-26.80' }, -2680],
    ['negative amount only', { qty: '1', amount: '-5.00' }, -500],
    ['negative quantity only', { qty: '-1', amount: '0.00' }, 0],
  ])('a return: %s', (_what, over, net) => {
    const [l] = lines(normalizeRecord(prow(over), 2, P));
    expect(l!.isReturn).toBe(true);
    expect(l!.netFen).toBe(net);
  });

  it.each([
    [{ refund: '6.00', amount: '5.00' }, 'refund_amount', 'refund 6.00 is more than the amount'],
    [{ refund: '-1.00' }, 'refund_amount', 'negative refund "-1.00"'],
    [{ refund: '0.005' }, 'refund_amount', 'more than 2 decimals: "0.005"'],
    [{ amount: '12.345' }, 'amount', 'more than 2 decimals: "12.345"'],
    [{ amount: 'abc' }, 'amount', 'not a number: "abc"'],
    [{ amount: ' ' }, 'amount', 'empty amount'],
    [{ qty: '1.2345' }, 'quantity', 'more than 3 decimals: "1.2345"'],
    [{ member: '' }, 'member_id', 'missing member'],
    [{ member: '   ' }, 'member_id', 'missing member'],
    [{ at: '3/11/2026' }, 'ordered_at', 'ambiguous date "3/11/2026": day/month order unknown; export dates as YYYY-MM-DD'],
    [{ at: '2026-02-30 10:00' }, 'ordered_at', 'invalid date "2026-02-30 10:00"'],
    [{ at: '' }, 'ordered_at', 'empty date'],
    [{ status: '处理中' }, 'status', 'unknown status "处理中" (add it to status_words in the config)'],
    [{ id: ' ' }, 'order_id', 'empty order id'],
  ])('rejects %j: %s', (over, field, reason) => {
    expect(normalizeRecord(prow(over), 7, P)).toEqual({ line: 7, field, reason });
  });

  it('a refund on a return line is not compared with its negative amount', () => {
    const [l] = lines(normalizeRecord(prow({ amount: '-10.00', refund: '1.00', qty: '-1' }), 2, P));
    expect(l!.netFen).toBe(-1100);
  });

  it('extra status words from the config are used', () => {
    const o = opts(PLATFORM, { statusWords: { 处理中: 'pending' } });
    expect(lines(normalizeRecord(prow({ status: '处理中' }), 2, o))[0]!.status).toBe('pending');
  });

  it.each([
    [{ product: '鸡蛋', category: '生鲜' }, '鸡蛋|生鲜'],
    [{ product: '鸡蛋', category: '' }, '鸡蛋'],
    [{ product: '', category: '' }, ''],
  ])('line key from product and category: %j -> %j', (over, key) => {
    expect(lines(normalizeRecord(prow(over), 2, P))[0]!.lineKey).toBe(key);
  });

  it('a SKU column is the line key when present', () => {
    const o = opts(['订单号', '下单时间', '会员ID', '商品编码', '商品名称', '实付金额']);
    const [l] = lines(normalizeRecord(['D1', '2026-10-01', 'M1', 'SKU-9', '鸡蛋', '1.00'], 2, o));
    expect(l!.lineKey).toBe('SKU-9');
  });

  it.each([
    [undefined, 'L001', 'L001'],
    ['L004', 'L001', 'L004'], // --leader wins
    [undefined, '', '-'], // no leader anywhere: the one default leader
  ])('leader: override %s, cell %j -> %s', (override, cell, leader) => {
    const o = opts(PLATFORM, { leaderOverride: override });
    expect(lines(normalizeRecord(prow({ leader: cell }), 2, o))[0]!.leaderId).toBe(leader);
  });

  it('a 收货人 like 名字[4365] is stored as the name without the number', () => {
    const o = opts(['订单号', '下单时间', '会员ID', '收货人', '实付金额']);
    expect(lines(normalizeRecord(['D1', '2026-10-01', 'M1', '徐萍[5758]', '1.00'], 2, o))[0]!.memberName).toBe('徐萍');
  });

  it('a file without a leader column gets the default leader', () => {
    const o = opts(['订单号', '下单时间', '会员ID', '实付金额']);
    expect(lines(normalizeRecord(['D1', '2026-10-01', 'M1', '1.00'], 2, o))[0]!.leaderId).toBe('-');
  });
});

describe('normalizeRecord: amount from quantity × unit price', () => {
  // The line bounds lifted: the arithmetic itself is under test here.
  const U = {
    ...opts(['订单号', '下单时间', '会员ID', '数量', '单价']),
    limits: { maxAmountFen: Number.MAX_SAFE_INTEGER, maxQuantity: 10_000_000 },
  };
  it.each([
    ['3', '2.55', 765],
    ['0.5', '26.00', 1300],
    ['1000', '0.015', 1500],
    ['-2', '3.50', -700],
    ['1.25', '0.04', 5],
    ['1000000', '99999.9999', 9999999990000], // beyond 2^53 in 10^-7 yuan: the BigInt path
  ])('%s × %s = %i fen', (qty, price, fen) => {
    const [l] = lines(normalizeRecord(['U1', '2026-10-01', 'M1', qty, price], 2, U));
    expect(l!.amountFen).toBe(fen);
    expect(l!.isReturn).toBe(fen < 0);
  });

  it.each([
    ['12', '0.001', 'unit_price', 'quantity × unit price (12 × 0.001) is not a whole fen'],
    ['0.5', '12.99', 'unit_price', 'quantity × unit price (0.5 × 12.99) is not a whole fen'],
    ['1', '', 'unit_price', 'not a number: ""'],
    ['1', '0.00001', 'unit_price', 'more than 4 decimals: "0.00001"'],
    ['', '2.55', 'quantity', 'no amount column and no quantity'],
  ])('%j × %j is refused: %s', (qty, price, field, reason) => {
    expect(normalizeRecord(['U1', '2026-10-01', 'M1', qty, price], 4, U)).toEqual({ line: 4, field, reason });
  });
});

describe('normalizeRecord: the 快团团 layout', () => {
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
  const K = opts(KTT, { leaderOverride: 'L004' });
  const krow = (
    over: Partial<Record<'group' | 'buyer' | 'at' | 'items' | 'amount' | 'refund' | 'status' | 'name' | 'phone', string>> = {},
  ) => [
    over.group ?? '3',
    over.buyer ?? '开心',
    '',
    over.at ?? '2026-10-31 16:43:34',
    '',
    over.items ?? '手工水饺(1kg)+2\n香蕉(5斤)+2',
    over.amount ?? '￥83.60',
    over.refund ?? '￥0.00',
    over.status ?? '已完成',
    '枫林湾3号楼驿站',
    over.name ?? '徐萍[5758]',
    over.phone ?? '186****9846',
    '枫林湾10栋3单元1402',
  ];

  it('splits the 商品 cell into lines; the order amount and refund sit on the first line', () => {
    const ls = lines(normalizeRecord(krow({ refund: '￥10.00', status: '部分退款' }), 4, K));
    const member = memberIdFromBuyer('开心', '186****9846');
    const common = {
      orderId: `KTT-3-20261031164334-${ls[0]!.orderId.slice(-6)}`,
      orderedAt: '2026-10-31T16:43:34+08:00',
      orderDate: '2026-10-31',
      memberId: member,
      leaderId: 'L004',
      category: '',
      status: 'completed',
      isReturn: false,
      memberName: '开心',
      phone: '186****9846', // the member is 下单人; 收货人 is who picks it up
      birthday: '',
    };
    expect(ls).toEqual([
      {
        ...common,
        lineKey: '手工水饺(1kg)',
        product: '手工水饺(1kg)',
        quantity: 2,
        amountFen: 8360,
        refundFen: 1000,
        discountFen: 0,
        netFen: 7360,
      },
      { ...common, lineKey: '香蕉(5斤)', product: '香蕉(5斤)', quantity: 2, amountFen: 0, refundFen: 0, discountFen: 0, netFen: 0 },
    ]);
    expect(ls[0]!.orderId).toMatch(/^KTT-3-20261031164334-[0-9a-f]{6}$/);
  });

  it('the order is (跟团号, 支付时间, 下单人): 跟团号 repeats across activities', () => {
    const a = lines(normalizeRecord(krow(), 4, K))[0]!.orderId;
    expect(lines(normalizeRecord(krow({ at: '2026-10-30 21:01:02' }), 5, K))[0]!.orderId).not.toBe(a);
    expect(lines(normalizeRecord(krow({ buyer: '糖糖' }), 5, K))[0]!.orderId).not.toBe(a);
    expect(lines(normalizeRecord(krow({ items: '苹果(5斤)+1' }), 5, K))[0]!.orderId).toBe(a);
  });

  it('the member is the nickname with the last four phone digits: two 开心 with other phones are two members', () => {
    const a = lines(normalizeRecord(krow(), 4, K))[0]!.memberId;
    expect(lines(normalizeRecord(krow({ phone: '18600009846' }), 4, K))[0]!.memberId).toBe(a);
    expect(lines(normalizeRecord(krow({ phone: '131****4272' }), 4, K))[0]!.memberId).not.toBe(a);
    expect(lines(normalizeRecord(krow({ buyer: '开心呀' }), 4, K))[0]!.memberId).not.toBe(a);
  });

  it('a 商品 cell with no items still gives one line carrying the amount', () => {
    const ls = lines(normalizeRecord(krow({ items: '' }), 4, K));
    expect(ls).toHaveLength(1);
    expect(ls[0]).toMatchObject({ lineKey: '', product: '', quantity: 1, amountFen: 8360, netFen: 8360 });
  });

  it('a refunded order counts nothing', () => {
    const ls = lines(normalizeRecord(krow({ status: '已退款', refund: '￥83.60' }), 4, K));
    expect(ls.map((l) => l.netFen)).toEqual([0, 0]);
    expect(ls[0]!.status).toBe('refunded');
  });

  it('an empty 下单人 is a missing member', () => {
    expect(normalizeRecord(krow({ buyer: ' ' }), 9, K)).toEqual({ line: 9, field: 'buyer', reason: 'missing member' });
  });
});

describe('normalizeRecord: a plain transaction file', () => {
  const T = opts(['customer_id', 'order_date', 'revenue']);
  it('makes each row one order, identified by member, time and amount', () => {
    const [a] = lines(normalizeRecord(["Abbey O'Reilly", '2006-12-01', '120'], 2, T));
    expect(a).toMatchObject({
      memberId: "Abbey O'Reilly",
      lineKey: '',
      amountFen: 12000,
      netFen: 12000,
      orderedAt: '2006-12-01T00:00:00+08:00',
    });
    expect(a!.orderId).toMatch(/^T[0-9a-f]{16}$/);
    // the same row again has the same identity (the importer numbers the repeat), and whitespace does not matter
    expect(lines(normalizeRecord([" Abbey O'Reilly ", '2006-12-01', '120.00'], 3, T))[0]!.orderId).toBe(a!.orderId);
    expect(lines(normalizeRecord(["Abbey O'Reilly", '2006-12-01', '121'], 4, T))[0]!.orderId).not.toBe(a!.orderId);
    expect(lines(normalizeRecord(["Abbey O'Reilly", '2006-12-02', '120'], 5, T))[0]!.orderId).not.toBe(a!.orderId);
  });
});

describe('memberIdFromBuyer', () => {
  // Fixed values: a change here re-identifies every member of every 快团团 database (README documents the rule).
  it.each([
    ['开心', '186****9846', 'u4bfdfa2e98'],
    ['开心', '18612349846', 'u4bfdfa2e98'],
    [' 开心 ', '186-****-9846', 'u4bfdfa2e98'],
    ['开心', '131****4272', 'u5b62e10ab5'],
    ['开心', '', 'u6f3a5a6ef7'],
    ['Amy, 小宝妈', '191****6536', 'u34d41f3ff0'],
  ])('(%j, %j) -> %s', (nick, phone, id) => {
    expect(memberIdFromBuyer(nick, phone)).toBe(id);
  });
});

describe('repeatIdentity', () => {
  it.each([
    ['D1', '鸡蛋|生鲜', 'orders', 2, ['D1', '鸡蛋|生鲜#2']],
    ['KTT-1', '香蕉(5斤)', 'ktt', 3, ['KTT-1', '香蕉(5斤)#3']],
    ['Tabc', '', 'transactions', 2, ['Tabc#2', '']],
  ] as const)('%s / %s in %s, repeat %i', (orderId, key, layout, n, out) => {
    expect(repeatIdentity(orderId, key, layout, n)).toEqual(out);
  });
});

describe('normalizeRecord: a return written with an unsigned amount', () => {
  it('a negative quantity with a positive amount still takes the money back', () => {
    const [l] = lines(normalizeRecord(prow({ qty: '-1', amount: '26.80' }), 5, P));
    expect(l).toMatchObject({ isReturn: true, amountFen: -2680, netFen: -2680, quantity: -1 });
  });
});

describe('normalizeRecord: amounts and quantities no shop has are rejected rows (#12)', () => {
  const A = opts(['订单号', '下单时间', '会员ID', '数量', '实付金额', '退款金额']);
  const U = opts(['订单号', '下单时间', '会员ID', '数量', '单价']);
  const row = (qty: string, amount: string, refund = '') => ['A1', '2026-10-01', 'M1', qty, amount, refund];

  it('the default bound is 1,000,000 yuan and 100,000 items per line, inclusive', () => {
    expect(lines(normalizeRecord(row('100000', '1000000.00'), 2, A))[0]!.amountFen).toBe(100_000_000);
    expect(lines(normalizeRecord(row('-100000', '-1000000'), 2, A))[0]!.amountFen).toBe(-100_000_000);
  });

  it.each([
    [
      row('1', '90071992547409.91'),
      'amount',
      'amount "90071992547409.91" is beyond the limit of 1000000 yuan per line (import.max_line_amount_yuan)',
    ],
    [row('1', '1000000.01'), 'amount', 'amount "1000000.01" is beyond the limit of 1000000 yuan per line (import.max_line_amount_yuan)'],
    [
      row('-1', '-¥1,000,000.01'),
      'amount',
      'amount "-¥1,000,000.01" is beyond the limit of 1000000 yuan per line (import.max_line_amount_yuan)',
    ],
    [row('100000.001', '1.00'), 'quantity', 'quantity "100000.001" is beyond the limit of 100000 per line (import.max_line_quantity)'],
    [row('-200000', '-1.00'), 'quantity', 'quantity "-200000" is beyond the limit of 100000 per line (import.max_line_quantity)'],
    [
      row('-1', '-5.00', '2000000'),
      'refund_amount',
      'refund "2000000" is beyond the limit of 1000000 yuan per line (import.max_line_amount_yuan)',
    ],
  ])('%j is rejected on %s', (cells, field, reason) => {
    expect(normalizeRecord(cells, 7, A)).toEqual({ line: 7, field, reason });
  });

  it('quantity × unit price is bounded like an amount', () => {
    expect(normalizeRecord(['U1', '2026-10-01', 'M1', '20000', '99.99'], 3, U)).toEqual({
      line: 3,
      field: 'unit_price',
      reason: 'amount "20000 × 99.99" is beyond the limit of 1000000 yuan per line (import.max_line_amount_yuan)',
    });
  });

  it('a 快团团 item quantity beyond the bound is a rejected row', () => {
    const K = opts(['跟团号', '下单人', '支付时间', '商品', '订单金额']);
    expect(normalizeRecord(['12', '小王', '2026-10-01 10:00', '苹果+2\n梨+99999999999999999999', '10.00'], 5, K)).toEqual({
      line: 5,
      field: 'product',
      reason: 'item quantity "100000000000000000000" ("梨") is beyond the limit of 100000 per line (import.max_line_quantity)',
    });
  });

  it('the bounds come from the options (config import.max_line_amount_yuan, import.max_line_quantity)', () => {
    const small = { ...A, limits: { maxAmountFen: 10_000, maxQuantity: 5 } };
    expect(normalizeRecord(row('1', '100.01'), 2, small)).toMatchObject({ field: 'amount' });
    expect(normalizeRecord(row('6', '1.00'), 2, small)).toMatchObject({ field: 'quantity' });
    expect(lines(normalizeRecord(row('5', '100.00'), 2, small))[0]!.amountFen).toBe(10_000);
  });
});

describe('normalizeRecord: status words that are JavaScript prototype keys (#12)', () => {
  const S = opts(['订单号', '下单时间', '会员ID', '实付金额', '订单状态']);
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'CONSTRUCTOR', '__PROTO__'])(
    '%s is an unknown status, a rejected row',
    (word) => {
      expect(normalizeRecord(['S1', '2026-10-01', 'M1', '1.00', word], 2, S)).toEqual({
        line: 2,
        field: 'status',
        reason: `unknown status "${word}" (add it to status_words in the config)`,
      });
    },
  );
});
