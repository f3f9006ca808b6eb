/** Default RFM named segments (issue #3): checked in this order, first match wins, bounds inclusive. */
export interface SegmentRule {
  code: string;
  name_zh: string;
  name_en: string;
  r: [number, number];
  f: [number, number];
  m: [number, number];
}

const seg = (
  code: string,
  name_zh: string,
  name_en: string,
  r: [number, number],
  f: [number, number],
  m: [number, number],
): SegmentRule => ({ code, name_zh, name_en, r, f, m });

export const DEFAULT_SEGMENTS: SegmentRule[] = [
  seg('champions', '冠军客户', 'Champions', [5, 5], [5, 5], [5, 5]),
  seg('potential_loyalist', '潜力忠诚', 'Potential Loyalist', [3, 5], [3, 5], [2, 5]),
  seg('loyal_customers', '忠诚客户', 'Loyal Customers', [2, 4], [2, 4], [2, 4]),
  seg('promising', '有潜力', 'Promising', [3, 4], [1, 3], [3, 5]),
  seg('new_customers', '新客户', 'New Customers', [4, 5], [1, 3], [1, 5]),
  seg('cant_lose_them', '不能失去', "Can't Lose Them", [1, 2], [3, 4], [4, 5]),
  seg('at_risk', '有流失风险', 'At Risk', [1, 2], [2, 5], [4, 5]),
  seg('need_attention', '需关注', 'Need Attention', [1, 3], [3, 5], [3, 5]),
  seg('about_to_sleep', '将要沉睡', 'About To Sleep', [2, 3], [1, 3], [1, 4]),
  seg('lost', '已流失', 'Lost', [1, 1], [1, 5], [1, 5]),
];

export const OTHER_SEGMENT = { code: 'other', name_zh: '其他', name_en: 'Other' } as const;
