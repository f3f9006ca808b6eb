import { Option } from 'commander';
import { EXIT } from '../errors.js';
import { leaders } from '../api/leaders.js';
import { chooseMonth } from '../api/commission.js';
import { leadersCsv, leadersJson, leadersTable } from '../render/leaders.js';
import { renderJson } from '../render/table.js';
import { emit, formatOption, leaderOption, outOption, withRead } from './common.js';
import type { CommandSpec } from './types.js';

interface Flags {
  month?: string;
  leader?: string;
  format: string;
  out?: string;
}

export const leadersCommand: CommandSpec = {
  name: 'leaders',
  group: 'commission',
  summary: { zh: '团长列表:当月等级及依据、角色、晋升资格', en: 'leaders: level for the month and why, role, promotion eligibility' },
  description: {
    zh:
      '列出每个团长(leaders.csv 里的,加上订单里出现过的团长ID)的小区、区域和培训师,当月等级' +
      '(认证星级;没有的话,用上个月的 GMV 和复购率对照各级门槛,并给出实际数值)、角色(社区团长 / 区域培训师 / 生态合伙人)' +
      '和能否晋升:区域培训师需要足够多 GMV 同比增长的徒弟(mentor_id);生态合伙人由人工授予。除非 --unmask,姓名隐去一部分。',
    en:
      'Lists every leader (leaders.csv plus any leader ID seen in orders) with community, region and trainer, the level for the month ' +
      "(certified star, or the previous month's GMV and repurchase rate against each level's thresholds, with the measured values), " +
      'the role (社区团长 / 区域培训师 / 生态合伙人) and promotion eligibility: 区域培训师 needs enough mentees (mentor_id) whose ' +
      'GMV grew year over year; 生态合伙人 is granted by hand. Names are masked unless --unmask.',
  },
  examples: ['tuan leaders --as-of 2026-10-31', 'tuan leaders --month 2026-10 --format json', 'tuan leaders --leader L001 --lang en'],
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
      .addOption(formatOption(say, ['table', 'csv', 'json']))
      .addOption(outOption(say));
  },
  async run(_args, opts, ctx) {
    const flags = opts as unknown as Flags;
    const { month } = chooseMonth(flags.month, ctx.asOf); // a bad --month is exit 2 before the database is opened
    const r = withRead(ctx, (db) => leaders(db, { config: ctx.config, asOf: ctx.asOf, month, leader: flags.leader, unmask: ctx.unmask }));
    const text =
      flags.format === 'json'
        ? renderJson(leadersJson(r.rows, r.info, r.levels))
        : flags.format === 'csv'
          ? leadersCsv(r.rows, r.info, r.levels)
          : leadersTable(r.rows, r.info, r.levels, ctx.lang, ctx.style);
    emit(ctx, text, flags.out);
    return EXIT.ok;
  },
};
