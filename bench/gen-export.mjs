#!/usr/bin/env node
// gen-export.mjs N OUT — a large, realistic platform order export for the import benchmark.
//
//   node bench/gen-export.mjs 1000000 bench/work/orders-1000000.csv
//
// Writes exactly N data lines (plus the header) as UTF-8 without BOM, LF line endings, in the format
// of data/sample-orders.csv: one row per order line, orders of 1–3 lines, 2024-01-01 .. 2025-12-31 in
// time order, ~200 leaders (L0001…), 60,000 members, 100 products in 8 categories.
// Within one order the pair (商品名称, 商品分类) is unique and order ids are unique, so the file has no
// duplicate primary key, neither for tuan (order_id, product|category) nor for the sqlite3 reference.
//
// Deterministic: the output is a function of N only (seeded mulberry32 streams; no Math.random,
// no clock). Streaming: one day of orders is built at a time and written in ~1 MB chunks, so memory
// stays flat whatever N is. The file is written to OUT.tmp and renamed at the end, so an interrupted
// run never leaves a file that looks complete.

import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { mulberry32 } from '../scripts/prng.mjs';

const [nArg, out] = process.argv.slice(2);
const N = Number(nArg);
if (!Number.isSafeInteger(N) || N < 1 || !out) {
  process.stderr.write('usage: node bench/gen-export.mjs N OUT   (N = number of data lines, >= 1)\n');
  process.exit(2);
}

