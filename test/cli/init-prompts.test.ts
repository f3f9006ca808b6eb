/** The real @inquirer prompts of `tuan init`, driven by @inquirer/testing (keys in, screen out). */
import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { type confirm, input, number, select } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { resolveConfig } from '../../src/config.js';
import { initPrompts } from '../../src/commands/init.js';
import {
  AUTO,
  fileQuestion,
  headerQuestion,
  inquirerPrompter,
  leaderQuestion,
  mappingQuestion,
  stageQuestion,
  statusQuestion,
} from '../../src/commands/init-prompts.js';
import { analyzeMapping } from '../../src/core/ingest/init-plan.js';
import { FIXED_NOW, workdir } from '../helpers/run-tuan.js';

const KTT = [
  '跟团号',
  '下单人',
  '团员备注',
  '支付时间',
  '团长备注',
  '商品',
  '订单金额',
  '退款金额',
  '订单状态',
  '自提点',
  '收货人',
  '联系电话',
  '详细地址',
];
const AMBIGUOUS = ['订单号', '下单时间', '支付时间', '会员ID', '实付金额'];
const STAGES = { intro_days: 30, growth_days: 90, silent_after_days: 30, churned_after_days: 180, at_risk_days: 14 };

describe('init questions on the real prompts', () => {
  it('select: the header of a field, current one first in focus, arrow keys move, enter answers', async () => {
    const view = analyzeMapping(KTT, {});
    const first = ['6', '4栋 万姐', '', '2026-10-31 16:43:34', '', '手工水饺(1kg)+2\n香蕉(5斤)+2', '￥83.60'];
    const { answer, events, getScreen } = await render(select, headerQuestion('zh-CN', 'ordered_at', view, first));
    expect(getScreen()).toContain('"ordered_at"(下单时间)用文件中的哪一列?');
    expect(getScreen()).toContain('❯ 支付时间  例:2026-10-31 16:43:34  (当前)');
    expect(getScreen()).toContain('  商品      例:手工水饺(1kg)+2 香蕉(5斤)+2\n'); // the value of each column, on one line
    expect(getScreen()).toMatch(/^ {2}团长备注$/m); // an empty value shows nothing
    expect(getScreen()).toContain('方向键选择');
    events.keypress('down');
    expect(getScreen()).toContain('❯ 团长备注');
    events.keypress('enter');
    await expect(answer).resolves.toBe('团长备注');
  });

  it('select: "automatic" is the last choice and answers the AUTO marker', async () => {
    const view = analyzeMapping(KTT, { ordered_at: '团长备注' });
    const { answer, events, getScreen } = await render(select, headerQuestion('en', 'ordered_at', view));
    expect(getScreen()).toContain('❯ 团长备注  (current)');
    events.keypress('up');
    events.keypress('up');
    events.keypress('up');
    events.keypress('up'); // loop: false, so this stops at the first header
    expect(getScreen()).toContain('❯ 跟团号');
    for (let i = 0; i < KTT.length; i++) events.keypress('down');
    expect(getScreen()).toContain('❯ automatic (built-in aliases)');
    events.keypress('enter');
    await expect(answer).resolves.toBe(AUTO);
  });

  it('select: "accept" is disabled while a required field is ambiguous, and focus starts on that field', async () => {
    const view = analyzeMapping(AMBIGUOUS, {});
    const { answer, events, getScreen } = await render(select, mappingQuestion('en', view));
    expect(getScreen()).toMatch(/accept the mapping fix first: ordered_at$/m); // missing and ambiguous, named once
    expect(getScreen()).toMatch(/❯ ordered_at +order time +← —/);
    events.keypress('enter');
    await expect(answer).resolves.toBe('ordered_at');

    const ok = analyzeMapping(AMBIGUOUS, { ordered_at: '支付时间' });
    const second = await render(select, mappingQuestion('en', ok));
    expect(second.getScreen()).toContain('❯ accept the mapping');
    second.events.keypress('enter');
    await expect(second.answer).resolves.toBe('accept');
  });

  it('input: the sample path is checked before it is accepted', async () => {
    const cwd = workdir(['orders/ktt.csv']);
    const { answer, events, getScreen } = await render(input, fileQuestion('en', cwd));
    events.type('nope.csv');
    events.keypress('enter');
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 10));
    expect(getScreen()).toContain('no such file: nope.csv');
    for (let i = 0; i < 'nope.csv'.length; i++) events.keypress('backspace');
    events.type('ktt.csv');
    events.keypress('enter');
    await expect(answer).resolves.toBe('ktt.csv');
  });

  it('input: a leader ID with a space is refused', async () => {
    const { answer, events, getScreen } = await render(input, leaderQuestion('zh-CN'));
    events.type('L 4');
    events.keypress('enter');
    await new Promise((r) => setTimeout(r, 10));
    expect(getScreen()).toContain('团长ID 不能包含空格');
    events.keypress('backspace');
    events.keypress('backspace');
    events.type('4');
    events.keypress('enter');
    await expect(answer).resolves.toBe('L4');
  });

  it('number: a threshold shows its meaning and its default; a negative is refused', async () => {
    const { answer, events, getScreen } = await render(number, stageQuestion('zh-CN', 'silent_after_days', STAGES));
    expect(getScreen()).toContain('silent_after_days(沉默期:超过 30 天没有下单(流失预警)),天数');
    events.type('-5');
    events.keypress('enter');
    await new Promise((r) => setTimeout(r, 10));
    expect(getScreen()).toContain('请输入不小于 0 的整数天数');
    events.keypress('backspace');
    events.keypress('backspace');
    events.type('45');
    events.keypress('enter');
    await expect(answer).resolves.toBe(45);
  });

  it('select: a status word gets one of the four statuses', async () => {
    const { answer, events, getScreen } = await render(select, statusQuestion('zh-CN', '已核销'));
    expect(getScreen()).toContain('"已核销"');
    events.keypress('up'); // from "skip" (the default) to "pending"
    events.keypress('up');
    events.keypress('up');
    events.keypress('up');
    expect(getScreen()).toContain('❯ completed 已完成(计入消费)');
    events.keypress('enter');
    await expect(answer).resolves.toBe('completed');
  });

  it('inquirerPrompter passes its context to the prompts (confirm answers on the given streams)', async () => {
    // render() hands its streams to the prompt function; wrap the prompter's keepStages as that function.
    const asPrompt = (_config: object, context: Parameters<typeof confirm>[1]) => inquirerPrompter('en', '/', context).keepStages();
    const { answer, events, getScreen } = await render(asPrompt as unknown as typeof confirm, { message: '' });
    expect(getScreen()).toContain('Use these stage thresholds?');
    events.type('n');
    events.keypress('enter');
    await expect(answer).resolves.toBe(false);
  });
});

