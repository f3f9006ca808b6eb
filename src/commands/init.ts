/**
 * `tuan init`: a first run that looks at a sample export, lets the user fix the header mapping, asks for
 * the leader of a single-leader export, proposes the stage thresholds, and writes a commented
 * tuan.config.yaml. Without a terminal it never waits: --yes takes the defaults, otherwise exit 2.
 */
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { columnOverrides, CONFIG_FILE_NAMES, DEFAULT_CONFIG, findConfigFile, mergeConfig, validateConfig, type Config } from '../config.js';
import { EXIT, UsageError } from '../errors.js';
import { defineMessages } from '../i18n.js';
import { readSample } from '../adapters/init-sample.js';
import { analyzeMapping, nextCommands, type Overrides } from '../core/ingest/index.js';
import type { Status } from '../core/ingest/index.js';
import { renderInitConfig, type InitConfig, type SampleNote } from '../render/init-config.js';
import { m as r, renderDetection, renderNext } from '../render/init.js';
import { settleLeader, settleMapping, settleStages, settleStatusWords } from './init-flow.js';
import { inquirerPrompter, type Prompter } from './init-prompts.js';
import { runImport } from './import.js';
import { formatSummary } from '../render/import.js';
import type { CommandSpec, Ctx } from './types.js';

export interface InitFlags {
  yes?: boolean;
  force?: boolean;
  file?: string;
  leader?: string;
  map?: string[];
  db?: string;
  /** false with --no-import */
  import?: boolean;
}

const CONFIG_NAME = CONFIG_FILE_NAMES[0]!;

const e = defineMessages({
  'init.err.exists': ['{file} 已存在,没有写入任何内容', '{file} already exists; nothing written'],
  'init.err.existsHint': [
    '要覆盖它:tuan init --force;或者直接编辑它(tuan config 显示生效的配置)',
    'to overwrite it: tuan init --force; or edit it by hand (tuan config shows the configuration in force)',
  ],
  'init.err.noTty': [
    'tuan init 需要提问,但没有终端(标准输入或输出不是 TTY),不会等待输入',
    'tuan init asks questions and there is no terminal (stdin or stdout is not a TTY); it will not wait',
  ],
  'init.err.noTtyHint': [
    '不提问、用识别结果和默认值:tuan init --yes [--file <导出文件>] [--leader <团长ID>] [--map 字段=表头] [--force]',
    'take the detected mapping and the defaults without questions: tuan init --yes [--file <export.csv>] [--leader <ID>] [--map field=header] [--force]',
  ],
  'init.err.write': ['无法写入 {path}:{why}', 'cannot write {path}: {why}'],
  'init.err.cancelled': ['已取消,没有写入任何内容', 'cancelled; nothing written'],
  'init.err.leader': ['--leader "{v}" 必须是不含空格的团长ID,例如 L004', '--leader "{v}" must be a leader ID without spaces, e.g. L004'],
  'init.shadow': [
    '注意:{file} 仍在,但 {name} 优先,{file} 将不再被读取',
    'note: {file} is still there, but {name} comes first and {file} is no longer read',
  ],
});

/** How the command gets its prompter on a terminal; tests replace `create` with a scripted one. */
export const initPrompts = {
  create: (ctx: Ctx): Prompter => inquirerPrompter(ctx.lang, ctx.io.cwd),
};

function checkTarget(ctx: Ctx, force: boolean): string {
  const existing = findConfigFile(ctx.io.cwd);
  const target = resolve(ctx.io.cwd, CONFIG_NAME);
  if (existing && !force) {
    throw new UsageError(e.text('init.err.exists', { file: basename(existing) }), e.text('init.err.existsHint'));
  }
  if (existing && existing !== target)
    ctx.io.stderr.write(e(ctx.lang, 'init.shadow', { file: basename(existing), name: CONFIG_NAME }) + '\n');
  return target;
}

function checkLeaderFlag(_ctx: Ctx, leader: string | undefined): void {
  if (leader !== undefined && (leader.trim() === '' || /\s/.test(leader.trim()))) {
    throw new UsageError(e.text('init.err.leader', { v: leader }));
  }
}

interface Plan {
  config: InitConfig;
  sample: SampleNote | null;
  file: string | null;
  importNow: boolean;
}

async function collect(flags: InitFlags, ctx: Ctx, p: Prompter | null): Promise<Plan> {
  const out = (s: string) => ctx.io.stdout.write(s);
  let columns: Overrides = columnOverrides(DEFAULT_CONFIG, flags.map ?? []);
  let statusWords: Record<string, Status> = {};
  let sample: SampleNote | null = null;
  let view = null;
  const file = flags.file ?? ((p ? await p.file() : '') || null);
  if (file !== null) {
    const s = await readSample(ctx.io.cwd, file, Object.values(columns));
    view = analyzeMapping(s.sniffed.headers, columns);
    out(renderDetection(file, s.sniffed, view.layout, ctx.lang) + '\n');
    view = await settleMapping(view, s.rows, ctx, p);
    columns = view.overrides;
    statusWords = await settleStatusWords(view, s.rows, ctx, p);
    sample = { file: basename(file), layout: view.layout, mapped: view.mapped };
  }
  const leader = await settleLeader(view, flags.leader?.trim(), ctx, p);
  const stages = await settleStages(ctx, p);
  const { segments: _builtIn, ...rfm } = DEFAULT_CONFIG.rfm;
  const config: InitConfig = {
    db: flags.db ?? DEFAULT_CONFIG.db,
    columns,
    status_words: statusWords,
    import: { max_reject_rate: DEFAULT_CONFIG.import.max_reject_rate, ...(leader ? { leader } : {}) },
    stages,
    rfm: { ...rfm, edges: {} },
  };
  const importNow = file !== null && (p ? await p.importNow(file, config.db) : flags.import !== false);
  return { config, sample, file, importNow };
}

