import { describe, expect, it } from 'vitest';
import { buildPlan, redLineViolations, type PlanInput, type PlanMember } from '../../src/core/activities/plan.js';
import { inHoldout, parseOutcome, taskId, type LogFact } from '../../src/core/activities/contact-log.js';
import { checklistHeader, checklistRows, parseChecklistRecord } from '../../src/core/activities/checklist.js';
import { newcombeInterval, wilson } from '../../src/core/review/interval.js';
import { buildReview, upliftRatio } from '../../src/core/review/review.js';
import { parseWeek } from '../../src/core/shared/calendar.js';
import { addDays } from '../../src/core/shared/dates.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import type { Stage } from '../../src/core/members/lifecycle.js';

const week = (code: string) => parseWeek(code, '2026-10-31')!;
const W45 = week('2026-W45'); // Mon 2026-11-02 … Sun 2026-11-08
const m = (id: string, stage: Stage, lastOrderDate: string, spendFen = 1000): PlanMember => ({
  memberId: id,
  stage,
  atRisk: false,
  spendFen,
  lastOrderDate,
});
const input = (members: PlanMember[], over: Partial<PlanInput> = {}): PlanInput => ({
  leaderId: 'L1',
  week: W45,
  asOf: addDays(W45.start, -1),
  snapshot: addDays(W45.start, -1),
  members,
  newMembers: [],
  recentNew: 0,
  activities: { ...DEFAULT_CONFIG.activities, holdout_share: 0 },
  targets: DEFAULT_CONFIG.kpi.targets,
  stages: DEFAULT_CONFIG.stages,
  ...over,
});
/** The plan of `code` for these members, the Sunday before as the data date. */
const planOf = (code: string, members: PlanMember[], log: LogFact[], over: Partial<PlanInput> = {}) => {
  const w = week(code);
  return buildPlan(input(members, { week: w, asOf: addDays(w.start, -1), snapshot: addDays(w.start, -1), log, ...over }));
};
const inTasks = (p: ReturnType<typeof buildPlan>) => new Set(p.days.flatMap((d) => d.tasks.flatMap((t) => t.memberIds)));
const fact = (memberId: string, date: string, outcome: LogFact['outcome'], over: Partial<LogFact> = {}): LogFact => ({
  taskId: null,
  memberId,
  date,
  action: 'manual',
  stage: null,
  group: 'contact',
  outcome,
  ...over,
});

describe('the holdout (activities.holdout_share)', () => {
  const ids = Array.from({ length: 20_000 }, (_, i) => `M${String(i).padStart(5, '0')}`);

  it('is about the configured share on a large list, and 0 turns it off', () => {
    for (const share of [0.1, 0.25]) {
      const n = ids.filter((id) => inHoldout('L1', '2026-W45', id, share)).length;
      expect(Math.abs(n / ids.length - share)).toBeLessThan(0.01); // 3 standard deviations is 0.0064 at 0.1
    }
    expect(ids.filter((id) => inHoldout('L1', '2026-W45', id, 0))).toEqual([]);
  });

  it('is reproducible, does not depend on list order, and changes with the week and the leader', () => {
    const draw = (list: string[], w: string, l = 'L1') => list.filter((id) => inHoldout(l, w, id, 0.1)).sort();
    const a = draw(ids, '2026-W45');
    expect(draw([...ids].reverse(), '2026-W45')).toEqual(a);
    expect(draw(ids, '2026-W46')).not.toEqual(a);
    expect(draw(ids, '2026-W45', 'L2')).not.toEqual(a);
  });

  it('a plan sets the holdout apart in every list and never inside a task; the checker finds one that is', () => {
    const members = Array.from({ length: 300 }, (_, i) => m(`S${String(i).padStart(3, '0')}`, 'silent', '2026-09-28', 1000 + i));
    const p = planOf('2026-W45', members, [], {
      activities: {
        ...DEFAULT_CONFIG.activities,
        holdout_share: 0.1,
        max_private_per_day: 1000,
        silent: { ...DEFAULT_CONFIG.activities.silent, care_per_week: 300 },
      },
    });
    const care = p.days.flatMap((d) => d.tasks).find((t) => t.action === 'silent_care')!;
    expect(care.holdoutIds.length).toBeGreaterThan(10);
    expect(care.memberIds.length + care.holdoutIds.length).toBe(300);
    expect(care.holdoutIds.every((id) => inHoldout('L1', '2026-W45', id, 0.1))).toBe(true);
    expect(care.memberIds.some((id) => care.holdoutIds.includes(id))).toBe(false);
    expect(p.holdout).toBe(care.holdoutIds.length);
    const stageOf = new Map(members.map((x) => [x.memberId, x.stage] as const));
    const broken = p.days.map((d) => ({
      ...d,
      tasks: d.tasks.map((t) => (t === care ? { ...t, memberIds: [...t.memberIds, t.holdoutIds[0]!] } : t)),
    }));
    expect(redLineViolations(broken, stageOf)).toContainEqual(expect.stringMatching(/holdout member S\d+ is inside a task/));
  });
});

