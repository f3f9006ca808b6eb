/**
 * Handlebars templates: finding them (a user directory overrides shipped files by name), and
 * rendering them in an isolated instance compiled with `strict: true`, prototype access disabled,
 * only the documented helpers, and no `log`. Any compile or render failure is a TemplateError (exit 5)
 * naming the template file and line. Templates cannot read files or run code.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { TemplateError, UsageError } from '../errors.js';
import type { Lang, Text } from '../i18n.js';
import { cleanForPeople } from '../core/shared/index.js';
import { HelperError, makeHelpers } from './template-helpers.js';

export const SHIPPED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

export interface TemplateFile {
  /** `plan`, `script-silent`, or `_task` for a partial (used as `{{> task}}`) */
  name: string;
  path: string;
  /** path for messages: templates/zh-CN/plan.hbs, or relative to the working directory */
  display: string;
  origin: 'shipped' | 'user';
}

export const LINT_HINT: Text = {
  zh: '运行 `tuan lint` 检查所有模板;`tuan lint --context 模板名` 列出模板能用的变量',
  en: 'run `tuan lint` to check every template; `tuan lint --context NAME` lists the variables a template receives',
};

function hbsFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.hbs'))
    .sort();
}

function displayOf(path: string, origin: 'shipped' | 'user', cwd: string): string {
  if (origin === 'shipped') return `templates/${relative(SHIPPED_DIR, path).split('\\').join('/')}`;
  const rel = relative(cwd, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** Check a user template directory given by flag or configuration. */
export function userTemplateDir(dir: string | undefined, cwd: string): string | null {
  if (dir === undefined || dir === '') return null;
  const abs = resolve(cwd, dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    throw new UsageError(
      { zh: `模板目录 ${dir} 不存在`, en: `template directory ${dir} does not exist` },
      {
        zh: '用 --templates 目录(或配置里的 templates_dir)指定一个放 .hbs 文件的目录',
        en: 'pass a directory of .hbs files with --templates DIR (or templates_dir in the configuration)',
      },
    );
  }
  return abs;
}

/** Files of one origin for a language: `<dir>/*.hbs`, then `<dir>/<lang>/*.hbs` (the latter wins). */
export function filesIn(dir: string, lang: Lang, origin: 'shipped' | 'user', cwd: string): Map<string, TemplateFile> {
  const out = new Map<string, TemplateFile>();
  const dirs = origin === 'shipped' ? [join(dir, lang)] : [dir, join(dir, lang)];
  for (const d of dirs) {
    for (const f of hbsFiles(d)) {
      const path = join(d, f);
      out.set(f.slice(0, -4), { name: f.slice(0, -4), path, display: displayOf(path, origin, cwd), origin });
    }
  }
  return out;
}

/** The templates in force for a language: shipped files, overridden by name by the user directory. */
export function templateFiles(lang: Lang, userDir: string | null, cwd: string): Map<string, TemplateFile> {
  const files = filesIn(SHIPPED_DIR, lang, 'shipped', cwd);
  if (userDir) for (const [k, v] of filesIn(userDir, lang, 'user', cwd)) files.set(k, v);
  return files;
}

export function readTemplate(f: TemplateFile): string {
  try {
    return readFileSync(f.path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new TemplateError({ zh: `无法读取模板 ${f.display}:${why}`, en: `cannot read template ${f.display}: ${why}` });
  }
}

type Tagged = Error & { tuanFile?: string; lineNumber?: number; loc?: { start: { line: number } } };

function tag(e: unknown, display: string): unknown {
  if (e instanceof Error && (e as Tagged).tuanFile === undefined) (e as Tagged).tuanFile = display;
  return e;
}

function cleanMessage(msg: string): string {
  const first = msg.replace(/ - \d+:\d+$/, '');
  let m = /^"(.+)" not defined in /.exec(first);
  if (m) return `unknown variable "${m[1]}"`;
  m = /unknown helper (\S+)/.exec(first);
  if (m) return `unknown helper "${m[1]}"`;
  m = /^The partial (\S+) could not be found/.exec(first);
  if (m) return `unknown partial "${m[1]}"`;
  m = /^Parse error on line \d+:[\s\S]*\n(Expecting [^\n]*)$/.exec(first);
  if (m) return `syntax error: ${m[1]}`;
  m = /^Cannot read propert(?:y|ies) of (?:undefined|null) \(reading '([^']+)'\)/.exec(first);
  if (m) return `unknown variable: the value before ".${m[1]}" is missing`;
  return first.split('\n')[0]!;
}

const at = (file: string, line: number | undefined) => (line === undefined ? file : `${file}:${line}`);

/** A compile or render failure: the message names the file and line; both are kept for `tuan lint`. */
export class TemplateRenderError extends TemplateError {
  constructor(
    readonly what: string,
    readonly file: string,
    readonly line: number | undefined,
  ) {
    super({ zh: `模板错误:${what}(${at(file, line)})`, en: `template error: ${what} (${at(file, line)})` }, LINT_HINT);
  }
}

/** Any error from compiling or rendering, as a TemplateError naming the file and line. */
export function templateError(e: unknown, display: string): TemplateError {
  if (e instanceof TemplateError) return e;
  const err = e as Tagged;
  const file = err.tuanFile ?? display;
  const line =
    e instanceof HelperError
      ? e.loc?.start.line
      : (err.lineNumber ?? (/on line (\d+)/.exec(err.message ?? '') ? Number(/on line (\d+)/.exec(err.message)![1]) : undefined));
  return new TemplateRenderError(cleanMessage(String(err.message ?? e)), file, line);
}

/** Builtins whose argument must exist (null is fine: it means "absent"). */
function strictBlocks(hb: typeof Handlebars): void {
  for (const name of ['each', 'with', 'if', 'unless']) {
    const builtin = hb.helpers[name]!;
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const o = args[args.length - 1] as { loc?: HelperError['loc'] };
      if (args.length > 1 && args[0] === undefined) throw new HelperError(`#${name} over a missing field (not in the context)`, o.loc);
      return (builtin as (...a: unknown[]) => unknown).apply(this, args);
    });
  }
}

