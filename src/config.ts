/**
 * Configuration: defaults < config file (`--config` or ./tuan.config.yaml|yml|json) < env < flags.
 * The only module that reads the config file, TUAN_* variables and the working directory (STYLE.md §5).
 * Keys are snake_case, the same in the file, in this type and in `tuan config`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError } from './errors.js';
import { FIELDS, type Field } from './core/headers.js';
import { DEFAULT_STATUS_WORDS, STATUSES } from './core/status.js';
import { DEFAULT_SEGMENTS } from './core/segments.js';

const days = z.number().int().min(0);
const scoreRange = z.tuple([z.number().int().min(1).max(5), z.number().int().min(1).max(5)])
  .refine(([lo, hi]) => lo <= hi, 'range must be [low, high] with low <= high');
const ascending4 = z.array(z.number().min(0)).length(4)
  .refine((a) => a.every((v, i) => i === 0 || v > a[i - 1]!), 'edges must be strictly ascending');

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
  }),
  stages: z.strictObject({
    /** 引入期 while tenure (days since first order) ≤ this. @default 30 */
    intro_days: days,
    /** 成长期 while tenure ≤ this. @default 90 */
    growth_days: days,
    /** 沉默期 when recency (days since last order) > this. @default 30 */
    silent_after_days: days,
    /** 流失期 when recency > this. @default 180 */
    churned_after_days: days,
    /** at_risk flag for an active member when recency > this. @default 14 */
    at_risk_days: days,
  }).refine((s) => s.intro_days < s.growth_days, { message: 'intro_days must be < growth_days', path: ['growth_days'] })
    .refine((s) => s.silent_after_days < s.churned_after_days, {
      message: 'silent_after_days must be < churned_after_days', path: ['churned_after_days'],
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
    segments: z.array(z.strictObject({
      code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'code must be snake_case'),
      name_zh: z.string().min(1),
      name_en: z.string().min(1),
      r: scoreRange, f: scoreRange, m: scoreRange,
    })),
  }),
});

export type Config = z.infer<typeof ConfigSchema>;

export const DEFAULT_CONFIG: Config = {
  db: './tuan.db',
  columns: {},
  status_words: {},
  import: { max_reject_rate: 0.05 },
  stages: { intro_days: 30, growth_days: 90, silent_after_days: 30, churned_after_days: 180, at_risk_days: 14 },
  rfm: { window_days: 365, method: 'quintile', edges: {}, baseline: 'mean', segments: DEFAULT_SEGMENTS },
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep merge for plain objects; arrays and scalars replace. */
export function mergeConfig(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? mergeConfig(base[k], v) : v;
  return out;
}

/** Validate a merged raw config; all problems are reported at once with their paths. */
export function validateConfig(raw: unknown, source = 'config'): Config {
  const r = ConfigSchema.safeParse(raw);
  if (r.success) return Object.freeze(r.data) as Config;
  const lines = r.error.issues.map((i) => `  ${i.path.join('.') || '(top)'}: ${i.message}`);
  throw new ConfigError(`invalid configuration in ${source}:\n${lines.join('\n')}`,
    'run `tuan config` to see the configuration in force and the allowed keys');
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
}

function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read config file ${path}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  try {
    const data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    return data ?? {};
  } catch (e) {
    throw new ConfigError(`config file ${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message}`);
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

export function resolveConfig(input: ResolveInput): Resolved {
  const source = findConfigFile(input.cwd, input.configPath);
  let raw: unknown = DEFAULT_CONFIG;
  if (source) {
    const file = readConfigFile(source);
    if (!isPlainObject(file)) throw new ConfigError(`config file ${source} must hold a mapping of keys`);
    raw = mergeConfig(raw, file);
  }
  if (input.env.TUAN_DB) raw = mergeConfig(raw, { db: input.env.TUAN_DB });
  if (input.flags) raw = mergeConfig(raw, input.flags);
  const config = validateConfig(raw, source ?? 'defaults and flags');
  return { config, source };
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
      throw new ConfigError(`--map "${m}" must be field=header with field one of: ${FIELDS.join(', ')}`);
    }
    out[field as Field] = m.slice(eq + 1).trim();
  }
  return out;
}
