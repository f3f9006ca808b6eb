import { describe, expect, it } from 'vitest';
import { cleanForPeople, escapeJsonText, neutraliseFormula } from '../../src/core/shared/clean.js';
import { csvCell, renderJson, renderTable } from '../../src/render/table.js';
import { makeStyle } from '../../src/render/style.js';

const X = '\uFFFD';

describe('cleanForPeople', () => {
  it.each([
    ['M001', 'M001'],
    ['张三 🍉 é', '张三 🍉 é'],
    ['\x1b[31mM001\x1b[0m', `${X}[31mM001${X}[0m`], // ANSI colour
    ['\x1b]0;title\x07x', `${X}]0;title${X}x`], // OSC: set the terminal title
    ['\u202Egnp.exe', `${X}gnp.exe`], // right-to-left override
    ['a\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069b', `a${X.repeat(8)}b`],
    ['a\u200E\u200F\u061Cb', `a${X}${X}${X}b`],
    ['a\u0000b\u007Fc\u0085d\u009Be', `a${X}b${X}c${X}d${X}e`], // NUL, DEL, C1 NEL and CSI
    ['a\u2028b\u2029c', `a${X}b${X}c`],
    ['a\tb\nc\r\nd\re', 'a b c d e'], // one line: whitespace controls become spaces
  ])('%j -> %j', (raw, clean) => {
    expect(cleanForPeople(raw)).toBe(clean);
  });

  it('keeps tabs and line breaks of a whole text, but not a lone CR', () => {
    expect(cleanForPeople('a\tb\nc\r\nd\re\x1b[2J', { lines: true })).toBe(`a\tb\nc\r\nd${X}e${X}[2J`);
  });

  it('is idempotent', () => {
    for (const s of ['\x1b[31mx', '\u202Eabc', 'a\rb']) expect(cleanForPeople(cleanForPeople(s))).toBe(cleanForPeople(s));
  });
});

describe('neutraliseFormula (CSV cells)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠x', "'＠x"], // full-width forms, which WPS reads
    [' =1+1', "' =1+1"],
    ['\u3000＝1', "'\u3000＝1"], // a leading space does not hide a formula
    ['-12.5', '-12.5'],
    ['+3', '+3'],
    ['12', '12'],
    ['M=1', 'M=1'],
    ['', ''],
  ])('%j -> %j', (raw, safe) => {
    expect(neutraliseFormula(raw)).toBe(safe);
  });
});

describe('the output choke points', () => {
  it('a CSV cell is cleaned, then neutralised and quoted', () => {
    expect(csvCell('\x1b[31m=1')).toBe(`${X}[31m=1`);
    expect(csvCell('＝HYPERLINK("x")')).toBe(`"'＝HYPERLINK(""x"")"`);
    expect(csvCell('\u202E=1')).toBe(`${X}=1`);
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(-5)).toBe('-5');
  });

  it("a table cell holds no escape sequence of its own, only the style's", () => {
    const out = renderTable(['id'], [['\x1b[31mM1\u202E']], makeStyle(false));
    expect(out).not.toMatch(/[\x1b\u202E]/);
    expect(out).toContain(`${X}[31mM1${X}`);
    const painted = renderTable(['id'], [['\x1b[31mok']], makeStyle(true), undefined, (t) => makeStyle(true).green(t));
    expect(painted.match(/\x1b/g)!.length).toBe(4); // bold head and green cell: open and close each
  });

  it('JSON keeps every character but writes bidi controls as escapes', () => {
    const value = { id: '\u202Eabc\u2066\x1b[31m' };
    const json = renderJson(value);
    expect(json).not.toMatch(/[\x1b\u202E\u2066]/);
    expect(json).toContain('\\u202e');
    expect(JSON.parse(json)).toEqual(value);
    expect(escapeJsonText('"\u200F"')).toBe('"\\u200f"');
  });
});
