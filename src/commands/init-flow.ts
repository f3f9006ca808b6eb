/**
 * The steps of `tuan init`, each with and without a prompter: with one, it asks; without one (--yes),
 * it takes the default, or fails with the flags to pass when there is none.
 */
import { maskRecordCells, personalColumns } from '../core/shared/index.js';
import { DEFAULT_CONFIG, statusWords } from '../config.js';
import { InputError } from '../errors.js';
import { defineMessages, type Lang } from '../i18n.js';
import { analyzeMapping, setColumn, unknownStatusWords, type MappingView } from '../core/ingest/index.js';
import { stageProblems } from '../core/members/index.js';
import type { StageThresholds } from '../core/members/index.js';
import type { Status } from '../core/ingest/index.js';
import { m as r, renderMapping, renderStages, STAGE_KEYS } from '../render/init.js';
import type { Prompter } from './init-prompts.js';
import type { Ctx } from './types.js';

const w = defineMessages({
  'init.err.mapping': ['样例的列无法对应:{problems}', 'cannot map the columns of the sample: {problems}'],
  'init.err.mappingHint': ['用 --map 指定表头:{maps}', 'name the headers with --map: {maps}'],
  'init.p.missing': ['没有 {field} 列', 'no column for {field}'],
  'init.p.ambiguous': ['{field} 可以是 {headers}', '{field} could be {headers}'],
  'init.p.notFound': ['文件中没有表头 "{header}"({field})', 'no header "{header}" ({field}) in the file'],
  'init.warn.status': [
    '警告:样例中有未知的订单状态 {words};这些行导入时会被拒收。请在 tuan.config.yaml 的 status_words 中写明它们的含义',
    'warning: the sample has unknown status words {words}; those rows will be rejected on import. Say what they mean under status_words in tuan.config.yaml',
  ],
  'init.warn.leader': [
    '警告:这是单个团长的导出,但没有给出 --leader:导入的行将记到团长 "-" 名下。可重新运行并加上 --leader <团长ID>(加 --force 覆盖),或在 import.leader 中填写',
    'warning: single-leader export and no --leader: imported lines go to leader "-". Run again with --leader <ID> (and --force), or set import.leader',
  ],
});

function mappingError(_ctx: Ctx, view: MappingView): InputError {
  const problems = (L: Lang) =>
    [
      ...view.ambiguous.map((a) => w(L, 'init.p.ambiguous', { field: a.field, headers: a.headers.join(' / ') })),
      ...view.notFound.map((n) => w(L, 'init.p.notFound', { field: n.field, header: n.header })),
      ...view.missing
        .filter((x) => !view.ambiguous.some((a) => a.field === x.field))
        .map((x) => w(L, 'init.p.missing', { field: [x.field, ...x.alternatives].join(' / ') })),
    ].join('; ');
  const maps = [
    ...view.ambiguous.map((a) => `--map ${a.field}="${a.headers[0]}"`),
    ...view.missing.filter((x) => !view.ambiguous.some((a) => a.field === x.field)).map((x) => `--map ${x.field}="<header>"`),
    ...view.notFound.map((n) => `--map ${n.field}="<header>"`),
  ];
  return new InputError(
    { zh: w('zh-CN', 'init.err.mapping', { problems: problems('zh-CN') }), en: w('en', 'init.err.mapping', { problems: problems('en') }) },
    w.text('init.err.mappingHint', { maps: maps.join(' ') }),
  );
}

/** The sample's first record as shown next to the mapping: names, addresses and phones masked. */
function previewRow(view: MappingView, row: string[] | undefined, unmask: boolean): string[] | null {
  if (!row) return null;
  if (unmask) return row;
  const mapped = Object.fromEntries(Object.entries(view.mapped).map(([f, h]) => [f, view.headers.indexOf(h as string)]));
  return maskRecordCells(row, personalColumns(view.headers, mapped));
}

/** Show the mapping and let the user change fields until it is accepted (and nothing blocks an import). */
export async function settleMapping(view: MappingView, rows: string[][], ctx: Ctx, p: Prompter | null): Promise<MappingView> {
  for (;;) {
    const first = previewRow(view, rows[0], ctx.unmask);
    ctx.io.stdout.write(renderMapping(view, first, ctx.lang, ctx.style) + '\n');
    if (!p) {
      if (!view.ready) throw mappingError(ctx, view);
      return view;
    }
    const action = await p.mappingAction(view);
    if (action === 'accept') {
      if (view.ready) return view;
      continue;
    }
    const header = await p.header(action, view, first);
    view = analyzeMapping(view.headers, setColumn(view.headers, view.overrides, action, header));
  }
}

/** Status words of the sample that tuan does not know: ask what they mean, or warn. */
export async function settleStatusWords(
  view: MappingView,
  rows: string[][],
  ctx: Ctx,
  p: Prompter | null,
): Promise<Record<string, Status>> {
  const header = view.mapped.status;
  if (header === undefined) return {};
  const idx = view.headers.indexOf(header);
  const unknown = unknownStatusWords(
    rows.map((row) => row[idx] ?? ''),
    statusWords(DEFAULT_CONFIG),
  );
  const words: Record<string, Status> = Object.create(null) as Record<string, Status>; // a word may be `__proto__`
  for (const word of p ? unknown : []) {
    const meaning = await p!.statusWord(word);
    if (meaning !== 'skip') words[word] = meaning;
  }
  const left = unknown.filter((u) => !Object.hasOwn(words, u));
  if (left.length) ctx.io.stderr.write(w(ctx.lang, 'init.warn.status', { words: left.map((x) => `"${x}"`).join(', ') }) + '\n');
  return words;
}

/** The leader of a single-leader export: --leader, else ask, else warn and leave it unset. */
export async function settleLeader(
  view: MappingView | null,
  flag: string | undefined,
  ctx: Ctx,
  p: Prompter | null,
): Promise<string | null> {
  if (flag) return flag;
  if (!view?.needsLeader) return null;
  if (p) return (await p.leader()) || null;
  ctx.io.stderr.write(w(ctx.lang, 'init.warn.leader') + '\n');
  return null;
}

/** Propose the default thresholds with their meaning; let the user change them until they are consistent. */
export async function settleStages(ctx: Ctx, p: Prompter | null): Promise<StageThresholds> {
  let stages: StageThresholds = { ...DEFAULT_CONFIG.stages };
  ctx.io.stdout.write(renderStages(stages, ctx.lang, ctx.style) + '\n');
  if (!p || (await p.keepStages())) return stages;
  for (;;) {
    for (const key of STAGE_KEYS) stages = { ...stages, [key]: await p.stage(key, stages) };
    const problems = stageProblems(stages);
    if (problems.length === 0) break;
    ctx.io.stdout.write(problems.map((x) => `✗ ${r(ctx.lang, `init.problem.${x}`)}`).join('\n') + '\n');
  }
  ctx.io.stdout.write(renderStages(stages, ctx.lang, ctx.style) + '\n');
  return stages;
}
