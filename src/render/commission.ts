/** `tuan commission` output: the statement table (and --detail lines) for people, CSV for payroll, JSON. */
import type { MonthReport, Statement } from '../core/commission/index.js';
import type { LevelRule } from '../core/commission/index.js';
import { formatFen, formatYuan } from '../core/shared/index.js';
import { RULES, type RewardLine } from '../core/commission/index.js';
import { defineMessages, type Lang } from '../i18n.js';
import { formatBp, levelName, lineDetail, ruleName, signedYuan } from './commission-text.js';
import type { Style } from './style.js';
import { renderCsv, renderTable, type Cell } from './table.js';

const m = defineMessages({
  'cm.title': ['佣金结算单 {month}(数据截至 {until})', 'Commission statement {month} (data up to {until})'],
  'cm.provisional': [
    '注意:{month} 尚未结束,结算单为截至 {until} 的临时数据。',
    'Note: {month} is not over; this is a provisional statement on data up to {until}.',
  ],
  'cm.h.leader': ['团长', 'leader'],
  'cm.h.level': ['等级', 'level'],
  'cm.h.rate': ['费率', 'rate'],
  'cm.h.gmv': ['GMV', 'GMV'],
  'cm.h.base': ['基础佣金', 'base'],
  'cm.h.total': ['合计', 'total'],
  'cm.h.change': ['较上月', 'vs last month'],
  'cm.sum': ['合计', 'total'],
  'cm.legend': [
    '* 平台认证等级(leaders.csv 星级);其余按上月业绩。每行四舍五入到分,合计为各行之和。',
    "* platform-certified level (star in leaders.csv); others from last month's performance. Each line is rounded half-up to the fen; totals are sums of lines.",
  ],
  'cm.none': ['{month} 没有团长。', 'No leader in {month}.'],
  'cm.d.title': ['{leader} 奖励明细({n} 行)', '{leader} reward lines ({n})'],
  'cm.d.none': ['{leader}:本月没有奖励。', '{leader}: no rewards this month.'],
  'cm.d.member': ['会员ID', 'member'],
  'cm.d.name': ['会员', 'name'],
  'cm.d.rule': ['规则', 'rule'],
  'cm.d.basis': ['基数', 'basis'],
  'cm.d.rate': ['比例', 'rate'],
  'cm.d.amount': ['金额', 'amount'],
  'cm.d.why': ['说明', 'detail'],
  'cm.d.check': ['明细合计 {sum} = 汇总表奖励 {total}', 'lines add up to {sum} = rewards in the summary {total}'],
});

export type Names = (memberId: string) => string;

/** Member names as the api layer gave them (masked unless --unmask). */
export function memberNames(names: ReadonlyMap<string, string>): Names {
  return (id) => names.get(id) ?? '';
}

function levelCell(s: Statement, levels: readonly LevelRule[], lang: Lang): string {
  return levelName(levels, s.level, lang) + (s.levelSource === 'certified' ? '*' : '');
}

const rewardsSum = (s: Statement) => RULES.reduce((a, r) => a + s.rewards[r], 0);

export function commissionTable(r: MonthReport, until: string, levels: readonly LevelRule[], lang: Lang, style: Style): string {
  if (r.statements.length === 0) return m(lang, 'cm.none', { month: r.month }) + '\n';
  const head = [
    m(lang, 'cm.h.leader'),
    m(lang, 'cm.h.level'),
    m(lang, 'cm.h.rate'),
    m(lang, 'cm.h.gmv'),
    m(lang, 'cm.h.base'),
    ...RULES.map((x) => ruleName(x, lang)),
    m(lang, 'cm.h.total'),
    m(lang, 'cm.h.change'),
  ];
  const rows: Cell[][] = r.statements.map((s) => [
    s.leaderId,
    levelCell(s, levels, lang),
    formatBp(s.rateBp),
    formatYuan(s.gmvFen),
    formatYuan(s.baseFen),
    ...RULES.map((x) => formatYuan(s.rewards[x])),
    formatYuan(s.totalFen),
    signedYuan(s.totalFen - (r.previousTotals.get(s.leaderId) ?? 0)),
  ]);
  if (r.statements.length > 1) {
    const sum = (f: (s: Statement) => number) => r.statements.reduce((a, s) => a + f(s), 0);
    const prev = sum((s) => r.previousTotals.get(s.leaderId) ?? 0);
    rows.push([
      m(lang, 'cm.sum'),
      '',
      '',
      formatYuan(sum((s) => s.gmvFen)),
      formatYuan(sum((s) => s.baseFen)),
      ...RULES.map((x) => formatYuan(sum((s) => s.rewards[x]))),
      formatYuan(sum((s) => s.totalFen)),
      signedYuan(sum((s) => s.totalFen) - prev),
    ]);
  }
  const align: ('left' | 'right')[] = ['left', 'left', ...Array<'right'>(9).fill('right')];
  return `${style.bold(m(lang, 'cm.title', { month: r.month, until }))}\n${renderTable(head, rows, style, align)}${m(lang, 'cm.legend')}\n`;
}

