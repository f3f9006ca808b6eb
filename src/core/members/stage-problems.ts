/** Checks of the stage thresholds that `tuan init` shows before it writes a configuration. */
import type { StageThresholds } from './lifecycle.js';

export type StageProblem = 'intro_growth' | 'silent_churned' | 'atrisk_silent';

/** Orderings the thresholds need (the first two are also config errors; the third makes at_risk never show). */
export function stageProblems(t: StageThresholds): StageProblem[] {
  const out: StageProblem[] = [];
  if (t.intro_days >= t.growth_days) out.push('intro_growth');
  if (t.silent_after_days >= t.churned_after_days) out.push('silent_churned');
  if (t.at_risk_days >= t.silent_after_days) out.push('atrisk_silent');
  return out;
}
