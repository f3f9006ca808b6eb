import { EXIT, UsageError } from '../errors.js';
import { parseStage, STAGES } from '../core/members/lifecycle.js';
import { kit } from '../api/kit.js';
import { emit, formatOption, leaderOption, outOption, withRead } from './common.js';
import { asFormat, loadTemplates, templatesOption } from './activity-common.js';
import type { CommandSpec } from './types.js';

export const kitCommand: CommandSpec = {
  name: 'kit',
  group: 'activity',
  summary: { 'zh-CN': '某个生命周期阶段的活动包:会员、物料、排期和 KPI 目标', en: "a lifecycle stage's activity kit: members, materials, schedule, KPI targets" },
  description:
    'Renders the activity kit of one stage (§4.2: 引入期 信任破冰三件套, 成长期 品类拓展四步法, 成熟期 会员权益, 沉默期 精准唤醒三件套, ' +
    '流失期 挽回四步曲) from templates/<lang>/kit-<stage>.hbs, with the real member counts as of --as-of, the top members by spend ' +
    '(names and phones masked unless --unmask), the likely reasons members went quiet, coupons and thresholds from the configuration ' +
    '(activities.*) and the stage\'s KPI targets (kpi.targets). Without --leader the kit covers all members. Reads the database only.',
  examples: [
    'tuan kit silent --leader L003 --as-of 2026-10-31',
    'tuan kit growth --leader L002 --format html --out kit-growth.html',
    'tuan kit 流失期 --leader L001 --format txt',
  ],
  configure(cmd) {
    cmd.argument('<stage>', `lifecycle stage: ${STAGES.join(', ')} (or 引入期 成长期 成熟期 沉默期 流失期)`)
      .addOption(leaderOption())
      .addOption(formatOption(['md', 'html', 'txt']))
      .addOption(outOption())
      .addOption(templatesOption());
  },
  async run([raw], opts, ctx) {
    const stage = parseStage(raw ?? '');
    if (!stage) throw new UsageError(`unknown stage "${raw}"`, `use one of: ${STAGES.join(', ')}`);
    const templates = loadTemplates(ctx, opts.templates);
    const leader = typeof opts.leader === 'string' ? opts.leader : undefined;
    const context = withRead(ctx, (db) => kit(db, { config: ctx.config, asOf: ctx.asOf, lang: ctx.lang, unmask: ctx.unmask, stage, leader }));
    const md = templates.render(`kit-${stage}`, context);
    const text = asFormat(md, String(opts.format), `${context.stage.name} · ${leader ?? 'all'}`, ctx);
    emit(ctx, text, opts.out);
    return EXIT.ok;
  },
};
