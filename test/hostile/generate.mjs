#!/usr/bin/env node
/**
 * Hostile-input corpus for tuan ("Nothing lost, nothing escapes", part 2).
 *
 *   node test/hostile/generate.mjs OUT_DIR [--big]
 *
 * Writes 150+ broken and hostile input files into OUT_DIR plus OUT_DIR/manifest.json. Deterministic:
 * every run writes the same bytes (seeded mulberry32; gzip headers carry mtime 0). Only the
 * file-system cases are set up at run time (a directory, chmod 000, a symlink loop); the FIFO is made
 * by the runner. --big writes the 50 MB versions of the huge-cell files (5 MB by default).
 *
 * Manifest entry: { file, family, description, pass, leader?, expect, records?, names, probeMember?, note? }
 *   pass    orders | leaders | ktt (with `leader`) | special (a file-system case; see `special`)
 *   expect  refuse: exit 3 | import with rejects | import ok | no crash (outcome not fixed)
 *           | no silent loss (every record accepted or rejected, or the file refused)
 *   records data records in the file (the rows an import must account for), where known
 *   names   full names written into name columns: they must never appear in output without --unmask
 *   probeMember  a member ID that `script … --member` is run for (path and template ids)
 */
import { mkdirSync, writeFileSync, rmSync, symlinkSync, chmodSync, openSync, writeSync, closeSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { mulberry32 } from '../../scripts/prng.mjs';

const argv = process.argv.slice(2);
const BIG = argv.includes('--big');
const OUT = argv.find((a) => !a.startsWith('--'));
if (!OUT) {
  process.stderr.write('usage: node test/hostile/generate.mjs OUT_DIR [--big]\n');
  process.exit(2);
}
const _ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
mkdirSync(OUT, { recursive: true });

const MB = 1024 * 1024;
const HUGE = (BIG ? 50 : 5) * MB;
const manifest = [];

// ---------------------------------------------------------------------------------------------
// building blocks

const HEADER = [
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
const C = Object.fromEntries(HEADER.map((h, i) => [h, i]));
const KTT_HEADER = [
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
const LEADERS_HEADER = ['团长ID', '团长姓名', '小区', '区域', '培训师', '加入时间', '师傅', '星级', '角色'];

// Distinctive made-up full names: none of them is a word a template could contain.
const NAMES = [
  '诸葛青云',
  '欧阳雪梅',
  '司徒静怡',
  '慕容秋水',
  '皇甫晓峰',
  '东方玉兰',
  '尉迟明远',
  '公孙婉清',
  '上官飞燕',
  '令狐冲霄',
  '长孙无极',
  '夏侯紫嫣',
  '端木蓉蓉',
  '独孤求真',
  '宇文泰然',
  '南宫映雪',
];
const PRODUCTS = [
  ['散养土鸡蛋 30枚', '生鲜', 3580],
  ['五常大米 10kg', '粮油', 8990],
  ['纯牛奶 250ml*24', '乳品', 6490],
  ['麒麟西瓜 约8斤', '水果', 2990],
  ['抽纸 3层*18包', '日用', 3290],
  ['手工水饺 1kg', '冻品', 2800],
];

let seed = 20261031;
const rng = () => mulberry32(seed++);

function phoneOf(r) {
  let s = '1' + String(3 + Math.floor(r() * 7));
  for (let i = 0; i < 9; i++) s += String(Math.floor(r() * 10));
  return s;
}
const pad = (n, w = 2) => String(n).padStart(w, '0');

/** Valid order lines: `n` rows, members from a small pool, dates from `from` month to October 2026. */
function goodRows(n, o = {}) {
  const r = rng();
  const members = Array.from({ length: o.members ?? 8 }, (_, i) => ({
    id: `H${pad(i + 1, 4)}`,
    name: NAMES[(i + (o.nameShift ?? 0)) % NAMES.length],
    phone: phoneOf(r),
  }));
  const rows = [];
  for (let i = 0; i < n; i++) {
    const m = members[Math.floor(r() * members.length)];
    const [product, category, price] = PRODUCTS[Math.floor(r() * PRODUCTS.length)];
    const month = (o.fromMonth ?? 6) + Math.floor(r() * (11 - (o.fromMonth ?? 6)));
    const day = 1 + Math.floor(r() * 28);
    const date = `2026-${pad(month)}-${pad(day)} ${pad(7 + Math.floor(r() * 14))}:${pad(Math.floor(r() * 60))}:${pad(Math.floor(r() * 60))}`;
    const qty = 1 + Math.floor(r() * 3);
    rows.push([
      `HX${pad(month)}${pad(day)}${pad(i, 5)}`,
      date,
      m.id,
      m.name,
      m.phone,
      o.leader ?? 'L001',
      product,
      category,
      String(qty),
      (price / 100).toFixed(2),
      ((qty * price) / 100).toFixed(2),
      '0.00',
      '已完成',
    ]);
  }
  return rows;
}
const namesIn = (rows, cols = [C.会员昵称]) => [
  ...new Set(rows.flatMap((row) => cols.map((c) => row[c]).filter((v) => NAMES.includes(v)))),
];

function quote(cell, delim) {
  return cell.includes(delim) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
function csv(rows, o = {}) {
  const d = o.delim ?? ',';
  const eol = o.eol ?? '\r\n';
  const lines = rows.map((row) => (o.raw ? row.join(d) : row.map((c) => quote(c, d)).join(d)));
  return lines.join(eol) + (o.final === false ? '' : eol);
}
const utf8Bom = (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]);
const gbk = (s) => iconv.encode(s, 'gbk');

function add(file, family, description, content, meta = {}) {
  const path = join(OUT, file);
  mkdirSync(dirname(path), { recursive: true });
  if (typeof content === 'function') content(path);
  else if (content !== null) writeFileSync(path, content);
  manifest.push({
    file,
    family,
    description,
    pass: meta.pass ?? 'orders',
    ...(meta.leader ? { leader: meta.leader } : {}),
    expect: meta.expect ?? 'no crash',
    ...(meta.records !== undefined ? { records: meta.records } : {}),
    names: meta.names ?? [],
    ...(meta.probeMember ? { probeMember: meta.probeMember } : {}),
    ...(meta.special ? { special: meta.special } : {}),
    ...(meta.note ? { note: meta.note } : {}),
  });
}

/** A good file with some rows changed by `mutate(rows)`: the common shape of the row-level families. */
function mutated(file, family, description, n, mutate, meta = {}) {
  const rows = goodRows(n, meta.rowOpts);
  mutate(rows);
  const body = csv([meta.header ?? HEADER, ...rows], meta.csvOpts);
  add(file, family, description, meta.encode ? meta.encode(body) : utf8Bom(body), {
    records: rows.length,
    names: namesIn(rows),
    ...meta,
  });
}

// gzip: built by hand so that a huge, repetitive body costs little to write (sync-flushed deflate
// pieces can be concatenated into one stream). Header mtime 0: the bytes never change.
const GZ_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]);
function gzipPieces(parts) {
  // parts: [{ buf, times }]
  const out = [GZ_HEADER];
  let crc = 0;
  let size = 0;
  for (const { buf, times = 1 } of parts) {
    const piece = zlib.deflateRawSync(buf, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    for (let i = 0; i < times; i++) {
      out.push(piece);
      crc = zlib.crc32(buf, crc);
      size += buf.length;
    }
  }
  out.push(zlib.deflateRawSync(Buffer.alloc(0), { finishFlush: zlib.constants.Z_FINISH }));
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  out.push(trailer);
  return Buffer.concat(out);
}
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }); // Node writes mtime 0: deterministic

/** Write `head`, then `size` bytes of `fill`, then `tail`, without holding it all in memory. */
function streamed(head, fill, size, tail = '') {
  return (path) => {
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, Buffer.from(head));
      const block = Buffer.alloc(MB, fill);
      for (let left = size; left > 0; left -= MB) writeSync(fd, block, 0, Math.min(MB, left));
      if (tail) writeSync(fd, Buffer.from(tail));
    } finally {
      closeSync(fd);
    }
  };
}

// ---------------------------------------------------------------------------------------------
// empty and header-only

{
  const F = 'empty';
  const head = csv([HEADER]);
  add('empty/zero-bytes.csv', F, 'a 0-byte file', Buffer.alloc(0), { expect: 'refuse: exit 3' });
  add('empty/newline-only.csv', F, 'one LF and nothing else', '\n', { expect: 'refuse: exit 3' });
  add('empty/crlf-lines-only.csv', F, '50 empty CRLF lines', '\r\n'.repeat(50), { expect: 'refuse: exit 3' });
  add('empty/spaces-only.csv', F, 'spaces and tabs on 10 lines', ' \t  \n'.repeat(10), { expect: 'refuse: exit 3' });
  add('empty/header-only.csv', F, 'the 13 headers, CRLF, no data row', utf8Bom(head), { expect: 'refuse: exit 3' });
  add('empty/header-only-no-eol.csv', F, 'the header without a line ending', HEADER.join(','), { expect: 'refuse: exit 3' });
  add('empty/header-then-blank-lines.csv', F, 'the header and 1,000 blank lines', head + '\r\n'.repeat(1000), { expect: 'refuse: exit 3' });
  add('empty/header-then-empty-cells.csv', F, 'the header and 20 rows of only commas', head + (','.repeat(12) + '\r\n').repeat(20), {
    expect: 'refuse: exit 3',
    records: 20,
  });
  add('empty/only-commas.csv', F, 'no header: 5 lines of commas', ',,,,\n'.repeat(5), { expect: 'refuse: exit 3' });
  add('empty/header-only.csv.gz', F, 'gzip of a header-only file', gz(Buffer.from(head)), { expect: 'refuse: exit 3' });
  add('empty/empty-content.csv.gz', F, 'a valid gzip of 0 bytes', gz(Buffer.alloc(0)), { expect: 'refuse: exit 3' });
  add(
    'empty/ktt-titles-only.csv',
    F,
    '快团团 title lines and header, no order',
    gbk('快团团 跟团记录导出,导出时间:2026-11-01 09:12\r\n团长:某某,统计范围:2026-05-01至2026-10-31\r\n' + KTT_HEADER.join(',') + '\r\n'),
    { pass: 'ktt', leader: 'L9', expect: 'refuse: exit 3' },
  );
  add('empty/leaders-header-only.csv', F, 'leaders.csv header and no leader', utf8Bom(csv([LEADERS_HEADER])), {
    pass: 'leaders',
    expect: 'no crash',
  });
}

