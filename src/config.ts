/**
 * Configuration: defaults < config file (`--config` or ./tuan.config.yaml|yml|json) < env < flags.
 * The only module that reads the config file, TUAN_* variables and the working directory (STYLE.md §5).
 * Keys are snake_case, the same in the file, in this type and in `tuan config`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { ConfigError, type Text } from './errors.js';
import { parseLang, type Lang } from './i18n.js';
import { FIELDS, type Field } from './core/ingest/index.js';
import { DEFAULT_STATUS_WORDS, STATUSES } from './core/ingest/index.js';
import { DEFAULT_LINE_LIMITS } from './core/ingest/index.js';
import { DEFAULT_SEGMENTS } from './core/members/index.js';
import { ChecksSchema, DEFAULT_KPI_SECTION, KpiSectionSchema } from './core/kpi/index.js';
import { ActivitiesSchema, DEFAULT_ACTIVITIES, DEFAULT_LINT, LegacyTargetsSchema, LintSchema } from './activities-config.js';
import { STAGES } from './core/members/index.js';
import { DEFAULT_REPORT, ReportSchema } from './report-config.js';
import { DEFAULT_TRAINER, TrainerSchema } from './trainer-config.js';
import { DEFAULT_PRODUCTS, ProductsSchema } from './products-config.js';

const days = z.number().int().min(0);
const scoreRange = z
  .tuple([z.number().int().min(1).max(5), z.number().int().min(1).max(5)])
  .refine(([lo, hi]) => lo <= hi, 'range must be [low, high] with low <= high');
const ascending4 = z
  .array(z.number().min(0))
  .length(4)
  .refine((a) => a.every((v, i) => i === 0 || v > a[i - 1]!), 'edges must be strictly ascending');

// --- commission (issue #4): money in yuan and rates in percent as people write them; core converts exactly
// to fen and basis points. At most 2 decimals each, so the conversion never rounds.
const twoDecimals = (n: number) => Number.isFinite(n) && /^-?\d+(\.\d{1,2})?$/.test(String(n));
const yuanAmount = z.number().min(0).refine(twoDecimals, 'a plain amount in yuan with at most 2 decimals');
const percent = z.number().min(0).max(100).refine(twoDecimals, 'a percentage 0–100 with at most 2 decimals');
const onOff = z.boolean();

export const CommissionSchema = z.strictObject({
  /** Leader levels, lowest first (level 1 = first row). A level holds when ALL its thresholds held last month. */
  levels: z
    .array(
      z.strictObject({
        name_zh: z.string().min(1),
        name_en: z.string().min(1),
        /** the leader's counted GMV in the previous month must be ≥ this, in yuan */
        min_gmv_yuan: yuanAmount,
        /** repurchase rate in the previous month must be ≥ this, in percent; null = no bar */
        min_repurchase_pct: percent.nullable(),
        /** base commission rate on the month's GMV, in percent */
        rate_pct: percent,
      }),
    )
    .min(1)
    .superRefine((levels, ctx) => {
      const first = levels[0];
      if (first && (first.min_gmv_yuan !== 0 || (first.min_repurchase_pct ?? 0) !== 0)) {
        ctx.addIssue({
          code: 'custom',
          path: [0],
          message: 'level 1 must have min_gmv_yuan 0 and no repurchase bar, so every leader has a level',
          params: { zh: '第 1 级的 min_gmv_yuan 应为 0 且没有复购门槛,这样每个团长都有等级' },
        });
      }
      levels.forEach((l, i) => {
        const prev = levels[i - 1];
        if (!prev) return;
        if (l.min_gmv_yuan <= prev.min_gmv_yuan)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'min_gmv_yuan'],
            message: `must be > level ${i}'s (${prev.min_gmv_yuan}): levels ascend without overlaps`,
            params: { zh: `应大于第 ${i} 级的(${prev.min_gmv_yuan}):等级逐级升高,不能重叠` },
          });
        if ((l.min_repurchase_pct ?? 0) < (prev.min_repurchase_pct ?? 0))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'min_repurchase_pct'],
            message: `must be ≥ level ${i}'s`,
            params: { zh: `应不小于第 ${i} 级的` },
          });
        if (l.rate_pct < prev.rate_pct)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'rate_pct'],
            message: `must be ≥ level ${i}'s`,
            params: { zh: `应不小于第 ${i} 级的` },
          });
      });
    }),
  rewards: z.strictObject({
    /** each member in `stage` at the end of the month who spent ≥ min_spend_yuan with the leader: rate_pct of that spend */
    member_monthly_spend: z.strictObject({
      enabled: onOff,
      /** @default mature */
      stage: z.enum(STAGES),
      /** @default 500 (yuan) */
      min_spend_yuan: yuanAmount,
      /** @default 3 (percent) */
      rate_pct: percent,
    }),
    /** each member silent at the end of the previous month who orders: rate_pct of their first order of the month */
    reactivation: z.strictObject({
      enabled: onOff,
      /** @default 20 (percent) */
      rate_pct: percent,
      /** also pay for members who were churned (流失期), not only silent. @default false */
      include_churned: onOff,
    }),
    /** one-time reward when a member's spend within window_days of the first order reaches a tier */
    nurture: z.strictObject({
      enabled: onOff,
      /** @default 180 (days after the first order, inclusive) */
      window_days: z.number().int().min(1),
      /** @default [{spend_yuan: 1000, rate_pct: 10}, {spend_yuan: 2000, rate_pct: 15}]; rate is of the leader's base commission on the member */
      tiers: z
        .array(z.strictObject({ spend_yuan: yuanAmount.refine((n) => n > 0, 'must be > 0'), rate_pct: percent }))
        .min(1)
        .refine((t) => t.every((x, i) => i === 0 || x.spend_yuan > t[i - 1]!.spend_yuan), 'tiers must ascend by spend_yuan'),
    }),
  }),
  promotion: z.strictObject({
    /** 区域培训师: at least this many mentees (leaders whose mentor_id is this leader). @default 10 */
    trainer_min_mentees: z.number().int().min(1),
    /** 区域培训师: the mentees' GMV over the last window_months grew ≥ this percent year over year. @default 20 */
    trainer_min_growth_pct: z.number().min(0).refine(twoDecimals, 'a percentage with at most 2 decimals'),
    /** @default 12 (months, ending with the statement month) */
    window_months: z.number().int().min(1).max(60),
  }),
});

