/**
 * Monthly commission statements (SPEC §5): level and rate, base commission on the month's GMV, the reward
 * lines, and a total that is the sum of rounded lines. Pure: ledger, leaders, rules and thresholds in.
 */
import type { StageThresholds } from '../members/index.js';
import { buildLedger, ledgerLeaders, statsOf, type Ledger } from '../members/index.js';
import type { OrderFact, ReturnFact } from '../members/index.js';
import { levelRule, resolveLevel, type CommissionRules, type LevelResult } from './levels.js';
import { applyBp } from '../shared/index.js';
import { addMonths, monthEnd } from '../shared/index.js';
import { RULES, rewardLines, type RewardLine, type RuleCode } from './rewards.js';

export interface LeaderRef {
  leaderId: string;
  /** platform-certified level, or null */
  star: number | null;
  /** `YYYY-MM-DD` or null */
  joinedAt: string | null;
}

export interface Statement {
  leaderId: string;
  month: string;
  level: number;
  levelSource: 'certified' | 'performance';
  levelDetail: LevelResult;
  rateBp: number;
  /** counted GMV of the month, returns subtracted (may be negative) */
  gmvFen: number;
  /** applyBp(max(0, gmv), rate): never negative */
  baseFen: number;
  rewards: Record<RuleCode, number>;
  /** base + every reward line */
  totalFen: number;
  lines: RewardLine[];
}

export interface CommissionInput {
  ledger: Ledger;
  leaders: readonly LeaderRef[];
  rules: CommissionRules;
  stages: StageThresholds;
}

export function commissionInput(
  orders: readonly OrderFact[],
  returns: readonly ReturnFact[],
  leaders: readonly LeaderRef[],
  rules: CommissionRules,
  stages: StageThresholds,
): CommissionInput {
  return { ledger: buildLedger(orders, returns), leaders, rules, stages };
}

/** Level of every leader in every month asked, memoised (nurture needs rates of earlier months). */
export function levelResolver(input: CommissionInput): (leaderId: string, month: string) => LevelResult {
  const stars = new Map(input.leaders.map((l) => [l.leaderId, l.star]));
  const memo = new Map<string, LevelResult>();
  return (leaderId, month) => {
    const key = `${leaderId}|${month}`;
    let r = memo.get(key);
    if (!r) {
      r = resolveLevel(leaderId, stars.get(leaderId) ?? null, statsOf(input.ledger, leaderId, addMonths(month, -1)), input.rules.levels);
      memo.set(key, r);
    }
    return r;
  };
}

/** Leaders with a statement for the month: all known ones, except those who joined after it and have no data in it. */
export function statementLeaders(input: CommissionInput, month: string): string[] {
  const seen = ledgerLeaders(input.ledger);
  const end = monthEnd(month);
  const ids = new Set(input.leaders.filter((l) => !l.joinedAt || l.joinedAt <= end).map((l) => l.leaderId));
  for (const id of seen) if (input.ledger.leaderMonths.has(`${id}|${month}`)) ids.add(id);
  for (const id of seen) if (!input.leaders.some((l) => l.leaderId === id)) ids.add(id);
  return [...ids].sort();
}

function emptyRewards(): Record<RuleCode, number> {
  return Object.fromEntries(RULES.map((r) => [r, 0])) as Record<RuleCode, number>;
}

/** Every leader's statement for one month. */
export function computeStatements(input: CommissionInput, month: string): Statement[] {
  const levelOf = levelResolver(input);
  const rateOf = (leaderId: string, m: string) => levelRule(input.rules.levels, levelOf(leaderId, m).level).rateBp;
  const lines = rewardLines(input.ledger, month, input.rules, input.stages, rateOf);
  const byLeader = new Map<string, RewardLine[]>();
  for (const l of lines) byLeader.set(l.leaderId, [...(byLeader.get(l.leaderId) ?? []), l]);
  return statementLeaders(input, month).map((leaderId) => {
    const lv = levelOf(leaderId, month);
    const rateBp = levelRule(input.rules.levels, lv.level).rateBp;
    const gmvFen = statsOf(input.ledger, leaderId, month).gmvFen;
    const baseFen = applyBp(Math.max(0, gmvFen), rateBp);
    const own = byLeader.get(leaderId) ?? [];
    const rewards = emptyRewards();
    for (const l of own) rewards[l.rule] += l.amountFen;
    const totalFen = own.reduce((s, l) => s + l.amountFen, baseFen);
    return {
      leaderId,
      month,
      level: lv.level,
      levelSource: lv.source,
      levelDetail: lv,
      rateBp,
      gmvFen,
      baseFen,
      rewards,
      totalFen,
      lines: own,
    };
  });
}

export interface MonthReport {
  month: string;
  statements: Statement[];
  /** the previous month's total per leader (0 when the leader had no statement) */
  previousTotals: Map<string, number>;
}

/** The month's statements and the previous month's totals, for the change column. */
export function commissionReport(input: CommissionInput, month: string): MonthReport {
  const statements = computeStatements(input, month);
  const prev = computeStatements(input, addMonths(month, -1));
  return { month, statements, previousTotals: new Map(prev.map((s) => [s.leaderId, s.totalFen])) };
}
