/**
 * `tuan completion bash|zsh`: prints a shell completion script built from the commander program itself
 * (every command in COMMANDS, its subcommands and options, and the global options), so a new command
 * is covered without touching this file.
 */
import { Argument, type Command } from 'commander';
import { EXIT } from '../errors.js';
import { pick } from '../i18n.js';
import { completionTree, type CompletionNode } from '../render/completion-model.js';
import { bashScript } from '../render/completion-bash.js';
import { zshScript } from '../render/completion-zsh.js';
import { emit, outOption } from './common.js';
import type { CommandSpec, Ctx } from './types.js';

export const SHELLS = ['bash', 'zsh'] as const;
export type Shell = (typeof SHELLS)[number];

/** The program as `tuan` builds it for this language, with commander's implicit `help` command added. */
export async function programTree(ctx: Ctx): Promise<CompletionNode> {
  // cli.ts imports commands/index.ts, which imports this file: load it when the command runs, not before.
  const { buildProgram } = await import('../cli.js');
  const { COMMANDS } = await import('./index.js');
  const program: Command = buildProgram(ctx.io, ctx.lang, () => {}, COMMANDS);
  const root = completionTree(program);
  const names = root.commands.map((c) => c.name);
  const help: CompletionNode = {
    name: 'help',
    summary: pick(ctx.lang, { zh: '显示命令的帮助', en: 'display help for command' }),
    options: [],
    args: [{ name: 'command', variadic: false, value: { kind: 'choice', choices: names } }],
    commands: [],
  };
  return { ...root, commands: [...root.commands, help] };
}

export function completionScript(shell: Shell, tree: CompletionNode): string {
  return shell === 'bash' ? bashScript(tree) : zshScript(tree);
}

export const completionCommand: CommandSpec = {
  name: 'completion',
  group: 'setup',
  summary: { zh: '输出 shell 补全脚本(bash 或 zsh)', en: 'print a shell completion script (bash or zsh)' },
  description: {
    zh:
      '输出 bash 或 zsh 的补全脚本,由这个 tuan 的命令和选项生成:命令和子命令名、每个命令的选项和全局选项、' +
      '固定可选值的选项的取值,以及需要文件的地方补全文件名。bash:在 ~/.bashrc 里加上 `source <(tuan completion bash)`。' +
      'zsh:存成 $fpath 某个目录下的 _tuan,或在 compinit 之后 `source <(tuan completion zsh)`。',
    en:
      'Prints a completion script for bash or zsh, generated from the commands and options of this tuan: ' +
      "command and subcommand names, each command's options and the global ones, the values of options with fixed choices, " +
      'and file names where a file is expected. bash: add `source <(tuan completion bash)` to ~/.bashrc. ' +
      'zsh: save it as _tuan in a directory of $fpath, or `source <(tuan completion zsh)` after compinit.',
  },
  examples: [
    'tuan completion bash > ~/.local/share/bash-completion/completions/tuan',
    'tuan completion zsh > "${fpath[1]}/_tuan"',
    'source <(tuan completion bash)',
  ],
  configure(cmd, say) {
    cmd.addArgument(new Argument('<shell>', say('bash 或 zsh', 'bash or zsh')).choices(SHELLS)).addOption(outOption(say));
  },
  async run([shell], opts, ctx) {
    emit(ctx, completionScript(shell as Shell, await programTree(ctx)), opts.out);
    return EXIT.ok;
  },
};
