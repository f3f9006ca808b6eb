import { describe, expect, it } from 'vitest';
import { blocks, markdownToHtml, markdownToText } from '../../src/render/markdown.js';

const MD = `# 标题

一段话 **加粗**
第二行

- 甲
- 乙

1. 一
2. 二

> 引用

| 会员 | 金额 |
|---|---:|
| 张*(M1) | ¥1.00 |
| a\\|b | ¥22.00 |
`;

describe('the Markdown subset of the shipped templates', () => {
  it('splits into blocks', () => {
    expect(blocks(MD).map((b) => b.kind)).toEqual(['h', 'p', 'ul', 'ol', 'quote', 'table']);
  });

  it('HTML: a self-contained page; text is escaped, so a name cannot inject markup', () => {
    const html = markdownToHtml(`${MD}\n<script>alert(1)</script> & "q"\n`, 'T <x>', 'zh-CN');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<title>T &lt;x&gt;</title>');
    expect(html).toContain('<h1>标题</h1>');
    expect(html).toContain('<p>一段话 <strong>加粗</strong><br>\n第二行</p>');
    expect(html).toContain('<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>');
    expect(html).toContain('<tr><td>a|b</td><td>¥22.00</td></tr>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;');
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/https?:/); // no network
  });

  it('text: headings in 【】, bullets, aligned table columns (CJK counts double)', () => {
    expect(markdownToText(MD)).toBe(
      [
        '【标题】',
        '',
        '一段话 加粗\n第二行',
        '',
        '· 甲\n· 乙',
        '',
        '1. 一\n2. 二',
        '',
        '引用',
        '',
        '会员     金额\n张*(M1)  ¥1.00\na|b      ¥22.00',
        '',
      ].join('\n'),
    );
  });
});
