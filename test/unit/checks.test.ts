import { describe, expect, it } from 'vitest';
import {
  checkProblems,
  checksFailed,
  evaluateCheck,
  markTarget,
  resolveCheck,
  summarize,
  type CheckSpec,
  type ResolvedCheck,
} from '../../src/core/kpi/checks.js';
import { readValue } from '../../src/core/kpi/kpi-defs.js';
import { compareRatio, fixed, ratio, scaled, type Ratio } from '../../src/core/shared/ratio.js';
import { sqlRefusal } from '../../src/adapters/sql-check.js';
import { ChecksSchema } from '../../src/core/kpi/check-spec.js';

const r = (num: number, den = 1): Ratio => ratio(num, den)!;
const read = (v: number | string, unit: 'rate' | 'money' | 'count' | 'number') => {
  const x = readValue(v, unit);
  return x.ok ? `${x.value.num}/${x.value.den}` : `error: ${x.reason.en}`;
};
const resolved = (c: CheckSpec): ResolvedCheck => {
  const x = resolveCheck(c);
  if ('problems' in x) throw new Error(x.problems.map((p) => p.message).join('; '));
  return x.check;
};

describe('values as people write them', () => {
  it.each([
    [40, 'rate', '400000/1000000'], // rates are in percent
    ['40%', 'rate', '400000/1000000'],
    ['40.25 %', 'rate', '402500/1000000'],
    [150, 'money', '15000/1'], // money is in yuan, kept in fen
    ['150元', 'money', '15000/1'],
    ['¥1,234.5', 'money', '123450/1'],
    [2, 'number', '20000/10000'],
    ['1.5', 'number', '15000/10000'],
    [5000, 'count', '50000000/10000'],
  ] as const)('%j as a %s is %s', (v, unit, want) => {
    expect(read(v, unit)).toBe(want);
  });

  it.each([
    ['40%', 'number', 'is a percentage'],
    ['40%', 'count', 'is a percentage'],
    [2.5, 'count', 'not a whole number'],
    ['12.345', 'money', 'more than 2 decimals'],
    ['0.123456', 'rate', 'more than 4 decimals'],
    ['forty', 'rate', 'not a number'],
    [Number.NaN, 'rate', 'not a plain decimal'],
  ] as const)('%j as a %s is refused', (v, unit, why) => {
    expect(read(v, unit)).toContain(why);
  });
});

describe('exact fractions', () => {
  it('compare without rounding and round half-up only for display', () => {
    expect(compareRatio(r(2, 5), r(40, 100))).toBe(0);
    expect(compareRatio(r(399999, 1000000), r(2, 5))).toBe(-1);
    expect(scaled(r(6555555, 1000), 1)).toBe(6556);
    expect(scaled(r(-5, 2), 1)).toBe(-3); // half away from zero
    expect(fixed(r(2, 3), 2)).toBe('0.67');
    expect(fixed(r(-1, 8), 2)).toBe('-0.13');
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(3, -4)).toEqual({ num: -3, den: 4 });
  });
});

describe('evaluateCheck', () => {
  const repurchase = resolved({ kpi: 'repurchase_rate', fail_below: '30%', warn_below: '40%', challenge: '45%' });
  const status = (c: ResolvedCheck, v: Ratio | null) => {
    const o = evaluateCheck(v, c);
    return `${o.status} ${o.threshold?.kind ?? '-'} ${o.challengeReached}`;
  };

  it.each([
    [r(46, 100), 'pass warn_below true'],
    [r(45, 100), 'pass warn_below true'], // the challenge is reached at exactly 45%
    [r(40, 100), 'pass warn_below false'], // exactly on the warning threshold passes
    [r(39, 100), 'warn warn_below false'],
    [r(30, 100), 'warn warn_below false'],
    [r(29, 100), 'fail fail_below false'],
    [null, 'na warn_below null'],
  ])('repurchase %o → %s', (v, want) => {
    expect(status(repurchase, v)).toBe(want);
  });

  it('require: true turns n/a into a failure', () => {
    const c = resolved({ kpi: 'wakeup_rate', warn_below: 25, require: true });
    expect(evaluateCheck(null, c)).toMatchObject({ status: 'fail', na: true });
  });

  it('above thresholds, and a challenge that is reached from below when the check only has *_above', () => {
    const c = resolved({ kpi: 'refund_share', unit: 'rate', sql: 'select 0', warn_above: '5%', fail_above: '10%', challenge: '2%' });
    expect(c.higherIsBetter).toBe(false);
    expect(status(c, r(1, 100))).toBe('pass warn_above true');
    expect(status(c, r(5, 100))).toBe('pass warn_above false');
    expect(status(c, r(6, 100))).toBe('warn warn_above false');
    expect(status(c, r(11, 100))).toBe('fail fail_above false');
  });

  it('summary and the CI verdict, with and without --strict', () => {
    const outcomes = [r(50, 100), r(35, 100), null].map((v) => evaluateCheck(v, repurchase));
    const s = summarize(outcomes);
    expect(s).toEqual({ pass: 1, warn: 1, fail: 0, na: 1 });
    expect(checksFailed(s, false)).toBe(false);
    expect(checksFailed(s, true)).toBe(true);
    expect(checksFailed({ pass: 3, warn: 0, fail: 0, na: 1 }, true)).toBe(true); // n/a is a warning
    expect(checksFailed({ pass: 3, warn: 0, fail: 1, na: 0 }, false)).toBe(true);
  });

  it("marks a KPI against the seed's baseline and challenge", () => {
    expect(markTarget(r(46, 100), r(40, 100), r(45, 100))).toBe('challenge');
    expect(markTarget(r(40, 100), r(40, 100), r(45, 100))).toBe('met');
    expect(markTarget(r(39, 100), r(40, 100), null)).toBe('below');
    expect(markTarget(null, r(40, 100), null)).toBe('na');
    expect(markTarget(r(1), null, null)).toBeNull();
    // only a challenge value: ★ when reached, no mark otherwise (there is no baseline to be below)
    expect(markTarget(r(5620), null, r(5000))).toBe('challenge');
    expect(markTarget(r(3410), null, r(5000))).toBeNull();
    // not judged: too few in the denominator, or a monthly target on another period; n/a stays n/a
    expect(markTarget(r(1, 3), r(50, 100), null, 'too_few')).toBe('too_few');
    expect(markTarget(r(1, 6), r(40, 100), null, 'other_period')).toBe('other_period');
    expect(markTarget(null, r(40, 100), null, 'too_few')).toBe('na');
  });
});

