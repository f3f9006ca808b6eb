/**
 * tuan kpi / tuan kpi check on test/fixtures/kpi/orders.csv: the data set of test/unit/kpi.test.ts (its table
 * gives every member's orders and stages), with two extra lines: RA (A's return of −20.00 on 10-21) and X1
 * (J's refunded order, not counted). As of 2026-10-31, P = 2026-10. L1: GMV 615.00 in 10 orders, repurchase
 * 2/8 = 25%, intro retention 1/2, wake-up 1/2, win-back 1/1. L2 (J only): GMV 99.00, and every member KPI n/a.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { runTuan, workdir, ROOT } from '../helpers/run-tuan.js';

const AS_OF = ['--as-of', '2026-10-31'];

async function fixtureDir(): Promise<string> {
  const cwd = workdir(['kpi/orders.csv', 'kpi/leaders.csv']);
  const r = await runTuan(['import', 'orders.csv', '--leaders', 'leaders.csv'], { cwd });
  expect(r.code).toBe(0);
  return cwd;
}

/** Write a checks file into `cwd` and run `tuan kpi check` with it. */
async function check(cwd: string, yaml: string, args: string[] = [], env: Record<string, string> = {}) {
  writeFileSync(join(cwd, 'checks.yaml'), yaml);
  return runTuan(['kpi', 'check', '--config', 'checks.yaml', '--period', '2026-10', ...AS_OF, ...args], { cwd, env });
}

const XSD = readFileSync(join(ROOT, 'test/fixtures/kpi/junit.xsd'), 'utf8');
async function junitErrors(xml: string): Promise<string[]> {
  const r = await validateXML({ xml: [{ fileName: 'kpi.xml', contents: xml }], schema: [XSD] });
  return r.errors.map((e) => e.message);
}

