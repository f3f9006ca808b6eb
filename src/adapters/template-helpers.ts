/**
 * The helpers templates may call (documented in docs/reference/templates.md). Each checks its arguments and throws a
 * HelperError carrying the template line, so a wrong call names the file and line instead of printing
 * "NaN" or "undefined". Money and dates go through core/money and core/dates.
 */
import { formatYuan } from '../core/shared/index.js';
import { isoWeekday, parseIsoDate } from '../core/shared/index.js';
import { maskName, maskPhone } from '../core/shared/index.js';
import type { Lang } from '../i18n.js';

export interface Loc {
  start: { line: number; column: number };
}

export class HelperError extends Error {
  constructor(
    message: string,
    readonly loc: Loc | undefined,
  ) {
    super(message);
  }
}

interface Options {
  loc?: Loc;
  name?: string;
  fn?: unknown;
}

type Helper = (...args: unknown[]) => unknown;

/** The helpers and how to use them (docs/reference/templates.md and `tuan lint --context` are written from this). */
export const HELPER_DOCS: readonly (readonly [string, string])[] = [
  ['{{yuan fen}}', 'money in fen as ¥1,234.50'],
  ['{{pct bp}}', 'basis points as a percentage: 2500 → 25%, 1250 → 12.5%'],
  ['{{date d}}, {{date d "long"}}, {{date d "weekday"}}', '11月3日 / 3 Nov; 2026年11月3日 / 3 Nov 2026; 周二 / Tue'],
  ['{{weekday n}}', 'ISO weekday number as 周一 / Mon'],
  ['{{mask text}}, {{mask text "phone"}}', 'masks a name or a phone unless --unmask'],
  ['(eq a b), (ne a b)', 'strict equality, inside {{#if …}}'],
  ['(gt a b), (gte a b), (lt a b), (lte a b)', 'compare two numbers or two dates'],
  ['(and a b …), (or a b …), (not a)', 'logic'],
  ['{{plural n "member" "members"}}', 'the first word when n is 1, else the second'],
  ['{{join list}}, {{join list ", "}}', 'a list of texts, separated by 、 (zh) or , (en)'],
  ['{{inc @index}}', 'n + 1 (1-based numbering)'],
  ['{{default value "fallback"}}', 'the fallback when the value is empty or null'],
  ['{{cell text}}', 'text safe inside a Markdown table cell (| and line breaks escaped)'],
];

