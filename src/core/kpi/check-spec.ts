/**
 * The configuration sections of issue #6: `kpi` (settings and the targets of kpi, report, kit and plan)
 * and `checks` (the CI checks of `tuan kpi check`). A checks file is a tuan configuration file that
 * holds a `checks:` list, so `--config checks.yaml` means the same thing for every command.
 * Values are written as people write them: rates in percent (40 or "40%"), money in yuan.
 */
import { z } from 'zod';
import { checkProblems } from './checks.js';
import { kpiDef, readValue, seedTargets, UNITS } from './kpi-defs.js';

const written = z.union([z.number(), z.string().min(1)]);

export const CheckSchema = z.strictObject({
  /** unique name (JUnit testsuite); @default the kpi code */
  name: z.string().min(1).optional(),
  /** an order KPI code, a metric code from --metrics, or your own metric (with `unit`) */
  kpi: z.string().min(1),
  /** all | per-leader | leader:ID | region:NAME. @default all */
  scope: z.string().min(1).optional(),
  /** this check's period (same forms as --period, e.g. last-month-1), overriding --period */
  period: z.string().min(1).optional(),
  /** fail when the value is below this */
  fail_below: written.optional(),
  /** warn when the value is below this */
  warn_below: written.optional(),
  /** fail when the value is above this */
  fail_above: written.optional(),
  /** warn when the value is above this */
  warn_above: written.optional(),
  /** 挑战值: reported as reached (≥, or ≤ for a check with only *_above thresholds), never a failure */
  challenge: written.optional(),
  /** n/a (empty denominator, missing metric) fails instead of warning. @default false */
  require: z.boolean().optional(),
  /** one read-only SELECT returning one number; params @period_start @period_end @as_of @leader_id @region */
  sql: z.string().min(1).optional(),
  /** unit of a metric or SQL value: rate (SQL returns a fraction 0–1) | money (fen) | count | number */
  unit: z.enum(UNITS).optional(),
  /** shown in the JUnit report */
  description: z.string().optional(),
});

export const ChecksSchema = z.array(CheckSchema).superRefine((checks, ctx) => {
  for (const p of checkProblems(checks)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message, params: { zh: p.zh } });
});

export const KpiSectionSchema = z.strictObject({
  /** category_penetration counts a 成长期 member who bought in at least this many categories. @default 2 */
  min_categories: z.number().int().min(1),
  /** A KPI taken over fewer members (or orders) than this is shown but not marked: too few to judge (tuan kpi, report). @default 10 */
  min_denominator: z.number().int().min(1),
  /** The one targets table: baseline / challenge per KPI code, read by kpi, report, kit and plan (rates in percent, money in yuan). */
  targets: z
    .record(z.string(), z.strictObject({ baseline: written.optional(), challenge: written.optional() }))
    .superRefine((targets, ctx) => {
      for (const [code, t] of Object.entries(targets)) {
        const def = kpiDef(code);
        if (!def) {
          ctx.addIssue({ code: 'custom', path: [code], message: `unknown KPI "${code}"`, params: { zh: `没有这个 KPI:"${code}"` } });
          continue;
        }
        if (def.direction === 'lower') {
          ctx.addIssue({
            code: 'custom',
            path: [code],
            message: `${code} is lower-is-better and a target is a minimum: tuan has no maximum target yet; check a maximum with fail_above / warn_above in \`checks:\` (tuan kpi check)`,
            params: {
              zh: `${code} 越低越好,而目标值是下限:tuan 还不支持上限目标;请在 \`checks:\` 里用 fail_above / warn_above 检查上限(tuan kpi check)`,
            },
          });
          continue;
        }
        for (const key of ['baseline', 'challenge'] as const) {
          const v = t[key];
          const r = v === undefined ? null : readValue(v, def.unit);
          if (r && !r.ok) ctx.addIssue({ code: 'custom', path: [code, key], message: r.reason.en, params: { zh: r.reason.zh } });
        }
      }
    }),
});

/** The seed's targets (SPEC §6 column 4, the catalogue's `seed`): baseline / challenge. */
export const DEFAULT_KPI_SECTION: z.infer<typeof KpiSectionSchema> = {
  min_categories: 2,
  min_denominator: 10,
  targets: seedTargets(),
};
