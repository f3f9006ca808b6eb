import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTuan, workdir } from '../helpers/run-tuan.js';
import { activityDir, AS_OF } from './activity-helpers.js';

describe('tuan kit', () => {
  it.each(['intro', 'growth', 'mature', 'silent', 'churned'])('the %s kit of leader L1 on the fixture', async (stage) => {
    const cwd = await activityDir();
    const r = await runTuan(['kit', stage, '--leader', 'L1', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot(`../golden/kit/${stage}.md`);
  });

  it('the growth kit of an export without categories (快团团-like) uses product names', async () => {
    const cwd = await activityDir();
    const r = await runTuan(['kit', '成长期', '--leader', 'L2', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('这份导出没有商品分类');
    await expect(r.stdout).toMatchFileSnapshot('../golden/kit/growth-no-categories.md');
  });

  it('in English, as plain text and as an HTML page', async () => {
    const cwd = await activityDir();
    const en = await runTuan(['kit', 'silent', '--leader', 'L1', '--lang', 'en', ...AS_OF], { cwd });
    expect(en.code).toBe(0);
    await expect(en.stdout).toMatchFileSnapshot('../golden/kit/silent-en.md');
    const txt = await runTuan(['kit', 'churned', '--leader', 'L1', '--format', 'txt', ...AS_OF], { cwd });
    await expect(txt.stdout).toMatchFileSnapshot('../golden/kit/churned.txt');
    const html = await runTuan(['kit', 'intro', '--leader', 'L1', '--format', 'html', '--out', 'kit.html', ...AS_OF], { cwd });
    expect(html.code).toBe(0);
    expect(html.stderr).toBe('已写入 kit.html\n');
    await expect(html.stdout).toBe('');
  });

  it('without --leader the kit covers every member', async () => {
    const cwd = await activityDir();
    const r = await runTuan(['kit', 'intro', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('全部团长 · 数据截至 2026年10月31日 · 引入期会员 6 位');
  });

  it('errors: an unknown stage (2), no database (4), a broken user template (5)', async () => {
    const cwd = await activityDir();
    const bad = await runTuan(['kit', 'sleepy', '--lang', 'en', ...AS_OF], { cwd });
    expect([bad.code, bad.stderr]).toEqual([2, 'tuan: unknown stage "sleepy"\nhint: use one of: intro, growth, mature, silent, churned\n']);
    const nodb = await runTuan(['kit', 'intro', ...AS_OF], { cwd: workdir() });
    expect(nodb.code).toBe(4);
    mkdirSync(join(cwd, 'mine'));
    writeFileSync(join(cwd, 'mine', 'kit-intro.hbs'), '# 引入期\n\n{{#each members.list}}\n- {{name}}\n{{/each}}\n');
    const tpl = await runTuan(['kit', 'intro', '--leader', 'L1', '--templates', 'mine', '--lang', 'en', ...AS_OF], { cwd });
    expect([tpl.code, tpl.stdout, tpl.stderr]).toEqual([
      5,
      '',
      'tuan: template error: #each over a missing field (not in the context) (mine/kit-intro.hbs:3)\n' +
        'hint: run `tuan lint` to check every template; `tuan lint --context NAME` lists the variables a template receives\n',
    ]);
    const nodir = await runTuan(['kit', 'intro', '--templates', 'nope', '--lang', 'en', ...AS_OF], { cwd });
    expect([nodir.code, nodir.stderr]).toEqual([
      2,
      'tuan: template directory nope does not exist\nhint: pass a directory of .hbs files with --templates DIR (or templates_dir in the configuration)\n',
    ]);
  });

  it('templates_dir in the configuration works like --templates', async () => {
    const cwd = await activityDir();
    mkdirSync(join(cwd, 'tpl'));
    writeFileSync(join(cwd, 'tpl', 'kit-mature.hbs'), '成熟期 {{members.count}} 位\n');
    writeFileSync(join(cwd, 'tuan.config.yaml'), 'templates_dir: tpl\n');
    const r = await runTuan(['kit', 'mature', '--leader', 'L1', ...AS_OF], { cwd });
    expect([r.code, r.stdout]).toEqual([0, '成熟期 2 位\n']);
  });
});
