import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateFiles, Templates, TemplateRenderError, type TemplateFile } from '../../src/adapters/templates.js';
import { dateText, HELPER_DOCS, makeHelpers, pctText } from '../../src/adapters/template-helpers.js';
import { TemplateError } from '../../src/errors.js';

/** A template set from literal sources, written to a temp dir (file names are what errors show). */
function set(files: Record<string, string>, lang: 'zh-CN' | 'en' = 'zh-CN', unmask = false): Templates {
  const dir = mkdtempSync(join(tmpdir(), 'tuan-tpl-'));
  const map = new Map<string, TemplateFile>();
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, `${name}.hbs`), text);
    map.set(name, { name, path: join(dir, `${name}.hbs`), display: `t/${name}.hbs`, origin: 'user' });
  }
  return new Templates(map, lang, unmask);
}
const render = (src: string, ctx: unknown, lang: 'zh-CN' | 'en' = 'zh-CN', unmask = false) =>
  set({ t: src }, lang, unmask).render('t', ctx);
const failure = (fn: () => unknown): TemplateRenderError => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateRenderError);
    return e as TemplateRenderError;
  }
  throw new Error('expected a TemplateError');
};

describe('template helpers', () => {
  it.each([
    ['{{yuan 123450}}', {}, '¥1,234.50'],
    ['{{yuan -5}}', {}, '-¥0.05'],
    ['{{pct 2500}} {{pct 1250}} {{pct 333}} {{pct 1406}}', {}, '25% 12.5% 3.33% 14.06%'],
    ['{{date "2026-11-03"}} {{date "2026-11-03" "long"}} {{date "2026-11-03" "weekday"}}', {}, '11月3日 2026年11月3日 周二'],
    ['{{weekday 7}} {{inc 0}} {{join xs}} {{default e "无"}} {{cell "a|b"}}', { xs: ['甲', '乙'], e: '' }, '周日 1 甲、乙 无 a\\|b'],
    ['{{#if (and (eq a 1) (ne b 2) (gt a 0) (lte a 1) (not c))}}yes{{/if}}', { a: 1, b: 3, c: false }, 'yes'],
    ['{{mask n}} {{mask p "phone"}}', { n: '张三丰', p: '13812345678' }, '张** 138****5678'],
  ])('%s', (src, ctx, out) => {
    expect(render(src, ctx)).toBe(out);
  });

  it('English dates and plural', () => {
    expect(
      render(
        '{{date d}} / {{date d "long"}} / {{date d "weekday"}} / {{plural 1 "member" "members"}} {{plural 2 "member" "members"}}',
        { d: '2026-11-03' },
        'en',
      ),
    ).toBe('3 Nov / 3 Nov 2026 / Tue / member members');
    expect(dateText('2026-01-09', 'short', 'zh-CN')).toBe('1月9日');
    expect(pctText(-50)).toBe('-0.5%');
  });

  it('every helper is documented (docs/reference/templates.md, tuan lint --context)', () => {
    const documented = HELPER_DOCS.map(([use]) => use).join(' ');
    for (const name of Object.keys(makeHelpers('zh-CN', false))) expect(documented, name).toMatch(new RegExp(`[{(]${name} `));
  });

  it('mask leaves text alone with --unmask', () => {
    expect(render('{{mask n}}', { n: '张三丰' }, 'zh-CN', true)).toBe('张三丰');
  });

  it.each([
    ['{{yuan x}}', { x: 1.5 }, 'helper "yuan" expects money in fen (an integer), got 1.5', 1],
    ['a\n{{pct}}', {}, 'helper "pct" takes 1 argument(s), got 0', 2],
    ['\n\n{{date d}}', { d: '3/11/2026' }, 'helper "date" expects a date YYYY-MM-DD, got "3/11/2026"', 3],
    ['{{yuan missing}}', {}, 'helper "yuan": argument 1 is missing (not in the context)', 1],
  ])('a wrong helper call names the file and line: %s', (src, ctx, what, line) => {
    const e = failure(() => render(src, ctx));
    expect([e.what, e.file, e.line]).toEqual([what, 't/t.hbs', line]);
  });
});

