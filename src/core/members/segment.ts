/**
 * Segmentation of members as of a date: lifecycle stage + RFM scores, named segment and 8-class,
 * computed over the members in scope (all, or each leader with perLeader). Pure.
 */
import { classifyStage, countStages, type Stage, type StageThresholds } from './lifecycle.js';
import {
  cn8Baseline,
  cn8Class,
  CN8_CLASSES,
  computeEdges,
  scoreRfm,
  segmentOf,
  CN8_ORDER,
  type Cn8Baseline,
  type RfmEdges,
  type RfmMethod,
  type RfmValues,
} from './rfm.js';
import type { SegmentRule } from './segments.js';
import { addDays } from '../shared/index.js';

export interface MemberFacts {
  memberId: string;
  /** leader of the member's most recent counted order */
  leaderId: string;
  firstOrderDate: string;
  lastOrderDate: string;
  /** counted orders up to the as-of date */
  orders: number;
  /** counted spend up to the as-of date: order amounts minus refunds, returns subtracted */
  spendFen: number;
  /** the same within the RFM window */
  windowOrders: number;
  windowSpendFen: number;
}

export interface RfmSettings {
  window_days: number;
  method: RfmMethod;
  edges: { recency_days?: number[]; orders?: number[]; spend_yuan?: number[] };
  baseline: 'mean' | 'median';
  segments: SegmentRule[];
}

export interface MemberRfm {
  recencyDays: number;
  orders: number;
  spendFen: number;
  r: number;
  f: number;
  m: number;
  score: number;
  segment: string;
  segmentZh: string;
  segmentEn: string;
  cn8: (typeof CN8_ORDER)[number];
}

export interface MemberSegment extends MemberFacts {
  stage: Stage;
  atRisk: boolean;
  tenureDays: number;
  recencyDays: number;
  /** null when the member has no order in the RFM window */
  rfm: MemberRfm | null;
}

export interface ScopeResult {
  /** `all`, `leader:L001`, `region:…` */
  scope: string;
  members: MemberSegment[];
  /** null when nobody in scope has an order in the window */
  edges: RfmEdges | null;
  baseline: Cn8Baseline | null;
  /** per dimension, the scores no member got (a bin may be empty when many members share a value) */
  emptyBins: { r: number[]; f: number[]; m: number[] };
}

/** First date inside the RFM window ending at asOf (asOf included); null for the whole history. */
export function rfmWindowStart(asOf: string, windowDays: number): string | null {
  return windowDays === 0 ? null : addDays(asOf, -(windowDays - 1));
}

function configuredEdges(s: RfmSettings, computed: () => RfmEdges): RfmEdges {
  const e = s.edges;
  if (!e.recency_days && !e.orders && !e.spend_yuan) return computed();
  const c = computed();
  return {
    recency_days: e.recency_days ?? c.recency_days,
    orders: e.orders ?? c.orders,
    spend_fen: e.spend_yuan ? e.spend_yuan.map((y) => Math.round(y * 100)) : c.spend_fen,
  };
}

