import { describe, expect, it } from 'vitest';
import { applyBp, cleanMoneyText, divRoundHalfUp, formatFen, formatYuan, parseFen, parseScaled } from '../../src/core/shared/money.js';
import { intIn, mulberry32 } from '../helpers/prng.js';

const MAX = Number.MAX_SAFE_INTEGER; // 9007199254740991 fen = 90,071,992,547,409.91 yuan

describe('parseFen', () => {
  it.each([
    ['12.3', 1230],
    ['12.30', 1230],
    ['12', 1200],
    ['12.', 1200],
    ['0', 0],
    ['0.00', 0],
    ['0.01', 1],
    ['0.29', 29],
    ['1.15', 115],
    ['4.35', 435], // 0.29 * 100 is 28.999999999999996 in floating point
    ['¥12.30', 1230],
    ['￥1,234.50', 123450],
    ['12.3元', 1230],
    ['0元', 0],
    ['12.3 RMB', 1230],
    ['12.3cny', 1230],
    ['￥ 8', 800],
    [' 12.30 ', 1230],
    ['1 234.50', 123450],
    ['1，234.5', 123450],
    ['12,345,678.90', 1234567890],
    ['1,000', 100000],
    ['-12.30', -1230],
    ['+5', 500],
    ['-0.05', -5],
    ['-¥5.00', -500],
    ['¥-5', -500],
    ['(12.30)', -1230],
    ['(1,234.50)', -123450],
    ['90071992547409.91', MAX],
    ['-90071992547409.91', -MAX],
    // found by the property tests (properties.test.ts): a currency sign or unit inside the brackets
    ['(¥12.30)', -1230],
    ['¥(12.30)', -1230],
    ['(12.30元)', -1230],
    ['(12.30)元', -1230],
    ['(￥1,234.50)', -123450],
  ])('%j -> %i fen', (raw, fen) => {
    expect(parseFen(raw)).toEqual({ ok: true, value: fen });
  });

  it.each(['-0.00', '(0.00)', '-¥0', '(0.00rmb)', '-0'])('%j is 0, never -0 (found by the property tests)', (raw) => {
    const r = parseFen(raw);
    expect(r.ok && Object.is(r.value, 0)).toBe(true);
  });

  it.each([
    ['12.345', 'more than 2 decimals: "12.345"'],
    ['0.005', 'more than 2 decimals: "0.005"'],
    ['abc', 'not a number: "abc"'],
    ['', 'not a number: ""'],
    ['十二元', 'not a number: "十二元"'],
    ['1.2.3', 'not a number: "1.2.3"'],
    ['.5', 'not a number: ".5"'],
    ['¥', 'not a number: "¥"'],
    ['--5', 'not a number: "--5"'],
    ['12元5角', 'not a number: "12元5角"'],
    // a decimal comma (European exports, often with ';') is refused, never read as thousands: 12,34 ≠ 1234
    ['12,34', 'not a number: "12,34"'],
    ['1,2345', 'not a number: "1,2345"'],
    [',123', 'not a number: ",123"'],
    ['90071992547409.92', 'amount too large: "90071992547409.92"'],
  ])('%j is refused: %s', (raw, reason) => {
    expect(parseFen(raw)).toEqual({ ok: false, reason });
  });
});

describe('cleanMoneyText', () => {
  it.each([
    ['￥1,234.50', '1234.50'],
    ['¥12.30', '12.30'],
    ['12.3元', '12.3'],
    ['(12.30)', '-12.30'],
    [' 1 000 ', '1000'],
    ['12,34', '12,34'],
    ['-¥5', '-5'],
  ])('%j -> %j', (raw, clean) => {
    expect(cleanMoneyText(raw)).toBe(clean);
  });
});

describe('parseScaled', () => {
  it.each([
    ['1.5', 3, 1500],
    ['0.001', 3, 1],
    ['-2', 3, -2000],
    ['2.55', 4, 25500],
    ['0.0001', 4, 1],
    ['7', 0, 7],
  ])('%j at scale %i -> %i', (raw, scale, units) => {
    expect(parseScaled(raw, scale)).toEqual({ ok: true, value: units });
  });

  it('refuses more fraction digits than the scale', () => {
    expect(parseScaled('1.2345', 3)).toEqual({ ok: false, reason: 'more than 3 decimals: "1.2345"' });
  });
});

