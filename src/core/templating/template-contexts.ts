/**
 * The documented context of every shipped template: kits (one per stage), talk-scripts (one per
 * scene) and the weekly plan. Template files list this in their header comment; `tuan lint` checks
 * variables against it; tests check that the contexts tuan builds conform to it.
 */
import { bool, bp, compactOf, date, fen, list, nullable, num, obj, str, type ObjectField } from './context-schema.js';
import { STAGES } from '../members/index.js';
import { REPORT_CONTEXT } from './report-context.js';

export const SCENES = ['welcome', 'growth', 'mature', 'mature-care', 'silent', 'churned', 'complaint'] as const;
export type Scene = (typeof SCENES)[number];

export const KIT_TEMPLATES = STAGES.map((s) => `kit-${s}` as const);
export const SCRIPT_TEMPLATES = SCENES.map((s) => `script-${s}` as const);
/** The templates of kits, scripts and the plan (issue #5). */
export const ACTIVITY_TEMPLATES: readonly string[] = [...KIT_TEMPLATES, ...SCRIPT_TEMPLATES, 'plan'];
/** Every template tuan renders: the activity templates and the HTML report (`tuan report`, core/templating/report-context.ts). */
export const TEMPLATE_NAMES: readonly string[] = [...ACTIVITY_TEMPLATES, 'report'];

const codeName = (doc: string, code: string) =>
  obj(doc, { code: str('stable English code', code), name: str('name in the output language') });
const slot = (doc: string) =>
  obj(doc, {
    weekday: num('ISO weekday, 1 = Monday … 7 = Sunday', 3),
    weekday_name: str('周三 / Wed'),
    time: str('HH:MM', '20:00'),
  });
const pick = (doc: string) =>
  nullable(
    obj(doc, {
      kind: str('category, or product when the export has no categories (快团团)', 'category'),
      name: str('the category or product'),
    }),
  );

export const MEMBER = obj('a member', {
  id: str('member ID', 'M00001'),
  ref: str(
    'what tells the member apart in a list: the member ID, or, for an ID tuan made up because the export has none (快团团), the last four digits of the phone as 快团团 shows them (尾号5678 / tel. …5678)',
    'M00001',
  ),
  name: str('nickname, masked (张*) unless --unmask', 'Z*'),
  phone: str('phone, masked (138****5678) unless --unmask; may be empty', '138****5678'),
  stage: codeName('lifecycle stage as of the data date', 'silent'),
  at_risk: bool('active but no order for more than stages.at_risk_days', false),
  first_order_date: date('first counted order'),
  last_order_date: date('last counted order'),
  tenure_days: num('days since the first order'),
  recency_days: num('days since the last order', 42),
  orders: num('counted orders'),
  spend_fen: fen('counted spend'),
  favourite: pick('what the member buys most (most orders, then spend); null without purchases'),
  suggestion: pick(
    'the item most members of this leader bought in the last 30 days (90 or 365 when none) that the member has never bought; null when none',
  ),
  categories_recorded: bool("the member's orders carry categories", true),
  categories_bought: num('distinct categories bought (0 when none recorded)'),
  reason: codeName(
    'likely reason for going quiet: after_sale (refund/return within 30 days of the last order), one_and_done, unknown',
    'after_sale',
  ),
  last_order: nullable(
    obj('the last counted order', {
      date: date('order date'),
      amount_fen: fen('counted amount'),
      products: list('product names', str('product', 'eggs (30)')),
    }),
  ),
});

const TARGET_FIELDS = {
  kpi: str('KPI code (SPEC §6)', 'wakeup_rate'),
  name: str('KPI name in the output language'),
  unit: str('pct, orders_per_week or orders_per_month', 'pct'),
  target: num('baseline (基准值) in the unit', 25),
  challenge: nullable(num('challenge value (挑战值), or null', 30)),
  audience: num('members the target applies to'),
  implied: nullable(num('members (pct KPIs) or orders the baseline implies for the audience; null when not computable')),
};