// ---------------------------------------------------------------------------------------------
// binary and renamed formats

function zipFile(entries) {
  // a minimal stored (uncompressed) ZIP; CRCs are right, times are 0
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBuf = Buffer.from(name);
    const body = Buffer.from(data);
    const crc = zlib.crc32(body) >>> 0;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(body.length, 22);
    lh.writeUInt16LE(nameBuf.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(body.length, 24);
    ch.writeUInt16LE(nameBuf.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, nameBuf, body);
    centrals.push(ch, nameBuf);
    offset += 30 + nameBuf.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

{
  const F = 'binary';
  const r = rng();
  const rand = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));
  const png = Buffer.concat([
    Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
    rand(2000),
    Buffer.from('0000000049454e44ae426082', 'hex'),
  ]);
  const sampleCsv = csv([HEADER, ...goodRows(30)]);
  add('binary/image.png.csv', F, 'a PNG image renamed .csv', png, { expect: 'refuse: exit 3' });
  add('binary/archive.zip.csv', F, 'a ZIP holding a CSV, renamed .csv', zipFile([['orders.csv', sampleCsv]]), { expect: 'refuse: exit 3' });
  add(
    'binary/report.pdf.csv',
    F,
    'a small PDF renamed .csv',
    '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' + rand(1500).toString('latin1') + '\n%%EOF\n',
    { expect: 'refuse: exit 3' },
  );
  const xlsx = zipFile([
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ],
    ['xl/workbook.xml', '<?xml version="1.0"?><workbook><sheets><sheet name="订单" sheetId="1"/></sheets></workbook>'],
    ['xl/sharedStrings.xml', `<?xml version="1.0"?><sst>${HEADER.map((h) => `<si><t>${h}</t></si>`).join('')}</sst>`],
  ]);
  add('binary/export.xlsx-named.csv', F, 'an .xlsx workbook (a ZIP whose shared strings are the real headers) named .csv', xlsx, {
    expect: 'refuse: exit 3',
  });
  const rows = goodRows(40);
  add('binary/export-actually-csv.xls', F, 'a .xls file that is really a UTF-8 CSV', utf8Bom(csv([HEADER, ...rows])), {
    expect: 'import ok',
    records: 40,
    names: namesIn(rows),
  });
  const rows2 = goodRows(40);
  add('binary/plain-named.csv.gz', F, 'a plain CSV named .csv.gz', utf8Bom(csv([HEADER, ...rows2])), {
    expect: 'import ok',
    records: 40,
    names: namesIn(rows2),
  });
  add(
    'binary/sqlite.csv',
    F,
    'an SQLite database header renamed .csv',
    Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080)]),
    { expect: 'refuse: exit 3' },
  );
  add('binary/random-bytes.csv', F, '64 KB of random bytes', rand(64 * 1024), { expect: 'refuse: exit 3' });
  add('binary/nul-bytes.csv', F, '8 KB of NUL bytes', Buffer.alloc(8192), { expect: 'refuse: exit 3' });
  add(
    'binary/elf.csv',
    F,
    'an ELF header and random bytes',
    Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), rand(4000)]),
    { expect: 'refuse: exit 3' },
  );
  add(
    'binary/header-then-binary.csv',
    F,
    'a valid header line, then 32 KB of random bytes',
    Buffer.concat([Buffer.from(csv([HEADER])), rand(32 * 1024)]),
    { expect: 'refuse: exit 3' },
  );
  add(
    'binary/html-page.csv',
    F,
    'an HTML error page saved as .csv',
    '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502</h1><script>alert(1)</script></body></html>\n',
    { expect: 'refuse: exit 3' },
  );
}

// ---------------------------------------------------------------------------------------------
// gzip damage and bombs

{
  const F = 'gzip';
  const rows = goodRows(400);
  const plain = utf8Bom(csv([HEADER, ...rows]));
  const good = gz(plain);
  const names = namesIn(rows);
  add('gzip/valid.csv.gz', F, 'control: a valid gzip of 400 good rows', good, { expect: 'import ok', records: 400, names });
  add('gzip/truncated-half.csv.gz', F, 'the valid gzip cut at half its length', good.subarray(0, good.length >> 1), {
    expect: 'refuse: exit 3',
    names,
  });
  add('gzip/missing-trailer.csv.gz', F, 'the valid gzip without its 8-byte CRC/size trailer', good.subarray(0, good.length - 8), {
    expect: 'refuse: exit 3',
    names,
  });
  const corrupt = Buffer.from(good);
  for (let i = 200; i < 240; i++) corrupt[i] ^= 0x5a;
  add('gzip/corrupt-deflate.csv.gz', F, '40 bytes flipped inside the deflate stream', corrupt, { expect: 'refuse: exit 3', names });
  const badCrc = Buffer.from(good);
  badCrc.writeUInt32LE((badCrc.readUInt32LE(badCrc.length - 8) ^ 0xffffffff) >>> 0, badCrc.length - 8);
  add('gzip/bad-crc.csv.gz', F, 'the right data with a wrong CRC32 in the trailer', badCrc, { expect: 'refuse: exit 3', names });
  const badSize = Buffer.from(good);
  badSize.writeUInt32LE(7, badSize.length - 4);
  add('gzip/bad-isize.csv.gz', F, 'the right data with a wrong ISIZE in the trailer', badSize, { expect: 'refuse: exit 3', names });
  add('gzip/two-bytes.csv.gz', F, 'only the gzip magic 1f 8b', Buffer.from([0x1f, 0x8b]), { expect: 'refuse: exit 3' });
  add('gzip/ten-bytes.csv.gz', F, 'a gzip header (10 bytes) and nothing else', GZ_HEADER, { expect: 'refuse: exit 3' });
  add(
    'gzip/garbage-after.csv.gz',
    F,
    'a valid gzip followed by 1 KB of text garbage',
    Buffer.concat([good, Buffer.from('GARBAGE '.repeat(128))]),
    { expect: 'refuse: exit 3', names },
  );
  const half = Math.floor(rows.length / 2);
  add(
    'gzip/two-members.csv.gz',
    F,
    'two concatenated gzip members (header + 200 rows, 200 rows): valid per RFC 1952',
    Buffer.concat([gz(utf8Bom(csv([HEADER, ...rows.slice(0, half)]))), gz(Buffer.from(csv(rows.slice(half))))]),
    { expect: 'import ok', records: 400, names },
  );
  add('gzip/double-gzip.csv.gz', F, 'a gzip of a gzip of a valid CSV', gz(good), { expect: 'refuse: exit 3', names });
  add('gzip/gzip-of-png.csv.gz', F, 'a valid gzip of binary bytes', gz(Buffer.from('89504e470d0a1a0a'.repeat(400), 'hex')), {
    expect: 'refuse: exit 3',
  });
  add(
    'gzip/wrong-method.csv.gz',
    F,
    'gzip magic with compression method 7',
    Buffer.concat([Buffer.from([0x1f, 0x8b, 0x07, 0, 0, 0, 0, 0, 0, 3]), good.subarray(10)]),
    { expect: 'refuse: exit 3', names },
  );
  // bombs
  const head = Buffer.from(csv([HEADER]));
  add(
    'gzip/bomb-300mb-newlines.csv.gz',
    F,
    'header + 300 MB of LF newlines (~300 KB on disk)',
    gzipPieces([{ buf: head }, { buf: Buffer.alloc(MB, 0x0a), times: 300 }]),
    { expect: 'refuse: exit 3' },
  );
  const row = goodRows(1)[0];
  const cellStart = Buffer.from(csv([HEADER]) + row.slice(0, 6).join(',') + ',');
  add(
    'gzip/bomb-200mb-cell.csv.gz',
    F,
    'one row whose 商品名称 cell is 200 MB of "A" (~200 KB on disk)',
    gzipPieces([
      { buf: cellStart },
      { buf: Buffer.alloc(MB, 0x41), times: 200 },
      { buf: Buffer.from(',' + row.slice(7).join(',') + '\r\n') },
    ]),
    {
      expect: 'no silent loss',
      records: 1,
      names: [row[3]],
      note: 'one record: accepted or rejected (or the file refused), within memory and time',
    },
  );
  add(
    'gzip/bomb-100mb-quote.csv.gz',
    F,
    'header, one row, then an opening quote and 100 MB without a closing quote',
    gzipPieces([{ buf: Buffer.from(csv([HEADER, row]) + '"') }, { buf: Buffer.alloc(MB, 0x42), times: 100 }]),
    { expect: 'no silent loss', names: [row[3]] },
  );
}

// ---------------------------------------------------------------------------------------------
// encodings and invalid bytes

