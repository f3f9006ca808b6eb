/** `tuan segment` output: the per-leader table for people, and one row per member for machines. */
import { STAGES, STAGE_NAMES } from '../core/members/index.js';
import { CN8_CLASSES, CN8_EN, CN8_ORDER, type RfmEdges } from '../core/members/index.js';
import { countByLeader, type MemberSegment, type ScopeResult } from '../core/members/index.js';
import { cleanForPeople } from '../core/shared/index.js';
import { formatYuan } from '../core/shared/index.js';
import type { LeaderInfo } from '../core/shared/index.js';
import type { Config } from '../config.js';
import { defineMessages, pick, type Lang } from '../i18n.js';
import type { Style } from './style.js';
import { fmtInt, renderCsv, renderTable, type Cell } from './table.js';

const m = defineMessages({
  'seg.title': ['会员生命周期与 RFM(截至 {asOf},范围 {scope})', 'Member lifecycle and RFM (as of {asOf}, scope {scope})'],
  'seg.leader': ['团长', 'leader'],
  'seg.community': ['小区', 'community'],
  'seg.members': ['会员', 'members'],
  'seg.atRisk': ['风险', 'at risk'],
  'seg.total': ['合计', 'total'],
  'seg.cn8': ['八类客户(RFM 高/低 对比{baseline})', 'Eight classes (RFM high/low against the {baseline})'],
  'seg.top': ['主要 RFM 分群', 'Top RFM segments'],
  'seg.legend': [
    '阈值:引入期 首单后≤{intro}天 · 成长期 ≤{growth}天 · 沉默期 >{silent}天未下单 · 流失期 >{churned}天 · 风险 活跃会员>{risk}天未下单',
    'Thresholds: intro ≤{intro} days since first order · growth ≤{growth} · silent >{silent} days without an order · churned >{churned} · at risk: active and >{risk} days',
  ],
  'seg.owner': [
    '会员算在最近一次下单的团长名下;tuan kpi --leader 只看这个团长自己的订单(换过团长的会员从在这里的第一单算起),所以两边的阶段人数可能不同',
    "a member counts for the leader of their latest order; tuan kpi --leader reads only that leader's orders (a member who changed leader starts again at their first order there), so stage counts can differ",
  ],
  'seg.rfmLegend': [
    'RFM 打分:看{window}的订单,R = 多久没下单,F = 下了几单,M = 花了多少,{method},各打 1–5 分;分档线 R {r} 天 · F {f} 单 · M {mm},正好在线上的算低一档',
    'RFM scores: from the orders of the {window}, R = days since the last order, F = orders, M = spend, {method}, 1–5 points each; bin edges R {r} days · F {f} orders · M {mm}; a value right on an edge goes to the lower bin',
  ],
  'seg.window': ['近 {n} 天', 'last {n} days'],
  'seg.whole': ['全部历史', 'whole history'],
  'seg.quintile': ['每项按人数分成大致相等的 5 档', 'each split into 5 groups of about the same size'],
  'seg.rrfm': ['按 R 包 rfm 0.3.0 的方法分成 5 档', 'each split into 5 groups as the R package rfm 0.3.0 does'],
  'seg.empty': [
    '空档:{bins}(很多会员数值相同,不会为填满档位而挪动会员)',
    'empty bins: {bins} (many members share a value; nobody is moved to fill a bin)',
  ],
  'seg.noRfm': ['范围内没有会员在 RFM 窗口内下单。', 'Nobody in scope ordered within the RFM window.'],
  'seg.scope': ['范围 {scope}:', 'scope {scope}:'],
  'seg.none': ['没有会员在 {asOf} 前有计入的订单。', 'No member has a counted order on or before {asOf}.'],
  'seg.mean': ['平均值', 'mean'],
  'seg.median': ['中位数', 'median'],
});

