import { Option } from 'commander';
import { EXIT } from '../errors.js';
import { segment } from '../api/segment.js';
import { renderJson } from '../render/table.js';
import { segmentCsv, segmentJson, segmentTable } from '../render/segment.js';
import { configureImportOptions, reportFailures, runImport, type ImportFlags } from './import.js';
import { formatSummary } from '../render/import.js';
import { emit, formatOption, outOption, withRead } from './common.js';
import type { CommandSpec } from './types.js';

export const segmentCommand: CommandSpec = {
  name: 'segment',
  group: 'analyze',
  summary: {
    zh: '会员生命周期阶段与 RFM 分群(可直接传入导出文件)',
    en: 'lifecycle stages and RFM segments per member (give it an export directly)',
  },
  description: {
    zh:
      '给了文件就先导入(规则同 tuan import;--leader 也用作单团长导出文件的团长),' +
      '然后把每个有计入订单的会员按 --as-of 当天分到生命周期阶段,在范围内按五分位给 R/F/M 打 1–5 分,' +
      '并给出分群和中国式八类客户。表格按团长分组;--format csv|json 每个会员一行。',
    en:
      'With files, imports them first (same rules as tuan import; --leader also names the leader of a single-leader export), ' +
      'then classifies every member with a counted order into a stage as of --as-of, scores R/F/M 1–5 by quintiles of the ' +
      'members in scope, names the segment and the Chinese 8-class. The table is per leader; --format csv|json gives one row per member.',
  },
  examples: [
    'tuan segment data/sample-orders.csv --as-of 2026-10-31',
    'tuan segment --leader L001 --format csv --out l001.csv',
    'tuan segment data/ktt-export.csv --leader L004 --as-of 2026-10-31',
  ],
  configure(cmd, say) {
    cmd.argument('[files...]', say('先导入的订单导出文件', 'order exports to import first'));
    configureImportOptions(
      cmd,
      say,
      say(
        '只看这个团长;导入时也用作没有团长列的订单行的团长(快团团)',
        'only this leader; also the leader of imported lines that have no leader column (快团团)',
      ),
    );
    cmd
      .addOption(
        new Option('--region <region>', say('只看这个区域的团长(来自 leaders.csv)', 'only leaders of this region (from leaders.csv)')),
      )
      .addOption(
        new Option(
          '--per-leader',
          say('在每个团长自己的会员里打 RFM 分,而不是在整个范围里', "score RFM within each leader's members instead of across the scope"),
        ),
      )
      .addOption(formatOption(say, ['table', 'csv', 'json']))
      .addOption(outOption(say));
  },
  async run(files, opts, ctx) {
    const flags = opts as unknown as ImportFlags & { region?: string; perLeader?: boolean; format: string; out?: string };
    if (files.length || flags.leaders) {
      const summary = await runImport(files, { ...flags, leader: undefined, leaderDefault: flags.leader }, ctx);
      ctx.io.stderr.write(formatSummary(summary, ctx.lang));
      reportFailures(summary, flags, ctx);
      if (summary.failed.length) return EXIT.input; // no analysis of a part of what was asked for
    }
    const r = withRead(ctx, (db) =>
      segment(db, {
        config: ctx.config,
        asOf: ctx.asOf,
        leader: flags.leader,
        region: flags.region,
        perLeader: flags.perLeader,
        unmask: ctx.unmask,
        predict: flags.format !== 'table',
      }),
    );
    const text =
      flags.format === 'csv'
        ? segmentCsv(r.scopes, r.contacts, r.predictions)
        : flags.format === 'json'
          ? renderJson(segmentJson(r.scopes, r.asOf, r.scope, ctx.config, r.contacts, r.predictions))
          : segmentTable(r.scopes, r.leaders, r.asOf, r.scope, ctx.config, ctx.lang, ctx.style);
    emit(ctx, text, flags.out);
    return EXIT.ok;
  },
};
