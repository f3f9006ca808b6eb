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
  summary: { 'zh-CN': '团长列表:当月等级及依据、角色、晋升资格', en: 'leaders: level for the month and why, role, promotion eligibility' },
  description:
    'Lists every leader (leaders.csv plus any leader ID seen in orders) with community, region and trainer, the level for the month ' +
    '(certified star, or the previous month\'s GMV and repurchase rate against each level\'s thresholds, with the measured values), ' +
    'the role (社区团长 / 区域培训师 / 生态合伙人) and promotion eligibility: 区域培训师 needs enough mentees (mentor_id) whose ' +
    'GMV grew year over year; 生态合伙人 is granted by hand. Names are masked unless --unmask.',
  examples: [
    'tuan leaders --as-of 2026-10-31',
    'tuan leaders --month 2026-10 --format json',
    'tuan leaders --leader L001 --lang en',
  ],
  configure(cmd) {
    cmd.addOption(new Option('--month <YYYY-MM>', 'the month whose level is shown (default: the last month that is over on --as-of)'))
      .addOption(leaderOption())
      .addOption(formatOption(['table', 'csv', 'json'])).addOption(outOption());
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
