/** Spreadsheet cells -> CSV text (core/ingest/cells.ts): dates, numbers, money, references. */
import { describe, expect, it } from 'vitest';
import {
  cellRef,
  columnIndex,
  isDateFormat,
  isoCellToText,
  moneyCellText,
  moneyToText,
  numberCellText,
  numberToText,
  serialToText,
  sheetCell,
  unescapeXstring,
} from '../../src/core/ingest/index.js';
import { isDateFormatCode } from '../../src/core/ingest/cells.js';

describe('serial dates', () => {
  // Serials worked out by hand: 2026-10-31 is 46326 days after 1899-12-30; 20:15 is 20.25/24 = 0.84375.
  it('1900 system: the date and time the cell shows, with no time-zone shift', () => {
    expect(serialToText(46326.84375, false)).toBe('2026-10-31 20:15:00');
    expect(serialToText(46326, false)).toBe('2026-10-31 00:00:00');
    expect(serialToText(45658 + 0.5, false)).toBe('2025-01-01 12:00:00');
  });

  it('rounds to the second, carrying into the next day', () => {
    expect(serialToText(46326 + 59.6 / 86400, false)).toBe('2026-10-31 00:01:00');
    expect(serialToText(46326.9999999, false)).toBe('2026-11-01 00:00:00');
  });

  it("1900 system: Lotus's 1900-02-29 is serial 60, days before it are one later than they count", () => {
    expect(serialToText(1, false)).toBe('1900-01-01 00:00:00');
    expect(serialToText(59, false)).toBe('1900-02-28 00:00:00');
    expect(serialToText(60, false)).toBe('1900-02-29 00:00:00'); // not a date: the CSV rules reject it
    expect(serialToText(61, false)).toBe('1900-03-01 00:00:00');
  });

  it('1904 system: serial 0 is 1904-01-01, 1,462 days after the 1900 serial 0', () => {
    expect(serialToText(0, true)).toBe('1904-01-01 00:00:00');
    expect(serialToText(46326.84375 - 1462, true)).toBe('2026-10-31 20:15:00');
  });

  it('a time of day alone (a time format, serial < 1)', () => {
    expect(serialToText(0.84375, false, true)).toBe('20:15:00');
  });

  it('ISO date cells (t="d") keep the wall-clock time', () => {
    expect(isoCellToText('2026-10-31T20:15:00Z')).toBe('2026-10-31 20:15:00');
    expect(isoCellToText('2026-10-31T20:15')).toBe('2026-10-31 20:15:00');
    expect(isoCellToText('2026-10-31')).toBe('2026-10-31 00:00:00');
  });
});

describe('date formats', () => {
  it.each([
    'yyyy-mm-dd hh:mm:ss',
    'yyyy/m/d h:mm',
    '[$-804]yyyy"年"m"月"d"日"',
    'm/d/yy',
    'h:mm AM/PM',
    'YYYY-MM-DD HH:MM:SS',
    '[h]:mm:ss',
  ])('%s is a date or time', (code) => {
    expect(isDateFormatCode(code)).toBe(true);
  });

  it.each(['General', '0.00', '#,##0.00', '"￥"#,##0.00', '[Red]-0.00', '0.00E+00', '@', '000000', '#,##0_);(#,##0)'])(
    '%s is not',
    (code) => {
      expect(isDateFormatCode(code)).toBe(false);
    },
  );

  it('built-in ids: 14–22, 45–47 and the zh-CN 27–36, 50–58 are dates; a custom code wins', () => {
    expect([14, 22, 27, 31, 45, 57].every((id) => isDateFormat(id, undefined))).toBe(true);
    expect([0, 1, 2, 4, 10, 49].some((id) => isDateFormat(id, undefined))).toBe(false);
    expect(isDateFormat(14, '0.00')).toBe(false);
  });
});

describe('numbers', () => {
  it('binary artefacts go: at most 15 significant digits', () => {
    expect(numberToText(12.300000000000001)).toBe('12.3');
    expect(numberToText(0.1 + 0.2)).toBe('0.3');
    expect(numberToText(47.699999999999996)).toBe('47.7');
    expect(numberToText(-0)).toBe('0');
    expect(numberToText(1e-7)).toBe('0.0000001');
  });

  it('ids and phone numbers stored as numbers keep every digit (no 1.38E+10)', () => {
    expect(numberToText(13812345678)).toBe('13812345678');
    expect(numberToText(202608010001234)).toBe('202608010001234');
    expect(numberToText(9007199254740991)).toBe('9007199254740991');
  });

  it('a format of zeros keeps the zeros it shows', () => {
    expect(numberToText(123, '000000')).toBe('000123');
    expect(numberToText(123, '0.00')).toBe('123');
  });

  it('money: half-up to 2 decimals on the decimal text, never truncated', () => {
    expect(moneyToText(12.300000000000001)).toBe('12.3');
    expect(moneyToText(0.1 + 0.2)).toBe('0.3');
    expect(moneyToText(1.005)).toBe('1.01'); // the double is 1.00499999999999989…
    expect(moneyToText(2.675)).toBe('2.68');
    expect(moneyToText(1.004)).toBe('1');
    expect(moneyToText(-0.005)).toBe('-0.01');
    expect(moneyToText(0.004)).toBe('0');
    expect(moneyToText(99.995)).toBe('100');
  });
});

describe('number cells from their text', () => {
  // The text of a <v> either is what numberToText prints (kept as it is) or is parsed and printed again:
  // both ways must give the same text as printing the number.
  const texts = [
    '0',
    '-0',
    '7',
    '-7',
    '100',
    '19.9',
    '19.90',
    '0.5',
    '-0.5',
    '0.000001',
    '0.0000001',
    '0.0000012',
    '1.',
    '1e5',
    '1E-7',
    '+3',
    '007',
    ' 4',
    '15077243897',
    '123456789012345',
    '1234567890123456',
    '12345678901234567890123',
    '45292.29450231481',
    '45292.301041666666',
    '12.300000000000001',
    '0.30000000000000004',
    '1.005',
    '2.675',
    '-1.005',
    '0.125',
    '99.995',
    'abc',
    '-',
    '.5',
  ];
  it('numberCellText gives numberToText of the number', () => {
    for (const v of texts) expect(numberCellText(v), v).toBe(Number.isNaN(Number(v)) ? '' : numberToText(Number(v)));
    expect(numberCellText('42', '000000')).toBe('000042');
  });
  it('moneyCellText gives moneyToText of the number', () => {
    for (const v of texts) expect(moneyCellText(v), v).toBe(Number.isNaN(Number(v)) ? '' : moneyToText(Number(v)));
  });
});

describe('text and references', () => {
  it('_xHHHH_ escapes', () => {
    expect(unescapeXstring('a_x000D__x000A_b')).toBe('a\r\nb');
    expect(unescapeXstring('plain_text')).toBe('plain_text');
  });

  it('cell references both ways', () => {
    expect(cellRef(7, 17)).toBe('H17');
    expect(cellRef(27, 3)).toBe('AB3');
    expect(columnIndex('H17')).toBe(7);
    expect(columnIndex('AB3')).toBe(27);
    expect(columnIndex('17')).toBe(-1);
    expect(sheetCell('Sheet1', 7, 17)).toBe('Sheet1!H17');
    expect(sheetCell('订单 明细', 0, 2)).toBe("'订单 明细'!A2");
  });
});