const WEEKDAYS: Record<Lang, string[]> = {
  'zh-CN': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Split `(…args, options)` and check the count of positional arguments. */
function split(name: string, raw: unknown[], min: number, max = min): { args: unknown[]; o: Options } {
  const o = (raw[raw.length - 1] ?? {}) as Options;
  const args = raw.slice(0, -1);
  if (args.length < min || args.length > max) {
    const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min}–${max}`;
    throw new HelperError(`helper "${name}" takes ${want} argument(s), got ${args.length}`, o.loc);
  }
  const missing = args.indexOf(undefined);
  if (missing >= 0) throw new HelperError(`helper "${name}": argument ${missing + 1} is missing (not in the context)`, o.loc);
  return { args, o };
}

function need(cond: boolean, name: string, what: string, got: unknown, o: Options): void {
  if (!cond)
    throw new HelperError(`helper "${name}" expects ${what}, got ${got === undefined ? 'a missing value' : JSON.stringify(got)}`, o.loc);
}

export function pctText(bp: number): string {
  const sign = bp < 0 ? '-' : '';
  const a = Math.abs(bp);
  const frac = a % 100;
  return `${sign}${Math.trunc(a / 100)}${frac === 0 ? '' : `.${String(frac).padStart(2, '0').replace(/0$/, '')}`}%`;
}

export function dateText(d: string, style: string, lang: Lang): string {
  const [y, m, day] = [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
  if (style === 'weekday') return WEEKDAYS[lang][isoWeekday(d) - 1]!;
  if (style === 'iso') return d;
  if (lang === 'en') return style === 'long' ? `${day} ${MONTHS[m - 1]} ${y}` : `${day} ${MONTHS[m - 1]}`;
  return style === 'long' ? `${y}年${m}月${day}日` : `${m}月${day}日`;
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const comparable = (a: unknown, b: unknown) => (num(a) && num(b)) || (typeof a === 'string' && typeof b === 'string');

export function makeHelpers(lang: Lang, unmask: boolean): Record<string, Helper> {
  const cmp =
    (name: string, f: (a: number | string, b: number | string) => boolean): Helper =>
    (...raw) => {
      const {
        args: [a, b],
        o,
      } = split(name, raw, 2);
      need(comparable(a, b), name, 'two numbers or two texts', [a, b], o);
      return f(a as number, b as number);
    };
  return {
    yuan: (...raw) => {
      const {
        args: [v],
        o,
      } = split('yuan', raw, 1);
      need(Number.isSafeInteger(v), 'yuan', 'money in fen (an integer)', v, o);
      return formatYuan(v as number);
    },
    pct: (...raw) => {
      const {
        args: [v],
        o,
      } = split('pct', raw, 1);
      need(Number.isSafeInteger(v), 'pct', 'basis points (an integer)', v, o);
      return pctText(v as number);
    },
    date: (...raw) => {
      const {
        args: [d, style],
        o,
      } = split('date', raw, 1, 2);
      need(typeof d === 'string' && parseIsoDate(d) !== null, 'date', 'a date YYYY-MM-DD', d, o);
      need(
        style === undefined || ['short', 'long', 'weekday', 'iso'].includes(style as string),
        'date',
        'style short, long, weekday or iso',
        style,
        o,
      );
      return dateText(d as string, (style as string | undefined) ?? 'short', lang);
    },
    weekday: (...raw) => {
      const {
        args: [n],
        o,
      } = split('weekday', raw, 1);
      need(Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 7, 'weekday', 'a weekday number 1–7', n, o);
      return WEEKDAYS[lang][(n as number) - 1];
    },
    mask: (...raw) => {
      const {
        args: [v, kind],
        o,
      } = split('mask', raw, 1, 2);
      need(typeof v === 'string', 'mask', 'a text', v, o);
      need(kind === undefined || kind === 'name' || kind === 'phone', 'mask', 'kind name or phone', kind, o);
      if (unmask) return v;
      return kind === 'phone' ? maskPhone(v as string) : maskName(v as string);
    },
    eq: (...raw) => {
      const {
        args: [a, b],
      } = split('eq', raw, 2);
      return a === b;
    },
    ne: (...raw) => {
      const {
        args: [a, b],
      } = split('ne', raw, 2);
      return a !== b;
    },
    gt: cmp('gt', (a, b) => a > b),
    gte: cmp('gte', (a, b) => a >= b),
    lt: cmp('lt', (a, b) => a < b),
    lte: cmp('lte', (a, b) => a <= b),
    and: (...raw) => split('and', raw, 2, Infinity).args.every(Boolean),
    or: (...raw) => split('or', raw, 2, Infinity).args.some(Boolean),
    not: (...raw) => !split('not', raw, 1).args[0],
    plural: (...raw) => {
      const {
        args: [n, one, many],
        o,
      } = split('plural', raw, 3);
      need(num(n), 'plural', 'a number first', n, o);
      return n === 1 ? one : many;
    },
    join: (...raw) => {
      const {
        args: [xs, sep],
        o,
      } = split('join', raw, 1, 2);
      need(Array.isArray(xs) && xs.every((x) => typeof x === 'string' || num(x)), 'join', 'a list of texts', xs, o);
      return (xs as string[]).join(typeof sep === 'string' ? sep : lang === 'en' ? ', ' : '、');
    },
    inc: (...raw) => {
      const {
        args: [n],
        o,
      } = split('inc', raw, 1);
      need(num(n), 'inc', 'a number', n, o);
      return (n as number) + 1;
    },
    default: (...raw) => {
      const {
        args: [v, fallback],
        o,
      } = split('default', raw, 2);
      need(v !== undefined, 'default', 'a value (null is fine)', v, o);
      return v === null || v === '' ? fallback : v;
    },
    cell: (...raw) => {
      const {
        args: [v],
        o,
      } = split('cell', raw, 1);
      need(typeof v === 'string' || num(v), 'cell', 'a text', v, o);
      return String(v).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    },
  };
}
