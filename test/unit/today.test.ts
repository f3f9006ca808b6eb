/**
 * The pure parts of issue #16: the daily cap on one-to-one messages (plan), the usual ordering weekday, and
 * `buildToday` with the inputs the CLI cannot give yet (contact log, holdout, birthdays). Values by hand.
 */
import { describe, expect, it } from 'vitest';
import { capPrivate, type PlanDay, type PlanTask } from '../../src/core/activities/plan.js';
import { buildToday, usualDay, type LoggedContact, type TodayInput } from '../../src/core/activities/today.js';
import { groupPosts } from '../../src/core/activities/posts.js';
import type { MemberProfile, Stage } from '../../src/core/members/index.js';
import { parseBirthday } from '../../src/core/ingest/normalize.js';

const task = (action: PlanTask['action'], ids: string[], time = '19:30', channel: PlanTask['channel'] = 'private'): PlanTask => ({
  time,
  id: '',
  holdoutIds: [],
  allDay: action === 'welcome',
  action,
  slot: 0,
  stage: null,
  script: null,
  kit: null,
  channel,
  memberIds: ids,
  estimated: null,
});

const day = (date: string, weekday: number, tasks: PlanTask[], monthStart = false): PlanDay => ({
  date,
  weekday,
  monthStart,
  afterAsOf: false,
  tasks,
});

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);

describe('capPrivate: at most N one-to-one messages a day, the rest moved on by priority, then deferred', () => {
  it("a share moved to a later day gets that day's task id; the holdout goes with the first share sent, never an empty task", () => {
    const care = { ...task('silent_care', ['S1', 'S2']), id: 'old', holdoutIds: ['H1'] };
    const week = [day('2026-11-03', 2, [task('at_risk', ['R1', 'R2']), care]), day('2026-11-04', 3, [])];
    const r = capPrivate(week, 2, (t, date) => `${t.action}@${date}`);
    // Tuesday: the two at-risk members fill the day; silent care moves whole to Wednesday with its holdout
    expect(r.days[0]!.tasks.map((t) => t.action)).toEqual(['at_risk']);
    expect(r.days[1]!.tasks.map((t) => [t.id, t.memberIds, t.holdoutIds])).toEqual([['silent_care@2026-11-04', ['S1', 'S2'], ['H1']]]);
    // a task whose members all sit in the holdout stays where it is
    const held = { ...task('silent_care', []), id: 'h', holdoutIds: ['H2'] };
    expect(capPrivate([day('2026-11-03', 2, [held])], 2).days[0]!.tasks).toEqual([held]);
  });

  it('85 at-risk members on a Tuesday with a cap of 20 spread over Tuesday to Sunday; 5 left over', () => {
    const week = [
      day('2026-11-02', 1, []),
      day('2026-11-03', 2, [task('at_risk', ids('R', 85))]),
      day('2026-11-04', 3, []),
      day('2026-11-05', 4, []),
      day('2026-11-06', 5, []),
      day('2026-11-07', 6, []),
      day('2026-11-08', 7, []),
    ];
    const r = capPrivate(week, 20);
    const per = r.days.map((d) => d.tasks.reduce((s, t) => s + t.memberIds.length, 0));
    expect(per).toEqual([0, 20, 20, 20, 20, 5, 0]);
    expect(r.deferred).toBe(0);
    // highest spend first is kept: the first 20 on Tuesday, the next on Wednesday
    expect(r.days[1]!.tasks[0]!.memberIds).toEqual(ids('R', 20));
    expect(r.days[2]!.tasks[0]!.memberIds[0]).toBe('R21');
  });

  it('priority: a day fills at-risk first, then mature update, silent care, growth trial; welcomes use room and never move', () => {
    const week = [
      day('2026-11-04', 3, [
        task('welcome', ['W1', 'W2'], '+2h'),
        task('growth_trial', ids('G', 3), '20:00'),
        task('silent_care', ids('S', 2)),
        task('at_risk', ids('R', 2)),
      ]),
      day('2026-11-05', 4, []),
    ];
    const r = capPrivate(week, 5);
    const wed = r.days[0]!.tasks.map((t) => `${t.action}:${t.memberIds.join('+')}`);
    expect(wed).toEqual(['welcome:W1+W2', 'silent_care:S01', 'at_risk:R01+R02']); // the day's own order; at-risk filled first
    const thu = r.days[1]!.tasks.map((t) => `${t.action}:${t.memberIds.join('+')}`);
    // carried members go first among equals; the growth trial keeps its 20:00
    expect(thu).toEqual(['silent_care:S02', 'growth_trial:G01+G02+G03']);
    expect(r.days[1]!.tasks[1]!.time).toBe('20:00');
    expect(r.deferred).toBe(0);
  });

  it('what does not fit by Sunday is deferred; calls and group tasks are not capped', () => {
    const week = [
      day('2026-11-07', 6, [task('churned_call', ids('C', 30), '10:00', 'call'), task('silent_care', ids('S', 30))]),
      day('2026-11-08', 7, [task('interaction', [], '08:00', 'group')]),
    ];
    const r = capPrivate(week, 20);
    expect(r.days[0]!.tasks.map((t) => t.memberIds.length)).toEqual([30, 20]);
    expect(r.days[1]!.tasks.map((t) => `${t.action}:${t.memberIds.length}`)).toEqual(['interaction:0', 'silent_care:10']);
    expect(capPrivate(week, 10).deferred).toBe(10); // 10 on Saturday, 10 on Sunday, 10 left
  });
});

