/** The trainer's view as text: the comparison table of leaders, the support list with its reasons in words. Pure: returns strings. */
import type { Comparison, RankedValues, SupportEntry, SupportReason, SupportStatus, TrainerKpi } from '../core/trainer/index.js';
import { change, difference, TRAINER_KPIS, trainerKpiUnit } from '../core/trainer/index.js';
import { addMonths, fixed, formatYuan, ratio, type LeaderInfo, type Ratio } from '../core/shared/index.js';
import { defineMessages, type Lang } from '../i18n.js';
import { formatValue, kpiName, machineValue } from './kpi.js';
import type { Style } from './style.js';
import { fmtInt, renderCsv, renderTable, type Cell } from './table.js';

const m = defineMessages({
  'tr.title': ['团长对比 {month},范围 {scope}', 'Leaders compared {month}, scope {scope}'],
  'tr.legend': [
    '#N = 在范围内的排名(1 = 最好,退款率最低为好;并列同名次,如 1、2、2、4);★ = 本列最好;中位数 = 范围内团长的中位数',
    '#N = rank in the scope (1 = best, for the refund rate the lowest; ties share the better rank: 1, 2, 2, 4); ★ = best of the column; median = over the leaders of the scope',
  ],
  'tr.changes': [
    '环比(对 {prev})/ 同比(对 {yoy});比率的变化以百分点(pt)计',
    'change on {prev} / on {yoy}; rates change in percentage points (pt)',
  ],
  'tr.stages': ['阶段占比 {month}(环比,百分点)', 'stage shares {month} (change on the month before, in points)'],
  'tr.h.leader': ['团长', 'leader'],
  'tr.h.name': ['姓名', 'name'],
  'tr.median': ['中位数', 'median'],
  'tr.commission': ['佣金', 'commission'],
  'tr.none': ['范围内没有团长', 'no leader in the scope'],
  'sp.title': ['需要支持的团长 {month},范围 {scope}', 'Leaders needing support {month}, scope {scope}'],
  'sp.none': ['没有团长需要支持', 'no leader needs support'],
  'sp.h.status': ['状态', 'status'],
  'sp.h.started': ['起始月', 'started'],
  'sp.h.period': ['支持期', 'support period'],
  'sp.h.reasons': ['原因', 'why'],
  'sp.entering': ['新进入', 'entering'],
  'sp.on': ['支持中', 'on support'],
  'sp.ended': ['期满结束', 'period over'],
  'sp.ended_early': ['提前结束', 'ended early'],
  'sp.drop': ['{kpi}连续 {n} 个月比上月下降 ≥ {pct}%:{steps}', '{kpi} fell ≥ {pct}% on the month before {n} months in a row: {steps}'],
  'sp.step': ['{month} {value}(上月 {prev},{change})', '{month} {value} ({change} on {prev})'],
  'sp.checks': ['{month} 有 {n} 项 KPI 检查未通过(≥ {min} 项):{names}', '{n} KPI checks failed in {month} (≥ {min}): {names}'],
  'sp.again': ['本月再次触发:{reasons}', 'fired again this month: {reasons}'],
  'sp.rule': [
    '规则(trainer.support):GMV 或下单会员数连续 {n} 个月环比下降 ≥ {pct}%,或当月 ≥ {min} 项 KPI 检查未通过;支持期为触发后的 {period} 个月,连续 {quiet} 个月未触发则提前结束',
    'rule (trainer.support): GMV or active members down ≥ {pct}% on the month before {n} months in a row, or ≥ {min} KPI checks failed in the month; support runs the {period} months after it fires and ends early after {quiet} months in a row without it firing',
  ],
});

const isRate = (k: TrainerKpi) => trainerKpiUnit(k) === 'rate';
const MAIN = TRAINER_KPIS.filter((k) => !k.startsWith('stage_share.'));
const STAGES = TRAINER_KPIS.filter((k) => k.startsWith('stage_share.'));

export const trainerKpiName = (k: TrainerKpi, lang: Lang) => (k === 'commission' ? m(lang, 'tr.commission') : kpiName(k, lang));

function signed(r: Ratio, scale: number, digits: number): string {
  const s = fixed(ratio(r.num * scale, r.den)!, digits);
  return s.startsWith('-') ? `−${s.slice(1)}` : `+${s}`;
}

/** A change for people: +12.3% for money and counts, +2.1pt for rates; — when there is nothing to compare with. */
export function changeText(k: TrainerKpi, value: Ratio | null, base: Ratio | null): string {
  if (isRate(k)) {
    const d = difference(value, base);
    return d === null ? '—' : `${signed(d, 100, 1)}pt`;
  }
  const c = change(value, base);
  return c === null ? '—' : `${signed(c, 100, 1)}%`;
}

