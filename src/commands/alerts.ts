import { Option } from 'commander';
import { CheckFailed, EXIT } from '../errors.js';
import { alerts, alertsAtOrAbove, ALERT_LEVELS, type AlertLevel } from '../api/alerts.js';
import { alertsJson, alertsTable } from '../render/alerts.js';
import { renderJson } from '../render/table.js';
import { emit, formatOption, outOption, regionOption, trainerOption, withRead } from './common.js';
import type { CommandSpec } from './types.js';

interface Flags {
  region?: string;
  trainer?: string;
  format: string;
  failOn: AlertLevel;
  out?: string;
}

export const alertsCommand: CommandSpec = {
  name: 'alerts',
  group: 'check',
  summary: {
    zh: '本周需要关注的事项:进入支持期的团长、KPI 检查失败、新出现流失风险的高价值会员、新的商品异常、过期的导入',
    en: 'what needs attention this week: leaders entering support, failed KPI checks, high-value members newly at risk, new product anomalies, stale imports',
  },
  description: {
    zh:
      '截至 --as-of,把范围内(全部、--region 区域、--trainer 带教的团长)需要关注的事项列成一张表,每项有级别、原因和查看详情的命令:' +
      '上个完整月份触发支持规则而进入支持期的团长(警告,规则见 trainer.support)、上个完整月份未通过的 KPI 检查(配置的 checks:,失败)、' +
      '一周内新出现流失风险的高价值会员(消费分 M ≥ 4,警告)、' +
      '--as-of 之前最后一个完整周确认的商品异常(tuan products:团长 GMV 明显下降或品类退款率明显上升,确认后的 7 天内列出,警告)、' +
      '最近一次导入早于 --as-of 7 天以上(警告)。' +
      '有级别不低于 --fail-on(默认 fail)的事项时退出码 1,方便定时任务或 CI 发通知。',
    en:
      'As of --as-of, lists what needs attention in the scope (all, --region, or --trainer: the leaders a trainer mentors, recursively), ' +
      'each with its level, reason and the command that shows more: leaders whose support rule fired in the last complete month ' +
      '(entering support, WARN; the rule: trainer.support), KPI checks of the configuration (checks:) that failed for that month ' +
      '(FAIL), high-value members (spend score M ≥ 4) newly at risk within the week (WARN), product anomalies of tuan products ' +
      "(a leader's GMV stepping down, a category's refund rate stepping up) confirmed by the last complete week before --as-of, " +
      'listed for the 7 days after they are confirmed (WARN), and a last import more than 7 days ' +
      'before --as-of (WARN). Exit 1 when something at or above --fail-on (default: fail) is listed, so a cron job or CI can notify.',
  },
  examples: [
    'tuan alerts --as-of 2026-11-01',
    'tuan alerts --region 杭州西湖区 --fail-on warn',
    'tuan alerts --trainer L001 --format json --config data/kpi-checks.yaml',
  ],
  configure(cmd, say) {
    cmd
      .addOption(regionOption(say))
      .addOption(trainerOption(say))
      .addOption(formatOption(say, ['table', 'json']))
      .addOption(
        new Option(
          '--fail-on <level>',
          say('有这个级别或更高的事项时退出码 1(warn 或 fail)', 'exit 1 when an item at or above this level is listed (warn or fail)'),
        )
          .choices([...ALERT_LEVELS])
          .default('fail'),
      )
      .addOption(outOption(say));
  },
  async run(_args, opts, ctx) {
    const flags = opts as unknown as Flags;
    const r = withRead(ctx, (db) =>
      alerts(db, { config: ctx.config, asOf: ctx.asOf, region: flags.region, trainer: flags.trainer, unmask: ctx.unmask }),
    );
    const meta = { asOf: r.asOf, month: r.month, scope: r.scope, dropPct: ctx.config.trainer.support.drop_pct };
    emit(
      ctx,
      flags.format === 'json' ? renderJson(alertsJson(r.alerts, meta, ctx.lang)) : alertsTable(r.alerts, meta, ctx.lang, ctx.style),
      flags.out,
    );
    if (alertsAtOrAbove(r.alerts, flags.failOn))
      throw new CheckFailed({
        zh: `有 ${r.alerts.length} 项需要关注(--fail-on ${flags.failOn})`,
        en: `${r.alerts.length} items need attention (--fail-on ${flags.failOn})`,
      });
    return EXIT.ok;
  },
};