// --- the whole `tuan init` flow on the real prompts: key bytes into a stream, the screen read back ----------

describe('tuan init end to end on the real prompts', () => {
  const realCreate = initPrompts.create;
  afterEach(() => {
    initPrompts.create = realCreate;
  });

  it('maps the unknown time column, names a status word and the leader; the config has them', async () => {
    const cwd = workdir(['init/custom-time.csv']);
    const keys = new PassThrough();
    let screen = '';
    const out = new Writable({
      write(chunk, _enc, done) {
        screen += stripVTControlCharacters(String(chunk));
        done();
      },
    });
    // each prompt pipes its screen into `out` and ends that pipe when it closes; a terminal outlives that
    out.end = (() => out) as typeof out.end;
    initPrompts.create = (ctx) => inquirerPrompter(ctx.lang, ctx.io.cwd, { input: keys, output: out });
    let from = 0;
    /** wait until `text` appears on the screen after the last thing waited for, then type `typed` */
    const when = async (text: string, typed: string) => {
      for (let i = 0; i < 200 && screen.indexOf(text, from) < 0; i++) await new Promise((r) => setTimeout(r, 10));
      const at = screen.indexOf(text, from);
      if (at < 0) throw new Error(`never saw "${text}" on:\n${screen.slice(from)}`);
      from = at + text.length;
      keys.write(typed);
    };
    const UP = '\x1b[A';
    let stdout = '';
    const run = main(['init'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stdout += s) },
      env: { NO_COLOR: '1' },
      cwd,
      stdoutIsTTY: true,
      stderrIsTTY: true,
      stdinIsTTY: true,
      now: () => FIXED_NOW,
    });
    await when('样例导出文件的路径', 'custom-time.csv\r');
    await when('表头映射正确吗', '\r'); // focus starts on the blocked field, ordered_at
    await when('用文件中的哪一列', UP.repeat(10) + '\r'); // from "automatic" up to the first header, 成交时间
    await when('表头映射正确吗', '\r'); // now "accept" is enabled and in focus
    await when('"已核销"', UP.repeat(4) + '\r'); // from "not sure" up to completed
    await when('团长ID', 'L7\r');
    await when('使用这些阶段阈值吗', '\r');
    await when('导入数据库 ./tuan.db 吗', 'n\r');
    expect(await run).toBe(0);
    expect(stdout).toContain('已写入 tuan.config.yaml');
    const { config } = resolveConfig({ cwd, env: {} });
    expect(config.columns).toEqual({ ordered_at: '成交时间' });
    expect(config.status_words).toEqual({ 已核销: 'completed' });
    expect(config.import.leader).toBe('L7');
    // the personal at-risk keys (issue #14) are not asked: their defaults
    expect(config.stages).toEqual({ ...STAGES, at_risk_mode: 'fixed', at_risk_rhythm_factor: 2 });
  });
});
