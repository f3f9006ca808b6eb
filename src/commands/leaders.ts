import { Option } from 'commander';
import { EXIT } from '../errors.js';
import { loadCommissionData } from '../adapters/commission-data.js';
import { leaderOverview } from '../core/commission/leader-overview.js';
import { leadersCsv, leadersJson, leadersTable, personName } from '../render/leaders.js';
import { renderJson } from '../render/table.js';
import { chooseMonth, checkLeader } from './commission.js';
import { emit, formatOption, leaderOption, openForRead, outOption } from './common.js';
import type { CommandSpec } from './types.js';

interface Flags { month?: string; leader?: string; format: string; out?: string }

export const leadersCommand: CommandSpec = {
  name: 'leaders',
  group: 'commission',
  summary: { zh: '团长列表:当月等级及依据、角色、晋升资格', en: 'leaders: level for the month and why, role, promotion eligibility' },
  description: {
    zh: '列出每个团长(leaders.csv 里的,加上订单里出现过的团长ID)的小区、区域和培训师,当月等级' +
      '(认证星级;没有的话,用上个月的 GMV 和复购率对照各级门槛,并给出实际数值)、角色(社区团长 / 区域培训师 / 生态合伙人)' +
      '和能否晋升:区域培训师需要足够多 GMV 同比增长的徒弟(mentor_id);生态合伙人由人工授予。除非 --unmask,姓名隐去一部分。',
    en: 'Lists every leader (leaders.csv plus any leader ID seen in orders) with community, region and trainer, the level for the month ' +
      '(certified star, or the previous month\'s GMV and repurchase rate against each level\'s thresholds, with the measured values), ' +
      'the role (社区团长 / 区域培训师 / 生态合伙人) and promotion eligibility: 区域培训师 needs enough mentees (mentor_id) whose ' +
      'GMV grew year over year; 生态合伙人 is granted by hand. Names are masked unless --unmask.',
  },
  examples: [
    'tuan leaders --as-of 2026-10-31',
    'tuan leaders --month 2026-10 --format json',
    'tuan leaders --leader L001 --lang en',
  ],
  configure(cmd, say) {
    cmd.addOption(new Option('--month <YYYY-MM>', say('显示哪个月的等级(默认:到 --as-of 为止最近一个已结束的月份)', 'the month whose level is shown (default: the last month that is over on --as-of)')))
      .addOption(leaderOption(say))
      .addOption(formatOption(say, ['table', 'csv', 'json'])).addOption(outOption(say));
  },
  async run(_args, opts, ctx) {
    const flags = opts as unknown as Flags;
    const { month, until } = chooseMonth(flags.month, ctx.asOf);
    const db = openForRead(ctx);
    try {
      const data = loadCommissionData(db, ctx.config, until);
      const leader = checkLeader(flags.leader, data.leaders.map((l) => l.leader_id));
      const rows = leaderOverview(data.input, data.profiles, month).filter((o) => !leader || o.leaderId === leader);
      const info = new Map(data.leaders.map((l) => [l.leader_id, l]));
      const levels = data.input.rules.levels;
      const name = personName(ctx.unmask);
      const text = flags.format === 'json' ? renderJson(leadersJson(rows, info, levels, name))
        : flags.format === 'csv' ? leadersCsv(rows, info, levels, name) : leadersTable(rows, info, levels, name, ctx.lang, ctx.style);
      emit(ctx, text, flags.out);
    } finally {
      db.close();
    }
    return EXIT.ok;
  },
};
