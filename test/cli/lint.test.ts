import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTuan, workdir } from '../helpers/run-tuan.js';

function userDir(files: Record<string, string>): string {
  const cwd = workdir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(cwd, 'my', path, '..'), { recursive: true });
    writeFileSync(join(cwd, 'my', path), text);
  }
  return cwd;
}

describe('tuan lint', () => {
  it('the shipped templates are clean: exit 0', async () => {
    const r = await runTuan(['lint'], { cwd: workdir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^模板检查通过:\d+ 个文件\(内置 \d+,自定义 0\),没有问题。\n$/);
  });

  it('reports every problem of a user directory with file and line: exit 1', async () => {
    const cwd = userDir({
      'script-silent.hbs': '{{!-- 最好的 (comments are not checked) --}}\n您好 {{member.nmae}}\n以后每天给您推荐!\n',
      'zh-CN/kit-growth.hbs':
        '# 成长期\n\n全网最低价,{{shout members.count}}\n{{#each members.top}}{{name}} {{@root.offers.growth.trial_coupon_fen}}{{/each}}\n',
      'plan.hbs': '{{#each days}}\n## {{weekday_name}}\n{{#each @root.appendix}}{{#each members}}- {{name}}{{/each}}{{/each}}\n{{/each}}\n',
      'script-welcom.hbs': 'x',
      'script-growth.hbs': '{{#if member.favourite}}\n',
    });
    const r = await runTuan(['lint', 'my'], { cwd });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[9]).toMatch(/^8 个问题,涉及 5 个文件\(共检查 \d+ 个:内置 \d+,自定义 5\)。$/); // the shipped count grows with other features
    expect(lines.filter((_, i) => i !== 9)).toEqual([
      'my/plan.hbs:3  silent-frequency  每天的段落里引用了当天之外的会员名单 "@root.appendix":同一批会员(包括沉默会员)会被每天联系;沉默会员每周最多 1 条消息',
      "my/script-growth.hbs:2  syntax  语法错误:syntax error: Expecting 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'",
      'my/script-silent.hbs:2  unknown-variable  上下文里没有变量 "member.nmae"',
      'my/script-silent.hbs:3  silent-frequency  「每天」(…以后每天给您推荐…)暗示频繁推送,沉默会员每周最多 1 条消息',
      'my/script-welcom.hbs  unused-file  tuan 不会使用 script-welcom.hbs:模板名是 kit-<阶段>、script-<场景>、plan,partial 以 _ 开头',
      'my/zh-CN/kit-growth.hbs:3  absolute-term  绝对化用语「全网」(…长期 全网最低价,…):广告法第九条禁止用于推广',
      'my/zh-CN/kit-growth.hbs:3  absolute-term  绝对化用语「最」(…全网最低价,…):广告法第九条禁止用于推广',
      'my/zh-CN/kit-growth.hbs:3  unknown-helper  未知的 helper "shout"',
      '',
      '',
    ]);
  });

  it('--format json for machines (messages in English, stable rule codes)', async () => {
    const cwd = userDir({ 'script-mature.hbs': '{{member.points}}\n' });
    const r = await runTuan(['lint', 'my', '--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(false);
    expect(j.issues).toEqual([
      {
        file: 'my/script-mature.hbs',
        line: 1,
        rule: 'unknown-variable',
        subject: 'member.points',
        detail: null,
        message: 'unknown variable "member.points" (not in the documented context)',
      },
    ]);
  });

  it('absolute terms in the configuration texts are flagged too', async () => {
    const cwd = workdir();
    writeFileSync(join(cwd, 'tuan.config.yaml'), 'activities:\n  intro:\n    welcome_gift: 全网独家土鸡蛋\n');
    const r = await runTuan(['lint', '--lang', 'en'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('config: activities.intro.welcome_gift  absolute-term  absolute claim "全网"');
    expect(r.stdout).toContain('config: activities.intro.welcome_gift  absolute-term  absolute claim "独家"');
  });

  it('--context lists what a template receives', async () => {
    const r = await runTuan(['lint', '--context', 'script-growth'], { cwd: workdir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  member.suggestion (may be null): the item most members of this leader bought in the last 30 days');
    expect(r.stdout).toContain('  offers.growth.trial_coupon_fen (money in fen, print with {{yuan …}}): 试用装 voucher');
    expect(r.stdout).toContain('  {{yuan fen}}: money in fen as ¥1,234.50');
    const bad = await runTuan(['lint', '--context', 'nope'], { cwd: workdir() });
    expect(bad.code).toBe(2);
  });
});