{
  const F = 'encoding';
  const rows = goodRows(60);
  const names = namesIn(rows);
  const lines = csv([HEADER, ...rows])
    .split('\r\n')
    .filter(Boolean);
  // every third data line in GBK, the rest UTF-8
  add(
    'encoding/mixed-utf8-gbk-lines.csv',
    F,
    'UTF-8 file where every third data line is GBK',
    Buffer.concat(lines.map((l, i) => Buffer.concat([i > 0 && i % 3 === 0 ? gbk(l) : Buffer.from(l), Buffer.from('\r\n')]))),
    { expect: 'no silent loss', records: 60, names },
  );
  add(
    'encoding/utf8-one-gbk-line.csv',
    F,
    'UTF-8 file with one GBK line (line 20)',
    Buffer.concat(lines.map((l, i) => Buffer.concat([i === 19 ? gbk(l) : Buffer.from(l), Buffer.from('\r\n')]))),
    { expect: 'import with rejects', records: 60, names },
  );
  add(
    'encoding/gbk-one-utf8-line.csv',
    F,
    'GBK file with one UTF-8 line (line 20)',
    Buffer.concat(lines.map((l, i) => Buffer.concat([i === 19 ? Buffer.from(l) : gbk(l), Buffer.from('\r\n')]))),
    { expect: 'no silent loss', records: 60, names },
  );
  const u16 = (s, le = true) => {
    const b = Buffer.from(s, 'utf16le');
    if (!le) b.swap16();
    return b;
  };
  const body = csv([HEADER, ...rows]);
  add('encoding/utf16le-valid.csv', F, 'control: UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), u16(body)]), {
    expect: 'import ok',
    records: 60,
    names,
  });
  const lone = body.replace(rows[10][6], rows[10][6] + '\ud800'); // a lone high surrogate inside a cell
  add(
    'encoding/utf16le-lone-surrogate.csv',
    F,
    'UTF-16 LE with a lone high surrogate (D800) in one cell',
    Buffer.concat([Buffer.from([0xff, 0xfe]), u16(lone)]),
    { expect: 'no silent loss', records: 60, names },
  );
  const lone2 = body.replace(rows[10][6], '\udc00' + rows[10][6]);
  add(
    'encoding/utf16be-lone-low-surrogate.csv',
    F,
    'UTF-16 BE with a lone low surrogate (DC00) in one cell',
    Buffer.concat([Buffer.from([0xfe, 0xff]), u16(lone2, false)]),
    { expect: 'no silent loss', records: 60, names },
  );
  add(
    'encoding/utf16le-odd-length.csv',
    F,
    'UTF-16 LE with one stray byte at the end',
    Buffer.concat([Buffer.from([0xff, 0xfe]), u16(body), Buffer.from([0x41])]),
    { expect: 'no silent loss', records: 60, names },
  );
  add('encoding/utf16le-no-bom.csv', F, 'UTF-16 LE without a BOM', u16(body), { expect: 'no crash', names });
  add('encoding/bom-only-utf8.csv', F, 'a UTF-8 BOM and nothing else', Buffer.from([0xef, 0xbb, 0xbf]), { expect: 'refuse: exit 3' });
  add('encoding/bom-only-utf16.csv', F, 'a UTF-16 LE BOM and nothing else', Buffer.from([0xff, 0xfe]), { expect: 'refuse: exit 3' });
  add('encoding/double-bom.csv', F, 'two UTF-8 BOMs before the header', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8Bom(body)]), {
    expect: 'import ok',
    records: 60,
    names,
  });
  add(
    'encoding/utf8-bom-gbk-body.csv',
    F,
    'a UTF-8 BOM followed by a GBK body',
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), gbk(body)]),
    { expect: 'no silent loss', records: 60, names },
  );
  const overlong = Buffer.from(body)
    .toString('latin1')
    .replace(rows[5][0], rows[5][0] + '\xc0\xaf');
  add('encoding/utf8-overlong.csv', F, 'an overlong UTF-8 sequence (C0 AF) in one order id', Buffer.from(overlong, 'latin1'), {
    expect: 'import with rejects',
    records: 60,
    names,
  });
  const cesu = Buffer.concat([
    Buffer.from(csv([HEADER, ...rows.slice(0, 30)])),
    Buffer.from(rows[30].slice(0, 6).join(',') + ','),
    Buffer.from([0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]),
    Buffer.from(',' + rows[30].slice(7).join(',') + '\r\n'),
    Buffer.from(csv(rows.slice(31))),
  ]);
  add('encoding/utf8-encoded-surrogates.csv', F, 'CESU-8 style encoded surrogates (ED A0 BD ED B8 80) in a product cell', cesu, {
    expect: 'import with rejects',
    records: 60,
    names,
  });
  add(
    'encoding/gb18030-four-byte.csv',
    F,
    'GB18030 with 4-byte characters (emoji, 𠮷) in product names',
    iconv.encode(body.replace(/散养土鸡蛋/g, '🥚𠮷土鸡蛋'), 'gb18030'),
    { expect: 'import ok', records: 60, names },
  );
  add('encoding/big5.csv', F, 'a Big5 (traditional Chinese) file', iconv.encode(body.replace(/订单号/, '訂單號'), 'big5'), {
    expect: 'no crash',
    names,
  });
  add(
    'encoding/shift-jis.csv',
    F,
    'a Shift_JIS file with Japanese product names',
    iconv.encode(
      csv([
        HEADER,
        ...rows.slice(0, 20).map((r) => {
          const c = [...r];
          c[6] = 'おにぎり 梅';
          return c;
        }),
      ]),
      'shift_jis',
    ),
    { expect: 'no crash', names },
  );
  add(
    'encoding/latin1-accents.csv',
    F,
    'Latin-1 bytes (é, ü) in a UTF-8 file without BOM',
    Buffer.from(
      csv([
        HEADER,
        ...rows.slice(0, 40).map((r) => {
          const c = [...r];
          c[3] = 'Zoë Müller';
          return c;
        }),
      ]),
      'latin1',
    ),
    { expect: 'no crash', names: ['Zoë Müller'] },
  );
  add(
    'encoding/header-invalid-bytes.csv',
    F,
    'an invalid byte (FF) inside the header line',
    Buffer.concat([
      Buffer.from('订单号,下单时间'),
      Buffer.from([0xff]),
      Buffer.from(',会员ID,会员昵称,手机号,团长ID,商品名称,商品分类,数量,单价,实付金额,退款金额,订单状态\r\n' + csv(rows)),
    ]),
    { expect: 'no crash', names },
  );
  add(
    'encoding/nul-inside-cells.csv',
    F,
    'NUL bytes inside product and member cells',
    utf8Bom(
      csv([
        HEADER,
        ...rows.map((r, i) => {
          const c = [...r];
          if (i % 10 === 0) {
            c[6] = c[6] + '\0\0';
          }
          return c;
        }),
      ]),
    ),
    { expect: 'no crash', records: 60, names },
  );
}

// ---------------------------------------------------------------------------------------------
// huge cells and lines (5 MB by default, 50 MB with --big)

{
  const F = 'huge';
  const row = goodRows(3);
  const names = namesIn(row);
  const before = csv([HEADER, row[0]]) + row[1].slice(0, 6).join(',') + ',';
  const after = ',' + row[1].slice(7).join(',');
  const tag = BIG ? '50mb' : '5mb';
  add(
    `huge/cell-${tag}.csv`,
    F,
    `a ${BIG ? 50 : 5} MB 商品名称 cell, then a row, with a trailing newline`,
    streamed(before, 0x41, HUGE, after + '\r\n' + csv([row[2]])),
    { expect: 'no silent loss', records: 3, names },
  );
  add(
    `huge/cell-${tag}-no-eol.csv`,
    F,
    `a ${BIG ? 50 : 5} MB cell in the last row, no newline at the end of the file`,
    streamed(before, 0x41, HUGE, after),
    { expect: 'no silent loss', records: 2, names },
  );
  add(
    `huge/unclosed-quote-${tag}.csv`,
    F,
    `an opening quote on row 2 and ${BIG ? 50 : 5} MB to the end of the file without a closing quote`,
    streamed(csv([HEADER, row[0]]) + row[1].slice(0, 6).join(',') + ',"', 0x43, HUGE, '\r\n' + csv([row[2]])),
    { expect: 'no silent loss', records: 3, names },
  );
  add(
    `huge/line-${tag}-of-commas.csv`,
    F,
    `one data line of ${BIG ? 50 : 5} MB of commas`,
    streamed(csv([HEADER, row[0]]), 0x2c, HUGE, '\r\n'),
    { expect: 'no silent loss', records: 2, names },
  );
  add(
    'huge/header-1mb.csv',
    F,
    'a header line of 1 MB (13 headers and 100,000 extra columns)',
    csv([[...HEADER, ...Array.from({ length: 100000 }, (_, i) => `x${i}`)], ...row]),
    { expect: 'no crash', names },
  );
  add(
    'huge/cells-many-newlines.csv',
    F,
    // #12: a quoted cell that swallows line breaks far beyond any real cell is a stray quote; with 2 of 3 rows
    // rejected the file is refused, and it says why
    'a quoted cell holding 100,000 LF newlines (beyond any real cell: a stray quote, so refused)',
    utf8Bom(csv([HEADER, row[0], [...row[1].slice(0, 6), '多行' + '\n'.repeat(100000), ...row[1].slice(7)], row[2]])),
    { expect: 'refuse: exit 3', records: 3, names },
  );
}

// ---------------------------------------------------------------------------------------------
// CSV syntax

