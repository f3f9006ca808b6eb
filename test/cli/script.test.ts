import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTuan } from '../helpers/run-tuan.js';
import { activityDir, AS_OF } from './activity-helpers.js';

describe('tuan script', () => {
  it.each([
    ['welcome', 'M12'], // a member whose first order is on 2026-10-27
    ['growth', 'M03'], // buys 生鲜 most; 乳品 is popular and never bought
    ['mature', 'M05'],
    ['silent', 'M07'], // a refund around the last order: the after-sale wording
    ['churned', 'M10'],
    ['complaint', 'M05'],
  ])('%s for %s', async (scene, member) => {
    const cwd = await activityDir();
    const r = await runTuan(['script', scene, '--member', member, ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot(`../golden/script/${scene}.txt`);
  });

  it('the growth recommendation names the favourite category and one never bought', async () => {
    const cwd = await activityDir();
    const r = await runTuan(['script', 'growth', '--member', 'M03', ...AS_OF], { cwd });
    expect(r.stdout).toContain('看您常买生鲜,最近乳品邻居们买得多,您还没试过');
  });

  it('without categories (快团团-like export) it uses product names', async () => {
    const cwd = await activityDir();
    const r = await runTuan(['script', 'growth', '--member', 'M21', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('看您常买「手工水饺(1kg)」,最近「香蕉(5斤)」邻居们买得多');
    await expect(r.stdout).toMatchFileSnapshot('../golden/script/growth-products.txt');
  });

  it('in English; the name in the greeting only with --unmask', async () => {
    const cwd = await activityDir();
    const en = await runTuan(['script', 'silent', '--member', 'M09', '--lang', 'en', ...AS_OF], { cwd });
    await expect(en.stdout).toMatchFileSnapshot('../golden/script/silent-en.txt');
    expect(en.stdout).toContain("Hi there, it's your group leader at 阳光花园.");
    const un = await runTuan(['script', 'silent', '--member', 'M09', '--unmask', ...AS_OF], { cwd });
    expect(un.stdout).toContain('褚同学,您好,我是阳光花园团长 王姐');
  });

  it('--stage --leader --out DIR writes one file per member, highest spend first on stdout', async () => {
    const cwd = await activityDir();
    const r = await runTuan(['script', 'silent', '--stage', 'silent', '--leader', 'L1', '--out', '话术', ...AS_OF], { cwd });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '已写入 3 份话术到 话术\n']);
    expect(readdirSync(join(cwd, '话术')).sort()).toEqual(['silent-M07.txt', 'silent-M08.txt', 'silent-M09.txt']);
    const one = await runTuan(['script', 'silent', '--member', 'M08', ...AS_OF], { cwd });
    expect(readFileSync(join(cwd, '话术', 'silent-M08.txt'), 'utf8')).toBe(one.stdout);
    const all = await runTuan(['script', 'silent', '--stage', '沉默期', '--leader', 'L1', ...AS_OF], { cwd });
    expect([...all.stdout.matchAll(/\((M\d+)\)/g)].map((x) => x[1])).toEqual(['M08', 'M07', 'M09']);
  });

  it('a stage without members writes nothing and says so', async () => {
    const cwd = await activityDir();
    const r = await runTuan(['script', 'churned', '--stage', 'churned', '--leader', 'L2', ...AS_OF], { cwd });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '流失期没有会员(截至 2026-10-31),没有生成话术。\n']);
  });

  it('a user directory with one changed script is picked up; the other scripts stay shipped', async () => {
    const cwd = await activityDir();
    mkdirSync(join(cwd, 'my'));
    writeFileSync(
      join(cwd, 'my', 'script-welcome.hbs'),
      '{{!-- 我的欢迎话术 --}}\n欢迎{{member.id}}!首单满 {{yuan offers.intro.first_order_threshold_fen}} 减 {{yuan offers.intro.first_order_off_fen}}。\n',
    );
    const mine = await runTuan(['script', 'welcome', '--member', 'M12', '--templates', 'my', ...AS_OF], { cwd });
    expect([mine.code, mine.stdout]).toEqual([0, '欢迎M12!首单满 ¥30.00 减 ¥10.00。\n']);
    const shipped = await runTuan(['script', 'silent', '--member', 'M07', '--templates', 'my', ...AS_OF], { cwd });
    const plain = await runTuan(['script', 'silent', '--member', 'M07', ...AS_OF], { cwd });
    expect(shipped.stdout).toBe(plain.stdout);
  });

  it('errors (exit 2): unknown scene, neither --member nor --stage, unknown member, both', async () => {
    const cwd = await activityDir();
    const e1 = await runTuan(['script', 'hello', '--member', 'M01', '--lang', 'en', ...AS_OF], { cwd });
    expect([e1.code, e1.stderr]).toEqual([
      2,
      'tuan: unknown scene "hello"\nhint: use one of: welcome, growth, mature, mature-care, silent, churned, complaint\n',
    ]);
    const e2 = await runTuan(['script', 'welcome', '--lang', 'en', ...AS_OF], { cwd });
    expect([e2.code, e2.stderr]).toEqual([2, 'tuan: give --member ID, or --stage STAGE (with --leader ID for one leader)\n']);
    const e3 = await runTuan(['script', 'welcome', '--member', 'M99', '--lang', 'en', ...AS_OF], { cwd });
    expect([e3.code, e3.stderr]).toEqual([
      2,
      'tuan: member "M99" has no counted order on or before 2026-10-31\nhint: check the ID with: tuan segment --format csv\n',
    ]);
    const e4 = await runTuan(['script', 'welcome', '--member', 'M01', '--stage', 'intro', ...AS_OF], { cwd });
    expect(e4.code).toBe(2);
  });
});
