/** Shared wording for commission and leader output: level names, rates, rule names, line details. */
import type { LevelRule } from '../core/commission/index.js';
import { formatYuan } from '../core/shared/index.js';
import { STAGE_NAMES } from '../core/members/index.js';
import { addMonths, monthEnd } from '../core/shared/index.js';
import { dayOfWindow, type RewardLine, type RuleCode } from '../core/commission/index.js';
import { defineMessages, type Lang } from '../i18n.js';

const m = defineMessages({
  'cm.rule.member_monthly_spend': ['会员月消费奖', 'member monthly spend'],
  'cm.rule.reactivation': ['唤醒奖', 'reactivation'],
  'cm.rule.nurture': ['培育奖', 'nurture'],
  'cm.d.spend': ['{date} 为{stage}', '{stage} on {date}'],
  'cm.d.react': ['{date} 为{stage};本月首单 {order}({orderDate})', '{stage} on {date}; first order this month {order} ({orderDate})'],
  'cm.d.nurture': [
    '第{tier}档 {tierYuan}:{reached} 达成(首单后第 {day} 天);基数 = {from}~{until} 在该会员订单上的基础佣金',
    'tier {tier} ({tierYuan}) reached {reached}, day {day} after the first order; basis = base commission on the member {from}..{until}',
  ],
});

/** 575 -> "5.75%" (exact: basis points are integers). */
export function formatBp(bp: number): string {
  const sign = bp < 0 ? '-' : '';
  const a = Math.abs(bp);
  return `${sign}${Math.trunc(a / 100)}.${String(a % 100).padStart(2, '0')}%`;
}

export function levelName(levels: readonly LevelRule[], level: number, lang: Lang): string {
  const l = levels[level - 1];
  return l ? (lang === 'en' ? l.nameEn : l.nameZh) : String(level);
}

export function ruleName(rule: RuleCode, lang: Lang): string {
  return m(lang, `cm.rule.${rule}`);
}

export function signedYuan(fen: number): string {
  return fen > 0 ? `+${formatYuan(fen)}` : formatYuan(fen);
}

/** Why a line was paid, in words (English for machine formats: stable across --lang). */
export function lineDetail(l: RewardLine, month: string, lang: Lang): string {
  const i = l.info;
  const stage = i.stage ? (lang === 'en' ? STAGE_NAMES[i.stage].en.toLowerCase() : STAGE_NAMES[i.stage].zh) : '';
  if (l.rule === 'member_monthly_spend') return m(lang, 'cm.d.spend', { date: monthEnd(month), stage });
  if (l.rule === 'reactivation') {
    return m(lang, 'cm.d.react', { date: monthEnd(addMonths(month, -1)), stage, order: i.orderId ?? '', orderDate: i.orderDate ?? '' });
  }
  return m(lang, 'cm.d.nurture', {
    tier: i.tier ?? 0,
    tierYuan: formatYuan(i.tierFen ?? 0),
    reached: i.reachedOn ?? '',
    day: dayOfWindow(i) ?? 0,
    from: i.firstOrderDate ?? '',
    until: i.basisUntil ?? '',
  });
}
