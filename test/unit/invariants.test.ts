/** Properties of normalizeRecord over generated rows (seeded loops, no new dependency). */
import { describe, expect, it } from 'vitest';
import { mapHeaders } from '../../src/core/ingest/headers.js';
import { formatFen, formatYuan } from '../../src/core/shared/money.js';
import { chooseLayout, normalizeRecord, type NormalizeOptions } from '../../src/core/ingest/normalize.js';
import { DEFAULT_STATUS_WORDS } from '../../src/core/ingest/status.js';
import { intIn, mulberry32 } from '../helpers/prng.js';

function opts(headers: string[]): NormalizeOptions {
  const { mapping } = mapHeaders(headers);
  // The line bounds (import.max_line_amount_yuan) lifted: these properties are about spelling and arithmetic.
  return {
    layout: chooseLayout(mapping),
    mapping,
    statusWords: DEFAULT_STATUS_WORDS,
    limits: { maxAmountFen: Number.MAX_SAFE_INTEGER, maxQuantity: 1e9 },
  };
}

const WORDS = Object.entries(DEFAULT_STATUS_WORDS);
/** The ways exports write the same amount. */
const SPELLINGS: ((fen: number) => string)[] = [
  formatFen,
  formatYuan,
  (f) => `${formatFen(f)}元`,
  (f) => `￥${formatYuan(f).replace('¥', '')}`,
  (f) => (f % 100 === 0 ? String(f / 100) : formatFen(f)),
  (f) => ` ${formatFen(f)} `,
];

describe('normalizeRecord invariants', () => {
  const rnd = mulberry32(0x5eed_0003);
  const O = opts(['订单号', '下单时间', '会员ID', '商品名称', '数量', '实付金额', '退款金额', '订单状态']);

  it('net = amount − refund for completed lines and 0 otherwise; never negative when refund ≤ amount; refund > amount is rejected', () => {
    let accepted = 0;
    let rejected = 0;
    for (let i = 0; i < 5000; i++) {
      const amount = intIn(rnd, 0, 10 ** intIn(rnd, 1, 9));
      const refund = rnd() < 0.5 ? 0 : rnd() < 0.8 ? intIn(rnd, 0, amount) : amount + intIn(rnd, 1, 1000);
      const [word, status] = WORDS[intIn(rnd, 0, WORDS.length - 1)]!;
      const spell = SPELLINGS[intIn(rnd, 0, SPELLINGS.length - 1)]!;
      const row = [`D${i}`, '2026-10-01 08:00:00', `M${i % 97}`, '鸡蛋', String(intIn(rnd, 1, 9)), spell(amount), spell(refund), word];
      const r = normalizeRecord(row, i + 2, O);
      if (refund > amount) {
        expect(r).toEqual({ line: i + 2, field: 'refund_amount', reason: `refund ${spell(refund).trim()} is more than the amount` });
        rejected++;
        continue;
      }
      expect(Array.isArray(r), JSON.stringify({ row, r })).toBe(true);
      if (!Array.isArray(r)) continue;
      accepted++;
      expect(r).toHaveLength(1);
      const l = r[0]!;
      expect(l.amountFen).toBe(amount);
      expect(l.refundFen).toBe(refund);
      expect(l.status).toBe(status);
      expect(l.netFen).toBe(status === 'completed' ? amount - refund : 0);
      expect(l.netFen).toBeGreaterThanOrEqual(0);
      expect(l.isReturn).toBe(false);
    }
    expect(accepted).toBeGreaterThan(3000); // the loop really covers both branches
    expect(rejected).toBeGreaterThan(100);
  });

  it('a negative amount or quantity is always a return and its net is never positive', () => {
    for (let i = 0; i < 3000; i++) {
      const amount = -intIn(rnd, 0, 10 ** intIn(rnd, 1, 8));
      const qty = amount === 0 || rnd() < 0.5 ? -intIn(rnd, 1, 5) : intIn(rnd, 1, 5);
      const row = [`C${i}`, '2026-10-01', 'M1', '鸡蛋', String(qty), formatFen(amount), '', '已完成'];
      const r = normalizeRecord(row, 2, O);
      expect(Array.isArray(r)).toBe(true);
      if (!Array.isArray(r)) continue;
      expect(r[0]!.isReturn).toBe(true);
      expect(r[0]!.netFen).toBe(amount + 0);
      expect(r[0]!.netFen).toBeLessThanOrEqual(0);
    }
  });

  it('快团团: the lines of an order carry its amount and refund exactly once, whatever the number of items', () => {
    const K = opts(['跟团号', '下单人', '支付时间', '商品', '订单金额', '退款金额', '订单状态', '联系电话']);
    for (let i = 0; i < 2000; i++) {
      const n = intIn(rnd, 0, 5);
      const items = Array.from({ length: n }, (_, k) => `商品${k}(规格${i % 7})+${intIn(rnd, 1, 9)}`).join('\n');
      const amount = intIn(rnd, 1, 10 ** intIn(rnd, 1, 7));
      const refund = intIn(rnd, 0, amount);
      const row = [
        String(intIn(rnd, 1, 150)),
        `团员${i % 13}`,
        '2026-10-31 16:43:34',
        items,
        `￥${formatFen(amount)}`,
        `￥${formatFen(refund)}`,
        refund === amount ? '已退款' : '已完成',
        `1${intIn(rnd, 30, 99)}****${String(i % 10_000).padStart(4, '0')}`,
      ];
      const r = normalizeRecord(row, 4, K);
      expect(Array.isArray(r)).toBe(true);
      if (!Array.isArray(r)) continue;
      expect(r).toHaveLength(Math.max(1, n));
      expect(r.reduce((s, l) => s + l.amountFen, 0)).toBe(amount);
      expect(r.reduce((s, l) => s + l.refundFen, 0)).toBe(refund);
      expect(r.reduce((s, l) => s + l.netFen, 0)).toBe(refund === amount ? 0 : amount - refund);
      expect(new Set(r.map((l) => l.orderId)).size).toBe(1);
      expect(new Set(r.map((l) => l.lineKey)).size).toBe(r.length);
    }
  });

  it('a transaction row keeps its identity whatever the spelling of its amount and spaces around cells', () => {
    const T = opts(['customer_id', 'order_date', 'revenue']);
    for (let i = 0; i < 2000; i++) {
      const fen = intIn(rnd, 1, 10 ** intIn(rnd, 1, 9));
      const date = `2006-${String(intIn(rnd, 1, 12)).padStart(2, '0')}-${String(intIn(rnd, 1, 28)).padStart(2, '0')}`;
      const a = normalizeRecord([`C${i % 50}`, date, formatFen(fen)], 2, T);
      const spell = SPELLINGS[intIn(rnd, 0, SPELLINGS.length - 1)]!;
      const b = normalizeRecord([` C${i % 50} `, ` ${date} `, spell(fen)], 9, T);
      expect(Array.isArray(a) && Array.isArray(b)).toBe(true);
      if (Array.isArray(a) && Array.isArray(b)) expect(b[0]!.orderId).toBe(a[0]!.orderId);
    }
  });
});
