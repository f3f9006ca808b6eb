/**
 * A reject's reason for people, in both languages. The reasons are stored in the database in English
 * (rejects.reason, also in databases of earlier versions), so they are translated when shown: each known
 * wording maps to its Chinese one, quoted values kept; an unknown wording is shown as stored. Pure.
 */
import type { Text } from '../../i18n.js';

const Q = '"([^"]*)"';

/** English reason (as normalize.ts, money.ts, dates.ts and the CSV reader write it) -> Chinese. */
const REASONS_ZH: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
  [new RegExp(`^invalid date ${Q}$`), (m) => `日期无效:"${m[1]}"`],
  [/^empty date$/, () => '日期为空'],
  [
    new RegExp(`^ambiguous date ${Q}: day/month order unknown; export dates as YYYY-MM-DD$`),
    (m) => `日期 "${m[1]}" 分不清日和月;请按 YYYY-MM-DD 导出日期`,
  ],
  [new RegExp(`^unrecognised date ${Q}$`), (m) => `认不出的日期:"${m[1]}"`],
  [/^missing member$/, () => '缺少会员'],
  [
    new RegExp(`^unknown status ${Q} \\(add it to status_words in the config\\)$`),
    (m) => `不认识的订单状态:"${m[1]}"(在配置的 status_words 里加上它)`,
  ],
  [new RegExp(`^not a number: ${Q}$`), (m) => `不是数字:"${m[1]}"`],
  [new RegExp(`^more than (\\d+) decimals: ${Q}$`), (m) => `小数超过 ${m[1]} 位:"${m[2]}"`],
  [new RegExp(`^amount too large: ${Q}$`), (m) => `数值太大:"${m[1]}"`],
  [
    new RegExp(`^quantity ${Q} is beyond the limit of (\\S+) per line \\(import\\.max_line_quantity\\)$`),
    (m) => `数量 "${m[1]}" 超过每行上限 ${m[2]}(import.max_line_quantity)`,
  ],
  [
    new RegExp(`^(refund|amount) ${Q} is beyond the limit of (\\S+) yuan per line \\(import\\.max_line_amount_yuan\\)$`),
    (m) => `${m[1] === 'refund' ? '退款' : '金额'} "${m[2]}" 超过每行上限 ${m[3]} 元(import.max_line_amount_yuan)`,
  ],
  [/^empty amount$/, () => '金额为空'],
  [/^no amount column and no quantity$/, () => '没有金额列,也没有数量'],
  [/^quantity × unit price \((.*)\) is not a whole fen$/, (m) => `数量 × 单价(${m[1]})不是整分`],
  [new RegExp(`^negative refund ${Q}$`), (m) => `退款是负数:"${m[1]}"`],
  [/^refund (.*) is more than the amount$/, (m) => `退款 ${m[1]} 超过了金额`],
  [/^unmatched quote: /, () => '引号不配对:这一行开始的带引号单元格没有正常结束(或包含了整行);已跳过这一行,从下一行继续读'],
  [/^a cell longer than (\d+) KiB$/, (m) => `有单元格超过 ${m[1]} KiB`],
  [/^a line longer than 1 MiB \(skipped\)$/, () => '这一行超过 1 MiB(已跳过)'],
  [/^malformed CSV \((.*)\)$/, (m) => `CSV 格式错误(${m[1]})`],
  [/^bytes that are not valid (.*)$/, (m) => `有不是有效 ${m[1]} 编码的字节`],
  // a workbook cell holding an error value: `error value #N/A in Sheet1!K3, #REF! in Sheet1!L3`
  [
    /^error value (.*)$/,
    (m) =>
      m[1]!
        .split(', ')
        .map((one) => {
          const [value, cell] = one.split(' in ');
          return `单元格 ${cell} 是错误值 ${value}`;
        })
        .join(','),
  ],
];

/** Order-line fields as people know the columns. */
const FIELDS_ZH: Readonly<Record<string, string>> = {
  ordered_at: '下单时间',
  member_id: '会员ID',
  buyer: '买家',
  status: '订单状态',
  quantity: '数量',
  unit_price: '单价',
  amount: '实付金额',
  refund_amount: '退款金额',
  '(csv)': '(CSV)',
  '(encoding)': '(编码)',
};

/** A stored reason in both languages (English as stored). */
export function rejectReasonText(reason: string): Text {
  for (const [re, zh] of REASONS_ZH) {
    const m = reason.match(re);
    if (m) return { zh: zh(m), en: reason };
  }
  return { zh: reason, en: reason };
}

/** A reject's field in both languages (the stable code in English). */
export function rejectFieldText(field: string): Text {
  return { zh: Object.hasOwn(FIELDS_ZH, field) ? FIELDS_ZH[field]! : field, en: field };
}

/** `field: reason`, as the import summary counts reasons, in both languages. */
export function rejectSummaryText(key: string): Text {
  const i = key.indexOf(': ');
  if (i < 0) return rejectReasonText(key);
  const field = rejectFieldText(key.slice(0, i));
  const reason = rejectReasonText(key.slice(i + 2));
  return { zh: `${field.zh}:${reason.zh}`, en: key };
}
