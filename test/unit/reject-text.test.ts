import { describe, expect, it } from 'vitest';
import { rejectFieldText, rejectReasonText, rejectSummaryText } from '../../src/core/ingest/reject-text.js';
import { normalizeRecord } from '../../src/core/ingest/normalize.js';
import { parseDateTime } from '../../src/core/shared/dates.js';
import { parseScaled } from '../../src/core/shared/money.js';

/** Every wording the import writes into rejects.reason (normalize.ts, money.ts, dates.ts, the CSV reader). */
const STORED = [
  'invalid date "2026-13-01 08:10:00"',
  'empty date',
  'ambiguous date "03/04/2026": day/month order unknown; export dates as YYYY-MM-DD',
  'unrecognised date "昨天"',
  'missing member',
  'unknown status "飞走了" (add it to status_words in the config)',
  'not a number: "abc"',
  'more than 3 decimals: "1.2345"',
  'amount too large: "99999999999999999"',
  'quantity "5000" is beyond the limit of 1000 per line (import.max_line_quantity)',
  'amount "200000" is beyond the limit of 100000 yuan per line (import.max_line_amount_yuan)',
  'refund "200000" is beyond the limit of 100000 yuan per line (import.max_line_amount_yuan)',
  'empty amount',
  'no amount column and no quantity',
  'quantity × unit price (0.333 × 1.00) is not a whole fen',
  'negative refund "-1.00"',
  'refund 9.00 is more than the amount',
  'unmatched quote: a quoted cell opens on this line and does not close within a real cell (or holds whole rows); this line was skipped and reading went on with the next line',
  'a cell longer than 64 KiB',
  'a line longer than 1 MiB (skipped)',
  'malformed CSV (TooManyFields)',
  'bytes that are not valid GB18030',
];

/** English words left in a Chinese text, apart from config keys, formats and names that stay as they are. */
const english = (s: string) =>
  s.replace(/"[^"]*"|\([^)]*\)|status_words|import\.max_line_\w+|YYYY-MM-DD|KiB|MiB|CSV|GB18030/g, '').match(/[A-Za-z]{2,}/g) ?? [];

describe('reject reasons in the user language (#16)', () => {
  it.each(STORED)('%s', (reason) => {
    const t = rejectReasonText(reason);
    expect(t.en).toBe(reason);
    expect(english(t.zh)).toEqual([]);
  });

  it('the reasons the code writes are among the translated ones', () => {
    expect(rejectReasonText((parseDateTime('2026-13-01 08:10:00') as { reason: string }).reason).zh).toBe('日期无效:"2026-13-01 08:10:00"');
    expect(rejectReasonText((parseScaled('abc', 3) as { reason: string }).reason).zh).toBe('不是数字:"abc"');
    const r = normalizeRecord(
      ['2026-10-01 08:00:00', 'M1', '飞走了'],
      2,
      // a minimal layout: order time, member and status columns
      {
        layout: 'orders',
        mapping: { columns: { ordered_at: 0, member_id: 1, status: 2 } },
        statusWords: {},
      } as unknown as Parameters<typeof normalizeRecord>[2],
    );
    expect(r).toMatchObject({ field: 'status' });
    expect(rejectReasonText((r as { reason: string }).reason).zh).toBe('不认识的订单状态:"飞走了"(在配置的 status_words 里加上它)');
  });

  it('fields as people know the columns; the summary key "field: reason" with quotes masked', () => {
    expect(rejectFieldText('ordered_at')).toEqual({ zh: '下单时间', en: 'ordered_at' });
    expect(rejectSummaryText('status: unknown status "…" (add it to status_words in the config)').zh).toBe(
      '订单状态:不认识的订单状态:"…"(在配置的 status_words 里加上它)',
    );
    // a wording this version does not know is shown as stored
    expect(rejectReasonText('something new')).toEqual({ zh: 'something new', en: 'something new' });
  });
});
