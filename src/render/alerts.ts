/** `tuan alerts` output: what needs attention, each with its reason in words and the command that shows more. */
import type { SupportReason } from '../core/trainer/index.js';
import { addMonths, formatYuan } from '../core/shared/index.js';
import { defineMessages, type Lang } from '../i18n.js';
import { reasonText } from './trainer.js';
import type { Style } from './style.js';

/** An alert as `tuan alerts` lists it (the api's Alert). */
export interface AlertView {
  level: 'warn' | 'fail';
  source: string;
  leaderId: string | null;
  data: Record<string, unknown>;
  command: string;
}

const m = defineMessages({
  'al.title': [
    '需要关注 {asOf}(范围 {scope},按月看的项目看 {month})',
    'Needs attention {asOf} (scope {scope}; monthly items look at {month})',
  ],
  'al.none': ['没有需要关注的事项', 'nothing needs attention'],
  'al.h.command': ['详见', 'more'],
  'al.warn': ['警告', 'WARN'],
  'al.fail': ['失败', 'FAIL'],
  'al.src.support': ['需要支持', 'support'],
  'al.src.kpi_check': ['KPI 检查', 'KPI check'],
  'al.src.at_risk': ['流失风险', 'at risk'],
  'al.src.import': ['数据导入', 'import'],
  'al.src.product_anomaly': ['商品异常', 'product anomaly'],
  'al.support': ['进入支持期({from} 至 {until}):{reasons}', 'enters support ({from} to {until}): {reasons}'],
  'al.kpi_check': ['{period} 检查 {check}({scope})未通过{na}', 'check {check} ({scope}) failed for {period}{na}'],
  'al.kpi_check.na': [',没有数值(require: true)', ', no value (require: true)'],
  'al.at_risk': [
    '{n} 位高价值会员(消费分 ≥ 4)自 {since} 起新出现流失风险,累计消费 {spend}:{members}',
    '{n} high-value members (spend score ≥ 4) newly at risk since {since}, lifetime spend {spend}: {members}',
  ],
  'al.import': ['最近一次导入是 {date}({days} 天前,超过 {max} 天)', 'the last import was on {date} ({days} days ago, more than {max})'],
  'al.product_anomaly.gmv': [
    '{what} GMV 从 {week} 那周起明显下降:{value},前 {weeks} 周中位数 {baseline}',
    'GMV of {what} down sharply from the week of {week}: {value}, median of the {weeks} weeks before {baseline}',
  ],
  'al.product_anomaly.refund_rate': [
    '{what} 退款率从 {week} 那周起明显上升:{value},前 {weeks} 周中位数 {baseline}',
    'refund rate of {what} up sharply from the week of {week}: {value}, median of the {weeks} weeks before {baseline}',
  ],
  'al.product_anomaly.all': ['全部品类', 'all categories'],
  'al.product_anomaly.uncategorised': ['(未分类)', '(no category)'],
  'al.import.none': ['数据库里没有导入记录', 'the database has no import'],
  'al.total': ['共 {n} 项:{fail} 项失败,{warn} 项警告', '{n} items: {fail} FAIL, {warn} WARN'],
});

const list = (xs: readonly string[], lang: Lang, max = 5) =>
  xs.slice(0, max).join(lang === 'en' ? ', ' : '、') +
  (xs.length > max ? (lang === 'en' ? ` … (+${xs.length - max})` : ` …(另 ${xs.length - max} 位)`) : '');

/** The reason of an alert in words; a source this renderer does not know shows its facts. */
export function alertReason(a: AlertView, lang: Lang, dropPct: number): string {
  const d = a.data;
  switch (a.source) {
    case 'support': {
      const reasons = (d.reasons as SupportReason[]).map((r) => reasonText(r, lang, dropPct));
      return m(lang, 'al.support', {
        from: addMonths(String(d.started), 1),
        until: String(d.until),
        reasons: reasons.join(lang === 'en' ? '; ' : ';'),
      });
    }
    case 'kpi_check':
      return m(lang, 'al.kpi_check', {
        period: String(d.period),
        check: String(d.check),
        scope: String(d.scope),
        na: d.na ? m(lang, 'al.kpi_check.na') : '',
      });
    case 'at_risk': {
      const ms = d.members as string[];
      return m(lang, 'al.at_risk', {
        n: ms.length,
        since: String(d.since),
        spend: formatYuan(d.spend_fen as number),
        members: list(ms, lang),
      });
    }
    case 'product_anomaly': {
      const gmv = d.metric === 'gmv';
      const amount = (x: unknown) => (gmv ? formatYuan(x as number) : `${((x as number) * 100).toFixed(1)}%`);
      const what =
        d.product !== null
          ? String(d.product)
          : d.category === null
            ? m(lang, 'al.product_anomaly.all')
            : d.category === ''
              ? m(lang, 'al.product_anomaly.uncategorised')
              : String(d.category);
      return m(lang, gmv ? 'al.product_anomaly.gmv' : 'al.product_anomaly.refund_rate', {
        what,
        week: String(d.week_start),
        value: amount(d.value),
        weeks: String(d.baseline_weeks),
        baseline: amount(d.baseline),
      });
    }
    case 'import':
      return d.last_import === null
        ? m(lang, 'al.import.none')
        : m(lang, 'al.import', { date: String(d.last_import), days: String(d.days), max: String(d.max_days) });
    default:
      return JSON.stringify(d);
  }
}

const sourceName = (s: string, lang: Lang) =>
  ['support', 'kpi_check', 'at_risk', 'product_anomaly', 'import'].includes(s) ? m(lang, `al.src.${s}` as 'al.src.support') : s;

export interface AlertsMeta {
  asOf: string;
  month: string;
  scope: string;
  dropPct: number;
}

/** One item per alert: level, source, leader and reason on the first line, the command under it; fail first. */
export function alertsTable(alerts: readonly AlertView[], meta: AlertsMeta, lang: Lang, style: Style): string {
  const title = style.bold(m(lang, 'al.title', { asOf: meta.asOf, scope: meta.scope, month: meta.month }));
  if (alerts.length === 0) return `${title}\n${m(lang, 'al.none')}\n`;
  const sep = lang === 'en' ? ': ' : ':';
  const items = alerts.map((a) => {
    const level = a.level === 'fail' ? style.red(`✗ ${m(lang, 'al.fail')}`) : style.yellow(`! ${m(lang, 'al.warn')}`);
    const who = a.leaderId ? ` · ${a.leaderId}` : '';
    return `${level} · ${sourceName(a.source, lang)}${who}${sep}${alertReason(a, lang, meta.dropPct)}\n  ${m(lang, 'al.h.command')}${sep}${a.command}\n`;
  });
  const fail = alerts.filter((a) => a.level === 'fail').length;
  return `${title}\n${items.join('')}${m(lang, 'al.total', { n: alerts.length, fail, warn: alerts.length - fail })}\n`;
}

export function alertsJson(alerts: readonly AlertView[], meta: AlertsMeta, lang: Lang) {
  return {
    as_of: meta.asOf,
    month: meta.month,
    scope: meta.scope,
    alerts: alerts.map((a) => ({
      level: a.level,
      source: a.source,
      leader_id: a.leaderId,
      reason: alertReason(a, lang, meta.dropPct),
      command: a.command,
      data: a.data,
    })),
  };
}
