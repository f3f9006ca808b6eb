import { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { loadCommissionData } from '../adapters/commission-data.js';
import { readMemberContacts } from '../adapters/queries.js';
import { commissionReport, type MonthReport } from '../core/commission/commission.js';
import type { LevelRule } from '../core/commission/levels.js';
import { lastMonth, monthEnd, monthStart, parseMonth } from '../core/shared/calendar.js';
import {
  commissionCsv, commissionJson, commissionTable, detailCsv, detailTables, memberNames, provisionalNote, type Names,
} from '../render/commission.js';
import { renderJson } from '../render/table.js';
import { emit, formatOption, leaderOption, openForRead, outOption } from './common.js';
import type { CommandSpec, Ctx } from './types.js';

export interface MonthChoice {
  month: string;
  /** last date whose data counts: the month's end, or --as-of inside the month */
  until: string;
  provisional: boolean;
}

/** --month (default: `lastMonth`, the last month that is over on --as-of); a month after --as-of is a usage error. */
export function chooseMonth(raw: unknown, asOf: string): MonthChoice {
  const month = raw === undefined ? lastMonth(asOf).label : parseMonth(String(raw));
  if (!month) throw new UsageError({ zh: `--month "${String(raw)}" 应是月份,例如 2026-10`, en: `--month "${String(raw)}" must be a month like 2026-10` });
  if (monthStart(month) > asOf) {
    throw new UsageError({ zh: `--month ${month} 在计算日期 ${asOf} 之后才开始`, en: `--month ${month} starts after the as-of date ${asOf}` },
      { zh: `加 --as-of ${monthEnd(month)},或换一个更早的 --month`, en: `pass --as-of ${monthEnd(month)} or an earlier --month` });
  }
  const end = monthEnd(month);
  return { month, until: end <= asOf ? end : asOf, provisional: end > asOf };
}

export function checkLeader(leader: unknown, known: readonly string[]): string | undefined {
  if (leader === undefined) return undefined;
  if (!known.includes(String(leader))) {
    throw new UsageError({ zh: `没有团长 "${String(leader)}"`, en: `unknown leader "${String(leader)}"` },
      { zh: `已有的团长:${known.join(', ') || '无'}`, en: `known leaders: ${known.join(', ') || 'none'}` });
  }
  return String(leader);
}

function render(ctx: Ctx, flags: Flags, report: MonthReport, until: string, levels: readonly LevelRule[], names: Names): string {
  if (flags.format === 'json') return renderJson(commissionJson(report, until, levels, names));
  if (flags.format === 'csv') return flags.detail ? detailCsv(report, names) : commissionCsv(report, levels);
  const table = commissionTable(report, until, levels, ctx.lang, ctx.style);
  return flags.detail ? table + detailTables(report, names, ctx.lang, ctx.style) : table;
}

interface Flags { month?: string; leader?: string; detail?: boolean; format: string; out?: string }

export const commissionCommand: CommandSpec = {
  name: 'commission',
  group: 'commission',
  summary: { zh: '团长月度佣金结算单:等级、费率、基础佣金、三类奖励、合计', en: 'monthly commission statement per leader: level, rate, base, rewards, total' },
  description: {
    zh: '按数据库当前的数据算出每个团长某个月的佣金单(之后导入的退款会改变已结束的月份)。' +
      '等级:leaders.csv 里认证的星级;没有的话,取上个月达到门槛的最高等级。' +
      '基础佣金 = 比例 × 当月计入的 GMV(扣除退货)。奖励(配置里的 commission.rewards):member_monthly_spend、' +
      'reactivation、nurture。每一行四舍五入到分,合计是各行之和。读取到月底为止的全部订单。',
    en: 'Computes each leader\'s statement for a month from the database as it is now (a refund imported later changes a closed month). ' +
      'Level: the certified star from leaders.csv, else the highest level whose thresholds held in the previous month. ' +
      'Base = rate × the month\'s counted GMV (returns subtracted). Rewards (commission.rewards in the config): member_monthly_spend, ' +
      'reactivation, nurture. Every line is rounded half-up to the fen and totals are sums of lines. Reads all orders up to the month\'s end.',
  },
  examples: [
    'tuan commission --month 2026-10 --as-of 2026-10-31',
    'tuan commission --month 2026-10 --leader L001 --detail',
    'tuan commission --month 2026-10 --format csv --out payroll-2026-10.csv',
  ],
  configure(cmd, say) {
    cmd.addOption(new Option('--month <YYYY-MM>', say('结算月份(默认:到 --as-of 为止最近一个已结束的月份)', 'the statement month (default: the last month that is over on --as-of)')))
      .addOption(leaderOption(say))
      .addOption(new Option('--detail', say('列出每一条奖励:会员(隐去部分信息)、规则、基数、比例、金额、原因', 'list every reward line: member (masked), rule, basis, rate, amount, why')))
      .addOption(formatOption(say, ['table', 'csv', 'json'])).addOption(outOption(say));
  },
  async run(_args, opts, ctx) {
    const flags = opts as unknown as Flags;
    const { month, until, provisional } = chooseMonth(flags.month, ctx.asOf);
    const db = openForRead(ctx);
    try {
      const data = loadCommissionData(db, ctx.config, until);
      const leader = checkLeader(flags.leader, data.leaders.map((l) => l.leader_id));
      const report = commissionReport(data.input, month);
      if (leader) report.statements = report.statements.filter((s) => s.leaderId === leader);
      if (provisional) ctx.io.stderr.write(provisionalNote(month, until, ctx.lang));
      const names = memberNames(readMemberContacts(db), ctx.unmask);
      emit(ctx, render(ctx, flags, report, until, data.input.rules.levels, names), flags.out);
    } finally {
      db.close();
    }
    return EXIT.ok;
  },
};