export function provisionalNote(month: string, until: string, lang: Lang): string {
  return m(lang, 'cm.provisional', { month, until }) + '\n';
}

/** --detail: every reward line per leader, and a check line tying them to the summary. */
export function detailTables(r: MonthReport, names: Names, lang: Lang, style: Style): string {
  let out = '';
  for (const s of r.statements) {
    if (s.lines.length === 0) {
      out += `\n${m(lang, 'cm.d.none', { leader: s.leaderId })}\n`;
      continue;
    }
    const head = ['member', 'name', 'rule', 'basis', 'rate', 'amount', 'why'].map((k) => m(lang, `cm.d.${k}` as 'cm.d.member'));
    const rows: Cell[][] = s.lines.map((l) => [
      l.memberId,
      names(l.memberId),
      ruleName(l.rule, lang),
      formatYuan(l.basisFen),
      formatBp(l.rateBp),
      formatYuan(l.amountFen),
      lineDetail(l, r.month, lang),
    ]);
    const sum = s.lines.reduce((a, l) => a + l.amountFen, 0);
    out += `\n${style.bold(m(lang, 'cm.d.title', { leader: s.leaderId, n: s.lines.length }))}\n`;
    out += renderTable(head, rows, style, ['left', 'left', 'left', 'right', 'right', 'right', 'left']);
    out += m(lang, 'cm.d.check', { sum: formatYuan(sum), total: formatYuan(rewardsSum(s)) }) + '\n';
  }
  return out;
}

function lineJson(l: RewardLine, month: string, names: Names) {
  return {
    member_id: l.memberId,
    member_name: names(l.memberId),
    rule: l.rule,
    basis_fen: l.basisFen,
    rate_bp: l.rateBp,
    amount_fen: l.amountFen,
    detail: lineDetail(l, month, 'en'),
  };
}

export function commissionJson(r: MonthReport, until: string, levels: readonly LevelRule[], names: Names) {
  return {
    month: r.month,
    data_until: until,
    leaders: r.statements.map((s) => {
      const prev = r.previousTotals.get(s.leaderId) ?? 0;
      return {
        leader_id: s.leaderId,
        level: s.level,
        level_name: levelName(levels, s.level, 'zh-CN'),
        level_source: s.levelSource,
        performance_level: s.levelDetail.performanceLevel,
        rate_bp: s.rateBp,
        gmv_fen: s.gmvFen,
        base_fen: s.baseFen,
        rewards: Object.fromEntries(RULES.map((x) => [x, s.rewards[x]])),
        total_fen: s.totalFen,
        prev_total_fen: prev,
        change_fen: s.totalFen - prev,
        lines: s.lines.map((l) => lineJson(l, r.month, names)),
      };
    }),
  };
}

const MONEY = ['gmv', 'base', ...RULES, 'total', 'prev_total', 'change'] as const;

/** Payroll CSV: one row per leader; every money column in fen with a yuan column (2 decimals) next to it. */
export function commissionCsv(r: MonthReport, levels: readonly LevelRule[]): string {
  const head = [
    'month',
    'leader_id',
    'level',
    'level_name',
    'level_source',
    'performance_level',
    'rate_bp',
    ...MONEY.flatMap((k) => [`${k}_fen`, `${k}_yuan`]),
  ];
  const rows = r.statements.map((s) => {
    const prev = r.previousTotals.get(s.leaderId) ?? 0;
    const money: Record<(typeof MONEY)[number], number> = {
      gmv: s.gmvFen,
      base: s.baseFen,
      ...s.rewards,
      total: s.totalFen,
      prev_total: prev,
      change: s.totalFen - prev,
    };
    return [
      r.month,
      s.leaderId,
      s.level,
      levelName(levels, s.level, 'zh-CN'),
      s.levelSource,
      s.levelDetail.performanceLevel,
      s.rateBp,
      ...MONEY.flatMap((k) => [money[k], formatFen(money[k])]),
    ];
  });
  return renderCsv(head, rows);
}

/** --detail --format csv: one row per reward line. */
export function detailCsv(r: MonthReport, names: Names): string {
  const head = [
    'month',
    'leader_id',
    'member_id',
    'member_name',
    'rule',
    'basis_fen',
    'basis_yuan',
    'rate_bp',
    'amount_fen',
    'amount_yuan',
    'detail',
  ];
  const rows = r.statements.flatMap((s) =>
    s.lines.map((l) => [
      r.month,
      s.leaderId,
      l.memberId,
      names(l.memberId),
      l.rule,
      l.basisFen,
      formatFen(l.basisFen),
      l.rateBp,
      l.amountFen,
      formatFen(l.amountFen),
      lineDetail(l, r.month, 'en'),
    ]),
  );
  return renderCsv(head, rows);
}
