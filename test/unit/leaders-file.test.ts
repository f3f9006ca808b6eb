/** What a leaders file is and what importing it changes (core/ingest/leaders.ts): hand-made rows, no database. */
import { describe, expect, it } from 'vitest';
import { judgeLeadersHeader, planLeaders, type LeaderRecord } from '../../src/core/ingest/leaders.js';

const rec = (over: Partial<LeaderRecord>): LeaderRecord => ({
  leader_id: '',
  name: '',
  community: '',
  region: '',
  trainer: '',
  joined_at: '',
  mentor_id: '',
  star: '',
  role: '',
  ...over,
});

describe('judgeLeadersHeader', () => {
  it.each([
    [['团长ID', '团长姓名', '小区', '区域', '培训师', '加入时间', '师傅', '星级', '角色'], true],
    [['团长ID', '星级'], true],
    [['leader_id', 'name'], true],
  ])('%j is a leaders file', (headers, ok) => {
    expect(judgeLeadersHeader(headers).ok).toBe(ok);
  });

  it('an order export is refused and says which order columns it has', () => {
    const v = judgeLeadersHeader(['订单号', '下单时间', '会员ID', '会员昵称', '手机号', '团长ID', '商品名称', '实付金额', '订单状态']);
    expect(v).toEqual({ ok: false, why: 'order_export', orderHeaders: ['订单号', '下单时间', '会员ID', '商品名称', '实付金额'] });
  });

  it('no leader ID column, or nothing but the ID, is refused', () => {
    expect(judgeLeadersHeader(['姓名', '小区'])).toMatchObject({ ok: false, why: 'no_leader_id' });
    expect(judgeLeadersHeader(['团长ID'])).toMatchObject({ ok: false, why: 'no_leader_fields' });
  });
});

describe('planLeaders', () => {
  const existing = new Map([
    ['L001', rec({ leader_id: 'L001', name: '王姐', community: '阳光花园', region: '西湖', star: '', role: '社区团长' })],
    ['L003', rec({ leader_id: 'L003', name: '赵阿姨', community: '翠湖小区', region: '西湖', star: '3', role: '社区团长' })],
  ]);

  it('a partial file (团长ID,星级) changes the star and nothing else', () => {
    const plan = planLeaders(existing, [{ line: 2, values: { leader_id: 'L003', star: '2' } }], ['leader_id', 'star']);
    expect(plan.upserts).toEqual([{ ...existing.get('L003')!, star: '2' }]);
    expect(plan).toMatchObject({ inserted: 0, updated: 1, unchanged: 0, duplicateRows: 0, conflicts: [] });
    expect(plan.changes).toEqual([{ leaderId: 'L003', field: 'star', from: '3', to: '2' }]);
  });

  it('an empty cell in a column the file has clears that field, and the change is listed', () => {
    const plan = planLeaders(existing, [{ line: 2, values: { leader_id: 'L003', star: '' } }], ['leader_id', 'star']);
    expect(plan.changes).toEqual([{ leaderId: 'L003', field: 'star', from: '3', to: '' }]);
  });

  it('new, changed and unchanged leaders are counted apart; leaders not in the file are not touched', () => {
    const plan = planLeaders(
      existing,
      [
        { line: 2, values: { leader_id: 'L001', name: '王姐' } },
        { line: 3, values: { leader_id: 'L009', name: '钱叔' } },
      ],
      ['leader_id', 'name'],
    );
    expect(plan).toMatchObject({ inserted: 1, updated: 0, unchanged: 1, changes: [] });
    expect(plan.upserts.map((u) => u.leader_id)).toEqual(['L001', 'L009']);
    expect(plan.upserts[1]).toEqual(rec({ leader_id: 'L009', name: '钱叔' }));
  });

  it('the same leader twice with the same values counts once; with different values it is a conflict', () => {
    const same = planLeaders(
      existing,
      [
        { line: 2, values: { leader_id: 'L009', star: '2' } },
        { line: 5, values: { leader_id: 'L009', star: '2' } },
      ],
      ['leader_id', 'star'],
    );
    expect(same).toMatchObject({ inserted: 1, duplicateRows: 1, conflicts: [] });
    expect(same.upserts).toHaveLength(1);
    const clash = planLeaders(
      existing,
      [
        { line: 2, values: { leader_id: 'L009', star: '2' } },
        { line: 4, values: { leader_id: 'L001', star: '1' } },
        { line: 7, values: { leader_id: 'L009', star: '4' } },
      ],
      ['leader_id', 'star'],
    );
    expect(clash.conflicts).toEqual([{ leaderId: 'L009', lines: [2, 7] }]);
  });
});
