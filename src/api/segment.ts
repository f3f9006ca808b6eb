/** `tuan segment` as a function: lifecycle stages and RFM segments per member. */
import { loadSegments } from '../adapters/load.js';
import { atRiskReading, rhythmOf, type Rhythm, type ScopeResult } from '../core/members/index.js';
import type { Db } from '../adapters/db.js';
import { readCountedOrders, type CountedOrder } from '../adapters/queries.js';
import type { Config } from '../config.js';
import type { LeaderInfo } from '../core/shared/index.js';
import type { Contact } from '../core/shared/index.js';
import { memberPredictions } from './predict.js';
import { configOf, maskContacts, maskOutput, withDb, type BaseOptions, type DbInput, type MaskOptions } from './common.js';

export interface ScopeOptions {
  /** only this leader (团长ID); an unknown one is a UsageError */
  leader?: string | undefined;
  /** only the leaders of this region (leaders.csv); a region without leaders is a UsageError */
  region?: string | undefined;
}

export interface SegmentOptions extends BaseOptions, MaskOptions, ScopeOptions {
  /** the business date of the classification, YYYY-MM-DD */
  asOf: string;
  /** score RFM within each leader's members instead of across the scope */
  perLeader?: boolean | undefined;
  /** also each member's P(alive) and CLV (api/predict.ts: the same fit as `tuan predict` on the scope) */
  predict?: boolean | undefined;
}

/** What segment shows of a member's prediction. */
export interface SegmentPrediction {
  pAlive: number;
  clvFen: number;
}

export interface SegmentResult {
  asOf: string;
  /** `all`, `leader:L001`, `region:…` or `per-leader (…)` */
  scope: string;
  /** one scope, or one per leader with perLeader */
  scopes: ScopeResult[];
  leaders: LeaderInfo[];
  /** member ID -> name and phone, masked unless unmask */
  contacts: Map<string, Contact>;
  /** with `predict`: member ID -> P(alive) and CLV (absent for members of a scope too small to fit); null without */
  predictions: Map<string, SegmentPrediction> | null;
}

/** Members' rhythms (median gap, usual weekday and hour) from their counted orders up to asOf, by member id. */
export function memberRhythms(db: Db, asOf: string): Map<string, Rhythm> {
  const byMember = new Map<string, CountedOrder[]>();
  for (const x of readCountedOrders(db, asOf)) {
    let list = byMember.get(x.memberId);
    if (!list) byMember.set(x.memberId, (list = []));
    list.push(x);
  }
  return new Map([...byMember].map(([id, orders]) => [id, rhythmOf(orders)]));
}

/** stages.at_risk_mode personal: each member's at-risk flag read against their own rhythm (core/members/rhythm.ts). */
function personalAtRisk(db: Db, config: Config, asOf: string, scopes: ScopeResult[]): void {
  const rhythms = memberRhythms(db, asOf);
  for (const s of scopes)
    for (const m of s.members) m.atRisk = atRiskReading(m.stage, m.recencyDays, rhythms.get(m.memberId), config.stages);
}

/** Every member with a counted order on or before asOf: stage, at-risk flag, R/F/M scores, segment and 8-class. */
export function segment(db: DbInput, o: SegmentOptions): SegmentResult {
  return withDb(db, (h) => {
    const raw = new Map<string, Contact>();
    const { scopes, leaders, scopeLabel } = loadSegments(
      h,
      configOf(o),
      o.asOf,
      { leader: o.leader, region: o.region, perLeader: o.perLeader },
      raw,
    );
    if (configOf(o).stages.at_risk_mode === 'personal') personalAtRisk(h, configOf(o), o.asOf, scopes);
    let predictions: Map<string, SegmentPrediction> | null = null;
    if (o.predict) {
      const p = memberPredictions(h, configOf(o), o.asOf, { leader: o.leader, region: o.region, perLeader: o.perLeader });
      predictions = new Map([...p.byMember].map(([id, m]) => [id, { pAlive: m.pAlive, clvFen: m.clvFen }]));
    }
    return maskOutput({ asOf: o.asOf, scope: scopeLabel, scopes, leaders, contacts: maskContacts(raw, o.unmask), predictions }, o.unmask);
  });
}
