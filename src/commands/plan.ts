import { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { addDays, daysBetween } from '../core/shared/dates.js';
import { buildPlan, NEW_MEMBER_WINDOW_DAYS, planSnapshot } from '../core/activities/plan.js';
import { planContext, planJson } from '../core/activities/plan-context.js';
import type { MemberProfile } from '../core/members/profile.js';
import { parseWeek } from '../core/shared/calendar.js';
import { loadProfiles } from '../adapters/activity-load.js';
import { readLeaders } from '../adapters/queries.js';
import type { Db } from '../adapters/db.js';
import { renderJson } from '../render/table.js';
import { defineMessages } from '../i18n.js';
import { emit, formatOption, leaderOption, openForRead, outOption } from './common.js';
import { asFormat, commonInput, loadTemplates, templatesOption } from './activity-common.js';
import type { CommandSpec, Ctx } from './types.js';

const m = defineMessages({
  'plan.far': ['注意:{week} 在数据日期 {asOf} 之后 {days} 天才开始,名单按 {asOf} 的会员阶段,可能已经过时。',
    'note: {week} starts {days} days after the data date {asOf}; the lists use the stages as of {asOf} and may be stale.'],
});

function pickLeader(db: Db, flag: unknown): string {
  const leaders = readLeaders(db).map((l) => l.leader_id);
  if (typeof flag === 'string') {
    if (!leaders.includes(flag)) throw new UsageError({ zh: `没有团长 "${flag}"`, en: `unknown leader "${flag}"` }, { zh: `已有的团长:${leaders.join(', ') || '无'}`, en: `known leaders: ${leaders.join(', ') || 'none'}` });
    return flag;
  }
  if (leaders.length === 1) return leaders[0]!;
  throw new UsageError({ zh: '周计划是给一个团长的:请加 --leader 团长ID', en: 'a weekly plan is for one leader: give --leader ID' }, { zh: `已有的团长:${leaders.join(', ') || '无'}`, en: `known leaders: ${leaders.join(', ') || 'none'}` });
}

function build(db: Db, ctx: Ctx, leaderId: string, weekRaw: string) {
  const week = parseWeek(weekRaw, ctx.asOf);
  if (!week) throw new UsageError({ zh: `--week "${weekRaw}" 应是 ISO 周,例如 2026-W45,或 this(本周)/ next(下周)`, en: `--week "${weekRaw}" must be an ISO week like 2026-W45, or this / next` });
  const snapshot = planSnapshot(week, ctx.asOf);
  if (daysBetween(ctx.asOf, week.start) > 8) {
    ctx.io.stderr.write(m(ctx.lang, 'plan.far', { week: week.code, asOf: ctx.asOf, days: daysBetween(ctx.asOf, week.start) }) + '\n');
  }
  const atSnapshot = loadProfiles(db, ctx.config, snapshot, leaderId);
  const atAsOf = snapshot === ctx.asOf ? atSnapshot : loadProfiles(db, ctx.config, ctx.asOf, leaderId);
  const lastKnown = week.end < ctx.asOf ? week.end : ctx.asOf;
  const newcomers = atAsOf.profiles.filter((p) => p.firstOrderDate >= week.start && p.firstOrderDate <= lastKnown);
  const windowStart = addDays(snapshot, -(NEW_MEMBER_WINDOW_DAYS - 1));
  const plan = buildPlan({
    week, asOf: ctx.asOf, snapshot,
    members: atSnapshot.profiles,
    newMembers: newcomers.map((p) => ({ memberId: p.memberId, date: p.firstOrderDate })),
    recentNew: atSnapshot.profiles.filter((p) => p.firstOrderDate >= windowStart).length,
    activities: ctx.config.activities, targets: ctx.config.kpi.targets, stages: ctx.config.stages,
  });
  const profiles = new Map<string, MemberProfile>(atSnapshot.profiles.map((p) => [p.memberId, p]));
  for (const p of newcomers) if (!profiles.has(p.memberId)) profiles.set(p.memberId, p);
  return { plan, profiles, loaded: atAsOf };
}

export const planCommand: CommandSpec = {
  name: 'plan',
  group: 'activity',
  summary: { zh: '团长周计划:每天做什么、联系谁、用哪段话术,本周目标和券的预算', en: "a leader's weekly plan: each day's tasks, who to contact, which script; the week's targets and coupon budget" },
  description: {
    zh: '按黄金触达时间表(§4.3)给一个团长排一个 ISO 周(周一开始)的计划:新会员首单后几小时内欢迎(每天的名单)、' +
      '有流失风险会员的推荐、成长期 新品试用(默认周三晚上)、每月 1 号的成熟期 会员权益更新、每位沉默会员一条关怀消息' +
      '(几周轮一次,每周有上限)、给过去消费最高的流失会员打电话,以及每天三次社群互动(§5.1)。对象按本周前一个周日' +
      '(或更早的 --as-of)的阶段确定,所以一周内计划不变。红线在代码里保证:沉默会员一周最多一条消息,流失会员只打电话。' +
      '最后列出各对象的 KPI 目标(kpi.targets)和建议用券的成本(数值在 activities.*)。--format json 只给任务和会员ID。',
    en: 'Builds the plan of one ISO week (Monday first) for one leader following the 黄金触达时间表 (§4.3): new members welcomed within ' +
      'hours of their first order (daily lists), at-risk recommendations, 成长期 新品试用 (Wednesday evening by default), 成熟期 会员权益更新 ' +
      'on the 1st of the month, one care message per silent member (rotating every few weeks, capped per week), calls to churned members ' +
      'with the highest past spend, and three community interactions a day (§5.1). Audiences are the stages as of the Sunday before the ' +
      'week (or --as-of if earlier), so the plan does not change during the week. Red lines are enforced in code: a silent member gets at ' +
      'most one message a week, churned members only get calls. Ends with the KPI targets of the audiences (kpi.targets) and the cost of the coupons ' +
      'it proposes (values in activities.*). --format json gives the tasks with member IDs only.',
  },
  examples: [
    'tuan plan --leader L001 --week next',
    'tuan plan --leader L002 --week 2026-W44 --as-of 2026-10-31 --format html --out plan.html',
    'tuan plan --leader L003 --week this --format json',
  ],
  configure(cmd, say) {
    cmd.addOption(leaderOption(say))
      .addOption(new Option('--week <week>', say('ISO 周 YYYY-Www,或相对 --as-of 的 this(本周)/ next(下周)', 'ISO week YYYY-Www, or this / next relative to --as-of')).default('next'))
      .addOption(formatOption(say, ['md', 'html', 'json']))
      .addOption(outOption(say))
      .addOption(templatesOption(say));
  },
  async run(_args, opts, ctx) {
    const templates = opts.format === 'json' ? null : loadTemplates(ctx, opts.templates);
    const db = openForRead(ctx);
    let text: string;
    try {
      const leaderId = pickLeader(db, opts.leader);
      const { plan, profiles, loaded } = build(db, ctx, leaderId, String(opts.week));
      if (!templates) {
        text = renderJson(planJson(plan, leaderId));
      } else {
        const context = planContext({ ...commonInput(ctx, loaded.leader), plan, profiles, contacts: loaded.contacts });
        text = asFormat(templates.render('plan', context), String(opts.format), `${plan.week.code} · ${leaderId}`, ctx);
      }
    } finally {
      db.close();
    }
    emit(ctx, text, opts.out);
    return EXIT.ok;
  },
};
