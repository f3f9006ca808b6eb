/**
 * Leader levels (SPEC §5): the configured table converted exactly to fen and basis points, and the level
 * of a leader for a month — the platform's certified star wins; otherwise the highest level whose
 * thresholds (GMV and repurchase rate) all held in the previous month.
 */
import { ConfigError } from '../../errors.js';
import { divRoundHalfUp, parseScaled } from '../shared/index.js';
import type { Stage } from '../members/index.js';
import type { LeaderMonthStats } from '../members/index.js';
export type { LeaderMonthStats } from '../members/leader-month.js';

/** The `commission` section of the configuration, as people write it (yuan, percent). */
export interface CommissionSettings {
  levels: { name_zh: string; name_en: string; min_gmv_yuan: number; min_repurchase_pct: number | null; rate_pct: number }[];
  rewards: {
    member_monthly_spend: { enabled: boolean; stage: Stage; min_spend_yuan: number; rate_pct: number };
    reactivation: { enabled: boolean; rate_pct: number; include_churned: boolean };
    nurture: { enabled: boolean; window_days: number; tiers: { spend_yuan: number; rate_pct: number }[] };
  };
  promotion: { trainer_min_mentees: number; trainer_min_growth_pct: number; window_months: number };
}

export interface LevelRule {
  /** 1-based */
  level: number;
  nameZh: string;
  nameEn: string;
  minGmvFen: number;
  /** null: no repurchase bar */
  minRepurchaseBp: number | null;
  rateBp: number;
}

export interface CommissionRules {
  levels: LevelRule[];
  monthlySpend: { enabled: boolean; stage: Stage; minSpendFen: number; rateBp: number };
  reactivation: { enabled: boolean; rateBp: number; includeChurned: boolean };
  nurture: { enabled: boolean; windowDays: number; tiers: { tier: number; spendFen: number; rateBp: number }[] };
  promotion: { minMentees: number; minGrowthBp: number; windowMonths: number };
}

/** yuan or percent with ≤ 2 decimals -> integer hundredths (fen, basis points); exact, never rounded. */
export function hundredths(n: number, what: string): number {
  const r = parseScaled(String(n), 2);
  if (!r.ok) throw new ConfigError({ zh: `${what}:${r.reason}`, en: `${what}: ${r.reason}` });
  return r.value;
}

export function toCommissionRules(s: CommissionSettings): CommissionRules {
  const r = s.rewards;
  return {
    levels: s.levels.map((l, i) => ({
      level: i + 1,
      nameZh: l.name_zh,
      nameEn: l.name_en,
      minGmvFen: hundredths(l.min_gmv_yuan, `commission.levels.${i}.min_gmv_yuan`),
      minRepurchaseBp: l.min_repurchase_pct === null ? null : hundredths(l.min_repurchase_pct, `commission.levels.${i}.min_repurchase_pct`),
      rateBp: hundredths(l.rate_pct, `commission.levels.${i}.rate_pct`),
    })),
    monthlySpend: {
      enabled: r.member_monthly_spend.enabled,
      stage: r.member_monthly_spend.stage,
      minSpendFen: hundredths(r.member_monthly_spend.min_spend_yuan, 'min_spend_yuan'),
      rateBp: hundredths(r.member_monthly_spend.rate_pct, 'member_monthly_spend.rate_pct'),
    },
    reactivation: {
      enabled: r.reactivation.enabled,
      rateBp: hundredths(r.reactivation.rate_pct, 'reactivation.rate_pct'),
      includeChurned: r.reactivation.include_churned,
    },
    nurture: {
      enabled: r.nurture.enabled,
      windowDays: r.nurture.window_days,
      tiers: r.nurture.tiers.map((t, i) => ({
        tier: i + 1,
        spendFen: hundredths(t.spend_yuan, 'nurture.spend_yuan'),
        rateBp: hundredths(t.rate_pct, 'nurture.rate_pct'),
      })),
    },
    promotion: {
      minMentees: s.promotion.trainer_min_mentees,
      minGrowthBp: hundredths(s.promotion.trainer_min_growth_pct, 'trainer_min_growth_pct'),
      windowMonths: s.promotion.window_months,
    },
  };
}

/** Repurchase rate in basis points (half-up), or null when nobody ordered. For display; checks compare exactly. */
export function repurchaseBp(s: LeaderMonthStats): number | null {
  return s.activeMembers === 0 ? null : divRoundHalfUp(s.repeatMembers * 10_000, s.activeMembers);
}

export interface LevelCheck {
  level: number;
  gmvOk: boolean;
  /** true when the level has no repurchase bar */
  repurchaseOk: boolean;
  met: boolean;
}

/** Each level's thresholds against one month's stats; exact integer comparisons (no float rates). */
export function checkLevels(s: LeaderMonthStats, levels: readonly LevelRule[]): LevelCheck[] {
  return levels.map((l) => {
    const gmvOk = s.gmvFen >= l.minGmvFen;
    const bar = l.minRepurchaseBp;
    const repurchaseOk = bar === null || bar === 0 || (s.activeMembers > 0 && s.repeatMembers * 10_000 >= bar * s.activeMembers);
    return { level: l.level, gmvOk, repurchaseOk, met: gmvOk && repurchaseOk };
  });
}

/** The highest level whose thresholds all held (level 1 always holds: the config requires it). */
export function performanceLevel(s: LeaderMonthStats, levels: readonly LevelRule[]): number {
  const met = checkLevels(s, levels).filter((c) => c.met);
  return met.length ? met[met.length - 1]!.level : 1;
}

export interface LevelResult {
  level: number;
  source: 'certified' | 'performance';
  /** what performance alone would give (also shown for certified leaders) */
  performanceLevel: number;
  /** the previous month's stats the performance level is based on */
  basis: LeaderMonthStats;
  checks: LevelCheck[];
}

/** Level for a month from the certified star (wins) or the previous month's stats. */
export function resolveLevel(leaderId: string, star: number | null, prev: LeaderMonthStats, levels: readonly LevelRule[]): LevelResult {
  const checks = checkLevels(prev, levels);
  const perf = performanceLevel(prev, levels);
  if (star !== null) {
    if (!Number.isInteger(star) || star < 1 || star > levels.length) {
      throw new ConfigError(
        {
          zh: `团长 ${leaderId} 认证为 ${star} 星,但 commission.levels 只有 ${levels.length} 级`,
          en: `leader ${leaderId} is certified at ${star} stars but commission.levels has ${levels.length} levels`,
        },
        {
          zh: '在 commission.levels 里补上缺少的等级,或改正 leaders.csv 里的星级后重新导入',
          en: 'add the missing levels to commission.levels, or correct 星级 in leaders.csv and import it again',
        },
      );
    }
    return { level: star, source: 'certified', performanceLevel: perf, basis: prev, checks };
  }
  return { level: perf, source: 'performance', performanceLevel: perf, basis: prev, checks };
}

export function levelRule(levels: readonly LevelRule[], level: number): LevelRule {
  const r = levels[level - 1];
  if (!r) throw new RangeError(`no level ${level}`);
  return r;
}
