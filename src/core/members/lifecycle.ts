/**
 * Lifecycle stages (四阶五段, SPEC §3): given a member's first and last counted order dates and an
 * as-of date, the stage is the first rule that matches: churned, silent, intro, growth, mature.
 */
import { daysBetween } from '../shared/index.js';

export const STAGES = ['intro', 'growth', 'mature', 'silent', 'churned'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_NAMES: Readonly<Record<Stage, { zh: string; en: string }>> = {
  intro: { zh: '引入期', en: 'Intro' },
  growth: { zh: '成长期', en: 'Growth' },
  mature: { zh: '成熟期', en: 'Mature' },
  silent: { zh: '沉默期', en: 'Silent' },
  churned: { zh: '流失期', en: 'Churned' },
};

export const ACTIVE_STAGES: readonly Stage[] = ['intro', 'growth', 'mature'];

export interface StageThresholds {
  intro_days: number;
  growth_days: number;
  silent_after_days: number;
  churned_after_days: number;
  at_risk_days: number;
}

export interface StageResult {
  stage: Stage;
  atRisk: boolean;
  /** days from the first counted order to the as-of date */
  tenureDays: number;
  /** days from the last counted order to the as-of date */
  recencyDays: number;
}

export function parseStage(raw: string): Stage | null {
  const s = raw.trim().toLowerCase();
  const hit = STAGES.find((k) => k === s || STAGE_NAMES[k].zh === raw.trim() || STAGE_NAMES[k].en.toLowerCase() === s);
  return hit ?? null;
}

/** Stage and at-risk flag as of `asOf`; both dates are `YYYY-MM-DD` on or before `asOf`. */
export function classifyStage(firstOrderDate: string, lastOrderDate: string, asOf: string, t: StageThresholds): StageResult {
  const tenureDays = daysBetween(firstOrderDate, asOf);
  const recencyDays = daysBetween(lastOrderDate, asOf);
  if (tenureDays < 0 || recencyDays < 0) throw new RangeError(`order after the as-of date ${asOf}`);
  let stage: Stage;
  if (recencyDays > t.churned_after_days) stage = 'churned';
  else if (recencyDays > t.silent_after_days) stage = 'silent';
  else if (tenureDays <= t.intro_days) stage = 'intro';
  else if (tenureDays <= t.growth_days) stage = 'growth';
  else stage = 'mature';
  const atRisk = ACTIVE_STAGES.includes(stage) && recencyDays > t.at_risk_days;
  return { stage, atRisk, tenureDays, recencyDays };
}

/** A count per stage, every stage present (in STAGES order) at 0. */
export const zeroStages = (): Record<Stage, number> => Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;

/** Members per stage: the one count behind `tuan stages`, segment and report summaries and the stage-share KPIs. A null stage is not counted. */
export function countStages<M>(members: Iterable<M>, stageOf: (m: M) => Stage | null): Record<Stage, number> {
  const counts = zeroStages();
  for (const m of members) {
    const s = stageOf(m);
    if (s !== null) counts[s]++;
  }
  return counts;
}
