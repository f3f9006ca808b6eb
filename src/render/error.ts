import type { TuanError } from '../errors.js';
import { pick, type Lang, type Text } from '../i18n.js';

/** The label of a hint line. */
export const HINT: Text = { zh: '提示', en: 'hint' };

/** A user error as printed on stderr: `tuan: <what>` and, when there is one, `提示:/hint: <what to do>`. */
export function errorText(e: TuanError, lang: Lang): string {
  const t = e.text(lang);
  return `tuan: ${t.message}\n${t.hint ? `${pick(lang, HINT)}: ${t.hint}\n` : ''}`;
}
