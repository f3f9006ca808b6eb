/** `tuan review` as a function: what the plan's contacts achieved against the holdout, per action and stage. */
import { UsageError } from '../errors.js';
import { parseIsoDate } from '../core/shared/index.js';
import type { Review } from '../core/review/index.js';
import { readReview } from '../adapters/contact-log.js';
import { readLeaders } from '../adapters/queries.js';
import { checkLeader } from '../adapters/scope.js';
import { configOf, withDb, type BaseOptions, type DbInput } from './common.js';
import { resolvePeriod } from './kpi.js';

export type { Review };

export interface ReviewOptions extends BaseOptions {
  /** the business date, YYYY-MM-DD: orders after it are not known yet */
  asOf: string;
  /** a period as written (2026-11, 2026-W45, last-month …); or from and to */
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** one leader; default all */
  leader?: string | undefined;
  /** N; default review.window_days */
  windowDays?: number | undefined;
}

/** The dates of a review: --period, or --from and --to (both), checked. */
export function reviewDates(o: Pick<ReviewOptions, 'asOf' | 'period' | 'from' | 'to'>): { from: string; to: string } {
  if (o.period !== undefined) {
    if (o.from !== undefined || o.to !== undefined)
      throw new UsageError({ zh: '--period 和 --from/--to 只能用一种', en: 'use either --period or --from/--to, not both' });
    const p = resolvePeriod(o.period, o.asOf);
    return { from: p.start, to: p.effectiveEnd };
  }
  const from = o.from === undefined ? null : parseIsoDate(o.from);
  const to = o.to === undefined ? null : parseIsoDate(o.to);
  if (from === null || to === null || from > to)
    throw new UsageError(
      {
        zh: '复盘需要 --period(例如 2026-11、2026-W45、last-month),或 --from 和 --to(YYYY-MM-DD,from 不晚于 to)',
        en: 'a review needs --period (e.g. 2026-11, 2026-W45, last-month), or --from and --to (YYYY-MM-DD, from not after to)',
      },
      { zh: '例如 tuan review --period last-month', en: 'e.g. tuan review --period last-month' },
    );
  return { from, to };
}

/** For the tasks dated in the period: planned, contacted, holdout, who ordered within N days, the uplift and its interval. */
export function review(db: DbInput, o: ReviewOptions): Review {
  const config = configOf(o);
  const { from, to } = reviewDates(o);
  const windowDays = o.windowDays ?? config.review.window_days;
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 365)
    throw new UsageError({
      zh: `--window-days ${windowDays} 应是 1–365 的整数`,
      en: `--window-days ${windowDays} must be a whole number 1–365`,
    });
  return withDb(db, (h) => {
    const leader = checkLeader(o.leader, readLeaders(h)) ?? null;
    return readReview(h, { from, to, asOf: o.asOf, leaders: leader === null ? null : [leader], windowDays });
  });
}
