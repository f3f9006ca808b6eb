/**
 * What shell completion needs to know, read from the commander program: each command's name,
 * summary, options (with what their value is) and positional arguments, recursively.
 * Built from the real program, so a new command or option is covered without touching this file.
 */
import type { Argument, Command, Option } from 'commander';

/** What follows an option or sits in a positional slot. */
export type ValueKind = { kind: 'none' } | { kind: 'file' } | { kind: 'any'; name: string } | { kind: 'choice'; choices: string[] };

export interface CompletionOption {
  /** e.g. ['-y', '--yes'] */
  names: string[];
  description: string;
  value: ValueKind;
  /** may be given more than once (a custom parser collects values) */
  repeatable: boolean;
}

export interface CompletionNode {
  name: string;
  summary: string;
  options: CompletionOption[];
  /** the positional argument slots, in order; the last one may repeat */
  args: { value: ValueKind; variadic: boolean; name: string }[];
  commands: CompletionNode[];
}

const FILE_PLACEHOLDER = /^[<[](file|path|dir|files|directory)(\.\.\.)?[>\]]$/i;

function placeholder(flags: string): string | null {
  const m = /[<[][^>\]]*[>\]]/.exec(flags);
  return m ? m[0] : null;
}

function optionValue(o: Option): ValueKind {
  if (o.argChoices?.length) return { kind: 'choice', choices: [...o.argChoices] };
  if (!o.required && !o.optional) return { kind: 'none' };
  const p = placeholder(o.flags) ?? '<value>';
  return FILE_PLACEHOLDER.test(p) ? { kind: 'file' } : { kind: 'any', name: p.slice(1, -1).replace(/\.\.\.$/, '') };
}

function argValue(a: Argument): ValueKind {
  if (a.argChoices?.length) return { kind: 'choice', choices: [...a.argChoices] };
  return /file|path|dir/i.test(a.name()) ? { kind: 'file' } : { kind: 'any', name: a.name() };
}

export const HELP_OPTION: CompletionOption = {
  names: ['-h', '--help'],
  description: 'display help for command',
  value: { kind: 'none' },
  repeatable: false,
};

export function toOption(o: Option): CompletionOption {
  return {
    names: [o.short, o.long].filter((n): n is string => typeof n === 'string'),
    description: o.description.split('\n')[0] ?? '',
    value: optionValue(o),
    repeatable: o.variadic || (o.parseArg !== undefined && !o.argChoices),
  };
}

/** The completion tree of `cmd` and its subcommands (hidden options left out; --help added everywhere). */
export function completionTree(cmd: Command): CompletionNode {
  const children = cmd.commands.map(completionTree);
  return {
    name: cmd.name(),
    summary: (cmd.summary() || cmd.description()).split('\n')[0] ?? '',
    options: [...cmd.options.filter((o) => !o.hidden).map(toOption), HELP_OPTION],
    args: cmd.registeredArguments.map((a) => ({ value: argValue(a), variadic: a.variadic, name: a.name() })),
    commands: children,
  };
}

/** Every node with its path of names below the root ('' for the root, 'kpi check' for a subcommand). */
export function flatten(root: CompletionNode): { path: string; node: CompletionNode }[] {
  const out: { path: string; node: CompletionNode }[] = [];
  const walk = (node: CompletionNode, path: string) => {
    out.push({ path, node });
    for (const c of node.commands) walk(c, path ? `${path} ${c.name}` : c.name);
  };
  walk(root, '');
  return out;
}

/** The root's options that every command accepts too (commander reads program options after a subcommand). */
export function globalOptions(root: CompletionNode): CompletionOption[] {
  return root.options.filter((o) => o !== HELP_OPTION && !o.names.includes('--help'));
}
