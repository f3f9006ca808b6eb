/**
 * `tuan forget`: remove members' personal data for good (个人信息保护法). Asks for confirmation on a terminal;
 * without one it never waits: --yes, otherwise exit 2.
 */
import { confirm } from '@inquirer/prompts';
import { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { defineMessages } from '../i18n.js';
import { openDb } from '../adapters/db.js';
import { forget, forgetPlan, type ForgetOptions, type ForgetPlan } from '../api/forget.js';
import { businessDateTime } from '../core/shared/index.js';
import { renderJson } from '../render/table.js';
import { dbPath, emit, formatOption } from './common.js';
import type { CommandSpec, Ctx } from './types.js';

const m = defineMessages({
  'forget.ask': [
    '将删除 {members} 位会员的姓名、电话和拒收原文({lines} 行订单行,{rejects} 行拒收行),不可撤销。继续吗?',
    'Forget {members} member(s) ({lines} order lines, {rejects} rejected rows)? Their names, phones and rejected raw text are removed for good.',
  ],
  'forget.cancelled': ['已取消,没有改动。', 'Cancelled; nothing changed.'],
  'forget.none': ['没有需要删除的会员,没有改动。', 'No member to forget; nothing changed.'],
  'forget.done': [
    '已删除 {members} 位会员的个人信息:{lines} 行订单行改用化名并清空姓名和电话,{rejects} 行拒收行清空原文;已记录本次删除(第 {id} 次),数据库文件已压缩(VACUUM)。',
    'Forgot {members} member(s): {lines} order lines now carry a pseudonym and no name or phone, {rejects} rejected rows lost their raw text; the deletion is recorded (#{id}) and the database file vacuumed.',
  ],
  'forget.log': ['另删除了 {n} 行联系记录(tuan log)。', 'Their {n} contact log row(s) (tuan log) were deleted as well.'],
  'forget.note': [
    '注意:再次导入含有这些会员的旧导出文件会重新写入他们的信息;请一并删除旧的导出文件。',
    'Note: importing an old export that holds these members again writes their data back; delete the old export files too.',
  ],
  'forget.err.noTty': [
    'tuan forget 需要确认,但没有终端(标准输入或输出不是 TTY),不会等待输入',
    'tuan forget asks for confirmation and there is no terminal (stdin or stdout is not a TTY); it will not wait',
  ],
  'forget.err.noTtyHint': ['确认要删除:加上 --yes', 'to forget them for sure: pass --yes'],
});

/** How the command asks on a terminal; tests replace `confirm` with a scripted answer. */
export const forgetPrompts = {
  confirm: (ctx: Ctx, plan: ForgetPlan): Promise<boolean> =>
    confirm({
      message: m(ctx.lang, 'forget.ask', { members: plan.members, lines: plan.order_lines, rejects: plan.rejects }),
      default: false,
    }),
};

async function ask(ctx: Ctx, plan: ForgetPlan): Promise<boolean> {
  try {
    return await forgetPrompts.confirm(ctx, plan);
  } catch (err) {
    if ((err as Error)?.name === 'ExitPromptError' || (err as Error)?.name === 'AbortPromptError') return false;
    throw err;
  }
}

export const forgetCommand: CommandSpec = {
  name: 'forget',
  group: 'import',
  summary: {
    zh: '删除会员的个人信息(姓名、电话、拒收原文),保留匿名的订单',
    en: "delete members' personal data (names, phones, rejected raw text), keep the anonymous orders",
  },
  description: {
    zh:
      '用于要求删除个人信息的会员(个人信息保护法),或用于一段时间内没有任何订单行的全部会员(--older-than 3y、18m、400d,按 --as-of 往前算)。' +
      '会员ID 换成化名(forgotten- 加上加盐哈希的 10 位十六进制;盐不保存),每一行订单的姓名和电话清空,提到该会员(ID、姓名或电话)的拒收行清空原文,该会员的联系记录(tuan log)删除。' +
      '日期、金额、状态和团长保留,所以合计、阶段和佣金都不变。本次删除会被记录(时间、条件、各表改动的行数;从不记录是谁),数据库文件会压缩(VACUUM),旧的字节不再留存。' +
      '在终端里会先确认;没有终端时必须加 --yes(否则退出码 2)。未知的会员ID:退出码 2,不做任何改动。',
    en:
      'For a member who asks to be deleted (个人信息保护法), or for every member without an order line in a period (--older-than 3y, 18m, 400d, ' +
      'before --as-of). The member id becomes a pseudonym (forgotten- and 10 hex digits of a salted hash; the salt is not kept), names and phones ' +
      'are blanked in every order line, every rejected row that mentions the member (id, name or phone) loses its raw text, and the ' +
      "member's contact log rows (tuan log) are deleted. " +
      'Dates, amounts, statuses and leaders stay, so totals, stages and commissions do not change. The deletion is recorded ' +
      '(when, criterion, rows per table; never who) and the file is vacuumed so that the old bytes are gone. ' +
      'On a terminal it asks first; without one it needs --yes (otherwise exit 2). Unknown member ids: exit 2, nothing changed.',
  },
  examples: [
    'tuan forget M0042 --yes',
    'tuan forget --older-than 3y --yes',
    'tuan forget --older-than 18m --as-of 2026-10-31 --yes --format json',
  ],
  configure(cmd, say) {
    cmd
      .argument('[member_ids...]', say('要删除的会员ID', 'member ids to forget (会员ID)'))
      .addOption(
        new Option(
          '--older-than <age>',
          say('最后一行订单早于这个时长的全部会员:3y、18m、400d', 'every member whose last order line is older than this: 3y, 18m, 400d'),
        ),
      )
      .option('-y, --yes', say('不再确认(没有终端时必须加)', 'do not ask (needed without a terminal)'))
      .addOption(formatOption(say, ['text', 'json']));
  },
  async run(ids, opts, ctx) {
    const o: ForgetOptions = {
      ids,
      olderThan: typeof opts.olderThan === 'string' ? opts.olderThan : undefined,
      asOf: ctx.asOf,
      now: businessDateTime(Date.parse(ctx.nowIso)).at,
      unmask: ctx.unmask,
    };
    const db = openDb(dbPath(ctx), { mustExist: true });
    try {
      const plan = forgetPlan(db, o);
      if (plan.members > 0 && opts.yes !== true) {
        if (!(ctx.io.stdinIsTTY && ctx.io.stdoutIsTTY)) throw new UsageError(m.text('forget.err.noTty'), m.text('forget.err.noTtyHint'));
        if (!(await ask(ctx, plan))) {
          ctx.io.stderr.write(m(ctx.lang, 'forget.cancelled') + '\n');
          return EXIT.ok;
        }
      }
      const r = forget(db, o);
      if (opts.format === 'json') emit(ctx, renderJson(r));
      else if (r.deletion_id === null) emit(ctx, m(ctx.lang, 'forget.none') + '\n');
      else {
        emit(
          ctx,
          m(ctx.lang, 'forget.done', { members: r.members, lines: r.order_lines, rejects: r.rejects, id: r.deletion_id }) +
            '\n' +
            (r.contact_log > 0 ? m(ctx.lang, 'forget.log', { n: r.contact_log }) + '\n' : '') +
            m(ctx.lang, 'forget.note') +
            '\n',
        );
      }
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};
