import type { TuanError } from '../errors.js';
import { cleanForPeople } from '../core/shared/index.js';
import { pick, type Lang, type Text } from '../i18n.js';

/** The label of a hint line. */
export const HINT: Text = { zh: '提示', en: 'hint' };

/**
 * A user error as printed on stderr: `tuan: <what>` and, when there is one, `提示:/hint: <what to do>`.
 * A message can quote a file name, an id or a cell: cleaned of control and bidi characters like every output.
 */
export function errorText(e: TuanError, lang: Lang): string {
  const t = e.text(lang);
  const clean = (s: string) => cleanForPeople(s, { lines: true });
  return `tuan: ${clean(t.message)}\n${t.hint ? `${pick(lang, HINT)}: ${clean(t.hint)}\n` : ''}`;
}
