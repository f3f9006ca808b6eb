/**
 * Static check of a parsed Handlebars template against its documented context: every variable must
 * exist (following #each/#with scopes, block params, ../ and @root), every helper must be documented,
 * every partial must exist; a per-day section must not reach member lists from outside its day (that
 * would contact the same members, silent ones included, every day). Pure: works on the AST objects.
 */
import type { ContextField, ObjectField } from './context-schema.js';

/* Minimal shapes of the Handlebars AST nodes used here. */
interface Loc {
  start: { line: number };
}
export interface Node {
  type: string;
  loc?: Loc;
}
interface PathNode extends Node {
  type: 'PathExpression';
  data: boolean;
  depth: number;
  parts: string[];
  original: string;
}
interface Program extends Node {
  body: Node[];
  blockParams?: string[];
}
interface Call extends Node {
  path: Node;
  params: Node[];
  hash?: { pairs: { key: string; value: Node }[] };
}
interface Block extends Call {
  program?: Program;
  inverse?: Program;
}
interface Partial extends Node {
  name: Node;
  params: Node[];
  hash?: Call['hash'];
  program?: Program;
}

export interface WalkIssue {
  file: string;
  line: number;
  rule: 'unknown-variable' | 'unknown-helper' | 'unknown-partial' | 'prints-object' | 'silent-frequency';
  /** the variable, helper or partial */
  subject: string;
  /** e.g. `block` for a helper used as a block, `list`/`object` for prints-object, `each-only` for @index outside #each */
  detail?: string;
}

export interface PartialSource {
  ast: Node;
  file: string;
}

export interface WalkEnv {
  helpers: ReadonlySet<string>;
  partials: ReadonlyMap<string, PartialSource>;
}

interface Scope {
  field: ContextField | null;
  parent: Scope | null;
  params: Map<string, ContextField | null>;
  inEach: boolean;
  /** inside a per-day section */
  perDay: boolean;
}

const BUILTIN_BLOCKS = new Set(['each', 'with', 'if', 'unless']);
const EACH_DATA = new Set(['index', 'first', 'last', 'key']);

class Walker {
  readonly issues: WalkIssue[] = [];
  private depth = 0;
  private readonly inline = new Map<string, Program>();

  constructor(
    private readonly env: WalkEnv,
    private readonly root: ContextField | null,
  ) {}

  report(file: string, node: Node, rule: WalkIssue['rule'], subject: string, detail?: string): void {
    this.issues.push({ file, line: node.loc?.start.line ?? 0, rule, subject, ...(detail ? { detail } : {}) });
  }

  program(p: Program | undefined, scope: Scope, file: string): void {
    for (const n of p?.body ?? []) this.statement(n, scope, file);
  }

  private statement(n: Node, scope: Scope, file: string): void {
    switch (n.type) {
      case 'MustacheStatement':
        return this.mustache(n as Call, scope, file);
      case 'BlockStatement':
        return this.block(n as Block, scope, file);
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return this.partial(n as Partial, scope, file);
      case 'DecoratorBlock': {
        const d = n as Block;
        const name = d.params[0] as Node & { value?: string };
        if (typeof name?.value === 'string' && d.program) this.inline.set(name.value, d.program);
        return;
      }
      default:
        return;
    }
  }

  /** Resolve an expression; returns its field (null when unknown or not a path). */
  expr(n: Node, scope: Scope, file: string): ContextField | null {
    if (n.type === 'SubExpression') {
      this.call(n as Call, scope, file, true);
      return null;
    }
    if (n.type !== 'PathExpression') return null;
    return this.path(n as PathNode, scope, file);
  }

  private call(c: Call, scope: Scope, file: string, mustBeHelper: boolean): void {
    const name = (c.path as PathNode).original;
    if (c.path.type === 'PathExpression' && !this.env.helpers.has(name)) {
      if (mustBeHelper) this.report(file, c, 'unknown-helper', name);
    }
    for (const p of c.params) this.expr(p, scope, file);
    for (const h of c.hash?.pairs ?? []) this.expr(h.value, scope, file);
  }

  private mustache(c: Call, scope: Scope, file: string): void {
    const isCall = c.params.length > 0 || (c.hash?.pairs.length ?? 0) > 0;
    const name = c.path.type === 'PathExpression' ? (c.path as PathNode).original : '';
    if (isCall || this.env.helpers.has(name)) return this.call(c, scope, file, true);
    const f = this.expr(c.path, scope, file);
    if (f && f !== ANY && (f.kind === 'object' || f.kind === 'list')) this.report(file, c, 'prints-object', name, f.kind);
  }

  private child(scope: Scope, field: ContextField | null, params: string[] = [], each = false, perDay = false): Scope {
    const map = new Map<string, ContextField | null>();
    if (params[0]) map.set(params[0], field);
    if (params[1]) map.set(params[1], { kind: 'number', doc: 'index' });
    return { field, parent: scope, params: map, inEach: scope.inEach || each, perDay: scope.perDay || perDay };
  }

