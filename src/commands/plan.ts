import { Option } from 'commander';
import { EXIT } from '../errors.js';
import { daysBetween } from '../core/shared/index.js';
import { plan, weekOf } from '../api/plan.js';
import { renderJson, renderSheetCsv } from '../render/table.js';
import { CHECKLIST_COLUMNS } from '../core/activities/index.js';
import { planText, unfitWarning } from '../render/messages.js';
import { defineMessages } from '../i18n.js';
import { emit, formatOption, leaderOption, outOption, withRead } from './common.js';
import { asFormat, loadTemplates, messageRenderer, templatesOption } from './activity-common.js';
import type { CommandSpec } from './types.js';

const m = defineMessages({
  'plan.far': [
    '注意:{week} 在数据日期 {asOf} 之后 {days} 天才开始,名单按 {asOf} 的会员阶段,可能已经过时。',
    'note: {week} starts {days} days after the data date {asOf}; the lists use the stages as of {asOf} and may be stale.',
  ],
});

export const planCommand: CommandSpec = {
  name: 'plan',
  group: 'activity',
  summary: {
    zh: '团长周计划:每天做什么、联系谁、用哪段话术,本周目标和券的预算',
    en: "a leader's weekly plan: each day's tasks, who to contact, which script; the week's targets and coupon budget",
  },
  description: {
    zh:
      '按黄金触达时间表(§4.3)给一个团长排一个 ISO 周(周一开始)的计划:新会员首单后几小时内欢迎(每天的名单)、' +
      '有流失风险会员的推荐、成长期 新品试用(默认周三晚上)、每月 1 号的成熟期 会员权益更新、每位沉默会员一条关怀消息' +
      '(几周轮一次,每周有上限)、给过去消费最高的流失会员打电话,以及每天三次社群互动(§5.1)。对象按本周前一个周日' +
      '(或更早的 --as-of)的阶段确定,所以一周内计划不变。红线在代码里保证:沉默会员一周最多一条消息,流失会员只打电话。' +
      '最后列出各对象的 KPI 目标(kpi.targets)和建议用券的成本(数值在 activities.*)。一对一消息每天最多 activities.max_private_per_day 条' +
      '(新会员欢迎也算在内),超出的按优先级(风险会员、成熟期权益更新、沉默期关怀、成长期试用)顺延到本周后面几天,排不下的列为未安排。' +
      '--format json 只给任务和会员ID;--format text 给每天的群发文案和每位会员的私信全文,纯文字,可以直接复制到微信。' +
      '每份名单都留出一部分会员(activities.holdout_share,默认 10%)作对照组,本周不联系;按团长、周和会员的哈希抽取,同一周结果不变。' +
      '联系记录里标为"不再打扰"的会员不再出现在任务里(直到 clear),"拒绝"的会员休息 activities.rest_weeks_after_decline 周。' +
      '--format checklist 输出一份 CSV 执行清单(UTF-8 带 BOM,CRLF),每个任务每位会员一行,填好 outcome 和 note 后用 tuan log import 导回。',
    en:
      'Builds the plan of one ISO week (Monday first) for one leader following the 黄金触达时间表 (§4.3): new members welcomed within ' +
      'hours of their first order (daily lists), at-risk recommendations, 成长期 新品试用 (Wednesday evening by default), 成熟期 会员权益更新 ' +
      'on the 1st of the month, one care message per silent member (rotating every few weeks, capped per week), calls to churned members ' +
      'with the highest past spend, and three community interactions a day (§5.1). Audiences are the stages as of the Sunday before the ' +
      'week (or --as-of if earlier), so the plan does not change during the week. Red lines are enforced in code: a silent member gets at ' +
      'most one message a week, churned members only get calls. Ends with the KPI targets of the audiences (kpi.targets) and the cost of the coupons ' +
      'it proposes (values in activities.*). One-to-one messages are capped at activities.max_private_per_day a day (welcomes included); ' +
      'the rest move to the next days of the week by priority (at-risk members, the mature benefits update, silent care, growth trials) ' +
      'and what does not fit is reported as not scheduled. --format json gives the tasks with member IDs only; --format text gives each ' +
      "day's group posts and every member's message in full, plain text ready to paste into WeChat. " +
      'A share of every member list (activities.holdout_share, 10% by default) is set aside as a control group that is not contacted ' +
      'that week (对照组), drawn by a seeded hash of leader, week and member, so the same week gives the same holdout; members the ' +
      'contact log marks 不再打扰 are left out until cleared, and a member who declined rests activities.rest_weeks_after_decline weeks. ' +
      '--format checklist writes a CSV to fill in (outcome, note) and bring back with tuan log import: one row per task and member, ' +
      'columns task_id,date,time,leader_id,member_id,member,stage,action,script,group,outcome,note (UTF-8 with BOM, CRLF).',
  },
  examples: [
    'tuan plan --leader L001 --week next',
    'tuan plan --leader L002 --week 2026-W44 --as-of 2026-10-31 --format html --out plan.html',
    'tuan plan --leader L003 --week this --format json',
    'tuan plan --leader L001 --week next --format checklist --out checklist.csv',
  ],
  configure(cmd, say) {
    cmd
      .addOption(leaderOption(say))
      .addOption(
        new Option(
          '--week <week>',
          say('ISO 周 YYYY-Www,或相对 --as-of 的 this(本周)/ next(下周)', 'ISO week YYYY-Www, or this / next relative to --as-of'),
        ).default('next'),
      )
      .addOption(formatOption(say, ['md', 'html', 'json', 'text', 'checklist']))
      .addOption(outOption(say))
      .addOption(templatesOption(say));
  },
  async run(_args, opts, ctx) {
    const templates = opts.format === 'json' || opts.format === 'checklist' ? null : loadTemplates(ctx, opts.templates);
    const week = weekOf(String(opts.week), ctx.asOf);
    const r = withRead(ctx, (db) =>
      plan(db, {
        config: ctx.config,
        asOf: ctx.asOf,
        lang: ctx.lang,
        unmask: ctx.unmask,
        week,
        leader: typeof opts.leader === 'string' ? opts.leader : undefined,
      }),
    );
    if (daysBetween(ctx.asOf, week.start) > 8) {
      ctx.io.stderr.write(m(ctx.lang, 'plan.far', { week: week.code, asOf: ctx.asOf, days: daysBetween(ctx.asOf, week.start) }) + '\n');
    }
    let text: string;
    if (opts.format === 'checklist')
      text = renderSheetCsv(
        [...CHECKLIST_COLUMNS],
        r.checklist.map((row) => CHECKLIST_COLUMNS.map((c) => row[c])),
      );
    else if (!templates) text = renderJson(r.json);
    else if (opts.format === 'text') {
      text = planText(week.code, r.leaderId, r.messages, messageRenderer(templates), ctx.lang);
      ctx.io.stderr.write(unfitWarning(text, ctx.lang));
    } else text = asFormat(templates.render('plan', r.context), String(opts.format), `${week.code} · ${r.leaderId}`, ctx);
    emit(ctx, text, opts.out);
    return EXIT.ok;
  },
};
