import { describe, expect, it } from 'vitest';
import {
  maskName,
  maskPhone,
  maskPhonesDeep,
  maskPhonesInText,
  maskReason,
  maskTextWithPhone,
  maskWords,
  personalColumns,
  stringsIn,
} from '../../src/core/shared/mask.js';

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138****5678', '138****5678'],
    [' 13812345678 ', '138****5678'],
    ['+86 138 1234 5678', '861****5678'],
    ['0571-88881234', '057****1234'],
    ['5678', '****5678'],
    ['12', '****'],
    ['', ''],
  ])('%j -> %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['阳光宝妈', '阳***'],
    ['欧阳娜娜娜娜', '欧***'],
    ['张', '张*'],
    ['Amy, 小宝妈', 'A***'],
    ['🍉西瓜', '🍉**'],
    [' 李四 ', '李*'],
    ['', ''],
  ])('%j -> %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('maskPhonesInText (raw text of rejected rows)', () => {
  it.each([
    ['N2,2026-10-01 09:00:00,,13812345678,大米', 'N2,2026-10-01 09:00:00,,138****5678,大米'],
    ['13812345678;13987654321', '138****5678;139****4321'],
    ['1381234567', '1381234567'], // 10 digits: not a mobile number
    ['213812345678', '213812345678'], // part of a longer number
    ['DD202508010001,12345678901', 'DD202508010001,12345678901'], // starts with 12: not a mainland mobile
    ['186****9846', '186****9846'],
  ])('%j -> %j', (text, masked) => {
    expect(maskPhonesInText(text)).toBe(masked);
  });
});

describe('maskPhonesInText: phones in any column, written any way', () => {
  it.each([
    ['13812345678', '138****5678'], // a member id that is a phone
    ['138 1234 5678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['138 1234-5678', '138****5678'],
    ['+8613812345678', '+86138****5678'],
    ['+86 138 1234 5678', '+86 138****5678'],
    ['0086-13812345678', '0086-138****5678'],
    ['8613812345678', '86138****5678'],
    ['水果 13812345678 送到', '水果 138****5678 送到'],
    ['id13812345678x', 'id138****5678x'],
    ['13812345678901', '13812345678901'], // 14 digits: an order number, not a phone
    ['138123456789', '138123456789'], // 12 digits
    ['2025080113812345678', '2025080113812345678'], // a phone's digits inside a longer order number
    ['12812345678', '12812345678'], // 12x is not a mainland mobile
    ['0571-88881234', '0571-88881234'], // a landline is not masked by this rule
    ['138****5678', '138****5678'], // masked stays masked
    ['2026-10-01 09:00:00', '2026-10-01 09:00:00'],
  ])('%j -> %j', (text, masked) => {
    expect(maskPhonesInText(text)).toBe(masked);
  });

  it('never leaves 11 consecutive digits of a phone, however it is written', () => {
    const seps = ['', ' ', '-'];
    const prefixes = ['', '+86', '+86 ', '0086', '86-'];
    let n = 0;
    for (let i = 0; i < 300; i++) {
      const digits = `1${3 + (i % 7)}${String(100000000 + ((i * 7919 * 104729) % 900000000)).slice(-9)}`;
      const sep = seps[i % 3]!;
      const written = `${prefixes[i % 5]}${digits.slice(0, 3)}${sep}${digits.slice(3, 7)}${sep}${digits.slice(7)}`;
      for (const around of [
        ['', ''],
        ['备注:', '。'],
        ['a', 'b'],
        ['"', '"'],
        [',', ','],
      ] as const) {
        const out = maskPhonesInText(around[0] + written + around[1]);
        expect(out.replace(/\D/g, ''), out).not.toContain(digits);
        expect(out).toContain(`${digits.slice(0, 3)}****${digits.slice(7)}`);
        n++;
      }
    }
    expect(n).toBe(1500);
  });
});

describe('maskPhonesDeep (an api result)', () => {
  it('masks strings in objects, arrays, Map keys and values; keeps numbers and other objects', () => {
    const d = new Date(0);
    const v = {
      id: '13812345678',
      n: 13812345678,
      list: ['13912345678', 1],
      m: new Map([['13712345678', { c: '15012345678' }]]),
      d,
      s: new Set(['18612345678']),
    };
    const out = maskPhonesDeep(v);
    expect(out).toEqual({
      id: '138****5678',
      n: 13812345678,
      list: ['139****5678', 1],
      m: new Map([['137****5678', { c: '150****5678' }]]),
      d,
      s: new Set(['186****5678']),
    });
    expect(out.d).toBe(d);
    expect(v.id).toBe('13812345678'); // the input is not changed
  });

  it("keeps the strings it is told to keep (the configuration's own texts)", () => {
    const config = { offer: { zh: '有事找团长 13800000000', en: 'call 13800000000' }, list: ['x'] };
    const keep = stringsIn(config);
    expect(keep).toEqual(new Set(['有事找团长 13800000000', 'call 13800000000', 'x']));
    expect(maskPhonesDeep({ text: '有事找团长 13800000000', id: '13812345678' }, keep)).toEqual({
      text: '有事找团长 13800000000',
      id: '138****5678',
    });
  });
});

describe('maskReason', () => {
  it.each([
    ['unrecognised date "老史"', true, 'unrecognised date "老*"'], // a name shifted into the date column
    ['unrecognised date "老史"', false, 'unrecognised date "老史"'],
    [
      'unknown status "已作废" (add it to status_words in the config)',
      false,
      'unknown status "已作废" (add it to status_words in the config)',
    ],
    ['unknown status "欧阳雪梅15210196789"', false, 'unknown status "欧***152****6789"'], // a name goes with a phone
    ['unrecognised date "2026-13-45"', true, 'unrecognised date "2026-13-45"'],
    ['not a number: "13812345678"', false, 'not a number: "138****5678"'],
    ['empty amount', true, 'empty amount'],
  ])('%j (shifted: %j) -> %j', (reason, shifted, masked) => {
    expect(maskReason(reason, shifted)).toBe(masked);
  });
});

describe('maskTextWithPhone and maskWords', () => {
  it.each([
    ['欧阳雪梅15210196789', '欧***152****6789'],
    ['西瓜 联系 137-1111-2222', '西* 联* 137****2222'],
    ['大米', '大米'],
    ['M1 2026-10-01', 'M1 2026-10-01'],
  ])('%j -> %j', (text, masked) => {
    expect(maskTextWithPhone(text)).toBe(masked);
  });

  it('masks every word of a record that did not split into columns', () => {
    expect(maskWords('A1;2026-10-01;M1;张丽;枫林湾5栋301;大米;Amy')).toBe('A1;2026-10-01;M1;张*;枫**5栋301;大*;A**');
  });
});

describe('personalColumns', () => {
  it('records the header width, to tell a shifted rejected row', () => {
    expect(personalColumns(['订单号', '姓名', '手机'], {}).width).toBe(3);
  });
});