const valueCell = (k: TrainerKpi, v: RankedValues) =>
  `${formatValue(v.value, trainerKpiUnit(k))}${v.rank === null ? '' : ` #${v.rank}`}${v.rank === 1 ? '★' : ''}`;

export interface TrainerMeta {
  month: string;
  scope: string;
  info: ReadonlyMap<string, LeaderInfo>;
}

/** The trainer's table: values with rank and best, then the changes, then the stage shares; a median row under each. */
export function comparisonTable(c: Comparison<TrainerKpi>, meta: TrainerMeta, lang: Lang, style: Style): string {
  const title = style.bold(m(lang, 'tr.title', { month: meta.month, scope: meta.scope }));
  if (c.rows.length === 0) return `${title}\n${m(lang, 'tr.none')}\n`;
  const who = (id: string) => [id, meta.info.get(id)?.name ?? ''];
  const medianRow = (cell: (k: TrainerKpi, v: Ratio | null) => string, kpis: readonly TrainerKpi[]) => [
    m(lang, 'tr.median'),
    '',
    ...kpis.map((k) => cell(k, c.median[k])),
  ];
  const head = (kpis: readonly TrainerKpi[]) => [m(lang, 'tr.h.leader'), m(lang, 'tr.h.name'), ...kpis.map((k) => trainerKpiName(k, lang))];
  const align = (kpis: readonly TrainerKpi[]) => ['left' as const, 'left' as const, ...kpis.map(() => 'right' as const)];
  const values: Cell[][] = [
    ...c.rows.map((r) => [...who(r.leaderId), ...MAIN.map((k) => valueCell(k, r.kpis[k]))]),
    medianRow((k, v) => formatValue(v, trainerKpiUnit(k)), MAIN),
  ];
  const changes: Cell[][] = c.rows.map((r) => [
    ...who(r.leaderId),
    ...MAIN.map((k) => `${changeText(k, r.kpis[k].value, r.kpis[k].prev)} / ${changeText(k, r.kpis[k].value, r.kpis[k].yoy)}`),
  ]);
  const stages: Cell[][] = [
    ...c.rows.map((r) => [
      ...who(r.leaderId),
      ...STAGES.map((k) => `${formatValue(r.kpis[k].value, 'rate')} (${changeText(k, r.kpis[k].value, r.kpis[k].prev)})`),
    ]),
    medianRow((_k, v) => formatValue(v, 'rate'), STAGES),
  ];
  const vars = { prev: addMonths(meta.month, -1), yoy: addMonths(meta.month, -12), month: meta.month };
  return (
    `${title}\n${renderTable(head(MAIN), values, style, align(MAIN))}${m(lang, 'tr.legend')}\n\n` +
    `${style.bold(m(lang, 'tr.changes', vars))}\n${renderTable(head(MAIN), changes, style, align(MAIN))}\n` +
    `${style.bold(m(lang, 'tr.stages', vars))}\n${renderTable(head(STAGES), stages, style, align(STAGES))}`
  );
}

/** The leader's KPI objects of the JSON: `{"<kpi>": {"value","prev","yoy","rank"}}`, values as `tuan kpi --format json` writes them. */
export function kpiObjects(
  kpis: Record<TrainerKpi, RankedValues>,
): Record<string, { value: number | null; prev: number | null; yoy: number | null; rank: number | null }> {
  return Object.fromEntries(
    TRAINER_KPIS.map((k) => {
      const u = trainerKpiUnit(k);
      const v = kpis[k];
      return [k, { value: machineValue(v.value, u), prev: machineValue(v.prev, u), yoy: machineValue(v.yoy, u), rank: v.rank }];
    }),
  );
}

export function medianObject(c: Comparison<TrainerKpi>): Record<string, number | null> {
  return Object.fromEntries(TRAINER_KPIS.map((k) => [k, machineValue(c.median[k], trainerKpiUnit(k))]));
}

/** CSV columns of the comparison for one leader: `<kpi>_value, _prev, _yoy, _rank, _median` per KPI. */
export function kpiColumns(kpis: Record<TrainerKpi, RankedValues>, c: Comparison<TrainerKpi>): Record<string, number | null> {
  const o = kpiObjects(kpis);
  const med = medianObject(c);
  return Object.fromEntries(
    TRAINER_KPIS.flatMap((k) => [
      [`${k}_value`, o[k]!.value],
      [`${k}_prev`, o[k]!.prev],
      [`${k}_yoy`, o[k]!.yoy],
      [`${k}_rank`, o[k]!.rank],
      [`${k}_median`, med[k]!],
    ]),
  );
}

// ---- support list

