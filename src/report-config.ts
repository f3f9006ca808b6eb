/** The `report` section of the configuration (issue #7): what `tuan report` shows by default. */
import { z } from 'zod';

export const ReportSchema = z.strictObject({
  /** Members listed in each members-to-act-on list of the report (silent to call, at risk, new). Unit: members. @default 10 */
  members_per_list: z.number().int().min(1).max(500),
  /** Default start of the stage migration: this many days before --as-of (--from overrides). Unit: days. @default 90 */
  migration_days: z.number().int().min(1).max(3650),
});

export type ReportConfig = z.infer<typeof ReportSchema>;

export const DEFAULT_REPORT: ReportConfig = { members_per_list: 10, migration_days: 90 };
