/**
 * Builds the commander program, resolves the configuration, runs one command, and turns every error
 * into a message and an exit status (STYLE.md §4, §6). `main` takes argv and io so tests run it in-process.
 */
import { errorText, HINT } from './render/error.js';
import { Command, CommanderError, Option } from 'commander';
import { loadSpecs } from './commands/registry.js';
import type { CommandSpec, Ctx, Group, Io } from './commands/types.js';
import { addExamples, asDbError, clearStatus } from './commands/common.js';
import { DEFAULT_CONFIG, mergeConfig, resolveConfig, resolveLang, validateConfig } from './config.js';
import { ConfigError, EXIT, TuanError, UsageError, type ExitCode } from './errors.js';
import { businessDate, parseIsoDate } from './core/shared/index.js';
import { cleanForPeople } from './core/shared/index.js';
import { pick, sayIn, type Lang, type Text } from './i18n.js';
import { commanderError, commanderHelp } from './render/commander-text.js';
import { makeStyle, wantColor } from './render/style.js';
import { VERSION } from './version.js';

const GROUPS: Record<Group, Text> = {
  import: { zh: '导入:', en: 'Import:' },
  analyze: { zh: '分析:', en: 'Analyse:' },
  commission: { zh: '佣金:', en: 'Commission:' },
  activity: { zh: '活动:', en: 'Activities:' },
  check: { zh: '检查:', en: 'Checks:' },
  setup: { zh: '设置:', en: 'Setup:' },
};

/**
 * `tuan init --force` exists to rewrite a configuration, so a configuration that does not load is a
 * warning there, not the end of the run.
 */
const HELP_OPTION: Text = { zh: '显示帮助', en: 'display help for command' };

function resolveFor(command: string, opts: Record<string, unknown>, io: Io, lang: Lang, flags: Record<string, unknown>) {
  const input = { configPath: opts.config as string | undefined, cwd: io.cwd, env: io.env, flags };
  if (command !== 'init') return resolveConfig(input);
  try {
    return resolveConfig(input);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const goesOn = pick(lang, { zh: 'tuan init 使用内置默认值继续', en: 'tuan init goes on with the built-in defaults' });
    io.stderr.write(`tuan: ${e.text(lang).message.split('\n')[0]}\n${goesOn}\n`);
    return { config: validateConfig(mergeConfig(DEFAULT_CONFIG, flags)), source: null, warnings: [] };
  }
}

function buildContext(command: string, opts: Record<string, unknown>, io: Io, lang: Lang): Ctx {
  const flags: Record<string, unknown> = {};
  if (typeof opts.db === 'string') flags.db = opts.db;
  const { config, source, warnings } = resolveFor(command, opts, io, lang, flags);
  for (const w of warnings) io.stderr.write(`tuan: ${typeof w === 'string' ? w : lang === 'en' ? w.en : w.zh}\n`);
  const nowMs = io.now();
  let asOf = businessDate(nowMs);
  const asOfGiven = typeof opts.asOf === 'string';
  if (asOfGiven) {
    const d = parseIsoDate(opts.asOf as string);
    if (!d)
      throw new UsageError({
        zh: `--as-of "${opts.asOf}" 应是日期,例如 2026-10-31`,
        en: `--as-of "${opts.asOf}" must be a date like 2026-10-31`,
      });
    asOf = d;
  }
  return {
    config,
    configSource: source,
    lang,
    io,
    asOf,
    asOfGiven,
    unmask: opts.unmask === true,
    style: makeStyle(wantColor(opts.color as boolean | undefined, io.env, io.stdoutIsTTY)),
    nowIso: new Date(nowMs).toISOString(),
  };
}

function addCommand(parent: Command, spec: CommandSpec, io: Io, lang: Lang, setCode: (c: ExitCode) => void): void {
  const summary = pick(lang, spec.summary);
  const cmd = parent
    .command(spec.name)
    .summary(summary)
    .description(`${summary}\n\n${pick(lang, spec.description)}`);
  if (parent.parent === null) cmd.helpGroup(pick(lang, GROUPS[spec.group]));
  spec.configure(cmd, sayIn(lang));
  addExamples(cmd, spec.examples, lang);
  for (const sub of spec.subcommands ?? []) addCommand(cmd, sub, io, lang, setCode);
  if (spec.subcommands?.length && !spec.run) return;
  cmd.action(async (...params: unknown[]) => {
    const command = params[params.length - 1] as Command;
    const opts = command.optsWithGlobals();
    const args = command.processedArgs.flatMap((a: unknown) => (Array.isArray(a) ? a : a === undefined ? [] : [a])) as string[];
    const ctx = buildContext(spec.name, opts, io, lang);
    try {
      setCode(await spec.run(args, opts, ctx));
    } catch (e) {
      throw asDbError(e, ctx); // full disk, locked, read-only, damaged: exit 4 with what to do (not a bug)
    } finally {
      clearStatus(ctx);
    }
  });
}

