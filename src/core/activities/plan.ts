/**
 * The weekly plan (SPEC §7, seed §4.3 黄金触达时间表): for one leader and one ISO week, the tasks of
 * each day with their audience, script and kit; the KPI targets of the audiences; the coupon budget.
 * Red lines are enforced here, not in templates: a silent member gets at most one message a week, and
 * churned members only get calls. Pure.
 */
import type { ActivitiesConfig } from '../../activities-config.js';
import { addDays, daysBetween, isoWeekday } from '../shared/index.js';
import { CONTACTED, dueFromLog, inHoldout, logStates, taskId, type LogFact, type MemberLogState } from './contact-log.js';
import type { Stage } from '../members/index.js';
import { offersFrom } from './activities.js';
import { audienceTargets } from './activity-context.js';
import type { KpiTargets } from '../kpi/index.js';
import { weekDates, type IsoWeek } from '../shared/index.js';
import { atUsualHours, byRecoverableValue } from './plan-value.js';

export const SILENT_MAX_PER_WEEK = 1;
/** Days of first orders that estimate how many new members a future day brings. */
export const NEW_MEMBER_WINDOW_DAYS = 28;

export type Action =
  | 'interaction'
  | 'prepare'
  | 'welcome'
  | 'at_risk'
  | 'growth_trial'
  | 'mature_update'
  | 'silent_care'
  | 'churned_call'
  | 'review';
export type Channel = 'group' | 'private' | 'call' | 'self';

export interface PlanTask {
  /** HH:MM, or `+2h` for welcomes */
  time: string;
  allDay: boolean;
  action: Action;
  /** 1-based number of a community interaction, 0 otherwise */
  slot: number;
  stage: Stage | null;
  script: string | null;
  kit: string | null;
  channel: Channel;
  memberIds: string[];
  /** the task's members set aside as the week's control group (对照组): not contacted */
  holdoutIds: string[];
  /** the stable id of the task (contact-log.ts taskId) */
  id: string;
  /** expected new members on a day after the data date */
  estimated: number | null;
}

export interface PlanDay {
  date: string;
  weekday: number;
  monthStart: boolean;
  afterAsOf: boolean;
  tasks: PlanTask[];
}

export interface PlanMember {
  memberId: string;
  stage: Stage;
  atRisk: boolean;
  spendFen: number;
  lastOrderDate: string;
  /** the value the member can still bring back (CLV, core/predict), if predicted: orders the silent and churned lists */
  valueFen?: number | null;
  /** the hour the member usually orders at (core/members/rhythm.ts), if any: one-to-one messages go then */
  usualHour?: number | null;
}

export interface PlanInput {
  /** the leader the plan is for (the holdout draw and the task ids depend on it) */
  leaderId: string;
  week: IsoWeek;
  asOf: string;
  snapshot: string;
  /** the leader's members segmented as of `snapshot` */
  members: readonly PlanMember[];
  /** members whose first counted order falls in the week, on or before `asOf` */
  newMembers: readonly { memberId: string; date: string }[];
  /** members whose first order is in the NEW_MEMBER_WINDOW_DAYS days up to `snapshot` */
  recentNew: number;
  activities: ActivitiesConfig;
  /** kpi.targets */
  targets: KpiTargets;
  stages: { silent_after_days: number; churned_after_days: number };
  /** the contact log of the leader's members up to the week's end (empty: no log yet) */
  log?: readonly LogFact[];
}

export interface BudgetItem {
  stage: Stage;
  coupon: 'first_order_off' | 'welcome_gift' | 'trial_coupon' | 'return_coupon' | 'cashback';
  count: number;
  unitFen: number;
  totalFen: number;
  estimated: boolean;
}

export interface PlanTarget {
  stage: Stage;
  kpi: string;
  target: number;
  challenge: number | null;
  audience: number;
  implied: number | null;
}

