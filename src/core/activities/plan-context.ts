/** The weekly plan as its template sees it (core/templating/template-contexts.ts PLAN_CONTEXT), and as JSON. Pure. */
import {
  codeName,
  commonContext,
  memberContext,
  targetUnit,
  type CommonInput,
  type Contact,
  type MemberContext,
} from './activity-context.js';
import type { MemberProfile } from '../members/index.js';
import { SILENT_MAX_PER_WEEK, type Plan, type PlanTask } from './plan.js';

/** Members shown under a task in the day list; the rest are in the appendix. */
export const PREVIEW = 5;

export interface PlanContextInput extends CommonInput {
  plan: Plan;
  /** every member the plan may name (the leader's members as of the snapshot and the week's new members) */
  profiles: ReadonlyMap<string, MemberProfile>;
  contacts: ReadonlyMap<string, Contact>;
  /** activities.holdout_share */
  holdoutShare: number;
}

export function planContext(c: PlanContextInput) {
  const p = c.plan;
  const member = (id: string): MemberContext => {
    const prof = c.profiles.get(id);
    if (!prof) throw new Error(`plan names member ${id} without a profile`);
    return memberContext(prof, c.contacts.get(id), c.names);
  };
  const appendix: {
    ref: number;
    date: string;
    weekday_name: string;
    time: string;
    action: string;
    stage: ReturnType<typeof codeName>;
    script: string;
    members: MemberContext[];
  }[] = [];
  const taskCtx = (t: PlanTask, date: string, weekday: number) => {
    let ref = 0;
    if (t.memberIds.length > 0 && t.stage) {
      ref = appendix.length + 1;
      appendix.push({
        ref,
        date,
        weekday_name: c.names.weekday(weekday),
        time: t.time,
        action: t.action,
        stage: codeName(t.stage, c.names),
        script: t.script ?? '',
        members: t.memberIds.map(member),
      });
    }
    return {
      time: t.time,
      all_day: t.allDay,
      action: t.action,
      slot: t.slot,
      stage: t.stage && codeName(t.stage, c.names),
      script: t.script ?? '',
      kit: t.kit ?? '',
      channel: t.channel,
      count: t.memberIds.length,
      estimated: t.estimated,
      members: t.memberIds.slice(0, PREVIEW).map(member),
      more: Math.max(0, t.memberIds.length - PREVIEW),
      ref,
    };
  };
  const days = p.days.map((d) => ({
    date: d.date,
    weekday: d.weekday,
    weekday_name: c.names.weekday(d.weekday),
    month_start: d.monthStart,
    after_as_of: d.afterAsOf,
    tasks: d.tasks.map((t) => taskCtx(t, d.date, d.weekday)),
  }));
  return {
    ...commonContext(c),
    week: {
      code: p.week.code,
      start: p.week.start,
      end: p.week.end,
      snapshot: p.snapshot,
      days_after_as_of: p.days.filter((d) => d.afterAsOf).length,
    },
    empty: p.empty,
    overview: p.overview.map((o) => ({ stage: codeName(o.stage, c.names), members: o.members, contacts: o.contacts })),
    days,
    appendix,
    targets: p.targets.map((t) => ({
      kpi: t.kpi,
      name: c.names.kpi(t.kpi),
      unit: targetUnit(t.kpi),
      target: t.target,
      challenge: t.challenge,
      audience: t.audience,
      implied: t.implied,
      stage: codeName(t.stage, c.names),
    })),
    budget: {
      total_fen: p.budget.totalFen,
      items: p.budget.items.map((i) => ({
        stage: codeName(i.stage, c.names),
        coupon: i.coupon,
        coupon_name: c.names.coupon(i.coupon),
        count: i.count,
        unit_fen: i.unitFen,
        total_fen: i.totalFen,
        estimated: i.estimated,
      })),
    },
    deferred: { ...p.deferred },
    red_lines: { silent_max_per_week: SILENT_MAX_PER_WEEK, blocked: p.blocked },
    holdout: {
      share_pct: Math.round(c.holdoutShare * 10000) / 100,
      count: p.holdout,
      members: holdoutIds(p).map(member),
    },
    excluded: { do_not_disturb: p.excluded.doNotDisturb, resting: p.excluded.resting },
  };
}

/** The distinct members of the week's holdout, by id. */
function holdoutIds(p: Plan): string[] {
  return [...new Set(p.days.flatMap((d) => d.tasks.flatMap((t) => t.holdoutIds)))].sort();
}

/** The JSON contract of `tuan plan --format json` (stable English codes, money in fen). */
export function planJson(p: Plan, leaderId: string) {
  return {
    week: p.week.code,
    leader_id: leaderId,
    start: p.week.start,
    end: p.week.end,
    as_of: p.asOf,
    snapshot: p.snapshot,
    empty: p.empty,
    days: p.days.map((d) => ({
      date: d.date,
      weekday: d.weekday,
      tasks: d.tasks.map((t) => ({
        time: t.time,
        stage: t.stage,
        action: t.action,
        script: t.script,
        kit: t.kit,
        channel: t.channel,
        task_id: t.id,
        member_ids: t.memberIds,
        count: t.memberIds.length,
        holdout_ids: t.holdoutIds,
        estimated_count: t.estimated,
      })),
    })),
    targets: p.targets.map((t) => ({
      stage: t.stage,
      kpi: t.kpi,
      target: t.target,
      challenge: t.challenge,
      audience: t.audience,
      implied: t.implied,
    })),
    budget_fen: p.budget.totalFen,
    budget_items: p.budget.items.map((i) => ({
      stage: i.stage,
      coupon: i.coupon,
      count: i.count,
      unit_fen: i.unitFen,
      total_fen: i.totalFen,
      estimated: i.estimated,
    })),
    deferred: p.deferred,
    red_lines: { silent_max_per_week: SILENT_MAX_PER_WEEK, blocked: p.blocked },
    holdout: { count: p.holdout, member_ids: holdoutIds(p) },
    excluded: { do_not_disturb: p.excluded.doNotDisturb, resting: p.excluded.resting },
  };
}
