/**
 * The documented context of templates/<lang>/report.hbs (`tuan report`), in the schema language of
 * core/templating/context-schema.ts: `tuan lint` checks report templates against it, the template header lists
 * it, and a test checks that the context tuan builds conforms to it (render/report-view.ts).
 * Texts arrive HTML-escaped; money in fen is printed with {{yuan …}}.
 */
import { bool, date, fen, list, nullable, num, obj, str, type ObjectField } from './context-schema.js';

const bars = obj('horizontal bars; geometry in viewBox units (core/report/charts.ts)', {
  width: num('viewBox width', 400),
  height: num('viewBox height', 120),
  font_size: num('label font size', 12),
  bar_height: num('bar height', 22),
  label_x: num('right edge of the row labels', 90),
  rows: list(
    'one row per bar',
    obj('a bar', {
      label: str('row label, shortened with … to fit', 'L001 Sunny Garden'),
      y: num('top of the bar', 4),
      text_y: num('baseline of the row texts', 19),
      total: str('the row total, formatted', '649'),
      total_x: num('where the total is written', 300),
      segments: list(
        'parts of the bar, left to right (zero parts left out)',
        obj('a segment', {
          x: num('left', 96),
          width: num('width', 40),
          cx: num('centre', 116),
          cls: str('CSS class: st-<stage>, cn-important or cn-general', 'st-mature'),
          show_value: bool('the value fits inside the segment', true),
          value: str('the value, formatted', '202'),
          title: str('tooltip text'),
        }),
      ),
    }),
  ),
});

const heat = obj('a grid of cells coloured by count; geometry in viewBox units (core/report/charts.ts)', {
  width: num('viewBox width', 390),
  height: num('viewBox height', 290),
  font_size: num('label font size', 12),
  columns: list('column labels', obj('a column', { label: str('label', 'Intro'), cx: num('centre', 100), y: num('baseline', 18) })),
  rows: list(
    'rows of cells',
    obj('a row', {
      label: str('row label', 'Silent'),
      x: num('right edge of the label', 62),
      cy: num('vertical centre', 48),
      cells: list(
        "the row's cells",
        obj('a cell', {
          x: num('left', 71),
          y: num('top', 27),
          width: num('width', 60),
          height: num('height', 42),
          cx: num('centre', 101),
          main_y: num('baseline of the count', 47),
          sub_y: num('baseline of the small line', 61),
          cls: str('CSS classes: h0 (empty) … h5 (largest), plus dark on h4/h5', 'h3'),
          main: str('the count, formatted', '271'),
          sub: str('small line (share of the row, or average spend); may be empty', '49.8%'),
          title: str('tooltip text'),
        }),
      ),
    }),
  ),
});

const member = obj('a member to act on', {
  id: str('member ID', 'M00155'),
  name: str('name, masked unless --unmask; — when unknown', 'X*'),
  phone: str('phone, masked unless --unmask; — when unknown', '183****2689'),
  leader_id: str('leader of the latest order', 'L001'),
  stage: str('stage name in the output language', 'Silent'),
  first_order_date: date('first counted order'),
  last_order_date: date('last counted order'),
  recency_days: num('days since the last order', 37),
  orders: num('counted orders', 12),
  spend_fen: fen('counted spend up to the data date'),
});

const actionList = (doc: string) =>
  obj(doc, {
    total: str('members in the list, formatted', '605'),
    shown: num('members shown', 10),
    more: bool('the list was cut to report.members_per_list', true),
    members: list('the members shown', member),
  });

const commissionRow = obj("one leader's statement", {
  leader_id: str('leader ID (empty on the total row)', 'L001'),
  level: str('level name, * when platform-certified', '3 stars'),
  rate: str('commission rate', '6.50%'),
  gmv_fen: fen('counted GMV of the month'),
  base_fen: fen('base commission'),
  rewards_fen: fen('the three rewards together'),
  total_fen: fen('base + rewards'),
  change: str('change against the previous month, signed', '+¥3.80'),
  change_cls: str('up, down or empty', 'up'),
});

const share = (doc: string) =>
  obj(doc, {
    base: str('members in the starting stage, formatted', '544'),
    ordered: str('of them, members who ordered again', '236'),
    rate: str('ordered / base as a percentage, – when base is 0', '43.4%'),
  });