describe('usualDay: the weekday most orders fall on, and the median gap', () => {
  it('needs 3 orders on distinct dates and a weekday strictly ahead of the others', () => {
    expect(usualDay(['2026-10-07', '2026-10-14'])).toBeNull();
    expect(usualDay(['2026-10-07', '2026-10-07', '2026-10-14'])).toBeNull(); // two orders on one date count once
    expect(usualDay(['2026-10-07', '2026-10-08', '2026-10-09'])).toBeNull(); // Wed, Thu, Fri: a tie
    expect(usualDay(['2026-10-07', '2026-10-14', '2026-10-21'])).toEqual({ weekday: 3, gapDays: 7 });
    // Mon, Mon, Wed: Monday; gaps 7 and 2, the lower middle one is 2
    expect(usualDay(['2026-10-05', '2026-10-12', '2026-10-14'])).toEqual({ weekday: 1, gapDays: 2 });
    // gaps 7, 14, 7 -> sorted 7, 7, 14 -> 7
    expect(usualDay(['2026-09-30', '2026-10-07', '2026-10-21', '2026-10-28'])).toEqual({ weekday: 3, gapDays: 7 });
  });
});

const profile = (id: string, stage: Stage, first: string, last: string): MemberProfile =>
  ({ memberId: id, leaderId: 'L1', stage, firstOrderDate: first, lastOrderDate: last, atRisk: false, spendFen: 1000 }) as MemberProfile;

const wednesday = day('2026-11-04', 3, [
  task('interaction', [], '08:00', 'group'),
  task('welcome', [], '+2h'),
  task('growth_trial', ['G1'], '20:00'),
]);
wednesday.tasks[0]!.slot = 1;

function input(over: Partial<TodayInput> = {}): TodayInput {
  return {
    date: '2026-11-04',
    day: wednesday,
    plannedThisWeek: new Set(['G1']),
    welcomeWithinHours: 2,
    postTimes: { growthTrial: { weekday: 3, time: '20:00' }, benefits: '10:00' },
    cap: 20,
    members: [
      profile('G1', 'growth', '2026-09-01', '2026-10-20'),
      profile('N1', 'intro', '2026-11-03', '2026-11-03'),
      profile('P1', 'mature', '2026-01-01', '2026-10-01'),
      profile('P2', 'mature', '2026-01-01', '2026-10-30'),
      profile('U1', 'intro', '2026-10-07', '2026-10-21'),
    ],
    orderDates: new Map([['U1', ['2026-10-07', '2026-10-14', '2026-10-21']]]),
    newSince: '2026-11-03',
    birthdays: new Map(),
    contactLog: [],
    holdout: new Set(),
    restWeeks: 4,
    ...over,
  };
}

const lines = (inp: TodayInput) => buildToday(inp).lines.map((l) => `${l.memberId} ${l.reason}`);

