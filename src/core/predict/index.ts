/** Public surface of core/predict: buy-till-you-die models (BG/NBD, Gamma-Gamma), CLV and each member's rhythm. */
export { bgNbdLogLikelihood, conditionalExpected, expectedNew, fitBgNbd, pAlive } from './bgnbd.js';
export type { BgNbdFit, BgNbdParams, Rft } from './bgnbd.js';
export { lifetimeValue, monthIn, parseHorizon } from './clv.js';
export type { Horizon } from './clv.js';
export { expectedAverageValue, fitGammaGamma } from './gamma-gamma.js';
export type { GammaGammaFit, GammaGammaParams, SpendRow } from './gamma-gamma.js';
export { holdoutWeeks } from './holdout.js';
export type { HoldoutMember, HoldoutResult, HoldoutWeek } from './holdout.js';
export { TIME_UNITS, purchaseDays, summarize, unitDays } from './summary.js';
export type { MemberSummary, TimeUnit } from './summary.js';