describe('the plan respects the contact log', () => {
  it('a do_not_disturb member never comes back in later plans, until clear', () => {
    // silent, due every week (care_every_weeks 1), so only the log can keep A out
    const act = { ...DEFAULT_CONFIG.activities, holdout_share: 0, silent: { ...DEFAULT_CONFIG.activities.silent, care_every_weeks: 1 } };
    const members = [m('A', 'silent', '2026-09-01'), m('B', 'silent', '2026-09-01')];
    const log = [fact('A', '2026-11-05', 'do_not_disturb')];
    for (const w of ['2026-W46', '2026-W47', '2026-W50', '2027-W10']) {
      const p = planOf(w, members, log, { activities: act });
      expect(inTasks(p).has('A')).toBe(false);
      expect(inTasks(p).has('B')).toBe(true);
      expect(p.excluded.doNotDisturb).toBe(1);
    }
    const cleared = [...log, fact('A', '2026-11-20', 'clear')];
    expect(inTasks(planOf('2026-W48', members, cleared, { activities: act })).has('A')).toBe(true);
    // a later do_not_disturb wins again
    expect(
      inTasks(planOf('2026-W50', members, [...cleared, fact('A', '2026-12-01', 'do_not_disturb')], { activities: act })).has('A'),
    ).toBe(false);
  });

  it('a declined member rests activities.rest_weeks_after_decline weeks, then returns', () => {
    const act = { ...DEFAULT_CONFIG.activities, holdout_share: 0, silent: { ...DEFAULT_CONFIG.activities.silent, care_every_weeks: 1 } };
    const members = [m('A', 'silent', '2026-09-01')];
    const log = [fact('A', '2026-11-05', 'declined', { group: 'contact', taskId: 'tx', action: 'silent_care' })]; // in 2026-W45
    const shown = (w: string, a = act) => inTasks(planOf(w, members, log, { activities: a })).has('A');
    expect(['2026-W46', '2026-W47', '2026-W48', '2026-W49'].map((w) => shown(w))).toEqual([false, false, false, false]);
    expect(shown('2026-W50')).toBe(true);
    const two = { ...act, rest_weeks_after_decline: 2 };
    expect(['2026-W46', '2026-W47', '2026-W48'].map((w) => shown(w, two))).toEqual([false, false, true]);
  });

  it('the silent red line counts the contacts logged that week', () => {
    const members = [m('A', 'silent', '2026-09-28'), m('B', 'silent', '2026-09-28')]; // both due in W45
    const p0 = planOf('2026-W45', members, []);
    expect([...inTasks(p0)].sort()).toEqual(['A', 'B']);
    // A already got a message this week (logged by hand on Monday): the Thursday care message would be a second one
    const p = planOf('2026-W45', members, [fact('A', '2026-11-02', 'sent')]);
    expect([...inTasks(p)]).toEqual(['B']);
    expect(p.blocked).toBe(1);
    // a contact logged for this plan's own task is that task, not a second message
    const own = p0.days.flatMap((d) => d.tasks).find((t) => t.action === 'silent_care')!.id;
    expect([...inTasks(planOf('2026-W45', members, [fact('A', '2026-11-05', 'sent', { taskId: own })]))].sort()).toEqual(['A', 'B']);
  });

  it('rotation starts from the last logged contact', () => {
    // quiet since 2026-09-01: the calendar (every 4 weeks from day 31) makes A due in W45 (65 days at the Sunday before)
    const members = [m('A', 'silent', '2026-08-31')];
    expect(inTasks(planOf('2026-W45', members, [])).has('A')).toBe(true);
    // contacted in W43: due again 4 weeks after that week, in W47, not in W45
    const log = [fact('A', '2026-10-22', 'sent', { taskId: 'tx', action: 'silent_care' })];
    expect(inTasks(planOf('2026-W45', members, log)).has('A')).toBe(false);
    expect(inTasks(planOf('2026-W46', members, log)).has('A')).toBe(false);
    expect(inTasks(planOf('2026-W47', members, log)).has('A')).toBe(true);
  });
});

