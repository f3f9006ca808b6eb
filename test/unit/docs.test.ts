/**
 * The docs test (STYLE.md §8): every command in commands/index.ts has a summary, an Examples block,
 * a generated reference page (docs/reference/commands/<name>.md, written by `npm run docs`) and a line
 * in the README's command table; the README stays a front page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import type { CommandSpec } from '../../src/commands/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

function all(specs: CommandSpec[], prefix: string[] = []): [string[], CommandSpec][] {
  return specs.flatMap((s) => [[[...prefix, s.name], s] as [string[], CommandSpec], ...all(s.subcommands ?? [], [...prefix, s.name])]);
}

describe('docs', () => {
  it.each(all(COMMANDS).map(([words, spec]) => [words.join(' '), words, spec] as const))(
    'tuan %s: summary, examples, reference page, README line',
    (_, words, spec) => {
      expect(spec.summary.en.trim()).not.toBe('');
      expect(spec.summary.zh.trim()).not.toBe('');
      expect(spec.examples.length).toBeGreaterThan(0);
      const page = `docs/reference/commands/${words.join('-')}.md`;
      expect(existsSync(join(ROOT, page)), `${page} is missing: run npm run docs`).toBe(true);
      const text = readFileSync(join(ROOT, page), 'utf8');
      expect(text).toContain(`# tuan ${words.join(' ')}\n`);
      expect(text).toContain(`$ tuan ${words.join(' ')} --help\n`);
      expect(text).toContain(`$ tuan ${words.join(' ')} --help --lang en\n`);
      expect(README).toContain(`| [\`tuan ${words.join(' ')}\`](${page}) |`);
    },
  );

  it('README.md is a front page of at most 250 lines', () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(251);
  });
});
