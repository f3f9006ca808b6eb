import { Option } from 'commander';
import { EXIT } from '../errors.js';
import { PRODUCT_GROUPINGS, products, type ProductGrouping } from '../api/products.js';
import { resolvePeriod } from '../api/kpi.js';
import { productsCsv, productsJson, productsTable } from '../render/products.js';
import { renderJson } from '../render/table.js';
import { emit, formatOption, leaderOption, outOption, regionOption, withRead } from './common.js';
import { periodOption } from './kpi-common.js';
import type { CommandSpec } from './types.js';

interface Flags {
  period?: string;
  leader?: string;
  region?: string;
  by: ProductGrouping;
  format: string;
  out?: string;
}

export const productsCommand: CommandSpec = {
  name: 'products',
  group: 'analyze',
  summary: {
    zh: '商品/品类:GMV、订单、买家、新客与复购占比、退款率,对比上一周期;每周异常(GMV 骤降、退款率骤升)',
    en: 'products or categories: GMV, orders, buyers, new and repeat shares, refund rate against the previous period; weekly anomalies',
  },
  description: {
    zh:
      '按商品或品类(--by)列出一个统计周期(默认 last-month)里的 GMV、订单数、买家数、新买家占比(第一次买这个商品)、' +
      '复购买家占比(周期内 ≥2 单)、退款率和退货率,以及和上一个同样长的周期相比的变化。' +
      '下面列出截至 --as-of 的异常:每个团长整体 GMV 的下降,和每个品类(或商品)退款率的上升,' +
      '都和前 8 周的中位数比较(稳健 z 分数,连续两周超过 3.5 才算;规则见配置 products.anomalies)。',
    en:
      'Lists, per product or category (--by), the GMV, orders, buyers, new-buyer share (first purchase of that product), ' +
      'repeat-buyer share (≥2 orders in the period), refund rate and return rate of one period (default: last-month), ' +
      'with the change against the previous period of the same length. Below, the anomalies up to --as-of: ' +
      "each leader's whole GMV stepping down and each category's (or product's) refund rate stepping up, against the median " +
      'of the 8 weeks before (a robust z-score beyond 3.5 for two weeks in a row; the rule is configuration products.anomalies).',
  },
  examples: [
    'tuan products --by category --leader L003 --as-of 2026-10-31',
    'tuan products --period 2026-W44 --region 杭州西湖区',
    'tuan products --by category --format json',
  ],
  configure(cmd, say) {
    cmd
      .addOption(periodOption(say))
      .addOption(leaderOption(say))
      .addOption(regionOption(say))
      .addOption(
        new Option('--by <what>', say('按商品还是按品类(默认 product)', 'per product or per category (default: product)'))
          .choices([...PRODUCT_GROUPINGS])
          .default('product'),
      )
      .addOption(formatOption(say, ['table', 'csv', 'json']))
      .addOption(outOption(say));
  },
  async run(_args, opts, ctx) {
    const flags = opts as unknown as Flags;
    const period = resolvePeriod(flags.period, ctx.asOf);
    const r = withRead(ctx, (db) =>
      products(db, {
        config: ctx.config,
        asOf: ctx.asOf,
        period,
        by: flags.by,
        leader: flags.leader,
        region: flags.region,
        unmask: ctx.unmask,
      }),
    );
    const a = ctx.config.products.anomalies;
    const rule = { weeks: a.baseline_weeks, confirm: a.confirm_weeks, threshold: a.threshold };
    const text =
      flags.format === 'json'
        ? renderJson(productsJson(r.rows, r.anomalies, r))
        : flags.format === 'csv'
          ? productsCsv(r.rows, r)
          : productsTable(r.rows, r.anomalies, r, rule, ctx.lang, ctx.style);
    emit(ctx, text, flags.out);
    return EXIT.ok;
  },
};
