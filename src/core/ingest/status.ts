/** Order status words (SPEC §2.1). Unknown words are a rejected row, never a guess. */

export const STATUSES = ['completed', 'refunded', 'cancelled', 'pending'] as const;
export type Status = (typeof STATUSES)[number];

export const DEFAULT_STATUS_WORDS: Readonly<Record<string, Status>> = {
  // completed: paid and not reversed (a partial refund is completed with a refund amount)
  已完成: 'completed',
  已签收: 'completed',
  已收货: 'completed',
  待收货: 'completed',
  已发货: 'completed',
  已支付: 'completed',
  待发货: 'completed',
  待自提: 'completed',
  已自提: 'completed',
  交易成功: 'completed',
  部分退款: 'completed',
  已付款: 'completed',
  completed: 'completed',
  complete: 'completed',
  paid: 'completed',
  // refunded
  已退款: 'refunded',
  退款成功: 'refunded',
  全额退款: 'refunded',
  refunded: 'refunded',
  // cancelled
  已取消: 'cancelled',
  已关闭: 'cancelled',
  交易关闭: 'cancelled',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  // pending
  待付款: 'pending',
  未支付: 'pending',
  待支付: 'pending',
  pending: 'pending',
};

export function normalizeStatus(raw: string, words: Readonly<Record<string, Status>>): Status | null {
  const s = raw.trim();
  if (s === '') return 'completed';
  // Own keys only: a status cell `constructor` or `__proto__` is an unknown word, not Object.prototype's.
  const lower = s.toLowerCase();
  return Object.hasOwn(words, s) ? words[s]! : Object.hasOwn(words, lower) ? words[lower]! : null;
}