describe('a broken checks list names the bad key', () => {
  const problems = (checks: CheckSpec[]) => checkProblems(checks).map((p) => `${p.path.join('.')}: ${p.message}`);

  it.each([
    [[{ kpi: 'repurchse_rate', warn_below: 40 }], '0.kpi: unknown KPI "repurchse_rate"'],
    [[{ kpi: 'aov' }], '0: a check needs at least one of'],
    [[{ kpi: 'aov', warn_below: '150%' }], '0.warn_below: "150%" is a percentage, but this value is a money'],
    [[{ kpi: 'orders', fail_below: 2.5 }], '0.fail_below: 2.5 is not a whole number'],
    [[{ kpi: 'aov', fail_below: 150, warn_below: 100 }], '0.warn_below: must be ≥ fail_below'],
    [[{ kpi: 'aov', warn_above: 300, fail_above: 200 }], '0.warn_above: must be ≤ fail_above'],
    [[{ kpi: 'aov', warn_below: 1, scope: 'leader' }], '0.scope: "leader" must be all, per-leader, leader:ID or region:NAME'],
    [[{ kpi: 'aov', warn_below: 1, period: '2026-13' }], '0.period: "2026-13": month 13 does not exist'],
    [[{ kpi: 'aov', warn_below: 1, unit: 'rate' }], '0.unit: aov is a money, not a rate'],
    [
      [
        { kpi: 'aov', warn_below: 1 },
        { kpi: 'aov', warn_below: 2 },
      ],
      '1.kpi: duplicate check name "aov" (also checks.0)',
    ],
  ] as [CheckSpec[], string][])('%j', (checks, want) => {
    expect(problems(checks).join('\n')).toContain(want);
  });

  it('the schema reports unknown keys by name, and a good list passes', () => {
    const bad = ChecksSchema.safeParse([{ kpi: 'aov', warn_bellow: 150 }]);
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('warn_bellow');
    expect(
      ChecksSchema.safeParse([
        { kpi: 'aov', warn_below: 150 },
        { name: 'aov-l1', kpi: 'aov', scope: 'leader:L1', fail_below: '100元' },
      ]).success,
    ).toBe(true);
  });
});

describe('sqlRefusal: only a single read-only SELECT may run', () => {
  it.each([
    'SELECT count(*) FROM order_lines',
    '  with x AS (SELECT 1 AS n) SELECT n FROM x',
    "SELECT count(*) FROM order_lines WHERE product = 'delete me; attach'", // words inside strings do not count
    'SELECT 1 -- drop table order_lines',
    "SELECT replace(product, 'a', 'b') FROM order_lines LIMIT 1",
    'SELECT 1;',
  ])('allows %j', (sql) => {
    expect(sqlRefusal(sql)).toBeNull();
  });

  it.each([
    ['DELETE FROM order_lines', 'only a SELECT'],
    ["ATTACH DATABASE '/tmp/x.db' AS x", 'only a SELECT'],
    ['PRAGMA user_version', 'only a SELECT'],
    ["SELECT * FROM pragma_table_info('order_lines')", 'PRAGMA_TABLE_INFO is refused'],
    ['WITH x AS (SELECT 1) DELETE FROM order_lines', 'DELETE is refused'],
    ['WITH x AS (SELECT 1) INSERT INTO leaders SELECT * FROM leaders', 'INSERT is refused'],
    ['SELECT 1; DROP TABLE order_lines', 'DROP is refused'],
    ['SELECT 1; SELECT 2', 'one statement only'],
    ["SELECT load_extension('x')", 'LOAD_EXTENSION is refused'],
    ['/* hi */ VACUUM', 'only a SELECT'],
    ['', 'not an empty query'],
  ])('refuses %j', (sql, why) => {
    expect(sqlRefusal(sql)).toContain(why);
  });
});
