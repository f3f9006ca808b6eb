/**
 * Personal data masking (SPEC §8): every output masks names and phones unless --unmask.
 *
 * Where masking happens: in ONE layer, the api layer (src/api), right before the data reaches render.
 * src/api/common.ts `maskContacts` (member names and phones, also via `readContacts`) and `maskLeaders` (leader
 * names), api/activity.ts (the leader of a kit, script or plan) and api/rejects.ts (rejected rows' raw text) call the
 * functions below as the data is read; core computes and render prints what it is given, neither masks.
 * (Two exceptions by design: the `{{mask}}` template helper, which masks what a template asks for and is
 * idempotent on masked text, and `tuan init`'s preview of a sample row, which has no api function.)
 *
 * Phones in the wrong column: some back-ends use the mobile number as the member id, and shifted rows put a phone
 * or a name in a category, product or date cell. So besides the name and phone columns, the api layer masks
 * anything shaped like a mainland mobile number (`maskPhonesInText`: 1[3-9] and 9 more digits, alone or written
 * `138 1234 5678`, `138-1234-5678`, with `+86`/`0086`/`86`) in every text that reaches an output: member ids, leader
 * ids, names, categories, products, notes, rejected raw text and reasons (`maskPhonesDeep` over an api result;
 * the configuration's own texts, where a leader may write her number for members on purpose, are kept).
 * The rule: no output shows 11 digits of a phone unless --unmask. A member id that is a phone is shown as
 * `138****5678`; the database keeps it and `--member 13812345678` still finds the member.
 * Digits inside a longer run of digits (an order number like `2025080113812345678`, a 12-digit number) are not a
 * phone and are kept. An 11-digit number starting 13–19 standing alone cannot be told from a phone and is masked
 * wherever it stands, an order id in rejected raw text included (--unmask shows it); the JSON and CSV of analyses
 * carry no order ids.
 */

/** `13812345678` -> `138****5678`; already-masked or short values keep only their last 4 digits visible. */
/** An ID tuan made up from a buyer's nickname and phone because the export has none (快团团, core/ingest memberIdFromBuyer). */
export const isMadeUpMemberId = (id: string): boolean => /^u[0-9a-f]{10}$/.test(id);

/** The last four digits of a phone, masked or not ('' when fewer than four). */
export function phoneTail(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : '';
}

export function maskPhone(phone: string): string {
  const s = phone.trim();
  if (s === '') return '';
  const digits = s.replace(/\D/g, '');
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 4) return `****${digits.slice(-4)}`;
  return '****';
}

/** `张三` -> `张*`, `阳光宝妈` -> `阳***`: the first character and at most three stars. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.min(3, Math.max(1, chars.length - 1)));
}

export interface Contact {
  name: string;
  phone: string;
}

/** A member's name and phone, both masked. */
export function maskContact(c: Contact): Contact {
  return { name: maskName(c.name), phone: maskPhone(c.phone) };
}

/**
 * A mainland mobile number in free text: an optional `+86`, `0086` or `86` prefix, then 1[3-9] and 9 more digits,
 * written together or in groups of 3-4-4 split by spaces or dashes; not part of a longer run of digits.
 */
const PHONE_IN_TEXT = /(?<!\d)((?:\+|00)?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)/g;

/**
 * Mask every mainland mobile number inside free text: `13812345678`, `138 1234 5678`, `+86-138-1234-5678` ->
 * `138****5678` (the prefix is kept: `+86 138****5678`). Idempotent; a 12-digit number is left alone.
 */
export function maskPhonesInText(text: string): string {
  if (!/\d{4}/.test(text)) return text;
  return text.replace(
    PHONE_IN_TEXT,
    (_all, prefix: string | undefined, head: string, _mid: string, tail: string) => `${prefix ?? ''}${head}****${tail}`,
  );
}

/**
 * `value` with `maskPhonesInText` applied to every string in it: object values, array items, Map keys and values,
 * Set items (plain data, as the api returns it; other objects are kept as they are). The api layer's guard that
 * no phone reaches an output, whatever column it came from. Strings in `keep` (the configuration's own texts,
 * where a leader may write her contact number on purpose) are left as they are.
 */
