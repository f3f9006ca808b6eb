/**
 * Personal data masking (SPEC §8): every output masks names and phones unless --unmask.
 *
 * Where masking happens: in ONE layer, the api layer (src/api), right before the data reaches render.
 * src/api/common.ts `maskContacts` (member names and phones, also via `readContacts`) and `maskLeaders` (leader
 * names), api/activity.ts (the leader of a kit, script or plan) and api/rejects.ts (rejected rows' raw text) call the
 * functions below as the data is read; core computes and render prints what it is given, neither masks.
 * (Two exceptions by design: the `{{mask}}` template helper, which masks what a template asks for and is
 * idempotent on masked text, and `tuan init`'s preview of a sample row, which has no api function.)
 */

/** `13812345678` -> `138****5678`; already-masked or short values keep only their last 4 digits visible. */
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

/** Mask every mainland mobile number inside free text (rejected rows' raw text). */
export function maskPhonesInText(text: string): string {
  return text.replace(/(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g, '$1****$3');
}

export interface PersonalColumns {
  /** columns holding names, nicknames, addresses or notes: masked like a name */
  names: number[];
  /** columns holding phone numbers */
  phones: number[];
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
  return { names: [...names].sort((a, b) => a - b), phones: [...phones].sort((a, b) => a - b) };
}

/** A record's cells with its personal columns masked, and any phone number left in other cells. */
export function maskRecordCells(cells: readonly string[], p: PersonalColumns): string[] {
  return cells.map((c, i) => (p.phones.includes(i) ? maskPhone(c) : p.names.includes(i) ? maskName(c) : maskPhonesInText(c)));
}
