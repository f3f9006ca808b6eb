/** What kit, script and plan share: a leader's (or everyone's) members with profiles, masked, and the template basics. */
import type { Config } from '../config.js';
import type { Lang } from '../i18n.js';
import { loadProfiles, type Loaded } from '../adapters/activity-load.js';
import type { CommonInput } from '../core/activities/index.js';
import { maskName } from '../core/shared/index.js';
import { namesFor } from '../render/activity-names.js';
import type { Db } from '../adapters/db.js';
import { maskContacts, type BaseOptions, type MaskOptions } from './common.js';

export interface ActivityOptions extends BaseOptions, MaskOptions {
  /** the business date, YYYY-MM-DD */
  asOf: string;
  /** the language of the names in the context (stages, scenes, reasons, weekdays); default zh-CN */
  lang?: Lang | undefined;
}

/** loadProfiles with the contacts and the leader's name masked unless `unmask` (the api layer masks, core does not). */
export function loadMasked(db: Db, config: Config, asOf: string, leader: string | null, unmask: boolean | undefined): Loaded {
  const loaded = loadProfiles(db, config, asOf, leader);
  if (unmask) return loaded;
  return {
    ...loaded,
    leader: { ...loaded.leader, name: maskName(loaded.leader.name) },
    contacts: maskContacts(loaded.contacts, false),
  };
}

/** The part of every template context that does not depend on the members. */
export function commonInput(config: Config, o: ActivityOptions, leader: Loaded['leader'], asOf = o.asOf): CommonInput {
  const lang = o.lang ?? 'zh-CN';
  return {
    lang,
    asOf,
    unmask: o.unmask === true,
    leader,
    activities: config.activities,
    targets: config.kpi.targets,
    stages: config.stages,
    names: namesFor(lang),
  };
}
