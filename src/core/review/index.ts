/** Public surface of core/review: what other folders may import. */
export { buildReview, executionRatio, upliftRatio } from './review.js';
export type { Review, ReviewGroup, ReviewOrder } from './review.js';
