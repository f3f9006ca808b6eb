/** Public surface of core/activities: what other folders may import. */
export { configTexts } from './activities.js';
export type { CommonInput, Names } from './activity-context.js';
export { bySpend, kitContext } from './kit.js';
export { NEW_MEMBER_WINDOW_DAYS, buildPlan, planSnapshot } from './plan.js';
export type { Plan } from './plan.js';
export { planContext, planJson } from './plan-context.js';
export { parseScene, scriptContext } from './scripts.js';
export {
  MESSAGE_KINDS,
  POST_KINDS,
  SALUTATION_PLACEHOLDER,
  messageContext,
  planMessages,
  popularFavourites,
  postContext,
} from './posts.js';
export type { DayMessages, MessageContext, MessageKind, PostContext, PostKind } from './posts.js';
export { FOLLOW_UP_AFTER_DAYS, USUAL_DAY_MIN_ORDERS, WELCOME_LOOKBACK_DAYS, buildToday, usualDay } from './today.js';
export type { LoggedContact, Today, TodayLine, TodayReason } from './today.js';
