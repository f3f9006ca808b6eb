import { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { review } from '../api/review.js';
import { renderReviewCsv, renderReviewJson, renderReviewTable } from '../render/review.js';
import { emit, formatOption, leaderOption, outOption, withRead } from './common.js';
import type { CommandSpec } from './types.js';

export const reviewCommand: CommandSpec = {
  name: 'review',
  group: 'activity',
  summary: {
    zh: '复盘:联系过的会员比对照组多下单了吗(按任务和阶段)',
    en: 'review: did the members contacted order more than the holdout (per action and stage)',
  },
  description: {
    zh:
      '读取这段时间里日期落在其中的任务的联系记录(tuan log import 导入的执行清单),按任务和阶段统计:计划、已联系(已发送、已回复、拒绝、不再打扰)、' +
      '联系不上、未做、对照组;已联系的会员和对照组会员中,在任务当天或之后 N−1 天内(默认 N = 14,review.window_days)下过计入订单的人数和比例;' +
      '提升(已联系的比例 − 对照组的比例)和它的 95% 区间(Newcombe 1998 的 hybrid score 区间,方法 10);这些订单的消费和其中的优惠(核销成本);' +
      '以及活动执行率(已联系 / 计划联系的行),对照种子的 90%。对照组少于 30 人时只说"还不能衡量",不给数字。窗口还没结束时只算到 --as-of。',
    en:
      'Reads the contact log of the tasks dated in the period (checklists recorded with tuan log import) and counts per action and stage: ' +
      'planned, contacted (sent, replied, declined, do_not_disturb), unreachable, not done, holdout; among the contacted and among the ' +
      'holdout, how many placed a counted order on the task date or within the next N−1 days (N = 14 by default, review.window_days), ' +
      'and both rates; the uplift (contacted rate − holdout rate) with a 95% interval (Newcombe 1998 hybrid score interval, method 10); ' +
      'the spend of those orders and their discount (the 核销 cost); and the execution rate (contacted / planned contact rows) against ' +
      "the seed's 90%. A group with fewer than 30 holdout members says the uplift is not yet measurable instead of a number. Windows " +
      'that have not ended count orders up to --as-of.',
  },
  examples: ['tuan review --period last-month', 'tuan review --from 2026-11-02 --to 2026-11-29 --leader L001 --format json'],
  configure(cmd, say) {
    cmd
      .addOption(
        new Option(
          '--period <period>',
          say('时间段:2026-11、2026-W45、last-month、last-week', 'period: 2026-11, 2026-W45, last-month, last-week'),
        ),
      )
      .addOption(new Option('--from <date>', say('任务日期从这天起(YYYY-MM-DD)', 'task dates from this day (YYYY-MM-DD)')))
      .addOption(new Option('--to <date>', say('任务日期到这天为止(YYYY-MM-DD)', 'task dates up to this day (YYYY-MM-DD)')))
      .addOption(leaderOption(say))
      .addOption(
        new Option(
          '--window-days <n>',
          say('下单窗口天数(默认 review.window_days = 14)', 'days of the order window (default review.window_days = 14)'),
        ),
      )
      .addOption(formatOption(say, ['table', 'csv', 'json']))
      .addOption(outOption(say));
  },
  async run(_args, opts, ctx) {
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const n = opts.windowDays === undefined ? undefined : Number(opts.windowDays);
    if (n !== undefined && !Number.isInteger(n))
      throw new UsageError({
        zh: `--window-days "${opts.windowDays}" 应是整数`,
        en: `--window-days "${opts.windowDays}" must be a whole number`,
      });
    const r = withRead(ctx, (db) =>
      review(db, {
        config: ctx.config,
        asOf: ctx.asOf,
        period: str(opts.period),
        from: str(opts.from),
        to: str(opts.to),
        leader: str(opts.leader),
        windowDays: n,
      }),
    );
    const text =
      opts.format === 'json' ? renderReviewJson(r) : opts.format === 'csv' ? renderReviewCsv(r) : renderReviewTable(r, ctx.lang, ctx.style);
    emit(ctx, text, opts.out);
    return EXIT.ok;
  },
};
