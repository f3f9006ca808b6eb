/**
 * `tuan lint`: every shipped and user template, in both languages, is parsed, checked against its
 * documented context (core/templating/lint-walk.ts), scanned for Advertising-Law absolute terms and red-line
 * wording (core/templating/lint-terms.ts) and rendered once with a sample of its context.
 */
import type { ActivitiesConfig, LintConfig } from '../activities-config.js';
import { configTexts } from '../core/activities/index.js';
import { sampleOf } from '../core/templating/index.js';
import { FREQUENCY_WORDS, findTerms, lineAt } from '../core/templating/index.js';
import { walkTemplate, type Node, type PartialSource } from '../core/templating/index.js';
import { ACTIVITY_TEMPLATES, contextOf, TEMPLATE_NAMES } from '../core/templating/index.js';
import type { Lang } from '../i18n.js';
import type { LintIssue, LintResult } from '../core/templating/index.js';
import {
  createEngine,
  filesIn,
  partialRefs,
  LANGS,
  readTemplate,
  SHIPPED_DIR,
  templateError,
  Templates,
  TemplateRenderError,
  type TemplateFile,
} from './templates.js';

export type { LintIssue, LintResult };

interface Parsed {
  f: TemplateFile;
  ast: Node | null;
}

/** Promotional templates (what members read or leaders post): kits, scripts except the complaint reply, the plan. */
const PROMOTIONAL = new Set(ACTIVITY_TEMPLATES.filter((n) => n !== 'script-complaint'));
/** Messages that go to silent members. */
const TO_SILENT = new Set(['script-silent']);

function parse(f: TemplateFile, issues: LintIssue[]): Parsed {
  try {
    return { f, ast: createEngine('zh-CN', false).parse(readTemplate(f)) as unknown as Node };
  } catch (e) {
    const err = templateError(e, f.display);
    issues.push({
      file: f.display,
      line: err instanceof TemplateRenderError ? (err.line ?? 0) : 0,
      rule: 'syntax',
      subject: err instanceof TemplateRenderError ? err.what : err.message,
    });
    return { f, ast: null };
  }
}

/** Text a person will read: content and string literals, never comments. */
function texts(node: unknown, out: { text: string; line: number }[] = []): { text: string; line: number }[] {
  if (Array.isArray(node)) {
    for (const n of node) texts(n, out);
    return out;
  }
  if (typeof node !== 'object' || node === null) return out;
  const n = node as { type?: string; original?: unknown; value?: unknown; loc?: { start: { line: number } } };
  if (n.type === 'CommentStatement') return out;
  if (n.type === 'ContentStatement' && typeof n.original === 'string') out.push({ text: n.original, line: n.loc?.start.line ?? 1 });
  else if (n.type === 'StringLiteral' && typeof n.value === 'string') out.push({ text: n.value, line: n.loc?.start.line ?? 1 });
  for (const [k, v] of Object.entries(n)) if (k !== 'loc' && typeof v === 'object') texts(v, out);
  return out;
}

/** Promotional templates of a set and every partial they reach. */
function promotional(parsed: Map<string, Parsed>): Set<string> {
  const out = new Set<string>();
  const visit = (name: string) => {
    if (out.has(name)) return;
    out.add(name);
    const ast = parsed.get(name)?.ast;
    if (ast) for (const r of partialRefs(ast).refs) if (parsed.has(`_${r.name}`)) visit(`_${r.name}`);
  };
  for (const name of parsed.keys()) if (PROMOTIONAL.has(name)) visit(name);
  return out;
}