export interface Plan {
  week: IsoWeek;
  asOf: string;
  snapshot: string;
  days: PlanDay[];
  overview: { stage: Stage; members: number; contacts: number }[];
  targets: PlanTarget[];
  budget: { items: BudgetItem[]; totalFen: number };
  /** due this week but over a cap: silent care and churned calls (weekly caps), one-to-one messages (daily cap) */
  deferred: { silent: number; churned: number; private: number };
  /** messages the red lines removed */
  blocked: number;
  /** members the contact log keeps out of every task: 不再打扰, and resting after a decline */
  excluded: { doNotDisturb: number; resting: number };
  /** the week's control group: distinct members set aside in some task (activities.holdout_share) */
  holdout: number;
  /** nobody to contact this week */
  empty: boolean;
}

/** The date the audiences are taken at: the Sunday before the week, or the data date if earlier. */
export function planSnapshot(week: IsoWeek, asOf: string): string {
  const sunday = addDays(week.start, -1);
  return asOf < sunday ? asOf : sunday;
}

/**
 * Rotation: a member quiet for more than `afterDays` is due in the week they crossed it and then every
 * `everyWeeks` weeks, counted at the Sunday before the week, so contacts spread over the weeks.
 */
export function isDue(lastOrderDate: string, weekStart: string, afterDays: number, everyWeeks: number): boolean {
  const r = daysBetween(lastOrderDate, addDays(weekStart, -1));
  if (r <= afterDays) return false;
  return Math.floor((r - afterDays - 1) / 7) % everyWeeks === 0;
}

const STAGE_ORDER: readonly Stage[] = ['intro', 'growth', 'mature', 'silent', 'churned'];

function bySpend(a: PlanMember, b: PlanMember): number {
  return b.spendFen - a.spendFen || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);
}

/** Admits tasks under the red lines, dropping members a task may not reach. */
export class RedLines {
  private readonly silentMessages = new Map<string, number>();
  blocked = 0;
  constructor(
    private readonly stageOf: ReadonlyMap<string, Stage>,
    /** messages each member already had this week outside the plan (the contact log) */
    before: ReadonlyMap<string, number> = new Map(),
  ) {
    for (const [id, n] of before) if (stageOf.get(id) === 'silent') this.silentMessages.set(id, n);
  }

  admit(task: PlanTask): PlanTask {
    if (task.channel === 'group' || task.channel === 'self') return task;
    const kept = task.memberIds.filter((id) => {
      const s = this.stageOf.get(id);
      if (s === 'churned' && task.channel !== 'call') return this.block();
      if (s === 'silent') {
        const n = this.silentMessages.get(id) ?? 0;
        if (n >= SILENT_MAX_PER_WEEK) return this.block();
        this.silentMessages.set(id, n + 1);
      }
      return true;
    });
    return { ...task, memberIds: kept };
  }

  private block(): false {
    this.blocked++;
    return false;
  }
}

/**
 * Red-line breaches in a finished plan (empty when it holds); a non-empty result is a bug. Besides the two red
 * lines: no holdout member and no member the log keeps out (`excluded`) is inside a task; `before` counts the
 * messages of the week the contact log already holds.
 */
export function redLineViolations(
  days: readonly PlanDay[],
  stageOf: ReadonlyMap<string, Stage>,
  before: ReadonlyMap<string, number> = new Map(),
  excluded: ReadonlySet<string> = new Set(),
): string[] {
  const seen = new Map<string, number>([...before].filter(([id]) => stageOf.get(id) === 'silent'));
  const out: string[] = [];
  const holdout = new Set(days.flatMap((d) => d.tasks.flatMap((t) => t.holdoutIds)));
  for (const d of days) {
    for (const t of d.tasks) {
      for (const id of t.memberIds) {
        if (holdout.has(id)) out.push(`${d.date} ${t.action}: holdout member ${id} is inside a task`);
        if (excluded.has(id)) out.push(`${d.date} ${t.action}: member ${id} is kept out by the contact log`);
      }
      if (t.channel === 'group' || t.channel === 'self') continue;
      for (const id of t.memberIds) {
        const s = stageOf.get(id);
        if (s === 'churned' && t.channel !== 'call') out.push(`${d.date} ${t.action}: churned member ${id} gets a ${t.channel} message`);
        if (s === 'silent') seen.set(id, (seen.get(id) ?? 0) + 1);
      }
    }
  }
  for (const [id, n] of seen) if (n > SILENT_MAX_PER_WEEK) out.push(`silent member ${id} gets ${n} messages this week`);
  return out;
}

