/** `tuan plan` as a function: one leader's weekly plan, as data and as the template context. */
import { UsageError } from '../errors.js';
import type { Text } from '../i18n.js';
import { readLeaders } from '../adapters/queries.js';
import { readLogFacts } from '../adapters/contact-log.js';
import { checkLeader } from '../adapters/scope.js';
import type { Db } from '../adapters/db.js';
import type { Config } from '../config.js';
import { addDays } from '../core/shared/index.js';
import { buildPlan, NEW_MEMBER_WINDOW_DAYS, planSnapshot, type Plan, type PlanMember } from '../core/activities/index.js';
import {
  checklistRows,
  planContext,
  planJson,
  planMessages,
  popularFavourites,
  type ChecklistRow,
  type DayMessages,
} from '../core/activities/index.js';
import { memberPredictions } from './predict.js';
import { memberRhythms } from './segment.js';
import type { MemberProfile } from '../core/members/index.js';
import { parseWeek, type IsoWeek } from '../core/shared/index.js';
import { commonInput, loadMasked, type ActivityOptions } from './activity.js';
import { configOf, maskOutput, withDb, type DbInput } from './common.js';

export type { Plan };
export type PlanContext = ReturnType<typeof planContext>;

export interface PlanOptions extends ActivityOptions {
  /** the leader; may be left out when the database has only one */
  leader?: string | undefined;
  /** an ISO week: `2026-W45`, `this` or `next` (relative to asOf), or a parsed week; default next */
  week?: string | IsoWeek | undefined;
}

export interface PlanResult {
  leaderId: string;
  plan: Plan;
  /** the plan with member IDs only (what --format json prints) */
  json: ReturnType<typeof planJson>;
  /** the context of templates/<lang>/plan.hbs (members masked unless unmask) */
  context: PlanContext;
  /** `--format checklist`: one row per task and member, holdout rows included (names masked unless unmask) */
  checklist: ChecklistRow[];
  /** per day, the contexts of templates/<lang>/post.hbs and message.hbs (`--format text`) */
  messages: DayMessages[];
}

/** The leader of a plan: the one asked for (checked), or the only one. */
export function pickLeader(
  db: Db,
  leader: string | undefined,
  forOne: Text = { zh: '周计划是给一个团长的:请加 --leader 团长ID', en: 'a weekly plan is for one leader: give --leader ID' },
): string {
  const leaders = readLeaders(db);
  if (leader !== undefined) return checkLeader(leader, leaders)!;
  if (leaders.length === 1) return leaders[0]!.leader_id;
  const known = leaders.map((l) => l.leader_id).join(', ');
  throw new UsageError(forOne, { zh: `已有的团长:${known || '无'}`, en: `known leaders: ${known || 'none'}` });
}

/** An ISO week as written, checked. */
export function weekOf(raw: string | IsoWeek | undefined, asOf: string): IsoWeek {
  if (typeof raw === 'object') return raw;
  const week = parseWeek(raw ?? 'next', asOf);
  if (!week)
    throw new UsageError({
      zh: `--week "${raw}" 应是 ISO 周,例如 2026-W45,或 this(本周)/ next(下周)`,
      en: `--week "${raw}" must be an ISO week like 2026-W45, or this / next`,
    });
  return week;
}

/**
 * Members with what the predictions add (issue #14): the value each can still bring back (the CLV of the fit
 * on every member, api/predict.ts; none when it cannot be fitted) and the hour they usually order at. Ids are
 * masked like the profiles' so that the lookups meet.
 */
function withPredictions(
  db: Db,
  config: Config,
  date: string,
  profiles: readonly MemberProfile[],
  unmask: boolean | undefined,
): PlanMember[] {
  const values = maskOutput(memberPredictions(db, config, date, {}).byMember, unmask);
  const rhythms = maskOutput(memberRhythms(db, date), unmask);
  return profiles.map((p) => ({
    ...p,
    valueFen: values.get(p.memberId)?.clvFen ?? null,
    usualHour: rhythms.get(p.memberId)?.usualHour ?? null,
  }));
}

/** The week's plan for one leader (`tuan plan`, and `tuan today` for the day's part of it). */
export function buildWeekPlan(db: Db, config: Config, o: PlanOptions, leaderId: string) {
  const week = weekOf(o.week, o.asOf);
  const snapshot = planSnapshot(week, o.asOf);
  const atSnapshot = loadMasked(db, config, snapshot, leaderId, o.unmask);
  const atAsOf = snapshot === o.asOf ? atSnapshot : loadMasked(db, config, o.asOf, leaderId, o.unmask);
  const lastKnown = week.end < o.asOf ? week.end : o.asOf;
  const newcomers = atAsOf.profiles.filter((p) => p.firstOrderDate >= week.start && p.firstOrderDate <= lastKnown);
  const windowStart = addDays(snapshot, -(NEW_MEMBER_WINDOW_DAYS - 1));
  const ids = [...new Set([...atSnapshot.profiles, ...newcomers].map((p) => p.memberId))];
  const plan = buildPlan({
    leaderId,
    log: readLogFacts(db, ids, week.end),
    week,
    asOf: o.asOf,
    snapshot,
    members: withPredictions(db, config, snapshot, atSnapshot.profiles, o.unmask),
    newMembers: newcomers.map((p) => ({ memberId: p.memberId, date: p.firstOrderDate })),
    recentNew: atSnapshot.profiles.filter((p) => p.firstOrderDate >= windowStart).length,
    activities: config.activities,
    targets: config.kpi.targets,
    stages: config.stages,
  });
  const profiles = new Map<string, MemberProfile>(atSnapshot.profiles.map((p) => [p.memberId, p]));
  for (const p of newcomers) if (!profiles.has(p.memberId)) profiles.set(p.memberId, p);
  return { plan, profiles, loaded: atAsOf };
}

/** The plan of one ISO week for one leader: daily tasks, audiences as of the Sunday before, targets, coupon budget. */
export function plan(db: DbInput, o: PlanOptions): PlanResult {
  const config = configOf(o);
  return withDb(db, (h) => {
    const leaderId = pickLeader(h, o.leader);
    const { plan, profiles, loaded } = buildWeekPlan(h, config, o, leaderId);
    const common = commonInput(config, o, loaded.leader);
    const context = planContext({ ...common, plan, profiles, contacts: loaded.contacts, holdoutShare: config.activities.holdout_share });
    const messages = planMessages(
      { ...common, profiles, contacts: loaded.contacts, popular: popularFavourites(loaded.profiles) },
      plan.days,
    );
    const checklist = checklistRows(plan, leaderId, (id) => loaded.contacts.get(id)?.name ?? '');
    return maskOutput({ leaderId, plan, json: planJson(plan, leaderId), context, messages, checklist }, o.unmask, config);
  });
}
