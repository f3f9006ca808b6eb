/** `tuan leaders`: each leader's level for a month and why, their role and promotion eligibility. Pure. */
import { levelResolver, type CommissionInput } from './commission.js';
import { statsOf } from '../members/index.js';
import { levelRule, type LevelResult } from './levels.js';
import { parseRole, promotionFor, type Promotion, type Role } from './promotion.js';

export interface LeaderProfile {
  leaderId: string;
  mentorId: string | null;
  /** the role column as written */
  role: string;
}

export interface LeaderOverview {
  leaderId: string;
  month: string;
  level: LevelResult;
  rateBp: number;
  /** null when the role column holds a word tuan does not know */
  role: Role | null;
  roleText: string;
  promotion: Promotion | null;
}

export function leaderOverview(input: CommissionInput, profiles: readonly LeaderProfile[], month: string): LeaderOverview[] {
  const levelOf = levelResolver(input);
  const gmvOf = (id: string, m: string) => statsOf(input.ledger, id, m).gmvFen;
  const mentees = new Map<string, string[]>();
  for (const p of profiles) if (p.mentorId) mentees.set(p.mentorId, [...(mentees.get(p.mentorId) ?? []), p.leaderId]);
  return [...profiles]
    .sort((a, b) => (a.leaderId < b.leaderId ? -1 : 1))
    .map((p) => {
      const level = levelOf(p.leaderId, month);
      const role = parseRole(p.role);
      return {
        leaderId: p.leaderId,
        month,
        level,
        rateBp: levelRule(input.rules.levels, level.level).rateBp,
        role,
        roleText: p.role,
        promotion: role ? promotionFor(role, mentees.get(p.leaderId) ?? [], month, input.rules.promotion, gmvOf) : null,
      };
    });
}
