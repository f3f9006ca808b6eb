/** Public surface of core/trainer: the trainer's comparison of leaders, the mentor tree and the support rule. */
export { change, compareLeaders, difference, median, rankOf } from './compare.js';
export type { Comparison, RankedValues } from './compare.js';
export { menteesOf } from './mentors.js';
export { WATCHED_KPIS, judgeMonth, supportTimeline } from './support.js';
export type {
  SupportEntry,
  SupportMonth,
  SupportReason,
  SupportRule,
  SupportStatus,
  WatchedKpi,
} from './support.js';
export { TRAINER_KPIS, trainerKpiBetter, trainerKpiUnit } from './columns.js';
export type { TrainerKpi } from './columns.js';
