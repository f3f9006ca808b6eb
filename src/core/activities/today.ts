/**
 * A leader's day (`tuan today`, issue #16): whom to message today, why, and with which message; the day's group
 * posts. The day's tasks are the weekly plan's (buildPlan: same selection, caps and red lines), to which today
 * adds new members to welcome since the last import, members whose usual ordering day is today and who are
 * overdue, birthdays, and follow-ups from the contact log. Pure.
 */
import { addDays, daysBetween, isoWeekday } from '../shared/index.js';
import type { MemberProfile, Stage } from '../members/index.js';
import type { PlanDay } from './plan.js';
import { groupPosts, messageKindOf, type GroupPost, type MessageKind, type PostTimes } from './posts.js';

/** A `replied` member with no order this many days after the reply is followed up. */
export const FOLLOW_UP_AFTER_DAYS = 3;
/** Welcomes reach back at most this many days (a later "welcome" is no longer one; the plan handles the member). */
export const WELCOME_LOOKBACK_DAYS = 7;
/** Orders needed before a member has a usual ordering weekday. */
export const USUAL_DAY_MIN_ORDERS = 3;

/**
 * One entry of the contact log (issue #13), the input follow-ups come from. Outcomes as the log writes them: sent, replied, declined, do_not_disturb, unreachable.
 */
export interface LoggedContact {
  memberId: string;
  /** the task date (or the date given to `tuan log`) */
  date: string;
  outcome: string;
}

export type TodayReason = 'welcome' | 'plan' | 'follow_up' | 'rest_end' | 'birthday' | 'usual_day';

export interface TodayLine {
  memberId: string;
  reason: TodayReason;
  message: MessageKind;
  /** HH:MM, `+2h` for welcomes */
  time: string;
  channel: 'private' | 'call';
  /** the member's stage on the day */
  stage: Stage;
  /** the stage the week's plan chose the member for (it is made as of the Sunday before; the member may have moved on since) */
  planStage?: Stage;
  /** first order date (welcome), usual weekday (usual_day), logged contact date (follow-ups) */
  firstOrderDate?: string;
  usualWeekday?: number;
  usualGapDays?: number;
  contactDate?: string;
}

export interface TodayInput {
  date: string;
  /** the plan's day for `date` (the week's plan built as of `date`) */
  day: PlanDay;
  /** members the week's plan contacts one-to-one on any day: no usual-day reminder for them (the plan's message is enough) */
  plannedThisWeek: ReadonlySet<string>;
  /** activities.schedule.welcome_within_hours */
  welcomeWithinHours: number;
  /** when the 成长任务卡 and 权益日 posts go out (activities.schedule) */
  postTimes: PostTimes;
  /** activities.max_private_per_day */
  cap: number;
  /** the leader's members as of `date` */
  members: readonly MemberProfile[];
  /** each member's counted order dates up to `date`, sorted */
  orderDates: ReadonlyMap<string, readonly string[]>;
  /** first orders on or after this date (and up to `date`) are welcomed today */
  newSince: string;
  /** member -> birthday (YYYY-MM-DD or MM-DD), where an export carries one */
  birthdays: ReadonlyMap<string, string>;
  /** the contact log's outcomes (issue #13) */
  contactLog: readonly LoggedContact[];
  /** the week's control group (activities.holdout_share): not contacted, not even welcomed */
  holdout: ReadonlySet<string>;
  /** weeks a declined member rests (activities.rest_weeks_after_decline) */
  restWeeks: number;
}

export interface Today {
  date: string;
  weekday: number;
  monthStart: boolean;
  posts: GroupPost[];
  lines: TodayLine[];
  /** the leader's own tasks today: prepare, review */
  self: { time: string; action: string }[];
  /** one-to-one messages over the daily cap today (beyond the plan's own, which the plan already spread) */
  deferred: number;
}

/**
 * A member's usual ordering weekday: the ISO weekday most of their order dates fall on, when the member has at
 * least USUAL_DAY_MIN_ORDERS orders on distinct dates and that weekday is strictly the most frequent; else null.
 * The usual gap is the median (the lower one for an even count) of the days between consecutive order dates.
 */
export function usualDay(dates: readonly string[]): { weekday: number; gapDays: number } | null {
  const distinct = [...new Set(dates)].sort();
  if (distinct.length < USUAL_DAY_MIN_ORDERS) return null;
  const n = [0, 0, 0, 0, 0, 0, 0, 0];
  for (const d of distinct) n[isoWeekday(d)]!++;
  const best = Math.max(...n);
  const modes = n.flatMap((v, i) => (v === best ? [i] : []));
  if (modes.length !== 1) return null;
  const gaps = distinct
    .slice(1)
    .map((d, i) => daysBetween(distinct[i]!, d))
    .sort((a, b) => a - b);
  return { weekday: modes[0]!, gapDays: gaps[Math.floor((gaps.length - 1) / 2)]! };
}

/** The latest logged contact of each member (ties on a date: the later entry). */
function latestContacts(log: readonly LoggedContact[]): Map<string, LoggedContact> {
  const out = new Map<string, LoggedContact>();
  for (const c of log) {
    const prev = out.get(c.memberId);
    if (!prev || c.date >= prev.date) out.set(c.memberId, c);
  }
  return out;
}

/**
 * Members who asked not to be disturbed: a do_not_disturb stands until a later `clear` lifts it, whatever else is
 * logged in between (as the plan reads the log, logStates); entries of one date in the order they were logged.
 */
