/**
 * The commented `tuan.config.yaml` that `tuan init` writes. Only keys of the sections init knows
 * (db, columns, status_words, import, stages, rfm); every other section keeps its built-in defaults,
 * and the trailing comment points to `tuan config`. Comments follow --lang; keys never change.
 */
import { Document, isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import type { Field } from '../core/ingest/index.js';
import type { Overrides } from '../core/ingest/index.js';
import type { StageThresholds } from '../core/members/index.js';
import type { Layout } from '../core/ingest/index.js';
import type { Status } from '../core/ingest/index.js';
import { DEFAULT_CONFIG } from '../config.js';
import { defineMessages, type Lang } from '../i18n.js';
import { STAGE_KEYS, stageMeaning } from './init.js';

export interface InitConfig {
  db: string;
  /** overrides only (fields whose header the aliases do not find, or that the user changed) */
  columns: Overrides;
  status_words: Record<string, Status>;
  import: { max_reject_rate: number; leader?: string };
  stages: StageThresholds;
  rfm: { window_days: number; method: 'quintile' | 'r-rfm'; baseline: 'mean' | 'median'; edges: Record<string, number[] | undefined> };
}

/** Where the mapping came from, for the comment above `columns:`. */
export interface SampleNote {
  file: string;
  layout: Layout;
  mapped: Partial<Record<Field, string>>;
}

const m = defineMessages({
  'cfg.head': [
    'tuan 配置文件,由 `tuan init` 生成。\n生效顺序:内置默认值 < 本文件 < 环境变量 TUAN_* < 命令行参数。\n本文件没有写的键使用内置默认值。',
    'tuan configuration, written by `tuan init`.\nPrecedence: built-in defaults < this file < TUAN_* variables < command-line flags.\nKeys not written here keep their built-in defaults.',
  ],
  'cfg.db': [
    'SQLite 数据库文件,相对于运行 tuan 的目录(也可用 --db 或 TUAN_DB)。默认 ./tuan.db',
    'SQLite database file, relative to the directory tuan runs in (or --db, TUAN_DB). Default ./tuan.db',
  ],
  'cfg.columns': [
    '表头映射:字段 -> 导出文件中的表头文字。只写内置别名认不出或认错的字段;\n这里写的表头,每个导入的文件都必须有(也可以每次用 --map 字段=表头)。',
    'Header mapping: field -> the header text in your export. Only for fields the built-in aliases miss or get wrong;\nevery imported file must have the headers written here (or use --map field=header per run).',
  ],
  'cfg.detected': ['样例 {file}(格式 {layout})的识别结果:', 'Mapping of the sample {file} (layout {layout}):'],
  'cfg.status': [
    '额外的订单状态词:词 -> completed | refunded | cancelled | pending,加在内置词表之外。\n只有 completed 计入消费;未知的状态词会被拒收,不会被猜测。',
    'Extra order status words: word -> completed | refunded | cancelled | pending, on top of the built-in list.\nOnly completed counts as spend; an unknown word is a rejected row, never a guess.',
  ],
  'cfg.import': ['导入设置', 'Import settings'],
  'cfg.rejectRate': [
    '拒收行占比超过此值(0–1)时拒绝整个导入。默认 0.05',
    'Refuse an import when more than this share of rows (0–1) is rejected. Default 0.05',
  ],
  'cfg.leader': [
    '没有团长列的行(例如快团团导出)记到这个团长ID名下;命令行 --leader 优先。',
    'Leader ID for lines without a leader column (e.g. a 快团团 export); --leader on the command line wins.',
  ],
  'cfg.noLeader': [
    '没有团长列的导出(例如快团团),可在此写团长ID,例如 leader: L004',
    'For exports without a leader column (e.g. 快团团), set the leader ID here, e.g. leader: L004',
  ],
  'cfg.stages': [
    '生命周期阶段阈值,单位:天(四阶五段,SPEC §3)。\n按顺序匹配:流失期 → 沉默期 → 引入期 → 成长期 → 成熟期。',
    'Lifecycle stage thresholds in days (SPEC §3).\nMatched in order: churned → silent → intro → growth → mature.',
  ],
  'cfg.stageLine': ['{meaning}。默认 {v}', '{meaning}. Default {v}'],
  'cfg.rfm': ['RFM 评分(SPEC §4)', 'RFM scoring (SPEC §4)'],
  'cfg.rfm.window': [
    '统计窗口:截至统计日的天数,0 = 全部历史。默认 365',
    'Window: days of history ending at the as-of date, 0 = all history. Default 365',
  ],
  'cfg.rfm.method': [
    'quintile(五分位,并列值落在较低一档)或 r-rfm(R 包 rfm 0.3.0 的做法)。默认 quintile',
    'quintile (type-7 quintiles, ties in the lower bin) or r-rfm (R package rfm 0.3.0). Default quintile',
  ],
  'cfg.rfm.baseline': [
    '中国八分类的高低基准:mean(平均值)或 median(中位数)。默认 mean',
    'Baseline of the Chinese 8-class model: mean or median. Default mean',
  ],
  'cfg.rfm.edges': [
    '用固定分档边界代替分位数:每个维度 4 个递增值,例如 recency_days: [7, 14, 30, 90];\n可用 recency_days、orders、spend_yuan(元)。',
    'Fixed bin edges instead of quintiles: 4 ascending values per dimension, e.g. recency_days: [7, 14, 30, 90];\nkeys recency_days, orders, spend_yuan (yuan).',
  ],
  'cfg.rfm.segments': [
    'segments(十个经典分群)使用内置表;要修改,从 `tuan config` 复制 rfm.segments 到这里。',
    'segments (the ten classic named segments) use the built-in table; to change them copy rfm.segments from `tuan config`.',
  ],
  'cfg.tail': [
    '其他配置段(commission 佣金与奖励、activities 活动、lint、templates_dir、kpi、checks、report 等)使用内置默认值。\n查看全部配置键及其当前值:tuan config',
    'Other sections (commission and rewards, activities, lint, templates_dir, kpi, checks, report, …) keep their built-in defaults.\nSee tuan config for all keys and the values in force.',
  ],
});

const c = (text: string) =>
  text
    .split('\n')
    .map((l) => (l === '' ? '' : ` ${l}`))
    .join('\n');

function pairOf(map: YAMLMap, key: string): Pair {
  const p = map.items.find((i) => isScalar(i.key) && i.key.value === key);
  if (!p) throw new Error(`init-config: no key ${key}`);
  return p as Pair;
}

/** Put a comment above `path` (a key of the top map or of a nested map); `space` adds a blank line before. */
function annotate(doc: Document, path: string[], text: string, space = false): void {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) throw new Error(`init-config: ${path.join('.')} has no map parent`);
  const key = pairOf(parent, path[path.length - 1]!).key;
  if (!isScalar(key)) throw new Error(`init-config: key ${path.join('.')} is not a scalar`);
  key.commentBefore = c(text);
  key.spaceBefore = space;
}