{
  const F = 'csv';
  {
    // a stray quote at the start of a cell on file line 3 and another on line 2,500: PapaParse reads
    // lines 3–2,500 as one record; nothing says 2,497 rows were swallowed.
    const rows = goodRows(5000);
    rows[1][C.商品名称] = '"老干妈 280g';
    rows[2498][C.商品名称] = '手撕面包 1kg"';
    add(
      'csv/stray-quote-line3-of-5000.csv',
      F,
      'a stray opening quote in a cell on line 3 and a stray closing quote on line 2,500 of a 5,000-row export',
      utf8Bom(csv([HEADER, ...rows], { raw: true })),
      { expect: 'no silent loss', records: 5000, names: namesIn(rows) },
    );
    const rows2 = goodRows(5000);
    rows2[1][C.商品名称] = '"老干妈 280g';
    add(
      'csv/stray-quote-never-closed.csv',
      F,
      'a stray opening quote on line 3 and no other quote in 5,000 rows',
      utf8Bom(csv([HEADER, ...rows2], { raw: true })),
      { expect: 'no silent loss', records: 5000, names: namesIn(rows2) },
    );
    const rows3 = goodRows(200);
    rows3[50][C.商品名称] = '老干妈"风味"豆豉';
    add(
      'csv/quote-mid-cell.csv',
      F,
      'an unescaped quote in the middle of an unquoted cell',
      utf8Bom(csv([HEADER, ...rows3], { raw: true })),
      { expect: 'no silent loss', records: 200, names: namesIn(rows3) },
    );
  }
  mutated(
    'csv/embedded-newlines.csv',
    F,
    'quoted cells with LF and CRLF inside (product, name)',
    100,
    (rows) => {
      rows[10][C.商品名称] = '手撕面包\n1kg,整箱装';
      rows[20][C.商品名称] = '"老干妈"\r\n风味豆豉';
      rows[30][C.会员昵称] = rows[30][C.会员昵称] + '\n(备注)';
    },
    { expect: 'import ok' },
  );
  mutated('csv/crlf-header-lf-rows.csv', F, 'a CRLF after the header, LF between the rows', 100, () => {}, {
    expect: 'import ok',
    encode: (s) => {
      const i = s.indexOf('\r\n');
      return utf8Bom(s.slice(0, i + 2) + s.slice(i + 2).replace(/\r\n/g, '\n'));
    },
  });
  mutated('csv/lf-header-crlf-rows.csv', F, 'an LF after the header, CRLF between the rows', 100, () => {}, {
    expect: 'import ok',
    encode: (s) => utf8Bom(s.replace('\r\n', '\n')),
  });
  mutated('csv/cr-only.csv', F, 'classic Mac CR-only line endings', 100, () => {}, { expect: 'import ok', csvOpts: { eol: '\r' } });
  mutated('csv/mixed-line-endings.csv', F, 'CRLF, LF and CR line endings mixed row by row', 99, () => {}, {
    expect: 'no silent loss',
    encode: (s) => {
      let i = 0;
      return utf8Bom(s.replace(/\r\n/g, () => ['\r\n', '\n', '\r'][i++ % 3]));
    },
  });
  mutated('csv/mixed-delimiters.csv', F, 'comma header, every 25th row separated by semicolons (4% of the rows)', 100, () => {}, {
    expect: 'import with rejects',
    encode: (s) =>
      utf8Bom(
        s
          .split('\r\n')
          .map((l, i) => (i > 0 && i % 25 === 0 ? l.replace(/,/g, ';') : l))
          .join('\r\n'),
      ),
  });
  mutated('csv/tab-delimited.csv', F, 'control: tab-separated values', 100, () => {}, { expect: 'import ok', csvOpts: { delim: '\t' } });
  mutated(
    'csv/semicolon-decimal-comma.csv',
    F,
    'semicolon separated with decimal commas (12,50)',
    100,
    (rows) => {
      for (const r of rows) for (const c of [C.单价, C.实付金额, C.退款金额]) r[c] = r[c].replace('.', ',');
    },
    { expect: 'no crash', csvOpts: { delim: ';' } },
  );
  mutated('csv/trailing-delimiter-every-line.csv', F, 'a trailing comma on every line, header included', 100, () => {}, {
    expect: 'import ok',
    encode: (s) => utf8Bom(s.replace(/\r\n/g, ',\r\n')),
  });
  mutated('csv/trailing-delimiter-rows-only.csv', F, 'a trailing comma on every data row, not on the header', 100, () => {}, {
    expect: 'import ok',
    encode: (s) => {
      const i = s.indexOf('\r\n');
      return utf8Bom(s.slice(0, i + 2) + s.slice(i + 2).replace(/\r\n/g, ',\r\n'));
    },
  });
  mutated(
    'csv/short-and-long-rows.csv',
    F,
    'rows with 3 cells and rows with 20 cells among good rows',
    100,
    (rows) => {
      rows[5] = rows[5].slice(0, 3);
      rows[15] = [...rows[15], ...Array(7).fill('extra')];
    },
    { expect: 'import with rejects' },
  );
  mutated('csv/blank-lines-between.csv', F, 'a blank line after every row', 100, () => {}, {
    expect: 'import ok',
    encode: (s) => utf8Bom(s.replace(/\r\n/g, '\r\n\r\n')),
  });
  mutated('csv/all-quoted.csv', F, 'every cell quoted, header included', 100, () => {}, {
    expect: 'import ok',
    encode: (s) =>
      utf8Bom(
        s
          .split('\r\n')
          .map((l) =>
            l
              ? l
                  .split(',')
                  .map((c) => `"${c}"`)
                  .join(',')
              : l,
          )
          .join('\r\n'),
      ),
  });
  mutated('csv/spaces-around-quotes.csv', F, 'spaces before and after quoted cells: ` "x" `', 100, () => {}, {
    expect: 'no silent loss',
    encode: (s) =>
      utf8Bom(
        s
          .split('\r\n')
          .map((l, i) =>
            i > 0 && l
              ? l
                  .split(',')
                  .map((c) => ` "${c}" `)
                  .join(',')
              : l,
          )
          .join('\r\n'),
      ),
  });
  mutated('csv/comment-lines.csv', F, '4 lines starting with # among the rows (records: 100 rows + 4 comment lines)', 100, () => {}, {
    expect: 'import with rejects',
    records: 104,
    encode: (s) =>
      utf8Bom(
        s
          .split('\r\n')
          .map((l, i) => (i > 0 && i % 25 === 0 ? '# exported by tool v2\r\n' + l : l))
          .join('\r\n'),
      ),
  });
  mutated(
    'csv/form-feed-and-vt.csv',
    F,
    'form feed and vertical tab characters in cells',
    100,
    (rows) => {
      rows[3][C.商品名称] += '\f';
      rows[4][C.会员昵称] += '\v';
    },
    { expect: 'no crash' },
  );
  mutated(
    'csv/escaped-quote-backslash.csv',
    F,
    'backslash-escaped quotes (\\") instead of doubled quotes',
    100,
    (rows) => {
      rows[7][C.商品名称] = '"老干妈\\"风味\\"豆豉"';
    },
    { expect: 'no silent loss', csvOpts: { raw: true } },
  );
  mutated('csv/pipe-delimited.csv', F, 'pipe | separated (not a supported delimiter)', 100, () => {}, {
    expect: 'refuse: exit 3',
    csvOpts: { delim: '|' },
  });
  mutated(
    'csv/10000-empty-fields.csv',
    F,
    'a row with 10,000 trailing empty fields',
    100,
    (rows) => {
      rows[2] = [...rows[2], ...Array(10000).fill('')];
    },
    { expect: 'no silent loss' },
  );
}

// ---------------------------------------------------------------------------------------------
// headers

{
  const F = 'headers';
  const drop = (h) => (rows) => {
    const i = HEADER.indexOf(h);
    for (const r of rows) r.splice(i, 1);
  };
  const without = (h) => HEADER.filter((x) => x !== h);
  mutated('headers/missing-order-time.csv', F, 'no 下单时间 column', 50, drop('下单时间'), {
    expect: 'refuse: exit 3',
    header: without('下单时间'),
  });
  mutated('headers/missing-member.csv', F, 'no 会员ID column and no buyer column', 50, drop('会员ID'), {
    expect: 'refuse: exit 3',
    header: without('会员ID'),
  });
  mutated(
    'headers/missing-amounts.csv',
    F,
    'no 实付金额 and no 单价 column',
    50,
    (rows) => {
      for (const r of rows) {
        r.splice(10, 1);
        r.splice(9, 1);
      }
    },
    { expect: 'refuse: exit 3', header: HEADER.filter((h) => h !== '实付金额' && h !== '单价') },
  );
  mutated('headers/missing-order-id.csv', F, 'no 订单号 column: transactions layout', 50, drop('订单号'), {
    expect: 'import ok',
    header: without('订单号'),
  });
  mutated(
    'headers/duplicated-amount.csv',
    F,
    'two 实付金额 columns with different values',
    50,
    (rows) => {
      for (const r of rows) r.push('0.01');
    },
    { expect: 'refuse: exit 3', header: [...HEADER, '实付金额'] },
  );
  mutated(
    'headers/duplicated-all.csv',
    F,
    'every header twice (26 columns)',
    50,
    (rows) => {
      for (const r of rows) r.push(...r);
    },
    { expect: 'refuse: exit 3', header: [...HEADER, ...HEADER] },
  );
  mutated(
    'headers/duplicated-member-id.csv',
    F,
    'two 会员ID columns, the second one empty',
    50,
    (rows) => {
      for (const r of rows) r.push('');
    },
    { expect: 'refuse: exit 3', header: [...HEADER, '会员ID'] },
  );
  mutated('headers/english.csv', F, 'English headers (order_id, created_at, customer_id, …)', 50, () => {}, {
    expect: 'import ok',
    header: [
      'order_id',
      'created_at',
      'customer_id',
      'customer_name',
      'phone',
      'leader_id',
      'product',
      'category',
      'quantity',
      'unit_price',
      'amount',
      'refund',
      'status',
    ],
  });
  mutated('headers/english-upper-spaces.csv', F, 'English headers in capitals with spaces (ORDER NO, Order Time, …)', 50, () => {}, {
    expect: 'no crash',
    header: [
      'ORDER NO',
      'Order Time',
      'Customer ID',
      'Name',
      'Mobile',
      'Leader',
      'Product Name',
      'Category',
      'QTY',
      'Price',
      'Amount',
      'Refund',
      'Status',
    ],
  });
  mutated(
    'headers/extra-columns.csv',
    F,
    '6 extra columns (备注, 地址, 身份证号, …) with personal data',
    50,
    (rows) => {
      for (const r of rows) r.push('放门口', '翠湖小区9栋1802', '110101199003071234', 'x', 'y', 'z');
    },
    { expect: 'import ok', header: [...HEADER, '备注', '收货地址', '身份证号', '自定义1', '自定义2', '自定义3'] },
  );
  mutated(
    'headers/header-repeated-mid-file.csv',
    F,
    'the header row again on data line 50 (two exports pasted together)',
    100,
    (rows) => {
      rows.splice(49, 0, [...HEADER]);
    },
    { expect: 'import with rejects' },
  );
  add('headers/only-header-rows.csv', F, 'the header row 200 times and nothing else', utf8Bom(csv(Array(200).fill(HEADER))), {
    expect: 'refuse: exit 3',
    records: 199,
  });
  mutated('headers/after-31-title-rows.csv', F, 'the header on line 32, under 31 title lines', 50, () => {}, {
    expect: 'refuse: exit 3',
    encode: (s) => utf8Bom('导出报表\r\n'.repeat(31) + s),
  });
  mutated('headers/fullwidth-headers.csv', F, 'full-width header spellings (会员ＩＤ, 团长ＩＤ)', 50, () => {}, {
    expect: 'import ok',
    header: HEADER.map((h) => h.replace('ID', 'ＩＤ')),
  });
  mutated('headers/units-in-headers.csv', F, 'headers with units: 实付金额(元), 单价（元）, 数量(件)', 50, () => {}, {
    expect: 'import ok',
    header: HEADER.map((h) => (h === '实付金额' ? '实付金额(元)' : h === '单价' ? '单价（元）' : h === '数量' ? '数量(件)' : h)),
  });
  mutated('headers/unknown-headers.csv', F, 'headers that match nothing (A, B, C …)', 50, () => {}, {
    expect: 'refuse: exit 3',
    header: HEADER.map((_, i) => String.fromCharCode(65 + i)),
  });
  mutated(
    'headers/empty-header-names.csv',
    F,
    'a header row with empty names between the known ones',
    50,
    (rows) => {
      for (const r of rows) r.splice(3, 0, 'x', 'y');
    },
    { expect: 'import ok', header: [...HEADER.slice(0, 3), '', '', ...HEADER.slice(3)] },
  );
  mutated(
    'headers/prototype-header-names.csv',
    F,
    'extra headers named __proto__, constructor, toString',
    50,
    (rows) => {
      for (const r of rows) r.push('a', 'b', 'c');
    },
    { expect: 'import ok', header: [...HEADER, '__proto__', 'constructor', 'toString'] },
  );
  mutated('headers/header-with-bom-mid-row.csv', F, 'a BOM (U+FEFF) before 会员ID inside the header row', 50, () => {}, {
    expect: 'import ok',
    header: HEADER.map((h) => (h === '会员ID' ? '\ufeff会员ID' : h)),
  });
}

