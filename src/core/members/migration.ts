/**
 * Stage migration between two dates (SPEC §3): a 5×5 matrix of counts plus a `new` row for members
 * with no counted order on or before the first date, and the wake-up and win-back shares it implies.
 */
import { STAGES, type Stage, type StageThresholds, classifyStage } from './lifecycle.js';
import type { MemberFacts } from './segment.js';

export type FromStage = Stage | 'new';
export const FROM_STAGES: readonly FromStage[] = ['new', ...STAGES];

export interface Share {
  /** members in the starting stage */
  base: number;
  /** of them, members with a counted order after the first date, up to the second */
  ordered: number;
  /** null when base is 0 */
  rate: number | null;
}

export interface Migration {
  matrix: Record<FromStage, Record<Stage, number>>;
  /** 唤醒率: of members 沉默期 at the first date, the share who ordered in between */
  wakeup: Share;
  /** 挽回成功率: of members 流失期 at the first date, the share who ordered in between */
  winback: Share;
}

export function stageCounts(facts: readonly MemberFacts[], asOf: string, t: StageThresholds): Record<Stage, number> {
  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const f of facts) counts[classifyStage(f.firstOrderDate, f.lastOrderDate, asOf, t).stage]++;
  return counts;
}

/** `before`: facts as of `from`; `after`: facts as of `to` (every member of `before` is in `after`). */
export function migrate(before: readonly MemberFacts[], after: readonly MemberFacts[], from: string, to: string, t: StageThresholds): Migration {
  const zero = () => Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const matrix = Object.fromEntries(FROM_STAGES.map((s) => [s, zero()])) as Record<FromStage, Record<Stage, number>>;
  const start = new Map<string, Stage>();
  for (const f of before) start.set(f.memberId, classifyStage(f.firstOrderDate, f.lastOrderDate, from, t).stage);
  const wake = { base: 0, ordered: 0 };
  const win = { base: 0, ordered: 0 };
  for (const f of after) {
    const s0 = start.get(f.memberId) ?? 'new';
    matrix[s0][classifyStage(f.firstOrderDate, f.lastOrderDate, to, t).stage]++;
    const orderedBetween = f.lastOrderDate > from;
    if (s0 === 'silent') { wake.base++; if (orderedBetween) wake.ordered++; }
    if (s0 === 'churned') { win.base++; if (orderedBetween) win.ordered++; }
  }
  const share = (x: { base: number; ordered: number }): Share => ({ ...x, rate: x.base === 0 ? null : x.ordered / x.base });
  return { matrix, wakeup: share(wake), winback: share(win) };
}
