/** Public surface of core/commission: what other folders may import. */
export { commissionInput, commissionReport } from './commission.js';
export type { CommissionInput, LeaderRef, MonthReport, Statement } from './commission.js';
export { leaderOverview } from './leader-overview.js';
export type { LeaderOverview, LeaderProfile } from './leader-overview.js';
export { repurchaseBp, toCommissionRules } from './levels.js';
export type { LevelRule } from './levels.js';
export { ROLE_NAMES } from './promotion.js';
export type { Promotion } from './promotion.js';
export { RULES, dayOfWindow } from './rewards.js';
export type { RewardLine, RuleCode } from './rewards.js';
