/** Public surface of core/cohorts: members grouped by the month of their first counted order. */
export { cohortTable } from './cohorts.js';
export type { Cohort, CohortMonth, CohortTable } from './cohorts.js';