function doNotDisturb(log: readonly LoggedContact[]): Set<string> {
  const out = new Set<string>();
  const byDate = log.map((c, i) => [c, i] as const).sort(([a, i], [b, j]) => (a.date < b.date ? -1 : a.date > b.date ? 1 : i - j));
  for (const [c] of byDate) {
    if (c.outcome === 'do_not_disturb') out.add(c.memberId);
    else if (c.outcome === 'clear') out.delete(c.memberId);
  }
  return out;
}

const sameDayOfYear = (birthday: string, date: string) => {
  const md = birthday.slice(-5);
  if (md === date.slice(5)) return true;
  // 29 February birthdays are kept on 28 February in other years
  const leap = addDays(`${date.slice(0, 4)}-02-28`, 1).endsWith('02-29');
  return md === '02-29' && !leap && date.slice(5) === '02-28';
};

export function buildToday(inp: TodayInput): Today {
  const { date, day } = inp;
  const byId = new Map(inp.members.map((m) => [m.memberId, m] as const));
  const lines: TodayLine[] = [];
  const listed = new Set<string>();
  const add = (l: TodayLine) => {
    lines.push(l);
    listed.add(l.memberId);
  };
  const welcomeTime = `+${inp.welcomeWithinHours}h`;
  const dnd = doNotDisturb(inp.contactLog);
  const since = inp.newSince > addDays(date, -WELCOME_LOOKBACK_DAYS) ? inp.newSince : addDays(date, -WELCOME_LOOKBACK_DAYS);
  const newcomers = inp.members
    .filter((m) => m.firstOrderDate >= since && m.firstOrderDate <= date && !dnd.has(m.memberId) && !inp.holdout.has(m.memberId))
    .sort((a, b) =>
      a.firstOrderDate > b.firstOrderDate ? -1 : a.firstOrderDate < b.firstOrderDate ? 1 : a.memberId < b.memberId ? -1 : 1,
    );
  for (const m of newcomers)
    add({
      memberId: m.memberId,
      reason: 'welcome',
      message: 'welcome',
      time: welcomeTime,
      channel: 'private',
      stage: m.stage,
      firstOrderDate: m.firstOrderDate,
    });
  let used = newcomers.length;
  for (const t of day.tasks) {
    const kind = messageKindOf(t.action);
    if (!kind || kind === 'welcome' || (t.channel !== 'private' && t.channel !== 'call')) continue;
    for (const id of t.memberIds) {
      if (listed.has(id)) continue;
      add({
        memberId: id,
        reason: 'plan',
        message: kind,
        time: t.time,
        channel: t.channel,
        stage: byId.get(id)?.stage ?? t.stage ?? 'intro',
        ...(t.stage ? { planStage: t.stage } : {}),
      });
      if (t.channel === 'private') used++;
    }
  }
  // Extras: not in the holdout, not asked to be left alone, not resting after a decline.
  const latest = latestContacts(inp.contactLog);
  const restEnd = (c: LoggedContact) => addDays(c.date, inp.restWeeks * 7);
  const leftAlone = (id: string) => {
    const c = latest.get(id);
    return inp.holdout.has(id) || dnd.has(id) || (c?.outcome === 'declined' && restEnd(c) > date);
  };
  const extras: TodayLine[] = [];
  for (const m of inp.members) {
    const c = latest.get(m.memberId);
    if (!c || listed.has(m.memberId) || inp.holdout.has(m.memberId) || dnd.has(m.memberId)) continue;
    if (c.outcome === 'replied' && m.lastOrderDate < c.date && daysBetween(c.date, date) >= FOLLOW_UP_AFTER_DAYS)
      extras.push({
        memberId: m.memberId,
        reason: 'follow_up',
        message: 'follow_up',
        time: '',
        channel: 'private',
        stage: m.stage,
        contactDate: c.date,
      });
    else if (c.outcome === 'declined' && restEnd(c) === date && m.lastOrderDate < c.date)
      extras.push({
        memberId: m.memberId,
        reason: 'rest_end',
        message: 'rest_end',
        time: '',
        channel: 'private',
        stage: m.stage,
        contactDate: c.date,
      });
  }
  for (const m of inp.members) {
    const b = inp.birthdays.get(m.memberId);
    if (b && sameDayOfYear(b, date) && m.stage !== 'churned' && !leftAlone(m.memberId))
      extras.push({ memberId: m.memberId, reason: 'birthday', message: 'birthday', time: '', channel: 'private', stage: m.stage });
  }
  const wd = isoWeekday(date);
  for (const m of inp.members) {
    if (m.stage !== 'intro' && m.stage !== 'growth' && m.stage !== 'mature') continue;
    const u = usualDay(inp.orderDates.get(m.memberId) ?? []);
    if (!u || u.weekday !== wd || m.lastOrderDate >= date || daysBetween(m.lastOrderDate, date) <= u.gapDays) continue;
    if (leftAlone(m.memberId) || inp.plannedThisWeek.has(m.memberId)) continue;
    extras.push({
      memberId: m.memberId,
      reason: 'usual_day',
      message: 'usual_day',
      time: '',
      channel: 'private',
      stage: m.stage,
      usualWeekday: u.weekday,
      usualGapDays: u.gapDays,
    });
  }
  let deferred = 0;
  const seen = new Set<string>();
  for (const e of extras) {
    if (listed.has(e.memberId) || seen.has(e.memberId)) continue;
    seen.add(e.memberId);
    if (used >= inp.cap) {
      deferred++;
      continue;
    }
    used++;
    add(e);
  }
  return {
    date,
    weekday: day.weekday,
    monthStart: day.monthStart,
    posts: groupPosts(day, inp.postTimes),
    lines,
    self: day.tasks.filter((t) => t.channel === 'self').map((t) => ({ time: t.time, action: t.action })),
    deferred,
  };
}