export function segmentScope(
  scope: string,
  facts: readonly MemberFacts[],
  asOf: string,
  stages: StageThresholds,
  rfm: RfmSettings,
): ScopeResult {
  const members: MemberSegment[] = facts.map((f) => {
    const st = classifyStage(f.firstOrderDate, f.lastOrderDate, asOf, stages);
    return {
      // spelled out: object spread over 60,000 members is a measurable share of `tuan segment`
      memberId: f.memberId,
      leaderId: f.leaderId,
      firstOrderDate: f.firstOrderDate,
      lastOrderDate: f.lastOrderDate,
      orders: f.orders,
      spendFen: f.spendFen,
      windowOrders: f.windowOrders,
      windowSpendFen: f.windowSpendFen,
      stage: st.stage,
      atRisk: st.atRisk,
      tenureDays: st.tenureDays,
      recencyDays: st.recencyDays,
      rfm: null,
    };
  });
  const inWindow = members.filter((m) => m.windowOrders > 0);
  if (inWindow.length === 0) return { scope, members, edges: null, baseline: null, emptyBins: { r: [], f: [], m: [] } };
  const vals: RfmValues[] = inWindow.map((m) => ({ recencyDays: m.recencyDays, orders: m.windowOrders, spendFen: m.windowSpendFen }));
  const edges = configuredEdges(rfm, () => computeEdges(vals));
  const baseline = cn8Baseline(vals, rfm.baseline);
  const seen = { r: new Set<number>(), f: new Set<number>(), m: new Set<number>() };
  for (let i = 0; i < inWindow.length; i++) {
    const m = inWindow[i]!;
    const v = vals[i]!;
    const s = scoreRfm(v, edges, rfm.method);
    const seg = segmentOf(s, rfm.segments);
    seen.r.add(s.r);
    seen.f.add(s.f);
    seen.m.add(s.m);
    m.rfm = {
      recencyDays: v.recencyDays,
      orders: v.orders,
      spendFen: v.spendFen,
      r: s.r,
      f: s.f,
      m: s.m,
      score: s.score,
      segment: seg.code,
      segmentZh: seg.name_zh,
      segmentEn: seg.name_en,
      cn8: cn8Class(v, baseline),
    };
  }
  const missing = (set: Set<number>) => [1, 2, 3, 4, 5].filter((x) => !set.has(x));
  return { scope, members, edges, baseline, emptyBins: { r: missing(seen.r), f: missing(seen.f), m: missing(seen.m) } };
}

/** Segment all members as one scope, or each leader's members as its own scope. */
export function segmentMembers(
  facts: readonly MemberFacts[],
  asOf: string,
  stages: StageThresholds,
  rfm: RfmSettings,
  opts: { perLeader: boolean; scope: string },
): ScopeResult[] {
  if (!opts.perLeader) return [segmentScope(opts.scope, facts, asOf, stages, rfm)];
  const byLeader = new Map<string, MemberFacts[]>();
  for (const f of facts) {
    const list = byLeader.get(f.leaderId) ?? [];
    list.push(f);
    byLeader.set(f.leaderId, list);
  }
  return [...byLeader.keys()].sort().map((l) => segmentScope(`leader:${l}`, byLeader.get(l)!, asOf, stages, rfm));
}

export interface StageCounts {
  leaderId: string;
  total: number;
  stages: Record<Stage, number>;
  atRisk: number;
  cn8: Record<string, number>;
  segments: { code: string; name_zh: string; name_en: string; count: number }[];
}

/** Per-leader counts of stages, at-risk, 8 classes and segments (segments by count, then code). */
export function countByLeader(members: readonly MemberSegment[]): StageCounts[] {
  const byLeader = new Map<string, MemberSegment[]>();
  for (const m of members) {
    let g = byLeader.get(m.leaderId);
    if (!g) byLeader.set(m.leaderId, (g = []));
    g.push(m);
  }
  return [...byLeader.keys()].sort((a, b) => a.localeCompare(b)).map((leaderId) => leaderCounts(leaderId, byLeader.get(leaderId)!));
}

function leaderCounts(leaderId: string, members: readonly MemberSegment[]): StageCounts {
  const cn8: Record<string, number> = Object.fromEntries(CN8_ORDER.map((k) => [CN8_CLASSES[k], 0]));
  const segs = new Map<string, { code: string; name_zh: string; name_en: string; count: number }>();
  let atRisk = 0;
  for (const m of members) {
    if (m.atRisk) atRisk++;
    if (m.rfm) {
      cn8[CN8_CLASSES[m.rfm.cn8]]!++;
      const e = segs.get(m.rfm.segment) ?? { code: m.rfm.segment, name_zh: m.rfm.segmentZh, name_en: m.rfm.segmentEn, count: 0 };
      e.count++;
      segs.set(m.rfm.segment, e);
    }
  }
  return {
    leaderId,
    total: members.length,
    stages: countStages(members, (m) => m.stage),
    atRisk,
    cn8,
    segments: [...segs.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}