export const DEFAULT_COMMISSION: z.infer<typeof CommissionSchema> = {
  levels: [
    { name_zh: '见习团长(一星)', name_en: 'Trainee (1 star)', min_gmv_yuan: 0, min_repurchase_pct: null, rate_pct: 5 },
    { name_zh: '二星', name_en: '2 stars', min_gmv_yuan: 10_000, min_repurchase_pct: 20, rate_pct: 5.75 },
    { name_zh: '三星', name_en: '3 stars', min_gmv_yuan: 30_000, min_repurchase_pct: 30, rate_pct: 6.5 },
    { name_zh: '四星', name_en: '4 stars', min_gmv_yuan: 60_000, min_repurchase_pct: 35, rate_pct: 7.25 },
    { name_zh: '五星', name_en: '5 stars', min_gmv_yuan: 100_000, min_repurchase_pct: 40, rate_pct: 8 },
  ],
  rewards: {
    member_monthly_spend: { enabled: true, stage: 'mature', min_spend_yuan: 500, rate_pct: 3 },
    reactivation: { enabled: true, rate_pct: 20, include_churned: false },
    nurture: {
      enabled: true,
      window_days: 180,
      tiers: [
        { spend_yuan: 1000, rate_pct: 10 },
        { spend_yuan: 2000, rate_pct: 15 },
      ],
    },
  },
  promotion: { trainer_min_mentees: 10, trainer_min_growth_pct: 20, window_months: 12 },
};