const task = (t: Partial<PlanTask> & Pick<PlanTask, 'time' | 'action' | 'channel'>): PlanTask => ({
  allDay: false,
  slot: 0,
  stage: null,
  script: null,
  kit: null,
  memberIds: [],
  holdoutIds: [],
  id: '',
  estimated: null,
  ...t,
});

interface Audiences {
  atRisk: Map<Stage, string[]>;
  growth: string[];
  mature: string[];
  silent: string[];
  churned: string[];
  deferred: { silent: number; churned: number };
  /** members the log keeps out of every task */
  excluded: { doNotDisturb: string[]; resting: string[] };
}

/**
 * One-to-one messages a day may hold beyond welcomes (activities.max_private_per_day), by priority: at-risk
 * members first (intro, growth, mature), then the mature benefits update, silent care, growth trials. Welcomes
 * are not moved (they cannot wait) but use up the day's room.
 */
const PRIVATE_PRIORITY: Partial<Record<Action, number>> = { at_risk: 1, mature_update: 2, silent_care: 3, growth_trial: 4 };

/**
 * The daily cap on one-to-one messages: members a day cannot hold move to the same task on the next days of
 * the week (same time), highest priority first; what does not fit by Sunday is deferred (counted). A task
 * that gave all its members to later days is dropped. Moving never adds a message, so red lines still hold.
 */
export function capPrivate(
  days: readonly PlanDay[],
  cap: number,
  idOn: (t: PlanTask, date: string) => string = (t) => t.id,
): { days: PlanDay[]; deferred: number } {
  // the holdout of a task goes with its first share that is sent, so the control group's date (the review's
  // window) is the date the contacts get; a task deferred whole takes its holdout with it
  let carry: { task: PlanTask; ids: string[]; holdout: string[] }[] = [];
  const out = days.map((d) => {
    const welcomes = d.tasks.filter((t) => t.channel === 'private' && PRIVATE_PRIORITY[t.action] === undefined);
    let room = Math.max(0, cap - welcomes.reduce((s, t) => s + t.memberIds.length, 0));
    const own = d.tasks.filter((t) => t.channel === 'private' && PRIVATE_PRIORITY[t.action] !== undefined);
    const queue = [
      ...carry.map((c) => ({ ...c, carried: true })),
      ...own.map((t) => ({ task: t, ids: t.memberIds, holdout: t.holdoutIds, carried: false })),
    ];
    queue.sort((a, b) => PRIVATE_PRIORITY[a.task.action]! - PRIVATE_PRIORITY[b.task.action]! || Number(b.carried) - Number(a.carried));
    carry = [];
    const kept = new Map<PlanTask, { ids: string[]; holdout: string[] }>();
    const moved: PlanTask[] = [];
    for (const q of queue) {
      const take = q.ids.slice(0, room);
      room -= take.length;
      const sentNow = take.length > 0 || q.ids.length === 0;
      const holdout = sentNow ? q.holdout : [];
      if (take.length < q.ids.length) carry.push({ task: q.task, ids: q.ids.slice(take.length), holdout: sentNow ? [] : q.holdout });
      if (!q.carried) kept.set(q.task, { ids: take, holdout });
      // a moved share is a task of its own day (its own task_id)
      else if (take.length > 0) moved.push({ ...q.task, memberIds: take, holdoutIds: holdout, id: idOn(q.task, d.date) });
    }
    const tasks = d.tasks.flatMap((t) => {
      const k = kept.get(t);
      if (k === undefined) return [t];
      return k.ids.length === 0 && t.memberIds.length > 0 ? [] : [{ ...t, memberIds: k.ids, holdoutIds: k.holdout }];
    });
    return { ...d, tasks: [...tasks, ...moved].sort(byTime) };
  });
  return { days: out, deferred: carry.reduce((s, c) => s + c.ids.length, 0) };
}

/** Whether a quiet member is due this week: from the last logged contact when there is one, else the calendar. */
function due(m: PlanMember, st: MemberLogState | undefined, weekStart: string, afterDays: number, everyWeeks: number): boolean {
  return (
    dueFromLog(st?.lastContact ?? null, m.lastOrderDate, weekStart, everyWeeks) ?? isDue(m.lastOrderDate, weekStart, afterDays, everyWeeks)
  );
}