  private block(b: Block, scope: Scope, file: string): void {
    const name = b.path.type === 'PathExpression' ? (b.path as PathNode).original : '';
    const bp = b.program?.blockParams ?? [];
    if (BUILTIN_BLOCKS.has(name)) {
      const f = b.params[0] ? this.expr(b.params[0], scope, file) : null;
      for (const h of b.hash?.pairs ?? []) this.expr(h.value, scope, file);
      let inner: Scope = scope;
      if (name === 'each')
        inner = f?.kind === 'list' ? this.child(scope, f.of, bp, true, f.tag === 'per_day') : this.child(scope, null, bp, true);
      if (name === 'with') inner = this.child(scope, f, bp);
      this.program(b.program, inner, file);
      this.program(b.inverse, scope, file);
      return;
    }
    if (b.params.length > 0 || this.env.helpers.has(name)) {
      this.report(file, b, 'unknown-helper', name, 'block');
      this.call(b, scope, file, false);
      return;
    }
    const f = this.expr(b.path, scope, file);
    const inner =
      f?.kind === 'list' ? this.child(scope, f.of, bp, true, f.tag === 'per_day') : f?.kind === 'object' ? this.child(scope, f, bp) : scope;
    this.program(b.program, inner, file);
    this.program(b.inverse, scope, file);
  }

  private partial(p: Partial, scope: Scope, file: string): void {
    const name = p.name.type === 'PathExpression' ? (p.name as PathNode).original : (p.name as Node & { value?: unknown }).value;
    if (typeof name !== 'string') return;
    let field: ContextField | null = p.params[0] ? this.expr(p.params[0], scope, file) : scope.field;
    const pairs = p.hash?.pairs ?? [];
    if (pairs.length > 0 && field !== null) {
      const base = field.kind === 'object' ? field.fields : {};
      const extra = Object.fromEntries(
        pairs.map((h) => [h.key, h.value.type.endsWith('Literal') ? LITERAL : (this.expr(h.value, scope, file) ?? ANY)]),
      );
      field = { kind: 'object', doc: 'partial context', fields: { ...base, ...extra } };
    }
    const inner: Scope = { ...scope, field, params: new Map(scope.params) };
    const inline = this.inline.get(name);
    const src = this.env.partials.get(name);
    if (!inline && !src) return this.report(file, p, 'unknown-partial', name);
    if (this.depth > 8) return;
    this.depth++;
    if (inline) this.program(inline, inner, file);
    else this.program(src!.ast as Program, inner, src!.file);
    this.depth--;
    if (p.program) this.program(p.program, scope, file);
  }

  private path(n: PathNode, scope: Scope, file: string): ContextField | null {
    if (n.data) return this.dataPath(n, scope, file);
    let base: Scope | null = scope;
    for (let i = 0; i < n.depth && base; i++) base = base.parent;
    if (!base) return this.unknown(file, n);
    let parts = n.parts;
    let field: ContextField | null = base.field;
    let owner: Scope = base;
    if (n.depth === 0 && parts.length > 0) {
      for (let s: Scope | null = scope; s; s = s.parent) {
        if (s.params.has(parts[0]!)) {
          field = s.params.get(parts[0]!) ?? null;
          parts = parts.slice(1);
          owner = s;
          break;
        }
      }
    }
    return this.descend(field, parts, n, file, scope.perDay && !owner.perDay);
  }

  private dataPath(n: PathNode, scope: Scope, file: string): ContextField | null {
    const [head, ...rest] = n.parts;
    if (head === 'root') return this.descend(this.root, rest, n, file, scope.perDay);
    if (head !== undefined && EACH_DATA.has(head) && scope.inEach && rest.length === 0) return { kind: 'number', doc: head };
    this.report(file, n, 'unknown-variable', n.original, scope.inEach ? undefined : 'each-only');
    return null;
  }

  /** Walk the parts through the schema; `outside`: the path starts above the per-day section. */
  private descend(field: ContextField | null, parts: readonly string[], n: PathNode, file: string, outside: boolean): ContextField | null {
    let f = field;
    for (const part of parts) {
      if (f === null || f === ANY) return f;
      if (f.kind === 'list' && part === 'length') return { kind: 'number', doc: 'length' };
      if (f.kind === 'list' && /^\d+$/.test(part)) {
        f = f.of;
        continue;
      }
      if (f.kind !== 'object' || !Object.hasOwn(f.fields, part)) return this.unknown(file, n); // own keys: `leader.constructor` is unknown
      f = f.fields[part]!;
      if (outside && f.kind === 'list' && (f.tag === 'audience' || f.tag === 'per_day')) {
        this.report(file, n, 'silent-frequency', n.original, 'per-day');
      }
    }
    return f;
  }

  private unknown(file: string, n: PathNode): null {
    this.report(file, n, 'unknown-variable', n.original);
    return null;
  }
}

/** A field that accepts anything (partial hash values of unknown type). */
const ANY: ContextField = { kind: 'object', doc: 'any', fields: {} };
/** A literal passed as a partial hash value. */
const LITERAL: ContextField = { kind: 'string', doc: 'literal' };

/** Check a template AST against its context (null: unknown context, variables are not checked). */
export function walkTemplate(ast: Node, file: string, context: ObjectField | null, env: WalkEnv): WalkIssue[] {
  const w = new Walker(env, context);
  w.program(ast as Program, { field: context, parent: null, params: new Map(), inEach: false, perDay: false }, file);
  const seen = new Set<string>();
  return w.issues.filter((i) => {
    const k = `${i.file}:${i.line}:${i.rule}:${i.subject}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