export const ConfigSchema = z.strictObject({
  /** SQLite database file. @default ./tuan.db */
  db: z.string().min(1),
  /** Header overrides: field -> header text in your export. */
  columns: z.partialRecord(z.enum(FIELDS), z.string().min(1)),
  /** Extra status words: word -> completed|refunded|cancelled|pending (added to the built-in list). */
  status_words: z.record(z.string().min(1), z.enum(STATUSES)),
  import: z.strictObject({
    /** Largest share of rejected rows before an import is refused (0–1). @default 0.05 */
    max_reject_rate: z.number().min(0).max(1),
    /** Leader ID for lines without a leader column, e.g. a 快团团 export (`--leader` overrides it). @default unset */
    leader: z.string().trim().min(1).optional(),
    /**
     * Largest amount of one order line, in yuan (its paid amount, refund, or quantity × unit price; a return's too):
     * a line beyond it is a rejected row, counted against max_reject_rate. It keeps every total exact. @default 1000000
     */
    max_line_amount_yuan: z.number().int().min(1).max(100_000_000),
    /** Largest quantity of one order line (a 快团团 item too): a line beyond it is a rejected row. @default 100000 */
    max_line_quantity: z.number().int().min(1).max(100_000_000),
  }),
  stages: z
    .strictObject({
      /** 引入期 while tenure (days since first order) ≤ this. @default 30 */
      intro_days: days,
      /** 成长期 while tenure ≤ this. @default 90 */
      growth_days: days,
      /** 沉默期 when recency (days since last order) > this. @default 30 */
      silent_after_days: days,
      /** 流失期 when recency > this. @default 180 */
      churned_after_days: days,
      /** at_risk flag for an active member when recency > this (the fixed reading, and the personal one's fallback). @default 14 */
      at_risk_days: days,
      /**
       * `fixed`: at risk after at_risk_days for everyone; `personal`: after at_risk_rhythm_factor × the member's own
       * median gap between order days (members with fewer than 3 order days: at_risk_days). @default fixed
       */
      at_risk_mode: z.enum(['fixed', 'personal']),
      /** the personal reading's factor on the median gap. @default 2 */
      at_risk_rhythm_factor: z.number().min(1).max(100),
    })
    .refine((s) => s.intro_days < s.growth_days, {
      message: 'intro_days must be < growth_days',
      path: ['growth_days'],
      params: { zh: 'intro_days 应小于 growth_days' },
    })
    .refine((s) => s.silent_after_days < s.churned_after_days, {
      message: 'silent_after_days must be < churned_after_days',
      path: ['churned_after_days'],
      params: { zh: 'silent_after_days 应小于 churned_after_days' },
    }),
  rfm: z.strictObject({
    /** Days of history ending at the as-of date; 0 = whole history. @default 365 */
    window_days: days,
    /** `quintile` (type-7 quantiles, ties in the lower bin) or `r-rfm` (R package rfm 0.3.0). @default quintile */
    method: z.enum(['quintile', 'r-rfm']),
    /** Explicit bin edges instead of quantiles (4 ascending values per dimension; money in yuan). */
    edges: z.strictObject({
      recency_days: ascending4.optional(),
      orders: ascending4.optional(),
      spend_yuan: ascending4.optional(),
    }),
    /** Baseline of the Chinese 8-class model: each member vs the mean or the median. @default mean */
    baseline: z.enum(['mean', 'median']),
    /** Named segments, first match wins; R/F/M score ranges are inclusive. */
    segments: z.array(
      z.strictObject({
        code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'code must be snake_case'),
        name_zh: z.string().min(1),
        name_en: z.string().min(1),
        r: scoreRange,
        f: scoreRange,
        m: scoreRange,
      }),
    ),
  }),
  /** Leader levels, commission and rewards (SPEC §5). */
  commission: CommissionSchema,
  /** Kits, talk-scripts and the weekly plan (SPEC §7): coupons, gifts, thresholds, time slots (KPI targets: kpi.targets). */
  activities: ActivitiesSchema,
  /** `tuan lint`: Advertising-Law absolute terms. */
  lint: LintSchema,
  /** Directory whose templates override the shipped ones by file name (relative to the working directory). */
  templates_dir: z.string().min(1).optional(),
  /** KPI settings and the one targets table, read by kpi, report, kit and plan (core/kpi/check-spec.ts). */
  kpi: KpiSectionSchema,
  /** KPI checks run by `tuan kpi check` (SPEC §6); a checks file is a config file with this list. @default [] */
  checks: ChecksSchema,
  /** `tuan report`: list sizes and the default migration start (src/report-config.ts). */
  report: ReportSchema,
  /** The trainer's view: the support rule of `tuan leaders --support`, `tuan alerts` and the report (src/trainer-config.ts). */
  trainer: TrainerSchema,
  /** `tuan products`: the rule that flags anomalies (src/products-config.ts). */
  products: ProductsSchema,
  /** `tuan review`: what the contacts of the plan achieved against the holdout (issue #13). */
  review: z.strictObject({
    /** an order counts for a task when placed on the task's date or within the next N−1 days. @default 14 */
    window_days: z.number().int().min(1).max(365),
  }),
  /** `tuan predict` and the p_alive / clv_fen of segment, plan, report and kpi (BG/NBD + Gamma-Gamma). */
  predict: z.strictObject({
    /** time unit of the fit: `weeks` (as the papers) or `days`. @default weeks */
    time_unit: z.enum(['days', 'weeks']),
    /** horizon of expected orders and CLV: `12m`, `90d`, `273d`, `8w`. @default 12m */
    horizon: z.string().regex(/^\s*[1-9]\d{0,3}\s*[mdwMDW]\s*$/, 'horizon must be like 12m, 90d or 8w'),
    /** discount rate per month of the CLV (0.01 = 1 %). @default 0.01 */
    monthly_discount: z.number().min(0).max(1),
  }),
});

