import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { detectEncoding, StrictDecoder, type BadLine, type Encoding } from '../../src/adapters/decode.js';
import { InputError } from '../../src/errors.js';
import { intIn, mulberry32 } from '../helpers/prng.js';

const TEXT =
  '订单号,下单时间,会员ID,实付金额\n' +
  'D1,2026-10-01 08:00:00,M1,￥12.30\n' +
  'D2,2026-10-01 09:00:00,"开心, 小宝妈",12.3元\n' +
  'D3,2026-10-01 10:00:00,🍉西瓜,£5\n';
const GBK_TEXT = TEXT.replace('🍉', '').replace('£', ''); // GBK has neither
const b = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

function encode(text: string, enc: Encoding, bom: boolean): Buffer {
  if (enc === 'utf16le') return Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), iconv.encode(text, 'utf16le')]);
  if (enc === 'utf16be') return Buffer.concat([Buffer.from(bom ? [0xfe, 0xff] : []), iconv.encode(text, 'utf16-be')]);
  if (enc === 'utf8') return Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
  return iconv.encode(text, enc);
}

/** Decode with the given chunk sizes (the last size repeats), collecting bad lines. */
function decode(enc: Encoding, bytes: Buffer, chunk: (i: number) => number = () => bytes.length): { text: string; bad: BadLine[] } {
  const bad: BadLine[] = [];
  const d = new StrictDecoder(enc, (x) => bad.push(x));
  let text = '';
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const n = Math.max(1, chunk(i));
    text += d.push(bytes.subarray(at, at + n));
    at += n;
  }
  return { text: text + d.end(), bad };
}

describe('detectEncoding', () => {
  it.each([
    ['UTF-8 with BOM', encode(TEXT, 'utf8', true), true, { encoding: 'utf8', bom: 3 }],
    ['UTF-8', encode(TEXT, 'utf8', false), true, { encoding: 'utf8', bom: 0 }],
    ['ASCII', Buffer.from('order_id,date,amount\n1,2026-10-01,1.00\n'), true, { encoding: 'utf8', bom: 0 }],
    ['UTF-16 LE with BOM', encode(TEXT, 'utf16le', true), true, { encoding: 'utf16le', bom: 2 }],
    ['UTF-16 BE with BOM', encode(TEXT, 'utf16be', true), true, { encoding: 'utf16be', bom: 2 }],
    ['GBK', encode(GBK_TEXT, 'gbk', false), true, { encoding: 'gb18030', bom: 0 }],
    ['GB18030 (with a 4-byte character)', encode(TEXT, 'gb18030', false), true, { encoding: 'gb18030', bom: 0 }],
    // a sample cut in the middle of a character is still UTF-8 when it is not the whole file
    ['UTF-8 cut mid-character', encode(TEXT, 'utf8', false).subarray(0, 5), false, { encoding: 'utf8', bom: 0 }],
    // one undecodable line in UTF-8 text: still UTF-8 (that line becomes a rejected row)
    ['UTF-8 with one bad line', b('订单号,会员ID\nD1,张三\nD2,', [0xff, 0xfe], '李四\nD3,王五\n'), true, { encoding: 'utf8', bom: 0 }],
    [
      'GBK with one bad line',
      Buffer.concat([iconv.encode('订单号,会员ID\nD1,张三\nD2,', 'gbk'), Buffer.from([0xff]), iconv.encode('李四\nD3,王五\n', 'gbk')]),
      true,
      { encoding: 'gb18030', bom: 0 },
    ],
  ])('%s', (_what, sample, complete, expected) => {
    expect(detectEncoding(sample, complete)).toEqual(expected);
  });

  it('refuses bytes that are neither UTF-8 nor GBK', () => {
    const rnd = mulberry32(7);
    const noise = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 40 === 39 ? 0x0a : 0x80 + intIn(rnd, 0, 0x7f))));
    expect(() => detectEncoding(noise, true)).toThrow(InputError);
    expect(() => detectEncoding(noise, true)).toThrow('cannot tell the text encoding: the file is neither UTF-8 nor GBK/GB18030');
  });

  it('does not take a GBK file for UTF-8 when only one line has Chinese', () => {
    expect(detectEncoding(iconv.encode('order_id,member\n1,M1\n2,张三\n', 'gbk'), true).encoding).toBe('gb18030');
  });
});

