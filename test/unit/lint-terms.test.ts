import { describe, expect, it } from 'vitest';
import { findTerms, lineAt, FREQUENCY_WORDS } from '../../src/core/templating/lint-terms.js';
import { DEFAULT_LINT } from '../../src/activities-config.js';

const terms = DEFAULT_LINT.absolute_terms;
const allowed = DEFAULT_LINT.allowed_words;
const found = (text: string) => findTerms(text, terms, allowed).map((h) => h.term);

describe('Advertising-Law absolute terms (core/templating/lint-terms.ts)', () => {
  it.each([
    ['全小区最好吃的西瓜', ['最']],
    ['销量第一,全网最低价', ['第一', '全网', '最']],
    ['100%新鲜,绝对正宗,国家级品质', ['100%', '绝对', '国家级']],
    ['顶级食材,唯一指定', ['顶级', '唯一']],
    ['The best melon in town, absolutely fresh', ['best', 'absolutely']],
    ['No.1 choice, the only one', ['No.1', 'the only']],
  ])('flags %s', (text, terms) => {
    expect(found(text)).toEqual(terms);
  });

  it.each([
    '最近是不是忙?',
    '您的第一单,最多送 3 份,最后一天',
    '推广文案不用绝对化用语',
    '第一次在我们团买东西',
    'Thank you for your first order; it works better than a slogan',
    'bestow', // a word that only contains "best"
  ])('leaves ordinary words alone: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('still flags a term next to an allowed word', () => {
    expect(found('最近最火')).toEqual(['最']);
  });

  it('gives the line of a hit inside multi-line content', () => {
    const text = 'a\nb\n最好';
    const [hit] = findTerms(text, terms, allowed);
    expect(lineAt(text, hit!.index, 10)).toBe(12);
  });

  it('knows the wording of frequent pushes', () => {
    expect(findTerms('以后每天给您发新品', FREQUENCY_WORDS, []).map((h) => h.term)).toEqual(['每天']);
    expect(findTerms('I will message you daily', FREQUENCY_WORDS, []).map((h) => h.term)).toEqual(['daily']);
  });
});