export type Config = z.infer<typeof ConfigSchema>;

export const DEFAULT_CONFIG: Config = {
  db: './tuan.db',
  columns: {},
  status_words: {},
  import: {
    max_reject_rate: 0.05,
    max_line_amount_yuan: DEFAULT_LINE_LIMITS.maxAmountFen / 100,
    max_line_quantity: DEFAULT_LINE_LIMITS.maxQuantity,
  },
  stages: {
    intro_days: 30,
    growth_days: 90,
    silent_after_days: 30,
    churned_after_days: 180,
    at_risk_days: 14,
    at_risk_mode: 'fixed',
    at_risk_rhythm_factor: 2,
  },
  rfm: { window_days: 365, method: 'quintile', edges: {}, baseline: 'mean', segments: DEFAULT_SEGMENTS },
  activities: DEFAULT_ACTIVITIES,
  lint: DEFAULT_LINT,
  commission: DEFAULT_COMMISSION,
  kpi: DEFAULT_KPI_SECTION,
  checks: [],
  report: DEFAULT_REPORT,
  trainer: DEFAULT_TRAINER,
  products: DEFAULT_PRODUCTS,
  review: { window_days: 14 },
  predict: { time_unit: 'weeks', horizon: '12m', monthly_discount: 0.01 },
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep merge for plain objects; arrays and scalars replace. */
export function mergeConfig(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  // Own keys only, and defined rather than assigned: a key `__proto__` or `constructor` (status_words) is data.
  for (const [k, v] of Object.entries(over)) {
    Object.defineProperty(out, k, {
      value: Object.hasOwn(base, k) ? mergeConfig(base[k], v) : v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Validate a merged raw config; all problems are reported at once with their paths. */
export function validateConfig(raw: unknown, source = 'config'): Config {
  const r = ConfigSchema.safeParse(raw);
  if (r.success) return Object.freeze(r.data) as Config;
  const lines = (issues: z.core.$ZodIssue[], top = '(top)') => issues.map((i) => `  ${i.path.join('.') || top}: ${i.message}`).join('\n');
  // zod's own words in Chinese too; the schemas' own messages give their Chinese as params.zh
  const zhOf = (i: z.core.$ZodIssue) => ({ ...i, message: (i as { params?: { zh?: string } }).params?.zh ?? i.message });
  const zh = ConfigSchema.safeParse(raw, { error: z.locales.zhCN().localeError });
  throw new ConfigError(
    {
      zh: `配置有误(${source}):\n${lines((zh.error?.issues ?? r.error.issues).map(zhOf), '(顶层)')}`,
      en: `invalid configuration in ${source}:\n${lines(r.error.issues)}`,
    },
    {
      zh: '运行 `tuan config` 查看当前生效的配置和可用的键',
      en: 'run `tuan config` to see the configuration in force and the allowed keys',
    },
  );
}

export interface ResolveInput {
  configPath?: string;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** values from flags, already in config shape */
  flags?: Record<string, unknown>;
}

export interface Resolved {
  config: Config;
  /** the file read, if any */
  source: string | null;
  /** for stderr: deprecated keys read (cli.ts prints them) */
  warnings: Text[];
}

function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new ConfigError({ zh: `无法读取配置文件 ${path}:${why}`, en: `cannot read config file ${path}: ${why}` });
  }
  try {
    // yaml is loaded only when there is a YAML file to read (start-up time of every command).
    const parseYaml = (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse;
    const data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    return data ?? {};
  } catch (e) {
    const kind = path.endsWith('.json') ? 'JSON' : 'YAML';
    throw new ConfigError({
      zh: `配置文件 ${path} 不是有效的 ${kind}:${(e as Error).message}`,
      en: `config file ${path} is not valid ${kind}: ${(e as Error).message}`,
    });
  }
}

export const CONFIG_FILE_NAMES = ['tuan.config.yaml', 'tuan.config.yml', 'tuan.config.json'];

export function findConfigFile(cwd: string, explicit?: string): string | null {
  if (explicit) return resolve(cwd, explicit);
  for (const name of CONFIG_FILE_NAMES) {
    const p = resolve(cwd, name);
    if (existsSync(p)) return p;
  }
  return null;
}

/**
 * Layers, each over the one before: DEFAULT_CONFIG, ./tuan.config.yaml (if present), the `--config`
 * file (if given: a checks file for `tuan kpi check` adds to the project's configuration instead of
 * replacing it), TUAN_DB, then flags.
 */
export function resolveConfig(input: ResolveInput): Resolved {
  const local = findConfigFile(input.cwd);
  const explicit = input.configPath ? resolve(input.cwd, input.configPath) : null;
  const files = [...new Set([local, explicit].filter((f): f is string => f !== null))];
  let raw: unknown = DEFAULT_CONFIG;
  let given: unknown = {};
  for (const path of files) {
    const file = readConfigFile(path);
    if (!isPlainObject(file))
      throw new ConfigError({ zh: `配置文件 ${path} 应是"键: 值"的映射`, en: `config file ${path} must hold a mapping of keys` });
    raw = mergeConfig(raw, file);
    given = mergeConfig(given, file);
  }
  const source = files.length ? files.join(' + ') : null;
  const legacy = legacyTargets(raw, given, source ?? 'config');
  raw = legacy.raw;
  if (input.env.TUAN_DB) raw = mergeConfig(raw, { db: input.env.TUAN_DB });
  if (input.flags) raw = mergeConfig(raw, input.flags);
  const config = validateConfig(raw, source ?? 'defaults and flags');
  return { config, source, warnings: legacy.warnings };
}

const inline = (o: Record<string, unknown>) =>
  `{${Object.entries(o)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')}}`;

/**
 * The deprecated `activities.targets` (per stage: `{kpi, target, challenge}`) of the configuration
 * files, moved to the one targets table `kpi.targets` (`{baseline, challenge}`), with a warning that
 * says what to rename. A KPI the files (`given`, without the defaults) also give in `kpi.targets` keeps that value.
 */
export function legacyTargets(raw: unknown, given: unknown, source: string): { raw: unknown; warnings: Text[] } {
  const activities = isPlainObject(raw) ? raw.activities : undefined;
  if (!isPlainObject(raw) || !isPlainObject(activities) || activities.targets === undefined) return { raw, warnings: [] };
  const r = LegacyTargetsSchema.safeParse(activities.targets);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${['activities', 'targets', ...i.path].join('.')}: ${i.message}`);
    throw new ConfigError(
      { zh: `配置有误(${source}):\n${lines.join('\n')}`, en: `invalid configuration in ${source}:\n${lines.join('\n')}` },
      {
        zh: 'activities.targets 已弃用:请改用 kpi.targets(baseline/challenge)',
        en: 'activities.targets is deprecated: use kpi.targets (baseline/challenge)',
      },
    );
  }
  const { targets: _old, ...rest } = activities;
  const sub = (o: unknown, k: string) => (isPlainObject(o) && isPlainObject(o[k]) ? (o[k] as Record<string, unknown>) : {});
  const stated = sub(sub(given, 'kpi'), 'targets');
  const kpi = sub(raw, 'kpi');
  const moved: Record<string, { baseline: number; challenge?: number }> = {};
  const renames: string[] = [];
  const ignored: string[] = [];
  for (const [stage, list] of Object.entries(r.data)) {
    (list ?? []).forEach((t, i) => {
      const to = t.challenge === null ? { baseline: t.target } : { baseline: t.target, challenge: t.challenge };
      renames.push(`  activities.targets.${stage}[${i}] ${inline(t)} -> kpi.targets.${t.kpi}: ${inline(to)}`);
      if (Object.hasOwn(stated, t.kpi)) ignored.push(t.kpi);
      else moved[t.kpi] = to;
    });
  }
  const out = { ...raw, activities: rest, kpi: { ...kpi, targets: { ...sub(kpi, 'targets'), ...moved } } };
  const list = renames.join('\n');
  const both =
    ignored.length === 0
      ? null
      : {
          zh: `kpi.targets 与 activities.targets 都给了 ${ignored.join(', ')}:以 kpi.targets 为准,activities.targets 中的值不用。`,
          en: `both kpi.targets and activities.targets give ${ignored.join(', ')}: kpi.targets wins, the activities.targets values are ignored.`,
        };
  return {
    raw: out,
    warnings: [
      {
        zh: `警告:配置键 activities.targets 已弃用(${source});kpi、kit、plan 和 report 都读取 kpi.targets。请改名(target 改为 baseline,challenge: null 删去):\n${list}${both ? `\n${both.zh}` : ''}`,
        en: `warning: the configuration key activities.targets is deprecated (${source}); kpi, kit, plan and report all read kpi.targets. Rename (target becomes baseline, drop challenge: null):\n${list}${both ? `\n${both.en}` : ''}`,
      },
    ],
  };
}

/** Status words in force: built-in words plus the config's. */
export function statusWords(config: Config) {
  return { ...DEFAULT_STATUS_WORDS, ...config.status_words };
}

export function columnOverrides(config: Config, maps: readonly string[] = []): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = { ...config.columns };
  for (const m of maps) {
    const eq = m.indexOf('=');
    const field = m.slice(0, eq).trim();
    if (eq < 1 || !(FIELDS as readonly string[]).includes(field)) {
      throw new ConfigError({
        zh: `--map "${m}" 应写成 字段=表头,字段可以是:${FIELDS.join(', ')}`,
        en: `--map "${m}" must be field=header with field one of: ${FIELDS.join(', ')}`,
      });
    }
    out[field as Field] = m.slice(eq + 1).trim();
  }
  return out;
}

/**
 * The language of this run, chosen once (cli.ts) and passed down as `ctx.lang`:
 * `--lang` anywhere on the command line, else TUAN_LANG, else Chinese.
 */
export function resolveLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const flag = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return parseLang(flag) ?? parseLang(env.TUAN_LANG) ?? 'zh-CN';
}
