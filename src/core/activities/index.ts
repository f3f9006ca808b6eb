/** Public surface of core/activities: what other folders may import. */
export { configTexts } from './activities.js';
export type { CommonInput, Names } from './activity-context.js';
export { bySpend, kitContext } from './kit.js';
export { NEW_MEMBER_WINDOW_DAYS, buildPlan, planSnapshot } from './plan.js';
export type { Plan, PlanMember } from './plan.js';
export { planContext, planJson } from './plan-context.js';
export { parseScene, scriptContext } from './scripts.js';
export { CHECKLIST_COLUMNS, checklistHeader, checklistRows, parseChecklistRecord } from './checklist.js';
export type { ChecklistRow, LoggedRow } from './checklist.js';
export { CONTACTED, inHoldout, parseOutcome } from './contact-log.js';
export type { LogFact, Outcome } from './contact-log.js';
export { messageContext, planMessages, popularFavourites, postContext, postTimes } from './posts.js';
export type { DayMessages, MessageContext, PostContext } from './posts.js';
export { buildToday } from './today.js';
export type { LoggedContact, Today, TodayLine } from './today.js';