describe('the checklist', () => {
  it('task ids are stable, and one row per task and member with the holdout rows', () => {
    expect(taskId('L1', '2026-11-05', '19:30', 'silent_care', 'silent')).toBe('td91c7142b4'); // test/fixtures/review/README.md
    const members = Array.from({ length: 30 }, (_, i) => m(`S${String(i).padStart(2, '0')}`, 'silent', '2026-09-28'));
    const p = planOf('2026-W45', members, [], {
      activities: { ...DEFAULT_CONFIG.activities, holdout_share: 0.2, max_private_per_day: 1000 },
    });
    const rows = checklistRows(p, 'L1', (id) => `name of ${id}`);
    expect(rows).toHaveLength(30); // activities.silent.care_per_week
    expect(new Set(rows.map((r) => r.task_id))).toEqual(new Set([taskId('L1', '2026-11-05', '19:30', 'silent_care', 'silent')]));
    expect(rows.filter((r) => r.group === 'holdout').map((r) => r.member_id)).toEqual(
      members.map((x) => x.memberId).filter((id) => inHoldout('L1', '2026-W45', id, 0.2)), // same spend: by id
    );
    expect(rows.every((r) => r.outcome === '' && r.note === '')).toBe(true);
  });

  it('reads outcomes in Chinese or English; an unknown word or task is rejected with its line', () => {
    const { index, missing } = checklistHeader([
      '\uFEFFtask_id',
      'date',
      'time',
      'leader_id',
      'member_id',
      'member',
      'stage',
      'action',
      'script',
      'group',
      'outcome',
      'note',
    ]);
    expect(missing).toEqual([]);
    const id = taskId('L1', '2026-11-05', '19:30', 'silent_care', 'silent');
    const row = (outcome: string, tid = id) => [
      tid,
      '2026-11-05',
      '19:30',
      'L1',
      'S1',
      '张*',
      'silent',
      'silent_care',
      'script-silent',
      'contact',
      outcome,
      '',
    ];
    for (const [word, want] of [
      ['已发送', 'sent'],
      ['Replied', 'replied'],
      ['拒绝', 'declined'],
      ['不再打扰', 'do_not_disturb'],
      ['联系不上', 'unreachable'],
      ['', null],
    ] as const) {
      const r = parseChecklistRecord(index, row(word), 7);
      expect(r.ok && r.row.outcome).toBe(want);
    }
    expect(parseChecklistRecord(index, row('maybe'), 9)).toMatchObject({ ok: false, line: 9, field: 'outcome' });
    expect(parseChecklistRecord(index, row('sent', 'tffffffffff'), 10)).toMatchObject({ ok: false, line: 10, field: 'task_id' });
    // a spreadsheet's date and time cells (a workbook reads them as core/ingest/cells.ts writes them), and Excel's 9:30
    const cells = (date: string, time: string) => row('sent').map((c, i) => (i === 1 ? date : i === 2 ? time : c));
    for (const [date, time] of [
      ['2026-11-05 00:00:00', '19:30:00'],
      ['2026-11-05', '19:30:00'],
      ['2026-11-05 00:00', '19:30'],
    ] as const)
      expect(parseChecklistRecord(index, cells(date, time), 3)).toMatchObject({ ok: true, row: { date: '2026-11-05', time: '19:30' } });
    const early = taskId('L1', '2026-11-05', '09:30', 'silent_care', 'silent');
    expect(parseChecklistRecord(index, cells('2026-11-05', '9:30').with(0, early), 4)).toMatchObject({ ok: true, row: { time: '09:30' } });
    expect(parseChecklistRecord(index, cells('2026-11-05 08:00:00', '19:30'), 5)).toMatchObject({ ok: false, field: 'date' });
    expect(parseChecklistRecord(index, cells('2026-11-05', '19:30:15'), 6)).toMatchObject({ ok: false, field: 'task_id' });
    expect(parseOutcome(' CLEAR ')).toBe('clear');
    expect(checklistHeader(['task_id', 'member_id']).missing).toContain('outcome');
  });
});

