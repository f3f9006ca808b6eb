import { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { predict } from '../api/predict.js';
import { parseIsoDate } from '../core/shared/index.js';
import type { TimeUnit } from '../core/predict/index.js';
import { predictCsv, predictJson, predictTable } from '../render/predict.js';
import { renderJson } from '../render/table.js';
import { emit, formatOption, leaderOption, outOption, withRead } from './common.js';
import type { CommandSpec } from './types.js';

export const predictCommand: CommandSpec = {
  name: 'predict',
  group: 'analyze',
  summary: {
    zh: '谁还会回来、每位会员值多少:BG/NBD 回购预测、P(在网) 和 CLV',
    en: 'who will come back and what each member is worth: BG/NBD, P(alive) and CLV',
  },
  description: {
    zh:
      '用范围内全部会员截至 --as-of 的计入订单拟合 BG/NBD(回购与流失)和 Gamma-Gamma(每单金额)模型,' +
      '给出每位会员的 P(在网)、预测期内的预测购买天数、预测客单价和 CLV(按月 1% 贴现)。同一天的多笔订单算一个购买日。' +
      `会员少于 100 位或回头客少于 20 位时不拟合(退出码 3)。--holdout-from D 用 D 之前的订单拟合,逐周对比 D 之后的预测与实际。`,
    en:
      'Fits BG/NBD (purchases and drop-out) and Gamma-Gamma (value per purchase) on the counted orders up to --as-of of every ' +
      'member in scope, and gives each member P(alive), the purchase days expected over the horizon, the expected value per ' +
      'purchase and the CLV (discounted 1% a month). Several orders on one day are one purchase day. Fewer than 100 members or ' +
      '20 repeat buyers: no fit (exit 3). --holdout-from D fits on the orders before D and compares predicted with actual purchases week by week after D.',
  },
  examples: [
    'tuan predict --as-of 2026-10-31',
    'tuan predict --as-of 2026-10-31 --horizon 90d --format csv --out predict.csv',
    'tuan predict --as-of 2026-10-31 --holdout-from 2026-08-01',
  ],
  configure(cmd, say) {
    cmd
      .addOption(
        new Option(
          '--horizon <h>',
          say('预测期:12m(月)、90d(天)等(默认 predict.horizon,12m)', 'horizon: 12m (months), 90d (days) … (default predict.horizon, 12m)'),
        ),
      )
      .addOption(
        new Option(
          '--time-unit <unit>',
          say('拟合的时间单位(默认 predict.time_unit,weeks)', 'time unit of the fit (default predict.time_unit, weeks)'),
        ).choices(['days', 'weeks']),
      )
      .addOption(leaderOption(say))
      .addOption(
        new Option('--region <region>', say('只看这个区域的团长(来自 leaders.csv)', 'only leaders of this region (from leaders.csv)')),
      )
      .addOption(new Option('--per-leader', say('每个团长的会员单独拟合', "fit each leader's members separately")))
      .addOption(
        new Option(
          '--holdout-from <date>',
          say(
            '用这天之前的订单拟合,逐周对比之后的预测与实际',
            'fit on the orders before this date and compare predicted with actual week by week after it',
          ),
        ),
      )
      .addOption(formatOption(say, ['table', 'csv', 'json']))
      .addOption(outOption(say));
  },
  async run(_args, opts, ctx) {
    const flags = opts as {
      horizon?: string;
      timeUnit?: TimeUnit;
      leader?: string;
      region?: string;
      perLeader?: boolean;
      holdoutFrom?: string;
      format: string;
      out?: string;
    };
    const holdoutFrom = flags.holdoutFrom === undefined ? undefined : parseIsoDate(flags.holdoutFrom);
    if (holdoutFrom === null)
      throw new UsageError({
        zh: `--holdout-from "${flags.holdoutFrom}" 应是日期,例如 2026-08-01`,
        en: `--holdout-from "${flags.holdoutFrom}" must be a date like 2026-08-01`,
      });
    const r = withRead(ctx, (db) =>
      predict(db, {
        config: ctx.config,
        asOf: ctx.asOf,
        horizon: flags.horizon,
        timeUnit: flags.timeUnit,
        leader: flags.leader,
        region: flags.region,
        perLeader: flags.perLeader,
        holdoutFrom,
        unmask: ctx.unmask,
      }),
    );
    const text =
      flags.format === 'csv' ? predictCsv(r) : flags.format === 'json' ? renderJson(predictJson(r)) : predictTable(r, ctx.style, ctx.lang);
    emit(ctx, text, flags.out);
    return EXIT.ok;
  },
};