// ---------------------------------------------------------------------------------------------
// dates

{
  const F = 'dates';
  const at = C.下单时间;
  const set = (vals) => (rows) => {
    vals.forEach((v, i) => {
      rows[3 + i * 7][at] = v;
    });
  };
  mutated(
    'dates/excel-serials.csv',
    F,
    'Excel serial dates (46296, 46296.5) on 3 of 100 rows',
    100,
    set(['46296', '46296.5', '46000.041666']),
    { expect: 'import with rejects' },
  );
  mutated(
    'dates/impossible.csv',
    F,
    'impossible dates: 2026-02-30, 2026-13-01, 2026-10-32, 2025-02-29',
    100,
    set(['2026-02-30 10:00:00', '2026-13-01 10:00:00', '2026-10-32 10:00:00', '2025-02-29 08:00:00']),
    { expect: 'import with rejects' },
  );
  mutated(
    'dates/impossible-times.csv',
    F,
    'times 24:00:00, 23:60:00, 10:00:60, 99:99',
    100,
    set(['2026-10-01 24:00:00', '2026-10-01 23:60:00', '2026-10-01 10:00:60', '2026-10-01 99:99']),
    { expect: 'import with rejects' },
  );
  mutated(
    'dates/time-zones.csv',
    F,
    'ISO 8601 with zones: Z, +08:00, -05:00, +14:00, +0530',
    100,
    set([
      '2026-10-01T23:30:00Z',
      '2026-10-01T08:00:00+08:00',
      '2026-10-01T20:00:00-05:00',
      '2026-10-01T00:00:00+14:00',
      '2026-10-01T10:00:00+0530',
    ]),
    { expect: 'import ok' },
  );
  mutated(
    'dates/bad-zones.csv',
    F,
    'impossible zone offsets: +25:00, -99:99, +08:00:00, UTC+8',
    100,
    set(['2026-10-01T10:00:00+25:00', '2026-10-01T10:00:00-99:99', '2026-10-01T10:00:00+08:00:00', '2026-10-01 10:00:00 UTC+8']),
    { expect: 'import with rejects' },
  );
  mutated('dates/year-0001.csv', F, 'orders in year 0001', 100, set(['0001-01-01 00:00:00', '0001-12-31 23:59:59']), {
    expect: 'no crash',
  });
  mutated('dates/year-9999.csv', F, 'orders in year 9999 (after --as-of)', 100, set(['9999-12-31 23:59:59', '9999-01-01 00:00:00']), {
    expect: 'no crash',
  });
  mutated(
    'dates/year-0000-and-5-digit.csv',
    F,
    'year 0000, year 10000 and a negative year',
    100,
    set(['0000-01-01 10:00:00', '10000-01-01 10:00:00', '-0001-01-01 10:00:00']),
    { expect: 'import with rejects' },
  );
  mutated(
    'dates/ambiguous-dm.csv',
    F,
    'ambiguous day/month: 03/04/2026, 4.5.2026, 10-11-26',
    100,
    set(['03/04/2026 10:00', '4.5.2026 10:00', '10-11-26 10:00']),
    { expect: 'import with rejects' },
  );
  mutated(
    'dates/all-ambiguous.csv',
    F,
    'every date written d/m/yyyy',
    60,
    (rows) => {
      for (const r of rows) r[at] = `${Number(r[at].slice(8, 10))}/${Number(r[at].slice(5, 7))}/2026 ${r[at].slice(11, 16)}`;
    },
    { expect: 'refuse: exit 3' },
  );
  mutated(
    'dates/unix-and-ms.csv',
    F,
    'Unix seconds, Unix milliseconds and ISO with milliseconds',
    100,
    set(['1790000000', '1790000000000', '2026-10-01T10:00:00.123Z']),
    { expect: 'no crash' },
  );
  mutated(
    'dates/chinese-and-slashes.csv',
    F,
    '2026年10月1日, 2026/10/1 8:05, 20261001 (valid spellings)',
    100,
    set(['2026年10月1日 10:00', '2026/10/1 8:05', '20261001']),
    { expect: 'import ok' },
  );
  mutated(
    'dates/after-as-of.csv',
    F,
    'orders dated after --as-of (2026-11-05, 2027-03-01)',
    100,
    set(['2026-11-05 10:00:00', '2027-03-01 10:00:00']),
    { expect: 'no crash' },
  );
  mutated(
    'dates/fullwidth-digits.csv',
    F,
    'dates in full-width digits (２０２６－１０－０１)',
    100,
    set(['２０２６－１０－０１ １０：００：００']),
    { expect: 'no crash' },
  );
  mutated(
    'dates/empty-and-words.csv',
    F,
    'empty date, "today", "N/A", "0000-00-00 00:00:00"',
    100,
    set(['', 'today', 'N/A', '0000-00-00 00:00:00']),
    { expect: 'import with rejects' },
  );
}

// ---------------------------------------------------------------------------------------------
// amounts

{
  const F = 'amounts';
  const amt = C.实付金额;
  const setAmt =
    (vals, col = amt) =>
    (rows) => {
      vals.forEach((v, i) => {
        rows[2 + i * 5][col] = v;
      });
    };
  mutated(
    'amounts/locale-decimal-comma.csv',
    F,
    'European amounts 1.234,50 and 12,50 (quoted)',
    100,
    setAmt(['1.234,50', '12,50', '1 234,50']),
    { expect: 'import with rejects' },
  );
  mutated(
    'amounts/signs.csv',
    F,
    'explicit signs: +12.00, -12.00, --5, +-3, (12.00)',
    100,
    setAmt(['+12.00', '-12.00', '--5', '+-3', '(12.00)']),
    { expect: 'no crash' },
  );
  mutated(
    'amounts/currency-symbols.csv',
    F,
    'currency marks: ¥12.00, ￥12.00, 12.00元, RMB 12, $12.00, 12.00 CNY',
    100,
    setAmt(['¥12.00', '￥12.00', '12.00元', 'RMB 12', '$12.00', '12.00 CNY']),
    { expect: 'no crash' },
  );
  mutated(
    'amounts/nan-infinity.csv',
    F,
    'NaN, Infinity, -Infinity, inf, null, undefined on 6 of 200 rows',
    200,
    setAmt(['NaN', 'Infinity', '-Infinity', 'inf', 'null', 'undefined']),
    { expect: 'import with rejects' },
  );
  mutated(
    'amounts/huge.csv',
    F,
    '90071992547409.91 (2^53 fen + 1), 99999999999999999999, 1e308',
    100,
    setAmt(['90071992547409.91', '99999999999999999999', '1e308']),
    { expect: 'import with rejects' },
  );
  mutated(
    'amounts/huge-but-safe.csv',
    F,
    '90071992547409.90 (2^53 − 2 fen): safe alone, overflows when summed',
    100,
    setAmt(['90071992547409.90', '90071992547409.90', '90071992547409.90']),
    { expect: 'no crash' },
  );
  mutated('amounts/exponent.csv', F, 'exponent notation: 1e3, 1.5E2, 1e-2', 100, setAmt(['1e3', '1.5E2', '1e-2']), { expect: 'no crash' });
  mutated('amounts/tiny-and-zero.csv', F, '0.001, 0.005, -0, -0.00, 0', 100, setAmt(['0.001', '0.005', '-0', '-0.00', '0']), {
    expect: 'no crash',
  });
  mutated('amounts/fullwidth-digits.csv', F, 'full-width digits １２.５０ and ¥１２', 100, setAmt(['１２.５０', '¥１２']), {
    expect: 'no crash',
  });
  mutated(
    'amounts/hex-and-words.csv',
    F,
    '0x10, 12abc, 十二元, a space inside "1 2.50"',
    100,
    setAmt(['0x10', '12abc', '十二元', '1 2.50']),
    { expect: 'import with rejects' },
  );
  mutated(
    'amounts/refund-hostile.csv',
    F,
    'refunds: NaN, -5, more than the amount, 1e308, ¥-0',
    100,
    setAmt(['NaN', '-5', '99999.00', '1e308', '¥-0'], C.退款金额),
    { expect: 'import with rejects' },
  );
  mutated(
    'amounts/unit-price-hostile.csv',
    F,
    'unit prices: 0.0001, 1e308, NaN, -3 (no amount column)',
    100,
    (rows) => {
      setAmt(['0.00001', '1e308', 'NaN', '-3'], C.单价)(rows);
      for (const r of rows) r.splice(amt, 1);
    },
    { expect: 'no crash', header: HEADER.filter((h) => h !== '实付金额') },
  );
  mutated(
    'amounts/all-negative.csv',
    F,
    'every amount negative (a returns-only export)',
    60,
    (rows) => {
      for (const r of rows) r[amt] = '-' + r[amt];
    },
    { expect: 'no crash' },
  );
  mutated(
    'amounts/all-huge.csv',
    F,
    'every amount 90071992547409.90: totals overflow 2^53',
    40,
    (rows) => {
      for (const r of rows) r[amt] = '90071992547409.90';
    },
    { expect: 'no crash' },
  );
}

// ---------------------------------------------------------------------------------------------
// quantities