function audiences(inp: PlanInput, states: ReadonlyMap<string, MemberLogState>): Audiences {
  const dnd = inp.members.filter((m) => states.get(m.memberId)?.doNotDisturb).map((m) => m.memberId);
  const resting = inp.members
    .filter((m) => !states.get(m.memberId)?.doNotDisturb && states.get(m.memberId)?.resting)
    .map((m) => m.memberId);
  const out = new Set([...dnd, ...resting]);
  const sorted = inp.members.filter((m) => !out.has(m.memberId)).sort(bySpend);
  const a = inp.activities;
  const atRisk = new Map<Stage, string[]>();
  for (const s of ['intro', 'growth', 'mature'] as const)
    atRisk.set(
      s,
      sorted.filter((m) => m.stage === s && m.atRisk).map((m) => m.memberId),
    );
  const contacted = new Set([...atRisk.values()].flat());
  const byValue = [...sorted].sort(byRecoverableValue);
  const silentDue = byValue.filter(
    (m) => m.stage === 'silent' && due(m, states.get(m.memberId), inp.week.start, inp.stages.silent_after_days, a.silent.care_every_weeks),
  );
  const churnedDue = byValue.filter(
    (m) =>
      m.stage === 'churned' && due(m, states.get(m.memberId), inp.week.start, inp.stages.churned_after_days, a.churned.call_every_weeks),
  );
  return {
    atRisk,
    growth: sorted.filter((m) => m.stage === 'growth' && !contacted.has(m.memberId)).map((m) => m.memberId),
    mature: sorted.filter((m) => m.stage === 'mature').map((m) => m.memberId),
    silent: silentDue.slice(0, a.silent.care_per_week).map((m) => m.memberId),
    churned: churnedDue.slice(0, a.churned.calls_per_week).map((m) => m.memberId),
    deferred: {
      silent: Math.max(0, silentDue.length - a.silent.care_per_week),
      churned: Math.max(0, churnedDue.length - a.churned.calls_per_week),
    },
    excluded: { doNotDisturb: dnd, resting },
  };
}

/** Expected new members per future day; integers that add up to the rounded weekly expectation. */
export function newMemberEstimates(recentNew: number, futureDays: number): number[] {
  const cum = (i: number) => Math.floor((2 * recentNew * i + NEW_MEMBER_WINDOW_DAYS) / (2 * NEW_MEMBER_WINDOW_DAYS));
  return Array.from({ length: futureDays }, (_, i) => cum(i + 1) - cum(i));
}

