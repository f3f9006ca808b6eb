/** `tuan leaders` output: who, level for the month and why, role and promotion eligibility. */
import type { LeaderOverview } from '../core/commission/index.js';
import { repurchaseBp, type LevelRule } from '../core/commission/index.js';
import { formatFen, formatYuan } from '../core/shared/index.js';
import { addMonths, monthRange } from '../core/shared/index.js';
import { ROLE_NAMES, type Promotion } from '../core/commission/index.js';
import type { LeaderInfo } from '../core/shared/index.js';
import type { Comparison, TrainerKpi } from '../core/trainer/index.js';
import { comparisonTable, kpiColumns, kpiObjects, medianObject } from './trainer.js';
import { defineMessages, pick, type Lang } from '../i18n.js';
import { formatBp, levelName } from './commission-text.js';
import type { Style } from './style.js';
import { renderCsv, renderTable, type Cell } from './table.js';

const m = defineMessages({
  'ld.title': ['团长等级与晋升 {month}(等级依据 {basis} 的业绩)', 'Leader levels and promotion {month} (levels from {basis} performance)'],
  'ld.h.leader': ['团长', 'leader'],
  'ld.h.name': ['姓名', 'name'],
  'ld.h.community': ['小区', 'community'],
  'ld.h.region': ['区域', 'region'],
  'ld.h.trainer': ['培训师', 'trainer'],
  'ld.h.level': ['等级', 'level'],
  'ld.h.rate': ['费率', 'rate'],
  'ld.h.role': ['角色', 'role'],
  'ld.h.promo': ['晋升', 'promotion'],
  'ld.certified': ['认证', 'certified'],
  'ld.performance': ['业绩', 'performance'],
  'ld.basis': [
    '{leader} {level}({source}):{basis} GMV {gmv},复购率 {rate}({repeat}/{active} 位会员下单 ≥2 次)',
    '{leader} {level} ({source}): {basis} GMV {gmv}, repurchase rate {rate} ({repeat} of {active} members ordered ≥2 times)',
  ],
  'ld.basisNone': [
    '{leader} {level}({source}):{basis} GMV {gmv},没有会员下单(复购率 无)',
    '{leader} {level} ({source}): {basis} GMV {gmv}, no member ordered (repurchase rate n/a)',
  ],
  'ld.certNote': [
    '  平台认证 {star} 星优先;按业绩为 {perf}',
    '  the platform certification ({star} stars) wins; performance alone gives {perf}',
  ],
  'ld.check': [
    '  {mark} {level}:GMV ≥ {gmv} {gmvMark} · 复购率 {rep} {repMark}',
    '  {mark} {level}: GMV ≥ {gmv} {gmvMark} · repurchase {rep} {repMark}',
  ],
  'ld.gap': ['(差 {gap})', '(short by {gap})'],
  'ld.noBar': ['不限', 'any'],
  'ld.na': ['无', 'n/a'],
  'ld.yes': ['可晋升{target}', 'eligible for {target}'],
  'ld.no': ['否', 'no'],
  'ld.top': ['—', '—'],
  'ld.unknownRole': ['未知角色「{role}」,不评估晋升', 'unknown role "{role}": promotion not assessed'],
  'ld.p.head': ['  晋升{target}:{verdict}', '  promotion to {target}: {verdict}'],
  'ld.p.eligible': ['符合', 'eligible'],
  'ld.p.not': ['不符合', 'not eligible'],
  'ld.p.few_mentees': ['带教团长 {n}/{min} 位', '{n} of {min} mentees'],
  'ld.p.no_prior_gmv': [
    '带教团长近 {months} 个月 GMV {cur},上年同期 {prev},无法计算同比增长',
    "mentees' GMV over {months} months {cur}, a year earlier {prev}: no year-over-year growth to measure",
  ],
  'ld.p.low_growth': [
    '带教团长近 {months} 个月 GMV 同比 {growth}(需 ≥ {min})',
    "mentees' {months}-month GMV grew {growth} year over year (needs ≥ {min})",
  ],
  'ld.p.eligibleWhy': [
    '带教团长 {n} 位,近 {months} 个月 GMV 同比 {growth}',
    '{n} mentees, {months}-month GMV grew {growth} year over year',
  ],
  'ld.p.manual_only': ['生态合伙人只能人工授予(角色列)', 'ecosystem partner is granted by hand only (role column)'],
  'ld.p.top_role': ['已是最高角色', 'already the top role'],
});

const ok = (b: boolean) => (b ? '✓' : '✗');

