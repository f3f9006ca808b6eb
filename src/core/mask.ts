/** Personal data masking (SPEC §8): every output masks names and phones unless --unmask. */

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

/** Mask every mainland mobile number inside free text (rejected rows' raw text). */
export function maskPhonesInText(text: string): string {
  return text.replace(/(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g, '$1****$3');
}
