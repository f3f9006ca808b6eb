import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/adapters/db.js';
import { loadProfiles } from '../../src/adapters/activity-load.js';
import { conformance } from '../../src/core/templating/context-schema.js';
import { KIT_CONTEXT, PLAN_CONTEXT, SCENES, SCRIPT_CONTEXT } from '../../src/core/templating/template-contexts.js';
import { kitContext } from '../../src/core/activities/kit.js';
import { scriptContext } from '../../src/core/activities/scripts.js';
import { buildPlan } from '../../src/core/activities/plan.js';
import { planContext } from '../../src/core/activities/plan-context.js';
import { parseWeek } from '../../src/core/shared/calendar.js';
import { STAGES } from '../../src/core/members/lifecycle.js';
import { namesFor } from '../../src/render/activity-names.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import type { CommonInput } from '../../src/core/activities/activity-context.js';
import { activityDir } from './activity-helpers.js';

describe('the contexts tuan builds are exactly the documented ones (core/templating/template-contexts.ts)', () => {
  it.each(['zh-CN', 'en'] as const)('kits, scripts and the plan on the fixture (%s)', async (lang) => {
    const cwd = await activityDir();
    const db = openDb(join(cwd, 'tuan.db'), { mustExist: true });
    try {
      const asOf = '2026-10-31';
      const loaded = loadProfiles(db, DEFAULT_CONFIG, asOf, 'L1');
      const base: CommonInput = {
        lang,
        asOf,
        unmask: false,
        leader: loaded.leader,
        activities: DEFAULT_CONFIG.activities,
        targets: DEFAULT_CONFIG.kpi.targets,
        stages: DEFAULT_CONFIG.stages,
        names: namesFor(lang),
      };
      for (const stage of STAGES) {
        expect(
          conformance(
            KIT_CONTEXT,
            kitContext({ ...base, stage, scope: loaded.scope, profiles: loaded.profiles, contacts: loaded.contacts }),
          ),
          stage,
        ).toEqual([]);
      }
      for (const scene of SCENES) {
        for (const p of loaded.profiles)
          expect(
            conformance(SCRIPT_CONTEXT, scriptContext(base, scene, p, loaded.contacts.get(p.memberId))),
            `${scene} ${p.memberId}`,
          ).toEqual([]);
      }
      const week = parseWeek('2026-W44', asOf)!;
      const plan = buildPlan({
        leaderId: 'L1',
        week,
        asOf,
        snapshot: '2026-10-25',
        members: loaded.profiles,
        newMembers: [{ memberId: 'M12', date: '2026-10-27' }],
        recentNew: 3,
        activities: DEFAULT_CONFIG.activities,
        targets: DEFAULT_CONFIG.kpi.targets,
        stages: DEFAULT_CONFIG.stages,
      });
      const ctx = planContext({
        ...base,
        plan,
        profiles: new Map(loaded.profiles.map((p) => [p.memberId, p])),
        contacts: loaded.contacts,
        holdoutShare: 0.1,
      });
      expect(conformance(PLAN_CONTEXT, ctx)).toEqual([]);
      expect(conformance(PLAN_CONTEXT, { ...ctx, extra: 1 })).toEqual(['(root).extra: not documented']); // the check can fail
    } finally {
      db.close();
    }
  });
});