function dayTasks(inp: PlanInput, date: string, aud: Audiences, estimate: number | null): PlanTask[] {
  const sch = inp.activities.schedule;
  const wd = isoWeekday(date);
  const out: PlanTask[] = sch.interactions.map((time, i) => task({ time, action: 'interaction', slot: i + 1, channel: 'group' }));
  const kept = (id: string) => !aud.excluded.doNotDisturb.includes(id) && !aud.excluded.resting.includes(id);
  const welcomes = inp.newMembers.filter((n) => n.date === date && kept(n.memberId)).map((n) => n.memberId);
  out.push(
    task({
      time: `+${sch.welcome_within_hours}h`,
      allDay: true,
      action: 'welcome',
      stage: 'intro',
      script: 'script-welcome',
      kit: 'kit-intro',
      channel: 'private',
      memberIds: welcomes,
      estimated: date > inp.asOf ? estimate : null,
    }),
  );
  const at = (slot: { weekday: number; time: string }, make: (time: string) => PlanTask[]) => {
    if (slot.weekday === wd) out.push(...make(slot.time));
  };
  at(sch.prepare, (time) => [task({ time, action: 'prepare', channel: 'self' })]);
  at(sch.at_risk, (time) =>
    (['intro', 'growth', 'mature'] as const)
      .filter((s) => aud.atRisk.get(s)!.length > 0)
      .map((s) =>
        task({
          time,
          action: 'at_risk',
          stage: s,
          // a mature member is asked how they are and reminded of their benefits, not offered a trial voucher
          script: s === 'mature' ? 'script-mature-care' : 'script-growth',
          kit: `kit-${s}`,
          channel: 'private',
          memberIds: aud.atRisk.get(s)!,
        }),
      ),
  );
  at(sch.growth_trial, (time) => [
    task({
      time,
      action: 'growth_trial',
      stage: 'growth',
      script: 'script-growth',
      kit: 'kit-growth',
      channel: 'private',
      memberIds: aud.growth,
    }),
  ]);
  const hours = new Map(inp.members.map((m) => [m.memberId, m.usualHour]));
  at(sch.silent_care, (time) =>
    atUsualHours(
      task({
        time,
        action: 'silent_care',
        stage: 'silent',
        script: 'script-silent',
        kit: 'kit-silent',
        channel: 'private',
        memberIds: aud.silent,
      }),
      (id) => hours.get(id),
    ),
  );
  at(sch.churned_calls, (time) =>
    atUsualHours(
      task({
        time,
        action: 'churned_call',
        stage: 'churned',
        script: 'script-churned',
        kit: 'kit-churned',
        channel: 'call',
        memberIds: aud.churned,
      }),
      (id) => hours.get(id),
    ),
  );
  at(sch.review, (time) => [task({ time, action: 'review', channel: 'self' })]);
  if (Number(date.slice(8, 10)) === sch.mature_update.day_of_month) {
    out.push(
      task({
        time: sch.mature_update.time,
        action: 'mature_update',
        stage: 'mature',
        script: 'script-mature',
        kit: 'kit-mature',
        channel: 'private',
        memberIds: aud.mature,
      }),
    );
  }
  return out.sort(byTime);
}

function byTime(x: PlanTask, y: PlanTask): number {
  return Number(y.allDay) - Number(x.allDay) || (x.time < y.time ? -1 : x.time > y.time ? 1 : x.slot - y.slot);
}

/** A task with its id and its members split into those to contact and the holdout (the week's control group). */
function drawHoldout(inp: PlanInput, date: string, t: PlanTask): PlanTask {
  const id = taskId(inp.leaderId, date, t.time, t.action, t.stage);
  if (t.channel === 'group' || t.channel === 'self') return { ...t, id };
  const share = inp.activities.holdout_share;
  const held = (m: string) => inHoldout(inp.leaderId, inp.week.code, m, share);
  return { ...t, id, memberIds: t.memberIds.filter((m) => !held(m)), holdoutIds: t.memberIds.filter(held) };
}

/** Messages of the week the contact log holds from outside this plan (contacts logged by hand, other tasks). */
function loggedThisWeek(inp: PlanInput, planTaskIds: ReadonlySet<string>): Map<string, number> {
  const n = new Map<string, number>();
  for (const f of inp.log ?? []) {
    if (f.date < inp.week.start || f.date > inp.week.end || f.outcome === null || !CONTACTED.includes(f.outcome)) continue;
    if (f.group !== 'contact' || (f.taskId !== null && planTaskIds.has(f.taskId))) continue;
    n.set(f.memberId, (n.get(f.memberId) ?? 0) + 1);
  }
  return n;
}

export function buildPlan(inp: PlanInput): Plan {
  const stageOf = new Map(inp.members.map((m) => [m.memberId, m.stage] as const));
  const aud = audiences(inp, logStates(inp.log ?? [], inp.week.start, inp.activities.rest_weeks_after_decline));
  const dates = weekDates(inp.week);
  const future = dates.filter((d) => d > inp.asOf);
  const estimates = newMemberEstimates(inp.recentNew, future.length);
  const drafted = dates.map((date) => ({
    date,
    tasks: dayTasks(inp, date, aud, estimates[future.indexOf(date)] ?? null).map((t) => drawHoldout(inp, date, t)),
  }));
  const before = loggedThisWeek(inp, new Set(drafted.flatMap((d) => d.tasks.map((t) => t.id))));
  const guard = new RedLines(stageOf, before);
  const admitted: PlanDay[] = drafted.map(({ date, tasks }) => ({
    date,
    weekday: isoWeekday(date),
    afterAsOf: date > inp.asOf,
    monthStart: Number(date.slice(8, 10)) === inp.activities.schedule.mature_update.day_of_month,
    tasks: tasks.map((t) => guard.admit(t)),
  }));
  const excluded = new Set([...aud.excluded.doNotDisturb, ...aud.excluded.resting]);
  const { days, deferred } = capPrivate(admitted, inp.activities.max_private_per_day, (t, date) =>
    taskId(inp.leaderId, date, t.time, t.action, t.stage),
  );
  const violations = redLineViolations(days, stageOf, before, excluded);
  if (violations.length) throw new Error(`plan breaks a red line: ${violations.join('; ')}`);
  return summarise(
    inp,
    days,
    { ...aud.deferred, private: deferred },
    aud.excluded,
    guard.blocked,
    estimates.reduce((s, n) => s + n, 0),
  );
}

