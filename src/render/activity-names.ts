/** Names people read in kits, scripts and plans (stage, scene, reason, weekday, KPI, coupon), per language. */
import { STAGE_NAMES, type Stage } from '../core/members/lifecycle.js';
import type { Names } from '../core/activities/activity-context.js';
import { defineMessages, pick, type Lang } from '../i18n.js';

const m = defineMessages({
  'act.scene.welcome': ['新人欢迎', 'new-member welcome'],
  'act.scene.growth': ['成长期推荐', 'growth recommendation'],
  'act.scene.mature': ['成熟期会员权益', 'mature member benefits'],
  'act.scene.silent': ['沉默期关怀', 'silent-member care'],
  'act.scene.churned': ['流失期道歉与补偿', 'churned-member apology and compensation'],
  'act.scene.complaint': ['投诉处理', 'complaint handling'],
  'act.reason.after_sale': ['售后/品质问题', 'after-sale or quality issue'],
  'act.reason.one_and_done': ['只下过一单', 'ordered only once'],
  'act.reason.unknown': ['原因不明', 'unknown'],
  'act.kpi.first_order_conversion': ['新人首单转化率', 'first-order conversion of sign-ups'],
  'act.kpi.intro_retention_30d': ['引入期30天留存率', '30-day retention of new members'],
  'act.kpi.category_penetration': ['品类渗透率(≥2类)', 'category penetration (≥ 2 categories)'],
  'act.kpi.growth_weekly_orders': ['成长期周均下单', 'orders per growth member per week'],
  'act.kpi.mature_monthly_orders': ['成熟期月均消费次数', 'orders per mature member per month'],
  'act.kpi.mature_aov_uplift': ['成熟期客单价增幅', 'AOV uplift of mature members'],
  'act.kpi.wakeup_rate': ['唤醒率', 'wake-up rate'],
  'act.kpi.winback_rate': ['挽回成功率', 'win-back rate'],
  'act.coupon.first_order_off': ['首单立减', 'first-order discount'],
  'act.coupon.welcome_gift': ['新人专属礼包', 'new-member gift'],
  'act.coupon.trial_coupon': ['试用装体验券', 'trial-size voucher'],
  'act.coupon.return_coupon': ['回归激励券', 'welcome-back voucher'],
  'act.coupon.cashback': ['首单返现(按封顶计)', 'first-order cashback (at its cap)'],
  'act.coupon.none': ['无', 'none'],
});

const WEEKDAYS = {
  'zh-CN': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

export function namesFor(lang: Lang): Names {
  return {
    stage: (s: Stage) => pick(lang, STAGE_NAMES[s]),
    scene: (s) => m(lang, `act.scene.${s}` as 'act.scene.welcome'),
    reason: (r) => m(lang, `act.reason.${r}` as 'act.reason.unknown'),
    weekday: (n) => WEEKDAYS[lang][n - 1] ?? String(n),
    kpi: (k) => m(lang, `act.kpi.${k}` as 'act.kpi.wakeup_rate'),
    coupon: (c) => m(lang, `act.coupon.${c}` as 'act.coupon.none'),
  };
}