describe("Newcombe's hybrid score interval (Newcombe 1998, Statistics in Medicine 17:873–890, Table II, method 10)", () => {
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339], // example (a): difference 0.2
    [9, 10, 3, 10, 0.1705, 0.809], // (b)
    [5, 56, 0, 29, -0.0381, 0.1926], // (d)
    [0, 10, 0, 20, -0.1611, 0.2775], // (e)
    [10, 10, 0, 20, 0.6791, 1], // (g)
  ])('%i/%i − %i/%i: %f to %f', (x1, n1, x2, n2, lo, hi) => {
    const [l, u] = newcombeInterval(x1, n1, x2, n2);
    expect(l).toBeCloseTo(lo, 4);
    expect(u).toBeCloseTo(hi, 4);
  });

  it('Wilson interval of 0/10 starts at 0 and of 10/10 ends at 1', () => {
    expect(wilson(0, 10)[0]).toBe(0);
    expect(wilson(10, 10)[1]).toBeCloseTo(1, 12);
  });
});

describe('the review (core/review/review.ts)', () => {
  const row = (memberId: string, group: 'contact' | 'holdout', outcome: LogFact['outcome'], date = '2026-11-05'): LogFact => ({
    taskId: 't1',
    memberId,
    date,
    action: 'silent_care',
    stage: 'silent',
    group,
    outcome,
  });

  it('counts an order on the task date or within the next N−1 days; fewer than 30 holdout members is not measurable', () => {
    const rows = [
      row('A', 'contact', 'sent'),
      row('B', 'contact', 'declined'),
      row('C', 'contact', 'unreachable'),
      row('D', 'contact', null),
      row('H', 'holdout', null),
    ];
    const orders = [
      { memberId: 'A', date: '2026-11-18', spendFen: 500, discountFen: 100 }, // day 14 of 14
      { memberId: 'B', date: '2026-11-19', spendFen: 700, discountFen: 0 }, // day 15: outside
      { memberId: 'C', date: '2026-11-06', spendFen: 900, discountFen: 0 }, // unreachable: not among the contacted
      { memberId: 'H', date: '2026-11-05', spendFen: 300, discountFen: 0 },
    ];
    const r = buildReview({ from: '2026-11-02', to: '2026-11-08', windowDays: 14, rows, orders });
    expect(r.execution_rate).toBe(0.5); // 2 contacted of 4 planned
    expect(r.groups[0]).toMatchObject({
      planned: 4,
      contacted: 2,
      unreachable: 1,
      not_done: 1,
      holdout: 1,
      contacted_ordered: 1,
      holdout_ordered: 1,
      contacted_rate: 0.5,
      holdout_rate: 1,
      uplift: null,
      uplift_ci: null,
      uplift_reason: 'not yet measurable: 1 holdout members, at least 30 needed',
      contacted_spend_fen: 500,
      contacted_discount_fen: 100,
      holdout_spend_fen: 300,
    });
    expect(upliftRatio(r, 'silent_care')).toBeNull();
  });

  it('the uplift as an exact KPI value once 30 holdout members are there', () => {
    const rows = [
      ...Array.from({ length: 40 }, (_, i) => row(`C${i}`, 'contact', 'sent')),
      ...Array.from({ length: 30 }, (_, i) => row(`H${i}`, 'holdout', null)),
    ];
    const orders = [
      ...Array.from({ length: 20 }, (_, i) => ({ memberId: `C${i}`, date: '2026-11-06', spendFen: 100, discountFen: 0 })),
      ...Array.from({ length: 6 }, (_, i) => ({ memberId: `H${i}`, date: '2026-11-06', spendFen: 100, discountFen: 0 })),
    ];
    const r = buildReview({ from: '2026-11-02', to: '2026-11-08', windowDays: 14, rows, orders });
    expect(r.groups[0]!.uplift).toBeCloseTo(0.3, 12);
    expect(r.groups[0]!.uplift_ci![0]).toBeCloseTo(0.072285, 6); // test/fixtures/review/README.md
    expect(r.groups[0]!.uplift_ci![1]).toBeCloseTo(0.481438, 6);
    expect(upliftRatio(r, 'silent_care')).toEqual({ num: 20 * 30 - 6 * 40, den: 40 * 30 }); // 360/1200 = 0.3
  });
});
