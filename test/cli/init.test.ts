import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { resolveConfig } from '../../src/config.js';
import { initPrompts } from '../../src/commands/init.js';
import type { Prompter } from '../../src/commands/init-prompts.js';
import type { MappingView } from '../../src/core/ingest/init-plan.js';
import { FIXED_NOW, runTuan, workdir, type RunResult } from '../helpers/run-tuan.js';

const loadConfig = (cwd: string) => resolveConfig({ cwd, env: {} });
const csvRows = (out: string) =>
  out
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));

describe('tuan init --yes (no questions)', () => {
  it('on a 快团团 export writes a config with the leader and imports the sample with it', async () => {
    const cwd = workdir(['orders/ktt.csv']);
    const r = await runTuan(['init', '--yes', '--file', 'ktt.csv', '--leader', 'L9'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('GBK/GB18030');
    expect(r.stdout).toContain('ktt:快团团');
    expect(r.stdout).toContain('支付时间');
    expect(r.stdout).toMatch(/已写入 tuan.config.yaml\nktt.csv:GBK\/GB18030,分隔符 逗号,格式 ktt/);
    expect(r.stdout).toContain('拒收 0 行');
    expect(r.stdout).toContain('tuan segment --leader L9 ');
    const { config, source } = loadConfig(cwd);
    expect(source).toBe(join(cwd, 'tuan.config.yaml'));
    expect(config.import.leader).toBe('L9');
    expect(config.columns).toEqual({});
    expect(config.stages).toEqual({ intro_days: 30, growth_days: 90, silent_after_days: 30, churned_after_days: 180, at_risk_days: 14 });
    // the database holds the sample, under the leader of the config
    const seg = await runTuan(['segment', '--as-of', '2026-10-31', '--format', 'csv'], { cwd });
    expect(seg.code).toBe(0);
    expect(new Set(csvRows(seg.stdout).map((row) => row[1]))).toEqual(new Set(['L9']));
  });

  it('--no-import: the config alone makes tuan segment FILE import the 快团团 file under its leader', async () => {
    const cwd = workdir(['orders/ktt.csv']);
    const r = await runTuan(['init', '--yes', '--no-import', '--file', 'ktt.csv', '--leader', 'L9'], { cwd });
    expect(r.code).toBe(0);
    expect(existsSync(join(cwd, 'tuan.db'))).toBe(false);
    expect(r.stdout).toContain('tuan segment ktt.csv --leader L9');
    const seg = await runTuan(['segment', 'ktt.csv', '--as-of', '2026-10-31', '--format', 'csv'], { cwd });
    expect(seg.code).toBe(0);
    const leaders = new Set(csvRows(seg.stdout).map((row) => row[1]));
    expect([...leaders]).toEqual(['L9']);
    expect(csvRows(seg.stdout).length).toBeGreaterThan(0);
  });

  it('a single-leader export without --leader still writes the config, with a warning', async () => {
    const cwd = workdir(['orders/ktt.csv']);
    const r = await runTuan(['init', '--yes', '--file', 'ktt.csv', '--lang', 'en'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('single-leader export and no --leader');
    expect(loadConfig(cwd).config.import.leader).toBeUndefined();
    expect(readFileSync(join(cwd, 'tuan.config.yaml'), 'utf8')).toContain('e.g. leader: L004');
  });

  it('without a file writes the defaults and says what to run next', async () => {
    const cwd = workdir();
    const r = await runTuan(['init', '--yes', '--lang', 'en'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tuan import <export.csv>');
    const { config } = loadConfig(cwd);
    expect(config.db).toBe('./tuan.db');
    expect(config.rfm.window_days).toBe(365);
    expect(config.rfm.segments.length).toBe(10); // built-in table kept
  });

  it('--db goes into the config', async () => {
    const cwd = workdir();
    expect((await runTuan(['--db', 'data/shop.db', 'init', '--yes'], { cwd })).code).toBe(0);
    expect(loadConfig(cwd).config.db).toBe('data/shop.db');
  });

  it('columns it cannot map are exit 3 with the --map flags to pass; --map fixes it and is stored', async () => {
    const cwd = workdir(['orders/ambiguous-header.csv']);
    const bad = await runTuan(['init', '--yes', '--file', 'ambiguous-header.csv', '--lang', 'en'], { cwd });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('ordered_at could be 下单时间 / 支付时间');
    expect(bad.stderr).toContain('--map ordered_at="下单时间"');
    expect(existsSync(join(cwd, 'tuan.config.yaml'))).toBe(false);
    const ok = await runTuan(['init', '--yes', '--file', 'ambiguous-header.csv', '--map', 'ordered_at=支付时间'], { cwd });
    expect(ok.code).toBe(0);
    expect(loadConfig(cwd).config.columns).toEqual({ ordered_at: '支付时间' });
  });

  it('warns about status words it does not know; importing then rejects their rows', async () => {
    const cwd = workdir(['init/custom-time.csv']);
    const args = ['init', '--yes', '--file', 'custom-time.csv', '--map', 'ordered_at=成交时间', '--leader', 'L1'];
    const r = await runTuan([...args, '--no-import'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('"已核销"');
    expect(loadConfig(cwd).config.status_words).toEqual({});
    // 2 of the 4 rows have the unknown word: far above max_reject_rate, so the import is refused (exit 3),
    // and the config written before it stays
    const again = await runTuan([...args, '--force'], { cwd });
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('不认识的订单状态');
    expect(loadConfig(cwd).config.columns).toEqual({ ordered_at: '成交时间' });
  });
});

describe('tuan init without a terminal', () => {
  it('never waits: exit 2 with the flags to pass, nothing written', async () => {
    const cwd = workdir();
    const r = await runTuan(['init'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有终端');
    expect(r.stderr).toMatch(/提示: .*tuan init --yes \[--file <导出文件>\] \[--leader <团长ID>\]/);
    const en = await runTuan(['init', '--lang', 'en'], { cwd });
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(
      'tuan: tuan init asks questions and there is no terminal (stdin or stdout is not a TTY); it will not wait\n' +
        'hint: take the detected mapping and the defaults without questions: tuan init --yes [--file <export.csv>] [--leader <ID>] [--map field=header] [--force]\n',
    );
    expect(existsSync(join(cwd, 'tuan.config.yaml'))).toBe(false);
  });
});

describe('tuan init and an existing config', () => {
  it('refuses to overwrite tuan.config.yaml, and does with --force', async () => {
    const cwd = workdir();
    const mine = 'db: ./mine.db\n';
    writeFileSync(join(cwd, 'tuan.config.yaml'), mine);
    const r = await runTuan(['init', '--yes', '--lang', 'en'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tuan.config.yaml already exists; nothing written');
    expect(r.stderr).toContain('tuan init --force');
    expect(readFileSync(join(cwd, 'tuan.config.yaml'), 'utf8')).toBe(mine);
    const f = await runTuan(['init', '--yes', '--force'], { cwd });
    expect(f.code).toBe(0);
    expect(loadConfig(cwd).config.db).toBe('./tuan.db');
  });

  it('an existing tuan.config.json counts too', async () => {
    const cwd = workdir();
    writeFileSync(join(cwd, 'tuan.config.json'), '{"db": "x.db"}');
    const r = await runTuan(['init', '--yes', '--lang', 'en'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tuan.config.json already exists');
  });

  it('checks before asking anything', async () => {
    const cwd = workdir();
    writeFileSync(join(cwd, 'tuan.config.yaml'), 'db: ./mine.db\n');
    const p = scripted([]);
    const r = await runInteractive(['init'], cwd, p);
    expect(r.code).toBe(2);
    expect(p.calls).toEqual([]);
  });
});

// --- the interactive flow, with a scripted prompter in place of the terminal ------------------------------

type Step = { [K in keyof Prompter]: [K, Awaited<ReturnType<Prompter[K]>>] }[keyof Prompter];

/** A Prompter that answers from a script, checks each question is the one expected, and records what it saw. */
function scripted(steps: Step[]) {
  const queue = [...steps];
  const calls: string[] = [];
  const views: MappingView[] = [];
  const answer = (name: keyof Prompter) => {
    calls.push(name);
    const next = queue.shift();
    if (!next) throw new Error(`script exhausted at ${name}`);
    if (next[0] !== name) throw new Error(`expected question ${next[0]}, got ${name}`);
    return Promise.resolve(next[1]);
  };
  const p = {
    file: () => answer('file'),
    mappingAction: (view: MappingView) => (views.push(view), answer('mappingAction')),
    header: () => answer('header'),
    leader: () => answer('leader'),
    statusWord: () => answer('statusWord'),
    keepStages: () => answer('keepStages'),
    stage: () => answer('stage'),
    importNow: () => answer('importNow'),
  } as Prompter;
  return Object.assign(p, { calls, views, left: () => queue.length });
}

const realCreate = initPrompts.create;
afterEach(() => {
  initPrompts.create = realCreate;
});

async function runInteractive(args: string[], cwd: string, p: Prompter): Promise<RunResult> {
  initPrompts.create = () => p;
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { NO_COLOR: '1' },
    cwd,
    stdoutIsTTY: true,
    stderrIsTTY: true,
    stdinIsTTY: true,
    now: () => FIXED_NOW,
  });
  return { code, stdout, stderr };
}

describe('tuan init on a terminal (scripted answers)', () => {
  it('maps an unknown time column, asks the leader and a status word, changes thresholds; the config loads and imports', async () => {
    const cwd = workdir(['init/custom-time.csv']);
    const p = scripted([
      ['file', 'custom-time.csv'],
      ['mappingAction', 'ordered_at'], // accept is blocked: no time column
      ['header', '成交时间'],
      ['mappingAction', 'accept'],
      ['statusWord', 'completed'],
      ['leader', 'L7'],
      ['keepStages', false],
      // first try: intro 100 ≥ growth 90 is refused and the five questions come again
      ['stage', 100],
      ['stage', 90],
      ['stage', 21],
      ['stage', 120],
      ['stage', 10],
      ['stage', 20],
      ['stage', 60],
      ['stage', 21],
      ['stage', 120],
      ['stage', 10],
      ['importNow', true],
    ]);
    const r = await runInteractive(['init'], cwd, p);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(p.left()).toBe(0);
    expect(p.views[0]!.missing.map((x) => x.field)).toEqual(['ordered_at']);
    expect(p.views[1]!.ready).toBe(true);
    expect(r.stdout).toContain('缺少(必需)');
    expect(r.stdout).toContain('✗ intro_days 必须小于 growth_days');
    expect(r.stdout).toContain('读取 4 行');
    expect(r.stdout).toContain('tuan segment --leader L7 ');

    const { config } = loadConfig(cwd);
    expect(config.columns).toEqual({ ordered_at: '成交时间' });
    expect(config.status_words).toEqual({ 已核销: 'completed' });
    expect(config.import.leader).toBe('L7');
    expect(config.stages).toEqual({ intro_days: 20, growth_days: 60, silent_after_days: 21, churned_after_days: 120, at_risk_days: 10 });

    // importing the file again (tuan segment FILE) changes nothing
    const seg = await runTuan(['segment', 'custom-time.csv', '--as-of', '2026-10-31', '--format', 'csv'], { cwd });
    expect(seg.code).toBe(0);
    expect(seg.stderr).toContain('新增 0,更新 0,未变 4;拒收 0 行');
    // member, leader, stage, at_risk, orders, spend_fen (columns 0, 1, 2, 4, 9, 10)
    // the chosen thresholds are in force: with the defaults M2 (one order 29 days ago) would be intro, M1 not at risk
    expect(csvRows(seg.stdout).map((row) => [row[0], row[1], row[2], row[4], row[9], row[10]].join(' '))).toEqual([
      'M1 L7 growth true 2 5750',
      'M2 L7 silent false 1 3000',
    ]);
  });

  it('resolves an ambiguous column by choice, keeps the thresholds, and --leader skips the leader question', async () => {
    const cwd = workdir(['orders/ambiguous-header.csv']);
    const p = scripted([
      ['file', 'ambiguous-header.csv'],
      ['mappingAction', 'ordered_at'],
      ['header', '支付时间'],
      ['mappingAction', 'accept'],
      ['keepStages', true],
      ['importNow', false],
    ]);
    const r = await runInteractive(['init', '--leader', 'L2', '--lang', 'en'], cwd, p);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('several columns: 下单时间, 支付时间');
    expect(loadConfig(cwd).config.columns).toEqual({ ordered_at: '支付时间' });
    expect(loadConfig(cwd).config.import.leader).toBe('L2');
    expect(existsSync(join(cwd, 'tuan.db'))).toBe(false);
    expect(r.stdout).toContain('tuan segment ambiguous-header.csv --leader L2');
  });

  it('choosing the header the aliases would find anyway writes no override; an empty answer skips the sample', async () => {
    const cwd = workdir(['orders/ktt.csv']);
    const p = scripted([
      ['file', 'ktt.csv'],
      ['mappingAction', 'ordered_at'],
      ['header', '支付时间'],
      ['mappingAction', 'accept'],
      ['leader', ''],
      ['keepStages', true],
      ['importNow', false],
    ]);
    const r = await runInteractive(['init'], cwd, p);
    expect(r.code).toBe(0);
    const { config } = loadConfig(cwd);
    expect(config.columns).toEqual({});
    expect(config.import.leader).toBeUndefined();

    const none = workdir();
    const q = scripted([
      ['file', ''],
      ['keepStages', true],
    ]);
    expect((await runInteractive(['init'], none, q)).code).toBe(0);
    expect(q.calls).toEqual(['file', 'keepStages']);
  });

  it('Ctrl-C at a question writes nothing', async () => {
    const cwd = workdir();
    const p = scripted([]);
    p.file = () => Promise.reject(Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' }));
    const r = await runInteractive(['init', '--lang', 'en'], cwd, p);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cancelled; nothing written');
    expect(existsSync(join(cwd, 'tuan.config.yaml'))).toBe(false);
  });

  it('--yes on a terminal asks nothing', async () => {
    const cwd = workdir();
    const p = scripted([]);
    const r = await runInteractive(['init', '--yes'], cwd, p);
    expect(r.code).toBe(0);
    expect(p.calls).toEqual([]);
  });
});

describe('tuan init: the sample preview masks personal data', () => {
  it('shows the first record with names masked, unmasked only with --unmask', async () => {
    const { ROOT } = await import('../helpers/run-tuan.js');
    const cwd = workdir([`${ROOT}/data/ktt-export.csv`]);
    const r = await runTuan(['init', '--yes', '--file', 'ktt-export.csv', '--leader', 'L004', '--no-import'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('徐***');
    expect(r.stdout).not.toMatch(/徐萍|万姐/);
    const cwd2 = workdir([`${ROOT}/data/ktt-export.csv`]);
    const open = await runTuan(['init', '--yes', '--file', 'ktt-export.csv', '--leader', 'L004', '--no-import', '--unmask'], { cwd: cwd2 });
    expect(open.stdout).toContain('徐萍[5758]');
  });
});

describe('tuan init --force over a configuration that does not load', () => {
  it('warns and rewrites it instead of stopping', async () => {
    const { ROOT } = await import('../helpers/run-tuan.js');
    const cwd = workdir([`${ROOT}/data/ktt-export.csv`]);
    writeFileSync(join(cwd, 'tuan.config.yaml'), 'stages: [\n');
    expect((await runTuan(['status'], { cwd })).code).toBe(2); // any other command stops on it
    const r = await runTuan(['init', '--yes', '--force', '--file', 'ktt-export.csv', '--leader', 'L004', '--no-import'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('tuan init 使用内置默认值继续');
    expect(resolveConfig({ cwd, env: {} }).config.import.leader).toBe('L004');
  });
});