describe('buildToday', () => {
  it('welcomes, the plan day, then usual-day reminders; the group posts of the day', () => {
    const t = buildToday(input());
    expect(t.lines.map((l) => `${l.memberId} ${l.reason} ${l.message}`)).toEqual([
      'N1 welcome welcome',
      'G1 plan growth_trial',
      'U1 usual_day usual_day',
    ]);
    expect(t.posts.map((p) => p.kind)).toEqual(['morning', 'task_card']);
  });

  it('follow-ups from the contact log: replied and no order 3 days later; declined and the rest ends today', () => {
    const log: LoggedContact[] = [
      { memberId: 'P1', date: '2026-11-01', outcome: 'replied' }, // 3 days ago, last order 10-01: due
      { memberId: 'P2', date: '2026-10-07', outcome: 'declined' }, // 4 weeks later is 11-04: but P2 ordered 10-30
    ];
    expect(lines(input({ contactLog: log }))).toEqual(['N1 welcome', 'G1 plan', 'P1 follow_up', 'U1 usual_day']);
    const rest: LoggedContact[] = [{ memberId: 'P1', date: '2026-10-07', outcome: 'declined' }];
    expect(lines(input({ contactLog: rest }))).toContain('P1 rest_end');
    expect(lines(input({ contactLog: [{ memberId: 'P1', date: '2026-11-02', outcome: 'replied' }] }))).not.toContain('P1 follow_up');
    // a later entry replaces the earlier one: a member who replied and was then followed up is not listed again
    const done: LoggedContact[] = [
      { memberId: 'P1', date: '2026-10-20', outcome: 'replied' },
      { memberId: 'P1', date: '2026-11-03', outcome: 'sent' },
    ];
    expect(lines(input({ contactLog: done }))).not.toContain('P1 follow_up');
  });

  it('birthdays (29 February kept on 28 February), never for members left alone or in the holdout', () => {
    expect(lines(input({ birthdays: new Map([['P2', '1980-11-04']]) }))).toContain('P2 birthday');
    expect(lines(input({ birthdays: new Map([['P2', '11-04']]) }))).toContain('P2 birthday');
    const leap = input({
      date: '2027-02-28',
      day: { ...wednesday, date: '2027-02-28', weekday: 7 },
      birthdays: new Map([['P2', '2000-02-29']]),
    });
    expect(lines(leap)).toContain('P2 birthday');
    const dnd: LoggedContact[] = [{ memberId: 'P2', date: '2026-10-01', outcome: 'do_not_disturb' }];
    expect(lines(input({ birthdays: new Map([['P2', '11-04']]), contactLog: dnd }))).not.toContain('P2 birthday');
    expect(lines(input({ birthdays: new Map([['P2', '11-04']]), holdout: new Set(['P2']) }))).not.toContain('P2 birthday');
    expect(lines(input({ holdout: new Set(['U1']) }))).not.toContain('U1 usual_day');
    // the plan messages U1 on another day of the week: no reminder on top
    expect(lines(input({ plannedThisWeek: new Set(['G1', 'U1']) }))).not.toContain('U1 usual_day');
  });

  it('do_not_disturb: no welcome, follow-up or reminder, and it stands until clear, whatever is logged in between', () => {
    const dnd = (memberId: string, ...later: LoggedContact[]): LoggedContact[] => [
      { memberId, date: '2026-10-25', outcome: 'do_not_disturb' },
      ...later,
    ];
    expect(lines(input({ contactLog: dnd('N1') }))).not.toContain('N1 welcome');
    expect(lines(input({ contactLog: dnd('U1') }))).not.toContain('U1 usual_day');
    const replied = { memberId: 'P1', date: '2026-11-01', outcome: 'replied' };
    expect(lines(input({ contactLog: dnd('P1', replied) }))).not.toContain('P1 follow_up');
    const unreachable = { memberId: 'U1', date: '2026-10-30', outcome: 'unreachable' };
    expect(lines(input({ contactLog: dnd('U1', unreachable) }))).not.toContain('U1 usual_day');
    const clear = { memberId: 'U1', date: '2026-10-31', outcome: 'clear' };
    expect(lines(input({ contactLog: dnd('U1', unreachable, clear) }))).toContain('U1 usual_day');
    // two entries of one date: the one logged last decides
    expect(lines(input({ contactLog: [clear, { ...clear, outcome: 'do_not_disturb' }] }))).not.toContain('U1 usual_day');
  });

  it('the daily cap: welcomes always go; extras beyond the cap are counted, not listed', () => {
    const t = buildToday(input({ cap: 2, birthdays: new Map([['P2', '11-04']]) }));
    expect(t.lines.map((l) => `${l.memberId} ${l.reason}`)).toEqual(['N1 welcome', 'G1 plan']);
    expect(t.deferred).toBe(2); // P2's birthday, U1's usual day
    expect(buildToday(input({ cap: 0 })).lines.map((l) => l.memberId)).toEqual(['N1', 'G1']);
  });
});

describe('parseBirthday: a birthday cell, read leniently; never a reason to reject an order', () => {
  it('dates with or without a year; anything else is left out', () => {
    expect(
      ['1975-11-04', '1975/11/4', '1975.11.04', '1975年11月4日', '11-04', '11月4日', '１９７５－１１－０４'].map(parseBirthday),
    ).toEqual(['1975-11-04', '1975-11-04', '1975-11-04', '1975-11-04', '11-04', '11-04', '1975-11-04']);
    expect(['', '不详', '1960/2/30', '1961-02-29', '13-01', '2000-02-29', '02-29'].map(parseBirthday)).toEqual([
      '',
      '',
      '',
      '',
      '',
      '2000-02-29',
      '02-29',
    ]);
  });
});

describe('groupPosts', () => {
  it("one post per interaction, slot 2 by weekday; the task card at the growth trial's time; the benefits day on the 1st", () => {
    const interactions = ['08:00', '12:00', '20:00'].map((time, i) => ({ ...task('interaction', [], time, 'group'), slot: i + 1 }));
    const kinds = (weekday: number, extra: PlanTask[] = [], monthStart = false) =>
      groupPosts(day('2026-11-01', weekday, [...interactions, ...extra], monthStart), {
        growthTrial: { weekday: 3, time: '20:00' },
        benefits: '10:00',
      }).map((p) => `${p.time} ${p.kind}`);
    expect(kinds(1)).toEqual(['08:00 morning', '12:00 share', '20:00 evening_solitaire']);
    expect(kinds(5)[1]).toBe('12:00 menu_solitaire');
    expect(kinds(7, [], true)).toEqual(['08:00 morning', '10:00 benefits_day', '12:00 vote', '20:00 evening_solitaire']);
    expect(kinds(3)).toEqual(['08:00 morning', '12:00 trial_preview', '20:00 task_card', '20:00 evening_solitaire']);
  });
});