function columnsComment(sample: SampleNote | null, lang: Lang): string {
  let text = m(lang, 'cfg.columns');
  if (sample) {
    const lines = Object.entries(sample.mapped).map(([f, h]) => `  ${f}: ${String(h).replace(/\s+/g, ' ')}`);
    text += '\n' + m(lang, 'cfg.detected', { file: sample.file, layout: sample.layout }) + '\n' + lines.join('\n');
  }
  return text;
}

/** The YAML text, comments in `lang`. */
export function renderInitConfig(cfg: InitConfig, sample: SampleNote | null, lang: Lang): string {
  const doc = new Document(cfg);
  doc.commentBefore = c(m(lang, 'cfg.head'));
  annotate(doc, ['db'], m(lang, 'cfg.db'));
  annotate(doc, ['columns'], columnsComment(sample, lang), true);
  annotate(doc, ['status_words'], m(lang, 'cfg.status'), true);
  const importNote = m(lang, 'cfg.import') + (cfg.import.leader === undefined ? `\n${m(lang, 'cfg.noLeader')}` : '');
  annotate(doc, ['import'], importNote, true);
  annotate(doc, ['import', 'max_reject_rate'], m(lang, 'cfg.rejectRate'));
  if (cfg.import.leader !== undefined) annotate(doc, ['import', 'leader'], m(lang, 'cfg.leader'));
  annotate(doc, ['stages'], m(lang, 'cfg.stages'), true);
  const dflt = DEFAULT_CONFIG.stages;
  for (const k of STAGE_KEYS) {
    annotate(doc, ['stages', k], m(lang, 'cfg.stageLine', { meaning: stageMeaning(k, cfg.stages, lang), v: dflt[k] }));
  }
  annotate(doc, ['rfm'], m(lang, 'cfg.rfm'), true);
  annotate(doc, ['rfm', 'window_days'], m(lang, 'cfg.rfm.window'));
  annotate(doc, ['rfm', 'method'], m(lang, 'cfg.rfm.method'));
  annotate(doc, ['rfm', 'baseline'], m(lang, 'cfg.rfm.baseline'));
  annotate(doc, ['rfm', 'edges'], m(lang, 'cfg.rfm.edges'));
  doc.comment = c(`${m(lang, 'cfg.rfm.segments')}\n\n${m(lang, 'cfg.tail')}`);
  const text = doc.toString({ lineWidth: 0 });
  return text.endsWith('\n') ? text : text + '\n';
}
