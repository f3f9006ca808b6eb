import { describe, expect, it } from 'vitest';
import {
  buildPlan,
  isDue,
  newMemberEstimates,
  planSnapshot,
  RedLines,
  redLineViolations,
  type PlanInput,
  type PlanMember,
  type PlanTask,
} from '../../src/core/activities/plan.js';
import { parseWeek } from '../../src/core/shared/calendar.js';
import { addDays } from '../../src/core/shared/dates.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import type { Stage } from '../../src/core/members/lifecycle.js';

const W44 = parseWeek('2026-W44', '2026-10-31')!; // Mon 2026-10-26 … Sun 2026-11-01 (the 1st: mature benefits day)
const SUNDAY_BEFORE = '2026-10-25';
const m = (id: string, stage: Stage, spendFen: number, daysQuiet: number, atRisk = false): PlanMember => ({
  memberId: id,
  stage,
  atRisk,
  spendFen,
  lastOrderDate: addDays(SUNDAY_BEFORE, -daysQuiet),
});
/** No holdout unless a test turns it on (activities.holdout_share): these tests are about the lists themselves. */
const NO_HOLDOUT = { ...DEFAULT_CONFIG.activities, holdout_share: 0 };
const input = (members: PlanMember[], over: Partial<PlanInput> = {}): PlanInput => ({
  leaderId: 'L1',
  week: W44,
  asOf: '2026-10-31',
  snapshot: SUNDAY_BEFORE,
  members,
  newMembers: [],
  recentNew: 0,
  activities: NO_HOLDOUT,
  targets: DEFAULT_CONFIG.kpi.targets,
  stages: DEFAULT_CONFIG.stages,
  ...over,
});
const tasks = (p: ReturnType<typeof buildPlan>, action: string) =>
  p.days.flatMap((d) => d.tasks.filter((t) => t.action === action).map((t) => ({ date: d.date, ...t })));

