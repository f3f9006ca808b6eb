import type { Command } from 'commander';
import type { Config } from '../config.js';
import type { ExitCode } from '../errors.js';
import type { Lang, Say, Text } from '../i18n.js';
import type { Style } from '../render/style.js';

export interface Out {
  write(s: string): unknown;
}

/** Everything a run touches from the outside world; tests pass their own. */
export interface Io {
  stdout: Out;
  stderr: Out;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  /** the clock, read once per run */
  now: () => number;
}

export interface Ctx {
  config: Config;
  configSource: string | null;
  lang: Lang;
  style: Style;
  io: Io;
  /** today's business date or --as-of */
  asOf: string;
  /** --as-of was given explicitly */
  asOfGiven: boolean;
  /** the instant of this run, ISO */
  nowIso: string;
  unmask: boolean;
  /** a status line is on stderr (a terminal) and must be cleared before output */
  status?: { shown: boolean };
}

export type Group = 'import' | 'analyze' | 'commission' | 'activity' | 'check' | 'setup';

export interface CommandSpec {
  name: string;
  group: Group;
  summary: Text;
  description: Text;
  examples: string[];
  /** arguments and options; `say(zh, en)` gives their help in the language of the run */
  configure(cmd: Command, say: Say): void;
  /** `args` are the positional arguments; `opts` the command's options merged with the global ones */
  run(args: string[], opts: Record<string, unknown>, ctx: Ctx): Promise<ExitCode>;
  subcommands?: CommandSpec[];
}
