/** `tuan init`: what a person reads (detection summary, mapping table, stage thresholds, next steps). */
import type { Sniffed } from '../core/ingest/index.js';
import type { Field } from '../core/ingest/index.js';
import { fieldsToShow, type MappingView, type SampleState } from '../core/ingest/index.js';
import type { Layout } from '../core/ingest/index.js';
import { STAGE_NAMES, type StageThresholds } from '../core/members/index.js';
import { defineMessages, pick, type Lang } from '../i18n.js';
import type { Style } from './style.js';
import { encodingName } from './import.js';
import { displayWidth, renderPairs, renderTable } from './table.js';

export const m = defineMessages({
  'init.file': ['样例文件', 'sample file'],
  'init.encoding': ['编码', 'encoding'],
  'init.workbook': ['Excel 工作簿', 'Excel workbook'],
  'init.sheet': ['工作表', 'sheet'],
  'init.sheetsSkipped': ['(其他工作表未读取:{sheets})', '(other sheets not read: {sheets})'],
  'init.headerRowValue': ['第 {line} 行(跳过上方 {skip} 行标题)', 'row {line} ({skip} title rows above skipped)'],
  'init.delimiter': ['分隔符', 'delimiter'],
  'init.headerLine': ['表头', 'header row'],
  'init.headerLineValue': ['第 {line} 行(跳过上方 {skip} 行标题)', 'line {line} ({skip} title lines above skipped)'],
  'init.layout': ['格式', 'layout'],
  'init.layout.orders': [
    'orders:订单明细,每行一个订单行(有订单号列)',
    'orders: order lines, one row per line (has an order-number column)',
  ],
  'init.layout.ktt': [
    'ktt:快团团跟团记录,每行一个订单(有跟团号、无订单号)',
    'ktt: 快团团 group-buy records, one row per order (跟团号, no order number)',
  ],
  'init.layout.transactions': ['transactions:交易流水,没有订单号列,每行算一个订单', 'transactions: no order column, each row is one order'],
  'init.col.field': ['字段', 'field'],
  'init.col.meaning': ['含义', 'meaning'],
  'init.col.header': ['文件中的表头', 'header in the file'],
  'init.col.example': ['第一行的值', 'first row'],
  'init.col.note': ['说明', 'note'],
  'init.note.override': ['手动指定', 'set by you'],
  'init.note.missing': ['缺少(必需)', 'missing (required)'],
  'init.note.missingAlt': ['缺少(必需,或 {alts})', 'missing (required, or {alts})'],
  'init.note.ambiguous': ['多列可选:{headers}', 'several columns: {headers}'],
  'init.note.notFound': ['文件中没有表头 "{header}"', 'no header "{header}" in the file'],
  'init.unused': ['未使用的列:{cols}', 'columns not used: {cols}'],
  'init.singleLeader': [
    '这是单个团长的导出(没有团长列):导入时每一行都记到同一个团长名下。',
    'This is a single-leader export (no leader column): every line is attributed to one leader.',
  ],
  'init.stagesTitle': [
    '生命周期阶段阈值(四阶五段,SPEC §3),按顺序匹配:流失期 → 沉默期 → 引入期 → 成长期 → 成熟期',
    'Lifecycle stage thresholds (SPEC §3), matched in order: churned → silent → intro → growth → mature',
  ],
  'init.col.key': ['配置项', 'key'],
  'init.col.days': ['天数', 'days'],
  'init.stage.intro_days': ['{intro}:首单后不超过 {v} 天', '{intro}: up to {v} days since the first order'],
  'init.stage.growth_days': [
    '{growth}:首单后 {a}–{v} 天;之后为{mature}',
    '{growth}: {a}–{v} days since the first order; {mature} after that',
  ],
  'init.stage.silent_after_days': ['{silent}:超过 {v} 天没有下单(流失预警)', '{silent}: no order for more than {v} days (churn warning)'],
  'init.stage.churned_after_days': ['{churned}:超过 {v} 天没有下单', '{churned}: no order for more than {v} days'],
  'init.stage.at_risk_days': [
    '风险标记:活跃会员超过 {v} 天没有下单(该推荐了)',
    'at-risk flag: an active member with no order for more than {v} days (time to recommend)',
  ],
  'init.problem.intro_growth': ['intro_days 必须小于 growth_days', 'intro_days must be less than growth_days'],
  'init.problem.silent_churned': [
    'silent_after_days 必须小于 churned_after_days',
    'silent_after_days must be less than churned_after_days',
  ],
  'init.problem.atrisk_silent': [
    'at_risk_days 必须小于 silent_after_days,否则风险标记永远不会出现',
    'at_risk_days must be less than silent_after_days, or the at-risk flag never shows',
  ],
  'init.wrote': ['已写入 {path}', 'wrote {path}'],
  'init.next': ['下一步:', 'Next:'],
  'init.next.segment': ['导入并查看每位会员的阶段与 RFM 分群', "import, then each member's stage and RFM segment"],
  'init.next.import': ['导入你的订单导出文件', 'import your order export'],
  'init.next.segmentDb': ['查看每位会员的阶段与 RFM 分群', "each member's stage and RFM segment"],
  'init.next.members': ['沉默期会员名单(该唤醒了)', 'silent members, to wake up'],
  'init.next.report': ['生成可分享的 HTML 报告', 'a shareable HTML report'],
  'init.next.config': ['查看生效的全部配置', 'the whole configuration in force'],
});

