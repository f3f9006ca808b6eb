/** Public surface of core/predict: buy-till-you-die models (BG/NBD, Gamma-Gamma), CLV and each member's rhythm. */
export { bgNbdLogLikelihood, conditionalExpected, expectedNew, fitBgNbd, pAlive } from './bgnbd.js';
export type { BgNbdFit, BgNbdParams, Rft } from './bgnbd.js';
export { lifetimeValue, parseHorizon } from './clv.js';
export { expectedAverageValue, fitGammaGamma } from './gamma-gamma.js';
export type { GammaGammaFit, GammaGammaParams } from './gamma-gamma.js';
export { holdoutWeeks } from './holdout.js';
export type { HoldoutResult, HoldoutWeek } from './holdout.js';
export { summarize } from './summary.js';
export type { MemberSummary, PurchaseHistory, TimeUnit } from './summary.js';
export { MIN_MEMBERS, MIN_REPEAT_BUYERS, fitScope, predictMembers, settingsFrom, summaries, summariesOf } from './predict.js';
export type { FitOutcome, MemberPrediction, PredictSettings, ScopeFit } from './predict.js';
