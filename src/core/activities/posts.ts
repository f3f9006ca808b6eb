/**
 * Messages ready to paste (issue #16): the group posts of a plan day (早安问候, 晒单有礼, 新品试用预告, 接龙, 会员投票,
 * 权益日, 成长任务卡 rules …) and one-to-one messages, as the contexts of templates/<lang>/post.hbs and message.hbs
 * (core/templating/template-contexts.ts POST_CONTEXT, MESSAGE_CONTEXT). Pure.
 */
import type { ActivitiesConfig } from '../../activities-config.js';
import type { MemberProfile } from '../members/index.js';
import { commonContext, memberContext, type CommonInput, type Contact } from './activity-context.js';
import type { Action, PlanDay } from './plan.js';

/** What a group post is about; the daily interactions follow plan's _task.hbs (slot 2 changes with the weekday). */
export const POST_KINDS = [
  'morning',
  'share',
  'tip',
  'trial_preview',
  'qa',
  'menu_solitaire',
  'weekend',
  'vote',
  'evening_solitaire',
  'open_qa',
  'task_card',
  'benefits_day',
] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** What a one-to-one message is for: a plan action, or a reason of `tuan today`. */
export const MESSAGE_KINDS = [
  'welcome',
  'at_risk',
  'growth_trial',
  'mature_update',
  'silent_care',
  'churned_call',
  'usual_day',
  'follow_up',
  'rest_end',
  'birthday',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** The placeholder the leader replaces with the member's name when names are masked. */
export const SALUTATION_PLACEHOLDER = { 'zh-CN': '【称呼】', en: '[name]' } as const;

const SLOT_2: readonly PostKind[] = ['share', 'tip', 'trial_preview', 'qa', 'menu_solitaire', 'weekend', 'vote'];

export interface GroupPost {
  kind: PostKind;
  time: string;
  /** 1-based number of the daily interaction, 0 for a post that comes with another task */
  slot: number;
}

/** When the posts that come with a task go out (activities.schedule). */
export interface PostTimes {
  /** the growth trial's slot: the 成长任务卡 rules go out with it, even when the daily cap moved its messages */
  growthTrial: { weekday: number; time: string };
  /** mature_update.time: the 权益日 post */
  benefits: string;
}

export const postTimes = (a: ActivitiesConfig): PostTimes => ({
  growthTrial: a.schedule.growth_trial,
  benefits: a.schedule.mature_update.time,
});

/**
 * The group posts of a plan day: one per community interaction, plus the 成长任务卡 rules on the growth trial's
 * weekday and time, and the 权益日 post on the mature benefits day.
 */
export function groupPosts(day: PlanDay, times: PostTimes): GroupPost[] {
  const out: GroupPost[] = [];
  for (const t of day.tasks) {
    if (t.action === 'interaction') {
      const kind = t.slot === 1 ? 'morning' : t.slot === 2 ? SLOT_2[day.weekday - 1]! : t.slot === 3 ? 'evening_solitaire' : 'open_qa';
      out.push({ kind, time: t.time, slot: t.slot });
    }
  }
  if (day.weekday === times.growthTrial.weekday) out.push({ kind: 'task_card', time: times.growthTrial.time, slot: 0 });
  if (day.monthStart) out.push({ kind: 'benefits_day', time: times.benefits, slot: 0 });
  return out.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.slot - b.slot));
}

/** What the leader's members buy most: the favourites of most members, at most `n` (ties by name). */
export function popularFavourites(profiles: readonly MemberProfile[], n = 3): { kind: string; names: string[] } {
  const count = new Map<string, number>();
  let kind = 'category';
  for (const p of profiles) {
    if (!p.favourite) continue;
    if (p.favourite.kind === 'product') kind = 'product';
    count.set(p.favourite.name, (count.get(p.favourite.name) ?? 0) + 1);
  }
  const names = [...count]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, n)
    .map(([name]) => name);
  return { kind, names };
}

