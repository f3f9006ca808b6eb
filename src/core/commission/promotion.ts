/**
 * Roles and the promotion path (SPEC §5): 社区团长 → 区域培训师 → 生态合伙人. A leader is eligible for
 * 区域培训师 with ≥ N mentees (leaders whose mentor_id is theirs) whose members' GMV over the last
 * window_months grew ≥ the configured percentage year over year; 生态合伙人 is granted by hand only.
 */
import { divRoundHalfUp } from '../shared/index.js';
import { addMonths, monthRange } from '../shared/index.js';

export const ROLES = ['leader', 'trainer', 'partner'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Readonly<Record<Role, { zh: string; en: string }>> = {
  leader: { zh: '社区团长', en: 'community leader' },
  trainer: { zh: '区域培训师', en: 'regional trainer' },
  partner: { zh: '生态合伙人', en: 'ecosystem partner' },
};

/** The role column of leaders.csv: empty or 社区团长 = leader; unknown text is an error for the caller to report. */
export function parseRole(raw: string): Role | null {
  const s = raw.trim().toLowerCase();
  if (s === '' || s === '团长') return 'leader';
  const hit = ROLES.find((r) => r === s || ROLE_NAMES[r].zh === raw.trim() || ROLE_NAMES[r].en === s);
  return hit ?? null;
}

export type PromotionReason = 'eligible' | 'few_mentees' | 'no_prior_gmv' | 'low_growth' | 'manual_only' | 'top_role';

export interface Promotion {
  /** the next role on the path, or null at the top */
  target: Role | null;
  eligible: boolean;
  /** every reason that applies, in order */
  reasons: PromotionReason[];
  mentees: string[];
  minMentees: number;
  /** mentees' GMV over the window ending with the month, and the same window a year earlier */
  menteeGmvFen: number;
  menteeGmvPrevFen: number;
  /** year-over-year growth in basis points (half-up), null without prior-year GMV */
  growthBp: number | null;
  minGrowthBp: number;
  window: { from: string; to: string; prevFrom: string; prevTo: string };
}

export interface PromotionRules {
  minMentees: number;
  minGrowthBp: number;
  windowMonths: number;
}

/** `gmvOf(leader, month)` gives a leader's counted GMV in a month (returns subtracted). */
export function promotionFor(
  role: Role,
  mentees: readonly string[],
  month: string,
  rules: PromotionRules,
  gmvOf: (leaderId: string, month: string) => number,
): Promotion {
  const from = addMonths(month, 1 - rules.windowMonths);
  const window = { from, to: month, prevFrom: addMonths(from, -12), prevTo: addMonths(month, -12) };
  const sum = (a: string, b: string) => mentees.reduce((s, id) => s + monthRange(a, b).reduce((t, m) => t + gmvOf(id, m), 0), 0);
  const cur = sum(window.from, window.to);
  const prev = sum(window.prevFrom, window.prevTo);
  const growthBp = prev > 0 ? divRoundHalfUp((cur - prev) * 10_000, prev) : null;
  const base = {
    mentees: [...mentees].sort(),
    minMentees: rules.minMentees,
    menteeGmvFen: cur,
    menteeGmvPrevFen: prev,
    growthBp,
    minGrowthBp: rules.minGrowthBp,
    window,
  };
  if (role === 'partner') return { ...base, target: null, eligible: false, reasons: ['top_role'] };
  if (role === 'trainer') return { ...base, target: 'partner', eligible: false, reasons: ['manual_only'] };
  const reasons: PromotionReason[] = [];
  if (mentees.length < rules.minMentees) reasons.push('few_mentees');
  if (mentees.length === 0) {
    /* no mentees: their GMV says nothing */
  } else if (prev <= 0) reasons.push('no_prior_gmv');
  else if (cur * 10_000 < prev * (10_000 + rules.minGrowthBp)) reasons.push('low_growth');
  return { ...base, target: 'trainer', eligible: reasons.length === 0, reasons: reasons.length ? reasons : ['eligible'] };
}
