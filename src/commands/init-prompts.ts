/**
 * The questions `tuan init` asks. `Prompter` is what the flow needs; `inquirerPrompter` asks them on the
 * terminal with @inquirer/prompts (STYLE.md §3: prompts live in commands/ only, and only on a TTY).
 * The question configs are built by plain functions so tests can drive the real prompts with
 * @inquirer/testing, and the flow can be driven by a scripted Prompter.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { confirm, input, number, select } from '@inquirer/prompts';
import { FIELDS, type Field } from '../core/ingest/index.js';
import { findExports } from '../adapters/init-sample.js';
import type { MappingView } from '../core/ingest/index.js';
import { STATUSES, type Status } from '../core/ingest/index.js';
import { defineMessages, type Lang } from '../i18n.js';
import { fieldMeaning, stageMeaning, type StageKey } from '../render/init.js';
import { displayWidth } from '../render/table.js';
import type { StageThresholds } from '../core/members/index.js';

export interface Prompter {
  /** path of the sample export as typed; '' = no sample */
  file(): Promise<string>;
  /** 'accept' the mapping, or the field whose header to change */
  mappingAction(view: MappingView): Promise<Field | 'accept'>;
  /** the header to use for `field` (`firstRow`: the first record, to show each column's value); null = automatic */
  header(field: Field, view: MappingView, firstRow: readonly string[] | null): Promise<string | null>;
  /** the leader ID of a single-leader export; '' = none */
  leader(): Promise<string>;
  /** what an unknown status word means; 'skip' = leave it unknown (its rows are rejected) */
  statusWord(word: string): Promise<Status | 'skip'>;
  /** keep the proposed stage thresholds? */
  keepStages(): Promise<boolean>;
  /** a new value for one threshold; `stages` holds the values so far */
  stage(key: StageKey, stages: StageThresholds): Promise<number>;
  /** import the sample into the database now? */
  importNow(file: string, db: string): Promise<boolean>;
}

const q = defineMessages({
  'ask.file': ['样例导出文件的路径(留空跳过)', 'path of a sample export (empty to skip)'],
  'ask.fileFound': [
    '样例导出文件的路径(CSV 或 Excel 工作簿;留空跳过)。这里有:{files}',
    'path of a sample export (CSV or Excel workbook; empty to skip). Found here: {files}',
  ],
  'ask.fileMissing': ['找不到文件 {path}', 'no such file: {path}'],
  'ask.mapping': [
    '表头映射正确吗?选"确认"继续,或选一个字段修改它的列',
    'Is the mapping right? Accept, or pick a field to change its column',
  ],
  'ask.accept': ['确认映射', 'accept the mapping'],
  'ask.acceptBlocked': ['先解决:{fields}', 'fix first: {fields}'],
  'ask.header': ['"{field}"({meaning})用文件中的哪一列?', 'Which column holds "{field}" ({meaning})?'],
  'ask.auto': ['自动识别(内置别名)', 'automatic (built-in aliases)'],
  'ask.current': ['当前', 'current'],
  'ask.example': ['例:{v}', 'e.g. {v}'],
  'ask.leader': [
    '这是单个团长的导出:这些订单属于哪个团长ID?(例如 L004,留空则记为 "-")',
    'Single-leader export: which leader ID do these orders belong to? (e.g. L004; empty = "-")',
  ],
  'ask.leaderBad': ['团长ID 不能包含空格', 'a leader ID has no spaces'],
  'ask.status': [
    '样例中的订单状态"{word}"不在内置词表中,它表示什么?',
    'The sample has the status word "{word}", which tuan does not know. What does it mean?',
  ],
  'ask.status.completed': ['completed 已完成(计入消费)', 'completed (counts as spend)'],
  'ask.status.refunded': ['refunded 已退款', 'refunded'],
  'ask.status.cancelled': ['cancelled 已取消', 'cancelled'],
  'ask.status.pending': ['pending 未付款', 'pending (not paid)'],
  'ask.status.skip': ['不确定,先不设置(这些行会被拒收)', 'not sure, leave it (those rows are rejected)'],
  'ask.keepStages': ['使用这些阶段阈值吗?', 'Use these stage thresholds?'],
  'ask.stage': ['{key}({meaning}),天数', '{key} ({meaning}), days'],
  'ask.importNow': ['现在把 {file} 导入数据库 {db} 吗?', 'Import {file} into the database {db} now?'],
  'ask.intBad': ['请输入不小于 0 的整数天数', 'enter a whole number of days, 0 or more'],
  'ask.nav': ['(方向键选择,回车确认)', '(arrow keys to move, enter to select)'],
  'ask.pager': ['(上下移动可看到更多选项)', '(move up and down to reveal more choices)'],
});

export const AUTO = '\u0000auto';