function promoCell(o: LeaderOverview, lang: Lang): string {
  const p = o.promotion;
  if (!p) return m(lang, 'ld.unknownRole', { role: o.roleText });
  if (!p.target) return m(lang, 'ld.top');
  return p.eligible ? m(lang, 'ld.yes', { target: pick(lang, ROLE_NAMES[p.target]) }) : m(lang, 'ld.no');
}

export function promotionReasons(p: Promotion, lang: Lang): string[] {
  const months = monthRange(p.window.from, p.window.to).length;
  const growth = p.growthBp === null ? m(lang, 'ld.na') : formatBp(p.growthBp);
  const vars = {
    n: p.mentees.length,
    min: p.minMentees,
    months,
    cur: formatYuan(p.menteeGmvFen),
    prev: formatYuan(p.menteeGmvPrevFen),
    growth,
  };
  return p.reasons.map((r) =>
    r === 'eligible'
      ? m(lang, 'ld.p.eligibleWhy', vars)
      : r === 'low_growth'
        ? m(lang, 'ld.p.low_growth', { ...vars, min: formatBp(p.minGrowthBp) })
        : m(lang, `ld.p.${r}`, vars),
  );
}

function explain(o: LeaderOverview, levels: readonly LevelRule[], lang: Lang): string {
  const lv = o.level;
  const b = lv.basis;
  const rate = repurchaseBp(b);
  let out =
    m(lang, b.activeMembers === 0 ? 'ld.basisNone' : 'ld.basis', {
      leader: o.leaderId,
      level: levelName(levels, lv.level, lang),
      source: m(lang, lv.source === 'certified' ? 'ld.certified' : 'ld.performance'),
      basis: prevMonth(o.month),
      gmv: formatYuan(b.gmvFen),
      rate: rate === null ? m(lang, 'ld.na') : formatBp(rate),
      repeat: b.repeatMembers,
      active: b.activeMembers,
    }) + '\n';
  if (lv.source === 'certified')
    out += m(lang, 'ld.certNote', { star: lv.level, perf: levelName(levels, lv.performanceLevel, lang) }) + '\n';
  for (const c of lv.checks) {
    const l = levels[c.level - 1]!;
    out +=
      m(lang, 'ld.check', {
        mark: ok(c.met),
        level: levelName(levels, c.level, lang),
        gmv: formatYuan(l.minGmvFen),
        gmvMark: ok(c.gmvOk) + (c.gmvOk ? '' : m(lang, 'ld.gap', { gap: formatYuan(l.minGmvFen - b.gmvFen) })),
        rep: l.minRepurchaseBp === null ? m(lang, 'ld.noBar') : `≥ ${formatBp(l.minRepurchaseBp)}`,
        repMark: ok(c.repurchaseOk),
      }) + '\n';
  }
  const p = o.promotion;
  if (p?.target) {
    out += m(lang, 'ld.p.head', { target: pick(lang, ROLE_NAMES[p.target]), verdict: m(lang, p.eligible ? 'ld.p.eligible' : 'ld.p.not') });
    out += (lang === 'en' ? ': ' : ':') + promotionReasons(p, lang).join(lang === 'en' ? '; ' : ';') + '\n';
  } else if (p) out += `  ${promotionReasons(p, lang).join('; ')}\n`;
  else out += `  ${m(lang, 'ld.unknownRole', { role: o.roleText })}\n`;
  return out;
}

const prevMonth = (month: string) => addMonths(month, -1);

function roleName(o: LeaderOverview, lang: Lang): string {
  return o.role ? pick(lang, ROLE_NAMES[o.role]) : o.roleText;
}

/** The trainer's table, then each leader's level, role and promotion with the reasons. */
export function leadersTable(
  rows: LeaderOverview[],
  info: Map<string, LeaderInfo>,
  levels: readonly LevelRule[],
  c: LeadersCompared,
  lang: Lang,
  style: Style,
): string {
  return `${comparisonTable(c.comparison, { month: c.month, scope: c.scope, info }, lang, style)}\n${levelsTable(rows, info, levels, lang, style)}`;
}

