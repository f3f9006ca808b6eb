/**
 * Every error a user can cause says what went wrong in both languages: a TuanError is built from a
 * `Text` ({zh, en}) or a catalogue's `m.text(key)`, never from a plain string (the type says so too;
 * this test also catches a message picked for one language before the error is made).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-tuan.js';

const ERRORS = 'TuanError|UsageError|ConfigError|InputError|DbError|TemplateError|CheckFailed';
/** `new XError('…'`, `new XError(\`…\``, or a message chosen for one language: `new XError(m(ctx.lang, …)` */
const PLAIN = new RegExp(`new (?:${ERRORS})\\(\\s*(?:['"\`]|\\w+\\((?:ctx\\.)?(?:lang|L)\\b)`, 'g');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('user-facing errors', () => {
  it('are never built from a plain-string message', () => {
    const found = sources(join(ROOT, 'src')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(PLAIN)].map((m) => `${relative(ROOT, file)}:${text.slice(0, m.index).split('\n').length}: ${m[0]}`);
    });
    expect(found).toEqual([]);
  });

  it('the scan finds what it is meant to find', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a template literal, on purpose
    const bad = ["throw new UsageError('no file')", 'new InputError(\n  `x ${y}`)', "new ConfigError(m(ctx.lang, 'k'))"];
    for (const b of bad) expect(b.match(PLAIN)).not.toBeNull();
    expect("new UsageError({ zh: '没有文件', en: 'no file' })".match(PLAIN)).toBeNull();
    expect("new UsageError(e.text('init.err.cancelled'))".match(PLAIN)).toBeNull();
  });
});
