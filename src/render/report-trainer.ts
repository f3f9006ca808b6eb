/** The trainer's section of `tuan report` (--region or --trainer): leaders compared and the support list, as template values. */
import type { Comparison, SupportEntry, TrainerKpi } from '../core/trainer/index.js';
import { TRAINER_KPIS, trainerKpiUnit } from '../core/trainer/index.js';
import { addMonths, type LeaderInfo } from '../core/shared/index.js';
import type { Lang } from '../i18n.js';
import { formatValue } from './kpi.js';
import { changeText, reasonsOf, ruleText, statusText, trainerKpiName, type SupportMeta } from './trainer.js';

export interface TrainerSection {
  month: string;
  scope: string;
  comparison: Comparison<TrainerKpi>;
  support: readonly SupportEntry[];
  info: ReadonlyMap<string, LeaderInfo>;
  rule: SupportMeta['rule'];
}

export interface TrainerView {
  month: string;
  scope: string;
  columns: { code: string; name: string }[];
  rows: { leader_id: string; name: string; cells: { value: string; rank: string; best: boolean; mom: string; yoy: string }[] }[];
  median: string[];
  support: { leader_id: string; name: string; status: string; status_code: string; started: string; period: string; reasons: string[] }[];
  rule: string;
}

/** The section's values; `scopeLabel` is the report's scope in the output language. */
export function trainerView(t: TrainerSection, scopeLabel: string, lang: Lang): TrainerView {
  const meta: SupportMeta = { month: t.month, scope: t.scope, info: t.info, rule: t.rule };
  return {
    month: t.month,
    scope: scopeLabel,
    columns: TRAINER_KPIS.map((k) => ({ code: k, name: trainerKpiName(k, lang) })),
    rows: t.comparison.rows.map((r) => ({
      leader_id: r.leaderId,
      name: t.info.get(r.leaderId)?.name ?? '',
      cells: TRAINER_KPIS.map((k) => {
        const v = r.kpis[k];
        return {
          value: formatValue(v.value, trainerKpiUnit(k)),
          rank: v.rank === null ? '' : `#${v.rank}`,
          best: v.rank === 1,
          mom: changeText(k, v.value, v.prev),
          yoy: changeText(k, v.value, v.yoy),
        };
      }),
    })),
    median: TRAINER_KPIS.map((k) => formatValue(t.comparison.median[k], trainerKpiUnit(k))),
    support: t.support.map((e) => ({
      leader_id: e.leaderId,
      name: t.info.get(e.leaderId)?.name ?? '',
      status: statusText(e.status, lang),
      status_code: e.status,
      started: e.started,
      period: `${addMonths(e.started, 1)} – ${e.until}`,
      reasons: reasonsOf(e, t.month, lang, t.rule.drop_pct),
    })),
    rule: ruleText(meta.rule, lang),
  };
}