export function buildProgram(io: Io, lang: Lang, setCode: (c: ExitCode) => void, specs: readonly CommandSpec[]): Command {
  const say = sayIn(lang);
  const output = {
    writeOut: (s: string) => io.stdout.write(s),
    writeErr: (s: string) => io.stderr.write(s),
    outputError: (s: string, write: (s: string) => void) => write(commanderError(lang, s)),
  };
  const program = new Command('tuan')
    .description(
      say(
        '社区团购团长工具箱:导入订单、生命周期阶段、RFM、佣金、活动计划、KPI 检查',
        'Community group-buying toolkit: import exports, lifecycle stages, RFM, commission, activity plans, KPI checks',
      ),
    )
    .version(VERSION, '-V, --version', say('显示版本号', 'output the version number'))
    .addOption(
      new Option(
        '--db <path>',
        say('SQLite 数据库文件(默认 ./tuan.db,或环境变量 TUAN_DB)', 'SQLite database file (default: ./tuan.db, or TUAN_DB)'),
      ),
    )
    .addOption(
      new Option(
        '--config <file>',
        say('配置文件(默认:当前目录的 tuan.config.yaml,如果有)', 'configuration file (default: ./tuan.config.yaml if present)'),
      ),
    )
    .addOption(
      new Option(
        '--as-of <date>',
        say('按这一天计算,YYYY-MM-DD(默认:今天,北京时间)', 'compute as of this date, YYYY-MM-DD (default: today, China time)'),
      ),
    )
    .addOption(
      new Option(
        '--lang <lang>',
        say('显示语言:zh-CN 或 en(默认 zh-CN,或环境变量 TUAN_LANG)', 'language for people: zh-CN or en (default: zh-CN, or TUAN_LANG)'),
      ),
    )
    .addOption(
      new Option('--unmask', say('显示完整姓名和手机号(个人信息,注意保密!)', 'show names and phone numbers unmasked (personal data!)')),
    )
    .addOption(
      new Option(
        '--no-color',
        say('不用颜色(设置 NO_COLOR 或输出不是终端时也不用)', 'no colours (also NO_COLOR, or when stdout is not a terminal)'),
      ),
    )
    .addOption(new Option('--debug', say('意外错误时打印调用栈', 'print stack traces of unexpected errors')))
    .helpOption('-h, --help', pick(lang, HELP_OPTION))
    .helpCommand('help [command]', say('显示命令的帮助', 'display help for command'))
    .showSuggestionAfterError(true)
    .configureHelp({ ...commanderHelp(lang), showGlobalOptions: true })
    .exitOverride()
    .configureOutput(output);
  for (const spec of specs) addCommand(program, spec, io, lang, setCode);
  program.commands.forEach((c) => c.exitOverride().configureOutput(output));
  return program;
}

export async function main(argv: string[], io: Io): Promise<ExitCode> {
  const lang = resolveLang(argv, io.env);
  let code: ExitCode = EXIT.ok;
  try {
    const program = buildProgram(io, lang, (c) => (code = c), await loadSpecs(argv));
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    return reportError(e, io, argv.includes('--debug'), lang);
  }
}

export function reportError(e: unknown, io: Io, debug: boolean, lang: Lang): ExitCode {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    if (e.exitCode === 0) return EXIT.ok;
    return EXIT.usage; // commander has already printed its message
  }
  if (e instanceof TuanError) {
    io.stderr.write(errorText(e, lang));
    return e.exitCode;
  }
  const err = e as Error;
  io.stderr.write(
    `tuan: ${pick(lang, { zh: '意外错误(程序缺陷)', en: 'unexpected error (a bug)' })}: ${cleanForPeople(err?.message ?? String(e), { lines: true })}\n`,
  );
  if (debug && err?.stack) io.stderr.write(err.stack + '\n');
  else
    io.stderr.write(
      `${pick(lang, HINT)}: ${pick(lang, { zh: '加 --debug 再运行一次看调用栈,并报告这个问题', en: 'run again with --debug for the stack trace, and report it' })}\n`,
    );
  return EXIT.bug;
}
