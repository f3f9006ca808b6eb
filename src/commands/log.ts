/**
 * `tuan log`: the contact log (issue #13). `tuan log import FILE` records a filled checklist, `tuan log list` shows
 * the log, and `tuan log MEMBER_ID --outcome WORD` records one contact outside any plan. Commander sends a first
 * word that is a subcommand's name to the subcommand, so a member whose ID is `import` or `list` cannot be logged
 * by hand (refused with a message, exit 2); every other word is a member ID.
 */
import { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { defineMessages, pick } from '../i18n.js';
import { openDb } from '../adapters/db.js';
import { logContact, logImport, logList } from '../api/log.js';
import { businessDateTime } from '../core/shared/index.js';
import { renderCsv, renderJson, renderTable } from '../render/table.js';
import { dbPath, emit, formatOption, leaderOption, outOption, waitNotice, withRead } from './common.js';
import type { CommandSpec, Ctx } from './types.js';

const m = defineMessages({
  'log.imported': [
    '{file}:读取 {rows} 行 → 新增 {inserted},更新 {updated},未变 {unchanged};拒收 {rejected} 行',
    '{file}: {rows} rows read → {inserted} new, {updated} updated, {unchanged} unchanged; {rejected} rejected',
  ],
  'log.rejected': ['  第 {line} 行 {field}:{reason}', '  line {line} {field}: {reason}'],
  'log.recorded': ['已记录:{member}({leader}){date} {outcome}', 'recorded: {member} ({leader}) {date} {outcome}'],
  'log.none': ['联系记录里没有符合条件的行。', 'No contact log rows match.'],
});

const now = (ctx: Ctx) => businessDateTime(Date.parse(ctx.nowIso)).at;

const importSub: CommandSpec = {
  name: 'import',
  group: 'activity',
  summary: { zh: '导入填好的执行清单(CSV 或 Excel)', en: 'record a filled checklist (CSV or Excel)' },
  description: {
    zh:
      '读取 tuan plan --format checklist 生成、由团长填好 outcome(已发送、已回复、拒绝、不再打扰、联系不上,或留空 = 没做)和 note 的清单,' +
      '逐行写入联系记录;对照组的行按对照组记录。清单可以是 CSV(编码和导入订单一样自动识别,Excel、WPS 另存的 GBK 也可以),' +
      '也可以是在 Excel、WPS 里填好另存的工作簿(.xlsx、.xlsm、.xls,按内容识别;默认读第一个有表头的工作表,--sheet 指定其他的;' +
      '变成日期、时间的单元格照样能读)。结果词不认识或任务对不上的行按行号(工作簿为工作表的行号)拒收,其余照常记录;同一个文件再导入一次不会改变任何东西,改过的清单再导入会更新结果。',
    en:
      'Reads a checklist made by tuan plan --format checklist with outcome (sent, replied, declined, do_not_disturb, unreachable, ' +
      'or empty = not done; in Chinese or English) and note filled in, and records every row in the contact log; holdout rows as ' +
      'holdout. The checklist is a CSV (its text encoding detected as for imports: GBK saved by Excel or WPS works) or a workbook ' +
      'filled in and saved by Excel or WPS (.xlsx, .xlsm, .xls, known by its content; the first sheet with a header unless --sheet; ' +
      'cells turned into dates or times read as well). A row with an unknown outcome or an unknown task is rejected with its line ' +
      "number (a workbook's: the sheet's row number) and the rest is recorded; importing the same file again changes nothing, a later " +
      'edit of the checklist updates the outcomes.',
  },
  examples: ['tuan log import checklist.csv', 'tuan log import checklist.xlsx --sheet 2'],
  configure(cmd, say) {
    cmd
      .argument('<file>', say('填好的执行清单', 'the filled checklist'))
      .option(
        '--sheet <name|N>',
        say(
          '读取 Excel 工作簿(.xlsx/.xls)的这个工作表:名称或序号(默认:第一个有能认出表头的工作表)',
          'the sheet of an Excel workbook (.xlsx/.xls) to read: its name or number (default: the first with a recognisable header)',
        ),
      )
      .addOption(formatOption(say, ['text', 'json']));
  },
  async run([file], opts, ctx) {
    const db = openDb(dbPath(ctx), { mustExist: true, onWait: waitNotice(ctx) });
    try {
      const sheet = typeof opts.sheet === 'string' ? opts.sheet : undefined;
      const r = await logImport(db, { file: file!, sheet, cwd: ctx.io.cwd, now: now(ctx) });
      if (opts.format === 'json') emit(ctx, renderJson(r));
      else {
        const { sheet, ...counts } = r;
        const lines = [
          m(ctx.lang, 'log.imported', { ...counts, file: sheet === null ? r.file : `${r.file}!${sheet}`, rejected: r.rejected.length }),
          ...r.rejected.map((x) => m(ctx.lang, 'log.rejected', { line: x.line, field: x.field, reason: pick(ctx.lang, x.reason) })),
        ];
        emit(ctx, lines.join('\n') + '\n');
      }
    } finally {
      db.close();
    }
    return EXIT.ok;
  },
};

const LIST_KEYS = [
  'date',
  'time',
  'leader_id',
  'member_id',
  'action',
  'stage',
  'group',
  'outcome',
  'note',
  'task_id',
  'script',
  'recorded_at',
  'source',
] as const;

const listSub: CommandSpec = {
  name: 'list',
  group: 'activity',
  summary: { zh: '列出联系记录', en: 'show the contact log' },
  description: {
    zh: '按任务日期列出联系记录(清单导入的和手工记录的)。备注里可能有姓名和电话:除非 --unmask,按姓名的方式隐去。',
    en: 'Lists the contact log by task date (checklists imported and contacts logged by hand). Notes may hold names and phones: masked like names unless --unmask.',
  },
  examples: ['tuan log list --leader L001 --from 2026-11-01', 'tuan log list --member M00042 --format json'],
  configure(cmd, say) {
    cmd
      .addOption(leaderOption(say))
      .addOption(new Option('--member <id>', say('只看这位会员', 'only this member')))
      .addOption(new Option('--from <date>', say('任务日期从这天起(YYYY-MM-DD)', 'task dates from this day (YYYY-MM-DD)')))
      .addOption(new Option('--to <date>', say('任务日期到这天为止(YYYY-MM-DD)', 'task dates up to this day (YYYY-MM-DD)')))
      .addOption(formatOption(say, ['table', 'csv', 'json']))
      .addOption(outOption(say));
  },
  async run(_args, opts, ctx) {
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const rows = withRead(ctx, (db) =>
      logList(db, { leader: str(opts.leader), member: str(opts.member), from: str(opts.from), to: str(opts.to), unmask: ctx.unmask }),
    );
    if (opts.format === 'json') emit(ctx, renderJson(rows), opts.out);
    else if (opts.format === 'csv')
      emit(
        ctx,
        renderCsv(
          [...LIST_KEYS],
          rows.map((r) => LIST_KEYS.map((k) => r[k])),
        ),
        opts.out,
      );
    else if (rows.length === 0) emit(ctx, m(ctx.lang, 'log.none') + '\n', opts.out);
    else
      emit(
        ctx,
        renderTable(
          ['date', 'time', 'leader', 'member', 'action', 'stage', 'group', 'outcome', 'note'],
          rows.map((r) => [r.date, r.time, r.leader_id, r.member_id, r.action, r.stage, r.group, r.outcome ?? '-', r.note]),
          ctx.style,
        ),
        opts.out,
      );
    return EXIT.ok;
  },
};

export const logCommand: CommandSpec = {
  name: 'log',
  group: 'activity',
  summary: {
    zh: '联系记录:导入填好的执行清单、记录一次联系、列出记录',
    en: 'the contact log: record a filled checklist, log one contact, list the log',
  },
  description: {
    zh:
      'tuan log 会员ID --outcome 结果 记录计划之外的一次联系(默认日期为 --as-of,团长为该会员最近一单的团长);' +
      '结果用 sent、replied、declined、do_not_disturb、unreachable(或中文 已发送、已回复、拒绝、不再打扰、联系不上),' +
      'clear 解除"不再打扰"。tuan log import 文件 导入填好的执行清单,tuan log list 列出记录。周计划会读联系记录:' +
      '不再打扰的会员不再出现,拒绝的会员休息几周,沉默会员一周一条消息的红线也算上这里记下的联系。' +
      '会员ID 恰好是 import 或 list 时不能这样记录(会被当作子命令)。',
    en:
      "tuan log MEMBER_ID --outcome WORD records one contact outside any plan (date: --as-of; leader: the leader of the member's " +
      'latest order); WORD is sent, replied, declined, do_not_disturb, unreachable (or 已发送, 已回复, 拒绝, 不再打扰, 联系不上), and ' +
      'clear lifts do_not_disturb. tuan log import FILE records a filled checklist; tuan log list shows the log. The weekly plan reads ' +
      'the log: do_not_disturb members stay out, declined members rest a few weeks, and the one-message-a-week red line for silent ' +
      'members counts the contacts logged here. A member whose ID is import or list cannot be logged this way (the word names a subcommand).',
  },
  examples: [
    'tuan log M00042 --outcome 不再打扰 --note "微信里说不要再发"',
    'tuan log M00042 --outcome clear',
    'tuan log M00107 --outcome replied --date 2026-11-05 --leader L001',
  ],
  configure(cmd, say) {
    cmd
      .argument('[member_id]', say('会员ID', 'member ID'))
      .addOption(new Option('--outcome <word>', say('结果(见上)', 'the outcome (see above)')))
      .addOption(new Option('--date <date>', say('联系的日期(默认 --as-of)', 'the date of the contact (default: --as-of)')))
      .addOption(new Option('--note <text>', say('备注', 'a note')))
      .addOption(leaderOption(say));
  },
  subcommands: [importSub, listSub],
  async run([memberId], opts, ctx) {
    if (memberId === undefined || typeof opts.outcome !== 'string')
      throw new UsageError(
        {
          zh: 'tuan log 需要会员ID 和 --outcome,或子命令 import / list',
          en: 'tuan log needs a member ID and --outcome, or a subcommand: import / list',
        },
        { zh: '例如 tuan log M00042 --outcome 不再打扰', en: 'e.g. tuan log M00042 --outcome do_not_disturb' },
      );
    const db = openDb(dbPath(ctx), { mustExist: true, onWait: waitNotice(ctx) });
    try {
      const r = logContact(db, {
        memberId,
        outcome: opts.outcome,
        date: typeof opts.date === 'string' ? opts.date : undefined,
        note: typeof opts.note === 'string' ? opts.note : undefined,
        leader: typeof opts.leader === 'string' ? opts.leader : undefined,
        asOf: ctx.asOf,
        now: now(ctx),
      });
      emit(ctx, m(ctx.lang, 'log.recorded', { member: r.member_id, leader: r.leader_id, date: r.date, outcome: r.outcome }) + '\n');
    } finally {
      db.close();
    }
    return EXIT.ok;
  },
};
