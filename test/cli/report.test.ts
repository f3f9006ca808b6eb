/**
 * `tuan report` on test/fixtures/report (see its README.md): one self-contained HTML file with the charts,
 * personal data masked unless --unmask, both languages, scopes, and the error exits. In-process, one temp dir per case.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTuan, workdir } from '../helpers/run-tuan.js';

const FILES = ['report/orders.csv', 'report/leaders.csv'];
const AS_OF = ['--as-of', '2026-10-31'];
const FULL_NAMES = ['张三丰', '李四', '王五', '赵六', '钱七', '孙八', '周九', '<b>坏</b>'];

async function imported(): Promise<string> {
  const dir = workdir(FILES);
  const r = await runTuan(['import', 'orders.csv', '--leaders', 'leaders.csv'], { cwd: dir });
  expect(r.code).toBe(0);
  return dir;
}

/** Everything that would make the page reach outside itself. */
function outsideReferences(html: string): string[] {
  const patterns = [
    /https?:\/\//gi,
    /<script/gi,
    /<link/gi,
    /<img/gi,
    /<iframe/gi,
    /<object/gi,
    /<embed/gi,
    /url\(/gi,
    /@import/gi,
    /\ssrc\s*=/gi,
    /\shref\s*=/gi,
    /\/\/[a-z0-9.-]+\.[a-z]{2,}/gi,
  ];
  return patterns.flatMap((p) => html.match(p) ?? []);
}

describe('tuan report', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await imported();
  });

  it('writes one self-contained HTML file with the five charts (zh-CN golden)', async () => {
    const r = await runTuan(['report', ...AS_OF, '--out', 'report.html'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('已写入 report.html\n');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(outsideReferences(html)).toEqual([]);
    expect(html.match(/<svg class="chart" viewBox="0 0 \d+(\.\d)? \d+(\.\d)?"/g)?.length).toBe(5); // stages, migration, RFM, 8 classes, cohorts
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('@media print');
    for (const s of [
      '引入期',
      '成长期',
      '成熟期',
      '沉默期',
      '流失期',
      '重要价值客户',
      '唤醒率',
      '复购率',
      '佣金汇总',
      '待跟进会员',
      '会员群组',
    ])
      expect(html).toContain(s);
    await expect(html).toMatchFileSnapshot('../golden/report/fixture.html');
  });

  it('masks names and phone numbers: no 11-digit number, no full name, markup in a name is escaped', async () => {
    const r = await runTuan(['report', ...AS_OF, '--out', 'masked.html'], { cwd: dir });
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'masked.html'), 'utf8');
    expect(html.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g)).toBeNull();
    for (const name of FULL_NAMES) expect(html).not.toContain(name);
    expect(html).toContain('<td>王*</td><td>139****0003</td>');
    expect(html).toContain('<td>&lt;***</td><td>150****0004</td>');
  });

  it('--unmask shows names and phones, still escaped, and says so', async () => {
    const r = await runTuan(['report', ...AS_OF, '--unmask', '--out', 'plain.html'], { cwd: dir });
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'plain.html'), 'utf8');
    expect(html).toContain('<td>王五</td><td>13900000003</td>');
    expect(html).toContain('<td>&lt;b&gt;坏&lt;/b&gt;</td><td>15000000004</td>');
    expect(html).not.toContain('<b>坏</b>');
    expect(html).toContain('--unmask');
    expect(outsideReferences(html)).toEqual([]);
  });

  it('--lang en writes the English report (golden)', async () => {
    const r = await runTuan(['report', ...AS_OF, '--lang', 'en', '--out', 'en.html'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('wrote en.html\n');
    const html = readFileSync(join(dir, 'en.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    for (const s of ['Intro', 'Growth', 'Mature', 'Silent', 'Churned', 'important value', 'Wake-up rate', 'Members to act on'])
      expect(html).toContain(s);
    // the only Chinese left is data: the communities of leaders.csv and the masked names' first characters
    expect([...new Set(html.match(/[\u4e00-\u9fff]+/g))].sort()).toEqual(['东苑', '孙', '张', '李', '王', '西苑'].sort());
    expect(outsideReferences(html)).toEqual([]);
    await expect(html).toMatchFileSnapshot('../golden/report/fixture-en.html');
  });

  it('--leader and --region narrow every section to their leaders', async () => {
    const r = await runTuan(['report', ...AS_OF, '--leader', 'L2', '--out', '-'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('社区团购经营报告 · 团长 L2 西苑');
    expect(r.stdout).toContain('<td>L2</td><td>二星*</td>');
    expect(r.stdout).not.toContain('<td>L1</td>');
    expect(r.stdout).toContain('<td>&lt;***</td>');
    expect(r.stdout).not.toContain('<td>王*</td>');
    const region = await runTuan(['report', ...AS_OF, '--region', '区域A', '--out', '-'], { cwd: dir });
    expect(region.code).toBe(0);
    expect(region.stdout).toContain('社区团购经营报告 · 区域 区域A');
    expect(region.stdout).toContain('<td>王*</td>');
    expect(region.stdout).not.toContain('<td>L2</td>');
  });

  it('--from sets the start of the migration (default: 90 days before --as-of)', async () => {
    const def = await runTuan(['report', ...AS_OF, '--out', '-'], { cwd: dir });
    expect(def.stdout).toContain('阶段迁移 2026年8月2日 → 2026年10月31日');
    const r = await runTuan(['report', ...AS_OF, '--from', '2026-07-01', '--out', '-'], { cwd: dir });
    expect(r.stdout).toContain('阶段迁移 2026年7月1日 → 2026年10月31日');
  });

  it('a user template directory overrides report.hbs', async () => {
    mkdirSync(join(dir, 'mine'), { recursive: true });
    writeFileSync(join(dir, 'mine', 'report.hbs'), '<p>{{scope.label}}: {{headline.members}} · {{yuan headline.gmv_fen}}</p>\n');
    const r = await runTuan(['report', ...AS_OF, '--templates', 'mine', '--out', '-'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('<p>全部团长: 7 · ¥335.00</p>\n');
  });

  it('a template that uses a variable the report does not have is exit 5, naming the file and line', async () => {
    mkdirSync(join(dir, 'bad'), { recursive: true });
    writeFileSync(join(dir, 'bad', 'report.hbs'), '<p>\n{{no_such_thing}}</p>\n');
    const r = await runTuan(['report', ...AS_OF, '--templates', 'bad', '--out', 'x.html', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^tuan: template error: unknown variable "no_such_thing" \(bad\/report\.hbs:2\)\n/);
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
  });

  it.each([
    [['--leader', 'L1', '--region', '区域A'], 'tuan: use either --leader or --region, not both\n'],
    [['--leader', 'L9'], 'tuan: unknown leader "L9"\nhint: known leaders: L1, L2\n'],
    [['--region', '火星'], 'tuan: no leader in region "火星"\nhint: regions in leaders.csv: 区域A, 区域B\n'],
    [
      ['--from', '2026-10-31'],
      'tuan: --from 2026-10-31 must be before the as-of date 2026-10-31\nhint: pass an earlier --from, e.g. --from 2026-08-02\n',
    ],
    [['--from', '2026-13-01'], 'tuan: --from "2026-13-01" must be a date like 2026-08-02\n'],
  ])('usage errors are exit 2: %j', async (args, stderr) => {
    const r = await runTuan(['--lang', 'en', 'report', ...AS_OF, ...args, '--out', 'x.html'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(stderr);
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
  });

  it('without a database it is exit 4 and writes nothing', async () => {
    const empty = workdir();
    const r = await runTuan(['--lang', 'en', 'report', ...AS_OF], { cwd: empty });
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(
      `tuan: database ${join(empty, 'tuan.db')} does not exist\nhint: import an export first: tuan import FILE (or pass --db)\n`,
    );
    expect(existsSync(join(empty, 'report.html'))).toBe(false);
  });

  it('without --out it writes report.html in the working directory', async () => {
    const r = await runTuan(['report', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('已写入 report.html\n');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('</html>');
  });
});