describe('strict rendering: errors name the template file and line (exit 5)', () => {
  it('a missing variable', () => {
    const e = failure(() => render('line one\n你好 {{member.nmae}}', { member: { name: '张*' } }));
    expect(e.message).toBe('template error: unknown variable "nmae" (t/t.hbs:2)');
    expect(e).toBeInstanceOf(TemplateError);
    expect(e.exitCode).toBe(5);
  });

  it('{{#each}} over a missing field', () => {
    const e = failure(() => render('{{!-- header --}}\n标题\n\n{{#each member.favourites}}\n- {{name}}\n{{/each}}\n', { member: {} }));
    expect(e.message).toBe('template error: #each over a missing field (not in the context) (t/t.hbs:4)');
  });

  it('{{#each}} over null renders the else branch (null means "absent")', () => {
    expect(render('{{#each xs}}x{{else}}none{{/each}}', { xs: null })).toBe('none');
  });

  it('an unknown helper, a syntax error, an unknown partial', () => {
    expect(failure(() => render('\n{{shout name}}', { name: 'x' })).message).toBe('template error: unknown helper "shout" (t/t.hbs:2)');
    expect(failure(() => render('a\n{{#if x}}\nb', { x: 1 })).message).toMatch(/^template error: syntax error: .* \(t\/t\.hbs:3\)$/);
    expect(failure(() => render('{{> nope}}', {})).message).toBe('template error: unknown partial "nope" (t/t.hbs:1)');
  });

  it('an error inside a partial names the partial file', () => {
    const s = set({ main: 'a\n{{> box}}\n', _box: '\n\n{{oops}}\n' });
    expect(failure(() => s.render('main', {})).message).toBe('template error: unknown variable "oops" (t/_box.hbs:3)');
  });

  it('output is not HTML-escaped (Markdown and WeChat text); HTML escaping happens when rendering HTML', () => {
    expect(render('{{n}}', { n: '"糖糖" <b>&' })).toBe('"糖糖" <b>&');
  });
});

describe('templates cannot reach the prototype chain, files or code', () => {
  it.each([
    '{{constructor.constructor}}',
    '{{#with constructor}}{{constructor}}{{/with}}',
    '{{constructor.constructor "return process"}}',
    '{{lookup (lookup this "constructor") "constructor"}}',
    '{{#with "x"}}{{constructor.constructor}}{{/with}}',
    '{{__proto__.polluted}}',
    '{{log "hello"}}',
  ])('%s renders nothing harmful', (src) => {
    let out = '';
    try {
      out = render(src, { name: 'x' });
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError); // refusing is harmless too: exit 5 with a message
    }
    expect(out).not.toMatch(/function|native code|process|\[object/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('{{constructor}} of a plain context renders as empty', () => {
    expect(render('[{{constructor}}][{{toString}}]', { a: 1 })).toBe('[][]');
  });
});

describe('user template directories override shipped files by name', () => {
  it('DIR/<lang>/name.hbs wins over DIR/name.hbs, which wins over the shipped file; others stay shipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuan-user-'));
    mkdirSync(join(dir, 'zh-CN'));
    writeFileSync(join(dir, 'script-welcome.hbs'), 'flat');
    writeFileSync(join(dir, 'zh-CN', 'script-welcome.hbs'), 'zh');
    writeFileSync(join(dir, 'script-silent.hbs'), 'silent');
    const zh = templateFiles('zh-CN', dir, dir);
    const en = templateFiles('en', dir, dir);
    expect([zh.get('script-welcome')!.display, en.get('script-welcome')!.display]).toEqual([
      'zh-CN/script-welcome.hbs',
      'script-welcome.hbs',
    ]);
    expect(zh.get('script-silent')!.origin).toBe('user');
    expect(zh.get('plan')!).toMatchObject({ origin: 'shipped', display: 'templates/zh-CN/plan.hbs' });
  });
});