function wording(p: Parsed, lint: LintConfig, promo: boolean): LintIssue[] {
  if (!p.ast) return [];
  const name = p.f.name;
  const out: LintIssue[] = [];
  for (const t of texts(p.ast)) {
    if (promo) {
      for (const h of findTerms(t.text, lint.absolute_terms, lint.allowed_words)) {
        out.push({ file: p.f.display, line: lineAt(t.text, h.index, t.line), rule: 'absolute-term', subject: h.term, detail: h.excerpt });
      }
    }
    if (TO_SILENT.has(name)) {
      for (const h of findTerms(t.text, FREQUENCY_WORDS, [])) {
        out.push({
          file: p.f.display,
          line: lineAt(t.text, h.index, t.line),
          rule: 'silent-frequency',
          subject: h.term,
          detail: h.excerpt,
        });
      }
    }
  }
  return out;
}

function renderSample(set: Map<string, TemplateFile>, f: TemplateFile, lang: Lang): LintIssue[] {
  const ctx = contextOf(f.name);
  if (!ctx) return [];
  try {
    new Templates(set, lang, false).render(f.name, sampleOf(ctx));
    return [];
  } catch (e) {
    const err = templateError(e, f.display);
    return err instanceof TemplateRenderError ? [{ file: err.file, line: err.line ?? 0, rule: 'render', subject: err.what }] : [];
  }
}

function lintSet(
  set: Map<string, TemplateFile>,
  only: 'shipped' | 'user',
  lang: Lang,
  lint: LintConfig,
  helpers: Set<string>,
): LintIssue[] {
  const issues: LintIssue[] = [];
  const parsed = new Map([...set.values()].map((f) => [f.name, parse(f, f.origin === only ? issues : [])] as const));
  const partials = new Map<string, PartialSource>();
  for (const p of parsed.values())
    if (p.f.name.startsWith('_') && p.ast) partials.set(p.f.name.slice(1), { ast: p.ast, file: p.f.display });
  const promo = promotional(parsed);
  for (const p of parsed.values()) {
    if (p.f.origin !== only) continue;
    const isPartial = p.f.name.startsWith('_');
    if (!isPartial && !TEMPLATE_NAMES.includes(p.f.name)) {
      issues.push({ file: p.f.display, line: 0, rule: 'unused-file', subject: `${p.f.name}.hbs` });
    }
    issues.push(...wording(p, lint, promo.has(p.f.name)));
    if (!p.ast) continue;
    const walked = walkTemplate(p.ast, p.f.display, isPartial ? null : contextOf(p.f.name), { helpers, partials });
    issues.push(...walked);
    if (!isPartial && walked.length === 0) issues.push(...renderSample(set, p.f, lang));
  }
  return issues;
}

export function lintTemplates(o: { userDir: string | null; cwd: string; lint: LintConfig; activities: ActivitiesConfig }): LintResult {
  const helpers = new Set(Object.keys(createEngine('zh-CN', false).helpers));
  const checked: LintResult['checked'] = [];
  const issues: LintIssue[] = [];
  for (const lang of LANGS) {
    const shipped = filesIn(SHIPPED_DIR, lang, 'shipped', o.cwd);
    const user = o.userDir ? filesIn(o.userDir, lang, 'user', o.cwd) : new Map<string, TemplateFile>();
    const effective = new Map([...shipped, ...user]);
    for (const f of shipped.values()) checked.push({ file: f.display, origin: 'shipped', lang });
    for (const f of user.values()) checked.push({ file: f.display, origin: 'user', lang });
    issues.push(...lintSet(shipped, 'shipped', lang, o.lint, helpers));
    if (user.size > 0) issues.push(...lintSet(effective, 'user', lang, o.lint, helpers));
  }
  for (const t of configTexts(o.activities)) {
    for (const h of findTerms(t.text, o.lint.absolute_terms, o.lint.allowed_words)) {
      issues.push({ file: `config: ${t.path}`, line: 0, rule: 'absolute-term', subject: h.term, detail: h.excerpt });
    }
  }
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const k = `${i.file}\u0000${i.line}\u0000${i.rule}\u0000${i.subject}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
  const uniqueChecked = [...new Map(checked.map((c) => [c.file, c])).values()];
  return {
    checked: uniqueChecked,
    issues: unique.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule)),
  };
}
