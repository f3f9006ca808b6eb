#!/usr/bin/env node
// gen-sample.mjs — deterministic sample data for `tuan` (社区团购 toolkit).
//
// Re-run with:  node scripts/gen-sample.mjs      (or: npm run sample)
// Output is byte-identical on every run: all randomness comes from seeded
// mulberry32 streams (no Math.random, no Date.now), money is integer fen.
//
// Files written to data/:
//   sample-orders.csv      platform order export, UTF-8 with BOM, CRLF, one row per order line
//   sample-orders-gbk.csv  the same text encoded GBK (no BOM)
//   ktt-export.csv         快团团-style export of one leader (L004), GBK, title rows, multi-line cells
//   leaders.csv            leader master data, UTF-8 with BOM
//   ktt-export.xlsx        the same 快团团 export as an Excel workbook (written with SheetJS): merged title
//                          rows, 支付时间 as date cells, amounts as numbers (float sums, as exports hold
//                          them), a second sheet 商品汇总; it imports to the same orders as ktt-export.csv
//
// The story (2025-08-01 .. 2026-10-31, "today" = 2026-11-01):
//   L001 王姐/阳光花园  strong established community, ~45% of members, steady all period.
//   L002 李哥/锦绣苑    opens 2025-12, grows fast through 2026 -> many 引入期/成长期 members.
//   L003 赵阿姨/翠湖小区 established, but a supply problem in June 2026 silences most members;
//                       a win-back push in Sep–Oct 2026 brings a part of them back.
//   Members: weekly regulars with 1–2 fixed weekdays and fixed time slots (07–09, 12–13, 19–22),
//   casual buyers, one-and-done buyers, a few big-spender families (母婴), members who pause for
//   1–3 months and return, members who churn for good (some > 180 days before the end), and ~2%
//   who move to another leader. Seasonality: fruit in summer, 冻品 before 春节 (2026-02-17),
//   月饼 before 中秋, an order dip during the 春节 holiday.
//   L004 孙姐/枫林湾 (快团团 file): separate people, 2026-05..2026-10, daily group activities plus a
//   few big ones (小龙虾, 杨梅, 西瓜, 月饼, 大闸蟹); 跟团号 restarts at 1 in every activity.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import { mulberry32 } from './prng.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');

// ---------------------------------------------------------------- PRNG helpers
let rand = mulberry32(20250801); // main stream; the 快团团 part gets its own seed below
const int = (a, b) => a + Math.floor(rand() * (b - a + 1)); // inclusive
const chance = (p) => rand() < p;
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
function weighted(items, weightOf) {
  let total = 0;
  const ws = items.map((it) => (total += Math.max(0, weightOf(it))));
  const r = rand() * total;
  for (let i = 0; i < items.length; i++) if (r < ws[i]) return items[i];
  return items[items.length - 1];
}
const pickN = (arr, n) => {
  const pool = [...arr],
    out = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  return out;
};

// ---------------------------------------------------------------- dates & money
const DAY_MS = 86400000,
  BASE = Date.UTC(2025, 7, 1); // day 0 = 2025-08-01 (naive China local time)
