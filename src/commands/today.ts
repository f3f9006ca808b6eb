import { EXIT } from '../errors.js';
import { today } from '../api/today.js';
import { renderJson } from '../render/table.js';
import { todayMarkdown, todayText, unfitWarning } from '../render/messages.js';
import { emit, formatOption, leaderOption, outOption, withRead } from './common.js';
import { loadTemplates, messageRenderer, templatesOption } from './activity-common.js';
import type { CommandSpec } from './types.js';

export const todayCommand: CommandSpec = {
  name: 'today',
  group: 'activity',
  summary: {
    zh: '团长的今天:联系谁、为什么、发什么(可直接复制到微信),以及今天的群发文案',
    en: "a leader's day: whom to contact, why, and what to send (ready to paste into WeChat), and the day's group posts",
  },
  description: {
    zh:
      '一个团长今天要做的事,适合在手机上看:上次导入以来(或昨天、今天)下了第一单的新会员(马上欢迎);本周计划里今天的任务' +
      '(和 tuan plan --week this 同一份计划,名单、每天上限和红线都一样);平时常在今天(星期几)下单、但已经超过平常间隔没下单的会员' +
      '(常下单的星期几 = 订单日期里出现得最多的那一天,至少 3 单且没有并列;平常间隔 = 相邻两单间隔天数的中位数);有生日数据时今天生日的会员;' +
      '以及联系记录里到期的跟进(回复过但 3 天没下单、拒绝后休息期结束)。每行写清楚:谁(除非 --unmask 否则隐去姓名)、为什么、发什么。' +
      '一对一消息每天最多 activities.max_private_per_day 条(新会员欢迎不受限),超出的列为今天不发。' +
      '--format text 是纯文字(没有 Markdown),每条消息上下有分隔线,不超过 500 字,可以直接复制到微信;没有 --unmask 时称呼写成【称呼】,发之前换成会员的名字。',
    en:
      "One leader's day, short enough to read on a phone: members whose first order arrived since the previous import (or yesterday or today): " +
      "welcome them now; today's tasks from this week's plan (the same plan as tuan plan --week this: same lists, daily cap and red lines); " +
      'members whose usual ordering weekday is today and who are overdue (usual weekday = the weekday most of their order dates fall on, ' +
      'with at least 3 orders and no tie; overdue = more days since the last order than the median gap between their orders); members whose ' +
      'birthday is today where the data carries one; and follow-ups from the contact log that fall due (replied but no order after 3 days, ' +
      'declined and the rest is over). Each line says whom (masked unless --unmask), why, and what to send. One-to-one messages are capped at ' +
      'activities.max_private_per_day a day (welcomes always go); the rest are reported as not today. --format text is plain text (no Markdown), ' +
      "each message between separator lines and at most 500 characters, ready to paste into WeChat; without --unmask the greeting is [name], to replace with the member's name.",
  },
  examples: [
    'tuan today --leader L001',
    'tuan today --leader L001 --format text --as-of 2026-11-03',
    'tuan today --leader L002 --format json',
  ],
  configure(cmd, say) {
    cmd
      .addOption(leaderOption(say))
      .addOption(formatOption(say, ['md', 'text', 'json']))
      .addOption(outOption(say))
      .addOption(templatesOption(say));
  },
  async run(_args, opts, ctx) {
    const templates = opts.format === 'json' ? null : loadTemplates(ctx, opts.templates);
    const r = withRead(ctx, (db) =>
      today(db, {
        config: ctx.config,
        asOf: ctx.asOf,
        lang: ctx.lang,
        unmask: ctx.unmask,
        leader: typeof opts.leader === 'string' ? opts.leader : undefined,
      }),
    );
    let text: string;
    if (!templates) text = renderJson(r.json);
    else if (opts.format === 'text') {
      text = todayText(r, messageRenderer(templates), ctx.lang);
      ctx.io.stderr.write(unfitWarning(text, ctx.lang));
    } else text = todayMarkdown(r, messageRenderer(templates), ctx.lang);
    emit(ctx, text, opts.out);
    return EXIT.ok;
  },
};
