/**
 * Stage migration between two dates (SPEC §3): a 5×5 matrix of counts plus a `new` row for members
 * with no counted order on or before the first date, and the wake-up and win-back shares it implies.
 */
import { STAGES, type Stage, type StageThresholds, classifyStage, countStages, zeroStages } from './lifecycle.js';
import type { MemberFacts } from './segment.js';
import { ratio, type Ratio } from '../shared/index.js';

export type FromStage = Stage | 'new';
export const FROM_STAGES: readonly FromStage[] = ['new', ...STAGES];

export interface Share {
  /** members in the starting stage */
  base: number;
  /** of them, members with a counted order after the first date, up to the second */
  ordered: number;
  /** ordered / base, exact; null when base is 0 */
  rate: Ratio | null;
}

export interface Migration {
  matrix: Record<FromStage, Record<Stage, number>>;
  /** 唤醒率: of members 沉默期 at the first date, the share who ordered in between */
  wakeup: Share;
  /** 挽回成功率: of members 流失期 at the first date, the share who ordered in between */
  winback: Share;
}

const stageOn = (f: MemberFacts, date: string, t: StageThresholds) => classifyStage(f.firstOrderDate, f.lastOrderDate, date, t).stage;

export function stageCounts(facts: readonly MemberFacts[], asOf: string, t: StageThresholds): Record<Stage, number> {
  return countStages(facts, (f) => stageOn(f, asOf, t));
}

/**
 * 唤醒率 (`stage` silent) and 挽回成功率 (churned), SPEC §6: of the members in `stage` at the first date, how many
 * ordered after it. The one computation behind `tuan stages`, the report and the wakeup_rate/winback_rate KPIs.
 */
export function returnedShare<M>(
  members: Iterable<M>,
  stage: Stage,
  stageAtStart: (m: M) => Stage | null,
  orderedSince: (m: M) => boolean,
): Share {
  let base = 0;
  let ordered = 0;
  for (const m of members) {
    if (stageAtStart(m) !== stage) continue;
    base++;
    if (orderedSince(m)) ordered++;
  }
  return { base, ordered, rate: ratio(ordered, base) };
}

/** `before`: facts as of `from`; `after`: facts as of `to` (every member of `before` is in `after`). */
export function migrate(
  before: readonly MemberFacts[],
  after: readonly MemberFacts[],
  from: string,
  to: string,
  t: StageThresholds,
): Migration {
  const matrix = Object.fromEntries(FROM_STAGES.map((s) => [s, zeroStages()])) as Record<FromStage, Record<Stage, number>>;
  const start = new Map<string, Stage>();
  for (const f of before) start.set(f.memberId, stageOn(f, from, t));
  for (const f of after) matrix[start.get(f.memberId) ?? 'new'][stageOn(f, to, t)]++;
  const startOf = (f: MemberFacts) => start.get(f.memberId) ?? null;
  const since = (f: MemberFacts) => f.lastOrderDate > from;
  return { matrix, wakeup: returnedShare(after, 'silent', startOf, since), winback: returnedShare(after, 'churned', startOf, since) };
}
