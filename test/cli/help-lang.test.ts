/**
 * `tuan <cmd> --help` is Chinese by default and English with --lang en (anywhere on the line) or
 * TUAN_LANG=en: commander's own words, command descriptions and every option's help.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import { runTuan, workdir } from '../helpers/run-tuan.js';

const CJK = /[\u4e00-\u9fff]/;
const HELP_ONLY_ASCII = /^(?: {2}-V, --version| {2}-h, --help| {2}--\S+ <\S+>| {2}--[\w-]+)\s*$/;

/** The lines of the option and argument lists (two spaces, a flag or a name, then its help). */
function itemLines(help: string): string[] {
  return help.split('\n').filter((l) => /^ {2}(?:-|\[|<|[a-z])/.test(l) && !l.startsWith('  $ '));
}

const names = COMMANDS.flatMap((c) => [[c.name], ...(c.subcommands ?? []).map((s) => [c.name, s.name])]);

describe('--help in the language of the run', () => {
  it.each(names)('tuan %s --help is all Chinese by default', async (...cmd: string[]) => {
    const r = await runTuan([...cmd, '--help'], { cwd: workdir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法:/);
    expect(r.stdout).toContain('\n选项:\n');
    expect(r.stdout).toContain('\n示例:\n');
    expect(r.stdout).not.toMatch(/Usage:|Options:|Examples:|display help|\(default:|choices:/);
    const english = itemLines(r.stdout).filter((l) => !CJK.test(l) && !HELP_ONLY_ASCII.test(l));
    expect(english).toEqual([]);
  });

  it('--lang en anywhere on the line, or TUAN_LANG=en, gives English help', async () => {
    const cwd = workdir();
    for (const args of [
      ['--lang', 'en', 'members', '--help'],
      ['members', '--help', '--lang', 'en'],
      ['members', '--lang=en', '--help'],
    ]) {
      const r = await runTuan(args, { cwd });
      expect(r.stdout).toMatch(/^Usage: tuan members \[options\]/);
      expect(r.stdout).toContain('\nExamples:\n');
      expect(r.stdout).not.toMatch(/选项|示例|只看这个团长/);
    }
    const env = await runTuan(['members', '--help'], { cwd, env: { TUAN_LANG: 'en' } });
    expect(env.stdout).toMatch(/^Usage:/);
    const flagWins = await runTuan(['members', '--help', '--lang', 'zh-CN'], { cwd, env: { TUAN_LANG: 'en' } });
    expect(flagWins.stdout).toMatch(/^用法:/);
  });

  it("commander's errors are Chinese by default", async () => {
    const cwd = workdir();
    const r = await runTuan(['members', '--bogus'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("错误:未知选项 '--bogus'");
    const typo = await runTuan(['membrs'], { cwd });
    expect(typo.stderr).toContain("错误:未知命令 'membrs'");
    expect(typo.stderr).toContain('(是不是想输入 members?)');
    const en = await runTuan(['members', '--format', 'x', '--lang', 'en'], { cwd });
    expect(en.stderr).toContain("error: option '--format <format>' argument 'x' is invalid.");
  });
});
