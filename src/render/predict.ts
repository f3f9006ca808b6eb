/** `tuan predict` output: the fit and the members worth most for people; one row per member for machines. */
import type { HoldoutResult, MemberPrediction } from '../core/predict/index.js';
import { formatYuan } from '../core/shared/index.js';
import { defineMessages, type Lang } from '../i18n.js';
import type { Style } from './style.js';
import { renderCsv, renderPairs, renderTable, type Cell } from './table.js';

/** What render needs of an api PredictResult (render imports no api). */
export interface PredictView {
  asOf: string;
  scope: string;
  horizon: string;
  timeUnit: string;
  calibrationEnd: string;
  holdoutFrom: string | null;
  fits: {
    scope: string;
    bgnbd: { params: { r: number; alpha: number; a: number; b: number }; logLikelihood: number; n: number; converged: boolean };
    gammaGamma: { params: { p: number; q: number; gamma: number }; logLikelihood: number; n: number; converged: boolean };
    holdout: HoldoutResult | null;
  }[];
  members: MemberPrediction[];
}

const m = defineMessages({
  'pr.title': [
    '会员回购预测(截至 {asOf},范围 {scope},预测期 {horizon})',
    'Who will come back (as of {asOf}, scope {scope}, horizon {horizon})',
  ],
  'pr.holdoutTitle': [
    '模型检验:用 {end} 及以前的订单拟合,逐周对比 {from} 起的实际回购(范围 {scope})',
    'Model check: fitted on orders up to {end}, predicted vs actual purchases week by week from {from} (scope {scope})',
  ],
  'pr.fit': ['拟合 {scope}', 'fit {scope}'],
  'pr.bgnbd': ['BG/NBD(回购次数与流失)', 'BG/NBD (purchases and drop-out)'],
  'pr.gg': ['Gamma-Gamma(每单金额)', 'Gamma-Gamma (value per purchase)'],
  'pr.ll': ['对数似然', 'log-likelihood'],
  'pr.n': ['会员数', 'members'],
  'pr.repeat': ['回头客', 'repeat buyers'],
  'pr.converged': ['收敛', 'converged'],
  'pr.unit': ['时间单位', 'time unit'],
  'pr.yes': ['是', 'yes'],
  'pr.no': ['否', 'no'],
  'pr.days': ['天', 'days'],
  'pr.weeks': ['周', 'weeks'],
  'pr.top': [
    '可挽回价值最高的 {n} 位(预测价值 CLV,已乘 P(在网);共 {total} 位,--format csv|json 给出每一位)',
    'Top {n} by recoverable value (CLV, P(alive) included; {total} members in all, --format csv|json lists every one)',
  ],
  'pr.member': ['会员ID', 'member'],
  'pr.leader': ['团长', 'leader'],
  'pr.pAlive': ['P(在网)', 'P(alive)'],
  'pr.expOrders': ['预测购买天数', 'expected orders'],
  'pr.expValue': ['预测客单价', 'expected value/order'],
  'pr.clv': ['预测价值 CLV', 'CLV'],
  'pr.week': ['周', 'week'],
  'pr.pred': ['预测', 'predicted'],
  'pr.actual': ['实际', 'actual'],
  'pr.predCum': ['预测累计', 'predicted cum.'],
  'pr.actualCum': ['实际累计', 'actual cum.'],
  'pr.mae': [
    '每周平均绝对误差 {mae} 个购买日;合计 预测 {pred} / 实际 {actual}',
    'mean absolute error {mae} purchase days a week; total predicted {pred} / actual {actual}',
  ],
});

export const PREDICT_COLUMNS = [
  'member_id',
  'leader_id',
  'x',
  't_x',
  'T',
  'p_alive',
  'expected_orders',
  'expected_order_value_fen',
  'clv_fen',
] as const;

const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
const r6 = (v: number) => Math.round(v * 1e6) / 1e6;

export function predictMemberJson(p: MemberPrediction) {
  return {
    member_id: p.memberId,
    leader_id: p.leaderId,
    x: p.x,
    t_x: r4(p.tx),
    T: r4(p.T),
    p_alive: r4(p.pAlive),
    expected_orders: r4(p.expectedOrders),
    expected_order_value_fen: p.expectedOrderValueFen,
    clv_fen: p.clvFen,
  };
}

function fitJson(f: PredictView['fits'][number], timeUnit: string) {
  const b = f.bgnbd;
  const g = f.gammaGamma;
  return {
    scope: f.scope,
    bgnbd: {
      model: 'bgnbd',
      r: r6(b.params.r),
      alpha: r6(b.params.alpha),
      a: r6(b.params.a),
      b: r6(b.params.b),
      log_likelihood: Math.round(b.logLikelihood * 100) / 100,
      n: b.n,
      converged: b.converged,
      time_unit: timeUnit,
    },
    gamma_gamma: {
      model: 'gamma_gamma',
      p: r6(g.params.p),
      q: r6(g.params.q),
      gamma_fen: r6(g.params.gamma),
      log_likelihood: Math.round(g.logLikelihood * 100) / 100,
      n: g.n,
      converged: g.converged,
    },
    holdout: f.holdout && {
      mean_absolute_error: r4(f.holdout.meanAbsoluteError),
      weeks: f.holdout.weeks.map((w) => ({
        week: w.week,
        predicted: r4(w.predicted),
        actual: w.actual,
        predicted_cumulative: r4(w.predictedCumulative),
        actual_cumulative: w.actualCumulative,
      })),
    },
  };
}

