/** Public surface of core/review: what other folders may import. */
export { newcombeInterval, wilson } from './interval.js';
export { EXECUTION_TARGET, MIN_HOLDOUT, buildReview, executionRatio, upliftRatio } from './review.js';
export type { Review, ReviewGroup, ReviewOrder } from './review.js';
