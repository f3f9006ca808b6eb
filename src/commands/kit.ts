import { EXIT, UsageError } from '../errors.js';
import { parseStage, STAGES } from '../core/members/index.js';
import { kit } from '../api/kit.js';
import { emit, formatOption, leaderOption, outOption, withRead } from './common.js';
import { asFormat, loadTemplates, templatesOption } from './activity-common.js';
import type { CommandSpec } from './types.js';

export const kitCommand: CommandSpec = {
  name: 'kit',
  group: 'activity',
  summary: {
    zh: '某个生命周期阶段的活动包:会员、物料、排期和 KPI 目标',
    en: "a lifecycle stage's activity kit: members, materials, schedule, KPI targets",
  },
  description: {
    zh:
      '用 templates/<lang>/kit-<stage>.hbs 生成某个阶段的活动包(§4.2:引入期 信任破冰三件套、成长期 品类拓展四步法、成熟期 会员权益、' +
      '沉默期 精准唤醒三件套、流失期 挽回四步曲),里面有截至 --as-of 的真实会员数、消费最高的会员(除非 --unmask,姓名和手机号隐去一部分)、' +
      '会员不再下单的可能原因、配置里的优惠券和门槛(activities.*)以及这个阶段的 KPI 目标(kpi.targets)。不加 --leader 时覆盖全部会员。只读数据库。',
    en:
      'Renders the activity kit of one stage (§4.2: 引入期 信任破冰三件套, 成长期 品类拓展四步法, 成熟期 会员权益, 沉默期 精准唤醒三件套, ' +
      '流失期 挽回四步曲) from templates/<lang>/kit-<stage>.hbs, with the real member counts as of --as-of, the top members by spend ' +
      '(names and phones masked unless --unmask), the likely reasons members went quiet, coupons and thresholds from the configuration ' +
      "(activities.*) and the stage's KPI targets (kpi.targets). Without --leader the kit covers all members. Reads the database only.",
  },
  examples: [
    'tuan kit silent --leader L003 --as-of 2026-10-31',
    'tuan kit growth --leader L002 --format html --out kit-growth.html',
    'tuan kit 流失期 --leader L001 --format txt',
  ],
  configure(cmd, say) {
    cmd
      .argument(
        '<stage>',
        say(
          `生命周期阶段:引入期 成长期 成熟期 沉默期 流失期(或 ${STAGES.join(', ')})`,
          `lifecycle stage: ${STAGES.join(', ')} (or 引入期 成长期 成熟期 沉默期 流失期)`,
        ),
      )
      .addOption(leaderOption(say))
      .addOption(formatOption(say, ['md', 'html', 'txt']))
      .addOption(outOption(say))
      .addOption(templatesOption(say));
  },
  async run([raw], opts, ctx) {
    const stage = parseStage(raw ?? '');
    if (!stage)
      throw new UsageError(
        { zh: `没有这个阶段:"${raw}"`, en: `unknown stage "${raw}"` },
        { zh: `可用:引入期 成长期 成熟期 沉默期 流失期(或 ${STAGES.join(', ')})`, en: `use one of: ${STAGES.join(', ')}` },
      );
    const templates = loadTemplates(ctx, opts.templates);
    const leader = typeof opts.leader === 'string' ? opts.leader : undefined;
    const context = withRead(ctx, (db) =>
      kit(db, { config: ctx.config, asOf: ctx.asOf, lang: ctx.lang, unmask: ctx.unmask, stage, leader }),
    );
    const md = templates.render(`kit-${stage}`, context);
    const text = asFormat(md, String(opts.format), `${context.stage.name} · ${leader ?? 'all'}`, ctx);
    emit(ctx, text, opts.out);
    return EXIT.ok;
  },
};