// ---------------------------------------------------------------- PRNG
let rand = mulberry32(0x7475616e); // "tuan": people and catalogue (independent of N)
const int = (a, b) => a + Math.floor(rand() * (b - a + 1)); // inclusive
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const pad = (n, w = 2) => String(n).padStart(w, '0');
const yuan = (fen) => `${Math.floor(fen / 100)}.${pad(fen % 100)}`;
const cell = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Weighted sampler over `weights` (cumulative table + binary search). */
function sampler(weights) {
  const cum = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    cum[i] = total += w;
  });
  return () => {
    const r = rand() * total;
    let lo = 0,
      hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r < cum[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

// ---------------------------------------------------------------- catalogue: name|category|price|popularity
// Two names carry a comma or quotes, as real exports do: the CSV writer quotes them.
const CATALOG = `
散养土鸡蛋 30枚|生鲜|26.80|14
土猪五花肉 500g|生鲜|25.90|7
精品猪肋排 500g|生鲜|39.80|5
新鲜鸡翅中 500g|生鲜|29.90|5
冰鲜三黄鸡 1只|生鲜|35.80|3
鲜活基围虾 500g|生鲜|49.90|3
西红柿 3斤|生鲜|9.90|9
本地小青菜 2斤|生鲜|5.90|9
黄瓜 2斤|生鲜|6.90|7
土豆 5斤|生鲜|9.90|6
精品西兰花 2颗|生鲜|8.80|5
嫩豆腐 2盒|生鲜|4.50|6
葱姜蒜组合 1份|生鲜|6.90|5
鲜香菇 500g|生鲜|7.90|4
鲜切牛腱子 500g|生鲜|59.90|2
胡萝卜 3斤|生鲜|6.50|5
海南香蕉 5斤|水果|15.90|9
红富士苹果 5斤|水果|29.90|7
麒麟西瓜 1个约8斤|水果|29.90|10
阳光玫瑰葡萄 2斤|水果|39.90|6
草莓 2斤|水果|39.90|6
砂糖橘 5斤|水果|24.90|7
水蜜桃 6个装|水果|29.80|5
妃子笑荔枝 3斤|水果|45.90|4
赣南脐橙 5斤|水果|34.90|5
猕猴桃 12个装|水果|29.90|4
蓝莓 4盒*125g|水果|49.90|3
哈密瓜 1个约4斤|水果|25.90|4
智利车厘子 2斤 JJ级|水果|89.90|2
丑橘 5斤|水果|32.90|3
芒果 5斤|水果|27.90|4
库尔勒香梨 5斤|水果|28.90|3
五常大米 10kg|粮油|69.90|4
东北珍珠米 5kg|粮油|32.90|4
压榨花生油 5L|粮油|149.90|1
玉米调和油 5L|粮油|69.90|2
鸡蛋挂面 1kg*2|粮油|15.90|4
零添加酱油 1.28L|粮油|22.90|3
"老干妈"风味豆豉 280g|粮油|12.90|3
高筋面粉 5kg|粮油|35.90|2
香醋 500ml*2|粮油|13.90|2
小米 2.5kg|粮油|29.90|2
蚝油 700g|粮油|11.90|2
杂粮组合 2kg|粮油|39.90|1
纯牛奶 250ml*24|乳品|59.90|7
原味酸奶 200g*10|乳品|32.90|6
鲜牛奶 950ml|乳品|16.90|7
低脂高钙奶 250ml*12|乳品|39.90|3
儿童奶酪棒 500g|乳品|45.90|3
希腊酸奶 100g*8|乳品|29.90|2
豆奶 250ml*16|乳品|32.90|2
黄油 227g|乳品|24.90|1
奶粉 成人 800g|乳品|89.00|1
酸奶饮品 300ml*10|乳品|35.90|2
抽纸 3层*24包|日用|32.80|5
洗衣液 2kg*2瓶|日用|39.90|3
卷纸 4层*27卷|日用|42.90|3
洗洁精 1.5kg*2|日用|19.90|3
垃圾袋 50只*5卷|日用|12.90|3
牙膏 120g*3支|日用|29.90|2
洗发水 750ml|日用|49.90|2
沐浴露 1L|日用|39.90|2
厨房湿巾 80片*3|日用|15.90|2
保鲜袋 3卷|日用|9.90|3
衣物消毒液 1L|日用|29.90|1
一次性手套 200只|日用|12.90|2
婴儿纸尿裤 L码|母婴|89.00|2
婴儿纸尿裤 XL码|母婴|95.00|2
婴儿湿巾 80抽*6包|母婴|39.90|2
婴幼儿配方奶粉 3段 800g|母婴|228.00|1
婴儿高铁米粉 225g|母婴|58.90|1
宝宝磨牙饼干 64g|母婴|19.90|1
儿童牙膏 60g*2|母婴|25.90|1
宝宝面条 200g*3|母婴|29.90|1
婴儿洗衣液 1L|母婴|35.90|1
儿童水杯 350ml|母婴|49.00|1
每日坚果 750g 30袋|零食|89.90|3
手撕面包 1kg,整箱装|零食|29.90|5
薯片 5袋组合|零食|24.90|4
海苔脆 40g*3|零食|15.90|3
牛肉干 250g|零食|45.90|2
广式月饼礼盒 8个装|零食|128.00|1
夏威夷果 500g|零食|39.90|2
辣条组合 20包|零食|19.90|3
苏打饼干 1kg|零食|22.90|2
黑巧克力 100g*3|零食|35.90|2
果冻 1.5kg|零食|19.90|2
鱼豆腐 500g|零食|18.90|2
速冻水饺 1kg|冻品|22.50|6
宁波汤圆 500g*2|冻品|21.90|3
手工虾滑 250g|冻品|32.90|3
冷冻鸡胸肉 1kg|冻品|29.90|3
奥尔良鸡翅 1kg|冻品|42.90|2
速冻手抓饼 20片|冻品|27.90|3
阿根廷红虾 2kg|冻品|139.00|1
雪糕组合 12支|冻品|49.90|4
速冻馄饨 600g|冻品|19.90|3
牛排 10片装|冻品|99.00|1
鳕鱼块 500g|冻品|69.90|1
速冻包子 1kg|冻品|25.90|3
`
  .trim()
  .split('\n')
  .map((line) => {
    const [name, cat, price, w] = line.split('|');
    const [y, f = '0'] = price.split('.');
    return { cells: `${cell(name)},${cell(cat)}`, fen: Number(y) * 100 + Number(f.padEnd(2, '0')), w: Number(w) };
  });
const pickProduct = sampler(CATALOG.map((p) => p.w));

// ---------------------------------------------------------------- leaders and members
const N_LEADERS = 200,
  N_MEMBERS = 60000;
const pickLeader = sampler(Array.from({ length: N_LEADERS }, (_, i) => 1 / Math.sqrt(i + 3))); // a few big communities
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁沈任姚卢钟姜崔谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺顾毛郝龚邵万覃武钱戴严莫孔向汤'.split(
    '',
  );
const GIVEN =
  '丽 芳 敏 静 秀英 丽娟 霞 燕 艳 娟 玲 桂英 红 梅 莉 婷 雪 慧 晶 琳 颖 佳 倩 欣 悦 萍 芬 兰 琴 云 洁 晓燕 春梅 海燕 建华 建国 伟 强 磊 军 勇 杰 涛 斌 超 明 刚 平 辉 鹏 华 飞 鑫 波 宁 浩 宇 凯 健 俊 志强 文 博 晨 阳'.split(
    ' ',
  );
const NICK_A =
  '阳光 快乐 开心 幸福 甜甜 安静 微笑 小鱼 向日葵 蓝天 清风 明月 花开 晴天 彩虹 橙子 柠檬 糖果 布丁 豆豆 乐乐 多多 果果 朵朵 悠悠 小米 芒果 西瓜 茉莉 百合'.split(
    ' ',
  );
const NICK_B = '宝妈 妈妈 奶奶 外婆 爸爸 姐姐 小姐姐 姑娘 大叔 一家 的家 同学'.split(' ');
const NICK_PHRASE =
  '平安是福 知足常乐 随缘 岁月静好 心想事成 家和万事兴 简单生活 静待花开 人淡如菊 爱吃水果 吃货一枚 好好吃饭 慢生活 春暖花开 开心就好 一米阳光 笑口常开 花好月圆'.split(
    ' ',
  );
const EN = 'Lily Amy Coco Linda Anna Grace Cindy Jenny Vivian Tina Echo Kiki Sunny Candy Helen Mia Ivy'.split(' ');
const PHONE_PREFIX =
  '130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 173 176 177 180 181 182 183 185 186 187 188 189 191 199'.split(
    ' ',
  );
function nickname() {
  const r = rand();
  if (r < 0.45) return pick(SURNAMES) + pick(GIVEN);
  if (r < 0.55) return '老' + pick(SURNAMES);
  if (r < 0.65) return pick(SURNAMES) + pick(['姐', '阿姨', '大哥', '师傅', '老师', '奶奶']);
  if (r < 0.85) return pick(NICK_A) + pick(NICK_B);
  if (r < 0.95) return pick(NICK_PHRASE);
  if (r < 0.99) return pick(EN) + pick(['', '妈妈', ' ' + pick(SURNAMES)]);
  return `${pick(EN)}, ${pick(NICK_B)}`; // a comma: quoted cell
}
/** per member: the constant middle of its rows, `会员ID,会员昵称,手机号,团长ID` */
const memberCells = new Array(N_MEMBERS);
for (let i = 0; i < N_MEMBERS; i++) {
  const phone = pick(PHONE_PREFIX) + pad(int(0, 99999999), 8);
  memberCells[i] = `M${pad(i + 1, 6)},${cell(nickname())},${phone},L${pad(pickLeader() + 1, 4)}`;
}
// Activity is skewed (regulars vs. occasional buyers); the popular ones are spread over the id range.
const pickMember = () => (Math.floor(N_MEMBERS * rand() ** 1.7) * 7919) % N_MEMBERS;

// ---------------------------------------------------------------- calendar: 2024-01-01 .. 2025-12-31
const DAY_MS = 86400000,
  BASE = Date.UTC(2024, 0, 1),
  DAYS = Math.round((Date.UTC(2026, 0, 1) - BASE) / DAY_MS);
const days = Array.from({ length: DAYS }, (_, d) => {
  const t = new Date(BASE + d * DAY_MS);
  const [m, wd] = [t.getUTCMonth() + 1, t.getUTCDay()];
  let w = 1 + 0.6 * (d / DAYS); // the business grows
  if (wd === 0 || wd === 6) w *= 1.15;
  if (m >= 6 && m <= 8) w *= 1.2; // summer fruit
  if (m === 2) w *= 0.8; // 春节
  return { ymd: `${t.getUTCFullYear()}${pad(m)}${pad(t.getUTCDate())}`, date: `${t.getUTCFullYear()}-${pad(m)}-${pad(t.getUTCDate())}`, w };
});
// exact line quota per day: the quotas sum to N
const totalW = days.reduce((s, d) => s + d.w, 0);
{
  let cum = 0,
    prev = 0;
  days.forEach((d, i) => {
    cum += d.w;
    const upTo = i === DAYS - 1 ? N : Math.floor((N * cum) / totalW);
    d.quota = upTo - prev;
    prev = upTo;
  });
}
const fmtTime = (s) => `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
const TIMES = Array.from({ length: 86400 }, (_, s) => fmtTime(s));
const SLOTS = [
  [7 * 3600, 9 * 3600 + 3599, 35],
  [12 * 3600, 13 * 3600 + 3599, 20],
  [19 * 3600, 22 * 3600 + 1799, 35],
  [6 * 3600 + 1800, 23 * 3600 + 1799, 10],
];

// ---------------------------------------------------------------- orders
rand = mulberry32(0x6f726473); // "ords": the order stream
const pickSlot = sampler(SLOTS.map((s) => s[2]));
const pickLines = sampler([58, 29, 13]); // 1, 2 or 3 lines
const pickQty = sampler([78, 15, 5, 2]);

const fd = openSync(`${out}.tmp`, 'w');
let buf = '订单号,下单时间,会员ID,会员昵称,手机号,团长ID,商品名称,商品分类,数量,单价,实付金额,退款金额,订单状态\n';
const flush = (force) => {
  if (buf.length >= 1 << 19 || (force && buf.length)) {
    writeSync(fd, buf);
    buf = '';
  }
};

let written = 0,
  orders = 0;
const prods = [0, 0, 0],
  paid = [0, 0, 0],
  qtys = [0, 0, 0];
for (const day of days) {
  // line counts of the day's orders, then sorted order times
  const sizes = [];
  for (let left = day.quota; left > 0; ) {
    const k = Math.min(left, pickLines() + 1);
    sizes.push(k);
    left -= k;
  }
  const secs = new Int32Array(sizes.length);
  for (let i = 0; i < secs.length; i++) {
    const [a, b] = SLOTS[pickSlot()];
    secs[i] = int(a, b);
  }
  secs.sort();
  for (let i = 0; i < sizes.length; i++) {
    const k = sizes[i];
    const head = `DD${day.ymd}${pad(i + 1, 6)},${day.date} ${TIMES[secs[i]]},${memberCells[pickMember()]},`;
    for (let j = 0; j < k; j++) {
      // distinct products within the order
      let p;
      do p = pickProduct();
      while ((j > 0 && p === prods[0]) || (j > 1 && p === prods[1]));
      prods[j] = p;
      qtys[j] = pickQty() + 1;
      paid[j] = qtys[j] * CATALOG[p].fen;
    }
    if (rand() < 0.06) {
      // coupon 满减 on the first line that can carry it
      const off = pick([300, 500, 800, 1000]);
      for (let j = 0; j < k; j++)
        if (paid[j] > off + 100) {
          paid[j] -= off;
          break;
        }
    }
    const cancelled = rand() < 0.02;
    for (let j = 0; j < k; j++) {
      const P = CATALOG[prods[j]];
      let status = '已完成',
        refund = 0;
      if (cancelled) status = '已取消';
      else {
        const r = rand();
        if (r < 0.025) {
          status = '已退款';
          refund = paid[j];
        } else if (r < 0.045) {
          // partial refund: one damaged unit, or a share of a single unit
          refund = qtys[j] > 1 ? Math.min(P.fen, paid[j] - 1) : Math.max(1, Math.floor((paid[j] * (0.2 + rand() * 0.4)) / 10) * 10);
        }
      }
      buf += `${head}${P.cells},${qtys[j]},${yuan(P.fen)},${yuan(paid[j])},${yuan(refund)},${status}\n`;
    }
    written += k;
    orders++;
    flush(false);
  }
}
flush(true);
closeSync(fd);
if (written !== N) throw new Error(`internal: wrote ${written} lines, expected ${N}`);
renameSync(`${out}.tmp`, out);
process.stderr.write(`gen-export: ${out}: ${written} lines, ${orders} orders, ${DAYS} days\n`);
