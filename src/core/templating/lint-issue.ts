/** What `tuan lint` finds (types only): one issue per problem, and the files it checked. */
import type { Lang } from '../../i18n.js';

export type LintRule =
  | 'syntax'
  | 'unknown-variable'
  | 'unknown-helper'
  | 'unknown-partial'
  | 'prints-object'
  | 'render'
  | 'absolute-term'
  | 'silent-frequency'
  | 'unused-file';

export interface LintIssue {
  file: string;
  /** 0 when the problem is the whole file */
  line: number;
  rule: LintRule;
  /** the variable, helper, partial, term, file name or error text */
  subject: string;
  /** the words around a term; `block`, `list`, `object`, `each-only`, `per-day` for some rules */
  detail?: string;
}

export interface LintResult {
  checked: { file: string; origin: 'shipped' | 'user'; lang: Lang }[];
  issues: LintIssue[];
}
