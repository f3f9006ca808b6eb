import { relative } from 'node:path';
import { Option } from 'commander';
import { CheckFailed, EXIT, UsageError } from '../errors.js';
import type { Summary } from '../core/kpi/index.js';
import type { CheckRow } from '../core/kpi/index.js';
import { kpiChecks, resolvePeriod } from '../api/kpi.js';
import { checkLines } from '../adapters/checks-file.js';
import { businessDateTime } from '../core/shared/index.js';
import { checkJson, checkTable, githubAnnotations } from '../render/kpi-check.js';
import { renderJunit } from '../render/junit.js';
import { renderJson } from '../render/table.js';
import { emit, outOption, withRead } from './common.js';
import { metricsOption, periodOption, readMetrics } from './kpi-common.js';
import type { Text } from '../i18n.js';
import type { CommandSpec, Ctx } from './types.js';

/** The run's instant as local business time without a zone (`YYYY-MM-DDTHH:MM:SS`), as JUnit wants it. */
function localTimestamp(ctx: Ctx): string {
  return businessDateTime(Date.parse(ctx.nowIso)).at.slice(0, 19);
}

function annotate(ctx: Ctx, rows: readonly CheckRow[], toStderr: boolean): void {
  if (ctx.io.env.GITHUB_ACTIONS !== 'true') return;
  const file = ctx.configSource ? relative(ctx.io.cwd, ctx.configSource) : null;
  const text = githubAnnotations(rows, ctx.lang, file, checkLines(ctx.configSource));
  (toStderr ? ctx.io.stderr : ctx.io.stdout).write(text);
}

/**
 * `tuan kpi` parses the options it knows wherever they stand, also after `check` (commander hands the parent
 * the options that follow the subcommand name); so `check` declares no defaults and validates here.
 */
function checkOptions(opts: Record<string, unknown>): void {
  if (opts.format !== undefined && opts.format !== 'table' && opts.format !== 'json') {
    throw new UsageError({
      zh: `选项 '--format <format>' 的值 '${String(opts.format)}' 无效,可选:table, json`,
      en: `option '--format <format>' argument '${String(opts.format)}' is invalid. Allowed choices are table, json.`,
    });
  }
  const scoped = ['leader', 'region', 'perLeader', 'kpi'].filter((k) => opts[k] !== undefined);
  if (scoped.length) {
    const flag = `--${scoped[0]!.replace('perLeader', 'per-leader')}`;
    throw new UsageError(
      {
        zh: `tuan kpi check 的 KPI 和范围来自检查文件,不能用 ${flag}`,
        en: `tuan kpi check takes its KPIs and scopes from the checks file, not from ${flag}`,
      },
      {
        zh: '在每一项检查里写 `kpi:` 和 `scope:`(all、per-leader、leader:ID、region:区域名)',
        en: 'set `kpi:` and `scope:` (all, per-leader, leader:ID, region:NAME) on each check',
      },
    );
  }
}

function verdict(s: Summary, strict: boolean): Text {
  const parts = [s.fail && `${s.fail} FAIL`, strict && s.warn && `${s.warn} WARN`, strict && s.na && `${s.na} N/A`].filter(Boolean);
  const zh = [s.fail && `${s.fail} 项失败`, strict && s.warn && `${s.warn} 项警告`, strict && s.na && `${s.na} 项无法计算`].filter(Boolean);
  return {
    zh: `KPI 检查未通过:${zh.join(',')}${strict ? '(--strict)' : ''}`,
    en: `KPI checks failed: ${parts.join(', ')}${strict ? ' (--strict)' : ''}`,
  };
}

