/** Reads for the KPIs: counted orders with their categories, returns, and the leaders that make up a scope. */
import type { Db } from './db.js';
import { countedLineSql, countedOrdersSql, readLeaders, readReturns, type LeaderInfo } from './queries.js';
import type { KpiData, KpiOrder } from '../core/kpi/kpi.js';
import type { ReturnFact } from '../core/members/history.js';
import type { Text } from '../i18n.js';

/** Counted orders on or before `asOf` (countedOrdersSql), each with the distinct categories of its counted lines. */
export function readKpiOrders(db: Db, asOf: string): KpiOrder[] {
  const rows = db.prepare(`
    WITH o AS (${countedOrdersSql('order_date <= @asOf')})
    SELECT o.order_id, o.member_id, o.leader_id, o.ordered_at, o.amount_fen,
      (SELECT json_group_array(DISTINCT l.category) FROM order_lines l
        WHERE l.order_id = o.order_id AND ${countedLineSql('l.')} AND l.category <> '') AS cats
    FROM o ORDER BY o.member_id, o.ordered_at, o.order_id`).raw().all({ asOf }) as [string, string, string, string, number, string][];
  return rows.map(([orderId, memberId, leaderId, orderedAt, amountFen, cats]) => ({
    orderId, memberId, leaderId, orderedAt, orderDate: orderedAt.slice(0, 10), amountFen,
    categories: (JSON.parse(cats) as string[]).sort(),
  }));
}

/** Everything the KPIs of any scope need, as of a date. */
export function readKpiData(db: Db, asOf: string): { data: KpiData; leaders: LeaderInfo[] } {
  return { data: { orders: readKpiOrders(db, asOf), returns: readReturns(db, asOf) }, leaders: readLeaders(db) };
}

export interface KpiScope {
  /** `all`, `leader:L001` or `region:杭州西湖区` */
  label: string;
  /** the leaders whose orders count; null = every order */
  leaderIds: ReadonlySet<string> | null;
  /** the leader of a per-leader or leader: scope */
  leaderId: string | null;
  region: string | null;
}

export type ScopeError = { message: Text; hint: Text };

/** Expand a scope as written (`all`, `per-leader`, `leader:ID`, `region:R`) into concrete scopes. */
export function expandScope(scope: string, leaders: readonly LeaderInfo[]): KpiScope[] | ScopeError {
  const known = leaders.map((l) => l.leader_id);
  const one = (id: string): KpiScope => ({ label: `leader:${id}`, leaderIds: new Set([id]), leaderId: id, region: null });
  if (scope === 'all') return [{ label: 'all', leaderIds: null, leaderId: null, region: null }];
  if (scope === 'per-leader') return known.map(one);
  if (scope.startsWith('leader:')) {
    const id = scope.slice(7).trim();
    if (known.includes(id)) return [one(id)];
    return { message: { zh: `没有团长 "${id}"`, en: `unknown leader "${id}"` }, hint: { zh: `已有的团长:${known.join(', ') || '无'}`, en: `known leaders: ${known.join(', ') || 'none'}` } };
  }
  if (scope.startsWith('region:')) {
    const region = scope.slice(7).trim();
    const ids = leaders.filter((l) => l.region === region).map((l) => l.leader_id);
    if (ids.length) return [{ label: `region:${region}`, leaderIds: new Set(ids), leaderId: null, region }];
    const regions = [...new Set(leaders.map((l) => l.region).filter(Boolean))];
    return {
      message: { zh: `区域 "${region}" 没有团长`, en: `no leader in region "${region}"` },
      hint: { zh: `leaders.csv 里的区域:${regions.join('、') || '无(用 --leaders 导入 leaders.csv)'}`, en: `regions in leaders.csv: ${regions.join(', ') || 'none (import leaders.csv with --leaders)'}` },
    };
  }
  return {
    message: { zh: `范围 "${scope}" 不对,只能是 all、per-leader、leader:ID 或 region:区域名`, en: `scope "${scope}" must be all, per-leader, leader:ID or region:NAME` },
    hint: { zh: '例如 --leader L001、--region 杭州西湖区 或 --per-leader', en: 'e.g. --leader L001, --region 杭州西湖区 or --per-leader' },
  };
}

export interface GroupedKpiData {
  all: KpiData;
  byLeader: ReadonlyMap<string, KpiData>;
}

/** Group once by leader, so that per-leader scopes do not each scan every order. */
export function groupByLeader(all: KpiData): GroupedKpiData {
  const byLeader = new Map<string, { orders: KpiOrder[]; returns: ReturnFact[] }>();
  const get = (id: string) => {
    let g = byLeader.get(id);
    if (!g) byLeader.set(id, (g = { orders: [], returns: [] }));
    return g;
  };
  for (const o of all.orders) get(o.leaderId).orders.push(o);
  for (const r of all.returns) get(r.leaderId).returns.push(r);
  return { all, byLeader };
}

/** The orders and returns of one scope. */
export function scopeData(g: GroupedKpiData, scope: KpiScope): KpiData {
  if (scope.leaderIds === null) return g.all;
  const parts = [...scope.leaderIds].sort().flatMap((id) => g.byLeader.get(id) ?? []);
  return { orders: parts.flatMap((p) => p.orders), returns: parts.flatMap((p) => p.returns) };
}
