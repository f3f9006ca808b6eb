/** `tuan commission` as a function: the monthly statement of each leader. */
import { UsageError } from '../errors.js';
import { loadCommissionData } from '../adapters/commission-data.js';
import { checkLeader } from '../adapters/scope.js';
import { commissionReport, type MonthReport } from '../core/commission/index.js';
import type { LevelRule } from '../core/commission/index.js';
import { lastMonth, monthEnd, monthStart, parseMonth } from '../core/shared/index.js';
import { configOf, maskOutput, readContacts, withDb, type BaseOptions, type DbInput, type MaskOptions } from './common.js';

export type { MonthReport };

export interface MonthChoice {
  month: string;
  /** last date whose data counts: the month's end, or asOf inside the month */
  until: string;
  provisional: boolean;
}

/** The month (default: `lastMonth`, the last month that is over on asOf); a month after asOf is a usage error. */
export function chooseMonth(raw: string | undefined, asOf: string): MonthChoice {
  const month = raw === undefined ? lastMonth(asOf).label : parseMonth(String(raw));
  if (!month)
    throw new UsageError({
      zh: `--month "${String(raw)}" 应是月份,例如 2026-10`,
      en: `--month "${String(raw)}" must be a month like 2026-10`,
    });
  if (monthStart(month) > asOf) {
    throw new UsageError(
      { zh: `--month ${month} 在计算日期 ${asOf} 之后才开始`, en: `--month ${month} starts after the as-of date ${asOf}` },
      { zh: `加 --as-of ${monthEnd(month)},或换一个更早的 --month`, en: `pass --as-of ${monthEnd(month)} or an earlier --month` },
    );
  }
  const end = monthEnd(month);
  return { month, until: end <= asOf ? end : asOf, provisional: end > asOf };
}

export interface CommissionOptions extends BaseOptions, MaskOptions {
  /** the business date, YYYY-MM-DD */
  asOf: string;
  /** the statement month YYYY-MM; default: the last month that is over on asOf */
  month?: string | undefined;
  /** only this leader's statement */
  leader?: string | undefined;
}

export interface CommissionResult extends MonthChoice {
  report: MonthReport;
  levels: readonly LevelRule[];
  /** member ID -> name of the members in reward lines, masked unless unmask */
  memberNames: Map<string, string>;
}

/** Each leader's statement for a month: level, rate, base, reward lines, total (fen), from the database as it is now. */
export function commission(db: DbInput, o: CommissionOptions): CommissionResult {
  const choice = chooseMonth(o.month, o.asOf);
  return withDb(db, (h) => {
    const data = loadCommissionData(h, configOf(o), choice.until);
    const leader = checkLeader(o.leader, data.leaders);
    const report = commissionReport(data.input, choice.month);
    if (leader) report.statements = report.statements.filter((s) => s.leaderId === leader);
    const contacts = readContacts(h, o.unmask);
    const memberNames = new Map([...contacts].map(([id, c]) => [id, c.name]));
    return maskOutput({ ...choice, report, levels: data.input.rules.levels, memberNames }, o.unmask);
  });
}
