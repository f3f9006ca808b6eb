/** Public surface of core/activities: what other folders may import. */
export { configTexts } from './activities.js';
export type { CommonInput, Names } from './activity-context.js';
export { bySpend, kitContext } from './kit.js';
export { NEW_MEMBER_WINDOW_DAYS, buildPlan, planSnapshot } from './plan.js';
export type { Plan, PlanMember } from './plan.js';
export { planContext, planJson } from './plan-context.js';
export { parseScene, scriptContext } from './scripts.js';
