import { Option } from 'commander';
import { EXIT } from '../errors.js';
import { chooseMonth, commission, type MonthReport } from '../api/commission.js';
import type { LevelRule } from '../core/commission/index.js';
import {
  commissionCsv,
  commissionJson,
  commissionTable,
  detailCsv,
  detailTables,
  memberNames,
  provisionalNote,
  type Names,
} from '../render/commission.js';
import { renderJson } from '../render/table.js';
import { emit, formatOption, leaderOption, outOption, withRead } from './common.js';
import type { CommandSpec, Ctx } from './types.js';

function render(ctx: Ctx, flags: Flags, report: MonthReport, until: string, levels: readonly LevelRule[], names: Names): string {
  if (flags.format === 'json') return renderJson(commissionJson(report, until, levels, names));
  if (flags.format === 'csv') return flags.detail ? detailCsv(report, names) : commissionCsv(report, levels);
  const table = commissionTable(report, until, levels, ctx.lang, ctx.style);
  return flags.detail ? table + detailTables(report, names, ctx.lang, ctx.style) : table;
}

interface Flags {
  month?: string;
  leader?: string;
  detail?: boolean;
  format: string;
  out?: string;
}

export const commissionCommand: CommandSpec = {
  name: 'commission',
  group: 'commission',
  summary: {
    zh: '团长月度佣金结算单:等级、费率、基础佣金、三类奖励、合计',
    en: 'monthly commission statement per leader: level, rate, base, rewards, total',
  },
  description: {
    zh:
      '按数据库当前的数据算出每个团长某个月的佣金单(之后导入的退款会改变已结束的月份)。' +
      '等级:leaders.csv 里认证的星级;没有的话,取上个月达到门槛的最高等级。' +
      '基础佣金 = 比例 × 当月计入的 GMV(扣除退货)。奖励(配置里的 commission.rewards):member_monthly_spend、' +
      'reactivation、nurture。每一行四舍五入到分,合计是各行之和。读取到月底为止的全部订单。',
    en:
      "Computes each leader's statement for a month from the database as it is now (a refund imported later changes a closed month). " +
      'Level: the certified star from leaders.csv, else the highest level whose thresholds held in the previous month. ' +
      "Base = rate × the month's counted GMV (returns subtracted). Rewards (commission.rewards in the config): member_monthly_spend, " +
      "reactivation, nurture. Every line is rounded half-up to the fen and totals are sums of lines. Reads all orders up to the month's end.",
  },
  examples: [
    'tuan commission --month 2026-10 --as-of 2026-10-31',
    'tuan commission --month 2026-10 --leader L001 --detail',
    'tuan commission --month 2026-10 --format csv --out payroll-2026-10.csv',
  ],
  configure(cmd, say) {
    cmd
      .addOption(
        new Option(
          '--month <YYYY-MM>',
          say(
            '结算月份(默认:到 --as-of 为止最近一个已结束的月份)',
            'the statement month (default: the last month that is over on --as-of)',
          ),
        ),
      )
      .addOption(leaderOption(say))
      .addOption(
        new Option(
          '--detail',
          say(
            '列出每一条奖励:会员(隐去部分信息)、规则、基数、比例、金额、原因',
            'list every reward line: member (masked), rule, basis, rate, amount, why',
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
      commission(db, { config: ctx.config, asOf: ctx.asOf, month, leader: flags.leader, unmask: ctx.unmask }),
    );
    if (r.provisional) ctx.io.stderr.write(provisionalNote(r.month, r.until, ctx.lang));
    emit(ctx, render(ctx, flags, r.report, r.until, r.levels, memberNames(r.memberNames)), flags.out);
    return EXIT.ok;
  },
};
