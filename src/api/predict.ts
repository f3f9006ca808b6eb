/**
 * `tuan predict` as a function: who will come back and what each member is worth (BG/NBD + Gamma-Gamma,
 * core/predict), fitted on the members of the scope (or each leader's with perLeader) from the one order
 * history (counted orders, adapters/queries.ts). Too few members or repeat buyers, or a fit that does not
 * converge, is an InputError (exit 3): no number is given that the data cannot carry.
 */
import type { Config } from '../config.js';
import { readCountedLeaders, readCountedOrders, readLeaders, readPurchaseHistories } from '../adapters/queries.js';
import { resolveScope } from '../adapters/scope.js';
import { InputError } from '../errors.js';
import { buildHistories, type MemberHistory, type OrderFact } from '../core/members/index.js';
import {
  MIN_MEMBERS,
  MIN_REPEAT_BUYERS,
  fitScope,
  holdoutWeeks,
  predictMembers,
  settingsFrom,
  summaries,
  summariesOf,
  type FitOutcome,
  type HoldoutResult,
  type MemberPrediction,
  type ScopeFit,
  type TimeUnit,
} from '../core/predict/index.js';
import { addDays, daysBetween } from '../core/shared/index.js';
import { UsageError } from '../errors.js';
import type { Db } from '../adapters/db.js';
import { configOf, maskOutput, withDb, type BaseOptions, type DbInput, type MaskOptions } from './common.js';
import type { ScopeOptions } from './segment.js';

export interface PredictOptions extends BaseOptions, MaskOptions, ScopeOptions {
  /** the business date of the prediction, YYYY-MM-DD */
  asOf: string;
  /** `12m`, `90d`, `273d` (default: predict.horizon) */
  horizon?: string | undefined;
  /** default: predict.time_unit */
  timeUnit?: TimeUnit | undefined;
  /** fit on the orders before this date and compare week by week after it (up to asOf) */
  holdoutFrom?: string | undefined;
  /** fit each leader's members separately */
  perLeader?: boolean | undefined;
}

export interface PredictFit extends Omit<ScopeFit, 'summaries'> {
  /** with holdoutFrom: weekly predicted vs actual purchase days after it */
  holdout: HoldoutResult | null;
}

export interface PredictResult {
  asOf: string;
  scope: string;
  horizon: string;
  timeUnit: TimeUnit;
  /** the last day of the data the fit used (asOf, or the day before holdoutFrom) */
  calibrationEnd: string;
  holdoutFrom: string | null;
  fits: PredictFit[];
  /** by member id (none with holdoutFrom: the members' predictions are as of asOf) */
  members: MemberPrediction[];
}

/** The predict settings in force: options over configuration; a bad horizon is a UsageError. */
export function predictSettings(config: Config, o: { horizon?: string | undefined; timeUnit?: TimeUnit | undefined }) {
  const raw = o.horizon ?? config.predict.horizon;
  const s = settingsFrom({ ...config.predict, time_unit: o.timeUnit ?? config.predict.time_unit, horizon: raw });
  if (!s)
    throw new UsageError({
      zh: `--horizon "${raw}" 应是月数或天数,例如 12m、90d、273d`,
      en: `--horizon "${raw}" must be months or days, like 12m, 90d or 273d`,
    });
  return { ...s, horizonText: raw.trim() };
}

/** The error for a scope that cannot be fitted. */
export function fitFailure(f: Exclude<FitOutcome, { ok: true }>): InputError {
  const counts = {
    zh: `范围 ${f.scope} 有 ${f.members} 位会员,其中 ${f.repeatBuyers} 位回头客(在不同日期下过 2 次及以上单)`,
    en: `scope ${f.scope} has ${f.members} members, ${f.repeatBuyers} of them repeat buyers (orders on 2 or more days)`,
  };
  if (f.reason === 'too_few')
    return new InputError(
      {
        zh: `会员太少,模型无法稳定拟合:${counts.zh};至少需要 ${MIN_MEMBERS} 位会员和 ${MIN_REPEAT_BUYERS} 位回头客`,
        en: `too few members for a stable fit: ${counts.en}; it needs at least ${MIN_MEMBERS} members and ${MIN_REPEAT_BUYERS} repeat buyers`,
      },
      {
        zh: '扩大范围(去掉 --leader / --region / --per-leader),或积累更多订单后再预测',
        en: 'widen the scope (drop --leader / --region / --per-leader), or predict once there are more orders',
      },
    );
  const model = f.model === 'bgnbd' ? 'BG/NBD' : 'Gamma-Gamma';
  return new InputError(
    {
      zh: `${model} 模型拟合没有收敛,不给出预测:${counts.zh}`,
      en: `the ${model} fit did not converge, so there is no prediction: ${counts.en}`,
    },
    {
      zh: '换一个时间单位(--time-unit days|weeks)或扩大范围再试',
      en: 'try the other time unit (--time-unit days|weeks) or a wider scope',
    },
  );
}

/**
 * The members in scope, grouped per fit (one group, or one per leader) by the leader of their latest order up to
 * asOf (`leaderOf`); `seen` are the leaders of the counted orders read (readLeaders), `allSeen` all of them when
 * `seen` may be missing some (only asked for when `leader` is not among `seen`).
 */
