/** Library entry: everything the CLI does, callable from scripts. */
export { VERSION } from './version.js';
export * from './core/money.js';
export * from './core/dates.js';
export * from './core/headers.js';
export * from './core/normalize.js';
export * from './core/status.js';
export * from './core/mask.js';
export { openDb } from './adapters/db.js';
export { importOrdersFile } from './adapters/import-orders.js';
export { importLeadersFile } from './adapters/import-leaders.js';
export { readStatus } from './adapters/queries.js';
export { resolveConfig, validateConfig, DEFAULT_CONFIG, type Config } from './config.js';
// commission and leaders (issue #4)
export { commissionInput, commissionReport, computeStatements, type Statement, type MonthReport, type LeaderRef } from './core/commission.js';
export { toCommissionRules, resolveLevel, performanceLevel, checkLevels, type CommissionRules, type LevelRule } from './core/levels.js';
export { RULES as REWARD_RULES, type RewardLine, type RuleCode } from './core/rewards.js';
export { promotionFor, parseRole, ROLE_NAMES, type Promotion, type Role } from './core/promotion.js';
export { leaderOverview, type LeaderOverview } from './core/leader-overview.js';
export { loadCommissionData } from './adapters/commission-data.js';
export { main } from './cli.js';
