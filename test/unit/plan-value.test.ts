/** core/activities/plan-value.ts: lists by recoverable value, one-to-one tasks at the members' usual hours. */
import { describe, expect, it } from 'vitest';
import { atUsualHours, byRecoverableValue } from '../../src/core/activities/plan-value.js';
import type { PlanMember, PlanTask } from '../../src/core/activities/plan.js';

const m = (memberId: string, spendFen: number, valueFen: number | null): PlanMember => ({
  memberId,
  stage: 'silent',
  atRisk: false,
  spendFen,
  lastOrderDate: '2026-09-01',
  valueFen,
});

describe('byRecoverableValue', () => {
  it('predicted value first (highest first), then members without one by past spend, then id', () => {
    const sorted = [m('A', 90000, 100), m('B', 100, 5000), m('C', 80000, null), m('D', 90000, null), m('E', 100, 5000)].sort(
      byRecoverableValue,
    );
    // B and E tie on value 5000 and spend: by id; A (100) next; then C, D without a value: D spent more
    expect(sorted.map((x) => x.memberId)).toEqual(['B', 'E', 'A', 'D', 'C']);
  });
});

describe('atUsualHours', () => {
  const t: PlanTask = {
    time: '19:30',
    allDay: false,
    action: 'silent_care',
    slot: 0,
    stage: 'silent',
    script: 'script-silent',
    kit: 'kit-silent',
    channel: 'private',
    memberIds: ['A', 'B', 'C', 'D'],
    holdoutIds: [],
    id: '',
    estimated: null,
  };

  it('members with a usual hour get the task then; the rest keep the scheduled time; every member once', () => {
    const hours: Record<string, number | null> = { A: 8, B: null, C: 21, D: 8 };
    const out = atUsualHours(t, (id) => hours[id]);
    expect(out.map((x) => [x.time, x.memberIds])).toEqual([
      ['08:00', ['A', 'D']],
      ['19:30', ['B']],
      ['21:00', ['C']],
    ]);
    expect(out.flatMap((x) => x.memberIds).sort()).toEqual(['A', 'B', 'C', 'D']);
  });

  it('a usual hour before 08:00 or after 21:00 keeps the scheduled time: nobody is called at 23:00', () => {
    const hours: Record<string, number | null> = { A: 23, B: 7, C: 9, D: 22 };
    expect(atUsualHours(t, (id) => hours[id]).map((x) => [x.time, x.memberIds])).toEqual([
      ['09:00', ['C']],
      ['19:30', ['A', 'B', 'D']],
    ]);
  });

  it('nobody with a usual hour: the task as scheduled', () => {
    expect(atUsualHours(t, () => null)).toEqual([t]);
  });
});
