/** The columns of the trainer's table: KPIs of the one catalogue (core/kpi), then the month's commission. */
import { kpiDef, type Unit } from '../kpi/index.js';
import type { Better } from './compare.js';

export const TRAINER_KPIS = [
  'gmv',
  'orders',
  'active_members',
  'new_members',
  'repurchase_rate',
  'aov',
  'wakeup_rate',
  'stage_share.intro',
  'stage_share.growth',
  'stage_share.mature',
  'stage_share.silent',
  'stage_share.churned',
  'commission',
  'refund_rate',
] as const;
export type TrainerKpi = (typeof TRAINER_KPIS)[number];

export const trainerKpiUnit = (k: TrainerKpi): Unit => (k === 'commission' ? 'money' : kpiDef(k)!.unit);

/** Which way is better: the catalogue's direction (none for the stage shares, lower for refund_rate); more commission is better. */
export const trainerKpiBetter = (k: TrainerKpi): Better => (k === 'commission' ? 'higher' : kpiDef(k)!.direction);
