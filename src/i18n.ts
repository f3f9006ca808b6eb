/**
 * The one message mechanism for everything a person reads. Chinese by default; English with --lang en
 * or TUAN_LANG=en. Machine formats (CSV, JSON, exit codes) do not depend on the language.
 *
 * A message is a `Text`, both languages at once. Catalogues made with `defineMessages` give a `Text`
 * (`m.text(key)`) or one language of it (`m(lang, key)`); errors carry a `Text` and cli.ts picks the
 * language when it prints. The language itself is chosen once, by `resolveLang` in config.ts.
 */
import { cleanForPeople } from './core/shared/index.js';

export type Lang = 'zh-CN' | 'en';

/** A message for people, in both languages. */
export interface Text {
  zh: string;
  en: string;
}

/** The text in a language. */
export const pick = (lang: Lang, text: Text): string => (lang === 'en' ? text.en : text.zh);

/** `say(zh, en)`: the text in the language of this run (help texts, written where both are side by side). */
export type Say = (zh: string, en: string) => string;
export const sayIn =
  (lang: Lang): Say =>
  (zh, en) =>
    pick(lang, { zh, en });

type Catalogue = Record<string, string>;
type Vars = Record<string, string | number>;

const zh: Catalogue = {};
const en: Catalogue = {};

export interface Messages<K extends string> {
  /** the message in a language */
  (lang: Lang, key: K, vars?: Vars): string;
  /** the message in both languages (for errors, which cli.ts prints in the language of the run) */
  text(key: K, vars?: Vars): Text;
}

/** Register messages: `{key: [zh, en]}`. Modules add their own keys next to the code that uses them. */
export function defineMessages<K extends string>(messages: Record<K, [string, string]>): Messages<K> {
  for (const [k, [z, e]] of Object.entries(messages) as [string, [string, string]][]) {
    zh[k] = z;
    en[k] = e;
  }
  const m = (lang: Lang, key: K, vars?: Vars) => t(lang, key, vars);
  return Object.assign(m, { text: (key: K, vars?: Vars): Text => ({ zh: t('zh-CN', key, vars), en: t('en', key, vars) }) });
}

export function t(lang: Lang, key: string, vars: Vars = {}): string {
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