export function compileOptions(helperNames: readonly string[]) {
  return {
    strict: true,
    noEscape: true,
    knownHelpersOnly: true,
    knownHelpers: { log: false, ...Object.fromEntries(helperNames.map((n) => [n, true])) },
  };
}

/** The partials a template calls (`{{> name}}`), with their lines, and the partials it defines inline. */
export function partialRefs(ast: unknown): { refs: { name: string; line: number }[]; inline: Set<string> } {
  const inline = new Set<string>();
  const refs: { name: string; line: number }[] = [];
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(visit);
    if (typeof n !== 'object' || n === null) return;
    const node = n as {
      type?: string;
      name?: { original?: unknown; type?: string };
      params?: { value?: unknown }[];
      loc?: { start: { line: number } };
    };
    if (node.type === 'DecoratorBlock' && typeof node.params?.[0]?.value === 'string') inline.add(node.params[0].value);
    if (
      (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') &&
      node.name?.type === 'PathExpression' &&
      typeof node.name.original === 'string'
    ) {
      refs.push({ name: node.name.original, line: node.loc?.start.line ?? 0 });
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'loc' && typeof v === 'object') visit(v);
  };
  visit(ast);
  return { refs, inline };
}

/** The first `{{> name}}` whose partial neither exists as a file nor is defined inline, with its line. */
export function missingPartial(ast: unknown, exists: (name: string) => boolean): { name: string; line: number } | null {
  const { refs, inline } = partialRefs(ast);
  return refs.find((r) => !inline.has(r.name) && !exists(r.name)) ?? null;
}

/** An isolated Handlebars instance with the documented helpers and no `log`. */
export function createEngine(lang: Lang, unmask: boolean): typeof Handlebars {
  const hb = Handlebars.create();
  hb.logger.level = 'silent' as unknown as number; // never print denied prototype lookups to the console
  hb.unregisterHelper('log');
  strictBlocks(hb);
  for (const [name, fn] of Object.entries(makeHelpers(lang, unmask))) hb.registerHelper(name, fn);
  return hb;
}

export const RUNTIME = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } as const;

/** The templates in force for one language, compiled on first use. */
export class Templates {
  private readonly hb: typeof Handlebars;
  private readonly compiled = new Map<string, HandlebarsTemplateDelegate>();
  private readonly options: ReturnType<typeof compileOptions>;

  constructor(
    readonly files: Map<string, TemplateFile>,
    readonly lang: Lang,
    unmask: boolean,
  ) {
    this.hb = createEngine(lang, unmask);
    this.options = compileOptions(Object.keys(this.hb.helpers));
    for (const f of files.values()) if (f.name.startsWith('_')) this.registerPartial(f);
  }

  private compile(f: TemplateFile): HandlebarsTemplateDelegate {
    let fn = this.compiled.get(f.name);
    if (!fn) {
      try {
        const ast = this.hb.parse(readTemplate(f));
        const missing = missingPartial(ast, (n) => this.files.has(`_${n}`));
        if (missing) throw new TemplateRenderError(`unknown partial "${missing.name}"`, f.display, missing.line);
        fn = this.hb.compile(ast, this.options);
      } catch (e) {
        throw templateError(e, f.display);
      }
      this.compiled.set(f.name, fn);
    }
    return fn;
  }

  private registerPartial(f: TemplateFile): void {
    const partial = (ctx: unknown, opts: Handlebars.RuntimeOptions) => {
      try {
        return this.compile(f)(ctx, opts);
      } catch (e) {
        throw tag(e, f.display);
      }
    };
    this.hb.registerPartial(f.name.slice(1), partial as unknown as Handlebars.Template);
  }

  has(name: string): boolean {
    return this.files.has(name);
  }

  file(name: string): TemplateFile {
    const f = this.files.get(name);
    if (!f)
      throw new TemplateError(
        { zh: `找不到模板 "${name}"`, en: `template "${name}" not found` },
        { zh: `自带的模板在 ${SHIPPED_DIR}`, en: `shipped templates live in ${SHIPPED_DIR}` },
      );
    return f;
  }

  render(name: string, context: unknown): string {
    const f = this.file(name);
    const fn = this.compile(f);
    let out: string;
    try {
      out = fn(context, RUNTIME);
    } catch (e) {
      throw templateError(e, f.display);
    }
    // Rendered text is for people: no control or bidi character from an export reaches it (core/shared/clean.ts).
    return cleanForPeople(out, { lines: true });
  }
}
