/** Reads for the KPIs: counted orders with their categories, returns, and the leaders that make up a scope. */
import { UsageError } from '../errors.js';
import type { KpiScope } from '../core/kpi/index.js';
import type { Db } from './db.js';
import { resolveScope } from './scope.js';
import {
  countedLineSql,
  countedOrdersSql,
  PAID_LINE_SQL,
  readLeaders,
  readReturns,
  REFUNDED_FEN_SQL,
  safeFen,
  summing,
  type LeaderInfo,
} from './queries.js';
import type { KpiData, KpiOrder, PaidDay } from '../core/kpi/index.js';
import type { ReturnFact } from '../core/members/index.js';

/** Counted orders on or before `asOf` (countedOrdersSql), each with the distinct categories of its counted lines. */
export function readKpiOrders(db: Db, asOf: string): KpiOrder[] {
  const rows = summing(
    'order amount',
    () =>
      db
        .prepare(`
    WITH o AS (${countedOrdersSql('order_date <= @asOf')})
    SELECT o.order_id, o.member_id, o.leader_id, o.ordered_at, o.amount_fen,
      (SELECT json_group_array(DISTINCT l.category) FROM order_lines l
        WHERE l.order_id = o.order_id AND ${countedLineSql('l.')} AND l.category <> '') AS cats
    FROM o ORDER BY o.member_id, o.ordered_at, o.order_id`)
        .raw()
        .all({ asOf }) as [string, string, string, string, number, string][],
  );
  return rows.map(([orderId, memberId, leaderId, orderedAt, amountFen, cats]) => ({
    orderId,
    memberId,
    leaderId,
    orderedAt,
    orderDate: orderedAt.slice(0, 10),
    amountFen: safeFen(amountFen, 'order amount'),
    categories: (JSON.parse(cats) as string[]).sort(),
  }));
}

/** Paid and refunded fen of the paid purchase lines (PAID_LINE_SQL, REFUNDED_FEN_SQL) per leader and order date, up to `asOf`. */
export function readPaidDays(db: Db, asOf: string): PaidDay[] {
  const rows = summing(
    'refunds',
    () =>
      db
        .prepare(`SELECT leader_id, order_date, sum(amount_fen), sum(${REFUNDED_FEN_SQL}) FROM order_lines
          WHERE order_date <= @asOf AND ${PAID_LINE_SQL} GROUP BY 1, 2 ORDER BY 1, 2`)
        .raw()
        .all({ asOf }) as [string, string, number, number][],
  );
  return rows.map(([leaderId, orderDate, paid, refunded]) => ({
    leaderId,
    orderDate,
    paidFen: safeFen(paid, 'refunds'),
    refundedFen: safeFen(refunded, 'refunds'),
  }));
}

/** Everything the KPIs of any scope need, as of a date. */
export function readKpiData(db: Db, asOf: string): { data: KpiData; leaders: LeaderInfo[] } {
  return {
    data: { orders: readKpiOrders(db, asOf), returns: readReturns(db, asOf), paid: readPaidDays(db, asOf) },
    leaders: readLeaders(db),
  };
}

export type { KpiScope };

/**
 * Expand a scope as written (`all`, `per-leader`, `leader:ID`, `region:R`) into concrete scopes; an unknown
 * leader or an empty region is the UsageError of the scope resolver (adapters/scope.ts).
 */
export function expandScope(scope: string, leaders: readonly LeaderInfo[]): KpiScope[] {
  const one = (id: string): KpiScope => ({ label: `leader:${id}`, leaderIds: new Set([id]), leaderId: id, region: null });
  if (scope === 'all') return [{ label: 'all', leaderIds: null, leaderId: null, region: null }];
  if (scope === 'per-leader') return leaders.map((l) => one(l.leader_id));
  const leader = scope.startsWith('leader:') ? scope.slice(7).trim() : undefined;
  const region = scope.startsWith('region:') ? scope.slice(7).trim() : undefined;
  if (leader === undefined && region === undefined) {
    throw new UsageError(
      {
        zh: `范围 "${scope}" 必须是 all、per-leader、leader:ID 或 region:名称`,
        en: `scope "${scope}" must be all, per-leader, leader:ID or region:NAME`,
      },
      { zh: '例如 --leader L001、--region 杭州西湖区 或 --per-leader', en: 'e.g. --leader L001, --region 杭州西湖区 or --per-leader' },
    );
  }
  const r = resolveScope({ leader, region }, leaders);
  return [{ label: r.label, leaderIds: r.leaderIds, leaderId: r.leader, region: r.region }];
}

export interface GroupedKpiData {
  all: KpiData;
  byLeader: ReadonlyMap<string, KpiData>;
}

/** Group once by leader, so that per-leader scopes do not each scan every order. */
export function groupByLeader(all: KpiData): GroupedKpiData {
  const byLeader = new Map<string, { orders: KpiOrder[]; returns: ReturnFact[]; paid: PaidDay[] }>();
  const get = (id: string) => {
    let g = byLeader.get(id);
    if (!g) byLeader.set(id, (g = { orders: [], returns: [], paid: [] }));
    return g;
  };
  for (const o of all.orders) get(o.leaderId).orders.push(o);
  for (const r of all.returns) get(r.leaderId).returns.push(r);
  for (const d of all.paid ?? []) get(d.leaderId).paid.push(d);
  return { all, byLeader };
}

/** The orders and returns of one scope. */
export function scopeData(g: GroupedKpiData, scope: KpiScope): KpiData {
  if (scope.leaderIds === null) return g.all;
  const parts = [...scope.leaderIds].sort().flatMap((id) => g.byLeader.get(id) ?? []);
  return {
    orders: parts.flatMap((p) => p.orders),
    returns: parts.flatMap((p) => p.returns),
    paid: parts.flatMap((p) => p.paid ?? []),
  };
}