const sentOffers = obj('coupons, gifts and thresholds from the configuration (activities.*)', {
  intro: obj('引入期 信任破冰三件套', {
    first_order_off_fen: fen('首单立减 amount'),
    first_order_threshold_fen: fen('首单立减 threshold'),
    welcome_gift: str('新人专属礼包 contents'),
    welcome_gift_cost_fen: fen('cost of one gift'),
  }),
  growth: obj('成长期 品类拓展四步法', {
    trial_coupon_fen: fen('试用装 voucher'),
    gift_threshold_fen: fen('满赠 threshold'),
    gift: str('满赠 gift'),
    addon_price_fen: fen('换购 price'),
    addon_item: str('换购 item'),
    task_orders: num('成长任务卡: orders to unlock the discount'),
    task_days: num('成长任务卡: within days'),
    member_discount_bp: bp('the member discount unlocked'),
    share_reward_fen: fen('晒单有礼 voucher'),
  }),
  mature: obj('成熟期 会员权益', {
    points_per_yuan: num('points per yuan'),
    redeem_points: num('points for one reward'),
    redeem_reward: str('the reward'),
    vote_candidates: num('products in the monthly vote'),
  }),
  silent: obj('沉默期 精准唤醒三件套', {
    return_coupon_fen: fen('回归激励券 amount'),
    usual_threshold_fen: fen('usual 满减 threshold'),
    threshold_cut_bp: bp('threshold lowered by'),
    lowered_threshold_fen: fen('the lowered threshold'),
    coupon_valid_days: num('days the coupon is valid'),
    care_gift: str('定制关怀礼包'),
  }),
  churned: obj('流失期 挽回四步曲', {
    cashback_bp: bp('首单返现 rate'),
    cashback_cap_fen: fen('cashback cap'),
    second_order_coupon_fen: fen('second order back: voucher'),
    service_hours: str('专属客服 hours'),
  }),
  complaint: obj('complaint handling', {
    respond_within_hours: num('first reply within hours'),
    resolve_within_hours: num('resolved within hours'),
    apology_coupon_fen: fen('apology voucher'),
  }),
});

const COMMON = {
  lang: str('language of the output: zh-CN or en', 'zh-CN'),
  as_of: date('the data date (--as-of)'),
  unmasked: bool('--unmask was given: names and phones are real', false),
  leader: obj('the leader (团长); fields are empty for all leaders', {
    id: str('leader ID', 'L001'),
    name: str('name from leaders.csv, masked (王*) unless --unmask; may be empty', 'W*'),
    community: str('小区 from leaders.csv, may be empty', 'Sunny Garden'),
  }),
  thresholds: obj('lifecycle thresholds in days (stages.*)', {
    intro_days: num('引入期 while days since the first order ≤ this', 30),
    growth_days: num('成长期 while ≤ this', 90),
    silent_after_days: num('沉默期 after this many days without an order', 30),
    churned_after_days: num('流失期 after this many', 180),
    at_risk_days: num('at risk: active and no order for more than this', 14),
    after_sale_window_days: num('a refund or return this many days before the last order (or later) makes the reason after_sale', 30),
  }),
  offers: sentOffers,
  schedule: obj('黄金触达时间表 (activities.schedule)', {
    welcome_within_hours: num('welcome new members within hours of the first order', 2),
    interactions: list('times of the daily community interactions', str('HH:MM', '08:00')),
    prepare: slot('prepare materials'),
    at_risk: slot('at-risk recommendations'),
    growth_trial: slot('成长期 新品试用'),
    silent_care: slot('沉默期 care messages'),
    churned_calls: slot('流失期 calls'),
    review: slot('weekly review'),
    mature_update: obj('成熟期 会员权益更新', { day_of_month: num('day of the month', 1), time: str('HH:MM', '10:00') }),
  }),
};

export const KIT_CONTEXT: ObjectField = obj('activity kit', {
  ...COMMON,
  stage: codeName("the kit's stage", 'silent'),
  scope: str('leader:L001, or all', 'leader:L001'),
  members: obj("the stage's members", {
    total: num('members with a counted order, all stages'),
    count: num('members in the stage'),
    share_bp: bp('count / total'),
    at_risk: num('at-risk members in the stage'),
    one_order: num('members in the stage with exactly one order'),
    new_last_7_days: num('members whose first order is in the last 7 days'),
    top: list('top members by spend (activities.top_members)', MEMBER),
  }),
  analysis: obj('流失原因分析 and category penetration', {
    categories_recorded: bool('the export has categories', true),
    multi_category: num('members of the stage who bought in ≥ 2 categories'),
    multi_category_bp: nullable(bp('multi_category / count; null without categories or members')),
    reasons: list(
      'members of the stage per likely reason',
      obj('a reason', {
        code: str('after_sale, one_and_done or unknown', 'after_sale'),
        name: str('name in the output language'),
        count: num('members'),
      }),
    ),
  }),
  targets: list("the stage's KPI targets (kpi.targets)", obj('a target', TARGET_FIELDS)),
  budget: obj("the stage's coupon if every member of the stage got one", {
    coupon: str('coupon code, empty for stages without one', 'return_coupon'),
    coupon_name: str('coupon name'),
    unit_fen: fen('value of one'),
    members: num('members'),
    total_fen: fen('unit × members'),
  }),
});

export const SCRIPT_CONTEXT: ObjectField = obj('talk-script for one member', {
  ...COMMON,
  scene: codeName('the scene', 'silent'),
  member: MEMBER,
});