export function maskPhonesDeep<T>(value: T, keep: ReadonlySet<string> = NONE): T {
  const deep = (v: unknown): unknown => {
    if (typeof v === 'string') return keep.has(v) ? v : maskPhonesInText(v);
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(deep);
    if (v instanceof Map) return new Map([...v].map(([k, x]) => [deep(k), deep(x)]));
    if (v instanceof Set) return new Set([...v].map(deep));
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return v;
    const out: Record<string, unknown> = proto === null ? Object.create(null) : {};
    for (const [k, x] of Object.entries(v)) out[k] = deep(x);
    return out;
  };
  return deep(value) as T;
}

const NONE: ReadonlySet<string> = new Set();

/** Every string in `value` (objects, arrays, Maps, Sets), for `maskPhonesDeep`'s `keep`. */
export function stringsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value) || value instanceof Set) for (const x of value) stringsIn(x, into);
  else if (value instanceof Map)
    for (const [k, x] of value) {
      stringsIn(k, into);
      stringsIn(x, into);
    }
  else if (value !== null && typeof value === 'object') for (const x of Object.values(value)) stringsIn(x, into);
  return into;
}

/** Every word (two or more letters in a row) masked like a name: `张丽 买 大米` -> `张* 买 大*`; digits, stars and punctuation kept. */
export function maskWords(text: string): string {
  return text.replace(/\p{L}{2,}/gu, (w) => maskName(w));
}

/**
 * Text that holds a phone: the phone masked and the words around it masked like a name, since a name usually
 * goes with it (`欧阳雪梅15210196789` -> `欧***152****6789`). Text without a phone is returned as it is.
 */
export function maskTextWithPhone(text: string): string {
  const masked = maskPhonesInText(text);
  return masked === text ? text : maskWords(masked);
}

/**
 * A reject reason with the cell text it quotes masked. A quoted value with a phone is masked with the words
 * around it (`unknown status "欧阳雪梅15210196789"` -> `"欧***152****6789"`). In a shifted row (a comma in a name or
 * an address moved every later cell) a quoted value without a digit where a date, an amount or a status was
 * expected is likely a name: masked like one (`unrecognised date "老史"` -> `"老*"`). Otherwise the quoted value
 * says what is wrong and is kept (`"2026-13-45"`, and `unknown status "已作废"`: the user adds the word to the
 * configuration).
 */
export function maskReason(reason: string, shifted: boolean): string {
  const quoted = reason.replace(/"([^"]*)"/g, (_all, q: string) => `"${shifted && !/\d/.test(q) ? maskName(q) : maskTextWithPhone(q)}"`);
  return maskPhonesInText(quoted);
}

export interface PersonalColumns {
  /** columns holding names, nicknames, addresses or notes: masked like a name */
  names: number[];
  /** columns holding phone numbers */
  phones: number[];
  /** how many columns the header has (a rejected row with another count is a shifted one); absent in older databases */
  width?: number;
}

const NAME_LIKE = /姓名|昵称|收货人|下单人|买家|购买人|地址|房号|楼号|备注|name|address|note/i;
const PHONE_LIKE = /电话|手机|phone|mobile|tel/i;

/**
 * Which columns of an export hold personal data: the mapped name, buyer and phone columns, and any
 * other header that reads like a name, an address, a note or a phone.
 */
export function personalColumns(headers: readonly string[], mapped: Partial<Record<string, number>>): PersonalColumns {
  const phones = new Set<number>();
  const names = new Set<number>();
  if (mapped.phone !== undefined) phones.add(mapped.phone);
  for (const f of ['member_name', 'buyer']) if (mapped[f] !== undefined) names.add(mapped[f]!);
  const used = new Set(Object.values(mapped));
  headers.forEach((h, i) => {
    if (used.has(i)) return;
    if (PHONE_LIKE.test(h)) phones.add(i);
    else if (NAME_LIKE.test(h)) names.add(i);
  });
  return { names: [...names].sort((a, b) => a - b), phones: [...phones].sort((a, b) => a - b), width: headers.length };
}

/** A record's cells with its personal columns masked, and any phone number left in other cells (with the words next to it). */
export function maskRecordCells(cells: readonly string[], p: Omit<PersonalColumns, 'width'>): string[] {
  return cells.map((c, i) => (p.phones.includes(i) ? maskPhone(c) : p.names.includes(i) ? maskName(c) : maskTextWithPhone(c)));
}
