import { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { addDays, parseIsoDate } from '../core/shared/index.js';
import { toCommissionRules } from '../core/commission/index.js';
import { report } from '../api/report.js';
import { templateFiles, Templates, userTemplateDir } from '../adapters/templates.js';
import { escapeDeep, reportView } from '../render/report-view.js';
import { makeProgress, NO_PROGRESS } from '../render/progress.js';
import { emit, leaderOption, withRead } from './common.js';
import type { CommandSpec, Ctx } from './types.js';

interface Flags {
  from?: string;
  leader?: string;
  region?: string;
  trainer?: string;
  out: string;
  templates?: string;
}

/** --from (default: --as-of minus report.migration_days); it must be before --as-of. */
export function chooseFrom(raw: unknown, asOf: string, days: number): string {
  if (raw === undefined) return addDays(asOf, -days);
  const from = parseIsoDate(String(raw));
  if (!from)
    throw new UsageError({
      zh: `--from "${String(raw)}" 应是日期,例如 2026-08-02`,
      en: `--from "${String(raw)}" must be a date like 2026-08-02`,
    });
  if (from >= asOf) {
    throw new UsageError(
      { zh: `--from ${from} 应早于计算日期 ${asOf}`, en: `--from ${from} must be before the as-of date ${asOf}` },
      { zh: `换一个更早的 --from,例如 --from ${addDays(asOf, -days)}`, en: `pass an earlier --from, e.g. --from ${addDays(asOf, -days)}` },
    );
  }
  return from;
}

function templatesFor(ctx: Ctx, flag: string | undefined): Templates {
  const dir = userTemplateDir(flag ?? ctx.config.templates_dir, ctx.io.cwd);
  return new Templates(templateFiles(ctx.lang, dir, ctx.io.cwd), ctx.lang, ctx.unmask);
}

/** Read, assemble, render; a progress bar on a terminal when the database is large (reads take seconds). */
function render(ctx: Ctx, flags: Flags, from: string): string {
  const templates = templatesFor(ctx, flags.templates);
  const progress = ctx.io.stderrIsTTY ? makeProgress(ctx.io.stderr, 'report', ctx.io.now) : NO_PROGRESS;
  try {
    const r = withRead(ctx, (db) =>
      report(db, {
        config: ctx.config,
        asOf: ctx.asOf,
        from,
        leader: flags.leader,
        region: flags.region,
        trainer: flags.trainer,
        unmask: ctx.unmask,
        onStep: (done, total) => progress.update(done, total + 1),
      }),
    );
    const c = ctx.config;
    const view = reportView(
      r.data,
      {
        leaders: r.leaders,
        levels: toCommissionRules(c.commission).levels,
        stages: c.stages,
        rfmWindowDays: c.rfm.window_days,
        rfmBaseline: c.rfm.baseline,
        unmask: ctx.unmask,
      },
      ctx.lang,
      r.trainer && { ...r.trainer, rule: c.trainer.support },
      r.products,
    );
    return templates.render('report', escapeDeep(view));
  } finally {
    progress.done();
  }
}

export const reportCommand: CommandSpec = {
  name: 'report',
  group: 'analyze',
  summary: {
    zh: '一个可分享的 HTML 报告:阶段、迁移、RFM、八类客户、KPI、佣金、待跟进会员',
    en: 'one shareable HTML report: stages, migration, RFM, 8 classes, KPIs, commission, members to act on',
  },
  description: {
    zh:
      '写出一个独立的 HTML 文件(内嵌 CSS 和 SVG 图表;没有脚本、字体、图片,也不链接任何外部内容),' +
      '离线能打开,手机微信里能看,A4 能打印:截至 --as-of 各阶段、各团长的会员数,从 --from 起的阶段迁移,' +
      'RFM 的 R×F 网格和平均消费,八类客户数,上一个完整月份的 KPI 表(对照配置里的目标 kpi.targets)、当月佣金汇总,' +
      '以及要跟进的会员(消费最高的沉默会员、有流失风险的会员、新会员;除非 --unmask,姓名和手机号隐去一部分)。' +
      '用 templates/<lang>/report.hbs 渲染(可用 --templates 替换)。只读数据库。' +
      '加 --region 或 --trainer 时,首页还有培训师的团长对比表(环比、同比、排名、中位数)和需要支持的团长。',
    en:
      'Writes one self-contained HTML file (inline CSS and SVG charts; no scripts, fonts, images or links to anything outside) ' +
      'that opens offline, in WeChat on a phone and prints on A4: members per stage and leader as of --as-of, the stage migration ' +
      'from --from, the RFM R×F grid with average spend, the 8-class counts, the KPI table of the last full month against the ' +
      "targets in the configuration (kpi.targets), that month's commission summary, and the members to act on (silent members " +
      'with the highest spend, members at risk, new members; names and phones masked unless --unmask). Rendered from ' +
      'templates/<lang>/report.hbs (override with --templates). Reads the database only. With --region or --trainer, the ' +
      "first page also shows the trainer's table of leaders (change on the month and the year, rank, median) and who needs support.",
  },
  examples: [
    'tuan report --as-of 2026-10-31 --out report.html',
    'tuan report --leader L003 --lang en --out l003-en.html',
    'tuan report --region 杭州西湖区 --from 2026-07-31 --out region.html',
    'tuan report --trainer L001 --out trainer.html',
  ],
  configure(cmd, say) {
    cmd
      .addOption(
        new Option(
          '--from <date>',
          say(
            '阶段迁移的起始日期,YYYY-MM-DD(默认:--as-of 往前 report.migration_days 天,即 90 天)',
            'start of the stage migration, YYYY-MM-DD (default: --as-of minus report.migration_days, 90 days)',
          ),
        ),
      )
      .addOption(leaderOption(say))
      .addOption(
        new Option(
          '--region <region>',
          say(
            '只看这个区域的团长(来自 leaders.csv);报告首页加上团长对比表和需要支持的团长',
            'only leaders of this region (from leaders.csv); the first page gains the leaders compared and who needs support',
          ),
        ),
      )
      .addOption(
        new Option(
          '--trainer <id>',
          say(
            '只看师傅是这个团长ID的团长及其徒弟(逐级向下);报告首页加上团长对比表和需要支持的团长',
            'only the leaders whose mentor is this leader ID, recursively; the first page gains the leaders compared and who needs support',
          ),
        ),
      )
      .addOption(
        new Option('--out <file>', say('要写的 HTML 文件;- 表示输出到标准输出', 'the HTML file to write; - for stdout')).default(
          'report.html',
        ),
      )
      .addOption(
        new Option(
          '--templates <dir>',
          say(
            '放 .hbs 模板的目录,按文件名替换自带的模板(默认:配置里的 templates_dir)',
            'directory of .hbs files that override the shipped templates by file name (default: templates_dir in the configuration)',
          ),
        ),
      );
  },
  async run(_args, opts, ctx) {
    const flags = opts as unknown as Flags;
    const html = render(ctx, flags, chooseFrom(flags.from, ctx.asOf, ctx.config.report.migration_days));
    emit(ctx, html, flags.out === '-' ? undefined : flags.out);
    return EXIT.ok;
  },
};
