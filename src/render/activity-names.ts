/** Names people read in kits, scripts and plans (stage, scene, reason, weekday, KPI, coupon), per language. KPI names come from the catalogue (core/kpi/kpi-defs.ts). */
import { STAGE_NAMES, type Stage } from '../core/members/index.js';
import type { Names } from '../core/activities/index.js';
import { defineMessages, pick, type Lang } from '../i18n.js';
import { kpiName } from './kpi.js';

const m = defineMessages({
  'act.scene.welcome': ['新人欢迎', 'new-member welcome'],
  'act.scene.growth': ['品类推荐', 'category recommendation'],
  'act.scene.mature': ['成熟期会员权益', 'mature member benefits'],
  'act.scene.mature-care': ['成熟期关怀回访', 'mature-member check-in'],
  'act.scene.silent': ['沉默期关怀', 'silent-member care'],
  'act.scene.churned': ['流失期道歉与补偿', 'churned-member apology and compensation'],
  'act.scene.complaint': ['投诉处理', 'complaint handling'],
  'act.reason.after_sale': ['售后/品质问题', 'after-sale or quality issue'],
  'act.reason.one_and_done': ['只下过一单', 'ordered only once'],
  'act.reason.unknown': ['原因不明', 'unknown'],
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

/** Common category names of Chinese group-buying exports in English; any other category is shown as the export writes it. */
const CATEGORIES_EN: Readonly<Record<string, string>> = {
  生鲜: 'fresh food',
  蔬菜: 'vegetables',
  水果: 'fruit',
  肉禽: 'meat and poultry',
  肉类: 'meat',
  水产: 'seafood',
  海鲜: 'seafood',
  冻品: 'frozen food',
  粮油: 'rice, flour and oil',
  乳品: 'dairy',
  日用: 'household goods',
  零食: 'snacks',
  饮料: 'drinks',
  酒水: 'drinks',
  母婴: 'baby products',
  月饼: 'mooncakes',
  烘焙: 'bakery',
};

export function namesFor(lang: Lang): Names {
  return {
    stage: (s: Stage) => pick(lang, STAGE_NAMES[s]),
    scene: (s) => m(lang, `act.scene.${s}` as 'act.scene.welcome'),
    reason: (r) => m(lang, `act.reason.${r}` as 'act.reason.unknown'),
    weekday: (n) => WEEKDAYS[lang][n - 1] ?? String(n),
    kpi: (k) => kpiName(k, lang),
    coupon: (c) => m(lang, `act.coupon.${c}` as 'act.coupon.none'),
    phoneTail: (digits) => (lang === 'en' ? `tel. …${digits}` : `尾号${digits}`),
    category: (name) => (lang === 'en' && Object.hasOwn(CATEGORIES_EN, name) ? CATEGORIES_EN[name]! : name),
  };
}
