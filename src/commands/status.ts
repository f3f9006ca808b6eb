import { EXIT } from '../errors.js';
import { status, type DbStatus } from '../api/status.js';
import { defineMessages, type Lang } from '../i18n.js';
import { formatYuan } from '../core/shared/index.js';
import { fmtInt, renderJson, renderPairs, renderTable } from '../render/table.js';
import type { Style } from '../render/style.js';
import { emit, formatOption, withRead } from './common.js';
import type { CommandSpec } from './types.js';

const m = defineMessages({
  'status.lines': ['订单行', 'order lines'],
  'status.orders': ['订单(计入)', 'orders (counted)'],
  'status.members': ['会员', 'members'],
  'status.leaders': ['团长', 'leaders'],
  'status.rejected': ['拒收行', 'rejected rows'],
  'status.spend': ['计入消费额', 'counted spend'],
  'status.first': ['最早订单', 'first order'],
  'status.last': ['最近订单', 'last order'],
  'status.imports': ['导入记录', 'imports'],
  'status.h.id': ['编号', 'id'],
  'status.h.file': ['文件', 'file'],
  'status.h.kind': ['类型', 'kind'],
  'status.h.sha': ['SHA-256', 'SHA-256'],
  'status.h.rows': ['行数', 'rows'],
  'status.h.ins': ['新增', 'inserted'],
  'status.h.upd': ['更新', 'updated'],
  'status.h.same': ['未变', 'unchanged'],
  'status.h.rej': ['拒收', 'rejected'],
});

export function formatStatus(s: DbStatus, lang: Lang, style: Style): string {
  const pairs = renderPairs([
    [m(lang, 'status.lines'), fmtInt(s.lines)],
    [m(lang, 'status.orders'), fmtInt(s.orders)],
    [m(lang, 'status.members'), fmtInt(s.members)],
    [m(lang, 'status.leaders'), fmtInt(s.leaders)],
    [m(lang, 'status.rejected'), fmtInt(s.rejected)],
    [m(lang, 'status.spend'), formatYuan(s.spend_fen)],
    [m(lang, 'status.first'), s.first_order_at ?? '-'],
    [m(lang, 'status.last'), s.last_order_at ?? '-'],
  ]);
  const heads = ['id', 'file', 'kind', 'sha', 'rows', 'ins', 'upd', 'same', 'rej'].map((k) => m(lang, `status.h.${k}` as 'status.h.id'));
  const rows = s.imports.map((i) => [
    i.import_id,
    i.file_name,
    i.kind,
    i.sha256.slice(0, 12),
    fmtInt(i.rows_read),
    fmtInt(i.inserted),
    fmtInt(i.updated),
    fmtInt(i.unchanged),
    fmtInt(i.rejected),
  ]);
  const align: ('left' | 'right')[] = ['right', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'right'];
  return `${pairs}\n${m(lang, 'status.imports')}\n${renderTable(heads, rows, style, align)}`;
}

export const statusCommand: CommandSpec = {
  name: 'status',
  group: 'import',
  summary: { zh: '数据库里有什么:行数、订单、会员、导入记录', en: 'what the database holds: lines, orders, members, imports' },
  description: {
    zh: '订单行数、计入的订单数、会员数、团长数、被拒的行数、计入的消费额(扣除退货)、订单日期范围,以及每一次导入和它的 SHA-256。',
    en: 'Counts of order lines, counted orders, members, leaders and rejected rows, counted spend (returns subtracted), the order date range and every import with its SHA-256.',
  },
  examples: ['tuan status', 'tuan status --format json'],
  configure(cmd, say) {
    cmd.addOption(formatOption(say, ['table', 'json']));
  },
  async run(_args, opts, ctx) {
    const s = withRead(ctx, (db) => status(db, { unmask: ctx.unmask }));
    emit(ctx, opts.format === 'json' ? renderJson(s) : formatStatus(s, ctx.lang, ctx.style), opts.out);
    return EXIT.ok;
  },
};
