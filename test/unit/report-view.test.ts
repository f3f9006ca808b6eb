/**
 * The report's template context (render/report-view.ts, render/report-charts.ts): it conforms to the documented
 * context (core/templating/report-context.ts), every text is HTML-escaped, and the shipped report templates render it in
 * both languages. No database: the data is made by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { commissionInput } from '../../src/core/commission/commission.js';
import { conformance, sampleOf } from '../../src/core/templating/context-schema.js';
import { toCommissionRules } from '../../src/core/commission/levels.js';
import { classifyStage } from '../../src/core/members/lifecycle.js';
import { REPORT_CONTEXT } from '../../src/core/templating/report-context.js';
import { buildReport, type ReportData } from '../../src/core/report/report.js';
import type { MemberSegment } from '../../src/core/members/segment.js';
import { SHIPPED_DIR, templateFiles, Templates } from '../../src/adapters/templates.js';
import { lintTemplates } from '../../src/adapters/template-lint.js';
import { contextHeader } from '../../src/core/templating/template-contexts.js';
import type { Lang } from '../../src/i18n.js';
import { escapeDeep, escapeHtml, reportView, type ReportRules } from '../../src/render/report-view.js';
import { migrationHeat, share } from '../../src/render/report-charts.js';

const AS_OF = '2026-10-31';
const stages = DEFAULT_CONFIG.stages;
const levels = toCommissionRules(DEFAULT_CONFIG.commission).levels;

function member(memberId: string, leaderId: string, first: string, last: string, spendFen: number, r: number, f: number): MemberSegment {
  const s = classifyStage(first, last, AS_OF, stages);
  return {
    memberId,
    leaderId,
    firstOrderDate: first,
    lastOrderDate: last,
    orders: f,
    spendFen,
    windowOrders: f,
    windowSpendFen: spendFen,
    ...s,
    rfm: {
      recencyDays: s.recencyDays,
      orders: f,
      spendFen,
      r,
      f,
      m: 3,
      score: r * 100 + f * 10 + 3,
      segment: 'other',
      segmentZh: '其他',
      segmentEn: 'Other',
      cn8: 'HLH',
    },
  };
}

const MEMBERS = [
  member('M1', 'L1', '2026-10-20', '2026-10-25', 3000, 5, 1),
  member('M2', 'L1', '2026-03-01', '2026-08-01', 5050, 2, 3),
  member('M3', 'L2', '2026-01-01', '2026-10-30', 20000, 5, 5),
];

function data(): ReportData {
  const commission = commissionInput(
    [{ orderId: 'C1', memberId: 'M1', leaderId: 'L1', orderDate: '2026-10-20', amountFen: 3000 }],
    [],
    [
      { leaderId: 'L1', star: null, joinedAt: null },
      { leaderId: 'L2', star: 2, joinedAt: null },
    ],
    toCommissionRules(DEFAULT_CONFIG.commission),
    stages,
  );
  return buildReport({
    asOf: AS_OF,
    from: '2026-08-02',
    scope: 'all',
    leaderIds: null,
    leaders: [{ leaderId: 'L1', name: '甲', community: '<东苑>' }],
    segments: {
      scope: 'all',
      members: MEMBERS,
      edges: { recency_days: [1, 5, 10, 60], orders: [1, 2, 3, 4], spend_fen: [1000, 2000.5, 3000, 4000] },
      baseline: null,
      emptyBins: { r: [], f: [], m: [] },
    },
    before: [],
    kpiData: { orders: [], returns: [] },
    commission,
    contacts: new Map([['M2', { name: '<img src=x onerror=alert(1)>', phone: '13812345678' }]]),
    settings: { stages, minCategories: 2, minDenominator: 10, targets: DEFAULT_CONFIG.kpi.targets, listSize: 10, unmask: true },
  });
}

const rules = (unmask: boolean): ReportRules => ({
  leaders: [{ leaderId: 'L1', name: '甲', community: '<东苑>' }],
  levels,
  stages,
  rfmWindowDays: 365,
  rfmBaseline: 'mean',
  unmask,
});

describe('reportView', () => {
  it.each<Lang>(['zh-CN', 'en'])('conforms to the documented report context (%s)', (lang) => {
    expect(conformance(REPORT_CONTEXT, reportView(data(), rules(false), lang))).toEqual([]);
  });

  it('writes names, numbers and shares in the output language', () => {
    const zh = reportView(data(), rules(false), 'zh-CN');
    const en = reportView(data(), rules(false), 'en');
    expect(zh.stages.legend.map((l) => l.name)).toEqual(['引入期', '成长期', '成熟期', '沉默期', '流失期']);
    expect(en.stages.legend.map((l) => l.name)).toEqual(['Intro', 'Growth', 'Mature', 'Silent', 'Churned']);
    expect(zh.stages.legend.map((l) => l.share)).toEqual(['33.3%', '0.0%', '33.3%', '33.3%', '0.0%']);
    expect(zh.scope.label).toBe('全部团长');
    expect(en.scope.label).toBe('all leaders');
    expect(zh.cn8.chart.rows[1]!.label).toBe('重要发展客户');
    expect(en.cn8.chart.rows[1]!.label).toBe('important development');
    expect(zh.rfm.edges).toEqual({ recency: '1/5/10/60', orders: '1/2/3/4', spend: '¥10.00/¥20.01/¥30.00/¥40.00' });
    expect(zh.commission.rows.map((r) => [r.leader_id, r.level, r.rate, r.total_fen])).toEqual([
      ['L1', '见习团长(一星)', '5.00%', 150],
      ['L2', '二星*', '5.75%', 0],
    ]);
    expect(zh.commission.total).toMatchObject({ total_fen: 150, change: '+¥1.50', change_cls: 'up' });
    expect(zh.kpis.find((k) => k.code === 'repurchase_rate')).toMatchObject({
      value: 'n/a',
      baseline: '≥ 40%',
      challenge: '≥ 45%',
      mark: 'na',
      symbol: 'n/a',
    });
  });

  it('the stage chart has one bar per leader and the RFM chart a 5 × 5 grid with average M', () => {
    const v = reportView(data(), rules(false), 'zh-CN');
    expect(v.stages.chart.rows.map((r) => [r.label, r.total])).toEqual([
      ['L1 <东苑>', '2'],
      ['L2', '1'],
    ]);
    expect(v.stages.chart.rows[0]!.segments.map((s) => s.cls)).toEqual(['st-intro', 'st-silent']);
    expect(v.rfm.chart.rows.map((r) => r.label)).toEqual(['R5', 'R4', 'R3', 'R2', 'R1']);
    expect(v.rfm.chart.rows[0]!.cells[0]).toMatchObject({ main: '1', sub: '均¥30', cls: 'h5 dark' });
    expect(v.rfm.chart.rows[0]!.cells[1]).toMatchObject({ main: '0', sub: '', cls: 'h0' });
  });

  it('members to act on: masking comes from the data; empty names and phones show —', () => {
    const v = reportView(data(), rules(true), 'zh-CN');
    expect(v.unmasked).toBe(true);
    expect(v.actions.silent_call.members[0]).toMatchObject({
      id: 'M2',
      name: '<img src=x onerror=alert(1)>',
      phone: '13812345678',
      stage: '沉默期',
    });
    expect(v.actions.welcome.members[0]).toMatchObject({ id: 'M1', name: '—', phone: '—' });
  });

  it('the migration cells carry the share of their row', () => {
    const mig = {
      matrix: {
        new: { intro: 3, growth: 1, mature: 0, silent: 0, churned: 0 },
        intro: z(),
        growth: z(),
        mature: z(),
        silent: z(),
        churned: z(),
      },
      wakeup: { base: 0, ordered: 0, rate: null },
      winback: { base: 0, ordered: 0, rate: null },
    };
    const h = migrationHeat(mig, '2026-08-02', AS_OF, 'en');
    expect(h.rows[0]!.label).toBe('New');
    expect(h.rows[0]!.cells.slice(0, 3).map((c) => [c.main, c.sub])).toEqual([
      ['3', '75.0%'],
      ['1', '25.0%'],
      ['0', ''],
    ]);
    expect(share(1, 0)).toBe('–');
  });
});

function z() {
  return { intro: 0, growth: 0, mature: 0, silent: 0, churned: 0 };
}

describe('escaping', () => {
  it('escapes the characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`=</a>`)).toBe(
      '&lt;a href&#61;&quot;x&quot; onclick&#61;&#39;y&#39;&gt;&amp;&#96;&#61;&lt;/a&gt;',
    );
  });

  it('escapeDeep escapes every string of a context and leaves numbers, booleans and null alone', () => {
    expect(escapeDeep({ a: '<b>', n: 3, t: true, z: null, l: [{ s: '"' }] })).toEqual({
      a: '&lt;b&gt;',
      n: 3,
      t: true,
      z: null,
      l: [{ s: '&quot;' }],
    });
  });
});

describe('shipped report templates', () => {
  const render = (lang: Lang, ctx: unknown) => new Templates(templateFiles(lang, null, '/'), lang, false).render('report', ctx);

  it.each<Lang>(['zh-CN', 'en'])('render the escaped context (%s): markup from the data never reaches the page', (lang) => {
    const html = render(lang, escapeDeep(reportView(data(), rules(true), lang)));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src&#61;x onerror&#61;alert(1)&gt;');
    expect(html).toContain('L1 &lt;东苑&gt;');
    expect(html.match(/<svg /g)?.length).toBe(4);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it.each<Lang>(['zh-CN', 'en'])('render a sample of the documented context (%s); the English one has no Chinese left', (lang) => {
    const html = render(lang, sampleOf(REPORT_CONTEXT));
    expect(html).toContain('</html>');
    expect(html).not.toMatch(/undefined|\[object|NaN/);
    if (lang === 'en') expect(html).not.toMatch(/[\u4e00-\u9fff]/); // the sample context has no Chinese, so neither may the template
  });

  it.each<Lang>(['zh-CN', 'en'])('%s/report.hbs lists its context in the header comment (scripts/template-headers.mjs)', (lang) => {
    const text = readFileSync(join(SHIPPED_DIR, lang, 'report.hbs'), 'utf8');
    expect(text.startsWith('{{!--')).toBe(true);
    expect(text).toContain(contextHeader('report')!);
  });

  it('are clean under tuan lint: every variable documented, no absolute terms', () => {
    const r = lintTemplates({ userDir: null, cwd: '/', lint: DEFAULT_CONFIG.lint, activities: DEFAULT_CONFIG.activities });
    const report = r.checked
      .filter((c) => /[/_]report/.test(c.file))
      .map((c) => c.file)
      .sort();
    expect(report).toEqual(
      ['report', '_report-bars', '_report-heat', '_report-members', '_report-style']
        .flatMap((f) => ['en', 'zh-CN'].map((l) => `templates/${l}/${f}.hbs`))
        .sort(),
    );
    expect(r.issues.filter((i) => /[/_]report/.test(i.file))).toEqual([]);
  });

  it.each(['_report-style.hbs', '_report-bars.hbs', '_report-heat.hbs'])('%s is the same file in both languages', (f) => {
    expect(readFileSync(join(SHIPPED_DIR, 'en', f), 'utf8')).toBe(readFileSync(join(SHIPPED_DIR, 'zh-CN', f), 'utf8'));
  });
});
