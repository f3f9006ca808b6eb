/**
 * Builds the commander program, resolves the configuration, runs one command, and turns every error
 * into a message and an exit status (STYLE.md §4, §6). `main` takes argv and io so tests run it in-process.
 */
import { Command, CommanderError, Option } from 'commander';
import { loadSpecs } from './commands/registry.js';
import type { CommandSpec, Ctx, Group, Io } from './commands/types.js';
import { addExamples, clearStatus } from './commands/common.js';
import { DEFAULT_CONFIG, mergeConfig, resolveConfig, validateConfig } from './config.js';
import { ConfigError, EXIT, TuanError, UsageError, type ExitCode } from './errors.js';
import { businessDate, parseIsoDate } from './core/shared/dates.js';
import { cleanForPeople } from './core/shared/clean.js';
import { parseLang, type Lang } from './i18n.js';
import { makeStyle, wantColor } from './render/style.js';
import { VERSION } from './version.js';

const GROUPS: Record<Group, { 'zh-CN': string; en: string }> = {
  import: { 'zh-CN': '导入:', en: 'Import:' },
  analyze: { 'zh-CN': '分析:', en: 'Analyse:' },
  commission: { 'zh-CN': '佣金:', en: 'Commission:' },
  activity: { 'zh-CN': '活动:', en: 'Activities:' },
  check: { 'zh-CN': '检查:', en: 'Checks:' },
  setup: { 'zh-CN': '设置:', en: 'Setup:' },
};

function langFrom(argv: string[], env: Io['env']): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const flag = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return parseLang(flag) ?? parseLang(env.TUAN_LANG) ?? 'zh-CN';
}

/**
 * `tuan init --force` exists to rewrite a configuration, so a configuration that does not load is a
 * warning there, not the end of the run.
 */
function resolveFor(command: string, opts: Record<string, unknown>, io: Io, lang: Lang, flags: Record<string, unknown>) {
  const input = { configPath: opts.config as string | undefined, cwd: io.cwd, env: io.env, flags };
  if (command !== 'init') return resolveConfig(input);
  try {
    return resolveConfig(input);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const goesOn = lang === 'en' ? 'tuan init goes on with the built-in defaults' : 'tuan init 使用内置默认值继续';
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
    if (!d) throw new UsageError({ zh: `--as-of "${opts.asOf}" 应是日期,例如 2026-10-31`, en: `--as-of "${opts.asOf}" must be a date like 2026-10-31` });
    asOf = d;
  }
  return {
    config, configSource: source, lang, io, asOf, asOfGiven, unmask: opts.unmask === true,
    style: makeStyle(wantColor(opts.color as boolean | undefined, io.env, io.stdoutIsTTY)),
    nowIso: new Date(nowMs).toISOString(),
  };
}

function addCommand(parent: Command, spec: CommandSpec, io: Io, lang: Lang, setCode: (c: ExitCode) => void): void {
  const cmd = parent.command(spec.name).summary(spec.summary[lang]).description(`${spec.summary[lang]}\n\n${spec.description}`);
  if (parent.parent === null) cmd.helpGroup(GROUPS[spec.group][lang]);
  spec.configure(cmd);
  addExamples(cmd, spec.examples);
  for (const sub of spec.subcommands ?? []) addCommand(cmd, sub, io, lang, setCode);
  if (spec.subcommands?.length && !spec.run) return;
  cmd.action(async (...params: unknown[]) => {
    const command = params[params.length - 1] as Command;
    const opts = command.optsWithGlobals();
    const args = command.processedArgs.flatMap((a: unknown) => (Array.isArray(a) ? a : a === undefined ? [] : [a])) as string[];
    const ctx = buildContext(spec.name, opts, io, lang);
    try {
      setCode(await spec.run(args, opts, ctx));
    } finally {
      clearStatus(ctx);
    }
  });
}

export function buildProgram(io: Io, lang: Lang, setCode: (c: ExitCode) => void, specs: readonly CommandSpec[]): Command {
  const program = new Command('tuan')
    .description(lang === 'en'
      ? 'Community group-buying toolkit: import exports, lifecycle stages, RFM, commission, activity plans, KPI checks'
      : '社区团购团长工具箱:导入订单、生命周期阶段、RFM、佣金、活动计划、KPI 检查')
    .version(VERSION, '-V, --version')
    .addOption(new Option('--db <path>', 'SQLite database file (default: ./tuan.db, or TUAN_DB)'))
    .addOption(new Option('--config <file>', 'configuration file (default: ./tuan.config.yaml if present)'))
    .addOption(new Option('--as-of <date>', 'compute as of this date, YYYY-MM-DD (default: today, China time)'))
    .addOption(new Option('--lang <lang>', 'language for people: zh-CN or en (default: zh-CN, or TUAN_LANG)'))
    .addOption(new Option('--unmask', 'show names and phone numbers unmasked (personal data!)'))
    .addOption(new Option('--no-color', 'no colours (also NO_COLOR, or when stdout is not a terminal)'))
    .addOption(new Option('--debug', 'print stack traces of unexpected errors'))
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  for (const spec of specs) addCommand(program, spec, io, lang, setCode);
  program.commands.forEach((c) => c.exitOverride().configureOutput({
    writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s),
  }));
  return program;
}

export async function main(argv: string[], io: Io): Promise<ExitCode> {
  const lang = langFrom(argv, io.env);
  let code: ExitCode = EXIT.ok;
  try {
    const program = buildProgram(io, lang, (c) => (code = c), await loadSpecs(argv));
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    return reportError(e, io, argv.includes('--debug'), lang);
  }
}

export function reportError(e: unknown, io: Io, debug: boolean, lang: Lang = 'en'): ExitCode {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    if (e.exitCode === 0) return EXIT.ok;
    return EXIT.usage; // commander has already printed its message
  }
  if (e instanceof TuanError) {
    const t = e.text(lang);
    // A message can quote a file name, an id or a cell: cleaned of control and bidi characters like every output.
    io.stderr.write(`tuan: ${cleanForPeople(t.message, { lines: true })}\n`);
    if (t.hint) io.stderr.write(`${lang === 'zh-CN' && e.zh ? '提示' : 'hint'}: ${cleanForPeople(t.hint, { lines: true })}\n`);
    return e.exitCode;
  }
  const err = e as Error;
  io.stderr.write(`tuan: unexpected error (a bug): ${cleanForPeople(err?.message ?? String(e), { lines: true })}\n`);
  if (debug && err?.stack) io.stderr.write(err.stack + '\n');
  else io.stderr.write('hint: run again with --debug for the stack trace, and report it\n');
  return EXIT.bug;
}