const FIELD_MEANING: Record<Field, [string, string]> = {
  order_id: ['订单号', 'order number'],
  group_no: ['跟团号(快团团)', 'group-buy number (快团团)'],
  ordered_at: ['下单时间', 'order time'],
  member_id: ['会员ID', 'member ID'],
  buyer: ['下单人昵称', 'buyer nickname'],
  leader_id: ['团长ID', 'leader ID'],
  amount: ['实付金额', 'paid amount'],
  unit_price: ['单价', 'unit price'],
  quantity: ['数量', 'quantity'],
  category: ['商品分类', 'category'],
  product: ['商品', 'product'],
  sku: ['商品编码', 'SKU'],
  status: ['订单状态', 'order status'],
  refund_amount: ['退款金额', 'refunded amount'],
  discount_amount: ['优惠金额/券抵扣', 'discount or coupon'],
  member_name: ['会员姓名/收货人', 'member name'],
  phone: ['手机号', 'phone'],
  birthday: ['生日', 'birthday'],
};

export const fieldMeaning = (f: Field, lang: Lang) => FIELD_MEANING[f][lang === 'en' ? 1 : 0];

const DELIMS: Record<string, [string, string]> = {
  ',': ['逗号 ,', 'comma ,'],
  '\t': ['制表符 Tab', 'tab'],
  ';': ['分号 ;', 'semicolon ;'],
};

export function renderDetection(file: string, s: Sniffed, layout: Layout, lang: Lang): string {
  const L = lang;
  const wb = s.workbook;
  if (wb)
    return renderPairs([
      [m(L, 'init.file'), file],
      [m(L, 'init.workbook'), `.${wb.format}`],
      [m(L, 'init.sheet'), wb.sheet + (wb.skipped.length ? ` ${m(L, 'init.sheetsSkipped', { sheets: wb.skipped.join(', ') })}` : '')],
      [m(L, 'init.headerLine'), m(L, 'init.headerRowValue', { line: s.headerLine, skip: s.headerLine - 1 })],
      [m(L, 'init.layout'), m(L, `init.layout.${layout}`)],
    ]);
  return renderPairs([
    [m(L, 'init.file'), file + (s.gzip ? ' (gzip)' : '')],
    [m(L, 'init.encoding'), encodingName(s.encoding)],
    [m(L, 'init.delimiter'), DELIMS[s.delimiter]?.[L === 'en' ? 1 : 0] ?? s.delimiter],
    [m(L, 'init.headerLine'), m(L, 'init.headerLineValue', { line: s.headerLine, skip: s.headerLine - 1 })],
    [m(L, 'init.layout'), m(L, `init.layout.${layout}`)],
  ]);
}

