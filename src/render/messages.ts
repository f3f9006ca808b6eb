/**
 * Messages ready to paste into WeChat (issue #16): `tuan today` (text and Markdown) and `tuan plan --format text`.
 * The message texts come from templates (post.hbs, message.hbs) through `render`; this module lays them out.
 * Text format rules: no Markdown (no tables, `#`, `**`, list dashes), short paragraphs, every message between two
 * separator lines so it can be copied alone, at most MESSAGE_MAX_CHARS characters a message.
 */
import type { DayMessages, MessageContext, PostContext, Today, TodayLine } from '../core/activities/index.js';
import { STAGE_NAMES } from '../core/members/index.js';
import { defineMessages, pick, type Lang } from '../i18n.js';

/** A message longer than this does not fit a phone screen or WeChat's preview: the templates stay under it. */
export const MESSAGE_MAX_CHARS = 500;
/** The line above and below each message in the text format. */
export const SEPARATOR = '————————';

export type RenderTemplate = (name: 'post' | 'message', context: PostContext | MessageContext) => string;

const m = defineMessages({
  'msg.post.morning': ['早安问候', 'good-morning post'],
  'msg.post.share': ['晒单有礼', 'share a photo, get a voucher'],
  'msg.post.tip': ['时令小知识', 'seasonal tip'],
  'msg.post.trial_preview': ['新品试用预告', 'new product trial preview'],
  'msg.post.qa': ['邻里问答', "neighbours' questions"],
  'msg.post.menu_solitaire': ['周末菜单接龙', 'weekend menu list'],
  'msg.post.weekend': ['周末活动', 'weekend activity'],
  'msg.post.vote': ['下周选品投票', "vote on next week's products"],
  'msg.post.evening_solitaire': ['晚间接龙 + 取货提醒', 'evening order list and pick-up reminder'],
  'msg.post.open_qa': ['群内答疑', 'questions time'],
  'msg.post.task_card': ['成长任务卡规则', 'growth task card rules'],
  'msg.post.benefits_day': ['会员权益日', 'member benefits day'],
  'msg.why.welcome': ['新会员,{date} 第一单:{hours} 小时内欢迎', 'new member, first order on {date}: welcome within {hours} hours'],
  'msg.why.at_risk': ['{stage}风险会员,{days} 天没下单', 'at-risk {stage} member, no order for {days} days'],
  'msg.why.now': [',现已进入{stage}', '; now {stage}'],
  'msg.why.growth_trial': ['成长期新品试用', 'growth-stage product trial'],
  'msg.why.mature_update': ['成熟期会员权益更新', 'mature member benefits update'],
  'msg.why.silent_care': [
    '沉默期关怀({days} 天没下单;本周只发这一条)',
    'silent-member care ({days} days without an order; the only message this week)',
  ],
  'msg.why.churned_call': ['流失期电话回访(只打电话,不发消息)', 'churned-member call (a call only, no message)'],
  'msg.why.usual_day': [
    '平时常在{weekday}下单,已经 {days} 天没下单(通常隔 {gap} 天)',
    'usually orders on {weekday}; no order for {days} days (usually every {gap} days)',
  ],
  'msg.why.follow_up': ['{date} 回复过,之后没有下单', 'replied on {date}, no order since'],
  'msg.why.rest_end': ['{date} 拒绝过,休息期今天结束', 'declined on {date}; the rest ends today'],
  'msg.why.birthday': ['今天生日', 'birthday today'],
  'msg.today.title': ['今天 · {date} {weekday}{leader}', 'Today · {weekday} {date}{leader}'],
  'msg.today.summary': ['一对一 {people} 位 · 群发 {posts} 条', '{people} one-to-one · {posts} group posts'],
  'msg.today.posts': ['群发(复制到群里)', 'Group posts (copy into the group)'],
  'msg.today.people': ['一对一(复制私信;打电话的看要点)', 'One-to-one (copy as a private message; calls: the notes)'],
  'msg.today.nobody': ['今天没有要一对一联系的会员。', 'Nobody to contact one-to-one today.'],
  'msg.today.self': ['自己要做', 'For yourself'],
  'msg.today.deferred': [
    '另有 {n} 位超出每天上限(activities.max_private_per_day),今天不发。',
    '{n} more over the daily cap (activities.max_private_per_day): not today.',
  ],
  'msg.self.prepare': ['准备本周物料,用 tuan plan 看本周计划', "prepare the week's materials; see the week with tuan plan"],
  'msg.self.review': ['周复盘:统计回复和下单的人数', 'weekly review: count replies and orders'],
  'msg.channel.private': ['私信', 'message'],
  'msg.channel.call': ['电话', 'call'],
  'msg.channel.group': ['群发', 'group'],
  'msg.task.count': ['{n} 位', '{n}'],
  'msg.task.welcome': ['{channel} · {act}(首单后 {h} 小时内)', '{channel} · {act} (within {h} hours of the first order)'],
  'msg.task.head': ['{time} {channel} · {act}', '{time} {channel} · {act}'],
  'msg.act.welcome': ['新会员欢迎', 'new-member welcome'],
  'msg.act.at_risk': ['{stage}风险会员推荐', 'at-risk {stage} members: recommendations'],
  'msg.act.growth_trial': ['成长期新品试用', 'growth-stage product trial'],
  'msg.act.mature_update': ['成熟期会员权益更新', 'mature member benefits update'],
  'msg.act.silent_care': ['沉默期关怀(本周只发这一条)', 'silent-member care (the only message this week)'],
  'msg.act.churned_call': ['流失期电话回访(只打电话)', 'churned-member calls (calls only)'],
  'msg.task.estimated': [
    '名单要等会员下单后才知道{est}:用 tuan today 当天看',
    'known only once they order{est}: see tuan today on the day',
  ],
  'msg.task.estimate': [',预计约 {n} 位', ', about {n} expected'],
  'msg.plan.title': ['团长周计划(可复制的消息)· {week}{leader}', 'Weekly plan (messages to paste) · {week}{leader}'],
  'msg.plan.day': ['【{weekday} {date}】', '[{weekday} {date}]'],
  'msg.plan.benefits': [' 会员权益日', ' member benefits day'],
  'msg.unfit': [
    '注意:{n} 条消息超过 {max} 字或含有 Markdown 符号,粘贴到微信前请改短(模板 post.hbs / message.hbs)',
    'note: {n} message(s) longer than {max} characters or holding Markdown; shorten them before pasting into WeChat (templates post.hbs / message.hbs)',
  ],
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const short = (d: string, lang: Lang) =>
  lang === 'en'
    ? `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]}`
    : `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** Markdown a pasted message must not hold: headings, bold, tables, list dashes, quotes, code fences. */
const MARKDOWN = [/^\s*#/m, /\*\*/, /__/, /^\s*\|.*\|\s*$/m, /^\s*[-*+] /m, /^\s*>/m, /```/, /`[^`\n]+`/];

/** What is wrong with a message for WeChat: too long, or Markdown syntax; empty when it is fine. */
export function messageProblems(text: string): string[] {
  const out: string[] = [];
  const n = [...text].length;
  if (n > MESSAGE_MAX_CHARS) out.push(`${n} characters (at most ${MESSAGE_MAX_CHARS})`);
  for (const re of MARKDOWN) if (re.test(text)) out.push(`Markdown syntax ${re}`);
  return out;
}

/** The messages of a text-format output (what stands between a pair of separator lines) that do not fit WeChat. */
export function unfitMessages(text: string): { message: string; problems: string[] }[] {
  return text
    .split(`\n${SEPARATOR}\n`)
    .filter((_, i) => i % 2 === 1)
    .map((message) => ({ message, problems: messageProblems(message) }))
    .filter((x) => x.problems.length > 0);
}

/** A warning for stderr when a (user) template made messages that do not fit WeChat; '' when all fit. */
export function unfitWarning(text: string, lang: Lang): string {
  const n = unfitMessages(text).length;
  return n === 0 ? '' : `${m(lang, 'msg.unfit', { n, max: MESSAGE_MAX_CHARS })}\n`;
}

/** A rendered message with blank runs collapsed and trailing spaces removed. */
export function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const block = (text: string) => `${SEPARATOR}\n${tidy(text)}\n${SEPARATOR}`;

const whom = (name: string, id: string) => (name === '' || name === id ? id : `${name}(${id})`);

function why(l: TodayLine, ctx: MessageContext, lang: Lang): string {
  const days = ctx.member.recency_days;
  switch (l.reason) {
    case 'welcome':
      return m(lang, 'msg.why.welcome', {
        date: short(l.firstOrderDate ?? ctx.member.first_order_date, lang),
        hours: ctx.schedule.welcome_within_hours,
      });
    case 'usual_day':
      return m(lang, 'msg.why.usual_day', { weekday: ctx.message.usual_weekday_name ?? '', days, gap: l.usualGapDays ?? '' });
    case 'follow_up':
    case 'rest_end':
      return m(lang, `msg.why.${l.reason}`, { date: short(l.contactDate ?? '', lang) });
    case 'birthday':
      return m(lang, 'msg.why.birthday');
    default:
      return actionWhy(l, ctx, lang);
  }
}

/** Why a planned task: the stage is the plan's (as of the Sunday before), and says so when the member has moved on since. */
function actionWhy(l: TodayLine, ctx: MessageContext, lang: Lang): string {
  const planned = l.planStage && l.planStage !== l.stage ? pick(lang, STAGE_NAMES[l.planStage]) : null;
  const text = m(lang, `msg.why.${l.message}` as 'msg.why.growth_trial', {
    stage: planned ?? ctx.member.stage.name,
    days: ctx.member.recency_days,
  });
  return planned ? text + m(lang, 'msg.why.now', { stage: ctx.member.stage.name }) : text;
}

export interface TodayView {
  leaderId: string;
  today: Today;
  posts: { kind: string; time: string; context: PostContext }[];
  messages: { memberId: string; name: string; context: MessageContext }[];
}

function todayParts(v: TodayView, render: RenderTemplate, lang: Lang) {
  const t = v.today;
  const weekday = v.posts[0]?.context.post.weekday_name ?? '';
  return {
    title: m(lang, 'msg.today.title', { date: short(t.date, lang), weekday, leader: v.leaderId ? ` · ${v.leaderId}` : '' }),
    summary: m(lang, 'msg.today.summary', { people: t.lines.length, posts: v.posts.length }),
    posts: v.posts.map((p) => ({
      head: `${p.time} ${m(lang, `msg.post.${p.kind}` as 'msg.post.morning')}`,
      text: tidy(render('post', p.context)),
    })),
    people: t.lines.map((l, i) => {
      const msg = v.messages[i]!;
      const time = l.time === '' || l.time.startsWith('+') ? '' : `${l.time} `; // a welcome's time is in its reason
      return {
        head: `${i + 1}. ${whom(msg.name, l.memberId)} · ${time}${m(lang, `msg.channel.${l.channel}`)} · ${why(l, msg.context, lang)}`,
        text: tidy(render('message', msg.context)),
      };
    }),
    self: t.self.map((s) => `${s.time} ${m(lang, `msg.self.${s.action}` as 'msg.self.prepare')}`),
    deferred: t.deferred > 0 ? m(lang, 'msg.today.deferred', { n: t.deferred }) : '',
  };
}

/** `tuan today --format text`: plain text to read on a phone and copy message by message. */
export function todayText(v: TodayView, render: RenderTemplate, lang: Lang): string {
  const p = todayParts(v, render, lang);
  const out = [p.title, p.summary, ''];
  out.push(`【${m(lang, 'msg.today.people')}】`, '');
  if (p.people.length === 0) out.push(m(lang, 'msg.today.nobody'), '');
  for (const x of p.people) out.push(x.head, block(x.text), '');
  if (p.deferred) out.push(p.deferred, '');
  out.push(`【${m(lang, 'msg.today.posts')}】`, '');
  for (const x of p.posts) out.push(x.head, block(x.text), '');
  if (p.self.length) out.push(`【${m(lang, 'msg.today.self')}】`, ...p.self, '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** `tuan today` (Markdown): the same content, each message in a text block. */
export function todayMarkdown(v: TodayView, render: RenderTemplate, lang: Lang): string {
  const p = todayParts(v, render, lang);
  const fenced = (text: string) => `\`\`\`text\n${text}\n\`\`\``;
  const out = [`# ${p.title}`, '', p.summary, '', `## ${m(lang, 'msg.today.people')}`, ''];
  if (p.people.length === 0) out.push(m(lang, 'msg.today.nobody'), '');
  for (const x of p.people) out.push(`### ${x.head}`, '', fenced(x.text), '');
  if (p.deferred) out.push(p.deferred, '');
  out.push(`## ${m(lang, 'msg.today.posts')}`, '');
  for (const x of p.posts) out.push(`### ${x.head}`, '', fenced(x.text), '');
  if (p.self.length) out.push(`## ${m(lang, 'msg.today.self')}`, '', ...p.self.map((s) => `- ${s}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** `tuan plan --format text`: every day of the week with its group posts and one message per member. */
export function planText(week: string, leaderId: string, days: readonly DayMessages[], render: RenderTemplate, lang: Lang): string {
  const out = [m(lang, 'msg.plan.title', { week, leader: leaderId ? ` · ${leaderId}` : '' }), ''];
  for (const d of days) {
    out.push(
      m(lang, 'msg.plan.day', { weekday: d.weekdayName, date: short(d.date, lang) }) + (d.monthStart ? m(lang, 'msg.plan.benefits') : ''),
      '',
    );
    const items: { time: string; lines: string[] }[] = [];
    for (const p of d.posts)
      items.push({
        time: p.time,
        lines: [
          `${p.time} ${m(lang, 'msg.channel.group')} · ${m(lang, `msg.post.${p.kind}` as 'msg.post.morning')}`,
          block(render('post', p.context)),
          '',
        ],
      });
    for (const t of d.tasks) {
      if (t.messages.length === 0 && t.estimated === null) continue;
      const parts = {
        time: t.time,
        h: t.time.replace(/\D/g, ''),
        channel: m(lang, `msg.channel.${t.channel}` as 'msg.channel.private'),
        act: m(lang, `msg.act.${t.action}` as 'msg.act.welcome', { stage: t.stageName }),
      };
      const head = m(lang, t.time.startsWith('+') ? 'msg.task.welcome' : 'msg.task.head', parts);
      if (t.messages.length === 0) {
        const est = t.estimated ? m(lang, 'msg.task.estimate', { n: t.estimated }) : '';
        items.push({ time: t.time, lines: [`${head}${lang === 'en' ? ': ' : ':'}${m(lang, 'msg.task.estimated', { est })}`, ''] });
        continue;
      }
      const lines = [`${head} · ${m(lang, 'msg.task.count', { n: t.messages.length })}`];
      t.messages.forEach((x, i) => lines.push(`${i + 1}. ${whom(x.name, x.memberId)}`, block(render('message', x.context))));
      items.push({ time: t.time, lines: [...lines, ''] });
    }
    const key = (t: string) => (t.startsWith('+') ? '' : t); // welcomes (+2h) run all day: first
    items.sort((a, b) => (key(a.time) < key(b.time) ? -1 : key(a.time) > key(b.time) ? 1 : 0));
    for (const i of items) out.push(...i.lines);
  }
  return `${out.join('\n').trimEnd()}\n`;
}
