/**
 * Property tests (#12) for the parsers a user's data passes through first: money, dates and times, header
 * matching, 快团团 商品 cells and the masking of phones. Each property states something that must hold for every
 * input fast-check generates; the seed is fixed so that CI sees the same cases on every run (to explore more
 * locally: FC_SEED=<n> FC_RUNS=<n> npx vitest run test/unit/properties.test.ts). A counterexample fast-check
 * finds is shrunk to its smallest form and kept below as a unit test once fixed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanMoneyText, formatFen, formatYuan, parseFen, parseScaled } from '../../src/core/shared/money.js';
import { MAX_YEAR, MIN_YEAR, parseDateTime } from '../../src/core/shared/dates.js';
import { FIELDS, HEADER_ALIASES, headerScore, mapHeaders, normalizeHeader, type Field } from '../../src/core/ingest/headers.js';
import { phoneLast4, splitKttItems, stripNameSuffix } from '../../src/core/ingest/ktt.js';
import { maskName, maskPhone, maskPhonesInText } from '../../src/core/shared/mask.js';
import { localTime } from '../helpers/arbitraries.js';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 42), numRuns: Number(process.env.FC_RUNS ?? 200) });

/** Any text, including lone surrogates, control characters and astral characters. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);
const PROTO_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf'];
/** Text that is sometimes a prototype key. */
const hostileText = fc.oneof(anyText, fc.constantFrom(...PROTO_KEYS));

const MAX_FEN = Number.MAX_SAFE_INTEGER;
const fen = fc.oneof(fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }), fc.integer({ min: -MAX_FEN, max: MAX_FEN }));

describe('money: parseFen / formatFen', () => {
  it('parse(format(x)) = x for every safe amount in fen', () => {
    fc.assert(
      fc.property(fen, (x) => {
        expect(parseFen(formatFen(x))).toEqual({ ok: true, value: x + 0 });
      }),
    );
  });

  it('parse(formatYuan(x)) = x: the ¥ sign and thousands separators read back', () => {
    fc.assert(
      fc.property(fen, (x) => {
        expect(parseFen(formatYuan(x))).toEqual({ ok: true, value: x + 0 });
      }),
    );
  });

  it('¥, ￥, 元, RMB, commas (also full-width), spaces and accounting brackets parse to the same fen as the plain number', () => {
    const group = (int: string, sep: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_FEN }),
        fc.constantFrom('', '¥', '￥'),
        fc.constantFrom('', '元', 'RMB', 'CNY', 'rmb'),
        fc.constantFrom('', ',', '，'),
        fc.constantFrom('', ' ', '  ', '\t', '\u3000'),
        fc.constantFrom('', '-', '+', '()'),
        (x, sign, unit, sep, space, neg) => {
          const [int, dec] = formatFen(x).split('.') as [string, string];
          const body = `${sign}${space}${group(int, sep)}.${dec}${space}${unit}`;
          const text = neg === '()' ? `(${body})` : `${space}${neg}${body}${space}`;
          const want = neg === '-' || neg === '()' ? -x + 0 : x;
          expect([text, parseFen(text)]).toEqual([text, { ok: true, value: want }]);
        },
      ),
    );
  });

  it('more than 2 decimals is a reject, never a rounding', () => {
    fc.assert(
      fc.property(fen, fc.stringMatching(/^\d{1,6}$/), fc.constantFrom('', '¥', '元'), (x, extra, deco) => {
        const text = deco === '元' ? `${formatFen(x)}${extra}元` : `${deco}${formatFen(x)}${extra}`;
        const r = parseFen(text);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.reason).toMatch(/^more than 2 decimals|^amount too large/);
      }),
    );
  });

  it('a decimal comma (12,34) is never read as 1234', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.stringMatching(/^\d{1,2}$/), (int, dec) => {
        expect(parseFen(`${int},${dec}`).ok).toBe(false);
      }),
    );
  });

  it('parse never throws and never returns a non-safe integer, on any text or any run of digits', () => {
    const digits = fc
      .tuple(fc.constantFrom('', '-', '¥', '-¥'), fc.stringMatching(/^\d{1,40}$/), fc.option(fc.stringMatching(/^\d{0,4}$/)))
      .map(([s, i, d]) => (d === null ? `${s}${i}` : `${s}${i}.${d}`));
    fc.assert(
      fc.property(fc.oneof(hostileText, digits), fc.integer({ min: 0, max: 4 }), (text, scale) => {
        for (const r of [parseFen(text), parseScaled(text, scale)]) {
          if (r.ok) expect(Number.isSafeInteger(r.value)).toBe(true);
          else expect(typeof r.reason).toBe('string');
        }
        expect(typeof cleanMoneyText(text)).toBe('string');
      }),
    );
  });
});