export const MEMBER_COLUMNS = [
  'member_id',
  'leader_id',
  'stage',
  'stage_name',
  'at_risk',
  'first_order_date',
  'last_order_date',
  'tenure_days',
  'recency_days',
  'orders',
  'spend_fen',
  'rfm_recency_days',
  'rfm_orders',
  'rfm_spend_fen',
  'r_score',
  'f_score',
  'm_score',
  'rfm_score',
  'segment',
  'segment_name',
  'cn8_class',
] as const;

export type MemberRow = Record<(typeof MEMBER_COLUMNS)[number], string | number | boolean | null> & {
  member_name?: string;
  phone?: string;
};

export function memberRow(mm: MemberSegment, contact?: { name: string; phone: string }): MemberRow {
  const r = mm.rfm;
  const row: MemberRow = {
    member_id: mm.memberId,
    leader_id: mm.leaderId,
    stage: mm.stage,
    stage_name: STAGE_NAMES[mm.stage].zh,
    at_risk: mm.atRisk,
    first_order_date: mm.firstOrderDate,
    last_order_date: mm.lastOrderDate,
    tenure_days: mm.tenureDays,
    recency_days: mm.recencyDays,
    orders: mm.orders,
    spend_fen: mm.spendFen,
    rfm_recency_days: r?.recencyDays ?? null,
    rfm_orders: r?.orders ?? null,
    rfm_spend_fen: r?.spendFen ?? null,
    r_score: r?.r ?? null,
    f_score: r?.f ?? null,
    m_score: r?.m ?? null,
    rfm_score: r?.score ?? null,
    segment: r?.segment ?? null,
    segment_name: r?.segmentZh ?? null,
    cn8_class: r ? CN8_CLASSES[r.cn8] : null,
  };
  if (contact) {
    row.member_name = contact.name;
    row.phone = contact.phone;
  }
  return row;
}

export function allMembers(scopes: readonly ScopeResult[]): MemberSegment[] {
  return scopes.flatMap((s) => s.members).sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
}

export function edgesJson(e: RfmEdges | null) {
  return e && { recency_days: e.recency_days, orders: e.orders, spend_fen: e.spend_fen };
}

export function segmentJson(
  scopes: ScopeResult[],
  asOf: string,
  scope: string,
  config: Config,
  contacts?: Map<string, { name: string; phone: string }>,
) {
  return {
    as_of: asOf,
    scope,
    config: {
      stages: config.stages,
      rfm: { window_days: config.rfm.window_days, method: config.rfm.method, baseline: config.rfm.baseline },
    },
    rfm_edges: scopes.length === 1 ? edgesJson(scopes[0]!.edges) : Object.fromEntries(scopes.map((s) => [s.scope, edgesJson(s.edges)])),
    rfm_empty_bins: scopes.length === 1 ? scopes[0]!.emptyBins : Object.fromEntries(scopes.map((s) => [s.scope, s.emptyBins])),
    members: allMembers(scopes).map((mm) => memberRow(mm, contacts?.get(mm.memberId))),
  };
}

export function segmentCsv(scopes: ScopeResult[], contacts?: Map<string, { name: string; phone: string }>): string {
  const head: string[] = [...MEMBER_COLUMNS, ...(contacts ? ['member_name', 'phone'] : [])];
  const rows = allMembers(scopes).map((mm) => {
    const r = memberRow(mm, contacts?.get(mm.memberId));
    return head.map((k) => {
      const v = r[k as keyof MemberRow];
      return typeof v === 'boolean' ? String(v) : (v as Cell);
    });
  });
  return renderCsv(head, rows);
}

function fmtEdges(xs: readonly number[], money: boolean): string {
  return xs.map((x) => (money ? formatYuan(Math.round(x)) : Number.isInteger(x) ? String(x) : x.toFixed(1))).join('/');
}

