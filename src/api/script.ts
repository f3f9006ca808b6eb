/** `tuan script` as a function: the template contexts of talk-scripts for one member or every member of a stage. */
import { UsageError } from '../errors.js';
import { leaderOfMember } from '../adapters/activity-load.js';
import { bySpend } from '../core/activities/index.js';
import { scriptContext } from '../core/activities/index.js';
import type { Stage } from '../core/members/index.js';
import type { Scene } from '../core/templating/index.js';
import { commonInput, loadMasked, type ActivityOptions } from './activity.js';
import { configOf, maskOutput, withDb, type DbInput } from './common.js';

export type ScriptContext = ReturnType<typeof scriptContext>;

export interface ScriptOptions extends ActivityOptions {
  scene: Scene;
  /** one member (会员ID); or */
  member?: string | undefined;
  /** every member of this stage (highest spend first) */
  stage?: Stage | undefined;
  /** with stage: only this leader's members */
  leader?: string | undefined;
}

/** A script is for one member or for a stage: neither is a UsageError. */
export function checkScriptRequest(o: Pick<ScriptOptions, 'member' | 'stage'>): void {
  if (o.member === undefined && o.stage === undefined) {
    throw new UsageError({
      zh: '请加 --member 会员ID,或 --stage 阶段(只看一个团长时再加 --leader 团长ID)',
      en: 'give --member ID, or --stage STAGE (with --leader ID for one leader)',
    });
  }
}

/** One context per member, for templates/<lang>/script-<scene>.hbs; empty when nobody matches. */
export function script(db: DbInput, o: ScriptOptions): { memberId: string; context: ScriptContext }[] {
  const config = configOf(o);
  checkScriptRequest(o);
  return withDb(db, (h) => {
    const leader = o.member !== undefined ? leaderOfMember(h, config, o.asOf, o.member) : (o.leader ?? null);
    const loaded = loadMasked(h, config, o.asOf, leader, o.unmask);
    const base = commonInput(config, o, loaded.leader);
    const picked =
      o.member !== undefined
        ? loaded.profiles.filter((p) => p.memberId === o.member)
        : loaded.profiles.filter((p) => p.stage === o.stage).sort(bySpend);
    return maskOutput(
      picked.map((p) => ({ memberId: p.memberId, context: scriptContext(base, o.scene, p, loaded.contacts.get(p.memberId)) })),
      o.unmask,
      config,
    );
  });
}