{
  const F = 'quantities';
  const q = C.数量;
  const setQ = (vals) => (rows) => {
    vals.forEach((v, i) => {
      rows[2 + i * 5][q] = v;
    });
  };
  mutated('quantities/zero.csv', F, 'quantity 0 with an amount', 100, setQ(['0', '0', '0.000']), { expect: 'no crash' });
  mutated('quantities/negative.csv', F, 'negative quantities (-1, -999) with positive amounts', 100, setQ(['-1', '-999']), {
    expect: 'no crash',
  });
  mutated(
    'quantities/fractional.csv',
    F,
    '0.5, 1.25, 0.333, 0.0001 (more than 3 decimals)',
    100,
    setQ(['0.5', '1.25', '0.333', '0.0001']),
    { expect: 'import with rejects' },
  );
  mutated('quantities/huge.csv', F, '1e15, 9007199254740993, 99999999999', 100, setQ(['1e15', '9007199254740993', '99999999999']), {
    expect: 'no crash',
  });
  mutated('quantities/words.csv', F, 'quantities: 两, NaN, 1件, x2, empty', 100, setQ(['两', 'NaN', '1件', 'x2', '']), {
    expect: 'import with rejects',
  });
  mutated(
    'quantities/all-zero.csv',
    F,
    'every quantity 0',
    60,
    (rows) => {
      for (const r of rows) r[q] = '0';
    },
    { expect: 'no crash' },
  );
}

// ---------------------------------------------------------------------------------------------
// ids: member IDs (and leader IDs and status words) that are paths, formulas, templates, markup,
// prototype keys, control characters, device names or phone numbers

function idFile(file, description, ids, o = {}) {
  const rows = goodRows(o.n ?? 60, { fromMonth: 10 });
  const col = o.col ?? C.会员ID;
  const per = o.per ?? 3;
  ids.forEach((id, k) => {
    for (let j = 0; j < per; j++) rows[k * per + j][col] = id; // 3 orders each, in October: 引入期/成长期
  });
  add(file, 'ids', description, utf8Bom(csv([HEADER, ...rows])), {
    expect: o.expect ?? 'no crash',
    records: rows.length,
    names: namesIn(rows),
    probeMember: o.probe === false ? undefined : (o.probe ?? (col === C.会员ID ? ids[0] : undefined)),
    leader: o.leader,
    note: o.note,
  });
}
// biome-ignore lint/complexity/noUselessLoneBlockStatements: one block per family, like the others
{
  idFile('ids/path-traversal-a.csv', 'member id x/../../../PWNED_A (script --out DIR writes DIR/<scene>-<id>.txt)', [
    'x/../../../PWNED_A',
    'x/../../PWNED_A2',
    'x/../PWNED_A3',
  ]);
  idFile('ids/path-traversal-b.csv', 'member id ..\\..\\PWNED_B (Windows separators) and a/b', ['..\\..\\PWNED_B', 'a/b', '..']);
  idFile('ids/path-absolute.csv', 'member id /tmp/PWNED_C and ./PWNED_D', ['/tmp/PWNED_C', './PWNED_D', '~/PWNED_E']);
  idFile('ids/formula-ascii.csv', "member ids =1+1, +cmd, -2, @SUM(A1), =HYPERLINK(), -2+3+cmd|' /C calc'!A0", [
    '=1+1',
    "+cmd|' /C calc'!A0",
    '-2',
    '@SUM(A1:A9)',
    '=HYPERLINK("http://x.invalid","click")',
    "-2+3+cmd|' /C calc'!A0",
    '\t=1+1',
    '\r=1+1',
  ]);
  idFile('ids/formula-fullwidth.csv', 'member ids with full-width ＝ ＋ － ＠ formula starts', ['＝1+1', '＋cmd', '－2', '＠SUM(A1)']);
  idFile('ids/formula-leader.csv', 'leader ids that are formulas (=1+1, @SUM, ＝1)', ['=1+1', '@SUM(A1)', '＝1'], {
    col: C.团长ID,
    leader: '=1+1',
  });
  idFile('ids/formula-product-category.csv', 'product and category cells that are formulas', ['=1+1', '+cmd', '@SUM(1)', '－2'], {
    col: C.商品名称,
  });
  idFile('ids/formula-category.csv', 'category cells that are formulas', ['=1+1', '+cmd', '@SUM(1)', '＝2'], { col: C.商品分类 });
  idFile('ids/handlebars.csv', 'member ids {{constructor}}, {{#each this}}, {{> partial}}, {{{lookup this "x"}}}', [
    '{{constructor}}',
    '{{#each this}}x{{/each}}',
    '{{> partial}}',
    '{{{lookup this "constructor"}}}',
  ]);
  idFile(
    'ids/handlebars-product.csv',
    'product names that are Handlebars expressions',
    ['{{constructor.constructor "return 1"}}', '{{#with "s" as |x|}}{{x}}{{/with}}'],
    { col: C.商品名称 },
  );
  idFile('ids/html.csv', 'member ids <script>, <img onerror>, </style>, an HTML comment', [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '</style><h1>x',
    '<!--',
    '"><svg onload=alert(1)>',
  ]);
  idFile('ids/html-leader-product.csv', 'leader id and products with HTML', ['<script>alert("L")</script>', '<b>L</b>'], {
    col: C.团长ID,
    leader: '<script>alert("L")</script>',
  });
  idFile('ids/prototype-member.csv', 'member ids __proto__, constructor, toString, hasOwnProperty, valueOf', [
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'prototype',
  ]);
  idFile('ids/prototype-leader.csv', 'leader ids __proto__, constructor, toString', ['__proto__', 'constructor', 'toString'], {
    col: C.团长ID,
    leader: '__proto__',
  });
  idFile(
    'ids/prototype-status.csv',
    'status words __proto__, constructor, toString, hasOwnProperty',
    ['__proto__', 'constructor', 'toString', 'hasOwnProperty'],
    { col: C.订单状态, expect: 'import with rejects', n: 200, per: 1 },
  );
  idFile(
    'ids/prototype-category-product.csv',
    'categories __proto__, constructor, toString',
    ['__proto__', 'constructor', 'toString', 'valueOf'],
    { col: C.商品分类 },
  );
  idFile('ids/ansi-escapes.csv', 'member ids with ANSI escapes (colour, clear screen, OSC title, cursor moves)', [
    '\x1b[31mRED\x1b[0m',
    '\x1b[2J\x1b[H',
    '\x1b]0;pwned\x07',
    'a\x1b[1A\x1b[2Kb',
    '\x9b31m',
  ]);
  idFile(
    'ids/ansi-product-name.csv',
    'ANSI escapes in product and name cells',
    ['\x1b[5mBLINK\x1b[0m', '\x1b]8;;http://x.invalid\x1b\\link\x1b]8;;\x1b\\'],
    { col: C.商品名称 },
  );
  idFile('ids/bidi-override.csv', 'member ids with U+202E, U+2066 and zero-width characters', [
    'evil\u202Egnp.exe',
    '\u2066x\u2069',
    'M\u200b0001',
    '\u202Dab',
  ]);
  idFile('ids/nul-and-controls.csv', 'member ids with NUL, BEL, BS, DEL', ['a\0b', '\x07bell', 'back\x08\x08', 'del\x7f']);
  idFile('ids/device-names.csv', 'member ids CON, NUL, AUX, COM1, LPT1, PRN (Windows device names)', [
    'CON',
    'NUL',
    'AUX',
    'COM1',
    'LPT1',
    'PRN',
    'con.txt',
  ]);
  idFile('ids/long-300.csv', 'a member id of 300 characters', ['M' + 'x'.repeat(299)]);
  idFile('ids/long-500-cjk.csv', 'a member id of 500 CJK characters (1,500 bytes: beyond NAME_MAX in a file name)', ['会'.repeat(500)]);
  idFile('ids/long-leader-5000.csv', 'a leader id of 5,000 characters', ['L'.repeat(5000)], { col: C.团长ID, leader: 'L'.repeat(5000) });
  idFile('ids/phone-as-member-id.csv', 'member ids that are 11-digit mobile numbers', [
    '13812345678',
    '15900001111',
    '+86 139 1234 5678',
    '186-0000-2222',
  ]);
  idFile('ids/whitespace-ids.csv', 'member ids of a tab, NBSP, ideographic space, newline', ['\t', '\u00a0', '\u3000', 'M\n1']);
  idFile('ids/emoji-ids.csv', 'member ids with emoji, ZWJ sequences and combining marks', ['👨‍👩‍👧‍👦', 'e\u0301', '🇨🇳']);
  idFile('ids/dot-names.csv', 'member ids ., .., ..., .hidden', ['.', '..', '...', '.hidden'], { probe: '..' });
  idFile('ids/json-breaking.csv', 'member ids with quotes, backslashes and </script>', [
    '"}],"x":{"',
    '\\u0000',
    '\\',
    '</script><script>alert(1)</script>',
  ]);
  idFile('ids/sql-like.csv', "member ids with SQL: '; DROP TABLE order_lines; --", [
    "'; DROP TABLE order_lines; --",
    "' OR '1'='1",
    "Robert'); DROP TABLE members;--",
  ]);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the description names a template placeholder, on purpose
  idFile('ids/format-strings.csv', 'member ids %s %n ${x} $(id) `id`', [
    '%s%s%s%n',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile id that looks like a template placeholder, on purpose
    '${process.exit(1)}',
    '$(touch PWNED_F)',
    '`touch PWNED_G`',
  ]);
}

// ---------------------------------------------------------------------------------------------
// personal data in every column