export function segmentTable(
  scopes: ScopeResult[],
  leaders: LeaderInfo[],
  asOf: string,
  scopeLabel: string,
  config: Config,
  lang: Lang,
  style: Style,
): string {
  const members = allMembers(scopes);
  if (members.length === 0) return m(lang, 'seg.none', { asOf }) + '\n';
  const counts = countByLeader(members);
  const info = new Map(leaders.map((l) => [l.leader_id, l]));
  const stageHead = STAGES.map((s) => pick(lang, STAGE_NAMES[s]));
  const head = [m(lang, 'seg.leader'), m(lang, 'seg.community'), m(lang, 'seg.members'), ...stageHead, m(lang, 'seg.atRisk')];
  const rows: Cell[][] = counts.map((c) => [
    c.leaderId,
    info.get(c.leaderId)?.community ?? '',
    fmtInt(c.total),
    ...STAGES.map((s) => fmtInt(c.stages[s])),
    fmtInt(c.atRisk),
  ]);
  if (counts.length > 1) {
    rows.push([
      m(lang, 'seg.total'),
      '',
      fmtInt(members.length),
      ...STAGES.map((s) => fmtInt(counts.reduce((a, c) => a + c.stages[s], 0))),
      fmtInt(counts.reduce((a, c) => a + c.atRisk, 0)),
    ]);
  }
  const right = (n: number) => Array<'right'>(n).fill('right');
  let out = `${style.bold(m(lang, 'seg.title', { asOf, scope: scopeLabel }))}\n`;
  out += renderTable(head, rows, style, ['left', 'left', ...right(7)]);
  const cn8Head = CN8_ORDER.map((k) => (lang === 'en' ? CN8_EN[k] : CN8_CLASSES[k]));
  out += `\n${m(lang, 'seg.cn8', { baseline: m(lang, config.rfm.baseline === 'mean' ? 'seg.mean' : 'seg.median') })}\n`;
  out += renderTable(
    [m(lang, 'seg.leader'), ...cn8Head],
    counts.map((c) => [c.leaderId, ...CN8_ORDER.map((k) => fmtInt(c.cn8[CN8_CLASSES[k]] ?? 0))]),
    style,
    ['left', ...right(8)],
  );
  out += `\n${m(lang, 'seg.top')}\n`;
  for (const c of counts) {
    const top = c.segments
      .slice(0, 4)
      .map((s) => `${lang === 'en' ? s.name_en : s.name_zh} ${fmtInt(s.count)}`)
      .join(' · ');
    out += `  ${cleanForPeople(c.leaderId)}: ${top}\n`;
  }
  out +=
    '\n' +
    m(lang, 'seg.legend', {
      intro: config.stages.intro_days,
      growth: config.stages.growth_days,
      silent: config.stages.silent_after_days,
      churned: config.stages.churned_after_days,
      risk: config.stages.at_risk_days,
    }) +
    '\n' +
    m(lang, 'seg.owner') +
    '\n';
  const window = config.rfm.window_days === 0 ? m(lang, 'seg.whole') : m(lang, 'seg.window', { n: config.rfm.window_days });
  for (const s of scopes) {
    const prefix = scopes.length > 1 ? m(lang, 'seg.scope', { scope: s.scope }) + ' ' : '';
    if (!s.edges) {
      out += prefix + m(lang, 'seg.noRfm') + '\n';
      continue;
    }
    out +=
      prefix +
      m(lang, 'seg.rfmLegend', {
        window,
        method: m(lang, config.rfm.method === 'r-rfm' ? 'seg.rrfm' : 'seg.quintile'),
        r: fmtEdges(s.edges.recency_days, false),
        f: fmtEdges(s.edges.orders, false),
        mm: fmtEdges(s.edges.spend_fen, true),
      }) +
      '\n';
    const empty = (['r', 'f', 'm'] as const).flatMap((d) => s.emptyBins[d].map((x) => `${d.toUpperCase()}=${x}`));
    if (empty.length) out += '  ' + m(lang, 'seg.empty', { bins: empty.join(', ') }) + '\n';
  }
  return out;
}