function levelsTable(
  rows: LeaderOverview[],
  info: Map<string, LeaderInfo>,
  levels: readonly LevelRule[],
  lang: Lang,
  style: Style,
): string {
  const month = rows[0]?.month ?? '';
  const head = ['leader', 'name', 'community', 'region', 'trainer', 'level', 'rate', 'role', 'promo'].map((k) =>
    m(lang, `ld.h.${k}` as 'ld.h.leader'),
  );
  const body: Cell[][] = rows.map((o) => {
    const i = info.get(o.leaderId);
    return [
      o.leaderId,
      i?.name ?? '',
      i?.community ?? '',
      i?.region ?? '',
      i?.trainer ?? '',
      levelName(levels, o.level.level, lang) + (o.level.source === 'certified' ? '*' : ''),
      formatBp(o.rateBp),
      roleName(o, lang),
      promoCell(o, lang),
    ];
  });
  let out = `${style.bold(m(lang, 'ld.title', { month, basis: prevMonth(month) }))}\n${renderTable(head, body, style, [...Array<'left'>(6).fill('left'), 'right', 'left', 'left'])}`;
  for (const o of rows) out += '\n' + explain(o, levels, lang);
  return out;
}

function row(o: LeaderOverview, i: LeaderInfo | undefined, levels: readonly LevelRule[]) {
  const b = o.level.basis;
  const p = o.promotion;
  return {
    month: o.month,
    leader_id: o.leaderId,
    name: i?.name ?? '',
    community: i?.community ?? '',
    region: i?.region ?? '',
    trainer: i?.trainer ?? '',
    mentor_id: i?.mentor_id ?? null,
    star: i?.star ?? null,
    level: o.level.level,
    level_name: levelName(levels, o.level.level, 'zh-CN'),
    level_source: o.level.source,
    performance_level: o.level.performanceLevel,
    rate_bp: o.rateBp,
    basis_month: prevMonth(o.month),
    basis_gmv_fen: b.gmvFen,
    basis_active_members: b.activeMembers,
    basis_repeat_members: b.repeatMembers,
    basis_repurchase_bp: repurchaseBp(b),
    role: o.role ?? o.roleText,
    role_name: o.role ? ROLE_NAMES[o.role].zh : o.roleText,
    promotion_target: p?.target ?? null,
    promotion_eligible: p?.eligible ?? false,
    promotion_reasons: p?.reasons ?? ['unknown_role'],
    mentees: p?.mentees ?? [],
    mentee_gmv_fen: p?.menteeGmvFen ?? null,
    mentee_gmv_prev_fen: p?.menteeGmvPrevFen ?? null,
    mentee_growth_bp: p?.growthBp ?? null,
  };
}

/** The trainer's table next to the levels: the scope and each listed leader's KPIs, ranks and median. */
export interface LeadersCompared {
  month: string;
  scope: string;
  comparison: Comparison<TrainerKpi>;
}

function kpisOf(c: LeadersCompared, leaderId: string) {
  return c.comparison.rows.find((r) => r.leaderId === leaderId)!.kpis;
}

export function leadersJson(rows: LeaderOverview[], info: Map<string, LeaderInfo>, levels: readonly LevelRule[], c: LeadersCompared) {
  return {
    month: c.month,
    scope: c.scope,
    leaders: rows.map((o) => {
      const { leader_id, ...rest } = row(o, info.get(o.leaderId), levels);
      return {
        leader_id,
        ...kpiObjects(kpisOf(c, o.leaderId)),
        ...rest,
        checks: o.level.checks.map((c) => ({
          level: c.level,
          min_gmv_fen: levels[c.level - 1]!.minGmvFen,
          min_repurchase_bp: levels[c.level - 1]!.minRepurchaseBp,
          gmv_ok: c.gmvOk,
          repurchase_ok: c.repurchaseOk,
          met: c.met,
        })),
      };
    }),
    median: medianObject(c.comparison),
  };
}

/**
 * One row per leader; money in fen with a yuan column (2 decimals) next to it; lists joined with ";"; then per KPI of the
 * trainer's table `<kpi>_value, _prev, _yoy, _rank, _median` (as in the JSON).
 */
export function leadersCsv(
  rows: LeaderOverview[],
  info: Map<string, LeaderInfo>,
  levels: readonly LevelRule[],
  c: LeadersCompared,
): string {
  const withYuan = (o: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(o).flatMap(([k, v]) =>
        k.endsWith('_fen')
          ? [
              [k, v],
              [k.replace(/_fen$/, '_yuan'), typeof v === 'number' ? formatFen(v) : null],
            ]
          : [[k, v]],
      ),
    );
  const objs = rows.map((o) => ({ ...withYuan(row(o, info.get(o.leaderId), levels)), ...kpiColumns(kpisOf(c, o.leaderId), c.comparison) }));
  const head = objs[0] ? Object.keys(objs[0]) : ['month', 'leader_id'];
  const cell = (v: unknown): Cell => (Array.isArray(v) ? v.join(';') : typeof v === 'boolean' ? String(v) : (v as Cell));
  return renderCsv(
    head,
    objs.map((o) => head.map((k) => cell(o[k]))),
  );
}
