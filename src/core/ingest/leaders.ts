/**
 * leaders.csv (SPEC §2.2): what a leaders file is, and what importing it changes. Pure.
 *
 * A leaders file updates only the columns it has: `团长ID,星级` changes stars and nothing else, and a
 * leader it does not list is left alone. A cell that is empty in a column the file has clears that
 * field (the file says so), and the summary lists every such change. The same leader twice with
 * the same values counts once; twice with different values refuses the file (no silent "last row wins").
 */
import { HEADER_ALIASES, normalizeHeader } from './headers.js';

export const LEADER_FIELDS = {
  leader_id: ['团长ID', '团长编号', 'leader_id', 'id'],
  name: ['团长姓名', '姓名', '团长', 'name'],
  community: ['小区', '社区', '小区/社区', 'community'],
  region: ['区域', '地区', 'region'],
  trainer: ['培训师', '区域培训师', 'trainer'],
  joined_at: ['加入时间', '入驻时间', 'joined_at'],
  mentor_id: ['师傅', '导师', '师傅/导师', 'mentor_id', 'mentor'],
  star: ['星级', '认证星级', 'star'],
  role: ['角色', 'role'],
} as const;
export type LeaderField = keyof typeof LEADER_FIELDS;
export const LEADER_FIELD_NAMES = Object.keys(LEADER_FIELDS) as LeaderField[];

/** Chinese and English names of the fields, for change lists and messages. */
export const LEADER_FIELD_LABELS: Record<LeaderField, [string, string]> = {
  leader_id: ['团长ID', 'leader ID'],
  name: ['姓名', 'name'],
  community: ['小区', 'community'],
  region: ['区域', 'region'],
  trainer: ['培训师', 'trainer'],
  joined_at: ['加入时间', 'joined'],
  mentor_id: ['师傅', 'mentor'],
  star: ['星级', 'star'],
  role: ['角色', 'role'],
};

/** A leader as stored: every field as text, '' for none. */
export type LeaderRecord = Record<LeaderField, string>;

/** Column index of each leader field the header row has. */
export function leaderColumns(headers: readonly string[]): Partial<Record<LeaderField, number>> {
  const cols: Partial<Record<LeaderField, number>> = {};
  headers.forEach((h, i) => {
    for (const f of LEADER_FIELD_NAMES) {
      if (cols[f] === undefined && LEADER_FIELDS[f].some((n) => normalizeHeader(n) === normalizeHeader(h))) cols[f] = i;
    }
  });
  return cols;
}

/** Order-export columns that a leaders file never has: their presence means the wrong file was given. */
const ORDER_ONLY_FIELDS = ['ordered_at', 'member_id', 'amount', 'order_id', 'product'] as const;

export type LeadersFileVerdict =
  | { ok: true; fields: LeaderField[] }
  | { ok: false; why: 'no_leader_id' | 'order_export' | 'no_leader_fields'; orderHeaders: string[] };

/**
 * Is this header row a leaders file? It needs the leader ID column and at least one other leader
 * column, and none of an order export's own columns (time, member, amount, order number, product).
 */
export function judgeLeadersHeader(headers: readonly string[]): LeadersFileVerdict {
  const cols = leaderColumns(headers);
  const fields = LEADER_FIELD_NAMES.filter((f) => cols[f] !== undefined);
  const orderAliases = new Set(ORDER_ONLY_FIELDS.flatMap((f) => (HEADER_ALIASES[f] ?? []).map(normalizeHeader)));
  const orderHeaders = headers.filter((h) => orderAliases.has(normalizeHeader(h)));
  if (orderHeaders.length >= 2) return { ok: false, why: 'order_export', orderHeaders };
  if (cols.leader_id === undefined) return { ok: false, why: 'no_leader_id', orderHeaders };
  if (fields.length < 2) return { ok: false, why: 'no_leader_fields', orderHeaders };
  return { ok: true, fields };
}

export interface LeaderRow {
  line: number;
  values: Partial<LeaderRecord>;
}

export interface LeaderChange {
  leaderId: string;
  field: LeaderField;
  from: string;
  to: string;
}

export interface LeaderConflict {
  leaderId: string;
  lines: number[];
}

export interface LeadersPlan {
  /** the leader records to write, one per distinct id, in file order */
  upserts: LeaderRecord[];
  inserted: number;
  updated: number;
  unchanged: number;
  /** rows that repeat an earlier row of the same leader with the same values */
  duplicateRows: number;
  /** the same leader with different values on different lines: the file is refused */
  conflicts: LeaderConflict[];
  /** field changes of existing leaders (new leaders are not listed field by field) */
  changes: LeaderChange[];
}

const EMPTY: LeaderRecord = Object.fromEntries(LEADER_FIELD_NAMES.map((f) => [f, ''])) as LeaderRecord;

/** What importing `rows` (with the columns `fields`) into `existing` does. */
export function planLeaders(
  existing: ReadonlyMap<string, LeaderRecord>,
  rows: readonly LeaderRow[],
  fields: readonly LeaderField[],
): LeadersPlan {
  const first = new Map<string, LeaderRow>();
  const lines = new Map<string, number[]>();
  let duplicateRows = 0;
  const conflicting = new Set<string>();
  for (const row of rows) {
    const id = row.values.leader_id ?? '';
    const seen = first.get(id);
    lines.set(id, [...(lines.get(id) ?? []), row.line]);
    if (!seen) first.set(id, row);
    else if (fields.every((f) => (seen.values[f] ?? '') === (row.values[f] ?? ''))) duplicateRows++;
    else conflicting.add(id);
  }
  const conflicts = [...conflicting].map((leaderId) => ({ leaderId, lines: lines.get(leaderId)! }));
  const plan: LeadersPlan = { upserts: [], inserted: 0, updated: 0, unchanged: 0, duplicateRows, conflicts, changes: [] };
  for (const [id, row] of first) {
    const before = existing.get(id);
    const after: LeaderRecord = { ...(before ?? EMPTY) };
    for (const f of fields) after[f] = row.values[f] ?? '';
    after.leader_id = id;
    plan.upserts.push(after);
    if (!before) {
      plan.inserted++;
      continue;
    }
    const changed = fields.filter((f) => before[f] !== after[f]);
    if (changed.length === 0) plan.unchanged++;
    else plan.updated++;
    for (const f of changed) plan.changes.push({ leaderId: id, field: f, from: before[f], to: after[f] });
  }
  return plan;
}
