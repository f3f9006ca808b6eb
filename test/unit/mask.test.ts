import { describe, expect, it } from 'vitest';
import { maskName, maskPhone, maskPhonesInText } from '../../src/core/shared/mask.js';

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'], ['138****5678', '138****5678'], [' 13812345678 ', '138****5678'],
    ['+86 138 1234 5678', '861****5678'], ['0571-88881234', '057****1234'], ['5678', '****5678'], ['12', '****'], ['', ''],
  ])('%j -> %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'], ['阳光宝妈', '阳***'], ['欧阳娜娜娜娜', '欧***'], ['张', '张*'], ['Amy, 小宝妈', 'A***'],
    ['🍉西瓜', '🍉**'], [' 李四 ', '李*'], ['', ''],
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
