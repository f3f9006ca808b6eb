/** Public surface of core/members: what other folders may import. */
export { FORGOTTEN_PREFIX, cutoffDate, mentions, parseAge, personalTerms, pseudonym, scrub, termsRegExp } from './forget.js';
export { buildHistories, ordersIn, spendEvents, spendIn, stageAt } from './history.js';
export type { MemberHistory, OrderFact, ReturnFact, SpendEvent } from './history.js';
export type { LeaderMonthStats } from './leader-month.js';
export { buildLedger, ledgerLeaders, statsOf } from './ledger.js';
export type { Ledger } from './ledger.js';
export { STAGES, STAGE_NAMES, countStages, parseStage } from './lifecycle.js';
export type { Stage, StageThresholds } from './lifecycle.js';
export { FROM_STAGES, migrate, returnedShare, stageCounts } from './migration.js';
export type { Migration, Share } from './migration.js';
export { AFTER_SALE_WINDOW_DAYS, REASONS, buildProfiles } from './profile.js';
export type { ItemRow, LastOrder, MemberProfile, Reason } from './profile.js';
export { CN8_CLASSES, CN8_EN, CN8_ORDER, median } from './rfm.js';
export type { RfmEdges } from './rfm.js';
export { countByLeader, rfmWindowStart, segmentMembers, segmentScope } from './segment.js';
export type { MemberFacts, MemberSegment, ScopeResult } from './segment.js';
export { DEFAULT_SEGMENTS } from './segments.js';
export { stageProblems } from './stage-problems.js';