function contactsOf(days: readonly PlanDay[], stage: Stage): number {
  return new Set(days.flatMap((d) => d.tasks.filter((t) => t.stage === stage).flatMap((t) => t.memberIds))).size;
}

function summarise(
  inp: PlanInput,
  days: PlanDay[],
  deferred: Plan['deferred'],
  excluded: Audiences['excluded'],
  blocked: number,
  expectedNew: number,
): Plan {
  const o = offersFrom(inp.activities, 'zh-CN');
  const known = inp.newMembers.length;
  const contacts = Object.fromEntries(STAGE_ORDER.map((s) => [s, contactsOf(days, s)])) as Record<Stage, number>;
  const sent = (action: Action) =>
    new Set(days.flatMap((d) => d.tasks.filter((t) => t.action === action).flatMap((t) => t.memberIds))).size;
  const raw: Omit<BudgetItem, 'totalFen'>[] = [
    { stage: 'intro', coupon: 'first_order_off', count: known, unitFen: o.intro.first_order_off_fen, estimated: false },
    { stage: 'intro', coupon: 'first_order_off', count: expectedNew, unitFen: o.intro.first_order_off_fen, estimated: true },
    { stage: 'intro', coupon: 'welcome_gift', count: known, unitFen: o.intro.welcome_gift_cost_fen, estimated: false },
    { stage: 'intro', coupon: 'welcome_gift', count: expectedNew, unitFen: o.intro.welcome_gift_cost_fen, estimated: true },
    { stage: 'growth', coupon: 'trial_coupon', count: sent('growth_trial'), unitFen: o.growth.trial_coupon_fen, estimated: false },
    { stage: 'silent', coupon: 'return_coupon', count: sent('silent_care'), unitFen: o.silent.return_coupon_fen, estimated: false },
    { stage: 'churned', coupon: 'cashback', count: sent('churned_call'), unitFen: o.churned.cashback_cap_fen, estimated: false },
  ];
  const items = raw.filter((i) => i.count > 0 && i.unitFen > 0).map((i) => ({ ...i, totalFen: i.count * i.unitFen }));
  const count = (s: Stage) => inp.members.filter((m) => m.stage === s).length;
  const audience: Record<Stage, number> = {
    intro: known + expectedNew,
    growth: count('growth'),
    mature: count('mature'),
    silent: contacts.silent,
    churned: contacts.churned,
  };
  const targets = STAGE_ORDER.flatMap((s) => audienceTargets(s, inp.targets, audience[s]).map((t) => ({ stage: s, ...t })));
  const anyone = STAGE_ORDER.some((s) => contacts[s] > 0) || expectedNew > 0;
  return {
    week: inp.week,
    asOf: inp.asOf,
    snapshot: inp.snapshot,
    days,
    overview: STAGE_ORDER.map((s) => ({ stage: s, members: count(s) + (s === 'intro' ? known : 0), contacts: contacts[s] })),
    targets,
    budget: { items, totalFen: items.reduce((s, i) => s + i.totalFen, 0) },
    deferred,
    blocked,
    excluded: { doNotDisturb: excluded.doNotDisturb.length, resting: excluded.resting.length },
    holdout: new Set(days.flatMap((d) => d.tasks.flatMap((t) => t.holdoutIds))).size,
    empty: !anyone,
  };
}