describe('formatFen', () => {
  it.each([
    [1230, '12.30'],
    [0, '0.00'],
    [5, '0.05'],
    [99, '0.99'],
    [100, '1.00'],
    [-5, '-0.05'],
    [-123450, '-1234.50'],
    [MAX, '90071992547409.91'],
    [-MAX, '-90071992547409.91'],
  ])('%i -> %j', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it.each([[1.5], [MAX + 1], [Number.NaN]])('refuses %d (not a safe integer)', (fen) => {
    expect(() => formatFen(fen)).toThrow(RangeError);
  });
});

describe('formatYuan', () => {
  it.each([
    [123450, '¥1,234.50'],
    [0, '¥0.00'],
    [99, '¥0.99'],
    [100_000, '¥1,000.00'],
    [99_999, '¥999.99'],
    [100_000_000, '¥1,000,000.00'],
    [-123450, '-¥1,234.50'],
    [-5, '-¥0.05'],
    [MAX, '¥90,071,992,547,409.91'],
  ])('%i -> %j', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });
});

describe('divRoundHalfUp', () => {
  it.each([
    [7, 2, 4],
    [-7, 2, -4],
    [7, -2, -4],
    [5, 3, 2],
    [4, 3, 1],
    [-4, 3, -1],
    [-5, 3, -2],
    [0, 7, 0],
    [10, 5, 2],
  ])('%i / %i -> %i (half away from zero)', (n, d, q) => {
    expect(divRoundHalfUp(n, d)).toBe(q);
  });

  it('refuses division by zero', () => {
    expect(() => divRoundHalfUp(1, 0)).toThrow('division by zero');
  });
});

describe('applyBp', () => {
  it.each([
    [10_000, 500, 500], // 5% of ¥100.00
    [1, 5000, 1], // 0.5 fen rounds up
    [1, 4999, 0],
    [-1, 5000, -1], // half away from zero on negatives
    [-1, 4999, 0],
    [3, 3333, 1], // 0.9999
    [15, 3333, 5], // 4.9995
    [12345, 1250, 1543], // 1543.125
    [12350, 1250, 1544], // 1543.75
    [-15, 3333, -5], // -4.9995
    [-150, 3333, -50], // -49.995
    [100, -500, -5],
    [0, 1234, 0],
    [123, 0, 0],
    [MAX, 10_000, MAX], // beyond 2^53 inside: the BigInt path
    [MAX, 5000, 4503599627370496], // 4503599627370495.5 rounds up
    [-MAX, 5000, -4503599627370496],
    [MAX, 1, 900719925474], // 900719925474.0991
  ])('%i fen × %i bp -> %i fen', (fen, bp, out) => {
    expect(applyBp(fen, bp)).toBe(out);
  });

  it('refuses unsafe inputs', () => {
    expect(() => applyBp(MAX + 1, 1)).toThrow(RangeError);
    expect(() => applyBp(1, 0.5)).toThrow(RangeError);
  });
});

describe('invariants (seeded)', () => {
  const rnd = mulberry32(0x5eed_0001);
  const randomFen = () => {
    const scale = 10 ** intIn(rnd, 0, 15);
    return (rnd() < 0.3 ? -1 : 1) * Math.floor(rnd() * scale) + 0; // + 0: no -0
  };

  it('parseFen(formatFen(f)) === f and parseFen(formatYuan(f)) === f', () => {
    for (let i = 0; i < 5000; i++) {
      const f = randomFen();
      expect(parseFen(formatFen(f))).toEqual({ ok: true, value: f });
      expect(parseFen(formatYuan(f))).toEqual({ ok: true, value: f });
    }
  });

  it('formatFen(parseFen(s)) === s for canonical yuan text', () => {
    for (let i = 0; i < 5000; i++) {
      const yuan = String(intIn(rnd, 0, 10 ** intIn(rnd, 1, 12)));
      const s = `${rnd() < 0.2 && yuan !== '0' ? '-' : ''}${yuan}.${String(intIn(rnd, 0, 99)).padStart(2, '0')}`;
      const r = parseFen(s);
      expect(r.ok).toBe(true);
      if (r.ok) expect(formatFen(r.value)).toBe(s === '-0.00' ? '0.00' : s);
    }
  });

  it('applyBp is never more than half a fen from the exact rational, and halves go away from zero', () => {
    for (let i = 0; i < 5000; i++) {
      const fen = randomFen();
      const bp = intIn(rnd, -20_000, 20_000);
      const got = BigInt(applyBp(fen, bp));
      const exact = BigInt(fen) * BigInt(bp); // in 1/10000 fen
      const diff = got * 10_000n - exact; // how far the result is, in 1/10000 fen
      const abs = diff < 0n ? -diff : diff;
      expect(abs <= 5000n).toBe(true);
      if (abs === 5000n) expect(got === 0n ? false : got > 0n === exact > 0n).toBe(true);
    }
  });
});
