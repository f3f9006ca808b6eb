/**
 * `tuan today` and the messages ready to paste (issue #16): golden files in both languages, the day's tasks are
 * the plan's, and every message of the text format fits WeChat (at most 500 characters, no Markdown).
 * Fixture: test/fixtures/today (expected values in its README) and test/fixtures/activity.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGE_MAX_CHARS, messageProblems, SEPARATOR } from '../../src/render/messages.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rows } from '../helpers/db.js';
import { ROOT, runTuan, workdir } from '../helpers/run-tuan.js';
import { activityDir, AS_OF } from './activity-helpers.js';

const DAY = ['--as-of', '2026-11-04'];
const WEEK = ['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01'];

async function todayDir(): Promise<string> {
  const cwd = workdir(['today/orders.csv', 'today/leaders.csv', 'today/tuan.config.yaml']);
  expect((await runTuan(['import', 'orders.csv', '--leaders', 'leaders.csv'], { cwd })).code).toBe(0);
  return cwd;
}

/** The messages of a text-format output: what stands between a pair of separator lines. */
function messagesOf(text: string): string[] {
  const parts = text.split(`\n${SEPARATOR}\n`);
  return parts.filter((_, i) => i % 2 === 1);
}

describe('tuan today', () => {
  it('welcomes since yesterday, then the usual-day reminder; the posts of a Wednesday (fixture README)', async () => {
    const cwd = await todayDir();
    const r = await runTuan(['today', '--leader', 'L1', '--format', 'json', ...DAY], { cwd });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.people.map((p: { member_id: string; reason: string }) => `${p.member_id} ${p.reason}`)).toEqual([
      'D1 welcome',
      'C1 welcome',
      'E1 birthday',
      'A1 usual_day',
    ]);
    expect(j.people[3]).toMatchObject({ usual_weekday: 3, usual_gap_days: 7 });
    expect(j.posts.map((p: { time: string; kind: string }) => `${p.time} ${p.kind}`)).toEqual([
      '08:00 morning',
      '12:00 trial_preview',
      '20:00 task_card',
      '20:00 evening_solitaire',
    ]);
    expect(r.stdout).not.toMatch(/安阿姨|1390000/);
  });

  it('golden files: Markdown and text, Chinese and English', async () => {
    const cwd = await todayDir();
    for (const [format, ext] of [
      ['md', 'md'],
      ['text', 'txt'],
    ] as const) {
      const zh = await runTuan(['today', '--leader', 'L1', '--format', format, ...DAY], { cwd });
      const en = await runTuan(['--lang', 'en', 'today', '--leader', 'L1', '--format', format, ...DAY], { cwd });
      expect([zh.code, en.code, zh.stderr, en.stderr]).toEqual([0, 0, '', '']);
      await expect(zh.stdout).toMatchFileSnapshot(`../golden/today/L1-2026-11-04.${ext}`);
      await expect(en.stdout).toMatchFileSnapshot(`../golden/today/L1-2026-11-04-en.${ext}`);
    }
  });

  it('birthdays come from the export (生日), are read leniently, and tuan forget blanks them', async () => {
    const cwd = await todayDir();
    const db = join(cwd, 'tuan.db');
    expect(rows(db, "SELECT member_id, birthday FROM order_lines WHERE birthday <> '' GROUP BY 1, 2 ORDER BY 1")).toEqual([
      ['B1', '03-15'],
      ['E1', '1975-11-04'],
    ]);
    expect((await runTuan(['forget', 'E1', 'B1', '--yes'], { cwd })).code).toBe(0);
    expect(rows(db, "SELECT count(*) FROM order_lines WHERE birthday <> ''")).toEqual([[0]]);
    const j = JSON.parse((await runTuan(['today', '--leader', 'L1', '--format', 'json', ...DAY], { cwd })).stdout);
    expect(j.people.map((p: { reason: string }) => p.reason)).not.toContain('birthday');
  });

  it('several leaders and no --leader: a usage error naming them (exit 2)', async () => {
    const cwd = await activityDir();
    const r = await runTuan(['--lang', 'en', 'today', ...AS_OF], { cwd });
    expect([r.code, r.stderr]).toEqual([2, "tuan: a day's list is for one leader: give --leader ID\nhint: known leaders: L1, L2\n"]);
  });

  it('names only with --unmask; masked, the greeting is the placeholder the leader replaces', async () => {
    const cwd = await todayDir();
    const masked = await runTuan(['today', '--leader', 'L1', '--format', 'text', ...DAY], { cwd });
    const open = await runTuan(['today', '--leader', 'L1', '--format', 'text', '--unmask', ...DAY], { cwd });
    expect(masked.stdout).toContain('【称呼】,您好!');
    expect(masked.stdout).not.toMatch(/安阿姨|邓奶奶/);
    expect(open.stdout).toContain('安阿姨,您好!');
    expect(open.stdout).toContain('邓奶奶,您好!');
  });

  it("the day's tasks are the plan's: the same members as tuan plan --week this on every day of a week", async () => {
    const cwd = await activityDir();
    for (const date of WEEK) {
      const t = JSON.parse((await runTuan(['today', '--leader', 'L1', '--format', 'json', '--as-of', date], { cwd })).stdout);
      const p = JSON.parse(
        (await runTuan(['plan', '--leader', 'L1', '--week', 'this', '--format', 'json', '--as-of', date], { cwd })).stdout,
      );
      const day = p.days.find((d: { date: string }) => d.date === date);
      const planned = day.tasks
        .filter((x: { action: string; channel: string }) => x.action !== 'welcome' && (x.channel === 'private' || x.channel === 'call'))
        .flatMap((x: { action: string; member_ids: string[] }) => x.member_ids.map((id) => `${id} ${x.action}`));
      const listed = t.people
        .filter((x: { reason: string }) => x.reason === 'plan')
        .map((x: { member_id: string; message: string }) => `${x.member_id} ${x.message}`);
      expect(listed, date).toEqual(planned);
    }
  });
});

