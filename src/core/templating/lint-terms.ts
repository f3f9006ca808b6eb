/**
 * Wording checks of `tuan lint`: Advertising-Law absolute claims (广告法 第九条: 最, 第一, 唯一, 国家级,
 * 顶级, 100%, 绝对 …, the list in the configuration) and high-frequency wording in messages to silent
 * members (red line §4.3). Pure: text in, matches with their offsets out.
 */

export interface TermHit {
  term: string;
  /** the word around the hit, for the message */
  excerpt: string;
  index: number;
}

const isAscii = (s: string) => /^[\x20-\x7e]+$/.test(s);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function occurrences(text: string, term: string): number[] {
  const out: number[] = [];
  if (isAscii(term)) {
    // whole words: no letter or digit may continue a term that starts or ends with one (#1f2937 is a colour, not "#1")
    const before = /^[A-Za-z0-9]/.test(term) ? '(?<![A-Za-z0-9])' : '';
    const after = /[A-Za-z0-9]$/.test(term) ? '(?![A-Za-z0-9])' : '';
    const re = new RegExp(`${before}${escapeRe(term)}${after}`, 'gi');
    for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
    return out;
  }
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) out.push(i);
  return out;
}

/** Spans of the allowed words (最近, 第一次 …) inside the text. */
function allowedSpans(text: string, allowed: readonly string[]): [number, number][] {
  return allowed.flatMap((w) => occurrences(text, w).map((i) => [i, i + w.length] as [number, number]));
}

/** Absolute terms in a text, except inside an allowed word; in text order. */
export function findTerms(text: string, terms: readonly string[], allowed: readonly string[]): TermHit[] {
  const spans = allowedSpans(text, allowed);
  const hits: TermHit[] = [];
  for (const term of terms) {
    for (const i of occurrences(text, term)) {
      if (spans.some(([a, b]) => i >= a && i + term.length <= b)) continue;
      hits.push({
        term,
        index: i,
        excerpt: text
          .slice(Math.max(0, i - 4), i + term.length + 4)
          .replace(/\s+/g, ' ')
          .trim(),
      });
    }
  }
  return hits.sort((a, b) => a.index - b.index || a.term.localeCompare(b.term));
}

/** Wording that promises or implies frequent pushes; not allowed in messages to silent members. */
export const FREQUENCY_WORDS: readonly string[] = [
  '每天',
  '每日',
  '天天',
  '每晚',
  '日日',
  '每小时',
  'every day',
  'daily',
  'every night',
  'every hour',
];

/** 1-based line of an offset, given the line the text starts on. */
export function lineAt(text: string, index: number, startLine: number): number {
  let n = startLine;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
