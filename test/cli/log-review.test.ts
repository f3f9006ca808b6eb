/**
 * The loop of issue #13 through the CLI: plan --format checklist, tuan log import / MEMBER / list, tuan review on the
 * hand-made fixture test/fixtures/review/ (every expected number is worked out in its README), a v2 database migrating,
 * and forget deleting the contact log rows.
 */
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { query } from '../helpers/db.js';
import { runTuan, workdir } from '../helpers/run-tuan.js';
import { activityDir, AS_OF } from './activity-helpers.js';

async function ok(cwd: string, args: string[]): Promise<string> {
  const r = await runTuan(args, { cwd });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

async function reviewDir(): Promise<string> {
  const cwd = workdir(['review/orders.csv', 'review/checklist.csv']);
  await ok(cwd, ['import', 'orders.csv', '--as-of', '2026-11-30']);
  return cwd;
}

const REVIEW = ['review', '--from', '2026-11-02', '--to', '2026-11-08', '--as-of', '2026-11-30'];

describe('tuan plan --format checklist', () => {
  it('exact columns, UTF-8 with BOM and CRLF, one row per task and member, names masked unless --unmask', async () => {
    const cwd = await activityDir();
    const out = await ok(cwd, ['plan', '--leader', 'L1', '--week', '2026-W44', '--format', 'checklist', ...AS_OF]);
    expect(out.startsWith('\uFEFFtask_id,date,time,leader_id,member_id,member,stage,action,script,group,outcome,note\r\n')).toBe(true);
    expect(out.endsWith('\r\n')).toBe(true);
    const lines = out.slice(1).trimEnd().split('\r\n');
    // the JSON plan's tasks with members (test/cli/plan.test.ts): 9 contact rows and M06 in the holdout
    expect(lines.slice(1).map((l) => l.split(',').slice(4, 5).concat(l.split(',').slice(6, 10)).join(' '))).toEqual([
      'M12 intro welcome script-welcome contact',
      'M01 intro at_risk script-growth contact',
      'M04 growth at_risk script-growth contact',
      'M03 growth growth_trial script-growth contact',
      'M07 silent silent_care script-silent contact',
      'M09 silent silent_care script-silent contact',
      'M13 intro welcome script-welcome contact',
      'M10 churned churned_call script-churned contact',
      'M05 mature mature_update script-mature contact',
      'M06 mature mature_update script-mature holdout',
    ]);
    expect(out).not.toMatch(/1[3-9]\d{9}|赵老太|孙阿姨/);
    const json = JSON.parse(await ok(cwd, ['plan', '--leader', 'L1', '--week', '2026-W44', '--format', 'json', ...AS_OF]));
    const ids = json.days.flatMap((d: { tasks: { task_id: string; count: number }[] }) =>
      d.tasks.filter((t) => t.count > 0).map((t) => t.task_id),
    );
    expect([...new Set(lines.slice(1).map((l) => l.split(',')[0]))]).toEqual(ids); // the same stable ids
    const again = await ok(cwd, ['plan', '--leader', 'L1', '--week', '2026-W44', '--format', 'checklist', ...AS_OF]);
    expect(again).toBe(out);
    const open = await ok(cwd, ['plan', '--leader', 'L1', '--week', '2026-W44', '--format', 'checklist', '--unmask', ...AS_OF]);
    expect(open).toContain('孙阿姨');
  });
});

describe('tuan plan --format checklist is safe to open in a spreadsheet', () => {
  it('a name that reads like a formula starts with a quote; the quote does not stop the row from being read back', async () => {
    const cwd = workdir();
    writeFileSync(
      join(cwd, 'o.csv'),
      '订单号,下单时间,会员ID,会员昵称,团长ID,商品名称,实付金额,订单状态\n' +
        'F1,2026-09-01 10:00,M1,=HYPERLINK("http://x"),L1,米,30.00,已完成\nF2,2026-09-28 10:00,M2,王五,L1,米,30.00,已完成\n',
    );
    await ok(cwd, ['import', 'o.csv']);
    const out = await ok(cwd, [
      'plan',
      '--leader',
      'L1',
      '--week',
      '2026-W45',
      '--as-of',
      '2026-11-01',
      '--format',
      'checklist',
      '--unmask',
    ]);
    expect(out).toContain(`,M1,"'=HYPERLINK(""http://x"")",silent,silent_care,`);
    writeFileSync(join(cwd, 'c.csv'), out.replace(',contact,,', ',contact,sent,'));
    expect(await ok(cwd, ['log', 'import', 'c.csv'])).toMatch(/拒收 0 行/);
  });
});

describe('tuan log import', () => {
  it('records every row; the same file again changes nothing; an edit updates; bad rows are rejected with their line', async () => {
    const cwd = await reviewDir();
    expect(await ok(cwd, ['log', 'import', 'checklist.csv'])).toBe('checklist.csv:读取 82 行 → 新增 82,更新 0,未变 0;拒收 0 行\n');
    const db = join(cwd, 'tuan.db');
    expect(query(db, 'SELECT contact_group AS g, count(*) AS n FROM contact_log GROUP BY 1 ORDER BY 1')).toEqual([
      { g: 'contact', n: 50 },
      { g: 'holdout', n: 32 },
    ]);
    expect(query(db, "SELECT outcome, count(*) AS n FROM contact_log WHERE contact_group = 'contact' GROUP BY 1 ORDER BY 1")).toEqual([
      { outcome: null, n: 2 },
      { outcome: 'declined', n: 1 },
      { outcome: 'do_not_disturb', n: 1 },
      { outcome: 'replied', n: 5 },
      { outcome: 'sent', n: 38 },
      { outcome: 'unreachable', n: 3 },
    ]);
    const r = await runTuan(['log', 'import', 'checklist.csv', '--lang', 'en'], { cwd });
    expect(r.stdout).toBe('checklist.csv: 82 rows read → 0 new, 0 updated, 82 unchanged; 0 rejected\n');
    // the leader fills in N1 later, writes an unknown word for N2 and edits a task id
    const text = readFileSync(join(cwd, 'checklist.csv'), 'utf8').split('\r\n');
    const n1 = text.findIndex((l) => l.includes(',N1,'));
    text[n1] = text[n1]!.replace(',contact,,', ',contact,已回复,');
    text[n1 + 1] = text[n1 + 1]!.replace(',contact,,', ',contact,maybe,');
    text[1] = text[1]!.replace(/^t[0-9a-f]{10}/, 'tffffffffff');
    writeFileSync(join(cwd, 'edited.csv'), text.join('\r\n'));
    const e = await runTuan(['log', 'import', 'edited.csv', '--lang', 'en'], { cwd });
    expect(e.code).toBe(0);
    expect(e.stdout).toBe(
      'edited.csv: 82 rows read → 0 new, 1 updated, 79 unchanged; 2 rejected\n' +
        `  line 2 task_id: unknown task "tffffffffff": it does not match the row's leader, date, time, action and stage (was the checklist edited?)\n` +
        `  line ${n1 + 2} outcome: unknown outcome "maybe": use sent, replied, declined, do_not_disturb, unreachable, or leave it empty\n`,
    );
    expect(query(db, "SELECT outcome FROM contact_log WHERE member_id = 'N1'")).toEqual([{ outcome: 'replied' }]);
  });

  it('a row whose member the database has no order of (a hand-edited id such as ../../x) is rejected; the rest is recorded', async () => {
    const cwd = await reviewDir();
    const text = readFileSync(join(cwd, 'checklist.csv'), 'utf8').split('\r\n');
    const n1 = text.findIndex((l) => l.includes(',N1,'));
    text[n1] = text[n1]!.replace(',N1,', ',../../x,');
    writeFileSync(join(cwd, 'edited.csv'), text.join('\r\n'));
    const e = await runTuan(['log', 'import', 'edited.csv', '--lang', 'en'], { cwd });
    expect(e.code).toBe(0);
    expect(e.stdout).toBe(
      'edited.csv: 82 rows read → 81 new, 0 updated, 0 unchanged; 1 rejected\n' +
        `  line ${n1 + 1} member_id: no order of member "../../x"\n`,
    );
    expect(query(join(cwd, 'tuan.db'), "SELECT count(*) AS n FROM contact_log WHERE member_id = '../../x'")).toEqual([{ n: 0 }]);
  });

  it('reads a checklist saved as GBK by Excel or WPS', async () => {
    const cwd = await reviewDir();
    const utf8 = readFileSync(join(cwd, 'checklist.csv'), 'utf8').replace(/^\uFEFF/, '');
    writeFileSync(join(cwd, 'gbk.csv'), iconv.encode(utf8, 'gbk'));
    expect(await ok(cwd, ['log', 'import', 'gbk.csv'])).toBe('gbk.csv:读取 82 行 → 新增 82,更新 0,未变 0;拒收 0 行\n');
    expect(query(join(cwd, 'tuan.db'), "SELECT outcome FROM contact_log WHERE member_id = 'C3'")).toEqual([{ outcome: 'do_not_disturb' }]);
  });

  it('a file that is not a checklist: exit 3, nothing recorded', async () => {
    const cwd = await reviewDir();
    const r = await runTuan(['log', 'import', 'orders.csv', '--lang', 'en'], { cwd });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('orders.csv is not a checklist: missing column(s) task_id');
  });
});

describe('tuan log MEMBER_ID and tuan log list', () => {
  it('commander tells `log import FILE` from `log MEMBER --outcome`; notes are masked unless --unmask', async () => {
    const cwd = await reviewDir();
    await ok(cwd, ['log', 'import', 'checklist.csv']);
    expect(await ok(cwd, ['log', 'C3', '--outcome', 'clear', '--date', '2026-11-20', '--note', '张丽说可以再联系 13812345678'])).toBe(
      '已记录:C3(L1)2026-11-20 clear\n',
    );
    const bad = await runTuan(['log', 'C3', '--outcome', 'perhaps', '--lang', 'en'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--outcome "perhaps" is not a known outcome');
    const who = await runTuan(['log', 'NOBODY', '--outcome', 'sent', '--lang', 'en'], { cwd });
    expect(who.code).toBe(2);
    expect((await runTuan(['log', '--lang', 'en'], { cwd })).code).toBe(2);
    const list = JSON.parse(await ok(cwd, ['log', 'list', '--member', 'C3', '--format', 'json']));
    expect(list.map((r: { outcome: string; task_id: string | null }) => [r.outcome, r.task_id === null])).toEqual([
      ['do_not_disturb', false],
      ['clear', true],
    ]);
    expect(list[1].note).toBe('张*** 138****5678'); // every word masked like a name, the phone like a phone
    const open = JSON.parse(await ok(cwd, ['log', 'list', '--member', 'C3', '--format', 'json', '--unmask']));
    expect(open[1].note).toBe('张丽说可以再联系 13812345678');
    const c2 = await ok(cwd, [
      'log',
      'list',
      '--member',
      'C2',
      '--from',
      '2026-11-07',
      '--to',
      '2026-11-07',
      '--leader',
      'L1',
      '--format',
      'csv',
    ]);
    expect(c2.split('\n')[0]).toBe('date,time,leader_id,member_id,action,stage,group,outcome,note,task_id,script,recorded_at,source');
    expect(c2).toContain('2026-11-07,10:00,L1,C2,churned_call,churned,contact,declined,电***,te9b5af0b9a');
    expect(c2).toContain('checklist.csv:78'); // header, 75 silent_care rows, C1, C2
  });
});

describe('tuan review (test/fixtures/review/README.md)', () => {
  it('per action and stage: counts, rates, uplift with its interval, spend and discount, execution rate', async () => {
    const cwd = await reviewDir();
    await ok(cwd, ['log', 'import', 'checklist.csv']);
    const r = JSON.parse(await ok(cwd, [...REVIEW, '--format', 'json']));
    expect([r.from, r.to, r.window_days, r.execution_rate]).toEqual(['2026-11-02', '2026-11-08', 14, 0.9]);
    const [silent, churned] = r.groups;
    expect(silent).toMatchObject({
      action: 'silent_care',
      stage: 'silent',
      planned: 45,
      contacted: 40,
      unreachable: 3,
      not_done: 2,
      holdout: 30,
      contacted_ordered: 20,
      holdout_ordered: 6,
      contacted_rate: 0.5,
      holdout_rate: 0.2,
      uplift_reason: null,
      contacted_spend_fen: 100000,
      contacted_discount_fen: 5000,
      holdout_spend_fen: 24000,
    });
    expect(silent.uplift).toBeCloseTo(0.3, 12);
    expect(silent.uplift_ci[0]).toBeCloseTo(0.072285, 6);
    expect(silent.uplift_ci[1]).toBeCloseTo(0.481438, 6);
    expect(churned).toMatchObject({
      action: 'churned_call',
      stage: 'churned',
      planned: 5,
      contacted: 5,
      unreachable: 0,
      not_done: 0,
      holdout: 2,
      contacted_ordered: 1,
      holdout_ordered: 1,
      contacted_rate: 0.2,
      holdout_rate: 0.5,
      uplift: null,
      uplift_ci: null,
      uplift_reason: 'not yet measurable: 2 holdout members, at least 30 needed',
      contacted_spend_fen: 10000,
      contacted_discount_fen: 2000,
      holdout_spend_fen: 6000,
    });
    for (const k of ['from', 'to', 'window_days', 'execution_rate', 'groups']) expect(r).toHaveProperty(k);
    for (const k of [
      'action',
      'stage',
      'planned',
      'contacted',
      'unreachable',
      'not_done',
      'holdout',
      'contacted_ordered',
      'holdout_ordered',
      'contacted_rate',
      'holdout_rate',
      'uplift',
      'uplift_ci',
    ])
      expect(silent).toHaveProperty(k);
    const table = await ok(cwd, [...REVIEW]);
    expect(table).toContain('活动执行率 90.0%(45/50 行已联系),目标 ≥ 90.0%');
    expect(table).toContain('+30.0% [+7.2%, +48.1%]');
    expect(table).toContain('还不能衡量');
    // a shorter window: S20 (day 14) no longer counts
    const short = JSON.parse(await ok(cwd, [...REVIEW, '--window-days', '13', '--format', 'json']));
    expect(short.groups[0].contacted_ordered).toBe(19);
    const bad = await runTuan(['review', '--as-of', '2026-11-30'], { cwd });
    expect(bad.code).toBe(2);
  });
});

describe('the database', () => {
  it('a v2 database migrates to the current schema: contact log, discount column, deletions.contact_log, birthday', async () => {
    const cwd = await reviewDir();
    const file = join(cwd, 'tuan.db');
    const db = new Database(file);
    db.exec(
      `DROP TABLE contact_log; ALTER TABLE order_lines DROP COLUMN discount_fen; ALTER TABLE deletions DROP COLUMN contact_log; ALTER TABLE order_lines DROP COLUMN birthday;`,
    );
    db.pragma('user_version = 2');
    db.close();
    await ok(cwd, ['log', 'import', 'checklist.csv']);
    expect(query(file, 'PRAGMA user_version')).toEqual([{ user_version: 4 }]);
    expect(query(file, 'SELECT count(*) AS n, sum(discount_fen) AS d FROM order_lines')).toEqual([{ n: 113, d: 0 }]); // old lines: no discount
    // re-importing the file fills the discount in: the lines that have one are updated, the rest unchanged
    expect(await ok(cwd, ['import', 'orders.csv', '--as-of', '2026-11-30'])).toContain('更新 11,未变 102');
    expect(await ok(cwd, ['import', 'orders.csv', '--as-of', '2026-11-30'])).toContain('更新 0,未变 113');
  });

  it('forget deletes the members contact log rows and counts them', async () => {
    const cwd = await reviewDir();
    await ok(cwd, ['log', 'import', 'checklist.csv']);
    const r = JSON.parse(await ok(cwd, ['forget', 'C2', 'H01', '--yes', '--format', 'json']));
    expect(r).toMatchObject({ members: 2, contact_log: 2 });
    const file = join(cwd, 'tuan.db');
    expect(query(file, "SELECT count(*) AS n FROM contact_log WHERE member_id IN ('C2', 'H01')")).toEqual([{ n: 0 }]);
    expect(query(file, 'SELECT contact_log FROM deletions')).toEqual([{ contact_log: 2 }]);
  });
});

describe('the KPIs of the contact log (execution_rate, uplift.<action>)', () => {
  const KPI = ['kpi', '--period', '2026-W45', '--as-of', '2026-11-30', '--format', 'json'];
  const codes = (j: { results: { kpi: string }[] }) => j.results.map((r) => r.kpi);

  it('tuan kpi shows them once a checklist is recorded; tuan kpi check gates them', async () => {
    const cwd = await reviewDir();
    expect(codes(JSON.parse(await ok(cwd, KPI)))).not.toContain('execution_rate'); // no log yet: the table is as before
    await ok(cwd, ['log', 'import', 'checklist.csv']);
    const j = JSON.parse(await ok(cwd, KPI));
    const by = new Map(j.results.map((r: { kpi: string }) => [r.kpi, r]));
    expect(by.get('execution_rate')).toMatchObject({ value: 0.9, numerator: 45, denominator: 50, baseline: 0.9, target: 'met' });
    expect(by.get('uplift.silent_care')).toMatchObject({ value: 0.3 }); // 360/1200: test/fixtures/review/README.md
    expect(by.get('uplift.churned_call')).toMatchObject({ value: null }); // 2 holdout members
    expect(codes(j).slice(-7)).toEqual([
      'execution_rate',
      'uplift.welcome',
      'uplift.at_risk',
      'uplift.growth_trial',
      'uplift.mature_update',
      'uplift.silent_care',
      'uplift.churned_call',
    ]);
    writeFileSync(
      join(cwd, 'checks.yaml'),
      'checks:\n  - {name: exec, kpi: execution_rate, scope: "leader:L1", fail_below: 95%}\n  - {name: care, kpi: uplift.silent_care, scope: all, fail_below: 5%}\n',
    );
    const r = await runTuan(
      ['kpi', 'check', '--config', 'checks.yaml', '--period', '2026-W45', '--as-of', '2026-11-30', '--format', 'json'],
      { cwd },
    );
    expect(r.code).toBe(1); // 90% < 95%
    expect(JSON.parse(r.stdout).results.map((c: { status: string }) => c.status)).toEqual(['fail', 'pass']);
  });
});

describe('tuan report: 哪些做法有效 (what worked)', () => {
  it('the review of the last four weeks, once a checklist is recorded', async () => {
    const cwd = await reviewDir();
    const before = await ok(cwd, ['report', '--as-of', '2026-11-30', '--out', '-']);
    expect(before).not.toContain('id="worked"');
    await ok(cwd, ['log', 'import', 'checklist.csv']);
    const html = await ok(cwd, ['report', '--as-of', '2026-11-30', '--out', '-']);
    const worked = html.slice(html.indexOf('<section id="worked">'));
    expect(worked).toContain('哪些做法有效:2026年11月3日 – 2026年11月30日 的任务'); // as-of − 27 days … as-of
    expect(worked).toContain('活动执行率 <strong>90.0%</strong>(目标 ≥ 90.0%,已达到)');
    expect(worked).toContain('<td>+30.0% [+7.2%, +48.1%]</td>');
    expect(worked).toContain('还不能衡量(对照组 2 人,至少 30 人)');
    const en = await ok(cwd, ['report', '--as-of', '2026-11-30', '--lang', 'en', '--out', '-']);
    expect(en).toContain('8. What worked');
  });
});