export const REPORT_CONTEXT: ObjectField = obj('the HTML report', {
  lang: str('zh-CN or en', 'zh-CN'),
  unmasked: bool('names and phones are shown in full (--unmask)', false),
  thresholds: obj('stage thresholds in force (stages.*), days', {
    intro_days: num('引入期 while days since the first order ≤ this', 30),
    growth_days: num('成长期 while ≤ this', 90),
    silent_after_days: num('沉默期 after this many days without an order', 30),
    churned_after_days: num('流失期 after this many', 180),
    at_risk_days: num('at risk: active and no order for more than this', 14),
  }),
  as_of: date('the data date (--as-of)'),
  from: date('start of the stage migration (--from)'),
  month: str('the last full month: KPI period and commission month', '2026-10'),
  month_start: date('its first day'),
  month_end: date('its last day'),
  scope: obj('what the report covers', { code: str('all, leader or region', 'all'), label: str('in the output language', 'all leaders') }),
  headline: obj('the figures at the top', {
    members: str('members with a counted order', '1,732'),
    at_risk: str('members at risk', '239'),
    leaders: str('leaders with members', '4'),
    gmv_fen: fen('GMV of the month'),
    orders: str('orders of the month', '1,581'),
    repurchase: str('repurchase rate of the month', '53.8%'),
  }),
  stages: obj('members per stage and leader', {
    empty: bool('nobody has ordered yet', false),
    legend: list(
      'the five stages',
      obj('a stage', {
        code: str('intro, growth, mature, silent, churned', 'mature'),
        name: str('name in the output language', 'Mature'),
        count: str('members, formatted', '505'),
        share: str('share of all members', '29.2%'),
      }),
    ),
    chart: bars,
    rows: list(
      'one row per leader',
      obj('a leader', {
        leader_id: str('leader ID', 'L001'),
        community: str('community from leaders.csv; may be empty', 'Sunny Garden'),
        total: str('members', '649'),
        at_risk: str('members at risk', '85'),
        counts: list('members per stage, in stage order', str('count', '22')),
      }),
    ),
    total: obj('the total row', {
      total: str('members', '1,732'),
      at_risk: str('at risk', '239'),
      counts: list('per stage', str('count', '119')),
    }),
  }),
  migration: obj('stage migration from `from` to `as_of`', {
    empty: bool('nobody to compare', false),
    chart: heat,
    wakeup: share('唤醒率: members silent on `from` who ordered again'),
    winback: share('挽回成功率: members churned on `from` who ordered again'),
  }),
  rfm: obj('the R × F grid', {
    empty: bool('no order in the RFM window', false),
    scored: str('members with an order in the window', '1,594'),
    window_days: num('rfm.window_days', 365),
    chart: heat,
    edges: nullable(
      obj('quintile edges', {
        recency: str('R edges, days', '7/21/57/158'),
        orders: str('F edges, orders', '1/3/6/12'),
        spend: str('M edges, yuan', '¥76.12/¥199.40/¥372.10/¥793.46'),
      }),
    ),
  }),
  cn8: obj('the eight classes', {
    empty: bool('no order in the RFM window', false),
    baseline: str('平均值 / the mean, or the median', 'the mean'),
    chart: bars,
  }),
  kpis: list(
    'the KPI table of the month',
    obj('a KPI', {
      code: str('KPI code (SPEC §6)', 'repurchase_rate'),
      name: str('name in the output language', 'repurchase rate'),
      value: str('value, formatted; n/a for an empty denominator', '53.8%'),
      basis: str('what it is made of; may be empty', '400/744'),
      baseline: str('≥ baseline, or empty', '≥ 40%'),
      challenge: str('≥ challenge, or empty', '≥ 45%'),
      mark: str('challenge, met, below, na, too_few (too few to judge), or empty without a target', 'challenge'),
      symbol: str('★ ✓ ✗ n/a, or empty', '★'),
    }),
  ),
  commission: obj("the month's commission summary", {
    empty: bool('no statement', false),
    rows: list('one row per leader', commissionRow),
    total: nullable(commissionRow),
  }),
  actions: obj('members to act on (report.members_per_list each)', {
    silent_call: actionList('沉默期 members by spend, highest first: a care call'),
    at_risk: actionList('active members at risk by spend: a recommendation'),
    welcome: actionList('引入期 members, newest first: a welcome'),
  }),
});
