/**
 * tuan leaders on test/fixtures/commission (README.md there): for 2026-09, A01 is certified at 4 stars
 * (performance alone: level 1), A02 reaches level 2 on August's GMV of exactly 10,000 元 and repurchase of
 * exactly 20 % (1 of 5), A03 has no orders (level 1). A01 mentors A02 and A03: 2 of 10 mentees.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTuan, workdir } from '../helpers/run-tuan.js';

const AS_OF = ['--as-of', '2026-10-31'];

describe('tuan leaders', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = workdir(['commission/orders.csv', 'commission/leaders.csv']);
    expect((await runTuan(['import', 'orders.csv', '--leaders', 'leaders.csv'], { cwd })).code).toBe(0);
  });

  it('levels with their basis, roles and promotion reasons (JSON)', async () => {
    const r = await runTuan(['leaders', '--month', '2026-09', '--format', 'json', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.month).toBe('2026-09');
    const pick = (l: Record<string, unknown>) => [
      l.leader_id,
      l.name,
      l.level,
      l.level_source,
      l.performance_level,
      l.rate_bp,
      l.basis_gmv_fen,
      l.basis_active_members,
      l.basis_repeat_members,
      l.basis_repurchase_bp,
      l.role,
      l.promotion_eligible,
      l.promotion_reasons,
    ];
    expect(j.leaders.map(pick)).toEqual([
      ['A01', '甲*', 4, 'certified', 1, 725, 0, 0, 0, null, 'leader', false, ['few_mentees', 'no_prior_gmv']],
      ['A02', '乙*', 2, 'performance', 2, 575, 1_000_000, 5, 1, 2000, 'leader', false, ['few_mentees']],
      ['A03', '丙*', 1, 'performance', 1, 500, 0, 0, 0, null, 'leader', false, ['few_mentees']],
    ]);
    expect(j.leaders[1].checks.slice(0, 3)).toEqual([
      { level: 1, min_gmv_fen: 0, min_repurchase_bp: null, gmv_ok: true, repurchase_ok: true, met: true },
      { level: 2, min_gmv_fen: 1_000_000, min_repurchase_bp: 2000, gmv_ok: true, repurchase_ok: true, met: true },
      { level: 3, min_gmv_fen: 3_000_000, min_repurchase_bp: 3000, gmv_ok: false, repurchase_ok: false, met: false },
    ]);
    expect(j.leaders[0].mentees).toEqual(['A02', 'A03']);
    expect([j.leaders[0].mentee_gmv_fen, j.leaders[0].mentee_gmv_prev_fen]).toEqual([4_000 + 8_000 + 1_000_000 + 118_000, 0]); // A02 2025-12, 2026-06, -08, -09;
  });

  it('the table says why (golden, Chinese and English)', async () => {
    const r = await runTuan(['leaders', '--month', '2026-09', ...AS_OF], { cwd });
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('../golden/commission/leaders-2026-09.txt');
    const en = await runTuan(['leaders', '--month', '2026-09', '--lang', 'en', '--leader', 'A02', ...AS_OF], { cwd });
    await expect(en.stdout).toMatchFileSnapshot('../golden/commission/leaders-2026-09-en.txt');
  });

  it('CSV has one row per leader with yuan next to fen; --unmask shows names', async () => {
    const r = await runTuan(['leaders', '--month', '2026-09', '--format', 'csv', '--unmask', ...AS_OF], { cwd });
    const [head, , a02] = r.stdout.split('\n');
    expect(head).toContain('basis_gmv_fen,basis_gmv_yuan,');
    expect(a02).toMatch(
      /^2026-09,A02,乙哥,西苑,测试区,林老师,A01,,2,二星,performance,2,575,2026-08,1000000,10000\.00,5,1,2000,leader,社区团长,trainer,false,few_mentees,/,
    );
  });

  it('a trainer role is shown, and partner is by hand only; an unknown role is reported, not guessed', async () => {
    const dir = workdir(['commission/orders.csv']);
    writeFileSync(join(dir, 'l.csv'), '团长ID,团长姓名,角色\nA01,甲姐,区域培训师\nA02,乙哥,生态合伙人\nA03,丙姨,店长\n');
    expect((await runTuan(['import', 'orders.csv', '--leaders', 'l.csv'], { cwd: dir })).code).toBe(0);
    const j = JSON.parse((await runTuan(['leaders', '--format', 'json', ...AS_OF], { cwd: dir })).stdout);
    expect(j.leaders.map((l: Record<string, unknown>) => [l.leader_id, l.role, l.promotion_target, l.promotion_reasons])).toEqual([
      ['A01', 'trainer', 'partner', ['manual_only']],
      ['A02', 'partner', null, ['top_role']],
      ['A03', '店长', null, ['unknown_role']],
    ]);
    const t = await runTuan(['leaders', '--leader', 'A03', ...AS_OF], { cwd: dir });
    expect(t.stdout).toContain('未知角色「店长」,不评估晋升');
  });

  it('unknown leader is exit 2', async () => {
    const r = await runTuan(['leaders', '--leader', 'Q1', ...AS_OF], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tuan: 没有团长 "Q1"\n提示: 已有的团长:A01, A02, A03\n');
    const en = await runTuan(['leaders', '--leader', 'Q1', '--lang', 'en', ...AS_OF], { cwd });
    expect(en.stderr).toBe('tuan: unknown leader "Q1"\nhint: known leaders: A01, A02, A03\n');
  });
});
