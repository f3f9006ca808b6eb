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
export { main } from './cli.js';