const instructions = (lang: Lang) => ({ navigation: q(lang, 'ask.nav'), pager: q(lang, 'ask.pager') });

/** `found`: export files (CSV and workbooks) in the folder, offered in the question. */
export function fileQuestion(lang: Lang, cwd: string, found: readonly string[] = []) {
  return {
    message: found.length ? q(lang, 'ask.fileFound', { files: found.join(', ') }) : q(lang, 'ask.file'),
    validate: (v: string) => {
      if (v.trim() === '') return true;
      try {
        return statSync(resolve(cwd, v.trim())).isFile() || q(lang, 'ask.fileMissing', { path: v.trim() });
      } catch {
        return q(lang, 'ask.fileMissing', { path: v.trim() });
      }
    },
  };
}

export function mappingQuestion(lang: Lang, view: MappingView) {
  const blocked = [...new Set([...view.missing, ...view.ambiguous, ...view.notFound].map((x) => x.field))];
  const width = Math.max(...FIELDS.map((f) => displayWidth(fieldMeaning(f, lang))));
  const fields = FIELDS.map((f) => {
    const meaning = fieldMeaning(f, lang);
    return {
      value: f as Field | 'accept',
      short: f,
      name: `${f.padEnd(14)} ${meaning}${' '.repeat(width - displayWidth(meaning))}  ← ${view.mapped[f] ?? '—'}`,
    };
  });
  const accept = {
    value: 'accept' as const,
    name: q(lang, 'ask.accept'),
    disabled: blocked.length ? q(lang, 'ask.acceptBlocked', { fields: blocked.join(', ') }) : false,
  };
  return {
    message: q(lang, 'ask.mapping'),
    choices: [accept, ...fields],
    default: blocked[0] ?? 'accept',
    pageSize: 18,
    loop: false,
    instructions: instructions(lang),
  };
}

export function headerQuestion(lang: Lang, field: Field, view: MappingView, firstRow: readonly string[] | null = null) {
  const current = view.mapped[field];
  const headers = [...new Set(view.headers.filter((h) => h.trim() !== ''))];
  const width = Math.max(...headers.map(displayWidth));
  const choices = headers.map((h) => {
    const value = (firstRow?.[view.headers.indexOf(h)] ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
    const parts = [
      h + ' '.repeat(width - displayWidth(h)),
      value && q(lang, 'ask.example', { v: value }),
      h === current && `(${q(lang, 'ask.current')})`,
    ];
    return { value: h, short: h, name: parts.filter(Boolean).join('  ').trimEnd() };
  });
  return {
    message: q(lang, 'ask.header', { field, meaning: fieldMeaning(field, lang) }),
    choices: [...choices, { value: AUTO, name: q(lang, 'ask.auto'), short: q(lang, 'ask.auto') }],
    default: current ?? AUTO,
    pageSize: 16,
    loop: false,
    instructions: instructions(lang),
  };
}

export function leaderQuestion(lang: Lang) {
  return { message: q(lang, 'ask.leader'), validate: (v: string) => !/\s/.test(v.trim()) || q(lang, 'ask.leaderBad') };
}

export function statusQuestion(lang: Lang, word: string) {
  const choices = [...STATUSES, 'skip' as const].map((s) => ({ value: s as Status | 'skip', name: q(lang, `ask.status.${s}`), short: s }));
  return { message: q(lang, 'ask.status', { word }), choices, default: 'skip', instructions: instructions(lang) };
}

export function stageQuestion(lang: Lang, key: StageKey, stages: StageThresholds) {
  return {
    message: q(lang, 'ask.stage', { key, meaning: stageMeaning(key, stages, lang) }),
    default: stages[key],
    required: true as const,
    validate: (v: number) => (Number.isInteger(v) && v >= 0) || q(lang, 'ask.intBad'),
  };
}

type PromptContext = Parameters<typeof input>[1];

/** The real prompts, on the terminal (or on the streams of `context`, for tests). */
export function inquirerPrompter(lang: Lang, cwd: string, context?: PromptContext): Prompter {
  return {
    file: async () => (await input(fileQuestion(lang, cwd, findExports(cwd)), context)).trim(),
    mappingAction: (view) => select(mappingQuestion(lang, view), context),
    header: async (field, view, firstRow) => {
      const h = await select(headerQuestion(lang, field, view, firstRow), context);
      return h === AUTO ? null : h;
    },
    leader: async () => (await input(leaderQuestion(lang), context)).trim(),
    statusWord: (word) => select(statusQuestion(lang, word), context),
    keepStages: () => confirm({ message: q(lang, 'ask.keepStages'), default: true }, context),
    stage: (key, stages) => number(stageQuestion(lang, key, stages), context),
    importNow: (file, db) => confirm({ message: q(lang, 'ask.importNow', { file, db }), default: true }, context),
  };
}