const TASK = obj('a task', {
  time: str('HH:MM, or +2h (within 2 hours of each first order)', '19:30'),
  all_day: bool('runs all day (welcomes)', false),
  action: str('interaction, prepare, welcome, at_risk, growth_trial, mature_update, silent_care, churned_call, review', 'silent_care'),
  slot: num('1-based number of a community interaction (0 for other tasks)', 0),
  stage: nullable(codeName('stage of the audience; null for the whole group', 'silent')),
  script: str('talk-script template to use, or empty', 'script-silent'),
  kit: str('activity kit it belongs to, or empty', 'kit-silent'),
  channel: str('group, private, call or self', 'private'),
  count: num('members in the audience'),
  estimated: nullable(num('expected new members on a day after the data date; null otherwise')),
  members: list('first members of the audience (the full list is in the appendix)', MEMBER),
  more: num('members not shown in `members`'),
  ref: num('number of the appendix list, 0 when none'),
});

export const PLAN_CONTEXT: ObjectField = obj('weekly plan', {
  ...COMMON,
  week: obj('the ISO week', {
    code: str('2026-W45', '2026-W45'),
    start: date('Monday'),
    end: date('Sunday'),
    snapshot: date('stages and lists are as of this date (the Sunday before, or --as-of if earlier)'),
    days_after_as_of: num('days of the week after the data date'),
  }),
  empty: bool('nobody to contact this week', false),
  overview: list(
    'per stage: members and contacts this week',
    obj('a stage', {
      stage: codeName('stage', 'silent'),
      members: num('members in the stage'),
      contacts: num('members contacted this week'),
    }),
  ),
  days: list(
    'the seven days, Monday first',
    obj('a day', {
      date: date('the date'),
      weekday: num('1 = Monday … 7 = Sunday', 1),
      weekday_name: str('周一 / Mon'),
      month_start: bool('the mature benefits day', false),
      after_as_of: bool('after the data date', false),
      tasks: list('tasks by time', TASK),
    }),
    'per_day',
  ),
  appendix: list(
    'member lists of the tasks',
    obj('a list', {
      ref: num('list number', 1),
      date: date('day'),
      weekday_name: str('周四 / Thu'),
      time: str('HH:MM'),
      action: str('task action code', 'silent_care'),
      stage: codeName('stage', 'silent'),
      script: str('talk-script', 'script-silent'),
      members: list('the members', MEMBER),
    }),
    'audience',
  ),
  targets: list("the week's KPI targets for the audiences", obj('a target', { ...TARGET_FIELDS, stage: codeName('stage', 'silent') })),
  budget: obj('cost of the coupons and gifts the plan proposes, if all are used', {
    total_fen: fen('total'),
    items: list(
      'per coupon',
      obj('an item', {
        stage: codeName('stage', 'silent'),
        coupon: str('coupon code', 'return_coupon'),
        coupon_name: str('coupon name'),
        count: num('coupons'),
        unit_fen: fen('value of one (cashback: its cap)'),
        total_fen: fen('count × unit'),
        estimated: bool('count is an estimate (new members of days after the data date)', false),
      }),
    ),
  }),
  deferred: obj('members due this week but over the weekly caps', {
    silent: num('silent members (activities.silent.care_per_week)'),
    churned: num('churned members (activities.churned.calls_per_week)'),
  }),
  red_lines: obj('red lines (§4.3), enforced in code', {
    silent_max_per_week: num('messages per silent member per week', 1),
    blocked: num('messages the red lines removed'),
  }),
});

/** The documented context of a template by name; partials (`_x`) have none of their own. */
export function contextOf(name: string): ObjectField | null {
  if (name.startsWith('kit-') && (KIT_TEMPLATES as readonly string[]).includes(name)) return KIT_CONTEXT;
  if (name.startsWith('script-') && (SCRIPT_TEMPLATES as readonly string[]).includes(name)) return SCRIPT_CONTEXT;
  if (name === 'report') return REPORT_CONTEXT;
  return name === 'plan' ? PLAN_CONTEXT : null;
}

/** Wrap comma-separated text at `width` columns, continuation lines indented. */
function wrap(line: string, width: number, indent: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const part of line.split(/(?<=, )/)) {
    if (cur !== '' && indent.length + cur.length + part.length > width) {
      out.push(cur.trimEnd());
      cur = '  ';
    }
    cur += part;
  }
  out.push(cur.trimEnd());
  return out.map((l) => indent + l);
}

/** The "Context" block of a shipped template's header comment (scripts/template-headers.mjs writes it). */
export function contextHeader(name: string): string | null {
  const ctx = contextOf(name);
  if (!ctx) return null;
  const lines = compactOf(ctx).flatMap((l) => wrap(l, 110, '    '));
  return [`  Context (every field with its meaning: tuan lint --context ${name}):`, ...lines].join('\n');
}
