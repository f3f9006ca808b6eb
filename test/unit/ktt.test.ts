import { describe, expect, it } from 'vitest';
import { phoneLast4, splitKttItems, stripNameSuffix } from '../../src/core/ingest/ktt.js';

describe('splitKttItems (the 商品 cell: `名称(规格)+数量`, one item per line of the cell)', () => {
  it.each([
    ['麒麟西瓜(约8斤)+1', [{ product: '麒麟西瓜(约8斤)', quantity: 1 }]],
    [
      '手工水饺(1kg)+2\n香蕉(5斤)+2',
      [
        { product: '手工水饺(1kg)', quantity: 2 },
        { product: '香蕉(5斤)', quantity: 2 },
      ],
    ],
    [
      '手工水饺(1kg)+1\r\n小青菜(2斤)+1\r\n香蕉(5斤)+3',
      [
        { product: '手工水饺(1kg)', quantity: 1 },
        { product: '小青菜(2斤)', quantity: 1 },
        { product: '香蕉(5斤)', quantity: 3 },
      ],
    ],
    [
      '苹果(5斤)+1；香蕉(5斤)+2',
      [
        { product: '苹果(5斤)', quantity: 1 },
        { product: '香蕉(5斤)', quantity: 2 },
      ],
    ],
    [
      '苹果(5斤)+1;香蕉(5斤)+2',
      [
        { product: '苹果(5斤)', quantity: 1 },
        { product: '香蕉(5斤)', quantity: 2 },
      ],
    ],
    ['纯牛奶(250ml*24)+1', [{ product: '纯牛奶(250ml*24)', quantity: 1 }]], // `*24` inside the spec is not a count
    ['香蕉(5斤) + 2 ', [{ product: '香蕉(5斤)', quantity: 2 }]],
    ['香蕉(5斤)＋3', [{ product: '香蕉(5斤)', quantity: 3 }]], // full-width plus
    ['香蕉(5斤)×2', [{ product: '香蕉(5斤)', quantity: 2 }]],
    ['香蕉(5斤)x2', [{ product: '香蕉(5斤)', quantity: 2 }]],
    ['大闸蟹礼券+10', [{ product: '大闸蟹礼券', quantity: 10 }]],
    ['自提袋', [{ product: '自提袋', quantity: 1 }]], // no count: one
    ['+2', [{ product: '+2', quantity: 1 }]], // no name: kept whole
    ['\n苹果(5斤)+1\n\n', [{ product: '苹果(5斤)', quantity: 1 }]], // blank lines skipped
    ['', []],
    ['   ', []],
    // found by the property tests (properties.test.ts): a lone CR is a line break of the cell, and a line
    // separator (U+2028) inside a name no longer loses the quantity
    [
      '苹果(5斤)+2\r香蕉(5斤)+3',
      [
        { product: '苹果(5斤)', quantity: 2 },
        { product: '香蕉(5斤)', quantity: 3 },
      ],
    ],
    ['!\u2028苹+3', [{ product: '!\u2028苹', quantity: 3 }]],
  ])('%j', (cell, items) => {
    expect(splitKttItems(cell)).toEqual(items);
  });
});

describe('stripNameSuffix (收货人 `名字[4365]`)', () => {
  it.each([
    ['徐萍[5758]', '徐萍'],
    ['徐萍 [5758]', '徐萍'],
    ['徐萍【5758】', '徐萍'],
    ['徐萍(5758)', '徐萍'],
    ['徐萍（5758）', '徐萍'],
    ['周敏(枫林湾)', '周敏(枫林湾)'],
    ['[5758]徐萍', '[5758]徐萍'],
    ['Amy, 小宝妈', 'Amy, 小宝妈'],
    [' 张三 ', '张三'],
    ['', ''],
  ])('%j -> %j', (raw, name) => {
    expect(stripNameSuffix(raw)).toBe(name);
  });
});

describe('phoneLast4', () => {
  it.each([
    ['138****5678', '5678'],
    ['13812345678', '5678'],
    ['+86 138 1234 5678', '5678'],
    ['186-****-9846', '9846'],
    ['5678', '5678'],
    ['123', ''],
    ['****', ''],
    ['', ''],
  ])('%j -> %j', (phone, last4) => {
    expect(phoneLast4(phone)).toBe(last4);
  });
});

describe('splitKttItems: a pack size is not a quantity', () => {
  it.each([
    ['纯牛奶 250ml*24', '纯牛奶 250ml*24', 1],
    ['抽纸 3层x24包', '抽纸 3层x24包', 1],
    ['纯牛奶(250ml*24)+2', '纯牛奶(250ml*24)', 2],
    ['香蕉（5斤）×3', '香蕉（5斤）', 3],
  ])('%s → %s × %i', (cell, product, quantity) => {
    expect(splitKttItems(cell)).toEqual([{ product, quantity }]);
  });
});
