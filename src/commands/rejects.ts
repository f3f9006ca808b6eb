import { Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { defineMessages, pick } from '../i18n.js';
import { rejectFieldText, rejectReasonText } from '../core/ingest/index.js';
import { renderCsv, renderJson, renderTable } from '../render/table.js';
import { rejects } from '../api/rejects.js';
import { emit, formatOption, outOption, withRead } from './common.js';
import type { CommandSpec } from './types.js';

const m = defineMessages({
  'rejects.none': ['没有拒收的行。', 'No rejected rows.'],
  'rejects.h.import': ['导入', 'import'],
  'rejects.h.file': ['文件', 'file'],
  'rejects.h.line': ['行', 'line'],
  'rejects.h.field': ['字段', 'field'],
  'rejects.h.reason': ['原因', 'reason'],
  'rejects.h.raw': ['原始内容', 'raw'],
});

export const rejectsCommand: CommandSpec = {
  name: 'rejects',
  group: 'import',
  summary: { zh: '列出导入时拒收的行(文件、行号、字段、原因、原文)', en: 'list rejected rows (file, line, field, reason, raw text)' },
  description: {
    zh: '导入时没能接受的每一行,都连同文件、行号、字段、原因和原文保存下来。除非 --unmask,原文里的姓名、地址、备注和手机号都隐去一部分(导入时对应到这些字段的列,以及看起来像这些字段的表头);表格里原文会截短,CSV 和 JSON 给出全文。',
    en: 'Every row an import could not accept is stored with its file, line number, field, reason and raw text. Names, addresses, notes and phone numbers in the raw text are masked unless --unmask (the columns an import mapped to them, and headers that read like them); the table shortens the raw text, CSV and JSON give it whole.',
  },
  examples: ['tuan rejects', 'tuan rejects --import 2 --format csv --out rejects.csv'],
  configure(cmd, say) {
    cmd
      .addOption(new Option('--import <id>', say('只看这一次导入的行(编号见 tuan status)', 'only rows of this import (see tuan status)')))
      .addOption(formatOption(say, ['table', 'csv', 'json']))
      .addOption(outOption(say));
  },
  async run(_args, opts, ctx) {
    const importId = opts.import === undefined ? null : Number(opts.import);
    if (importId !== null && !Number.isInteger(importId))
      throw new UsageError({
        zh: `--import "${opts.import}" 应是导入编号(见 tuan status)`,
        en: `--import "${opts.import}" must be an import number`,
      });
    const rows = withRead(ctx, (db) => rejects(db, { importId, unmask: ctx.unmask }));
    const keys = ['import_id', 'file_name', 'line', 'field', 'reason', 'raw'] as const;
    if (opts.format === 'json') emit(ctx, renderJson(rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])))), opts.out);
    else if (opts.format === 'csv')
      emit(
        ctx,
        renderCsv(
          [...keys],
          rows.map((r) => keys.map((k) => r[k])),
        ),
        opts.out,
      );
    else if (rows.length === 0) emit(ctx, m(ctx.lang, 'rejects.none') + '\n', opts.out);
    else {
      const L = ctx.lang;
      const short = (s: string) => ([...s].length > 40 ? [...s].slice(0, 39).join('') + '…' : s);
      emit(
        ctx,
        renderTable(
          ['import', 'file', 'line', 'field', 'reason', 'raw'].map((k) => m(L, `rejects.h.${k}` as 'rejects.h.raw')),
          rows.map((r) => [
            r.import_id,
            r.file_name,
            r.line,
            pick(L, rejectFieldText(r.field)),
            pick(L, rejectReasonText(r.reason)),
            short(r.raw),
          ]),
          ctx.style,
          ['right', 'left', 'right', 'left', 'left', 'left'],
        ),
        opts.out,
      );
    }
    return EXIT.ok;
  },
};