export const kpiCheckCommand: CommandSpec = {
  name: 'check',
  group: 'check',
  summary: {
    zh: 'KPI 检查(CI 门禁):按检查文件的阈值判定 PASS/WARN/FAIL,输出 JUnit',
    en: 'KPI checks for CI: PASS/WARN/FAIL against the thresholds of a checks file, with JUnit output',
  },
  description: {
    zh:
      '对一个统计周期(默认 last-month)运行配置里的 `checks:`(--config 文件:检查文件就是 tuan 配置文件,YAML 或 JSON,' +
      '见 data/kpi-checks.yaml)。每项检查指定一个 KPI(或 --metrics 里的指标,或一条只读的 `sql:` 查询)、一个范围' +
      '(all、per-leader、leader:ID、region:区域名)和 fail_below/warn_below/fail_above/warn_above,可选 challenge' +
      '(只报告,不算失败)和 require(n/a 算失败)。没有失败时退出码 0;有检查失败时 1(加 --strict 时警告和 n/a 也算);' +
      '检查文件有误时 2;指标文件有误时 3;数据库不存在时 4。设置 GITHUB_ACTIONS=true 时还会输出 ::error/::warning 标注。',
    en:
      'Runs the `checks:` of the configuration (--config FILE: a checks file is a tuan configuration file, YAML or JSON; see ' +
      'data/kpi-checks.yaml) for one period (default: last-month). A check names a KPI (or a metric from --metrics, or a read-only ' +
      '`sql:` query), a scope (all, per-leader, leader:ID, region:NAME) and fail_below/warn_below/fail_above/warn_above, optionally ' +
      'a challenge (reported, never a failure) and require (n/a fails). Exit 0 when nothing fails, 1 when a check fails (or warns, ' +
      'or is n/a, with --strict), 2 for a broken checks file, 3 for a bad metrics file, 4 when the database is missing. ' +
      'With GITHUB_ACTIONS=true it also prints ::error/::warning annotations.',
  },
  examples: [
    'tuan kpi check --config data/kpi-checks.yaml --as-of 2026-10-31 --junit kpi.xml',
    'tuan kpi check --config kpi.yaml --period last-week --strict --format json',
    'tuan kpi check --config kpi.yaml --metrics service-metrics.csv',
  ],
  configure(cmd, say) {
    // `tuan kpi`'s own options (--leader, --per-leader, …) do not apply here: list only the program's as global
    cmd.configureHelp({ ...cmd.configureHelp(), visibleGlobalOptions: (c) => (c.parent?.parent?.options ?? []).filter((o) => !o.hidden) });
    cmd
      .addOption(periodOption(say))
      .addOption(metricsOption(say))
      .addOption(
        new Option(
          '--junit <file>',
          say(
            '同时把 JUnit XML 报告(Jenkins、GitLab、Azure DevOps)写到这个文件',
            'also write a JUnit XML report (Jenkins, GitLab, Azure DevOps) to this file',
          ),
        ),
      )
      .addOption(new Option('--strict', say('警告和 n/a 也算失败(退出码 1)', 'warnings and n/a fail the run too (exit 1)')))
      .addOption(new Option('--format <format>', say('输出格式(默认 table)', 'output format (default: table)')).choices(['table', 'json']))
      .addOption(outOption(say));
  },
  async run(_args, opts, ctx) {
    checkOptions(opts);
    if (ctx.config.checks.length === 0) {
      throw new UsageError(
        {
          zh: `没有检查项:${ctx.configSource ?? '配置'}里没有 \`checks:\` 列表`,
          en: `no checks: ${ctx.configSource ?? 'the configuration'} has no \`checks:\` list`,
        },
        {
          zh: '给一个检查文件:tuan kpi check --config data/kpi-checks.yaml',
          en: 'pass a checks file: tuan kpi check --config data/kpi-checks.yaml',
        },
      );
    }
    const period = resolvePeriod(opts.period as string | undefined, ctx.asOf);
    const metrics = readMetrics(ctx, opts.metrics);
    const r = withRead(ctx, (db) =>
      kpiChecks(db, { config: ctx.config, asOf: ctx.asOf, period, metrics, strict: opts.strict === true, unmask: ctx.unmask }),
    );
    const { rows, summary, failed, strict } = r;
    const meta = { period: r.period, asOf: r.asOf, strict, failed };
    const json = opts.format === 'json';
    annotate(ctx, rows, json && !opts.out);
    emit(ctx, json ? renderJson(checkJson(rows, summary, meta)) : checkTable(rows, summary, meta, ctx.lang, ctx.style), opts.out);
    if (typeof opts.junit === 'string') {
      emit(ctx, renderJunit(rows, { asOf: ctx.asOf, strict, timestamp: localTimestamp(ctx) }, ctx.lang), opts.junit);
    }
    if (failed) throw new CheckFailed(verdict(summary, strict));
    return EXIT.ok;
  },
};
