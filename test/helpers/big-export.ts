/**
 * A deterministic, large platform export (seeded PRNG) written the way Chinese Excel saves it: GBK, CRLF,
 * quoted cells with commas and newlines. Returns what `tuan status` must report for it, computed here
 * independently of the importer (orders of 1–3 distinct products, statuses and refunds known up front).
 */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import iconv from 'iconv-lite';
import { mulberry32 } from './prng.js';

const PRODUCTS: [string, string, number][] = [
  ['散养土鸡蛋 30枚', '生鲜', 2680],
  ['五常大米 10kg', '粮油', 8900],
  ['纯牛奶 250ml*24', '乳品', 5990],
  ['麒麟西瓜 1个约8斤', '水果', 2990],
  ['卷纸 4层*27卷', '日用', 4290],
  ['手撕面包 1kg,整箱装', '零食', 3590],
  ['速冻水饺 1kg', '冻品', 1850],
  ['婴儿纸尿裤 L码', '母婴', 12900],
  ['"老干妈"风味豆豉 280g', '粮油', 1150],
  ['中秋礼盒\n含贺卡', '零食', 16800],
  ['红富士苹果 5斤', '水果', 2990],
  ['冷冻虾仁 500g', '冻品', 4590],
];
const STATUS_WORDS = ['已完成', '已完成', '已完成', '已完成', '已完成', '已完成', '已签收', '已退款', '已取消', '待付款'];

export interface BigExpected {
  rows: number;
  lines: number;
  orders: number;
  members: number;
  leaders: number;
  spend_fen: number;
  first_order_at: string;
  last_order_at: string;
  bytes: number;
}

const cell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Write at least `minBytes` of export to `path`; `seed` makes a different but equally valid file. */
export function writeBigExport(path: string, minBytes: number, seed = 20261101): BigExpected {
  const rnd = mulberry32(seed);
  const fd = openSync(path, 'w');
  const header = '订单号,下单时间,会员ID,会员昵称,手机号,团长ID,商品名称,商品分类,数量,单价,实付金额,退款金额,订单状态';
  let bytes = 0;
  const write = (text: string) => {
    const b = iconv.encode(text, 'gbk');
    writeSync(fd, b);
    bytes += b.length;
  };
  write(header + '\r\n');
  const members = new Set<string>();
  const leaders = new Set<string>();
  let rows = 0;
  let orders = 0;
  let spend = 0;
  let first = '';
  let last = '';
  let buf: string[] = [];
  // Orders one minute apart from 2025-01-01 00:00 (China time), so the time of order n is known.
  for (let n = 0; bytes < minBytes; n++) {
    const minute = n;
    const day = Math.floor(minute / 1440);
    const d = new Date(Date.UTC(2025, 0, 1 + day));
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const at = `${date} ${pad(Math.floor((minute % 1440) / 60))}:${pad(minute % 60)}:00`;
    const member = `M${pad(1 + Math.floor(rnd() * 800), 5)}`;
    const leader = `L00${1 + Math.floor(rnd() * 3)}`;
    const status = STATUS_WORDS[Math.floor(rnd() * STATUS_WORDS.length)]!;
    const nLines = 1 + Math.floor(rnd() * 3);
    const p0 = Math.floor(rnd() * PRODUCTS.length);
    let orderNet = 0;
    for (let k = 0; k < nLines; k++) {
      const [product, category, price] = PRODUCTS[(p0 + k) % PRODUCTS.length]!;
      const qty = 1 + Math.floor(rnd() * 3);
      const amount = qty * price;
      const refund = status === '已退款' ? amount : rnd() < 0.05 ? price : 0;
      const counted = status === '已完成' || status === '已签收';
      const net = counted ? amount - refund : 0;
      orderNet += net;
      spend += net;
      rows++;
      const yuan = (f: number) => `${Math.trunc(f / 100)}.${pad(f % 100)}`;
      buf.push(
        [
          `BIG${pad(n, 7)}`,
          at,
          member,
          `会员${member.slice(1)}`,
          `139${pad(n % 100000000, 8)}`,
          leader,
          product,
          category,
          String(qty),
          yuan(price),
          yuan(amount),
          yuan(refund),
          status,
        ]
          .map(cell)
          .join(','),
      );
    }
    members.add(member);
    leaders.add(leader);
    const iso = `${at.replace(' ', 'T')}+08:00`;
    if (orderNet > 0) {
      orders++;
      if (first === '') first = iso;
      last = iso;
    }
    if (buf.length >= 2000) {
      write(buf.join('\r\n') + '\r\n');
      buf = [];
    }
  }
  if (buf.length) write(buf.join('\r\n') + '\r\n');
  closeSync(fd);
  if (statSync(path).size !== bytes) throw new Error('size mismatch');
  return {
    rows,
    lines: rows,
    orders,
    members: members.size,
    leaders: leaders.size,
    spend_fen: spend,
    first_order_at: first,
    last_order_at: last,
    bytes,
  };
}