function note(view: MappingView, f: Field, lang: Lang): string {
  const amb = view.ambiguous.find((a) => a.field === f);
  if (amb) return m(lang, 'init.note.ambiguous', { headers: amb.headers.join(', ') });
  const nf = view.notFound.find((n) => n.field === f);
  if (nf) return m(lang, 'init.note.notFound', { header: nf.header });
  const miss = view.missing.find((x) => x.field === f);
  if (miss)
    return miss.alternatives.length
      ? m(lang, 'init.note.missingAlt', { alts: miss.alternatives.join(' / ') })
      : m(lang, 'init.note.missing');
  return view.overrides[f] !== undefined ? m(lang, 'init.note.override') : '';
}

/** The mapping table: field, meaning, header, the first data row's value, a note. */
export function renderMapping(view: MappingView, firstRow: readonly string[] | null, lang: Lang, style: Style): string {
  const rows = fieldsToShow(view).map((f) => {
    const header = view.mapped[f];
    const idx = header === undefined ? -1 : view.headers.indexOf(header);
    const example = idx >= 0 && firstRow ? (firstRow[idx] ?? '').replace(/\r?\n/g, ' ⏎ ').slice(0, 40) : '';
    return [f, fieldMeaning(f, lang), header ?? '—', example, note(view, f, lang)];
  });
  const head = ['init.col.field', 'init.col.meaning', 'init.col.header', 'init.col.example', 'init.col.note'] as const;
  let out = renderTable(
    head.map((k) => m(lang, k)),
    rows,
    style,
  );
  if (view.unused.length) out += m(lang, 'init.unused', { cols: view.unused.join(', ') }) + '\n';
  if (view.needsLeader) out += m(lang, 'init.singleLeader') + '\n';
  return out;
}

export const STAGE_KEYS = ['intro_days', 'growth_days', 'silent_after_days', 'churned_after_days', 'at_risk_days'] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

/** One line of meaning per threshold, with the values in force. */
export function stageMeaning(key: StageKey, t: StageThresholds, lang: Lang): string {
  const names = Object.fromEntries(Object.entries(STAGE_NAMES).map(([k, v]) => [k, pick(lang, v)]));
  return m(lang, `init.stage.${key}`, { ...names, v: t[key], a: t.intro_days + 1 });
}

export function renderStages(t: StageThresholds, lang: Lang, style: Style): string {
  const rows = STAGE_KEYS.map((k) => [`stages.${k}`, t[k], stageMeaning(k, t, lang)]);
  const head = [m(lang, 'init.col.key'), m(lang, 'init.col.days'), m(lang, 'init.col.meaning')];
  return m(lang, 'init.stagesTitle') + '\n' + renderTable(head, rows, style, ['left', 'right', 'left']);
}

/** "Next:" and the commands, each with what it does. */
export function renderNext(commands: string[], state: SampleState, lang: Lang): string {
  const what =
    state === 'file'
      ? (['init.next.segment', 'init.next.members', 'init.next.report', 'init.next.config'] as const)
      : state === 'imported'
        ? (['init.next.segmentDb', 'init.next.members', 'init.next.report', 'init.next.config'] as const)
        : (['init.next.import', 'init.next.segmentDb', 'init.next.report', 'init.next.config'] as const);
  const width = Math.max(...commands.map(displayWidth));
  const lines = commands.map((c, i) => `  ${c}${' '.repeat(width - displayWidth(c))}  # ${m(lang, what[i] ?? 'init.next.config')}`);
  return `${m(lang, 'init.next')}\n${lines.join('\n')}\n`;
}