describe('the weekly plan (core/activities/plan.ts)', () => {
  it('takes the audiences as of the Sunday before the week, or the data date when earlier', () => {
    expect(planSnapshot(W44, '2026-10-31')).toBe('2026-10-25');
    expect(planSnapshot(W44, '2026-10-20')).toBe('2026-10-20');
  });

  it.each([
    [30, false], // not silent yet
    [31, true],
    [37, true], // the week a member crosses 30 days
    [38, false],
    [58, false],
    [59, true], // four weeks later
    [65, true],
    [66, false],
  ])('a silent member quiet for %i days at the Sunday before is due: %s', (days, due) => {
    expect(isDue(addDays(SUNDAY_BEFORE, -days), W44.start, 30, 4)).toBe(due);
  });

  it('every = 1 makes every silent member due every week', () => {
    for (const d of [31, 40, 77, 150]) expect(isDue(addDays(SUNDAY_BEFORE, -d), W44.start, 30, 1)).toBe(true);
  });

  it('puts each task on its weekday and time (黄金触达时间表), Monday first', () => {
    const p = buildPlan(
      input([m('G1', 'growth', 100, 3), m('S1', 'silent', 100, 31), m('C1', 'churned', 100, 181), m('A1', 'mature', 100, 2)]),
    );
    expect(p.days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(tasks(p, 'growth_trial').map((t) => [t.date, t.time])).toEqual([['2026-10-28', '20:00']]);
    expect(tasks(p, 'silent_care').map((t) => [t.date, t.time, t.memberIds])).toEqual([['2026-10-29', '19:30', ['S1']]]);
    expect(tasks(p, 'churned_call').map((t) => [t.date, t.channel, t.memberIds])).toEqual([['2026-10-31', 'call', ['C1']]]);
    expect(tasks(p, 'mature_update').map((t) => [t.date, t.memberIds])).toEqual([['2026-11-01', ['A1']]]);
    expect(tasks(p, 'interaction')).toHaveLength(21); // three a day (§5.1)
    expect(p.days[0]!.tasks[0]).toMatchObject({ action: 'welcome', allDay: true, time: '+2h' });
  });

  it('no mature update in a week without the 1st of the month', () => {
    const p = buildPlan(input([m('A1', 'mature', 100, 2)], { week: parseWeek('2026-W45', '2026-10-31')! }));
    expect(tasks(p, 'mature_update')).toEqual([]);
  });

  it('caps silent care and churned calls per week, highest spend first, and counts the rest as deferred', () => {
    const silent = Array.from({ length: 35 }, (_, i) => m(`S${String(i).padStart(2, '0')}`, 'silent', 1000 + i, 31));
    const churned = Array.from({ length: 12 }, (_, i) => m(`C${String(i).padStart(2, '0')}`, 'churned', 500 + i, 185));
    const p = buildPlan(input([...silent, ...churned]));
    // 30 care messages: 20 on Thursday (activities.max_private_per_day), the next 10 moved to Friday
    const care = tasks(p, 'silent_care');
    expect(care.map((t) => [t.date, t.memberIds.length])).toEqual([
      ['2026-10-29', 20],
      ['2026-10-30', 10],
    ]);
    expect(care[0]!.memberIds[0]).toBe('S34');
    expect(tasks(p, 'churned_call')[0]!.memberIds).toHaveLength(10);
    expect(p.deferred).toEqual({ silent: 5, churned: 2, private: 0 });
  });

  it('the daily cap (activities.max_private_per_day) spreads one-to-one messages and reports the rest; budget and red lines follow', () => {
    // 12 silent members due (Thursday), 6 growth members (Wednesday), a cap of 4 a day
    const silent = Array.from({ length: 12 }, (_, i) => m(`S${String(i).padStart(2, '0')}`, 'silent', 1000 + i, 31));
    const growth = Array.from({ length: 6 }, (_, i) => m(`G${i}`, 'growth', 500 + i, 2));
    const p = buildPlan(
      input([...silent, ...growth], { activities: { ...DEFAULT_CONFIG.activities, max_private_per_day: 4, holdout_share: 0 } }),
    );
    const per = (action: string) => tasks(p, action).map((t) => `${t.date.slice(8)}:${t.memberIds.length}`);
    // Wednesday: 4 of the 6 trials (highest spend first); Thursday to Saturday: silent care (priority 3) fills each
    // day before the 2 carried trials (priority 4), which fit on Sunday
    expect(per('growth_trial')).toEqual(['28:4', '01:2']);
    expect(tasks(p, 'growth_trial')[0]!.memberIds).toEqual(['G5', 'G4', 'G3', 'G2']);
    expect(per('silent_care')).toEqual(['29:4', '30:4', '31:4']);
    expect(p.deferred.private).toBe(0);
    // a cap of 3: 3 trials on Wednesday, silent care 3 a day Thursday to Sunday, the other 3 trials do not fit
    const q = buildPlan(
      input([...silent, ...growth], { activities: { ...DEFAULT_CONFIG.activities, max_private_per_day: 3, holdout_share: 0 } }),
    );
    expect(q.deferred).toEqual({ silent: 0, churned: 0, private: 3 });
    expect(q.budget.items.find((i) => i.coupon === 'trial_coupon')!.count).toBe(3); // the budget counts what is scheduled
    expect(q.budget.items.find((i) => i.coupon === 'return_coupon')!.count).toBe(12);
  });

  it('at-risk members get one recommendation on Tuesday, and no second one in the growth push', () => {
    const p = buildPlan(input([m('G1', 'growth', 100, 20, true), m('G2', 'growth', 90, 2), m('I1', 'intro', 50, 16, true)]));
    expect(tasks(p, 'at_risk').map((t) => [t.date, t.stage, t.memberIds])).toEqual([
      ['2026-10-27', 'intro', ['I1']],
      ['2026-10-27', 'growth', ['G1']],
    ]);
    expect(tasks(p, 'growth_trial')[0]!.memberIds).toEqual(['G2']);
  });

  it("lists the week's new members on their day and estimates the days after the data date", () => {
    const p = buildPlan(input([], { newMembers: [{ memberId: 'N1', date: '2026-10-27' }], recentNew: 14 }));
    const welcome = tasks(p, 'welcome');
    expect(welcome.map((t) => [t.date, t.memberIds, t.estimated])).toEqual([
      ['2026-10-26', [], null],
      ['2026-10-27', ['N1'], null],
      ['2026-10-28', [], null],
      ['2026-10-29', [], null],
      ['2026-10-30', [], null],
      ['2026-10-31', [], null],
      ['2026-11-01', [], 1], // 14 in 28 days: 0.5 a day
    ]);
    const intro = p.budget.items.filter((i) => i.stage === 'intro');
    expect(intro.map((i) => [i.coupon, i.count, i.estimated, i.totalFen])).toEqual([
      ['first_order_off', 1, false, 1000],
      ['first_order_off', 1, true, 1000],
      ['welcome_gift', 1, false, 600],
      ['welcome_gift', 1, true, 600],
    ]);
  });

  it('per-day estimates are integers that add up to the rounded weekly expectation', () => {
    for (let n = 0; n < 60; n++) {
      for (const days of [1, 3, 7]) {
        const e = newMemberEstimates(n, days);
        expect(e.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
        expect(e.reduce((a, b) => a + b, 0)).toBe(Math.round((n * days) / 28 + 1e-9));
      }
    }
  });

  it('budget: coupon value × members contacted, per item; the total is the sum', () => {
    const p = buildPlan(
      input([m('G1', 'growth', 100, 3), m('S1', 'silent', 100, 31), m('S2', 'silent', 90, 33), m('C1', 'churned', 100, 181)]),
    );
    expect(p.budget.items.map((i) => [i.coupon, i.count, i.unitFen, i.totalFen])).toEqual([
      ['trial_coupon', 1, 500, 500],
      ['return_coupon', 2, 1000, 2000],
      ['cashback', 1, 2000, 2000],
    ]);
    expect(p.budget.totalFen).toBe(4500);
  });

  it("targets: what the baseline means for this week's audiences", () => {
    const p = buildPlan(
      input([
        m('S1', 'silent', 100, 31),
        m('S2', 'silent', 90, 33),
        m('S3', 'silent', 80, 34),
        m('S4', 'silent', 70, 35),
        m('S5', 'silent', 60, 36),
      ]),
    );
    expect(p.targets.find((t) => t.kpi === 'wakeup_rate')).toMatchObject({ audience: 5, target: 25, implied: 2 }); // ceil(1.25)
    expect(p.targets.find((t) => t.kpi === 'first_order_conversion')).toMatchObject({ implied: null });
  });

  it('a week with nobody to contact is still a plan (interactions, materials, review) and says so', () => {
    const p = buildPlan(input([m('A1', 'mature', 100, 2)], { week: parseWeek('2026-W45', '2026-10-31')! }));
    expect(p.empty).toBe(true);
    expect(tasks(p, 'interaction')).toHaveLength(21);
    expect(tasks(p, 'prepare')).toHaveLength(1);
    expect(tasks(p, 'review')).toHaveLength(1);
    expect(p.budget).toEqual({ items: [], totalFen: 0 });
  });
});

describe('red lines (§4.3), enforced in code', () => {
  const stageOf = new Map<string, Stage>([
    ['S1', 'silent'],
    ['C1', 'churned'],
    ['G1', 'growth'],
  ]);
  const t = (action: PlanTask['action'], channel: PlanTask['channel'], memberIds: string[]): PlanTask => ({
    time: '19:30',
    allDay: false,
    action,
    slot: 0,
    stage: null,
    script: null,
    kit: null,
    channel,
    memberIds,
    holdoutIds: [],
    id: '',
    estimated: null,
  });

  it('a silent member gets at most one message a week: the second is dropped and counted', () => {
    const guard = new RedLines(stageOf);
    expect(guard.admit(t('silent_care', 'private', ['S1', 'G1'])).memberIds).toEqual(['S1', 'G1']);
    expect(guard.admit(t('at_risk', 'private', ['S1', 'G1'])).memberIds).toEqual(['G1']);
    expect(guard.blocked).toBe(1);
  });

  it('churned members get calls, never messages', () => {
    const guard = new RedLines(stageOf);
    expect(guard.admit(t('growth_trial', 'private', ['C1', 'G1'])).memberIds).toEqual(['G1']);
    expect(guard.admit(t('churned_call', 'call', ['C1'])).memberIds).toEqual(['C1']);
    expect(guard.blocked).toBe(1);
  });

  it('the checker finds breaches in a plan built by hand', () => {
    const days = [
      {
        date: '2026-10-26',
        weekday: 1,
        monthStart: false,
        afterAsOf: false,
        tasks: [t('silent_care', 'private', ['S1']), t('at_risk', 'private', ['S1', 'C1'])],
      },
    ];
    expect(redLineViolations(days, stageOf)).toEqual([
      '2026-10-26 at_risk: churned member C1 gets a private message',
      'silent member S1 gets 2 messages this week',
    ]);
  });

  it('holds for generated populations and every cadence (seeded)', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const stages: Stage[] = ['intro', 'growth', 'mature', 'silent', 'churned'];
    for (let run = 0; run < 40; run++) {
      const members = Array.from({ length: 60 }, (_, i) =>
        m(`M${i}`, stages[Math.floor(rnd() * 5)]!, Math.floor(rnd() * 100_000), Math.floor(rnd() * 400), rnd() < 0.3),
      );
      const every = 1 + Math.floor(rnd() * 4);
      const activities = { ...DEFAULT_CONFIG.activities, silent: { ...DEFAULT_CONFIG.activities.silent, care_every_weeks: every } };
      const p = buildPlan(input(members, { activities }));
      expect(redLineViolations(p.days, new Map(members.map((x) => [x.memberId, x.stage])))).toEqual([]);
      expect(p.budget.totalFen).toBe(p.budget.items.reduce((s, i) => s + i.count * i.unitFen, 0));
    }
  });
});
