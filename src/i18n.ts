/**
 * One message catalogue for everything a person reads. Chinese by default; English with --lang en
 * or TUAN_LANG=en. Machine formats (CSV, JSON, exit codes) do not depend on the language.
 */
import { cleanForPeople } from './core/shared/clean.js';

export type Lang = 'zh-CN' | 'en';

type Catalogue = Record<string, string>;

const zh: Catalogue = {};
const en: Catalogue = {};

/** Register messages: `{key: [zh, en]}`. Modules add their own keys next to the code that uses them. */
export function defineMessages<K extends string>(messages: Record<K, [string, string]>): (lang: Lang, key: K, vars?: Record<string, string | number>) => string {
  for (const [k, [z, e]] of Object.entries(messages) as [string, [string, string]][]) {
    zh[k] = z;
    en[k] = e;
  }
  return (lang, key, vars) => t(lang, key, vars);
}

export function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const text = (lang === 'en' ? en[key] : zh[key]) ?? en[key] ?? key;
  // Values can come from an export (ids, file names): cleaned of control and bidi characters.
  return text.replace(/\{(\w+)\}/g, (_, v: string) => (v in vars ? cleanForPeople(String(vars[v]), { lines: true }) : `{${v}}`));
}

export function parseLang(raw: string | undefined): Lang | null {
  if (raw === undefined || raw === '') return null;
  const s = raw.toLowerCase();
  if (s === 'en' || s.startsWith('en-') || s.startsWith('en_')) return 'en';
  if (s === 'zh' || s.startsWith('zh')) return 'zh-CN';
  return null;
}