{
  const F = 'pii';
  mutated(
    'pii/phone-in-category.csv',
    F,
    'mobile numbers in the 商品分类 column',
    60,
    (rows) => {
      for (let i = 0; i < 60; i += 2) rows[i][C.商品分类] = rows[i][C.手机号];
    },
    { expect: 'import ok', rowOpts: { fromMonth: 10 } },
  );
  mutated(
    'pii/phone-in-product.csv',
    F,
    'mobile numbers and names in the 商品名称 column',
    60,
    (rows) => {
      for (let i = 0; i < 60; i += 2) rows[i][C.商品名称] = `${rows[i][C.会员昵称]} ${rows[i][C.手机号]}`;
    },
    { expect: 'import ok', rowOpts: { fromMonth: 10 } },
  );
  mutated(
    'pii/phone-in-order-id.csv',
    F,
    'mobile numbers as order ids',
    60,
    (rows) => {
      for (const r of rows) r[C.订单号] = r[C.手机号] + r[C.订单号].slice(-3);
    },
    { expect: 'import ok' },
  );
  mutated(
    'pii/name-in-leader-column.csv',
    F,
    'full names in the 团长ID column',
    60,
    (rows) => {
      for (const r of rows) r[C.团长ID] = NAMES[8];
    },
    { expect: 'import ok', leader: NAMES[8], names: [NAMES[8]] },
  );
  mutated(
    'pii/shifted-rows.csv',
    F,
    'rows with one missing cell: names land in 会员ID, phones in 会员昵称',
    60,
    (rows) => {
      for (let i = 0; i < 60; i += 3) rows[i].splice(C.会员ID, 1);
    },
    { expect: 'no silent loss', rowOpts: { fromMonth: 10 } },
  );
  mutated(
    'pii/shifted-rows-extra-cell.csv',
    F,
    'rows with an extra cell before the name: phones land in 团长ID, names in 手机号',
    60,
    (rows) => {
      for (let i = 0; i < 60; i += 3) rows[i].splice(C.会员ID + 1, 0, 'extra');
    },
    { expect: 'no silent loss', rowOpts: { fromMonth: 10 } },
  );
  mutated(
    'pii/phone-in-status.csv',
    F,
    'mobile numbers and names in 订单状态 (rejected rows keep the raw text)',
    100,
    (rows) => {
      for (let i = 0; i < 4; i++) rows[i * 10][C.订单状态] = `${rows[i * 10][C.会员昵称]}${rows[i * 10][C.手机号]}`;
    },
    { expect: 'import with rejects' },
  );
  mutated(
    'pii/phone-in-date.csv',
    F,
    'mobile numbers in the 下单时间 column (rejected)',
    100,
    (rows) => {
      for (let i = 0; i < 4; i++) rows[i * 10][C.下单时间] = rows[i * 10][C.手机号];
    },
    { expect: 'import with rejects' },
  );
  mutated('pii/names-everywhere-english.csv', F, 'English headers whose name column is "buyer name", phones in "contact"', 60, () => {}, {
    expect: 'no crash',
    header: [
      'order_id',
      'created_at',
      'customer_id',
      'buyer name',
      'contact',
      'leader_id',
      'product',
      'category',
      'quantity',
      'unit_price',
      'amount',
      'refund',
      'status',
    ],
  });
  mutated(
    'pii/phone-with-separators.csv',
    F,
    'phones written +86 138-1234-5678 and 138 1234 5678 in a note-less column',
    60,
    (rows) => {
      for (let i = 0; i < 60; i += 2) rows[i][C.商品分类] = '+86 ' + rows[i][C.手机号].replace(/(\d{3})(\d{4})(\d{4})/, '$1-$2-$3');
    },
    { expect: 'import ok', rowOpts: { fromMonth: 10 } },
  );
}

// ---------------------------------------------------------------------------------------------
// leaders files (import --leaders FILE)

{
  const F = 'leaders';
  const L = (rows, o = {}) => utf8Bom(csv([o.header ?? LEADERS_HEADER, ...rows]));
  const leader = (id, mentor = '', star = '', name = NAMES[Number(String(id).replace(/\D/g, '') || 0) % NAMES.length]) => [
    id,
    name,
    '枫林湾',
    '杭州滨江区',
    '周老师',
    '2026-01-10',
    mentor,
    star,
    '社区团长',
  ];
  const opts = (rows, o = {}) => ({ pass: 'leaders', names: [...new Set(rows.map((r) => r[1]).filter((n) => NAMES.includes(n)))], ...o });
  {
    const rows = goodRows(200);
    add(
      'leaders/orders-export-as-leaders.csv',
      F,
      'an order export given as --leaders (it has a 团长ID column)',
      utf8Bom(csv([HEADER, ...rows])),
      { pass: 'leaders', expect: 'refuse: exit 3', names: namesIn(rows) },
    );
  }
  add(
    'leaders/partial-id-star.csv',
    F,
    'only 团长ID,星级',
    utf8Bom(
      csv([
        ['团长ID', '星级'],
        ['L001', '2'],
        ['L002', ''],
        ['L9', '5'],
      ]),
    ),
    { pass: 'leaders', expect: 'import ok' },
  );
  {
    const r = [leader('L001'), leader('L002'), leader('L001', '', '3'), leader('L002')];
    add(
      'leaders/duplicate-ids.csv',
      F,
      'L001 and L002 twice with different stars',
      L(r),
      opts(r, {
        expect: 'no crash',
        note: 'SPEC.md is silent here: refusing (exit 3) or importing with a warning are both defensible; a silent import is the question',
      }),
    );
  }
  {
    const r = [leader('L1', 'L2'), leader('L2', 'L1')];
    add(
      'leaders/mentor-cycle-2.csv',
      F,
      'mentor cycle L1 -> L2 -> L1',
      L(r),
      opts(r, {
        expect: 'no crash',
        note: 'SPEC.md is silent here: refusing (exit 3) or importing with a warning are both defensible; a silent import is the question',
      }),
    );
  }
  {
    const r = [leader('L1', 'L2'), leader('L2', 'L3'), leader('L3', 'L1')];
    add(
      'leaders/mentor-cycle-3.csv',
      F,
      'mentor cycle L1 -> L2 -> L3 -> L1',
      L(r),
      opts(r, {
        expect: 'no crash',
        note: 'SPEC.md is silent here: refusing (exit 3) or importing with a warning are both defensible; a silent import is the question',
      }),
    );
  }
  {
    const r = [leader('L001', 'L001')];
    add(
      'leaders/mentor-self.csv',
      F,
      'L001 is its own mentor',
      L(r),
      opts(r, {
        expect: 'no crash',
        note: 'SPEC.md is silent here: refusing (exit 3) or importing with a warning are both defensible; a silent import is the question',
      }),
    );
  }
  {
    const r = Array.from({ length: 50 }, (_, i) => leader(`C${pad(i + 1, 2)}`, i === 0 ? '' : `C${pad(i, 2)}`));
    add('leaders/mentor-chain-50.csv', F, 'a 50-deep mentor chain C01 <- C02 <- … <- C50', L(r), opts(r, { expect: 'import ok' }));
  }
  {
    const r = Array.from({ length: 5000 }, (_, i) => leader(`D${i + 1}`, i === 0 ? '' : `D${i}`));
    add('leaders/mentor-chain-5000.csv', F, 'a 5,000-deep mentor chain (recursion depth)', L(r), opts(r, { expect: 'import ok' }));
  }
  {
    const r = [leader('L001', 'L404'), leader('L002', '=1+1')];
    add('leaders/mentor-unknown.csv', F, 'mentors that are not leaders (L404, =1+1)', L(r), opts(r, { expect: 'no crash' }));
  }
  {
    const r = [
      leader('L001', '', '0'),
      leader('L002', '', '6'),
      leader('L003', '', '3星'),
      leader('L004', '', '-1'),
      leader('L005', '', 'NaN'),
    ];
    add('leaders/bad-stars.csv', F, 'stars 0, 6, 3星, -1, NaN', L(r), opts(r, { expect: 'refuse: exit 3' }));
  }
  {
    const r = [leader('L001'), leader('L002')];
    r[0][5] = '2026-02-30';
    r[1][5] = '9999-99-99';
    add('leaders/bad-joined-at.csv', F, 'joined_at 2026-02-30 and 9999-99-99', L(r), opts(r, { expect: 'refuse: exit 3' }));
  }
  {
    const r = [leader('=1+1'), leader('@SUM(A1)'), leader('＋cmd'), leader('-2')];
    r.forEach((x) => {
      x[2] = '=HYPERLINK("http://x.invalid")';
      x[3] = '+区域';
    });
    add('leaders/formula-cells.csv', F, 'leader ids, communities and regions that are formulas', L(r), opts(r, { expect: 'no crash' }));
  }
  {
    const r = [leader('__proto__'), leader('constructor'), leader('toString', '__proto__')];
    add('leaders/prototype-ids.csv', F, 'leader ids __proto__, constructor, toString', L(r), opts(r, { expect: 'no crash' }));
  }
  {
    const r = [leader('x/../../../PWNED_L'), leader('\x1b[31mL\x1b[0m'), leader('L\u202E1')];
    add('leaders/hostile-ids.csv', F, 'leader ids with a path, ANSI escapes and U+202E', L(r), opts(r, { expect: 'no crash' }));
  }
  {
    const r = [leader('L001'), leader('L002')];
    r[0][1] = '13812345678';
    r[1][4] = '周老师 13900001111';
    add(
      'leaders/phones-in-names.csv',
      F,
      'a phone number as a leader name and in the trainer column',
      L(r),
      opts(r, { expect: 'import ok' }),
    );
  }
  {
    const r = [leader('L001'), leader('L002')];
    add('leaders/gbk.csv', F, 'leaders.csv in GBK', gbk(csv([LEADERS_HEADER, ...r])), opts(r, { expect: 'import ok' }));
  }
  {
    const r = [leader('L001'), leader('')];
    add('leaders/empty-id.csv', F, 'one row with an empty 团长ID', L(r), opts(r, { expect: 'refuse: exit 3' }));
  }
  add(
    'leaders/no-id-column.csv',
    F,
    'a leaders file without 团长ID',
    utf8Bom(
      csv([
        ['姓名', '小区'],
        [NAMES[3], '枫林湾'],
      ]),
    ),
    { pass: 'leaders', expect: 'refuse: exit 3', names: [NAMES[3]] },
  );
  {
    const r = Array.from({ length: 10000 }, (_, i) => leader(`E${i + 1}`));
    add('leaders/ten-thousand.csv', F, '10,000 leaders', L(r), opts(r, { expect: 'import ok' }));
  }
  add('leaders/png.csv', F, 'a PNG given as --leaders', Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'), {
    pass: 'leaders',
    expect: 'refuse: exit 3',
  });
  add('leaders/truncated.csv.gz', F, 'a truncated gzip given as --leaders', gz(L([leader('L001'), leader('L002')])).subarray(0, 30), {
    pass: 'leaders',
    expect: 'refuse: exit 3',
  });
}

