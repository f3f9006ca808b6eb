/** `tuan today` as a function: one leader's day — whom to message, why, and what to send — from the week's plan. */
import type { Db } from '../adapters/db.js';
import { readLogFacts } from '../adapters/contact-log.js';
import { readBirthdays, readOrderDates, readPreviousDataDate } from '../adapters/today-queries.js';
import {
  buildToday,
  inHoldout,
  messageContext,
  popularFavourites,
  postContext,
  postTimes,
  type LoggedContact,
  type MessageContext,
  type PostContext,
  type Today,
} from '../core/activities/index.js';
import type { MemberProfile } from '../core/members/index.js';
import { addDays } from '../core/shared/index.js';
import { commonInput, type ActivityOptions } from './activity.js';
import { configOf, maskOutput, withDb, type DbInput } from './common.js';
import { buildWeekPlan, pickLeader } from './plan.js';

export interface TodayOptions extends ActivityOptions {
  /** the leader; may be left out when the database has only one */
  leader?: string | undefined;
  /** the contact log's outcomes (follow-ups come from them); read from the database when not given */
  contactLog?: readonly LoggedContact[] | undefined;
}

export interface TodayResult {
  leaderId: string;
  today: Today;
  /** what --format json prints: member IDs only */
  json: ReturnType<typeof todayJson>;
  /** the day's group posts, as contexts of templates/<lang>/post.hbs */
  posts: { kind: string; time: string; context: PostContext }[];
  /** one per line of `today.lines`, in order: the context of templates/<lang>/message.hbs (masked unless unmask) */
  messages: { memberId: string; name: string; context: MessageContext }[];
}

function todayJson(t: Today, leaderId: string, planDeferred: { silent: number; churned: number; private: number }) {
  return {
    date: t.date,
    leader_id: leaderId,
    weekday: t.weekday,
    month_start: t.monthStart,
    posts: t.posts.map((p) => ({ time: p.time, kind: p.kind })),
    people: t.lines.map((l) => ({
      member_id: l.memberId,
      reason: l.reason,
      message: l.message,
      time: l.time,
      channel: l.channel,
      stage: l.stage,
      first_order_date: l.firstOrderDate ?? null,
      usual_weekday: l.usualWeekday ?? null,
      usual_gap_days: l.usualGapDays ?? null,
      contact_date: l.contactDate ?? null,
    })),
    self: t.self,
    deferred_today: t.deferred,
    deferred_week: planDeferred,
  };
}

/** The contact log's recorded outcomes up to asOf (contacts only: holdout rows and tasks not done say nothing of a member). */
function loggedOutcomes(db: Db, memberIds: readonly string[], asOf: string): LoggedContact[] {
  return readLogFacts(db, memberIds, asOf)
    .filter((f) => f.group === 'contact' && f.outcome !== null && f.date <= asOf)
    .map((f) => ({ memberId: f.memberId, date: f.date, outcome: f.outcome! }));
}

/** First orders on or after this date are new: since the previous import's data, or since yesterday. */
function newSince(db: Db, asOf: string): string {
  const yesterday = addDays(asOf, -1);
  const prev = readPreviousDataDate(db, asOf);
  const afterPrev = prev === null ? yesterday : addDays(prev, 1);
  return afterPrev < yesterday ? afterPrev : yesterday;
}

/**
 * One leader's day as of `asOf`: the day of this week's plan (the same buildWeekPlan as `tuan plan --week this`),
 * new members to welcome, usual-day reminders, birthdays and follow-ups from the contact log.
 */
export function today(db: DbInput, o: TodayOptions): TodayResult {
  const config = configOf(o);
  return withDb(db, (h) => {
    const leaderId = pickLeader(h, o.leader, {
      zh: '今天的清单是给一个团长的:请加 --leader 团长ID',
      en: "a day's list is for one leader: give --leader ID",
    });
    const { plan, profiles, loaded } = buildWeekPlan(h, config, { ...o, week: 'this' }, leaderId);
    const day = plan.days.find((d) => d.date === o.asOf);
    if (!day) throw new Error(`the plan of the week of ${o.asOf} has no day ${o.asOf}`);
    const members = loaded.profiles;
    const t = buildToday({
      date: o.asOf,
      day,
      plannedThisWeek: new Set(
        plan.days.flatMap((d) => d.tasks.filter((x) => x.channel !== 'group' && x.channel !== 'self').flatMap((x) => x.memberIds)),
      ),
      welcomeWithinHours: config.activities.schedule.welcome_within_hours,
      postTimes: postTimes(config.activities),
      cap: config.activities.max_private_per_day,
      members,
      orderDates: readOrderDates(
        h,
        members.map((m) => m.memberId),
        o.asOf,
      ),
      newSince: newSince(h, o.asOf),
      birthdays: readBirthdays(
        h,
        members.map((m) => m.memberId),
      ),
      contactLog:
        o.contactLog ??
        loggedOutcomes(
          h,
          members.map((m) => m.memberId),
          o.asOf,
        ),
      // the week's control group is not contacted, not even by a reminder of today's list
      // the week's draw (leader, week, member) holds a member out of every list of the week, newcomers' welcomes included
      holdout: new Set(
        members.map((m) => m.memberId).filter((id) => inHoldout(leaderId, plan.week.code, id, config.activities.holdout_share)),
      ),
      restWeeks: config.activities.rest_weeks_after_decline,
    });
    const common = commonInput(config, o, loaded.leader);
    const current = new Map<string, MemberProfile>(profiles);
    for (const m of members) current.set(m.memberId, m);
    const popular = popularFavourites(members);
    const posts = t.posts.map((p) => ({ kind: p.kind, time: p.time, context: postContext(common, day, p, popular) }));
    const messages = t.lines.map((l) => {
      const p = current.get(l.memberId);
      if (!p) throw new Error(`today names member ${l.memberId} without a profile`);
      const contact = loaded.contacts.get(l.memberId);
      return {
        memberId: l.memberId,
        name: contact?.name ?? '',
        context: messageContext(common, l.message, o.asOf, p, contact, { usualWeekday: l.usualWeekday, contactDate: l.contactDate }),
      };
    });
    return maskOutput({ leaderId, today: t, json: todayJson(t, leaderId, plan.deferred), posts, messages }, o.unmask, config);
  });
}
