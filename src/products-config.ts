/** The `products` section of the configuration (issue #15): the rule of `tuan products` anomalies. */
import { z } from 'zod';

export const ProductsSchema = z.strictObject({
  /** The rule that flags a week of a leader's GMV (down) or of a category's refund rate (up) as an anomaly (docs/guide/products.md). */
  anomalies: z.strictObject({
    /** Weeks of the trailing baseline a week is compared with. Unit: weeks. @default 8 */
    baseline_weeks: z.number().int().min(3).max(52),
    /** Robust z-score ((x − median) / (1.4826 · MAD)) a week must reach. @default 3.5 */
    threshold: z.number().positive().max(100),
    /** Consecutive weeks beyond the threshold that make a step (1 = a single week is enough). Unit: weeks. @default 2 */
    confirm_weeks: z.number().int().min(1).max(8),
    /** Floor of the GMV baseline's MAD, as a share of its median (keeps a steady series from alarming at small moves). @default 0.05 */
    gmv_mad_floor: z.number().min(0).max(1),
    /** Floor of the refund-rate baseline's MAD, as a rate (0.03 = 3 points). @default 0.03 */
    refund_mad_floor: z.number().min(0).max(1),
    /** A leader's GMV is watched once the median of its baseline weeks reaches this. Unit: yuan per week. @default 100 */
    min_weekly_gmv_yuan: z.number().min(0).max(1e9),
    /** A refund-rate week is scored when its paid amount reaches this. Unit: yuan per week. @default 300 */
    min_weekly_paid_yuan: z.number().min(0).max(1e9),
    /** Also watch each category's (or product's) GMV for a drop, not only each leader's whole GMV. Off by default: the seasons move single categories (summer fruit, 冻品 before 春节, 月饼) further than the rule can tell from trouble. @default false */
    category_gmv: z.boolean(),
  }),
});

export type ProductsConfig = z.infer<typeof ProductsSchema>;

export const DEFAULT_PRODUCTS: ProductsConfig = {
  anomalies: {
    baseline_weeks: 8,
    threshold: 3.5,
    confirm_weeks: 2,
    gmv_mad_floor: 0.05,
    refund_mad_floor: 0.03,
    min_weekly_gmv_yuan: 100,
    min_weekly_paid_yuan: 300,
    category_gmv: false,
  },
};
