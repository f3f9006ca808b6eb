import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_WORDS, normalizeStatus, STATUSES } from '../../src/core/ingest/status.js';

describe('normalizeStatus (SPEC §2.1 words)', () => {
  it.each([
    ...['已完成', '已签收', '已收货', '待收货', '已发货', '已支付', '部分退款', 'Completed', ' 已完成 ', ''].map((w) => [w, 'completed']),
    ...['已退款', '退款成功', '全额退款', 'REFUNDED'].map((w) => [w, 'refunded']),
    ...['已取消', '已关闭', '交易关闭', 'canceled'].map((w) => [w, 'cancelled']),
    ...['待付款', '未支付', 'pending'].map((w) => [w, 'pending']),
  ])('%j -> %s', (word, status) => {
    expect(normalizeStatus(word, DEFAULT_STATUS_WORDS)).toBe(status);
  });

  it.each([['处理中'], ['退款中'], ['unknown']])('%j is unknown: no guess', (word) => {
    expect(normalizeStatus(word, DEFAULT_STATUS_WORDS)).toBeNull();
  });

  it('every built-in word maps to a known status', () => {
    for (const s of Object.values(DEFAULT_STATUS_WORDS)) expect(STATUSES).toContain(s);
  });
});
