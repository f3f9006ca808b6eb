import { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { addDays, parseIsoDate } from '../core/shared/dates.js';
import { toCommissionRules } from '../core/commission/levels.js';
import { report } from '../api/report.js';
import { templateFiles, Templates, userTemplateDir } from '../adapters/templates.js';
import { escapeDeep, reportView } from '../render/report-view.js';
import { makeProgress, NO_PROGRESS } from '../render/progress.js';
import { emit, leaderOption, withRead } from './common.js';
import type { CommandSpec, Ctx } from './types.js';

interface Flags { from?: string; leader?: string; region?: string; out: string; templates?: string }

/** --from (default: --as-of minus report.migration_days); it must be before --as-of. */
export function chooseFrom(raw: unknown, asOf: string, days: number): string {
  if (raw === undefined) return addDays(asOf, -days);
  const from = parseIsoDate(String(raw));
  if (!from) throw new UsageError(`--from "${String(raw)}" must be a date like 2026-08-02`);
  if (from >= asOf) throw new UsageError(`--from ${from} must be before the as-of date ${asOf}`, `pass an earlier --from, e.g. --from ${addDays(asOf, -days)}`);
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
    const r = withRead(ctx, (db) => report(db, { config: ctx.config, asOf: ctx.asOf, from, leader: flags.leader, region: flags.region, unmask: ctx.unmask,
      onStep: (done, total) => progress.update(done, total + 1) }));
    const c = ctx.config;
    const view = reportView(r.data, {
      leaders: r.leaders, levels: toCommissionRules(c.commission).levels, stages: c.stages,
      rfmWindowDays: c.rfm.window_days, rfmBaseline: c.rfm.baseline, unmask: ctx.unmask,
    }, ctx.lang);
    return templates.render('report', escapeDeep(view));
  } finally {
    progress.done();
  }
}

export const reportCommand: CommandSpec = {
  name: 'report',
  group: 'analyze',
  summary: { 'zh-CN': '一个可分享的 HTML 报告:阶段、迁移、RFM、八类客户、KPI、佣金、待跟进会员', en: 'one shareable HTML report: stages, migration, RFM, 8 classes, KPIs, commission, members to act on' },
  description:
    'Writes one self-contained HTML file (inline CSS and SVG charts; no scripts, fonts, images or links to anything outside) ' +
    'that opens offline, in WeChat on a phone and prints on A4: members per stage and leader as of --as-of, the stage migration ' +
    'from --from, the RFM R×F grid with average spend, the 8-class counts, the KPI table of the last full month against the ' +
    'targets in the configuration (kpi.targets), that month\'s commission summary, and the members to act on (silent members ' +
    'with the highest spend, members at risk, new members; names and phones masked unless --unmask). Rendered from ' +
    'templates/<lang>/report.hbs (override with --templates). Reads the database only.',
  examples: [
    'tuan report --as-of 2026-10-31 --out report.html',
    'tuan report --leader L003 --lang en --out l003-en.html',
    'tuan report --region 杭州西湖区 --from 2026-07-31 --out region.html',
  ],
  configure(cmd) {
    cmd.addOption(new Option('--from <date>', 'start of the stage migration, YYYY-MM-DD (default: --as-of minus report.migration_days, 90 days)'))
      .addOption(leaderOption()).addOption(new Option('--region <region>', 'only leaders of this region (from leaders.csv)'))
      .addOption(new Option('--out <file>', 'the HTML file to write; - for stdout').default('report.html'))
      .addOption(new Option('--templates <dir>', 'directory of .hbs files that override the shipped templates by file name (default: templates_dir in the configuration)'));
  },
  async run(_args, opts, ctx) {
    const flags = opts as unknown as Flags;
    const html = render(ctx, flags, chooseFrom(flags.from, ctx.asOf, ctx.config.report.migration_days));
    emit(ctx, html, flags.out === '-' ? undefined : flags.out);
    return EXIT.ok;
  },
};
