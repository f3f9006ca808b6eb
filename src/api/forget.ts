/**
 * `tuan forget` as a function (个人信息保护法: a member may ask to be deleted). The members' ids are replaced by
 * pseudonyms (`forgotten-` + 10 hex digits of sha256 of a random, unstored salt and the id), their names and phones are
 * blanked in every order line, the raw text of every rejected row that mentions them (id, name or phone) is blanked
 * and its reason scrubbed, the deletion is recorded (when, criterion, rows per table; never who), and the file is
 * vacuumed. Order facts (dates, amounts, statuses, leaders) stay, so totals, stages and commissions do not change.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../adapters/db.js';
import {
  allMemberIds,
  applyForget,
  contactLogRows,
  knownMemberIds,
  memberRows,
  membersInactiveBefore,
  rejectTexts,
  vacuum,
} from '../adapters/forget.js';
import { cutoffDate, mentions, parseAge, personalTerms, pseudonym, scrub, termsRegExp } from '../core/members/index.js';
import { businessDate, businessDateTime } from '../core/shared/index.js';
import { maskPhonesInText } from '../core/shared/index.js';
import { UsageError } from '../errors.js';
import { withDb, type DbInput, type MaskOptions } from './common.js';

export interface ForgetOptions extends MaskOptions {
  /** forget these member ids (all must exist, or nothing changes) */
  ids?: readonly string[];
  /** or: every member without an order line in this period before asOf: `3y`, `18m`, `400d` */
  olderThan?: string | undefined;
  /** the day the period ends (YYYY-MM-DD); default today in China */
  asOf?: string | undefined;
  /** when the deletion happens, ISO with +08:00 (recorded); default now */
  now?: string | undefined;
}

/** What a deletion changes (or would change): counts only, never who. */
export interface ForgetPlan {
  /** `ids`, or `older-than 3y (before 2023-11-01)` */
  criterion: string;
  /** --older-than: members whose last order line is before this day are forgotten */
  cutoff: string | null;
  members: number;
  order_lines: number;
  rejects: number;
  /** rows of the contact log (tuan log) of these members: deleted */
  contact_log: number;
}

export interface ForgetResult extends ForgetPlan {
  /** the row in the deletions table; null when nothing was to be forgotten */
  deletion_id: number | null;
  deleted_at: string | null;
}

interface Targets {
  ids: string[];
  criterion: string;
  cutoff: string | null;
}

function targets(db: Db, o: ForgetOptions): Targets {
  const ids = [...new Set(o.ids ?? [])];
  if (o.olderThan !== undefined && ids.length > 0) {
    throw new UsageError({ zh: '会员ID 和 --older-than 只能二选一', en: 'give member ids or --older-than, not both' });
  }
  if (o.olderThan !== undefined) {
    const age = parseAge(o.olderThan);
    if (!age) {
      throw new UsageError({
        zh: `--older-than "${o.olderThan}" 应是年、月或天数,例如 3y、18m、400d`,
        en: `--older-than "${o.olderThan}" must be years, months or days, e.g. 3y, 18m, 400d`,
      });
    }
    const cutoff = cutoffDate(o.asOf ?? businessDate(Date.now()), age);
    return { ids: membersInactiveBefore(db, cutoff), criterion: `older-than ${o.olderThan.trim()} (before ${cutoff})`, cutoff };
  }
  if (ids.length === 0) {
    throw new UsageError(
      { zh: '没有指定要删除的会员', en: 'no member to forget' },
      { zh: 'tuan forget 会员ID... 或 tuan forget --older-than 3y', en: 'tuan forget MEMBER_ID... or tuan forget --older-than 3y' },
    );
  }
  const known = knownMemberIds(db, ids);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const list = unknown.map((id) => (o.unmask ? id : maskPhonesInText(id))).join(', ');
    throw new UsageError(
      { zh: `没有这些会员:${list};没有做任何改动`, en: `no such members: ${list}; nothing changed` },
      { zh: '会员ID 见 tuan members', en: 'see tuan members for the ids' },
    );
  }
  return { ids, criterion: 'ids', cutoff: null };
}

interface Work extends ForgetPlan {
  ids: string[];
  rejectChanges: { reject_id: number; reason: string }[];
}

function plan(db: Db, o: ForgetOptions): Work {
  const t = targets(db, o);
  const rows = memberRows(db, t.ids);
  const terms = t.ids.flatMap((id) => personalTerms(id, rows.contacts.get(id)?.names ?? [], rows.contacts.get(id)?.phones ?? []));
  const re = termsRegExp(terms);
  const rejectChanges = rejectTexts(db)
    .filter((r) => mentions(r.raw, re) || mentions(r.reason, re))
    .map((r) => ({ reject_id: r.reject_id, reason: scrub(r.reason, re) }));
  return {
    ...t,
    members: t.ids.length,
    order_lines: rows.lines,
    rejects: rejectChanges.length,
    contact_log: contactLogRows(db, t.ids),
    rejectChanges,
  };
}

const counts = (w: Work): ForgetPlan => ({
  criterion: w.criterion,
  cutoff: w.cutoff,
  members: w.members,
  order_lines: w.order_lines,
  rejects: w.rejects,
  contact_log: w.contact_log,
});

/** What `forget` would change, without changing anything (unknown ids and bad options throw as `forget` does). */
export function forgetPlan(db: DbInput, o: ForgetOptions): ForgetPlan {
  return withDb(db, (h) => counts(plan(h, o)));
}

/** Forget members: see the module comment. Throws UsageError (nothing changed) on unknown ids or bad options. */
export function forget(db: DbInput, o: ForgetOptions): ForgetResult {
  return withDb(db, (h) => {
    const w = plan(h, o);
    if (w.members === 0) return { ...counts(w), deletion_id: null, deleted_at: null };
    const salt = randomBytes(32).toString('hex');
    const taken = allMemberIds(h);
    const pseudonyms = new Map<string, string>();
    for (const id of w.ids) {
      let p = pseudonym(salt, id);
      for (let hex = 12; taken.has(p); hex += 2) p = pseudonym(salt, id, hex);
      taken.add(p);
      pseudonyms.set(id, p);
    }
    const at = o.now ?? businessDateTime(Date.now()).at;
    const done = applyForget(h, { pseudonyms, rejects: w.rejectChanges, at, criterion: w.criterion });
    vacuum(h, h.name);
    return {
      criterion: w.criterion,
      cutoff: w.cutoff,
      members: done.members,
      order_lines: done.order_lines,
      rejects: done.rejects,
      contact_log: done.contact_log,
      deletion_id: done.deletion_id,
      deleted_at: at,
    };
  });
}
