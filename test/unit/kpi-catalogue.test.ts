/** The one KPI catalogue (core/kpi/kpi-defs.ts) and the one targets table every output reads. */
import { describe, expect, it } from 'vitest';
import { KPI_DEFS, LOG_KPIS, METRICS, ORDER_KPIS, seedTargets, STAGE_KPIS } from '../../src/core/kpi/kpi-defs.js';
import { kpiLine, stageTargets } from '../../src/core/kpi/targets.js';
import { audienceTargets, impliedTarget } from '../../src/core/activities/activity-context.js';
import { STAGES } from '../../src/core/members/lifecycle.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { namesFor } from '../../src/render/activity-names.js';
import { basisText, kpiName, MARKS } from '../../src/render/kpi.js';

describe('the KPI catalogue', () => {
  it('covers every order KPI and metric, with a name in both languages and a direction', () => {
    expect(Object.keys(KPI_DEFS).sort()).toEqual([...ORDER_KPIS, ...METRICS, ...LOG_KPIS].sort());
    for (const [code, d] of Object.entries(KPI_DEFS)) {
      expect(d.zh, code).not.toBe('');
      expect(d.en, code).not.toBe('');
      expect(d.direction, code).toBe(code.startsWith('stage_share.') ? null : code === 'refund_rate' ? 'lower' : 'higher');
      // a target is a minimum (kpi.targets, marks): a lower-is-better KPI has none
      if (d.direction === 'lower') expect(d.seed, code).toBeUndefined();
      if (d.seed) expect(d.seed.source, code).toMatch(/^seed \d{3}/);
    }
  });

  it('its seed targets are the default kpi.targets, and every stage KPI has a baseline', () => {
    expect(DEFAULT_CONFIG.kpi.targets).toEqual(seedTargets());
    expect(seedTargets().winback_rate).toEqual({ baseline: 15, challenge: 20 });
    for (const s of STAGES) {
      expect(STAGE_KPIS[s].length, s).toBeGreaterThan(0);
      for (const k of STAGE_KPIS[s]) expect(KPI_DEFS[k].seed?.baseline, k).toBeDefined();
    }
  });

  it('kits and plans name KPIs as tuan kpi does (SPEC §6 names)', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const k of Object.values(STAGE_KPIS).flat()) expect(namesFor(lang).kpi(k)).toBe(kpiName(k, lang));
    }
    expect(namesFor('zh-CN').kpi('winback_rate')).toBe('挽回成功率');
    expect(namesFor('zh-CN').kpi('category_penetration')).toBe('品类渗透率');
  });
});

describe('the one targets table', () => {
  const targets = { ...DEFAULT_CONFIG.kpi.targets, wakeup_rate: { baseline: '12.5%' } };

  it('gives the KPI line (kpi, report) and the stage targets (kit, plan) the same values', () => {
    const line = kpiLine(targets, 'wakeup_rate', 'rate', { num: 1, den: 8 }, [1, 8]);
    expect(line).toEqual({
      kpi: 'wakeup_rate',
      unit: 'rate',
      value: { num: 1, den: 8 },
      basis: [1, 8],
      baseline: { num: 125_000, den: 1_000_000 },
      challenge: null,
      mark: 'met',
    });
    expect(stageTargets('silent', targets)).toEqual([{ kpi: 'wakeup_rate', unit: 'rate', baseline: line.baseline, challenge: null }]);
    expect(audienceTargets('silent', targets, 9)).toEqual([{ kpi: 'wakeup_rate', target: 12.5, challenge: null, audience: 9, implied: 2 }]);
    expect(audienceTargets('growth', DEFAULT_CONFIG.kpi.targets, 3).map((t) => [t.kpi, t.target, t.challenge, t.implied])).toEqual([
      ['category_penetration', 40, 50, 2],
      ['growth_weekly_orders', 2, null, 6],
    ]);
  });

  it('implied counts round up exactly', () => {
    expect(impliedTarget('wakeup_rate', { num: 25, den: 100 }, 118)).toBe(30); // 29.5
    expect(impliedTarget('winback_rate', { num: 15, den: 100 }, 20)).toBe(3); // exactly 3, not 4
    expect(impliedTarget('mature_aov_uplift', { num: 3, den: 10 }, 20)).toBeNull();
  });

  it('one basisText and one MARKS for the kpi table and the report', () => {
    expect(basisText({ kpi: 'aov', basis: [15_000, 2] }, 'zh-CN')).toBe('¥150.00 / 2 单');
    expect(basisText({ kpi: 'growth_weekly_orders', basis: [6, 3] }, 'en')).toBe('6 orders / 3 members');
    expect(basisText({ kpi: 'repurchase_rate', basis: [400, 744] }, 'en')).toBe('400/744');
    expect(MARKS).toEqual({ challenge: '★', met: '✓', below: '✗', na: 'n/a', too_few: '–', other_period: '–' });
  });
});
