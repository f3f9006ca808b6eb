/**
 * The members-to-act-on lists of the report (seed 000 §4.3): silent members with the highest spend
 * (a care call), active members at risk (a recommendation before they go quiet), and new members
 * (a welcome). Names and phones come in masked unless --unmask (the api layer masks them, SPEC §8). Pure.
 */
import type { Stage } from '../members/index.js';
import type { MemberSegment } from '../members/index.js';

export interface Contact {
  name: string;
  phone: string;
}

export const ACTION_KINDS = ['silent_call', 'at_risk', 'welcome'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export interface ActionMember {
  memberId: string;
  /** as given (masked unless --unmask); empty when the export had no name */
  name: string;
  /** as given (masked unless --unmask); empty when the export had no phone */
  phone: string;
  leaderId: string;
  stage: Stage;
  firstOrderDate: string;
  lastOrderDate: string;
  recencyDays: number;
  orders: number;
  spendFen: number;
}

export interface ActionList {
  kind: ActionKind;
  /** members in the list before it was cut to the list size */
  total: number;
  members: ActionMember[];
}

const byId = (a: MemberSegment, b: MemberSegment) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);
const bySpend = (a: MemberSegment, b: MemberSegment) => b.spendFen - a.spendFen || byId(a, b);
const byNewest = (a: MemberSegment, b: MemberSegment) =>
  (a.firstOrderDate < b.firstOrderDate ? 1 : a.firstOrderDate > b.firstOrderDate ? -1 : 0) || byId(a, b);

/** Who is in each list, and in which order. */
const RULES: Record<ActionKind, { keep: (m: MemberSegment) => boolean; order: (a: MemberSegment, b: MemberSegment) => number }> = {
  silent_call: { keep: (m) => m.stage === 'silent', order: bySpend },
  at_risk: { keep: (m) => m.atRisk, order: bySpend },
  welcome: { keep: (m) => m.stage === 'intro', order: byNewest },
};

export function actionMember(m: MemberSegment, contact: Contact | undefined): ActionMember {
  return {
    memberId: m.memberId,
    name: contact?.name ?? '',
    phone: contact?.phone ?? '',
    leaderId: m.leaderId,
    stage: m.stage,
    firstOrderDate: m.firstOrderDate,
    lastOrderDate: m.lastOrderDate,
    recencyDays: m.recencyDays,
    orders: m.orders,
    spendFen: m.spendFen,
  };
}

export function actionLists(members: readonly MemberSegment[], contacts: ReadonlyMap<string, Contact>, size: number): ActionList[] {
  return ACTION_KINDS.map((kind) => {
    const rule = RULES[kind];
    const hits = members.filter(rule.keep).sort(rule.order);
    return { kind, total: hits.length, members: hits.slice(0, size).map((m) => actionMember(m, contacts.get(m.memberId))) };
  });
}
