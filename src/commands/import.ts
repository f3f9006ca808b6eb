import { Option, type Command } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { ENCODINGS, type EncodingChoice } from '../adapters/encodings.js';
import type { DelimiterChoice } from '../adapters/csv.js';
import { importFiles, type ImportResult } from '../api/import.js';
import { makeProgress, NO_PROGRESS } from '../render/progress.js';
import { renderJson } from '../render/table.js';
import { failureLine, formatSummary } from '../render/import.js';
import { errorText } from '../render/error.js';
import { clearStatus, dbPath, emit, formatOption, testThreshold, waitNotice } from './common.js';
import type { Say } from '../i18n.js';
import type { CommandSpec, Ctx } from './types.js';

export interface ImportFlags {
  leaders?: string;
  map?: string[];
  encoding: EncodingChoice;
  delimiter: string;
  maxRejectRate?: string;
  leader?: string;
  allOrNothing?: boolean;
  sheet?: string;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function configureImportOptions(
  cmd: Command,
  say: Say,
  leaderHelp = say(
    '这些文件每一行的团长ID(快团团这类单团长导出)',
    'leader ID for every line of these files (single-leader exports such as 快团团)',
  ),
): void {
  cmd
    .option(
      '--leaders <file>',
      say(
        '同时导入团长表 leaders.csv(团长ID, 团长姓名, 小区, 区域, 培训师, 加入时间, 师傅, 星级)',
        'also import leaders.csv (团长ID, 团长姓名, 小区, 区域, 培训师, 加入时间, 师傅, 星级)',
      ),
    )
    .option(
      '--all-or-nothing',
      say(
        '要么全部导入,要么一个也不导入:有一个文件被拒,其他文件也撤销(默认:每个文件单独导入)',
        'import every file or none: one refused file undoes the others (default: each file on its own)',
      ),
    )
    .option(
      '--map <field=header>',
      say(
        '指定某个字段用哪一列,例如 --map ordered_at=支付时间(可重复)',
        'use this header for a field, e.g. --map ordered_at=支付时间 (repeatable)',
      ),
      collect,
    )
    .addOption(new Option('--encoding <enc>', say('文件的文字编码', 'text encoding of the files')).choices(ENCODINGS).default('auto'))
    .addOption(
      new Option('--delimiter <d>', say('分隔符:auto、","、"\\t"(制表符)或 ";"', 'field delimiter: auto, ",", "\\t" (tab) or ";"')).default(
        'auto',
      ),
    )
    .option(
      '--sheet <name|N>',
      say(
        '读取 Excel 工作簿(.xlsx/.xls)的这个工作表:名称或序号(默认:第一个有能认出表头的工作表)',
        'the sheet of an Excel workbook (.xlsx/.xls) to read: its name or number (default: the first with a recognisable header)',
      ),
    )
    .option(
      '--max-reject-rate <share>',
      say('被拒的行超过这个比例就不导入(默认 0.05)', 'refuse the import when more than this share of rows is rejected (default: 0.05)'),
    )
    .option('--leader <id>', leaderHelp);
}

function parseDelimiter(raw: string): DelimiterChoice {
  const map: Record<string, DelimiterChoice> = { auto: 'auto', ',': ',', '\\t': '\t', '\t': '\t', tab: '\t', ';': ';' };
  const d = Object.hasOwn(map, raw) ? map[raw] : undefined;
  if (!d)
    throw new UsageError({
      zh: `--delimiter "${raw}" 不对,只能是 auto、","、"\\t" 或 ";"`,
      en: `--delimiter "${raw}" must be auto, ",", "\\t" or ";"`,
    });
  return d;
}

function parseRate(raw: string | undefined, dflt: number): number {
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new UsageError({
      zh: `--max-reject-rate "${raw}" 应是 0 到 1 之间的比例,例如 0.05`,
      en: `--max-reject-rate "${raw}" must be a share between 0 and 1, e.g. 0.05`,
    });
  return n;
}

/** Parse the import flags and import into the database in force; shared with `tuan segment FILE…`. */
export async function runImport(files: string[], flags: ImportFlags & { leaderDefault?: string }, ctx: Ctx): Promise<ImportResult> {
  return importFiles(dbPath(ctx), files, {
    config: ctx.config,
    cwd: ctx.io.cwd,
    leaders: flags.leaders,
    map: flags.map,
    encoding: flags.encoding,
    delimiter: parseDelimiter(flags.delimiter),
    maxRejectRate: parseRate(flags.maxRejectRate, ctx.config.import.max_reject_rate),
    leader: flags.leader,
    leaderDefault: flags.leaderDefault,
    now: ctx.nowIso,
    unmask: ctx.unmask,
    allOrNothing: flags.allOrNothing === true,
    sheet: flags.sheet,
    onFile: (f) => (ctx.io.stderrIsTTY ? makeProgress(ctx.io.stderr, f, ctx.io.now) : NO_PROGRESS),
    onWait: waitNotice(ctx),
    workerMinBytes: testThreshold(ctx, 'WORKER_MIN_BYTES'),
  });
}

/** Say on stderr what happened to each refused file (and, with --all-or-nothing, to the others). */
export function reportFailures(result: ImportResult, flags: ImportFlags, ctx: Ctx): void {
  if (result.failed.length === 0) return;
  clearStatus(ctx);
  for (const f of result.failed) ctx.io.stderr.write(errorText(f.error, ctx.lang));
  // With several files, a closing line says which were refused and what became of the others.
  if (result.orders.length + result.failed.length + result.rolledBack.length > 1) {
    ctx.io.stderr.write(failureLine(result, flags.allOrNothing === true, ctx.lang));
  }
}

export const importCommand: CommandSpec = {
  name: 'import',
  group: 'import',
  summary: {
    zh: '导入订单导出文件(CSV,可 gzip;或 Excel 工作簿 .xlsx/.xls)到数据库',
    en: 'import order exports (CSV, gzip ok, or Excel workbooks .xlsx/.xls) into the database',
  },
  description: {
    zh:
      '读取订单导出文件(UTF-8、GBK/GB18030 或 UTF-16;逗号、制表符或分号分隔;普通文件或 .gz;' +
      '或 Excel 工作簿 .xlsx/.xlsm/.xls,按内容识别,默认读第一个有表头的工作表),识别表头,' +
      '每个文件在一个事务里把订单行写入 SQLite(已有的就更新)。被拒的行会保留下来(tuan rejects 查看)。' +
      '同一个文件再导一次不会有变化;之后导出的、时间有重叠的文件会更新订单状态和金额。',
    en:
      'Reads order exports (UTF-8, GBK/GB18030 or UTF-16; comma, tab or semicolon; plain or .gz; or Excel workbooks ' +
      '.xlsx/.xlsm/.xls, known by their content, the first sheet with a header unless --sheet), maps the headers, ' +
      'and upserts each order line into SQLite in one transaction per file. Rejected rows are kept (tuan rejects). ' +
      'Re-importing a file changes nothing; a later overlapping export updates status and amounts.',
  },
  examples: [
    'tuan import data/sample-orders.csv --leaders data/leaders.csv',
    'tuan import data/ktt-export.csv --leader L004',
    'tuan import data/ktt-export.xlsx --leader L004',
    'tuan import orders.xls --sheet 2',
    'tuan import online_retail.csv.gz --max-reject-rate 0.3',
  ],
  configure(cmd, say) {
    cmd.argument('[files...]', say('订单导出文件', 'order export files'));
    configureImportOptions(cmd, say);
    cmd.addOption(formatOption(say, ['table', 'json']));
  },
  async run(files, opts, ctx) {
    const flags = opts as unknown as ImportFlags & { format: string };
    if (files.length === 0 && !flags.leaders)
      throw new UsageError(
        { zh: '没有要导入的文件', en: 'no file to import' },
        { zh: '用法:tuan import 文件... [--leaders leaders.csv]', en: 'tuan import FILE... [--leaders leaders.csv]' },
      );
    const result = await runImport(files, flags, ctx);
    if (flags.format === 'json') {
      emit(ctx, renderJson({ ...result, failed: result.failed.map((f) => ({ file: f.file, error: f.error.text(ctx.lang).message })) }));
    } else if (result.orders.length || result.leaders) {
      emit(ctx, formatSummary(result, ctx.lang));
    }
    reportFailures(result, flags, ctx);
    return result.failed.length ? EXIT.input : EXIT.ok;
  },
};
