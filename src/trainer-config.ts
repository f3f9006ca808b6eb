/** The `trainer` section of the configuration (issue #15): the support rule of `tuan leaders --support`, the report and `tuan alerts`. */
import { z } from 'zod';
import { WATCHED_KPIS } from './core/trainer/index.js';

const twoDecimals = (n: number) => Math.round(n * 100) === n * 100;

export const TrainerSchema = z.strictObject({
  /** Who goes on the support list (seed 000 §8.3). */
  support: z.strictObject({
    /** A fall of at least this percent on the previous month counts. Unit: percent. @default 20 */
    drop_pct: z.number().gt(0).max(100).refine(twoDecimals, 'a percentage with at most 2 decimals'),
    /** … when it happens this many months in a row. Unit: months. @default 2 */
    drop_months: z.number().int().min(1).max(12),
    /** The KPIs whose fall counts (gmv, active_members). @default [gmv, active_members] */
    drop_kpis: z.array(z.enum(WATCHED_KPIS)),
    /** This many FAILed KPI checks (`checks:`) for the leader in one month put them on support too; 0 = never. @default 3 */
    min_failed_checks: z.number().int().min(0),
    /** The support period: this many months after the month the rule fired (renewed each month it fires again). Unit: months. @default 3 */
    period_months: z.number().int().min(1).max(24),
    /** The period ends early after this many months in a row without the rule firing. Unit: months. @default 2 */
    quiet_months: z.number().int().min(1).max(24),
  }),
});

export type TrainerConfig = z.infer<typeof TrainerSchema>;

export const DEFAULT_TRAINER: TrainerConfig = {
  support: { drop_pct: 20, drop_months: 2, drop_kpis: ['gmv', 'active_members'], min_failed_checks: 3, period_months: 3, quiet_months: 2 },
};