// ---------------------------------------------------------------------------------------------
// 快团团 exports with broken 商品 cells (import FILE --leader L9)

function kttRows(n) {
  const r = rng();
  const rows = [];
  for (let i = 0; i < n; i++) {
    const day = 1 + Math.floor(r() * 28);
    const name = NAMES[i % 6];
    const phone = phoneOf(r);
    rows.push([
      String(1 + (i % 40)),
      name,
      '',
      `2026-10-${pad(day)} ${pad(8 + (i % 12))}:${pad(i % 60)}:00`,
      '',
      '麒麟西瓜(约8斤)+1\n香蕉(5斤)+2',
      '￥56.80',
      '￥0.00',
      '已完成',
      '枫林湾3号楼驿站',
      `${name}[${phone.slice(-4)}]`,
      `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      '枫林湾9栋2单元1802',
    ]);
  }
  return rows;
}
function kttFile(file, description, mutate, o = {}) {
  const rows = kttRows(o.n ?? 80);
  mutate(rows);
  const text =
    (o.titles === false ? '' : '快团团 跟团记录导出,导出时间:2026-11-01 09:12\r\n团长:孙姐(枫林湾),统计范围:2026-05-01至2026-10-31\r\n') +
    csv([KTT_HEADER, ...rows]);
  add(file, 'ktt', description, o.encode ? o.encode(text) : gbk(text), {
    pass: 'ktt',
    leader: 'L9',
    expect: o.expect ?? 'no crash',
    records: rows.length,
    names: [...new Set(rows.flatMap((x) => [x[1], x[10].replace(/\[\d+\]$/, '')]).filter((v) => NAMES.includes(v)))],
  });
}
{
  const P = 5;
  kttFile('ktt/valid.csv', 'control: a valid 快团团 export (GBK, title rows, multi-line 商品)', () => {}, { expect: 'import ok' });
  kttFile('ktt/plus-without-quantity.csv', '商品 items ending in "+" with no number, "+ +", "++2"', (rows) => {
    rows[3][P] = '西瓜(8斤)+';
    rows[4][P] = '西瓜+ +';
    rows[5][P] = '香蕉++2';
  });
  kttFile('ktt/huge-quantities.csv', '商品 quantities +999999999999, +1e9, +9007199254740993', (rows) => {
    rows[3][P] = '西瓜(8斤)+999999999999';
    rows[4][P] = '西瓜+1e9';
    rows[5][P] = '香蕉+9007199254740993';
  });
  kttFile('ktt/negative-zero-quantities.csv', '商品 quantities +-1, +0, ×-2', (rows) => {
    rows[3][P] = '西瓜(8斤)+-1';
    rows[4][P] = '西瓜(8斤)+0';
    rows[5][P] = '香蕉(5斤)×-2';
  });
  kttFile(
    'ktt/empty-and-blank-items.csv',
    'empty 商品, a cell of only newlines, items separated by blank lines',
    (rows) => {
      rows[3][P] = '';
      rows[4][P] = '\n\n\n';
      rows[5][P] = '西瓜+1\n\n\n香蕉+2\n';
    },
    { expect: 'no crash' },
  );
  kttFile('ktt/thousand-items.csv', 'one 商品 cell with 1,000 items', (rows) => {
    rows[3][P] = Array.from({ length: 1000 }, (_, i) => `商品${i}(规格)+1`).join('\n');
  });
  kttFile('ktt/duplicate-items.csv', 'the same item five times in one cell', (rows) => {
    rows[3][P] = Array(5).fill('西瓜(8斤)+1').join('\n');
  });
  kttFile('ktt/separators.csv', 'items separated by ；, ;, CR and CRLF inside the cell', (rows) => {
    rows[3][P] = '西瓜+1；香蕉+2;苹果+3';
    rows[4][P] = '西瓜+1\r香蕉+2';
    rows[5][P] = '西瓜+1\r\n香蕉+2';
  });
  kttFile('ktt/unclosed-brackets.csv', 'items with unclosed brackets and a bracketed quantity', (rows) => {
    rows[3][P] = '西瓜(8斤+1';
    rows[4][P] = '香蕉）+2';
    rows[5][P] = '苹果(+3)';
  });
  kttFile('ktt/hostile-items.csv', 'items that are formulas, templates, ANSI and paths', (rows) => {
    rows[3][P] = '=1+1(规格)+1\n＠SUM+2';
    rows[4][P] = '{{constructor}}+1\n\x1b[31m红\x1b[0m+1';
    rows[5][P] = '../../PWNED_K+1\n__proto__+1';
  });
  kttFile(
    'ktt/broken-quote-multiline.csv',
    'a 商品 cell whose closing quote is missing (swallows the next orders)',
    (rows) => {
      rows[3][P] = '西瓜+1\n香蕉+2';
    },
    { expect: 'no silent loss', encode: (t) => gbk(t.replace('"西瓜+1\n香蕉+2"', '"西瓜+1\n香蕉+2')) },
  );
  kttFile('ktt/group-no-hostile.csv', '跟团号 empty, negative, "abc", 1e9, a formula', (rows) => {
    rows[3][0] = '';
    rows[4][0] = '-1';
    rows[5][0] = 'abc';
    rows[6][0] = '1e9';
    rows[7][0] = '=1+1';
  });
  kttFile(
    'ktt/amounts-hostile.csv',
    '订单金额 ￥ alone, ￥NaN, ￥-0, ￥1e308; 退款 more than the amount (5 of 120 orders)',
    (rows) => {
      rows[3][6] = '￥';
      rows[4][6] = '￥NaN';
      rows[5][6] = '￥-0';
      rows[6][6] = '￥1e308';
      rows[7][7] = '￥999.00';
    },
    { expect: 'import with rejects', n: 120 },
  );
  kttFile('ktt/no-title-rows.csv', 'the header on line 1 (no title rows)', () => {}, { expect: 'import ok', titles: false });
  kttFile('ktt/utf8.csv', 'a 快团团 export saved as UTF-8 with BOM', () => {}, { expect: 'import ok', encode: utf8Bom });
  kttFile(
    'ktt/phones-unmasked.csv',
    'full mobile numbers in 联系电话 and in 团员备注',
    (rows) => {
      for (const r of rows) {
        const p = '139' + String(10000000 + Number(r[0]) * 7919).slice(-8);
        r[11] = p;
        r[2] = `电话 ${p}`;
      }
    },
    { expect: 'import ok' },
  );
}

// ---------------------------------------------------------------------------------------------
// file-system cases: set up here (the FIFO is made by the runner)

{
  const F = 'fs';
  add(
    'fs/directory.csv',
    F,
    'a directory named x.csv',
    (p) => {
      rmSync(p, { recursive: true, force: true });
      mkdirSync(p);
      writeFileSync(join(p, 'inner.csv'), 'a,b\n');
    },
    { pass: 'special', special: 'directory', expect: 'refuse: exit 3' },
  );
  add(
    'fs/unreadable.csv',
    F,
    'a valid CSV with mode 000',
    (p) => {
      writeFileSync(p, utf8Bom(csv([HEADER, ...goodRows(10)])));
      chmodSync(p, 0);
    },
    {
      pass: 'special',
      special: 'unreadable',
      expect: 'refuse: exit 3',
      note: 'as root (uid 0) chmod 000 does not stop reading: the import then succeeds; the runner accepts exit 0 as root',
    },
  );
  add(
    'fs/symlink-loop.csv',
    F,
    'a symlink that points to itself',
    (p) => {
      rmSync(p, { force: true });
      symlinkSync('symlink-loop.csv', p);
    },
    { pass: 'special', special: 'symlink-loop', expect: 'refuse: exit 3' },
  );
  add(
    'fs/dangling-symlink.csv',
    F,
    'a symlink to a file that does not exist',
    (p) => {
      rmSync(p, { force: true });
      symlinkSync('does-not-exist.csv', p);
    },
    { pass: 'special', special: 'dangling-symlink', expect: 'refuse: exit 3' },
  );
  add('fs/fifo.csv', F, 'a FIFO (named pipe); made by the runner, which feeds it test/fixtures/orders/basic.csv', null, {
    pass: 'special',
    special: 'fifo',
    expect: 'import ok',
    note: 'created at run time by run.mjs (mkfifo), never by the generator',
  });
  add('fs/missing.csv', F, 'a path that does not exist', null, { pass: 'special', special: 'missing', expect: 'refuse: exit 3' });
  {
    const rows = goodRows(20);
    add(
      'fs/name-\x1b[31mred\x1b[0m.csv',
      F,
      'a valid file whose name holds ANSI escapes (echoed in messages)',
      utf8Bom(csv([HEADER, ...rows])),
      { pass: 'orders', expect: 'import ok', records: 20, names: namesIn(rows) },
    );
    add('fs/name-\u202Evsc.exe', F, 'a valid file whose name holds U+202E', utf8Bom(csv([HEADER, ...rows])), {
      pass: 'orders',
      expect: 'import ok',
      records: 20,
      names: namesIn(rows),
    });
    add('fs/-dash-first.csv', F, 'a file whose name starts with "-" (passed as ./-dash-first.csv)', utf8Bom(csv([HEADER, ...rows])), {
      pass: 'orders',
      expect: 'import ok',
      records: 20,
      names: namesIn(rows),
    });
    add('fs/name with spaces & 中文 (1).csv', F, 'a file name with spaces, &, CJK and brackets', utf8Bom(csv([HEADER, ...rows])), {
      pass: 'orders',
      expect: 'import ok',
      records: 20,
      names: namesIn(rows),
    });
    add('fs/name-13812345678.csv', F, 'a file name that is a mobile number (echoed by status/rejects)', utf8Bom(csv([HEADER, ...rows])), {
      pass: 'orders',
      expect: 'import ok',
      records: 20,
      names: namesIn(rows),
    });
  }
  add('fs/dev-null', F, '/dev/null as the export', null, { pass: 'special', special: 'dev-null', expect: 'refuse: exit 3' });
}

writeFileSync(
  join(OUT, 'manifest.json'),
  JSON.stringify({ generator: 'test/hostile/generate.mjs', big: BIG, files: manifest }, null, 2) + '\n',
);
const families = [...new Set(manifest.map((m) => m.family))];
process.stdout.write(`wrote ${manifest.length} cases in ${families.length} families to ${OUT}\n`);