describe('--format text pastes cleanly into WeChat', () => {
  it(`no message longer than ${MESSAGE_MAX_CHARS} characters or holding Markdown, every day of a week, both languages`, async () => {
    const cwd = await activityDir();
    let seen = 0;
    const kinds = new Set<string>();
    for (const lang of ['zh-CN', 'en']) {
      for (const date of WEEK) {
        for (const extra of [[], ['--unmask']]) {
          const r = await runTuan(['--lang', lang, 'today', '--leader', 'L1', '--format', 'text', '--as-of', date, ...extra], { cwd });
          expect(r.code).toBe(0);
          for (const m of messagesOf(r.stdout)) {
            seen++;
            expect(messageProblems(m), `${lang} ${date}:\n${m}`).toEqual([]);
          }
          expect(r.stdout).not.toMatch(/^#|^\|.*\|$|^```/m);
        }
        const j = JSON.parse((await runTuan(['today', '--leader', 'L1', '--format', 'json', '--as-of', date], { cwd })).stdout);
        for (const p of j.posts) kinds.add(p.kind);
        for (const p of j.people) kinds.add(p.message);
      }
      const plan = await runTuan(['--lang', lang, 'plan', '--leader', 'L1', '--week', '2026-W44', '--format', 'text', ...AS_OF], { cwd });
      for (const m of messagesOf(plan.stdout)) expect(messageProblems(m), m).toEqual([]);
    }
    // every group post of the week and every kind of one-to-one message the fixture reaches was checked
    expect([...kinds].sort()).toEqual(
      [
        'benefits_day',
        'churned_call',
        'evening_solitaire',
        'growth_trial',
        'at_risk',
        'mature_update',
        'menu_solitaire',
        'morning',
        'qa',
        'share',
        'silent_care',
        'task_card',
        'tip',
        'trial_preview',
        'vote',
        'weekend',
        'welcome',
      ].sort(),
    );
    expect(seen).toBeGreaterThan(100);
  });

  it('the check itself catches a long message and Markdown', () => {
    expect(messageProblems('好'.repeat(MESSAGE_MAX_CHARS))).toEqual([]);
    expect(messageProblems('好'.repeat(MESSAGE_MAX_CHARS + 1))).toEqual(['501 characters (at most 500)']);
    for (const md of ['# 标题', '**重点**', '| a | b |', '- 一项', '> 引用', '```\ncode\n```', '用 `tuan`'])
      expect(messageProblems(md), md).not.toEqual([]);
    expect(messageProblems('1. 【商品和价格】\n2.')).toEqual([]);
  });

  it('a user template that makes a message too long is warned about on stderr (the output is still written)', async () => {
    const cwd = await todayDir();
    mkdirSync(join(cwd, 'tpl'));
    writeFileSync(join(cwd, 'tpl', 'post.hbs'), `{{#if (eq post.kind "morning")}}${'早上好'.repeat(200)}{{/if}}\n`);
    const r = await runTuan(['today', '--leader', 'L1', '--format', 'text', '--templates', 'tpl', ...DAY], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('注意:1 条消息超过 500 字或含有 Markdown 符号,粘贴到微信前请改短(模板 post.hbs / message.hbs)\n');
    expect(r.stdout).toContain('早上好早上好');
  });

  it('tuan plan --format text: golden files in both languages', async () => {
    const cwd = await activityDir();
    const zh = await runTuan(['plan', '--leader', 'L1', '--week', '2026-W44', '--format', 'text', ...AS_OF], { cwd });
    const en = await runTuan(['--lang', 'en', 'plan', '--leader', 'L1', '--week', '2026-W44', '--format', 'text', ...AS_OF], { cwd });
    expect([zh.code, en.code]).toEqual([0, 0]);
    expect(zh.stdout).not.toMatch(/蒋[^*]|杨同学|1[3-9]\d{9}/); // names and phones masked
    await expect(zh.stdout).toMatchFileSnapshot('../golden/plan/L1-2026-W44-text.txt');
    await expect(en.stdout).toMatchFileSnapshot('../golden/plan/L1-2026-W44-text-en.txt');
  });
});

describe('tuan today on the sample data', () => {
  it('an at-risk task names the stage the plan chose the member for, and says when the member has moved on since', async () => {
    const cwd = workdir([join(ROOT, 'data/sample-orders.csv'), join(ROOT, 'data/leaders.csv')]);
    expect((await runTuan(['import', 'sample-orders.csv', '--leaders', 'leaders.csv'], { cwd })).code).toBe(0);
    // W44's plan is made as of Sunday 2026-10-25: M00348 (last order 2026-09-25) was a 成熟期 member 30 days out,
    // at risk; on Wednesday 10-28 it is 33 days, past stages.silent_after_days (30), so 沉默期 now
    const zh = await runTuan(['today', '--leader', 'L001', '--as-of', '2026-10-28', '--format', 'text'], { cwd });
    expect(zh.stdout).toContain('小**(M00348) · 19:30 私信 · 成熟期风险会员,33 天没下单,现已进入沉默期');
    expect(zh.stdout).toContain('石*(M00633) · 19:30 私信 · 成熟期风险会员,18 天没下单\n');
    const en = await runTuan(['--lang', 'en', 'today', '--leader', 'L001', '--as-of', '2026-10-28', '--format', 'text'], { cwd });
    expect(en.stdout).toContain('at-risk Mature member, no order for 33 days; now Silent');
  });
});