export function predictJson(r: PredictView) {
  return {
    as_of: r.asOf,
    scope: r.scope,
    horizon: r.horizon,
    time_unit: r.timeUnit,
    calibration_end: r.calibrationEnd,
    holdout_from: r.holdoutFrom,
    fits: r.fits.map((f) => fitJson(f, r.timeUnit)),
    members: r.members.map(predictMemberJson),
  };
}

export function predictCsv(r: PredictView): string {
  return renderCsv(
    [...PREDICT_COLUMNS],
    r.members.map((p) => Object.values(predictMemberJson(p)) as Cell[]),
  );
}

/**
 * Members by the value they can still bring back, then member id. That value is the CLV: the conditional
 * expectation is P(alive) × the purchases of a member still active, so CLV = P(alive) × their value over the horizon.
 */
export function byRecoverable<P extends { memberId: string; clvFen: number }>(members: readonly P[]): P[] {
  return [...members].sort((a, b) => b.clvFen - a.clvFen || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
}

const TOP = 20;

function fitPairs(f: PredictView['fits'][number], timeUnit: string, L: Lang): string {
  const yn = (v: boolean) => m(L, v ? 'pr.yes' : 'pr.no');
  const b = f.bgnbd;
  const g = f.gammaGamma;
  return `${m(L, 'pr.fit', { scope: f.scope })}\n${renderPairs([
    [
      m(L, 'pr.bgnbd'),
      `r ${b.params.r.toFixed(3)} · α ${b.params.alpha.toFixed(3)} · a ${b.params.a.toFixed(3)} · b ${b.params.b.toFixed(3)}`,
    ],
    [`  ${m(L, 'pr.ll')}`, b.logLikelihood.toFixed(1)],
    [`  ${m(L, 'pr.n')}`, b.n],
    [`  ${m(L, 'pr.converged')}`, yn(b.converged)],
    [`  ${m(L, 'pr.unit')}`, m(L, timeUnit === 'weeks' ? 'pr.weeks' : 'pr.days')],
    [m(L, 'pr.gg'), `p ${g.params.p.toFixed(2)} · q ${g.params.q.toFixed(2)} · γ ${formatYuan(Math.round(g.params.gamma))}`],
    [`  ${m(L, 'pr.repeat')}`, g.n],
    [`  ${m(L, 'pr.converged')}`, yn(g.converged)],
  ])}`;
}

function holdoutTable(h: HoldoutResult, style: Style, L: Lang): string {
  const rows = h.weeks.map((w) => [w.week, w.predicted.toFixed(1), w.actual, w.predictedCumulative.toFixed(1), w.actualCumulative]);
  const last = h.weeks[h.weeks.length - 1];
  return (
    renderTable([m(L, 'pr.week'), m(L, 'pr.pred'), m(L, 'pr.actual'), m(L, 'pr.predCum'), m(L, 'pr.actualCum')], rows, style, [
      'right',
      'right',
      'right',
      'right',
      'right',
    ]) +
    m(L, 'pr.mae', {
      mae: h.meanAbsoluteError.toFixed(2),
      pred: (last?.predictedCumulative ?? 0).toFixed(1),
      actual: String(last?.actualCumulative ?? 0),
    }) +
    '\n'
  );
}

export function predictTable(r: PredictView, style: Style, L: Lang): string {
  const out: string[] = [];
  if (r.holdoutFrom) {
    out.push(style.bold(m(L, 'pr.holdoutTitle', { end: r.calibrationEnd, from: r.holdoutFrom, scope: r.scope })) + '\n');
    for (const f of r.fits) {
      out.push(fitPairs(f, r.timeUnit, L));
      if (f.holdout) out.push(holdoutTable(f.holdout, style, L));
    }
    return out.join('\n');
  }
  out.push(style.bold(m(L, 'pr.title', { asOf: r.asOf, scope: r.scope, horizon: r.horizon })) + '\n');
  for (const f of r.fits) out.push(fitPairs(f, r.timeUnit, L));
  const top = byRecoverable(r.members).slice(0, TOP);
  out.push(
    m(L, 'pr.top', { n: String(top.length), total: String(r.members.length) }) +
      '\n' +
      renderTable(
        [m(L, 'pr.member'), m(L, 'pr.leader'), 'x', m(L, 'pr.pAlive'), m(L, 'pr.expOrders'), m(L, 'pr.expValue'), m(L, 'pr.clv')],
        top.map((p) => [
          p.memberId,
          p.leaderId,
          p.x,
          p.pAlive.toFixed(3),
          p.expectedOrders.toFixed(2),
          formatYuan(p.expectedOrderValueFen),
          formatYuan(p.clvFen),
        ]),
        style,
        ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
      ),
  );
  return out.join('\n');
}
