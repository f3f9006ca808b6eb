/**
 * `tuan today` reads the contact log that `tuan log` writes (issues #13 and #16), through the built binary, on the
 * fixture test/fixtures/today (README there: on Wednesday 2026-11-04 the list is D1 welcome, C1 welcome, E1 birthday,
 * A1 usual_day). The week's plan (2026-W45) holds B1 and F1 out of its at_risk task and D1 out of its welcome: the
 * control group, which today's extras leave alone, so the follow-up is worked on A1 (last order 10-21, not held out).
 */
import { describe, expect, it } from 'vitest';
import { runBin, workdir } from '../helpers/run-tuan.js';

const DAY = '2026-11-04';

function bin(cwd: string, args: string[]): string {
  const r = runBin(args, { cwd });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

function todayDir(): string {
  const cwd = workdir(['today/orders.csv', 'today/leaders.csv', 'today/tuan.config.yaml']);
  bin(cwd, ['import', 'orders.csv', '--leaders', 'leaders.csv']);
  return cwd;
}

/** `member reason` of each person on the day's list. */
function people(cwd: string): string[] {
  const j = JSON.parse(bin(cwd, ['today', '--leader', 'L1', '--as-of', DAY, '--format', 'json']));
  return j.people.map((p: { member_id: string; reason: string; contact_date: string | null }) =>
    [p.member_id, p.reason, p.contact_date].filter(Boolean).join(' '),
  );
}

const log = (cwd: string, member: string, outcome: string, date: string) =>
  bin(cwd, ['log', member, '--outcome', outcome, '--date', date, '--leader', 'L1', '--as-of', DAY]);

describe('tuan today reads the contact log', () => {
  it('a member who replied and has not ordered 3 days later is followed up (not on day 2)', () => {
    const cwd = todayDir();
    expect(people(cwd)).toEqual(['D1 welcome', 'C1 welcome', 'E1 birthday', 'A1 usual_day']);
    // replied on 11-02: 2 days before 11-04, not yet; A1 keeps the usual-day reminder
    log(cwd, 'A1', 'replied', '2026-11-02');
    expect(people(cwd)).toEqual(['D1 welcome', 'C1 welcome', 'E1 birthday', 'A1 usual_day']);
    // replied on 11-01, in a fresh database
    const again = todayDir();
    log(again, 'A1', 'replied', '2026-11-01');
    // 3 days on 11-04 and no order since 10-21: follow_up, before the birthday (follow-ups come first); no usual-day
    // reminder on top (one line per member)
    expect(people(again)).toEqual(['D1 welcome', 'C1 welcome', 'A1 follow_up 2026-11-01', 'E1 birthday']);
    // B1 replied too, 11-01, no order since 10-14: followed up as well (the fixture's config has no control group)
    log(again, 'B1', 'replied', '2026-11-01');
    expect(people(again)).toEqual(['D1 welcome', 'C1 welcome', 'A1 follow_up 2026-11-01', 'B1 follow_up 2026-11-01', 'E1 birthday']);
  });

  it("the week's control group (default activities.holdout_share 10%) gets no line at all, not even a welcome", () => {
    // without the fixture's config: the draw of (L1, 2026-W45, member) puts B1 and D1 in the holdout
    const cwd = workdir(['today/orders.csv', 'today/leaders.csv']);
    bin(cwd, ['import', 'orders.csv', '--leaders', 'leaders.csv']);
    log(cwd, 'A1', 'replied', '2026-11-01');
    log(cwd, 'B1', 'replied', '2026-11-01');
    expect(people(cwd)).toEqual(['C1 welcome', 'A1 follow_up 2026-11-01', 'E1 birthday']);
  });

  it('do_not_disturb keeps a member out of the day entirely, until clear; whatever else is logged in between', () => {
    const cwd = todayDir();
    log(cwd, 'D1', 'do_not_disturb', DAY); // a newcomer who asked at once: no welcome
    log(cwd, 'E1', 'do_not_disturb', '2026-10-20'); // no birthday message …
    log(cwd, 'E1', 'unreachable', '2026-10-30'); // … not even after a later contact
    log(cwd, 'A1', 'do_not_disturb', '2026-10-25'); // no usual-day reminder …
    log(cwd, 'A1', 'replied', '2026-11-01'); // … and no follow-up of a reply
    expect(people(cwd)).toEqual(['C1 welcome']);
    log(cwd, 'E1', 'clear', '2026-11-03');
    expect(people(cwd)).toEqual(['C1 welcome', 'E1 birthday']);
  });
});
