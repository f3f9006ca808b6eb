import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_DIR, templateFiles, Templates } from '../../src/adapters/templates.js';
import { lintTemplates } from '../../src/adapters/template-lint.js';
import { sampleOf } from '../../src/core/templating/context-schema.js';
import { ACTIVITY_TEMPLATES, contextHeader, contextOf, TEMPLATE_NAMES } from '../../src/core/templating/template-contexts.js';
import { DEFAULT_CONFIG } from '../../src/config.js';

const LANGS = ['zh-CN', 'en'] as const;
const files = (lang: string) =>
  readdirSync(join(SHIPPED_DIR, lang))
    .filter((f) => f.endsWith('.hbs'))
    .sort();

describe('the shipped templates', () => {
  it('Chinese and English have the same files, and every template tuan uses', () => {
    expect(files('en')).toEqual(files('zh-CN'));
    for (const name of TEMPLATE_NAMES) expect(files('zh-CN')).toContain(`${name}.hbs`);
  });

  it.each(LANGS.flatMap((lang) => ACTIVITY_TEMPLATES.map((name) => [lang, name] as const)))(
    '%s/%s lists its context in the header comment (scripts/template-headers.mjs)',
    (lang, name) => {
      const text = readFileSync(join(SHIPPED_DIR, lang, `${name}.hbs`), 'utf8');
      expect(text.startsWith('{{!--')).toBe(true);
      expect(text).toContain(contextHeader(name)!);
    },
  );

  it.each(LANGS.flatMap((lang) => ACTIVITY_TEMPLATES.map((name) => [lang, name] as const)))(
    '%s/%s renders with its documented context',
    (lang, name) => {
      const out = new Templates(templateFiles(lang, null, '/'), lang, false).render(name, sampleOf(contextOf(name)!));
      expect(out.length).toBeGreaterThan(100);
      expect(out).not.toMatch(/undefined|\[object|NaN/);
      if (lang === 'en') expect(out).not.toMatch(/[\u4e00-\u9fff]/); // the sample context has no Chinese, so neither may the template
    },
  );

  it('are clean under tuan lint, with the default configuration', () => {
    const r = lintTemplates({ userDir: null, cwd: '/', lint: DEFAULT_CONFIG.lint, activities: DEFAULT_CONFIG.activities });
    // the activity templates and their partials (the report's are checked by its own tests)
    const mine = r.issues.filter((i) => !/[/_]report/.test(i.file));
    expect(mine).toEqual([]);
    expect(r.checked.length).toBe(files('zh-CN').length * 2);
  });
});
