/** `tuan stages` as a function: members per stage, and the stage migration between two dates. */
import { readLeaders, readMemberFacts } from '../adapters/queries.js';
import { scopeFacts } from '../adapters/load.js';
import type { Stage } from '../core/members/index.js';
import { migrate, stageCounts, type Migration } from '../core/members/index.js';
import { configOf, withDb, type BaseOptions, type DbInput } from './common.js';
import type { ScopeOptions } from './segment.js';

export interface StagesOptions extends BaseOptions, ScopeOptions {
  /** the date of the counts, YYYY-MM-DD */
  to: string;
  /** with a first date (before `to`), the migration matrix from it */
  from?: string | null | undefined;
}

export interface StagesResult {
  from: string | null;
  to: string;
  scope: string;
  /** members with a counted order on or before `to`, in scope */
  total: number;
  counts: Record<Stage, number>;
  migration: Migration | null;
}

/** Members per lifecycle stage as of `to`; with `from`, the 5×5 migration matrix and the wake-up and win-back shares. */
export function stages(db: DbInput, o: StagesOptions): StagesResult {
  const from = o.from ?? null;
  const { after, before } = withDb(db, (h) => {
    const after = scopeFacts(readMemberFacts(h, o.to, null), readLeaders(h), { leader: o.leader, region: o.region });
    const inScope = new Set(after.facts.map((a) => a.memberId));
    return { after, before: from ? readMemberFacts(h, from, null).filter((f) => inScope.has(f.memberId)) : [] };
  });
  const t = configOf(o).stages;
  return {
    from,
    to: o.to,
    scope: after.label,
    total: after.facts.length,
    counts: stageCounts(after.facts, o.to, t),
    migration: from ? migrate(before, after.facts, from, o.to, t) : null,
  };
}
