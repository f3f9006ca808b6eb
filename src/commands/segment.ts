import { Option } from 'commander';
import { EXIT } from '../errors.js';
import { segment } from '../api/segment.js';
import { renderJson } from '../render/table.js';
import { segmentCsv, segmentJson, segmentTable } from '../render/segment.js';
import { configureImportOptions, runImport, type ImportFlags } from './import.js';
import { formatSummary } from '../render/import.js';
import { emit, formatOption, outOption, withRead } from './common.js';
import type { CommandSpec } from './types.js';

export const segmentCommand: CommandSpec = {
  name: 'segment',
  group: 'analyze',
  summary: { 'zh-CN': '会员生命周期阶段与 RFM 分群(可直接传入导出文件)', en: 'lifecycle stages and RFM segments per member (give it an export directly)' },
  description:
    'With files, imports them first (same rules as tuan import; --leader also names the leader of a single-leader export), ' +
    'then classifies every member with a counted order into a stage as of --as-of, scores R/F/M 1–5 by quintiles of the ' +
    'members in scope, names the segment and the Chinese 8-class. The table is per leader; --format csv|json gives one row per member.',
  examples: [
    'tuan segment data/sample-orders.csv --as-of 2026-10-31',
    'tuan segment --leader L001 --format csv --out l001.csv',
    'tuan segment data/ktt-export.csv --leader L004 --as-of 2026-10-31',
  ],
  configure(cmd) {
    cmd.argument('[files...]', 'order exports to import first');
    configureImportOptions(cmd, 'only this leader; also the leader of imported lines that have no leader column (快团团)');
    cmd.addOption(new Option('--region <region>', 'only leaders of this region (from leaders.csv)'))
      .addOption(new Option('--per-leader', 'score RFM within each leader\'s members instead of across the scope'))
      .addOption(formatOption(['table', 'csv', 'json'])).addOption(outOption());
  },
  async run(files, opts, ctx) {
    const flags = opts as unknown as ImportFlags & { region?: string; perLeader?: boolean; format: string; out?: string };
    if (files.length || flags.leaders) {
      const summary = await runImport(files, { ...flags, leader: undefined, leaderDefault: flags.leader }, ctx);
      ctx.io.stderr.write(formatSummary(summary, ctx.lang));
    }
    const r = withRead(ctx, (db) => segment(db, { config: ctx.config, asOf: ctx.asOf, leader: flags.leader, region: flags.region, perLeader: flags.perLeader, unmask: ctx.unmask }));
    const text = flags.format === 'csv' ? segmentCsv(r.scopes, r.contacts)
      : flags.format === 'json' ? renderJson(segmentJson(r.scopes, r.asOf, r.scope, ctx.config, r.contacts))
        : segmentTable(r.scopes, r.leaders, r.asOf, r.scope, ctx.config, ctx.lang, ctx.style);
    emit(ctx, text, flags.out);
    return EXIT.ok;
  },
};
