import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyzeMapping, fieldsToShow, nextCommands, setColumn, shellQuote, unknownStatusWords } from '../../src/core/ingest/init-plan.js';
import { stageProblems } from '../../src/core/members/stage-problems.js';
import { DEFAULT_STATUS_WORDS } from '../../src/core/ingest/status.js';
import { DEFAULT_CONFIG, mergeConfig, validateConfig } from '../../src/config.js';
import { renderInitConfig, type InitConfig } from '../../src/render/init-config.js';

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
const ORDERS = [
  '订单号',
  '下单时间',
  '会员ID',
  '会员昵称',
  '手机号',
  '团长ID',
  '商品名称',
  '商品分类',
  '数量',
  '单价',
  '实付金额',
  '退款金额',
  '订单状态',
];

describe('analyzeMapping', () => {
  it('a 快团团 header row is layout ktt, ready, and needs a leader', () => {
    const v = analyzeMapping(KTT, {});
    expect(v.layout).toBe('ktt');
    expect(v.ready).toBe(true);
    expect(v.needsLeader).toBe(true);
    expect(v.mapped).toMatchObject({
      group_no: '跟团号',
      ordered_at: '支付时间',
      buyer: '下单人',
      amount: '订单金额',
      member_name: '收货人',
      phone: '联系电话',
    });
    expect(v.unused).toEqual(['团员备注', '团长备注', '自提点', '详细地址']);
  });

  it('a platform export with 团长ID needs no leader', () => {
    const v = analyzeMapping(ORDERS, {});
    expect([v.layout, v.ready, v.needsLeader]).toEqual(['orders', true, false]);
  });

  it('reports missing, ambiguous and not-found columns, which block', () => {
    const v = analyzeMapping(['订单号', '下单时间', '支付时间', '会员ID'], { category: '类别' });
    expect(v.ready).toBe(false);
    expect(v.ambiguous).toEqual([{ field: 'ordered_at', headers: ['下单时间', '支付时间'] }]);
    expect(v.notFound).toEqual([{ field: 'category', header: '类别' }]);
    expect(v.missing.map((m) => m.field)).toEqual(['ordered_at', 'amount']);
    expect(fieldsToShow(v)).toEqual(['order_id', 'ordered_at', 'member_id', 'amount']);
  });
});

describe('setColumn', () => {
  it('keeps an override the aliases would not find, and drops one they would', () => {
    expect(setColumn(KTT, {}, 'ordered_at', '团长备注')).toEqual({ ordered_at: '团长备注' });
    expect(setColumn(KTT, { ordered_at: '团长备注' }, 'ordered_at', '支付时间')).toEqual({});
    expect(setColumn(KTT, { ordered_at: '团长备注', category: '自提点' }, 'ordered_at', null)).toEqual({ category: '自提点' });
  });

  it('resolving an ambiguous field keeps the choice', () => {
    const h = ['订单号', '下单时间', '支付时间', '会员ID', '实付金额'];
    const o = setColumn(h, {}, 'ordered_at', '下单时间');
    expect(o).toEqual({ ordered_at: '下单时间' });
    expect(analyzeMapping(h, o).ready).toBe(true);
  });
});

describe('stageProblems', () => {
  it.each([
    [DEFAULT_CONFIG.stages, []],
    [{ ...DEFAULT_CONFIG.stages, intro_days: 90 }, ['intro_growth']],
    [{ ...DEFAULT_CONFIG.stages, silent_after_days: 180 }, ['silent_churned']],
    [{ ...DEFAULT_CONFIG.stages, at_risk_days: 30 }, ['atrisk_silent']],
    [
      { intro_days: 5, growth_days: 4, silent_after_days: 9, churned_after_days: 9, at_risk_days: 9 },
      ['intro_growth', 'silent_churned', 'atrisk_silent'],
    ],
  ])('%j → %j', (t, expected) => {
    expect(stageProblems(t)).toEqual(expected);
  });
});

