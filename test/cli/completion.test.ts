import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Argument, Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import { bashScript } from '../../src/render/completion-bash.js';
import { completionTree } from '../../src/render/completion-model.js';
import { zshScript } from '../../src/render/completion-zsh.js';
import { runTuan, workdir } from '../helpers/run-tuan.js';

const hasZsh = spawnSync('zsh', ['-c', 'true']).status === 0;
const allNames = () => COMMANDS.flatMap((c) => [c.name, ...(c.subcommands ?? []).map((s) => s.name)]);

/** Source the script in bash, set COMP_WORDS to `words` (cursor on the last one), and return COMPREPLY. */
function complete(script: string, cwd: string, words: string[]): string[] {
  const file = join(cwd, 'tuan.bash');
  writeFileSync(file, script);
  const sim = `source ${JSON.stringify(file)}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}\n_tuan\nprintf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['-c', sim], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe('tuan completion bash', () => {
  it('is valid bash and completes every command, subcommands, options, choices and files', async () => {
    const cwd = workdir(['orders/ktt.csv']);
    const r = await runTuan(['completion', 'bash'], { cwd });
    expect(r.code).toBe(0);
    writeFileSync(join(cwd, 'tuan.bash'), r.stdout);
    expect(spawnSync('bash', ['-n', join(cwd, 'tuan.bash')]).status).toBe(0);
    for (const name of allNames()) expect(r.stdout).toMatch(new RegExp(`[' ]${name}[' ]`));

    expect(complete(r.stdout, cwd, ['tuan', ''])).toEqual([...COMMANDS.map((c) => c.name), 'help']);
    expect(complete(r.stdout, cwd, ['tuan', 'kpi', ''])).toEqual(['check']);
    expect(complete(r.stdout, cwd, ['tuan', '--db', 'x.db', 'se'])).toEqual(['segment']);
    expect(complete(r.stdout, cwd, ['tuan', 'import', '--encoding', 'gb'])).toEqual(['gbk', 'gb18030']);
    expect(complete(r.stdout, cwd, ['tuan', 'kpi', 'check', '--format', ''])).toEqual(['table', 'json']);
    expect(complete(r.stdout, cwd, ['tuan', 'segment', 'kt'])).toEqual(['ktt.csv']);
    expect(complete(r.stdout, cwd, ['tuan', 'init', '--file', 'kt'])).toEqual(['ktt.csv']);
    expect(complete(r.stdout, cwd, ['tuan', 'init', '--'])).toEqual(
      expect.arrayContaining(['--file', '--leader', '--yes', '--force', '--db', '--lang']),
    );
    expect(complete(r.stdout, cwd, ['tuan', 'completion', ''])).toEqual(['bash', 'zsh']);
    expect(complete(r.stdout, cwd, ['tuan', 'init', '--leader', ''])).toEqual([]); // a free value: nothing to offer
  });

  it('--out writes the script to a file', async () => {
    const cwd = workdir();
    const r = await runTuan(['completion', 'bash', '--out', 'tuan.bash'], { cwd });
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'tuan.bash'), 'utf8')).toContain('complete -F _tuan tuan');
  });

  it('an unknown shell is a usage error', async () => {
    const r = await runTuan(['completion', 'fish'], { cwd: workdir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bash, zsh');
  });
});

describe('tuan completion zsh', () => {
  it('has a function and a described entry for every command, in the language asked for', async () => {
    const cwd = workdir();
    const r = await runTuan(['completion', 'zsh', '--lang', 'en'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('#compdef tuan\n')).toBe(true);
    for (const c of COMMANDS) {
      expect(r.stdout).toContain(`\n_tuan_${c.name}() {`);
      expect(r.stdout).toContain(`'${c.name}:${c.summary.en.replace(/'/g, `'\\''`)}'`);
      for (const s of c.subcommands ?? []) expect(r.stdout).toContain(`\n_tuan_${c.name}_${s.name}() {`);
    }
    const zh = await runTuan(['completion', 'zsh'], { cwd });
    expect(zh.stdout).toContain(`'init:${COMMANDS.find((c) => c.name === 'init')!.summary.zh}'`);
  });

  it.skipIf(!hasZsh)('is valid zsh (zsh -n)', async () => {
    const cwd = workdir();
    const r = await runTuan(['completion', 'zsh'], { cwd });
    writeFileSync(join(cwd, '_tuan'), r.stdout);
    const check = spawnSync('zsh', ['-n', join(cwd, '_tuan')], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});

/** A small program with every kind of option and argument: the scripts for it are golden files. */
function syntheticProgram(): Command {
  const program = new Command('tuan')
    .version('1.0.0', '-V, --version')
    .addOption(new Option('--db <path>', 'SQLite database file'))
    .addOption(new Option('--lang <lang>', 'language [zh-CN|en]'))
    .addOption(new Option('--secret', 'hidden').hideHelp());
  program
    .command('import')
    .summary('import exports: CSV, gzip')
    .argument('[files...]', 'order exports')
    .option('--map <field=header>', "use this header (it's repeatable)", (v: string, p: string[] = []) => [...p, v])
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'));
  const kpi = program.command('kpi').summary('the KPI table').option('--period <p>', 'the period');
  kpi.command('check').summary('run checks').option('--junit <file>', 'write JUnit XML').option('--strict', 'warnings fail');
  program
    .command('kit')
    .summary('a stage kit')
    .addArgument(new Argument('<stage>', 'stage').choices(['intro', 'growth']))
    .option('-y, --yes', 'ask nothing');
  return program;
}

describe('completion scripts for a fixed program (golden)', () => {
  const tree = completionTree(syntheticProgram());

  it('the tree reads names, summaries, option values, hidden options and arguments', () => {
    expect(tree.commands.map((c) => c.name)).toEqual(['import', 'kpi', 'kit']);
    expect(tree.options.map((o) => o.names.join(','))).toEqual(['-V,--version', '--db', '--lang', '-h,--help']);
    const imp = tree.commands[0]!;
    expect(imp.options.map((o) => [o.names.join(','), o.value.kind, o.repeatable])).toEqual([
      ['--map', 'any', true],
      ['--format', 'choice', false],
      ['-h,--help', 'none', false],
    ]);
    expect(imp.args).toEqual([{ name: 'files', variadic: true, value: { kind: 'file' } }]);
    expect(tree.commands[1]!.commands[0]!.options[0]!.value).toEqual({ kind: 'file' });
    expect(tree.commands[2]!.args[0]!.value).toEqual({ kind: 'choice', choices: ['intro', 'growth'] });
  });

  it('bash', async () => {
    await expect(bashScript(tree)).toMatchFileSnapshot('../golden/completion/synthetic.bash.txt');
  });

  it('zsh', async () => {
    await expect(zshScript(tree)).toMatchFileSnapshot('../golden/completion/synthetic.zsh.txt');
  });
});