export function postContext(c: CommonInput, day: PlanDay, post: GroupPost, popular: { kind: string; names: string[] }) {
  return {
    ...commonContext(c),
    post: {
      kind: post.kind,
      date: day.date,
      weekday: day.weekday,
      weekday_name: c.names.weekday(day.weekday),
      time: post.time,
      slot: post.slot,
      options: Array.from({ length: c.activities.mature.vote_candidates }, (_, i) => i + 1),
    },
    popular: { kind: popular.kind, names: [...popular.names] },
  };
}

/** Details of why a member is messaged, for the message template. */
export interface MessageDetail {
  /** ISO weekday the member usually orders on (usual_day) */
  usualWeekday?: number;
  /** date of the logged contact a follow-up comes from */
  contactDate?: string;
}

export function messageContext(
  c: CommonInput,
  kind: MessageKind,
  date: string,
  p: MemberProfile,
  contact: Contact | undefined,
  detail: MessageDetail = {},
) {
  const member = memberContext(p, contact, c.names);
  return {
    ...commonContext(c),
    message: {
      kind,
      date,
      salutation: c.unmask && member.name !== '' ? member.name : SALUTATION_PLACEHOLDER[c.lang],
      usual_weekday_name: detail.usualWeekday === undefined ? null : c.names.weekday(detail.usualWeekday),
      contacted_on: detail.contactDate ?? null,
    },
    member,
  };
}

/** The message kind of a plan task that reaches members one by one; null for group and self tasks. */
export function messageKindOf(action: Action): MessageKind | null {
  return (MESSAGE_KINDS as readonly string[]).includes(action) ? (action as MessageKind) : null;
}

export type PostContext = ReturnType<typeof postContext>;
export type MessageContext = ReturnType<typeof messageContext>;

/** Everything a day of the plan sends, as template contexts: its group posts, and one message per member of each task. */
export interface DayMessages {
  date: string;
  weekday: number;
  weekdayName: string;
  monthStart: boolean;
  afterAsOf: boolean;
  posts: { kind: PostKind; time: string; context: PostContext }[];
  tasks: {
    time: string;
    action: Action;
    channel: string;
    /** the audience's stage in the output language, '' for none */
    stageName: string;
    /** expected new members (welcomes on days after the data date) */
    estimated: number | null;
    messages: { memberId: string; name: string; context: MessageContext }[];
  }[];
}

export interface MessagesInput extends CommonInput {
  /** every member the plan may name */
  profiles: ReadonlyMap<string, MemberProfile>;
  contacts: ReadonlyMap<string, Contact>;
  popular: { kind: string; names: string[] };
}

/** The messages of every day of a plan (`tuan plan --format text`). */
export function planMessages(c: MessagesInput, days: readonly PlanDay[]): DayMessages[] {
  return days.map((d) => ({
    date: d.date,
    weekday: d.weekday,
    weekdayName: c.names.weekday(d.weekday),
    monthStart: d.monthStart,
    afterAsOf: d.afterAsOf,
    posts: groupPosts(d, postTimes(c.activities)).map((p) => ({
      kind: p.kind,
      time: p.time,
      context: postContext(c, d, p, c.popular),
    })),
    tasks: d.tasks.flatMap((t) => {
      const kind = messageKindOf(t.action);
      if (!kind || t.channel === 'group' || t.channel === 'self') return [];
      return [
        {
          time: t.time,
          action: t.action,
          channel: t.channel,
          stageName: t.stage ? c.names.stage(t.stage) : '',
          estimated: t.estimated,
          messages: t.memberIds.map((id) => {
            const p = c.profiles.get(id);
            if (!p) throw new Error(`plan names member ${id} without a profile`);
            return { memberId: id, name: c.contacts.get(id)?.name ?? '', context: messageContext(c, kind, d.date, p, c.contacts.get(id)) };
          }),
        },
      ];
    }),
  }));
}
