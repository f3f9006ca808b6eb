import { Option } from 'commander';
import { EXIT } from '../errors.js';
import { leaders } from '../api/leaders.js';
import { chooseMonth } from '../api/commission.js';
import { leadersCsv, leadersJson, leadersTable } from '../render/leaders.js';
import { supportCsv, supportJson, supportTable } from '../render/trainer.js';
import { renderJson } from '../render/table.js';
import { emit, formatOption, leaderOption, outOption, regionOption, trainerOption, withRead } from './common.js';
import type { CommandSpec } from './types.js';

interface Flags {
  month?: string;
  leader?: string;
  region?: string;
  trainer?: string;
  support?: boolean;
  format: string;
  out?: string;
}

export const leadersCommand: CommandSpec = {
  name: 'leaders',
  group: 'commission',
  summary: {
    zh: '培训师的团长对比表(环比、同比、排名、中位数)、需要支持的团长,以及等级、角色、晋升资格',
    en: "the trainer's table of leaders (change on the month and the year, rank, median), who needs support, levels, roles, promotion",
  },
  description: {
    zh:
      '培训师的团长对比表:范围内(全部、--region 区域、--trainer 带教的团长及其徒弟,逐级向下)每个团长当月的 GMV、订单数、' +
      '下单会员数、新会员数、复购率、客单价、唤醒率、各阶段占比、佣金和退款率,每项对比上月(环比)和去年同月(同比,有数据时),' +
      '在范围内的排名(1 = 最好,退款率最低为好;并列同名次 1、2、2、4)和范围的中位数,每列最好的值标 ★。--support 只列出需要支持的团长' +
      '(规则见配置 trainer.support:原因、起始月和支持期)。之后' +
      '列出每个团长(leaders.csv 里的,加上订单里出现过的团长ID)的小区、区域和培训师,当月等级' +
      '(认证星级;没有的话,用上个月的 GMV 和复购率对照各级门槛,并给出实际数值)、角色(社区团长 / 区域培训师 / 生态合伙人)' +
      '和能否晋升:区域培训师需要足够多 GMV 同比增长的徒弟(mentor_id);生态合伙人由人工授予。除非 --unmask,姓名隐去一部分。',
    en:
      "The trainer's table: for each leader of the scope (all, --region, or --trainer: the leaders whose mentor is that leader, " +
      "and their mentees, recursively) the month's GMV, orders, active members, new members, repurchase rate, AOV, wake-up rate, " +
      'stage shares, commission and refund rate, each against the month before and the same month a year earlier (where there is data), ' +
      'the rank in the scope (1 = best, for the refund rate the lowest; ties share the better rank: 1, 2, 2, 4) and the median of the scope, the best of each ' +
      'column marked ★. --support lists only the leaders who need support (the rule: trainer.support in the configuration), ' +
      'with the reasons, the month it started and the support period. Then it ' +
      'lists every leader (leaders.csv plus any leader ID seen in orders) with community, region and trainer, the level for the month ' +
      "(certified star, or the previous month's GMV and repurchase rate against each level's thresholds, with the measured values), " +
      'the role (社区团长 / 区域培训师 / 生态合伙人) and promotion eligibility: 区域培训师 needs enough mentees (mentor_id) whose ' +
      'GMV grew year over year; 生态合伙人 is granted by hand. Names are masked unless --unmask.',
  },
  examples: [
    'tuan leaders --as-of 2026-10-31',
    'tuan leaders --month 2026-10 --format json',
    'tuan leaders --leader L001 --lang en',
    'tuan leaders --region 杭州西湖区 --support',
    'tuan leaders --trainer L001 --format csv --out mentees.csv',
  ],
  configure(cmd, say) {
    cmd
      .addOption(
        new Option(
          '--month <YYYY-MM>',
          say(
            '显示哪个月的等级(默认:到 --as-of 为止最近一个已结束的月份)',
            'the month whose level is shown (default: the last month that is over on --as-of)',
          ),
        ),
      )
      .addOption(leaderOption(say))
      .addOption(regionOption(say))
      .addOption(trainerOption(say))
      .addOption(
        new Option(
          '--support',
          say(
            '只列出需要支持的团长:原因、起始月、支持期(规则:配置 trainer.support)',
            'list only the leaders who need support: reasons, start month, support period (the rule: trainer.support)',
          ),
        ),
      )
      .addOption(formatOption(say, ['table', 'csv', 'json']))
      .addOption(outOption(say));
  },
  async run(_args, opts, ctx) {
    const flags = opts as unknown as Flags;
    const { month } = chooseMonth(flags.month, ctx.asOf); // a bad --month is exit 2 before the database is opened
    const r = withRead(ctx, (db) =>
      leaders(db, {
        config: ctx.config,
        asOf: ctx.asOf,
        month,
        leader: flags.leader,
        region: flags.region,
        trainer: flags.trainer,
        support: flags.support === true,
        unmask: ctx.unmask,
      }),
    );
    let text: string;
    if (r.support) {
      const meta = { month: r.month, scope: r.scope, info: r.info, rule: ctx.config.trainer.support };
      text =
        flags.format === 'json'
          ? renderJson(supportJson(r.support, meta, ctx.lang))
          : flags.format === 'csv'
            ? supportCsv(r.support, meta, ctx.lang)
            : supportTable(r.support, meta, ctx.lang, ctx.style);
    } else
      text =
        flags.format === 'json'
          ? renderJson(leadersJson(r.rows, r.info, r.levels, r))
          : flags.format === 'csv'
            ? leadersCsv(r.rows, r.info, r.levels, r)
            : leadersTable(r.rows, r.info, r.levels, r, ctx.lang, ctx.style);
    emit(ctx, text, flags.out);
    return EXIT.ok;
  },
};
