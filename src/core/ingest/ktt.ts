/**
 * 快团团 (KuaiTuanTuan) specifics: the 商品 cell holds one or more `名称(规格)+数量` items,
 * one per line of the cell; 收货人 may read `名字[4365]`.
 */

export interface KttItem {
  product: string;
  quantity: number;
}

// `+N` is the quantity; `×N`/`xN`/`*N` only right after the 规格 bracket (`香蕉(5斤)×2`):
// `纯牛奶 250ml*24` is a pack size, not 24 items. `s`: a U+2028/U+2029 inside a name is part of it.
const ITEM_RE = /^(.*?[^\s])\s*(?:[+＋]|(?<=[)）])\s*[xX×*])\s*(\d+)\s*$/s;

/** Split a 商品 cell into items. An item without `+N` counts as quantity 1. */
export function splitKttItems(cell: string): KttItem[] {
  return cell
    .split(/\r\n?|\n|；|;/) // a lone CR too (a cell saved with classic Mac line endings)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const m = ITEM_RE.exec(s);
      return m?.[1] ? { product: m[1].trim(), quantity: Number(m[2]) } : { product: s, quantity: 1 };
    });
}

/** `名字[4365]` -> `名字`. */
export function stripNameSuffix(name: string): string {
  if (name === '') return '';
  return name.replace(/\s*[[【(（]\s*\d+\s*[\]】)）]\s*$/, '').trim();
}

/** Last four digits of a phone, masked (`138****5678`) or not; '' when there are fewer than four. */
export function phoneLast4(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : '';
}
