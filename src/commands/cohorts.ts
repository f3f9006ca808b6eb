import { Option } from 'commander';
import { EXIT } from '../errors.js';
import { cohorts } from '../api/products.js';
import { COHORT_METRICS, cohortsCsv, cohortsJson, cohortsTable, type CohortMetric } from '../render/products.js';
import { renderJson } from '../render/table.js';
import { emit, formatOption, leaderOption, outOption, regionOption, withRead } from './common.js';
import type { CommandSpec } from './types.js';

interface Flags {
  leader?: string;
  region?: string;
  metric: CohortMetric;
  format: string;
  out?: string;
}

export const cohortsCommand: CommandSpec = {
  name: 'cohorts',
  group: 'analyze',
  summary: {
    zh: '会员群组:按首单月份分组,逐月看留存、人均消费和累计人均消费(LTV)',
    en: 'member cohorts by month of first order: retention, spend and cumulative spend per member (LTV), month by month',
  },
  description: {
    zh:
      '把会员按第一笔计入订单的月份分组(范围内的团长那里),对每个群组的每个月(M0 = 首单月):仍在下单的会员数和占比、' +
      '当月消费、累计人均消费(已实现的 LTV)。--as-of 所在月之后的月份不列出(所在月算到 --as-of 当天)。' +
      '表格显示 --metric 选的那个数,CSV 和 JSON 给出全部。最后一行是平均会员生命周期(首单到最近一单的天数)。',
    en:
      'Groups members by the month of their first counted order (at the leaders in scope) and follows each cohort month by month ' +
      '(M0 = the first month): members still ordering and their share, the spend of the month, and the cumulative spend per member ' +
      '(realised LTV). Months after the month of --as-of are not listed (that month counts up to --as-of). The table shows the ' +
      'number --metric picks; CSV and JSON give them all. The last line is the average member lifetime (days from first to latest order).',
  },
  examples: ['tuan cohorts --as-of 2026-10-31', 'tuan cohorts --leader L003 --metric ltv', 'tuan cohorts --region 杭州西湖区 --format csv'],
  configure(cmd, say) {
    cmd
      .addOption(leaderOption(say))
      .addOption(regionOption(say))
      .addOption(
        new Option('--by <period>', say('群组按什么分(目前只有 month)', 'what cohorts are grouped by (only month for now)'))
          .choices(['month'])
          .default('month'),
      )
      .addOption(
        new Option(
          '--metric <metric>',
          say(
            '表格里显示:retention 留存占比、spend 当月人均消费、ltv 累计人均消费(默认 retention)',
            'what the table shows: retention share, spend per member in the month, ltv cumulative spend per member (default: retention)',
          ),
        )
          .choices([...COHORT_METRICS])
          .default('retention'),
      )
      .addOption(formatOption(say, ['table', 'csv', 'json']))
      .addOption(outOption(say));
  },
  async run(_args, opts, ctx) {
    const flags = opts as unknown as Flags;
    const r = withRead(ctx, (db) => cohorts(db, { config: ctx.config, asOf: ctx.asOf, leader: flags.leader, region: flags.region }));
    const text =
      flags.format === 'json'
        ? renderJson(cohortsJson(r.cohorts))
        : flags.format === 'csv'
          ? cohortsCsv(r.cohorts)
          : cohortsTable(r.cohorts, r, flags.metric, ctx.lang, ctx.style);
    emit(ctx, text, flags.out);
    return EXIT.ok;
  },
};
