/** The library api (src/api via src/index.ts): a handle or a path in, plain data out; one scope check; one masking rule. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles, members, openDb, segment, stages, status, kpi, rejects, UsageError } from '../../src/index.js';
import { FIXTURES, workdir } from '../helpers/run-tuan.js';

const NOW = '2026-11-01T10:00:00+08:00';
const AS_OF = '2026-10-31';

async function fixtureDb() {
  const db = openDb(':memory:');
  await importFiles(db, ['orders.csv'], { cwd: join(FIXTURES, 'activity'), leaders: 'leaders.csv', now: NOW });
  return db;
}

describe('the library api', () => {
  it('takes an open handle, or a path it opens and closes', async () => {
    const path = join(workdir(), 'lib.db');
    const r = await importFiles(path, ['small.csv'], { cwd: join(FIXTURES, 'segment'), now: NOW });
    expect(r.orders[0]!.inserted).toBeGreaterThan(0);
    expect(status(path).members).toBe(status(openDb(path)).members);
  });

  it('masks names and phones unless unmask, the same way in segment and members', async () => {
    const db = await fixtureDb();
    const seg = segment(db, { asOf: AS_OF });
    const list = members(db, { asOf: AS_OF, sort: 'member' });
    for (const m of list.members) {
      expect([m.name, m.phone]).toEqual([seg.contacts.get(m.memberId)?.name ?? '', seg.contacts.get(m.memberId)?.phone ?? '']);
      expect(m.phone).not.toMatch(/\d{5}/);
      expect(m.name).toMatch(/^.\*{1,3}$|^$/);
    }
    const plain = members(db, { asOf: AS_OF, sort: 'member', unmask: true });
    expect(plain.members.some((m, i) => m.name !== list.members[i]!.name)).toBe(true);
    expect(segment(db, { asOf: AS_OF, unmask: true }).contacts).toEqual(
      new Map(plain.members.map((m) => [m.memberId, { name: m.name, phone: m.phone }])),
    );
  });

  it('checks a scope against the database with one bilingual UsageError', async () => {
    const db = await fixtureDb();
    for (const call of [
      () => segment(db, { asOf: AS_OF, leader: 'L9' }),
      () => stages(db, { to: AS_OF, leader: 'L9' }),
      () => members(db, { asOf: AS_OF, leader: 'L9' }),
      () => kpi(db, { asOf: AS_OF, leader: 'L9' }),
    ]) {
      let err: unknown;
      try {
        call();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UsageError);
      expect((err as UsageError).text('zh-CN')).toEqual({ message: '没有团长 "L9"', hint: '已有的团长:L1, L2' });
      expect((err as UsageError).text('en')).toEqual({ message: 'unknown leader "L9"', hint: 'known leaders: L1, L2' });
    }
  });

  it('returns plain data: stages, kpi rows, rejects', async () => {
    const db = await fixtureDb();
    const s = stages(db, { to: AS_OF });
    expect(s.total).toBe(Object.values(s.counts).reduce((a, b) => a + b, 0));
    const k = kpi(db, { asOf: AS_OF, period: '2026-10', kpis: ['orders'] });
    expect(k.rows.map((r) => [r.scope, r.kpi])).toEqual([['all', 'orders']]);
    expect(rejects(db)).toEqual([]);
  });
});