/** The text must load the way every command will load it; a failure here is a bug in init. */
function checkLoads(text: string): Config {
  return validateConfig(mergeConfig(DEFAULT_CONFIG, parseYaml(text)), CONFIG_NAME);
}

function writeConfig(ctx: Ctx, target: string, text: string, force: boolean): void {
  try {
    writeFileSync(target, text, { flag: force ? 'w' : 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(e.text('init.err.exists', { file: CONFIG_NAME }), e.text('init.err.existsHint'));
    throw new UsageError(e.text('init.err.write', { path: target, why: code ?? (err as Error).message }));
  }
  ctx.io.stdout.write(`${r(ctx.lang, 'init.wrote', { path: CONFIG_NAME })}\n`);
}

/** Import the sample with the configuration just written (its columns, status words and leader). */
async function importSample(ctx: Ctx, file: string, config: Config): Promise<void> {
  const withConfig: Ctx = { ...ctx, config };
  const result = await runImport([file], { encoding: 'auto', delimiter: 'auto' }, withConfig);
  if (result.failed[0]) throw result.failed[0].error;
  ctx.io.stdout.write(formatSummary(result, withConfig.lang));
}

async function cancellable<T>(_ctx: Ctx, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    if ((err as Error)?.name === 'ExitPromptError' || (err as Error)?.name === 'AbortPromptError') {
      throw new UsageError(e.text('init.err.cancelled'));
    }
    throw err;
  }
}

export const initCommand: CommandSpec = {
  name: 'init',
  group: 'setup',
  summary: {
    zh: '首次设置:识别样例导出的列,写出带注释的 tuan.config.yaml',
    en: 'first run: detect the columns of a sample export, write a commented tuan.config.yaml',
  },
  description: {
    zh:
      '要一个样例导出文件,显示它的编码、分隔符、格式和表头对应关系;任何字段都可以自己选列;' +
      '单团长导出文件(快团团,或没有团长列)会问团长ID,存为 import.leader;给出阶段门槛和它们的含义;' +
      '然后写出带注释的 ./tuan.config.yaml,把样例导入数据库(除非 --no-import 或你选择不导入),并列出接下来要运行的命令。' +
      '没有终端时从不等待输入:加 --yes 就用识别结果和默认门槛,否则退出码 2。不加 --force 绝不覆盖已有的配置文件。',
    en:
      'Asks for a sample export and shows its encoding, delimiter, layout and header mapping; lets you pick the column of any field; ' +
      'asks for the leader ID when the file is a single-leader export (快团团, or no leader column) and stores it as import.leader; ' +
      'proposes the stage thresholds with their meaning; then writes ./tuan.config.yaml with comments, imports the sample into the database ' +
      '(unless --no-import, or you say no) and prints the commands to run next. ' +
      'Without a terminal it never waits: --yes takes the detected mapping and the default thresholds, otherwise it exits 2. ' +
      'It never overwrites an existing config file unless --force.',
  },
  examples: [
    'tuan init',
    'tuan init --yes --file data/ktt-export.csv --leader L004',
    'tuan init --yes --file export.csv --map ordered_at=成交时间 --force',
  ],
  configure(cmd, say) {
    cmd
      .option(
        '--file <file>',
        say('样例订单导出文件,用来识别编码、格式和列', 'sample order export to detect encoding, layout and columns from'),
      )
      .option(
        '--leader <id>',
        say('单团长导出文件(快团团)的团长ID;存为 import.leader', 'leader ID of a single-leader export (快团团); stored as import.leader'),
      )
      .option(
        '--map <field=header>',
        say(
          '指定某个字段用哪一列,例如 --map ordered_at=支付时间(可重复);存在 columns 里',
          'use this header for a field, e.g. --map ordered_at=支付时间 (repeatable); stored in columns',
        ),
        (v: string, prev: string[] = []) => [...prev, v],
      )
      .option(
        '-y, --yes',
        say(
          '什么都不问:用识别出的列和默认门槛(没有终端时必须加)',
          'ask nothing: the detected mapping and the default thresholds (needed without a terminal)',
        ),
      )
      .option(
        '--no-import',
        say(
          '不把样例导入数据库(默认写好配置后导入一次)',
          'do not import the sample into the database (by default it is imported once the config is written)',
        ),
      )
      .option('--force', say('覆盖已有的 tuan.config.yaml', 'overwrite an existing tuan.config.yaml'));
  },
  async run(_args, opts, ctx) {
    const flags = opts as InitFlags;
    checkLeaderFlag(ctx, flags.leader);
    const target = checkTarget(ctx, flags.force === true);
    const interactive = flags.yes !== true && ctx.io.stdinIsTTY && ctx.io.stdoutIsTTY;
    if (!interactive && flags.yes !== true) throw new UsageError(e.text('init.err.noTty'), e.text('init.err.noTtyHint'));
    const plan = await cancellable(ctx, () => collect(flags, ctx, interactive ? initPrompts.create(ctx) : null));
    const text = renderInitConfig(plan.config, plan.sample, ctx.lang);
    const loaded = checkLoads(text);
    writeConfig(ctx, target, text, flags.force === true);
    if (plan.importNow && plan.file !== null) await importSample(ctx, plan.file, loaded);
    const state = plan.file === null ? 'none' : plan.importNow ? 'imported' : 'file';
    ctx.io.stdout.write('\n' + renderNext(nextCommands(state, plan.file, plan.config.import.leader ?? null), state, ctx.lang));
    return EXIT.ok;
  },
};