describe('dates and times: parseDateTime', () => {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  type T = { y: number; mo: number; d: number; h: number; mi: number; s: number };
  const date = (t: T) => `${t.y}-${pad(t.mo)}-${pad(t.d)}`;
  const at = (t: T) => `${date(t)}T${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}+08:00`;
  /** Every shape an export writes a local time in, with the time it means (seconds dropped where the shape has none). */
  const FORMATS: [string, (t: T) => string, (t: T) => T][] = [
    ['YYYY-MM-DD HH:MM:SS', (t) => `${date(t)} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}`, (t) => t],
    ['YYYY-MM-DDTHH:MM:SS', (t) => `${date(t)}T${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}`, (t) => t],
    ['YYYY-MM-DD HH:MM:SS.mmm', (t) => `${date(t)} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}.250`, (t) => t],
    ['YYYY-MM-DDTHH:MM:SS+08:00', (t) => at(t), (t) => t],
    ['YYYY-MM-DDTHH:MM:SS+0800', (t) => `${date(t)}T${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}+0800`, (t) => t],
    ['YYYY/M/D H:MM', (t) => `${t.y}/${t.mo}/${t.d} ${t.h}:${pad(t.mi)}`, (t) => ({ ...t, s: 0 })],
    ['YYYY.MM.DD HH:MM:SS', (t) => `${t.y}.${pad(t.mo)}.${pad(t.d)} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}`, (t) => t],
    ['YYYY-MM-DD', (t) => date(t), (t) => ({ ...t, h: 0, mi: 0, s: 0 })],
    ['YYYY年M月D日 HH:MM:SS', (t) => `${t.y}年${t.mo}月${t.d}日 ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}`, (t) => t],
    ['YYYY年M月D日H时MM分SS秒', (t) => `${t.y}年${t.mo}月${t.d}日${t.h}时${pad(t.mi)}分${pad(t.s)}秒`, (t) => t],
    ['YYYY年MM月DD日', (t) => `${t.y}年${pad(t.mo)}月${pad(t.d)}日`, (t) => ({ ...t, h: 0, mi: 0, s: 0 })],
    ['YYYYMMDD HHMMSS', (t) => `${t.y}${pad(t.mo)}${pad(t.d)} ${pad(t.h)}${pad(t.mi)}${pad(t.s)}`, (t) => t],
    ['YYYYMMDDHHMMSS', (t) => `${t.y}${pad(t.mo)}${pad(t.d)}${pad(t.h)}${pad(t.mi)}${pad(t.s)}`, (t) => t],
    ['YYYYMMDD', (t) => `${t.y}${pad(t.mo)}${pad(t.d)}`, (t) => ({ ...t, h: 0, mi: 0, s: 0 })],
  ];

  it.each(FORMATS)('every valid local time written as %s parses back to the same date and time', (_, write, means) => {
    fc.assert(
      fc.property(localTime, fc.constantFrom('', ' ', '  '), (t, space) => {
        const m = means(t);
        expect([write(t), parseDateTime(`${space}${write(t)}${space}`)]).toEqual([
          write(t),
          { ok: true, value: { date: date(m), at: at(m) } },
        ]);
      }),
    );
  });

  it('a time in UTC (Z) or another offset is moved to China time, or refused past the last year', () => {
    fc.assert(
      fc.property(localTime, fc.integer({ min: -12 * 4, max: 14 * 4 }), (t, quarters) => {
        const off = quarters * 15;
        const zone = off === 0 ? 'Z' : `${off < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
        const text = `${date(t)}T${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}${zone}`;
        const local = new Date(Date.UTC(t.y, t.mo - 1, t.d, t.h, t.mi, t.s) + (8 * 60 - off) * 60_000);
        const want = {
          y: local.getUTCFullYear(),
          mo: local.getUTCMonth() + 1,
          d: local.getUTCDate(),
          h: local.getUTCHours(),
          mi: local.getUTCMinutes(),
          s: local.getUTCSeconds(),
        };
        const r = parseDateTime(text);
        if (want.y < MIN_YEAR || want.y > MAX_YEAR) expect(r.ok).toBe(false);
        else expect([text, r]).toEqual([text, { ok: true, value: { date: date(want), at: at(want) } }]);
      }),
    );
  });

  it('impossible dates and times are refused: Feb 30, Feb 29 of a common year, day 32, month 13, 24:00, minute 60', () => {
    const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
    const bad = fc.oneof(
      fc
        .record({
          y: fc.integer({ min: MIN_YEAR, max: MAX_YEAR }),
          mo: fc.integer({ min: 1, max: 12 }),
          extra: fc.integer({ min: 1, max: 60 }),
        })
        .map(({ y, mo, extra }) => ({ y, mo, d: Math.min(daysIn(y, mo) + extra, 99), h: 0, mi: 0 })),
      fc
        .integer({ min: MIN_YEAR, max: MAX_YEAR })
        .filter((y) => !leap(y))
        .map((y) => ({ y, mo: 2, d: 29, h: 0, mi: 0 })),
      fc
        .record({ y: fc.integer({ min: MIN_YEAR, max: MAX_YEAR }), mo: fc.integer({ min: 13, max: 99 }) })
        .map(({ y, mo }) => ({ y, mo, d: 1, h: 0, mi: 0 })),
      fc
        .record({ y: fc.integer({ min: MIN_YEAR, max: MAX_YEAR }), h: fc.integer({ min: 24, max: 99 }) })
        .map(({ y, h }) => ({ y, mo: 1, d: 1, h, mi: 0 })),
      fc
        .record({ y: fc.integer({ min: MIN_YEAR, max: MAX_YEAR }), mi: fc.integer({ min: 60, max: 99 }) })
        .map(({ y, mi }) => ({ y, mo: 1, d: 1, h: 0, mi })),
      fc
        .integer({ min: 0, max: 9999 })
        .filter((y) => y < MIN_YEAR || y > MAX_YEAR)
        .map((y) => ({ y, mo: 1, d: 1, h: 0, mi: 0 })),
    );
    fc.assert(
      fc.property(bad, fc.integer({ min: 0, max: 3 }), ({ y, mo, d, h, mi }, shape) => {
        const text = [
          `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:00`,
          `${pad(y, 4)}/${mo}/${d} ${h}:${pad(mi)}`,
          `${pad(y, 4)}年${mo}月${d}日 ${pad(h)}:${pad(mi)}`,
          `${pad(y, 4)}${pad(mo)}${pad(d)} ${pad(h)}${pad(mi)}00`,
        ][shape]!;
        expect([text, parseDateTime(text).ok]).toEqual([text, false]);
      }),
    );
  });

  // That the result never depends on the process time zone is a property too: test/cli/dates-tz.test.ts (a fork,
  // since a worker thread, where unit tests run, cannot change its time zone).

  it('parse never throws on any text, and an accepted time is always well formed', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const r = parseDateTime(s);
        if (r.ok) {
          expect(r.value.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
          expect(r.value.at.slice(0, 10)).toBe(r.value.date);
        } else expect(typeof r.reason).toBe('string');
      }),
    );
  });
});

describe('header matching: normalizeHeader / mapHeaders', () => {
  const aliases = FIELDS.flatMap((f) => HEADER_ALIASES[f].map((a) => [f, a] as [Field, string]));
  /** ASCII letters and digits in their full-width forms (Ａ, ｂ, ３), the way some exports write them. */
  const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const variant = fc
    .record({
      alias: fc.constantFrom(...aliases),
      bom: fc.boolean(),
      wide: fc.boolean(),
      caseOf: fc.constantFrom('same', 'upper', 'lower', 'mixed'),
      gaps: fc.array(fc.tuple(fc.nat(), fc.constantFrom(' ', '  ', '_', '-', '\t', '\u3000', '\u00a0')), { maxLength: 3 }),
      edges: fc.tuple(fc.constantFrom('', ' ', '\u3000', '\t'), fc.constantFrom('', ' ', '\u3000', '\t')),
    })
    .map(({ alias: [field, alias], bom, wide, caseOf, gaps, edges }) => {
      let s =
        caseOf === 'upper'
          ? alias.toUpperCase()
          : caseOf === 'lower'
            ? alias.toLowerCase()
            : caseOf === 'mixed'
              ? [...alias].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('')
              : alias;
      for (const [at, gap] of gaps) {
        const chars = [...s];
        const i = at % (chars.length + 1);
        s = [...chars.slice(0, i), gap, ...chars.slice(i)].join('');
      }
      if (wide) s = fullWidth(s);
      s = `${edges[0]}${s}${edges[1]}`;
      return { field, header: bom ? `\uFEFF${s}` : s };
    });

  it('spaces, underscores, dashes, full-width forms, a BOM and case changes keep an alias mapped to its field', () => {
    fc.assert(
      fc.property(variant, ({ field, header }) => {
        const { field: _f, header: original } = { field, header: HEADER_ALIASES[field][0]! };
        expect(
          normalizeHeader(header) === normalizeHeader(original) ||
            HEADER_ALIASES[field].some((a) => normalizeHeader(a) === normalizeHeader(header)),
        ).toBe(true);
        const { mapping, problems } = mapHeaders(['其他列', header, '备用']);
        expect([header, mapping.columns[field], problems]).toEqual([header, 1, []]);
      }),
      { numRuns: 500 },
    );
  });

  it('no two fields share an alias once normalised (a header never maps to two fields)', () => {
    const owner = new Map<string, Field>();
    for (const [field, alias] of aliases) {
      const n = normalizeHeader(alias);
      expect([alias, owner.get(n) ?? field]).toEqual([alias, field]);
      owner.set(n, field);
    }
  });

  it('never throws on any header row, prototype keys included, and maps only to real columns', () => {
    const overrides = fc.dictionary(fc.constantFrom(...FIELDS), hostileText, { maxKeys: 3 });
    fc.assert(
      fc.property(fc.array(hostileText, { maxLength: 12 }), overrides, (headers, over) => {
        const { mapping, problems } = mapHeaders(headers, over);
        for (const [f, i] of Object.entries(mapping.columns)) {
          expect(FIELDS).toContain(f);
          expect(Number.isInteger(i) && i! >= 0 && i! < headers.length).toBe(true);
        }
        expect(Array.isArray(problems)).toBe(true);
        expect(headerScore(headers)).toBeLessThanOrEqual(headers.length);
        for (const h of headers) expect(typeof normalizeHeader(h)).toBe('string');
      }),
    );
  });
});

describe('快团团 商品 cells: splitKttItems', () => {
  // An item name: any text without the cell's separators (line breaks, ；, ;) and not blank.
  // (a line or paragraph separator, U+2028/U+2029, inside a name is part of the name)
  const nameChar = fc
    .oneof(
      fc.constantFrom(...'苹果香蕉牛奶鸡蛋大米 纯250ml*x×+()（）[]【】-/.\u2028\u2029\u0085\v\f'.split('')),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    )
    .filter((c) => !/[\r\n;；]/.test(c));
  const name = fc
    .array(nameChar, { minLength: 1, maxLength: 12 })
    .map((cs) => cs.join('').trim())
    .filter((s) => s !== '');
  const spec = fc.constantFrom('', '(5斤)', '（500g*2袋）', '(大号)', '(24盒)');
  const item = fc.record({ product: fc.tuple(name, spec).map(([n, s]) => `${n}${s}`), quantity: fc.integer({ min: 1, max: 100_000 }) });
  const sep = fc.constantFrom('\n', '\r\n', '\r', '；', ';');

  it('a cell of `名称(规格)+数量` items joined by line breaks gives back the items and quantities', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), sep, fc.constantFrom('+', '＋', ' + '), (items, s, plus) => {
        const cell = items.map((it) => `${it.product}${plus}${it.quantity}`).join(s);
        expect([cell, splitKttItems(cell)]).toEqual([cell, items]);
      }),
      { numRuns: 500 },
    );
  });

  it('an item without `+N` counts once, under its whole text', () => {
    fc.assert(
      fc.property(
        fc.array(
          name.filter((n) => !/(?:[+＋]|[)）]\s*[xX×*])\s*\d+\s*$/.test(n)),
          { minLength: 1, maxLength: 4 },
        ),
        (names) => {
          expect(splitKttItems(names.join('\n'))).toEqual(names.map((product) => ({ product, quantity: 1 })));
        },
      ),
    );
  });

  it('never throws on any text; every item has a name and a whole quantity', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        for (const it of splitKttItems(text)) {
          expect(it.product).not.toBe('');
          expect(Number.isInteger(it.quantity) || it.quantity === Infinity).toBe(true);
        }
        expect(typeof stripNameSuffix(text)).toBe('string');
        expect(phoneLast4(text)).toMatch(/^(\d{4})?$/);
      }),
    );
  });
});

describe('masking: maskPhonesInText, maskPhone, maskName', () => {
  const phone = fc.stringMatching(/^1[3-9]\d{9}$/);
  /** Text that neither ends nor starts with a digit (a phone inside a longer run of digits is an order number, not a phone). */
  const around = anyText.filter((s) => !/^\d|\d$/.test(s));
  const textWithPhones = fc
    .tuple(
      around,
      fc.array(
        fc.tuple(
          phone,
          around.filter((s) => s !== ''),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([head, parts]) => ({ phones: parts.map((p) => p[0]), text: head + parts.map(([p, tail]) => p + tail).join('') }));

  it('no phone embedded in any text survives masking: no 11 consecutive digits of it are left', () => {
    fc.assert(
      fc.property(textWithPhones, ({ phones, text }) => {
        const out = maskPhonesInText(text);
        for (const p of phones) expect(out).not.toContain(p);
        expect(out).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
      }),
      { numRuns: 500 },
    );
  });

  it('the masked phone keeps its first 3 and last 4 digits (a member can still be told apart)', () => {
    fc.assert(
      fc.property(phone, around, (p, tail) => {
        expect(maskPhonesInText(p + tail)).toBe(`${p.slice(0, 3)}****${p.slice(7)}${tail}`);
        expect(maskPhone(p)).toBe(`${p.slice(0, 3)}****${p.slice(7)}`);
      }),
    );
  });

  it('masking is idempotent', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          textWithPhones.map((t) => t.text),
        ),
        (text) => {
          const once = maskPhonesInText(text);
          expect(maskPhonesInText(once)).toBe(once);
          expect(maskPhone(maskPhone(text))).toBe(maskPhone(text));
          expect(maskName(maskName(text))).toBe(maskName(text));
        },
      ),
    );
  });

  it('maskPhone never leaves more than 7 digits of a value; maskName keeps only the first character', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, phone), (text) => {
        expect(maskPhone(text).replace(/\D/g, '').length).toBeLessThanOrEqual(7);
        const m = [...maskName(text)];
        expect(m.slice(1).every((c) => c === '*')).toBe(true);
      }),
    );
  });

  // Phones written with separators (138-1234-5678, 138 1234 5678) are masked by an extension of maskPhonesInText
  // made in parallel (#12); this property runs once that extension is in.
  const separators = maskPhonesInText('138-1234-5678') !== '138-1234-5678';
  it.runIf(separators)('phones written with separators are masked too', () => {
    fc.assert(
      // the separators maskPhonesInText documents: spaces and dashes, in groups of 3-4-4
      fc.property(phone, fc.constantFrom('-', ' '), around, around, (p, s, head, tail) => {
        const written = `${p.slice(0, 3)}${s}${p.slice(3, 7)}${s}${p.slice(7)}`;
        const out = maskPhonesInText(head + written + tail);
        expect(out).toContain(`${p.slice(0, 3)}****${p.slice(7)}`);
        expect(out.replace(/\D/g, '')).not.toContain(p);
      }),
    );
  });
});