describe('tuan kpi', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await fixtureDir();
  });

  it('the table for one leader, with the hand-worked values', async () => {
    const r = await runTuan(['kpi', '--period', '2026-10', '--leader', 'L1', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot('../golden/kpi/l1-table.txt');
  });

  it('--per-leader puts leaders side by side (English)', async () => {
    const r = await runTuan(['kpi', '--period', '2026-10', '--per-leader', '--lang', 'en', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('../golden/kpi/per-leader-en.txt');
  });

  it('JSON: fen for money, fractions for rates, null for n/a, numerator and denominator', async () => {
    const r = await runTuan(
      ['kpi', '--period', '2026-10', '--per-leader', '--kpi', 'gmv,aov,repurchase_rate,wakeup_rate', '--format', 'json', ...AS_OF],
      { cwd },
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.period).toEqual({ label: '2026-10', start: '2026-10-01', end: '2026-10-31', counted_to: '2026-10-31', partial: false });
    expect(j.as_of).toBe('2026-10-31');
    expect(j.scope).toBe('per-leader');
    const got = j.results.map((x: Record<string, unknown>) => `${x.scope} ${x.kpi} ${x.value} ${x.numerator}/${x.denominator} ${x.target}`);
    expect(got).toEqual([
      'leader:L1 gmv 61500 null/null null',
      'leader:L1 aov 6150 61500/10 below',
      // 8, 2 and 1 members, 1 order: fewer than kpi.min_denominator (10), too few to judge
      'leader:L1 repurchase_rate 0.25 2/8 too_few',
      'leader:L1 wakeup_rate 0.5 1/2 too_few',
      'leader:L2 gmv 9900 null/null null',
      'leader:L2 aov 9900 9900/1 too_few',
      'leader:L2 repurchase_rate 0 0/1 too_few',
      'leader:L2 wakeup_rate null 0/0 na',
    ]);
    expect(j.results[2]).toMatchObject({ unit: 'rate', baseline: 0.4, challenge: 0.45, name: '复购率' });
  });

  it('CSV has one row per scope and KPI with stable English codes', async () => {
    const r = await runTuan(
      ['kpi', '--period', '2026-10', '--region', '西湖区', '--kpi', 'orders,stage_share.churned', '--format', 'csv', ...AS_OF],
      { cwd },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'period,period_start,period_end,counted_to,as_of,scope,kpi,name,unit,value,numerator,denominator,baseline,challenge,target',
        '2026-10,2026-10-01,2026-10-31,2026-10-31,2026-10-31,region:西湖区,orders,订单数,count,10,,,,,',
        '2026-10,2026-10-01,2026-10-31,2026-10-31,2026-10-31,region:西湖区,stage_share.churned,阶段占比·流失期,rate,0,0,9,,,',
        '',
      ].join('\n'),
    );
  });

  it('targets come from the configuration (kpi.targets), and --metrics adds the metrics the file has', async () => {
    writeFileSync(join(cwd, 'targets.yaml'), 'kpi:\n  targets:\n    aov:\n      baseline: 60\n      challenge: 100\n');
    writeFileSync(
      join(cwd, 'm.csv'),
      'metric,value,period,leader_id\nsatisfaction,4.6,2026-10,L1\ncomplaint_response_24h,100%,2026-10,L1\ngroup_messages,10,2026-09,L1\n',
    );
    const r = await runTuan(
      [
        'kpi',
        '--config',
        'targets.yaml',
        '--period',
        '2026-10',
        '--leader',
        'L1',
        '--kpi',
        'aov',
        '--metrics',
        'm.csv',
        '--format',
        'json',
        ...AS_OF,
      ],
      { cwd },
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.results.map((x: Record<string, unknown>) => `${x.kpi} ${x.value} ${x.baseline} ${x.challenge} ${x.target}`)).toEqual([
      'aov 6150 6000 10000 met', // ¥61.50 ≥ the configured ¥60 baseline
      'satisfaction 4.6 null null null',
      'complaint_response_24h 1 1 null met', // the seed's 100 % (seed 002)
    ]);
    writeFileSync(join(cwd, 'bad-targets.yaml'), 'kpi:\n  targets:\n    aov_x:\n      baseline: 1\n');
    const bad = await runTuan(['kpi', '--config', 'bad-targets.yaml', ...AS_OF], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('  kpi.targets.aov_x: 没有这个 KPI:"aov_x"\n');
  });

  it('a running period is counted up to --as-of and says so', async () => {
    const r = await runTuan(['kpi', '--period', '2026-10', '--as-of', '2026-10-15', '--kpi', 'orders', '--format', 'json'], { cwd });
    const j = JSON.parse(r.stdout);
    expect(j.period).toMatchObject({ counted_to: '2026-10-15', partial: true });
    // up to 10-15: A 10-05, B 10-01, C 10-15, K 10-01, G 10-10, H 10-12, I 10-03, J 10-05
    expect(j.results[0].value).toBe(8);
  });

  it.each([
    [['--period', '2026-13'], 'tuan: --period "2026-13": month 13 does not exist\n'],
    [
      ['--period', '2026-11'],
      'tuan: --period 2026-11 starts after --as-of 2026-10-31: nothing to measure yet\nhint: pass an earlier --period or a later --as-of\n',
    ],
    [['--kpi', 'gmv,repurchse'], 'tuan: --kpi: unknown KPI repurchse\n'],
    [['--leader', 'L9'], 'tuan: unknown leader "L9"\nhint: known leaders: L1, L2\n'],
    [['--leader', 'L1', '--region', '西湖区'], 'tuan: use either --leader or --region, not both\n'],
  ])('usage error %j is exit 2', async (args, stderr) => {
    const r = await runTuan(['kpi', '--lang', 'en', ...AS_OF, ...args], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(stderr)).toBe(true);
  });

  it('a missing database is exit 4', async () => {
    const r = await runTuan(['--lang', 'en', 'kpi', '--db', 'missing.db', ...AS_OF], { cwd: workdir() });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^tuan: database .*missing\.db does not exist\nhint: import an export first/);
  });
});

describe('tuan kpi check: exit status', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await fixtureDir();
  });

  it('pass: exit 0', async () => {
    const r = await check(cwd, 'checks:\n  - kpi: gmv\n    scope: per-leader\n    fail_below: 50\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('合计:PASS 2 · WARN 0 · FAIL 0 · N/A 0');
  });

  it('warn: exit 0; with --strict: exit 1', async () => {
    const yaml = 'checks:\n  - kpi: repurchase_rate\n    scope: leader:L1\n    fail_below: 20%\n    warn_below: 40%\n';
    const r = await check(cwd, yaml);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ WARN │ repurchase_rate │ 复购率 │ leader:L1 │ +25\.0% │ 低于 40% 警告 · 低于 20% 失败 +│/);
    const strict = await check(cwd, yaml, ['--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('tuan: KPI 检查未通过:1 项警告(--strict)\n');
  });

  it('fail: exit 1, the measured value next to the threshold', async () => {
    const r = await check(cwd, 'checks:\n  - kpi: repurchase_rate\n    scope: leader:L1\n    fail_below: 30%\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/│ FAIL │ repurchase_rate │ 复购率 │ leader:L1 │ +25\.0% │ 低于 30% 失败 +│/);
    expect(r.stderr).toBe('tuan: KPI 检查未通过:1 项失败\n');
  });

  it('n/a is a warning (exit 0), and fails with require: true (exit 1)', async () => {
    const yaml = 'checks:\n  - kpi: wakeup_rate\n    scope: leader:L2\n    warn_below: 25%\n';
    const r = await check(cwd, yaml);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('│ N/A  │ wakeup_rate │');
    const req = await check(cwd, yaml + '    require: true\n');
    expect(req.code).toBe(1);
    expect(req.stdout).toMatch(/│ FAIL │ wakeup_rate │ 唤醒率 │ leader:L2 │ +n\/a │/);
    expect(req.stderr).toBe('tuan: KPI 检查未通过:1 项失败\n');
  });

  it('a broken checks file is exit 2 naming the bad key', async () => {
    const r = await check(
      cwd,
      'checks:\n  - kpi: aov\n    warn_below: 150\n  - kpi: repurchase_rate\n    warn_bellow: 40%\n    fail_below: 30%\n',
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // Chinese by default (the key and zod's reason stay as they are)
    expect(r.stderr).toBe(
      `tuan: 配置有误(${join(cwd, 'checks.yaml')}):\n  checks.1: 出现未知的键(key): "warn_bellow"\n` +
        '提示: 运行 `tuan config` 查看当前生效的配置和可用的键\n',
    );
  });

  it('a rate written as a plain fraction is not taken for a percentage of a count, and a bad value names its key', async () => {
    const r = await check(cwd, 'checks:\n  - kpi: orders\n    warn_below: 10%\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('  checks.0.warn_below: "10%" 是百分数,但这个值的单位是 count\n');
  });

  it('an unknown leader in a scope is exit 2 naming the check', async () => {
    const r = await check(cwd, 'checks:\n  - kpi: gmv\n    scope: leader:L9\n    fail_below: 1\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tuan: checks.0.scope:没有团长 "L9"\n提示: 已有的团长:L1, L2\n');
    const en = await check(cwd, 'checks:\n  - kpi: gmv\n    scope: leader:L9\n    fail_below: 1\n', ['--lang', 'en']);
    expect(en.stderr).toBe('tuan: checks.0.scope: unknown leader "L9"\nhint: known leaders: L1, L2\n');
  });

  it('no checks at all is exit 2', async () => {
    const r = await runTuan(['kpi', 'check', '--lang', 'en', ...AS_OF], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'tuan: no checks: the configuration has no `checks:` list\nhint: pass a checks file: tuan kpi check --config data/kpi-checks.yaml\n',
    );
  });

  it('a missing database is exit 4', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'checks.yaml'), 'checks:\n  - kpi: gmv\n    fail_below: 1\n');
    const r = await runTuan(['kpi', 'check', '--config', 'checks.yaml', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(`tuan: 数据库 ${join(dir, 'tuan.db')} 不存在\n提示: 先导入一个导出文件:tuan import 文件(或用 --db 指定数据库)\n`);
    const en = await runTuan(['kpi', 'check', '--config', 'checks.yaml', '--lang', 'en', ...AS_OF], { cwd: dir });
    expect(en.stderr).toBe(
      `tuan: database ${join(dir, 'tuan.db')} does not exist\nhint: import an export first: tuan import FILE (or pass --db)\n`,
    );
  });

  it('--format csv is refused for checks (table or json), and so are scope flags', async () => {
    const yaml = 'checks:\n  - kpi: gmv\n    fail_below: 1\n';
    const csv = await check(cwd, yaml, ['--format', 'csv', '--lang', 'en']);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain("argument 'csv' is invalid. Allowed choices are table, json.");
    const leader = await check(cwd, yaml, ['--leader', 'L1', '--lang', 'en']);
    expect(leader.code).toBe(2);
    expect(leader.stderr).toContain('takes its KPIs and scopes from the checks file, not from --leader');
  });
});

describe('tuan kpi check: outputs', () => {
  let cwd: string;
  const YAML = [
    'checks:',
    '  - kpi: repurchase_rate',
    '    scope: per-leader',
    '    fail_below: 10%',
    '    warn_below: 40%',
    '    challenge: 45%',
    '  - kpi: wakeup_rate',
    '    scope: per-leader',
    '    warn_below: 25%',
    '    challenge: 30%',
    '  - name: retention-sept',
    '    kpi: intro_retention_30d',
    '    period: last-month-1',
    '    warn_below: 50%',
    '    description: the September cohort, whose 30 days are over',
    '',
  ].join('\n');
  beforeAll(async () => {
    cwd = await fixtureDir();
  });

  it('JSON: period, as_of, results with value, status, threshold and challenge_reached, summary', async () => {
    const r = await check(cwd, YAML, ['--format', 'json']);
    expect(r.code).toBe(1); // repurchase L2 is 0% < 10%
    const j = JSON.parse(r.stdout);
    expect(j.period.label).toBe('2026-10');
    expect(j.as_of).toBe('2026-10-31');
    expect(j.summary).toEqual({ pass: 1, warn: 2, fail: 1, na: 1 });
    expect(j.failed).toBe(true);
    expect(
      j.results.map((x: Record<string, unknown>) => [
        x.check,
        x.scope,
        x.period,
        x.value,
        x.status,
        x.threshold_kind,
        x.threshold,
        x.challenge_reached,
      ]),
    ).toEqual([
      ['repurchase_rate', 'leader:L1', '2026-10', 0.25, 'warn', 'warn_below', 0.4, false],
      ['repurchase_rate', 'leader:L2', '2026-10', 0, 'fail', 'fail_below', 0.1, false],
      ['wakeup_rate', 'leader:L1', '2026-10', 0.5, 'pass', 'warn_below', 0.25, true],
      ['wakeup_rate', 'leader:L2', '2026-10', null, 'na', 'warn_below', 0.25, null],
      // the September cohort is I alone (first order 09-01; H started in August), who ordered again after 32 days: 0/1
      ['retention-sept', 'all', '2026-09', 0, 'warn', 'warn_below', 0.5, null],
    ]);
  });

  it('the table for people', async () => {
    const r = await check(cwd, YAML);
    await expect(r.stdout).toMatchFileSnapshot('../golden/kpi/check-table.txt');
  });

  it('--junit writes JUnit XML that validates against the schema: a suite per check, a case per scope', async () => {
    const r = await check(cwd, YAML, ['--junit', 'out/kpi.xml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('已写入 out/kpi.xml\ntuan: KPI 检查未通过:1 项失败\n');
    const xml = readFileSync(join(cwd, 'out/kpi.xml'), 'utf8');
    expect(await junitErrors(xml)).toEqual([]);
    await expect(xml).toMatchFileSnapshot('../golden/kpi/check-junit.xml');
    expect(xml.match(/<testsuite /g)?.length).toBe(3);
    expect(xml.match(/<testcase /g)?.length).toBe(5);
    expect(xml.match(/<failure /g)?.length).toBe(1);
  });

  it('--strict turns warnings and n/a into JUnit failures; the schema still holds', async () => {
    const r = await check(cwd, YAML, ['--junit', 'kpi.xml', '--strict']);
    expect(r.code).toBe(1);
    const xml = readFileSync(join(cwd, 'kpi.xml'), 'utf8');
    expect(await junitErrors(xml)).toEqual([]);
    expect(xml.match(/<failure /g)?.length).toBe(4); // 1 fail + 2 warn + 1 n/a
  });

  it('the schema check can fail: a testcase with its own system-out, or a suite without tests, is invalid', async () => {
    const r = await check(cwd, YAML, ['--junit', 'kpi.xml']);
    expect(r.code).toBe(1);
    const xml = readFileSync(join(cwd, 'kpi.xml'), 'utf8');
    expect(await junitErrors(xml.replace('time="0"/>', 'time="0"><system-out>x</system-out></testcase>'))).not.toEqual([]);
    expect(await junitErrors(xml.replace(/ tests="\d+"/, ''))).not.toEqual([]);
  });

  it('GITHUB_ACTIONS=true adds ::error and ::warning annotations pointing at the check in the file', async () => {
    const r = await check(cwd, YAML, ['--lang', 'en'], { GITHUB_ACTIONS: 'true' });
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    // workflow-command escaping: % is %25 everywhere, and : and , are escaped in properties
    expect(lines[0]).toBe(
      '::warning file=checks.yaml,line=2,title=KPI repurchase_rate (leader%3AL1)::repurchase rate leader:L1: measured 25.0%25, warn below 40%25',
    );
    expect(lines[1]).toBe(
      '::error file=checks.yaml,line=2,title=KPI repurchase_rate (leader%3AL2)::repurchase rate leader:L2: measured 0.0%25, fail below 10%25',
    );
    expect(lines[2]).toMatch(
      /^::warning file=checks\.yaml,line=7,title=KPI wakeup_rate \(leader%3AL2\)::wake-up rate leader:L2: cannot be measured/,
    );
    // JSON on stdout stays parseable: the annotations go to stderr
    const j = await check(cwd, YAML, ['--format', 'json'], { GITHUB_ACTIONS: 'true' });
    expect(() => JSON.parse(j.stdout)).not.toThrow();
    expect(j.stderr).toContain('::error file=checks.yaml,line=2');
    // without the variable, no annotations
    expect((await check(cwd, YAML)).stdout).not.toContain('::');
  });
});

describe('tuan kpi check: metrics file and SQL checks', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await fixtureDir();
    writeFileSync(
      join(cwd, 'metrics.csv'),
      [
        'metric,value,period,leader_id',
        'complaint_response_24h,100%,2026-10,L1',
        'complaint_response_24h,92,2026-10,L2',
        'group_messages,5200,2026-10-01..2026-10-31,',
        'complaint_response_24h,50%,2026-09,L1',
        '',
      ].join('\n'),
    );
  });
  const METRIC_CHECKS =
    'checks:\n  - kpi: complaint_response_24h\n    scope: per-leader\n    fail_below: 100%\n  - kpi: group_messages\n    warn_below: 5000\n  - kpi: satisfaction\n    warn_below: 4.5\n';

  it('metrics become checkable; a metric the file lacks is n/a', async () => {
    const r = await check(cwd, METRIC_CHECKS, ['--metrics', 'metrics.csv', '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.results.map((x: Record<string, unknown>) => `${x.check} ${x.scope} ${x.value} ${x.status}`)).toEqual([
      'complaint_response_24h leader:L1 1 pass',
      'complaint_response_24h leader:L2 0.92 fail', // "92" is 92 % too: rates are in percent
      'group_messages all 5200 pass', // the range 10-01..10-31 is the month 2026-10
      'satisfaction all null na',
    ]);
  });

  it('without --metrics every metric check is n/a', async () => {
    const r = await check(cwd, METRIC_CHECKS, ['--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toEqual({ pass: 0, warn: 0, fail: 0, na: 4 });
  });

  it('a bad metrics file is exit 3 naming the file and line', async () => {
    writeFileSync(join(cwd, 'bad.csv'), 'metric,value,period,leader_id\ncomplaint_response_24h,lots,2026-10,L1\n');
    const r = await check(cwd, METRIC_CHECKS, ['--metrics', 'bad.csv', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      'tuan: metrics file bad.csv:2: complaint_response_24h value not a number: "lots" (at most 4 decimals)\nhint: rates are in percent: 95 or 95%\n',
    );
    writeFileSync(join(cwd, 'nohead.csv'), 'metric,value\nx,1\n');
    const h = await check(cwd, METRIC_CHECKS, ['--metrics', 'nohead.csv', '--lang', 'en']);
    expect(h.code).toBe(3);
    expect(h.stderr).toContain('tuan: metrics file nohead.csv: missing column period, leader_id\n');
  });

  it('an SQL check runs read-only with the period and scope as parameters', async () => {
    const yaml = [
      'checks:',
      '  - name: lines',
      '    kpi: order_lines_in_period',
      '    scope: per-leader',
      '    fail_below: 2',
      '    sql: SELECT count(*) FROM order_lines WHERE order_date BETWEEN @period_start AND @period_end AND leader_id = @leader_id',
      '',
    ].join('\n');
    const r = await check(cwd, yaml, ['--format', 'json']);
    const j = JSON.parse(r.stdout);
    // L1: 11 lines in October (10 orders + the return RA); L2: J1 and the refunded X1
    expect(j.results.map((x: Record<string, unknown>) => `${x.scope} ${x.value} ${x.status}`)).toEqual([
      'leader:L1 11 pass',
      'leader:L2 2 pass',
    ]);
  });

  it.each([
    ['DELETE FROM order_lines', 'tuan: checks.0.sql refused: only a SELECT (or WITH … SELECT) may run, not DELETE\n'],
    ["ATTACH DATABASE 'x.db' AS x", 'tuan: checks.0.sql refused: only a SELECT (or WITH … SELECT) may run, not ATTACH\n'],
    ['PRAGMA journal_mode = DELETE', 'tuan: checks.0.sql refused: only a SELECT (or WITH … SELECT) may run, not PRAGMA\n'],
    [
      'WITH x AS (SELECT 1) UPDATE order_lines SET amount_fen = 0',
      'tuan: checks.0.sql refused: UPDATE is refused: a check may only read\n',
    ],
    ['SELECT 1; DROP TABLE order_lines', 'tuan: checks.0.sql refused: DROP is refused: a check may only read\n'],
    ['SELECT member_id FROM order_lines', 'tuan: checks.0.sql must return one number, got 22 row(s) of 1 column(s)\n'],
    ["SELECT 'many'", 'tuan: checks.0.sql returned "many", not a number\n'],
    ['SELECT nope FROM order_lines', 'tuan: checks.0.sql failed: no such column: nope\n'],
  ])('refuses %j with exit 2 and leaves the database alone', async (sql, stderr) => {
    const yaml = `checks:\n  - kpi: my_sql\n    unit: count\n    fail_below: 1\n    sql: "${sql.replace(/"/g, '\\"')}"\n`;
    const r = await check(cwd, yaml, ['--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('hint:')[0]).toBe(stderr);
    const after = await runTuan(['kpi', '--period', '2026-10', '--kpi', 'orders', '--format', 'csv', ...AS_OF], { cwd });
    expect(after.stdout).toContain(',orders,订单数,count,11,');
  });
});

describe('tuan kpi check on the sample data with data/kpi-checks.yaml', () => {
  it('runs, and its JUnit file validates against the schema', async () => {
    const cwd = workdir();
    const data = (f: string) => join(ROOT, 'data', f);
    expect((await runTuan(['import', data('sample-orders.csv'), '--leaders', data('leaders.csv')], { cwd })).code).toBe(0);
    expect((await runTuan(['import', data('ktt-export.csv'), '--leader', 'L004'], { cwd })).code).toBe(0);
    const r = await runTuan(['kpi', 'check', '--config', data('kpi-checks.yaml'), '--junit', 'out.xml', ...AS_OF], { cwd });
    expect(r.code).toBe(0); // warnings and n/a only
    expect(r.stdout).toContain('合计:PASS 16 · WARN 10 · FAIL 0 · N/A 12');
    const xml = readFileSync(join(cwd, 'out.xml'), 'utf8');
    expect(await junitErrors(xml)).toEqual([]);
    expect(xml.match(/<testsuite /g)?.length).toBe(14);
    const withMetrics = await runTuan(
      ['kpi', 'check', '--config', data('kpi-checks.yaml'), '--metrics', data('kpi-metrics.csv'), '--junit', 'm.xml', '--strict', ...AS_OF],
      { cwd },
    );
    expect(withMetrics.code).toBe(1);
    expect(await junitErrors(readFileSync(join(cwd, 'm.xml'), 'utf8'))).toEqual([]);
  }, 120_000);
});