describe('StrictDecoder', () => {
  it.each([
    ['utf8', encode(TEXT, 'utf8', true), TEXT],
    ['utf8', encode(TEXT, 'utf8', false), TEXT],
    ['utf16le', encode(TEXT, 'utf16le', true), TEXT],
    ['utf16be', encode(TEXT, 'utf16be', true), TEXT],
    ['gb18030', encode(TEXT, 'gb18030', false), TEXT],
    ['gbk', encode(GBK_TEXT, 'gbk', false), GBK_TEXT],
  ] as const)('%s: whole, byte by byte, and in random chunks give the same text without the BOM', (enc, bytes, text) => {
    expect(decode(enc, bytes)).toEqual({ text, bad: [] });
    expect(decode(enc, bytes, () => 1)).toEqual({ text, bad: [] });
    const rnd = mulberry32(bytes.length);
    for (let k = 0; k < 20; k++) expect(decode(enc, bytes, () => intIn(rnd, 1, 9))).toEqual({ text, bad: [] });
  });

  it('latin1 when asked: byte 0xA3 is £', () => {
    expect(decode('latin1', Buffer.from([0x61, 0x2c, 0xa3, 0x35, 0x0a]))).toEqual({ text: 'a,£5\n', bad: [] });
  });

  it('blanks an undecodable line (keeping the line count) and reports it with its line number', () => {
    const bytes = b('a,b\nc', [0xff], ',d\ne,f\n');
    expect(decode('utf8', bytes)).toEqual({ text: 'a,b\n\ne,f\n', bad: [{ line: 2, raw: 'c\\xff,d' }] });
  });

  it('keeps CRLF on a blanked line, so the next record is not joined to it', () => {
    const bytes = b('a,b\r\nc', [0xc3, 0x28], ',d\r\ne,f\r\n');
    expect(decode('utf8', bytes)).toEqual({ text: 'a,b\r\n\r\ne,f\r\n', bad: [{ line: 2, raw: 'c\\xc3(,d' }] });
  });

  it('numbers bad lines across chunks, and a bad last line without a newline', () => {
    const bytes = b('h\n1\n2\n', [0xff], '\n4\n5', [0xfe]);
    for (const size of [1, 2, 3, 5, 100]) {
      const r = decode('utf8', bytes, () => size);
      expect(r.bad, `chunks of ${size}`).toEqual([
        { line: 4, raw: '\\xff' },
        { line: 6, raw: '5\\xfe' },
      ]);
      expect(r.text).toBe('h\n1\n2\n\n4\n');
    }
  });

  it('reports undecodable GBK bytes and never yields U+FFFD', () => {
    const bytes = Buffer.concat([iconv.encode('订单号\n张三\n', 'gbk'), Buffer.from([0xff, 0x0a]), iconv.encode('李四\n', 'gbk')]);
    const r = decode('gb18030', bytes, () => 1);
    expect(r).toEqual({ text: '订单号\n张三\n\n李四\n', bad: [{ line: 3, raw: '\\xff' }] });
    expect(r.text).not.toContain('\uFFFD');
  });

  it('a multibyte character split at every possible chunk boundary decodes whole', () => {
    const bytes = encode('西\n🍉\n', 'utf8', false); // 3- and 4-byte sequences
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(decode('utf8', bytes, (i) => (i === 0 ? cut : bytes.length))).toEqual({ text: '西\n🍉\n', bad: [] });
    }
    const u16 = encode('🍉\n', 'utf16le', true); // a surrogate pair
    for (let cut = 1; cut < u16.length; cut++) {
      expect(decode('utf16le', u16, (i) => (i === 0 ? cut : u16.length)).text).toBe('🍉\n');
    }
  });

  it.each([
    ['utf16le', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), 'the file is not valid UTF-16 LE'], // lone high surrogate
    ['utf16be', Buffer.from([0xfe, 0xff, 0xdc, 0x00, 0x00, 0x41]), 'the file is not valid UTF-16 BE'], // lone low surrogate
  ] as const)('%s with a broken surrogate is an input error for the whole file', (enc, bytes, message) => {
    expect(() => decode(enc, bytes)).toThrow(InputError);
    expect(() => decode(enc, bytes)).toThrow(message);
  });

  it('an empty file and a file of only a BOM decode to nothing', () => {
    expect(decode('utf8', Buffer.alloc(0))).toEqual({ text: '', bad: [] });
    expect(decode('utf8', Buffer.from([0xef, 0xbb, 0xbf]))).toEqual({ text: '', bad: [] });
    expect(decode('utf16le', Buffer.from([0xff, 0xfe]))).toEqual({ text: '', bad: [] });
  });
});
