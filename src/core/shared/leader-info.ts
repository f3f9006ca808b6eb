/** A leader as leaders.csv (or an order) tells of them; empty details for a leader seen only in orders. */
export interface LeaderInfo {
  leader_id: string;
  name: string;
  community: string;
  region: string;
  trainer: string;
  joined_at: string | null;
  mentor_id: string | null;
  star: number | null;
  role: string;
}