function groups<M>(
  db: Db,
  members: Iterable<M>,
  leaderOf: (m: M) => string,
  seen: Iterable<string>,
  allSeen: (() => Iterable<string>) | null,
  o: ScopeOptions & { perLeader?: boolean | undefined },
) {
  let leaders = readLeaders(db, seen);
  if (allSeen && o.leader !== undefined && !leaders.some((l) => l.leader_id === o.leader)) leaders = readLeaders(db, allSeen());
  const scope = resolveScope({ leader: o.leader, region: o.region }, leaders);
  const byScope = new Map<string, M[]>();
  for (const m of members) {
    const leaderId = leaderOf(m);
    if (scope.leaderIds && !scope.leaderIds.has(leaderId)) continue;
    const key = o.perLeader ? `leader:${leaderId}` : scope.label;
    let list = byScope.get(key);
    if (!list) byScope.set(key, (list = []));
    list.push(m);
  }
  if (byScope.size === 0) byScope.set(scope.label, []);
  const label = o.perLeader ? `per-leader${scope.label === 'all' ? '' : ` (${scope.label})`}` : scope.label;
  return { label, groups: [...byScope].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
}

/** Histories of the members in scope read up to `asOf`, grouped per fit (the holdout needs every order). */
function historyGroups(db: Db, asOf: string, o: ScopeOptions & { perLeader?: boolean | undefined }) {
  const orders = readCountedOrders(db, asOf);
  const histories = buildHistories(orders, []).values();
  const leaderOf = (h: MemberHistory<OrderFact>) => h.orders[h.orders.length - 1]!.leaderId;
  return groups(
    db,
    histories,
    leaderOf,
    orders.map((x) => x.leaderId),
    null,
    o,
  );
}

/** The purchases of the members in scope up to `asOf` (one row per member, summed in SQL), grouped per fit. */
function purchaseGroups(db: Db, asOf: string, o: ScopeOptions & { perLeader?: boolean | undefined }) {
  const members = readPurchaseHistories(db, asOf);
  return groups(
    db,
    members,
    (m) => m.leaderId,
    members.map((m) => m.leaderId),
    () => readCountedLeaders(db, asOf),
    o,
  );
}

/** Fit and predict: per member P(alive), expected orders, expected order value and CLV; or, with holdoutFrom, the weekly check. */
export function predict(db: DbInput, o: PredictOptions): PredictResult {
  const config = configOf(o);
  const s = predictSettings(config, o);
  const holdoutFrom = o.holdoutFrom ?? null;
  if (holdoutFrom !== null && daysBetween(holdoutFrom, o.asOf) < 6)
    throw new UsageError({
      zh: `--holdout-from ${holdoutFrom} 应至少比 --as-of ${o.asOf} 早 7 天(至少比较一整周)`,
      en: `--holdout-from ${holdoutFrom} must be at least 7 days before --as-of ${o.asOf} (one whole week to compare)`,
    });
  const end = holdoutFrom === null ? o.asOf : addDays(holdoutFrom, -1);
  return withDb(db, (h) => {
    const fits: PredictFit[] = [];
    const members: MemberPrediction[] = [];
    const fitted = (f: FitOutcome) => {
      if (!f.ok) throw fitFailure(f);
      return f;
    };
    let label: string;
    if (holdoutFrom !== null) {
      const hg = historyGroups(h, o.asOf, o);
      label = hg.label;
      for (const [scope, hs] of hg.groups) {
        const f = fitted(fitScope(scope, summaries(hs, end, s.timeUnit)));
        const byId = new Map(hs.map((x) => [x.memberId, x.orders]));
        const cal = f.summaries.map((m) => ({ summary: m, orders: byId.get(m.memberId)! }));
        const holdout = holdoutWeeks(f.bgnbd.params, cal, holdoutFrom, o.asOf, s.timeUnit);
        fits.push({ scope: f.scope, bgnbd: f.bgnbd, gammaGamma: f.gammaGamma, holdout });
      }
    } else {
      const dg = purchaseGroups(h, o.asOf, o);
      label = dg.label;
      for (const [scope, ms] of dg.groups) {
        const f = fitted(fitScope(scope, summariesOf(ms, end, s.timeUnit)));
        members.push(...predictMembers(f, s));
        fits.push({ scope: f.scope, bgnbd: f.bgnbd, gammaGamma: f.gammaGamma, holdout: null });
      }
    }
    members.sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
    const result = {
      asOf: o.asOf,
      scope: label,
      horizon: s.horizonText,
      timeUnit: s.timeUnit,
      calibrationEnd: end,
      holdoutFrom,
      fits,
      members,
    };
    return maskOutput(result, o.unmask);
  });
}

/** Each member's prediction where the scope could be fitted (segment, plan, report and kpi show them beside their own numbers). */
export interface MemberPredictions {
  /** by member id; a member of a scope too small to fit, or whose fit did not converge, is absent */
  byMember: Map<string, MemberPrediction>;
  /** the scopes that could not be fitted, and why */
  failed: Exclude<FitOutcome, { ok: true }>[];
}

/**
 * The predictions of `predict` (same scope, settings from the configuration) on an open database, for the
 * other analyses: a scope that cannot be fitted gives no numbers rather than an error. Not masked: ids only.
 */
export function memberPredictions(
  db: Db,
  config: Config,
  asOf: string,
  scope: ScopeOptions & { perLeader?: boolean | undefined },
): MemberPredictions {
  const s = predictSettings(config, {});
  const byMember = new Map<string, MemberPrediction>();
  const failed: MemberPredictions['failed'] = [];
  for (const [label, ms] of purchaseGroups(db, asOf, scope).groups) {
    const f = fitScope(label, summariesOf(ms, asOf, s.timeUnit));
    if (!f.ok) failed.push(f);
    else for (const m of predictMembers(f, s)) byMember.set(m.memberId, m);
  }
  return { byMember, failed };
}