const dayOf = (y, m, d) => Math.round((Date.UTC(y, m - 1, d) - BASE) / DAY_MS);
const ymd = (d) => {
  const t = new Date(BASE + d * DAY_MS);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
};
const weekday = (d) => new Date(BASE + d * DAY_MS).getUTCDay();
const month = (d) => ymd(d)[1];
const pad = (n, w = 2) => String(n).padStart(w, '0');
const fmtDate = (d) => {
  const [y, m, dd] = ymd(d);
  return `${y}-${pad(m)}-${pad(dd)}`;
};
const fmtTime = (s) => `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
const END = dayOf(2026, 10, 31),
  CNY = dayOf(2026, 2, 17),
  JUN1 = dayOf(2026, 6, 1),
  SEP1 = dayOf(2026, 9, 1);
const L002_OPEN = dayOf(2025, 12, 1),
  CHURN_LINE = END - 180;
const MOON_FESTIVALS = [dayOf(2025, 10, 6), dayOf(2026, 9, 25)]; // 中秋
const toFen = (s) => {
  const [y, f = '0'] = s.split('.');
  return Number(y) * 100 + Number(f.padEnd(2, '0'));
};
const yuan = (fen) => `${Math.floor(fen / 100)}.${pad(fen % 100)}`;

// ---------------------------------------------------------------- CSV helpers
const cell = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows) => rows.map((r) => r.map((v) => cell(String(v))).join(',')).join('\r\n') + '\r\n';
function gbk(text, what) {
  const buf = iconv.encode(text, 'gbk');
  if (iconv.decode(buf, 'gbk') !== text) {
    const bad = [...text].find((c) => iconv.decode(iconv.encode(c, 'gbk'), 'gbk') !== c);
    throw new Error(`${what}: character not GBK-encodable: ${JSON.stringify(bad)}`);
  }
  return buf;
}

// ---------------------------------------------------------------- people
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
const NICK_PHRASE = (
  '平安是福 知足常乐 随缘 岁月静好 心想事成 家和万事兴 简单生活 静待花开 人淡如菊 一路有你 爱吃水果 吃货一枚 好好吃饭 早睡早起 ' +
  '慢生活 海阔天空 春暖花开 开心就好 努力生活 一米阳光 温暖如初 不忘初心 笑口常开 健康快乐 花好月圆 顺其自然'
).split(' ');
function chineseName() {
  return pick(SURNAMES) + pick(GIVEN);
}
function mainNickname() {
  const r = rand();
  if (r < 0.45) return chineseName();
  if (r < 0.55) return '老' + pick(SURNAMES);
  if (r < 0.62) return '小' + pick(SURNAMES) + pick(['同学', '妹妹', '哥', '']);
  if (r < 0.72) return pick(SURNAMES) + pick(['姐', '阿姨', '大哥', '师傅', '老师', '奶奶']);
  if (r < 0.9) return pick(NICK_A) + pick(NICK_B);
  return pick(NICK_PHRASE);
}
const usedPhones = new Set();
const PHONE_PREFIX =
  '130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 173 176 177 180 181 182 183 185 186 187 188 189 191 199'.split(
    ' ',
  );
function phone() {
  for (;;) {
    const p = pick(PHONE_PREFIX) + pad(int(0, 99999999), 8);
    if (!usedPhones.has(p)) {
      usedPhones.add(p);
      return p;
    }
  }
}
function distinct(gen, used, tries = 6) {
  // mostly distinct, a few natural duplicates remain
  let v = gen();
  for (let i = 0; i < tries && used.has(v); i++) v = gen();
  used.add(v);
  return v;
}

// ---------------------------------------------------------------- catalogue (name|category|price|popularity|season)
// season: months "6-8" (wraps, e.g. "11-2"), MOON = 30 days before 中秋, empty = all year
const CATALOG = `
散养土鸡蛋 30枚|生鲜|26.80|14|
土猪五花肉 500g|生鲜|25.90|7|
精品猪肋排 500g|生鲜|39.80|5|
新鲜鸡翅中 500g|生鲜|29.90|5|
冰鲜三黄鸡 1只|生鲜|35.80|3|
鲜活基围虾 500g|生鲜|49.90|3|
西红柿 3斤|生鲜|9.90|9|
本地小青菜 2斤|生鲜|5.90|9|
黄瓜 2斤|生鲜|6.90|7|
土豆 5斤|生鲜|9.90|6|
精品西兰花 2颗|生鲜|8.80|5|
嫩豆腐 2盒|生鲜|4.50|6|
葱姜蒜组合 1份|生鲜|6.90|5|
鲜香菇 500g|生鲜|7.90|4|
海南香蕉 5斤|水果|15.90|9|
红富士苹果 5斤|水果|29.90|7|
麒麟西瓜 1个约8斤|水果|29.90|12|6-8
阳光玫瑰葡萄 2斤|水果|39.90|7|8-10
草莓 2斤|水果|39.90|8|12-3
砂糖橘 5斤|水果|24.90|8|11-2
水蜜桃 6个装|水果|29.80|7|6-8
妃子笑荔枝 3斤|水果|45.90|6|6-7
赣南脐橙 5斤|水果|34.90|6|11-2
猕猴桃 12个装|水果|29.90|4|9-3
蓝莓 4盒*125g|水果|49.90|3|5-9
哈密瓜 1个约4斤|水果|25.90|4|6-9
智利车厘子 2斤 JJ级|水果|89.90|3|12-2
五常大米 10kg|粮油|69.90|4|
东北珍珠米 5kg|粮油|32.90|4|
压榨花生油 5L|粮油|149.90|1|
玉米调和油 5L|粮油|69.90|2|
鸡蛋挂面 1kg*2|粮油|15.90|4|
零添加酱油 1.28L|粮油|22.90|3|
"老干妈"风味豆豉 280g|粮油|12.90|3|
高筋面粉 5kg|粮油|35.90|2|
纯牛奶 250ml*24|乳品|59.90|7|
原味酸奶 200g*10|乳品|32.90|6|
鲜牛奶 950ml|乳品|16.90|7|
低脂高钙奶 250ml*12|乳品|39.90|3|
儿童奶酪棒 500g|乳品|45.90|3|
抽纸 3层*24包|日用|32.80|5|
洗衣液 2kg*2瓶|日用|39.90|3|
卷纸 4层*27卷|日用|42.90|3|
洗洁精 1.5kg*2|日用|19.90|3|
垃圾袋 50只*5卷|日用|12.90|3|
牙膏 120g*3支|日用|29.90|2|
婴儿纸尿裤 L码|母婴|89.00|5|
婴儿纸尿裤 XL码|母婴|95.00|4|
婴儿湿巾 80抽*6包|母婴|39.90|5|
婴幼儿配方奶粉 3段 800g|母婴|228.00|3|
婴儿高铁米粉 225g|母婴|58.90|2|
宝宝磨牙饼干 64g|母婴|19.90|3|
每日坚果 750g 30袋|零食|89.90|3|
手撕面包 1kg,整箱装|零食|29.90|5|
薯片 5袋组合|零食|24.90|4|
海苔脆 40g*3|零食|15.90|3|
牛肉干 250g|零食|45.90|2|
广式月饼礼盒 8个装|零食|128.00|10|MOON
速冻水饺 1kg|冻品|22.50|6|
宁波汤圆 500g*2|冻品|21.90|3|
手工虾滑 250g|冻品|32.90|3|
冷冻鸡胸肉 1kg|冻品|29.90|3|
奥尔良鸡翅 1kg|冻品|42.90|2|
速冻手抓饼 20片|冻品|27.90|3|
阿根廷红虾 2kg|冻品|139.00|1|
雪糕组合 12支|冻品|49.90|5|6-9
`
  .trim()
  .split('\n')
  .map((line) => {
    const [name, cat, price, w, season] = line.split('|');
    let months = null;
    if (season && season !== 'MOON') {
      const [a, b] = season.split('-').map(Number);
      months = new Set();
      for (let m = a; ; m = (m % 12) + 1) {
        months.add(m);
        if (m === b) break;
      }
    }
    return { name, cat, fen: toFen(price), w: Number(w), months, moon: season === 'MOON' };
  });

function productWeight(p, d, m) {
  if (p.months && !p.months.has(month(d))) return 0;
  if (p.moon && !MOON_FESTIVALS.some((f) => d >= f - 30 && d <= f)) return 0;
  let w = p.w;
  if (p.cat === '水果' && month(d) >= 6 && month(d) <= 9) w *= 1.8; // summer fruit
  if (p.cat === '冻品' && d >= CNY - 35 && d <= CNY + 14) w *= 3; // stocking up for 春节 / 元宵
  if (p.cat === '母婴') w *= m.family ? 12 : 0.03;
  return w;
}

// ---------------------------------------------------------------- members of the main file
const LEADERS = [
  { id: 'L001', n: 680 },
  { id: 'L002', n: 440 },
  { id: 'L003', n: 390 },
];
const SLOTS = [
  [7 * 3600, 9 * 3600 + 3599],
  [12 * 3600, 13 * 3600 + 3599],
  [19 * 3600, 22 * 3600 + 1799],
];
const usedNicks = new Set();
const members = [];

function joinDay(leader) {
  // -1 = member since before the export window (no forced first order, orders follow their rhythm)
  if (leader === 'L001') return chance(0.55) ? -1 : int(14, END);
  if (leader === 'L002') return chance(0.08) ? L002_OPEN + int(0, 13) : L002_OPEN + Math.floor((END - L002_OPEN) * Math.sqrt(rand()));
  if (chance(0.65)) return -1; // L003: established community
  for (;;) {
    // few newcomers during the supply problem, more during the win-back push
    const d = int(14, END);
    const w = d >= JUN1 && d < SEP1 ? 0.25 : d >= SEP1 ? 2 : 1;
    if (rand() < w / 2) return d;
  }
}

for (const L of LEADERS) {
  for (let i = 0; i < L.n; i++) {
    const m = { leader: L.id, join: joinDay(L.id), end: END, gaps: [], moveDay: null, moveTo: null };
    const r = rand();
    m.type = r < 0.03 ? 'family' : r < 0.17 ? 'once' : r < 0.45 ? 'regular' : 'casual';
    m.pre = m.join < 0;
    m.reg = m.pre ? -1 - rand() : m.join; // registration order (for member IDs)
    if (m.pre) m.join = m.type === 'once' ? int(0, 120) : 0; // an old member's single last order
    if (m.type === 'once') m.pre = false;
    m.family = m.type === 'family';
    if (m.type === 'regular' || m.family) {
      const nDays = m.family || chance(0.45) ? 2 : 1;
      m.prefs = pickN([0, 1, 2, 3, 4, 5, 6], nDays);
      m.p = nDays === 1 ? 0.28 + rand() * 0.28 : 0.16 + rand() * 0.18;
      m.pOff = 0.004;
    } else {
      m.prefs = [];
      m.p = m.pOff = 1 / int(28, 90);
    }
    m.slot = weighted([0, 1, 2], (s) => [4, 2, 5][s]);
    m.favs = pickN(
      CATALOG.filter((p) => m.family || p.cat !== '母婴'),
      int(2, 5),
    );
    if (m.family)
      m.favs.push(
        ...pickN(
          CATALOG.filter((p) => p.cat === '母婴'),
          2,
        ),
      );
    m.nick = chance(0.015) && members.length ? pick(members).nick : distinct(mainNickname, usedNicks);
    m.phone = phone();
    const span = END - m.join;
    // churn for good (stop ordering) — churned early ones will be > 180 days silent at the end
    if (m.type !== 'once' && span > 40 && chance(0.35)) m.end = m.join + int(20, span - 10);
    // pause for 1–3 months and come back
    if (m.type !== 'once' && m.end - m.join > 150 && chance(0.2)) {
      const a = m.join + int(30, m.end - m.join - 100);
      m.gaps.push([a, a + int(30, 90)]);
    }
    // L003 supply problem in June 2026, win-back in Sep–Oct 2026
    if (L.id === 'L003' && m.type !== 'once' && m.join < JUN1 && m.end > JUN1 && chance(0.6)) {
      const silence = JUN1 + int(0, 20);
      m.supplyHit = true;
      if (chance(0.45)) m.gaps.push([silence, SEP1 + int(3, 50)]);
      else m.end = silence;
    }
    members.push(m);
  }
}
// ~2% move to another leader mid-history (moved house)
for (const m of pickN(
  members.filter((x) => x.type !== 'once' && !x.supplyHit && x.end - x.join > 150),
  30,
)) {
  m.moveDay = m.join + int(45, m.end - m.join - 30);
  const to = { L001: m.moveDay >= L002_OPEN + 30 ? 'L002' : 'L003', L002: 'L001', L003: m.moveDay >= L002_OPEN + 30 ? 'L002' : 'L001' };
  m.moveTo = to[m.leader];
}
// member IDs in registration order, ties keep generation order
members
  .map((m, i) => [m, i])
  .sort((a, b) => a[0].reg - b[0].reg || a[1] - b[1])
  .forEach(([m], i) => {
    m.id = 'M' + pad(i + 1, 5);
  });

const leaderOn = (m, d) => (m.moveDay !== null && d >= m.moveDay ? m.moveTo : m.leader);

function dayProb(m, d) {
  let p = m.prefs.includes(weekday(d)) ? m.p : m.pOff;
  if (d >= CNY - 3 && d <= CNY + 5)
    p *= 0.35; // 春节 holiday dip
  else if (d >= CNY - 25 && d < CNY - 3) p *= 1.15; // stocking up
  if (leaderOn(m, d) === 'L003' && d >= JUN1 && d < SEP1) p *= 0.6; // supply problem
  return p;
}

function makeOrder(m, d) {
  const nLines = Math.min(6, weighted([1, 2, 3, 4, 5], (k) => [55, 28, 11, 4, 2][k - 1]) + (m.family ? 1 : 0));
  const prods = [];
  for (let tries = 0; prods.length < nLines && tries < 30; tries++) {
    const favs = m.favs.filter((p) => productWeight(p, d, m) > 0 && !prods.includes(p));
    const p = favs.length && chance(0.45) ? pick(favs) : weighted(CATALOG, (q) => (prods.includes(q) ? 0 : productWeight(q, d, m)));
    if (!prods.includes(p)) prods.push(p);
  }
  const slot = chance(0.85) ? SLOTS[m.slot] : chance(0.7) ? pick(SLOTS) : [6 * 3600 + 1800, 23 * 3600 + 1799];
  const lines = prods.map((p) => {
    const qty = weighted([1, 2, 3, 4], (q) => (m.family ? [55, 30, 12, 3] : p.fen < 1500 ? [70, 22, 6, 2] : [85, 12, 3, 0])[q - 1]);
    return { p, qty, unit: p.fen, paid: qty * p.fen, refund: 0, status: '已完成' };
  });
  if (chance(0.07)) {
    // coupon 满减, taken off the first line that can carry it
    const off = pick([300, 500, 800, 1000]);
    const l = lines.find((x) => x.paid > off + 100);
    if (l) l.paid -= off;
  }
  if (d >= END - 1 && chance(0.15))
    lines.forEach((l) => {
      l.status = '待付款';
    });
  else if (chance(0.02))
    lines.forEach((l) => {
      l.status = '已取消';
    });
  else
    for (const l of lines) {
      const r = rand();
      if (r < 0.02) {
        l.status = '已退款';
        l.refund = l.paid;
      } else if (r < 0.04) {
        // partial refund: one damaged unit, or a share of a single unit
        l.refund = l.qty > 1 ? Math.min(l.unit, l.paid - 1) : Math.max(1, Math.floor((l.paid * (0.2 + rand() * 0.4)) / 10) * 10);
      }
    }
  return { d, sec: int(slot[0], slot[1]), m, leader: leaderOn(m, d), lines };
}

const orders = [];
for (const m of members) {
  for (let d = m.join; d <= m.end; d++) {
    if (m.gaps.some(([a, b]) => d >= a && d < b)) continue;
    if (d === m.join && !m.pre) {
      orders.push(makeOrder(m, d));
      if (m.type === 'once') break;
      continue;
    }
    if (rand() < dayProb(m, d)) orders.push(makeOrder(m, d));
  }
}
orders.sort((a, b) => a.d - b.d || a.sec - b.sec || (a.m.id < b.m.id ? -1 : a.m.id > b.m.id ? 1 : 0));
let seqDay = -1,
  seq = 0;
for (const o of orders) {
  if (o.d !== seqDay) {
    seqDay = o.d;
    seq = 0;
  }
  o.no = 'DD' + fmtDate(o.d).replace(/-/g, '') + pad(++seq, 4);
}

const MAIN_HEADER = '订单号,下单时间,会员ID,会员昵称,手机号,团长ID,商品名称,商品分类,数量,单价,实付金额,退款金额,订单状态'.split(',');
const mainRows = [MAIN_HEADER];
for (const o of orders) {
  for (const l of o.lines) {
    mainRows.push([
      o.no,
      `${fmtDate(o.d)} ${fmtTime(o.sec)}`,
      o.m.id,
      o.m.nick,
      o.m.phone,
      o.leader,
      l.p.name,
      l.p.cat,
      l.qty,
      yuan(l.unit),
      yuan(l.paid),
      yuan(l.refund),
      l.status,
    ]);
  }
}
const mainText = csv(mainRows);

// ---------------------------------------------------------------- 快团团 export for L004 孙姐 / 枫林湾
rand = mulberry32(20260501);
const K_START = dayOf(2026, 5, 1);
const KTT_CATALOG = `
麒麟西瓜(约8斤)|29.90|6-8|3
阳光玫瑰(2斤装)|39.90|8-10|2
水蜜桃(6个装)|29.80|6-8|2
土鸡蛋(30枚)|28.80||3
五常大米(10kg)|69.90||1
鲜牛奶(950ml)|16.90||3
现烤吐司(400g)|12.90||2
手工水饺(1kg)|25.90||2
猪肋排(500g)|39.80||2
原味酸奶(200g*10)|32.90||2
抽纸(24包)|32.80||1
洗衣液(2kg*2)|39.90||1
小青菜(2斤)|5.90||3
西红柿(3斤)|9.90||3
甜玉米(6根)|15.90|7-9|2
哈密瓜(约4斤)|25.90|6-9|2
蓝莓(4盒)|49.90|5-9|1
板栗(2斤)|29.90|9-10|2
红薯(5斤)|19.90|9-10|2
石榴(6个)|39.90|9-10|1
苹果(5斤)|29.90||2
香蕉(5斤)|15.90||3
鲜切牛肉(500g)|49.90||1
鸡翅中(500g)|29.90||2
手撕面包(1kg整箱)|29.90||1
每日坚果(30袋)|89.90||1
冰淇淋(12支)|49.90|6-8|2
荔枝(3斤)|45.90|6-7|2
`
  .trim()
  .split('\n')
  .map((line) => {
    const [name, price, season, w] = line.split('|');
    const [a, b] = season ? season.split('-').map(Number) : [1, 12];
    return { name, fen: toFen(price), from: a, to: b, w: Number(w) };
  });
const BIG = [
  // big group activities: [date, product, price, days open, popularity]
  ['2026-05-20', '小龙虾(3斤)', '89.90', 3, 12],
  ['2026-06-12', '仙居杨梅(3斤)', '59.90', 2, 15],
  ['2026-07-05', '麒麟西瓜(约8斤)', '26.90', 2, 18],
  ['2026-07-22', '麒麟西瓜(约8斤)', '26.90', 2, 18],
  ['2026-08-08', '麒麟西瓜(约8斤)', '25.90', 2, 15],
  ['2026-09-12', '广式月饼礼盒(8个装)', '128.00', 3, 15],
  ['2026-10-10', '阳澄湖大闸蟹(4两*6只)', '168.00', 3, 12],
  ['2026-10-24', '阳澄湖大闸蟹(4两*6只)', '158.00', 3, 12],
];
const activities = [];
for (let d = K_START; d <= END; d++) {
  // one daily activity ("今日团") with a few seasonal items
  const avail = KTT_CATALOG.filter((p) => month(d) >= p.from && month(d) <= p.to);
  const prods = [];
  while (prods.length < int(2, 5)) {
    const p = weighted(avail, (q) => (prods.includes(q) ? 0 : q.w));
    if (!prods.includes(p)) prods.push(p);
  }
  activities.push({ start: d, days: 1, prods, pop: 1 });
}
for (const [date, name, price, days, pop] of BIG) {
  const [y, mo, dd] = date.split('-').map(Number);
  activities.push({
    start: dayOf(y, mo, dd),
    days,
    pop,
    prods: [{ name, fen: toFen(price) }, pick(KTT_CATALOG.filter((p) => !p.from || p.from === 1))],
  });
}
activities.sort((a, b) => a.start - b.start || a.pop - b.pop);

const KTT_EN = 'Lily Amy Coco Linda Anna Grace Cindy Jenny Vivian Tina Echo Kiki Sunny Candy Helen Jessica Yoyo Eva Mia Ivy'.split(' ');
const KTT_PHRASES =
  '静待花开 花开富贵 岁月如歌 一米阳光 夏天的风 木子李 小鱼儿 糖糖 月亮湾 云淡风轻 荷塘月色 向阳而生 知足常乐 清水芙蓉 快乐每一天 天天向上 幸福一家人 紫色风铃 雨后彩虹 梦里花落'.split(
    ' ',
  );
function kttNickname() {
  const r = rand();
  if (r < 0.2) return pick(KTT_EN) + pick(['', '妈妈', ' ' + pick(SURNAMES), '_' + pick(SURNAMES) + '姐', '2019']);
  if (r < 0.4) return pick(KTT_PHRASES) + pick(['', '', '～', '·' + pick(SURNAMES)]);
  if (r < 0.55) return `${int(1, 12)}栋${pick(['', ' '])}${pick(SURNAMES)}${pick(['姐', '先生', '女士', '阿姨', '妈'])}`;
  if (r < 0.65) return pick(['★', '☆', '※', '◆']) + pick(GIVEN) + pick(['★', '☆', '', '～']);
  if (r < 0.7) return `A${pick(['.', '-', ' '])}${pick(SURNAMES)}${pick(['小姐', '先生', '姐'])}`;
  if (r < 0.75) {
    const [o, c] = pick(['“”', '『』', '【】']);
    return o + pick(KTT_PHRASES) + c;
  }
  return chineseName() + pick(['', '', '(' + pick(['枫林湾', '5栋', '宝妈']) + ')']);
}
const kttNicks = new Set([...usedNicks]); // avoid reusing main-file nicknames: these are different people
const mask = (p) => p.slice(0, 3) + '****' + p.slice(7);
const kttMasked = new Set(members.map((m) => mask(m.phone))); // no look-alikes of main-file people
const kMembers = [];
for (let i = 0; i < 250; i++) {
  const k = { join: chance(0.4) ? K_START + int(0, 14) : K_START + int(0, END - K_START), e: 0.007 + rand() * rand() * 0.155 };
  k.end = chance(0.15) ? k.join + int(10, 120) : END;
  k.nick = i === 37 ? 'Amy, 小宝妈' : i === 88 ? '"糖糖"' : i % 97 === 5 ? '开心' : distinct(kttNickname, kttNicks, 10);
  do k.masked = mask(phone());
  while (kttMasked.has(k.masked));
  kttMasked.add(k.masked);
  const name = chineseName();
  k.receiver = chance(0.6) ? `${name}[${pad(int(0, 9999), 4)}]` : name;
  const floor = int(1, 18);
  k.address = `枫林湾${int(1, 12)}栋${int(1, 3)}单元${floor}${pad(int(1, 4))}`;
  k.pickup = weighted(
    ['枫林湾3号楼驿站', '枫林湾北门便利店', '枫林湾物业前台'],
    (s) => ({ 枫林湾3号楼驿站: 6, 枫林湾北门便利店: 3, 枫林湾物业前台: 1 })[s],
  );
  k.noteRate = rand() * 0.3;
  kMembers.push(k);
}
const MEMBER_NOTES = ['放门口', '少要辣', '晚上来拿', '帮忙挑大一点的', '不要葱', '周末自提', '放驿站就行', '麻烦放冰箱'];
const kOrders = [];
activities.forEach((a, ai) => {
  const list = [];
  for (const k of kMembers) {
    if (k.join > a.start || k.end < a.start) continue;
    const first = !k.seen; // joining the group chat = ordering in the first activity
    k.seen = true;
    let times = first || chance(Math.min(0.9, k.e * a.pop)) ? 1 : 0;
    while (times && times < 3 && chance(a.pop > 1 ? 0.2 : 0.04)) times++; // extra orders (for neighbours / family)
    for (let t = 0; t < times; t++) {
      const day = a.start + int(0, a.days - 1);
      const sec = chance(0.5) && day === a.start ? int(7 * 3600, 10 * 3600) : int(7 * 3600, 22 * 3600 + 3599);
      const n = Math.min(
        a.prods.length,
        weighted([1, 2, 3, 4], (x) => [62, 24, 10, 4][x - 1]),
      );
      const items = (a.pop > 1 ? [a.prods[0], ...pickN(a.prods.slice(1), n - 1)] : pickN(a.prods, n)).map((p) => ({
        p,
        qty: weighted([1, 2, 3], (q) => [80, 16, 4][q - 1]),
      }));
      list.push({ ai, day, sec, k, items });
    }
  }
  list.sort((x, y) => x.day - y.day || x.sec - y.sec);
  list.forEach((o, i) => {
    o.no = i + 1;
    kOrders.push(o);
  });
});
for (const o of kOrders) {
  o.amount = o.items.reduce((s, it) => s + it.qty * it.p.fen, 0);
  o.refund = 0;
  o.status = o.day >= END - 1 || (o.day === END - 2 && chance(0.5)) ? '已支付' : '已完成'; // not picked up yet
  const r = rand();
  if (r < 0.02) {
    o.status = '已退款';
    o.refund = o.amount;
  } else if (r < 0.05) {
    o.status = '部分退款';
    const it = o.items[0];
    o.refund = it.qty > 1 || o.items.length > 1 ? it.p.fen : Math.floor((o.amount * 0.3) / 10) * 10;
  } else if (r < 0.065) {
    o.status = '已取消';
    o.refund = o.amount;
  }
  o.memberNote = chance(o.k.noteRate) ? pick(MEMBER_NOTES) : '';
  o.leaderNote =
    o.status === '部分退款' || o.status === '已退款'
      ? chance(0.6)
        ? pick(['缺货已退款', '坏果已退', '少发已退差价'])
        : ''
      : chance(0.05)
        ? pick(['老客户', '已提醒取货', '备注已收到', '补发一份'])
        : '';
  const [y, mo, dd] = ymd(o.day);
  o.payTime = chance(0.1) ? `${y}/${mo}/${dd} ${fmtTime(o.sec).slice(0, 5)}` : `${fmtDate(o.day)} ${fmtTime(o.sec)}`;
}
kOrders.sort((a, b) => b.day - a.day || b.sec - a.sec || b.ai - a.ai || b.no - a.no); // newest first, like the app
const KTT_HEADER = '跟团号,下单人,团员备注,支付时间,团长备注,商品,订单金额,退款金额,订单状态,自提点,收货人,联系电话,详细地址'.split(',');
const kttText =
  '快团团 跟团记录导出,导出时间:2026-11-01 09:12\r\n团长:孙姐(枫林湾),统计范围:2026-05-01至2026-10-31\r\n' +
  csv([
    KTT_HEADER,
    ...kOrders.map((o) => [
      o.no,
      o.k.nick,
      o.memberNote,
      o.payTime,
      o.leaderNote,
      o.items.map((it) => `${it.p.name}+${it.qty}`).join('\n'),
      '￥' + yuan(o.amount),
      '￥' + yuan(o.refund),
      o.status,
      o.k.pickup,
      o.k.receiver,
      o.k.masked,
      o.k.address,
    ]),
  ]);

// ---------------------------------------------------------------- 快团团 as a workbook
// The same rows as kttText, typed the way a spreadsheet export holds them. No PRNG is used here.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30); // 1900 date system: serial 61 is 1900-03-01
function kttWorkbook() {
  const serial = (o, short) => {
    const [y, mo, dd] = ymd(o.day);
    const sec = short ? o.sec - (o.sec % 60) : o.sec;
    return (Date.UTC(y, mo - 1, dd) - EXCEL_EPOCH) / DAY_MS + sec / 86400;
  };
  // amounts summed in floating point, yuan by yuan, as a back-end writes them (47.699999999999996 …)
  const floatYuan = (o, fen) => (fen === o.amount ? o.items.reduce((s, it) => s + it.qty * (it.p.fen / 100), 0) : fen / 100);
  const money = '"￥"#,##0.00';
  const rows = [
    ['快团团 跟团记录导出,导出时间:2026-11-01 09:12'],
    ['团长:孙姐(枫林湾),统计范围:2026-05-01至2026-10-31'],
    KTT_HEADER,
    ...kOrders.map((o) => {
      const short = o.payTime.includes('/');
      return [
        o.no,
        o.k.nick,
        o.memberNote,
        { t: 'n', v: serial(o, short), z: short ? 'yyyy/m/d h:mm' : 'yyyy-mm-dd hh:mm:ss' },
        o.leaderNote,
        o.items.map((it) => `${it.p.name}+${it.qty}`).join('\n'),
        { t: 'n', v: floatYuan(o, o.amount), z: money },
        { t: 'n', v: floatYuan(o, o.refund), z: money },
        o.status,
        o.k.pickup,
        o.k.receiver,
        o.k.masked,
        o.k.address,
      ];
    }),
  ];
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!merges'] = [0, 1].map((r) => ({ s: { r, c: 0 }, e: { r, c: KTT_HEADER.length - 1 } }));
  const totals = new Map();
  for (const o of kOrders) for (const it of o.items) totals.set(it.p.name, (totals.get(it.p.name) ?? 0) + it.qty);
  const summary = XLSX.utils.aoa_to_sheet([['商品', '数量'], ...[...totals].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '跟团记录');
  XLSX.utils.book_append_sheet(wb, summary, '商品汇总');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true });
}

// ---------------------------------------------------------------- leaders
const leadersText = csv([
  ['团长ID', '团长姓名', '小区', '区域', '培训师', '加入时间', '师傅', '星级', '角色'],
  ['L001', '王姐', '阳光花园', '杭州西湖区', '周老师', '2024-03-01', '', '', '社区团长'],
  ['L002', '李哥', '锦绣苑', '杭州西湖区', '周老师', '2025-11-20', 'L001', '', '社区团长'],
  ['L003', '赵阿姨', '翠湖小区', '杭州西湖区', '周老师', '2024-09-15', '', '3', '社区团长'],
  ['L004', '孙姐', '枫林湾', '杭州滨江区', '周老师', '2026-04-10', 'L001', '', '社区团长'],
]);

// ---------------------------------------------------------------- write
mkdirSync(OUT, { recursive: true });
const BOM = '\uFEFF';
writeFileSync(join(OUT, 'sample-orders.csv'), BOM + mainText, 'utf8');
writeFileSync(join(OUT, 'sample-orders-gbk.csv'), gbk(mainText, 'sample-orders-gbk.csv'));
writeFileSync(join(OUT, 'ktt-export.csv'), gbk(kttText, 'ktt-export.csv'));
writeFileSync(join(OUT, 'ktt-export.xlsx'), kttWorkbook());
writeFileSync(join(OUT, 'leaders.csv'), BOM + leadersText, 'utf8');

// ---------------------------------------------------------------- summary
const count = (arr, key) => arr.reduce((acc, x) => ((acc[key(x)] = (acc[key(x)] ?? 0) + 1), acc), {});
const lines = orders.flatMap((o) => o.lines.map((l) => ({ ...l, o })));
const perLeader = {};
for (const o of orders) (perLeader[o.leader] ??= new Set()).add(o.m.id);
const lastOrder = new Map(orders.map((o) => [o.m.id, o.d]));
const firstOrder = new Map([...orders].reverse().map((o) => [o.m.id, o.d]));
const sum = (arr, f) => arr.reduce((s, x) => s + f(x), 0);
console.log('sample-orders.csv');
console.log(
  `  lines ${lines.length}, orders ${orders.length}, members ${firstOrder.size}, ${fmtDate(orders[0].d)} .. ${fmtDate(orders.at(-1).d)}`,
);
console.log(
  '  members per leader',
  Object.fromEntries(
    Object.entries(perLeader)
      .sort()
      .map(([k, v]) => [k, v.size]),
  ),
  `moved house, ordering under new leader ${new Set(orders.filter((o) => o.leader !== o.m.leader).map((o) => o.m.id)).size}`,
);
console.log(
  '  line status',
  count(lines, (l) => l.status),
  `partial refunds ${lines.filter((l) => l.status === '已完成' && l.refund > 0).length}`,
);
console.log(
  `  实付 ${yuan(sum(lines, (l) => l.paid))}  退款 ${yuan(sum(lines, (l) => l.refund))}  已完成净额 ${yuan(
    sum(
      lines.filter((l) => l.status === '已完成'),
      (l) => l.paid - l.refund,
    ),
  )}`,
);
console.log(
  `  first order in Oct 2026 ${[...firstOrder.values()].filter((d) => d >= dayOf(2026, 10, 1)).length}, in Aug–Sep 2026 ${[...firstOrder.values()].filter((d) => d >= dayOf(2026, 8, 1) && d < dayOf(2026, 10, 1)).length}, ` +
    `silent > 180 days ${[...lastOrder.values()].filter((d) => d < CHURN_LINE).length}, one-order members ${Object.values(count(orders, (o) => o.m.id)).filter((n) => n === 1).length}`,
);
console.log('ktt-export.csv');
console.log(
  `  orders ${kOrders.length}, members ${new Set(kOrders.map((o) => o.k)).size}, activities ${activities.length}, max 跟团号 ${Math.max(...kOrders.map((o) => o.no))}, multi-item ${kOrders.filter((o) => o.items.length > 1).length}`,
);
console.log(
  '  status',
  count(kOrders, (o) => o.status),
);
console.log(`  订单金额 ${yuan(sum(kOrders, (o) => o.amount))}  退款 ${yuan(sum(kOrders, (o) => o.refund))}`);
