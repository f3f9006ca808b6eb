/** `tuan kit` as a function: the template context of one lifecycle stage's activity kit. */
import { kitContext } from '../core/activities/index.js';
import type { Stage } from '../core/members/index.js';
import { commonInput, loadMasked, type ActivityOptions } from './activity.js';
import { configOf, maskOutput, withDb, type DbInput } from './common.js';

export type KitContext = ReturnType<typeof kitContext>;

export interface KitOptions extends ActivityOptions {
  stage: Stage;
  /** only this leader's members; default all */
  leader?: string | undefined;
}

/** The kit of a stage as templates/<lang>/kit-<stage>.hbs sees it: counts, top members (masked unless unmask), reasons, offers, targets. */
export function kit(db: DbInput, o: KitOptions): KitContext {
  const config = configOf(o);
  return withDb(db, (h) => {
    const loaded = loadMasked(h, config, o.asOf, o.leader ?? null, o.unmask);
    return maskOutput(
      kitContext({
        ...commonInput(config, o, loaded.leader),
        stage: o.stage,
        scope: loaded.scope,
        profiles: loaded.profiles,
        contacts: loaded.contacts,
      }),
      o.unmask,
      config,
    );
  });
}