describe('small helpers', () => {
  it('unknownStatusWords: each unknown word once, in order; known and empty words are fine', () => {
    expect(unknownStatusWords(['已完成', '已核销', '', ' 已核销 ', '拼团中', 'Completed', '已退款'], DEFAULT_STATUS_WORDS)).toEqual([
      '已核销',
      '拼团中',
    ]);
    expect(unknownStatusWords(['已核销'], { ...DEFAULT_STATUS_WORDS, 已核销: 'completed' })).toEqual([]);
  });

  it.each([
    ['data/ktt-export.csv', 'data/ktt-export.csv'],
    ['my export.csv', "'my export.csv'"],
    ["it's.csv", `'it'\\''s.csv'`],
    ['导出.csv', "'导出.csv'"],
  ])('shellQuote(%s) = %s', (s, q) => {
    expect(shellQuote(s)).toBe(q);
  });

  it('nextCommands: scoped to the leader; segment without the file once it is imported; import first without a sample', () => {
    expect(nextCommands('file', 'data/ktt-export.csv', 'L004')).toEqual([
      'tuan segment data/ktt-export.csv --leader L004',
      'tuan members --stage silent --leader L004',
      'tuan report --leader L004 --out report.html',
      'tuan config',
    ]);
    expect(nextCommands('imported', 'data/ktt-export.csv', null)).toEqual([
      'tuan segment',
      'tuan members --stage silent',
      'tuan report --out report.html',
      'tuan config',
    ]);
    expect(nextCommands('none', null, null)[0]).toBe('tuan import <export.csv>');
  });
});

describe('renderInitConfig', () => {
  const cfg: InitConfig = {
    db: './shop.db',
    columns: { ordered_at: '成交时间: 北京 #1' },
    status_words: { 已核销: 'completed' },
    import: { max_reject_rate: 0.05, leader: 'L004' },
    stages: { intro_days: 20, growth_days: 60, silent_after_days: 21, churned_after_days: 120, at_risk_days: 10 },
    rfm: { window_days: 365, method: 'quintile', baseline: 'mean', edges: {} },
  };
  const sample = { file: 'x.csv', layout: 'transactions' as const, mapped: { ordered_at: '成交时间: 北京 #1', member_id: '会员ID' } };

  it.each(['zh-CN', 'en'] as const)('(%s) loads with validateConfig and holds exactly the values given', (lang) => {
    const text = renderInitConfig(cfg, sample, lang);
    const config = validateConfig(mergeConfig(DEFAULT_CONFIG, parse(text)));
    expect(parse(text)).toEqual(cfg);
    expect(config.columns).toEqual(cfg.columns);
    expect(config.stages).toEqual({ ...cfg.stages, at_risk_mode: 'fixed', at_risk_rhythm_factor: 2 });
    expect(config.import.leader).toBe('L004');
    expect(config.rfm.segments).toEqual(DEFAULT_CONFIG.rfm.segments);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('every key has a comment line right above it, in the language asked for', () => {
    const zh = renderInitConfig(cfg, sample, 'zh-CN').split('\n');
    for (const key of [
      'db',
      'columns',
      'status_words',
      'import',
      'max_reject_rate',
      'leader',
      'stages',
      'intro_days',
      'growth_days',
      'silent_after_days',
      'churned_after_days',
      'at_risk_days',
      'rfm',
      'window_days',
      'method',
      'edges',
      'baseline',
    ]) {
      const i = zh.findIndex((l) => new RegExp(`^\\s*${key}:`).test(l));
      expect(i, key).toBeGreaterThan(0);
      expect(zh[i - 1], key).toMatch(/^\s*#/);
    }
    expect(zh.join('\n')).toContain('# 引入期:首单后不超过 20 天。默认 30');
    expect(zh.join('\n')).toContain('#   ordered_at: 成交时间: 北京 #1');
    const en = renderInitConfig(cfg, sample, 'en');
    expect(en).toContain('# Intro: up to 20 days since the first order. Default 30');
    expect(en).toContain('See tuan config for all keys');
  });

  it('writes no section it does not own', () => {
    const keys = Object.keys(parse(renderInitConfig({ ...cfg, import: { max_reject_rate: 0.05 } }, null, 'en')));
    expect(keys).toEqual(['db', 'columns', 'status_words', 'import', 'stages', 'rfm']);
  });
});