const watchedValue = (kpi: 'gmv' | 'active_members', n: number) => (kpi === 'gmv' ? formatYuan(n) : fmtInt(n));

export function reasonText(r: SupportReason, lang: Lang, pct: number): string {
  if (r.code === 'checks')
    return m(lang, 'sp.checks', { month: r.month, n: r.failed.length, min: r.min, names: r.failed.join(lang === 'en' ? ', ' : '、') });
  const steps = r.steps.map((s) =>
    m(lang, 'sp.step', {
      month: s.month,
      value: watchedValue(r.kpi, s.value),
      prev: watchedValue(r.kpi, s.prev),
      change: `${signed(ratio(s.value - s.prev, s.prev)!, 100, 1)}%`,
    }),
  );
  return m(lang, 'sp.drop', { kpi: kpiName(r.kpi, lang), n: r.steps.length, pct, steps: steps.join(lang === 'en' ? '; ' : ';') });
}

export const statusText = (s: SupportStatus, lang: Lang) => m(lang, `sp.${s}`);

export interface SupportMeta extends TrainerMeta {
  rule: { drop_pct: number; drop_months: number; min_failed_checks: number; period_months: number; quiet_months: number };
}

export function reasonsOf(e: SupportEntry, month: string, lang: Lang, pct: number): string[] {
  const out = e.reasons.map((r) => reasonText(r, lang, pct));
  if (e.started !== month && e.latest.length > 0)
    out.push(m(lang, 'sp.again', { reasons: e.latest.map((r) => reasonText(r, lang, pct)).join(lang === 'en' ? '; ' : ';') }));
  return out;
}

/** The support rule in force, in words. */
export function ruleText(rule: SupportMeta['rule'], lang: Lang): string {
  return m(lang, 'sp.rule', {
    n: rule.drop_months,
    pct: rule.drop_pct,
    min: rule.min_failed_checks,
    period: rule.period_months,
    quiet: rule.quiet_months,
  });
}

export function supportTable(list: readonly SupportEntry[], meta: SupportMeta, lang: Lang, style: Style): string {
  const title = style.bold(m(lang, 'sp.title', { month: meta.month, scope: meta.scope }));
  const rule = ruleText(meta.rule, lang);
  if (list.length === 0) return `${title}\n${m(lang, 'sp.none')}\n${rule}\n`;
  const head = ['tr.h.leader', 'tr.h.name', 'sp.h.status', 'sp.h.started', 'sp.h.period'].map((k) => m(lang, k as 'tr.h.leader'));
  const body: Cell[][] = list.map((e) => [
    e.leaderId,
    meta.info.get(e.leaderId)?.name ?? '',
    statusText(e.status, lang),
    e.started,
    `${addMonths(e.started, 1)} – ${e.until}`,
  ]);
  const why = list.map(
    (e) =>
      `${e.leaderId} ${m(lang, 'sp.h.reasons')}:\n${reasonsOf(e, meta.month, lang, meta.rule.drop_pct)
        .map((r) => `  - ${r}\n`)
        .join('')}`,
  );
  return `${title}\n${renderTable(head, body, style)}${why.join('')}${rule}\n`;
}

function supportRow(e: SupportEntry, meta: SupportMeta, lang: Lang) {
  return {
    leader_id: e.leaderId,
    name: meta.info.get(e.leaderId)?.name ?? '',
    status: e.status,
    started: e.started,
    support_from: addMonths(e.started, 1),
    until: e.until,
    fired_this_month: e.latest.length > 0,
    reasons: reasonsOf(e, meta.month, lang, meta.rule.drop_pct),
  };
}

export function supportJson(list: readonly SupportEntry[], meta: SupportMeta, lang: Lang) {
  return {
    month: meta.month,
    scope: meta.scope,
    support: list.map((e) => ({
      ...supportRow(e, meta, lang),
      causes: e.reasons.map((r) =>
        r.code === 'drop'
          ? { code: r.code, kpi: r.kpi, steps: r.steps.map((s) => ({ month: s.month, prev: s.prev, value: s.value })) }
          : { code: r.code, month: r.month, failed: r.failed, min: r.min },
      ),
    })),
  };
}

export function supportCsv(list: readonly SupportEntry[], meta: SupportMeta, lang: Lang): string {
  const head = ['month', 'leader_id', 'name', 'status', 'started', 'support_from', 'until', 'fired_this_month', 'reasons'];
  return renderCsv(
    head,
    list.map((e) => {
      const r = supportRow(e, meta, lang);
      return [
        meta.month,
        r.leader_id,
        r.name,
        r.status,
        r.started,
        r.support_from,
        r.until,
        String(r.fired_this_month),
        r.reasons.join(';'),
      ];
    }),
  );
}
