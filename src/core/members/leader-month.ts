/** What the order history says about a leader's month (the ledger computes it; commission levels judge it). */
/** A leader's month: counted GMV (returns subtracted) and members with ≥1 / ≥2 counted orders. */
export interface LeaderMonthStats {
  gmvFen: number;
  activeMembers: number;
  repeatMembers: number;
}

export const EMPTY_STATS: LeaderMonthStats = Object.freeze({ gmvFen: 0, activeMembers: 0, repeatMembers: 0 });
