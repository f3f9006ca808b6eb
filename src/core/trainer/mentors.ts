/** The mentor tree of leaders.csv (师傅 / 带教人): who a trainer looks after, directly or through their mentees. Pure. */

export interface MentorLink {
  leaderId: string;
  mentorId: string | null;
}

/** Every leader whose mentor is `trainerId`, or whose mentor is one of those, and so on (the trainer not included); sorted. */
export function menteesOf(trainerId: string, links: readonly MentorLink[]): string[] {
  const children = new Map<string, string[]>();
  for (const l of links) if (l.mentorId) children.set(l.mentorId, [...(children.get(l.mentorId) ?? []), l.leaderId]);
  const seen = new Set<string>();
  const todo = [...(children.get(trainerId) ?? [])];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (seen.has(id) || id === trainerId) continue; // a loop in the file: each leader once
    seen.add(id);
    todo.push(...(children.get(id) ?? []));
  }
  return [...seen].sort();
}
