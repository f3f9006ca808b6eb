/**
 * A tiny schema language for the documented template contexts: what each template receives.
 * `tuan lint` checks variables against it, the README and template headers are written from it,
 * sample contexts are generated from it, and tests check that the real contexts conform to it.
 */

export type Scalar = 'string' | 'number' | 'boolean' | 'fen' | 'bp' | 'date';

/** `per_day`: a list rendered once per day of the week; `audience`: lists of members to contact. */
export type Tag = 'per_day' | 'audience';

export type ContextField =
  | { kind: Scalar; doc: string; nullable?: boolean; example?: string | number | boolean }
  | { kind: 'object'; doc: string; fields: Record<string, ContextField>; nullable?: boolean }
  | { kind: 'list'; doc: string; of: ContextField; tag?: Tag };

export type ObjectField = Extract<ContextField, { kind: 'object' }>;

export const str = (doc: string, example?: string): ContextField => ({ kind: 'string', doc, example });
export const num = (doc: string, example?: number): ContextField => ({ kind: 'number', doc, example });
export const bool = (doc: string, example?: boolean): ContextField => ({ kind: 'boolean', doc, example });
export const fen = (doc: string): ContextField => ({ kind: 'fen', doc });
export const bp = (doc: string): ContextField => ({ kind: 'bp', doc });
export const date = (doc: string): ContextField => ({ kind: 'date', doc });
export const obj = (doc: string, fields: Record<string, ContextField>): ObjectField => ({ kind: 'object', doc, fields });
export const list = (doc: string, of: ContextField, tag?: Tag): ContextField => ({ kind: 'list', doc, of, tag });
export const nullable = <F extends ContextField>(f: F): F => ({ ...f, nullable: true });

const UNIT: Record<Scalar, string> = {
  string: 'text',
  number: 'number',
  boolean: 'true/false',
  fen: 'money in fen, print with {{yuan …}}',
  bp: 'rate in basis points, print with {{pct …}}',
  date: 'YYYY-MM-DD, print with {{date …}}',
};

/** One line per path: `member.spend_fen  money in fen …: what it is`. */
export function describeFields(f: ObjectField, prefix = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(f.fields)) {
    const path = prefix + k;
    const opt = 'nullable' in v && v.nullable ? ', may be null' : '';
    if (v.kind === 'object') {
      out.push(`${path}${opt ? ` (may be null)` : ''}: ${v.doc}`);
      out.push(...describeFields(v, `${path}.`));
    } else if (v.kind === 'list') {
      out.push(`${path}[]: ${v.doc}`);
      if (v.of.kind === 'object') out.push(...describeFields(v.of, `${path}[].`));
    } else {
      out.push(`${path} (${UNIT[v.kind]}${opt}): ${v.doc}`);
    }
  }
  return out;
}

const SAMPLE: Record<Scalar, string | number | boolean> = {
  string: 'x',
  number: 3,
  boolean: true,
  fen: 1230,
  bp: 2500,
  date: '2026-11-03',
};

/** A context that conforms to the schema: lists hold two elements, nullable values are present. */
export function sampleOf(f: ContextField): unknown {
  if (f.kind === 'object') return Object.fromEntries(Object.entries(f.fields).map(([k, v]) => [k, sampleOf(v)]));
  if (f.kind === 'list') return [sampleOf(f.of), sampleOf(f.of)];
  return f.example ?? SAMPLE[f.kind];
}

function typeOk(kind: Scalar, v: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'fen':
    case 'bp':
      return Number.isSafeInteger(v);
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
  }
}

/** Differences between a value and the schema (missing or extra keys, wrong types), with paths. */
export function conformance(f: ContextField, v: unknown, path = '(root)'): string[] {
  if (v === null) return 'nullable' in f && f.nullable ? [] : [`${path}: null but not nullable`];
  if (f.kind === 'list') {
    if (!Array.isArray(v)) return [`${path}: expected a list`];
    return v.flatMap((x, i) => conformance(f.of, x, `${path}[${i}]`));
  }
  if (f.kind === 'object') {
    if (typeof v !== 'object' || v === undefined || Array.isArray(v)) return [`${path}: expected an object`];
    const rec = v as Record<string, unknown>;
    const extra = Object.keys(rec)
      .filter((k) => !(k in f.fields))
      .map((k) => `${path}.${k}: not documented`);
    const inner = Object.entries(f.fields).flatMap(([k, sub]) =>
      k in rec ? conformance(sub, rec[k], `${path}.${k}`) : [`${path}.${k}: missing`],
    );
    return [...extra, ...inner];
  }
  return typeOk(f.kind, v) ? [] : [`${path}: expected ${f.kind}, got ${JSON.stringify(v)}`];
}

/** The context in one compact line per top-level key, `member{id, name, last_order{date, products[]}}`. */
export function compactOf(f: ObjectField): string[] {
  const one = (k: string, v: ContextField): string => {
    if (v.kind === 'object')
      return `${k}{${Object.entries(v.fields)
        .map(([a, b]) => one(a, b))
        .join(', ')}}`;
    if (v.kind === 'list')
      return v.of.kind === 'object'
        ? `${k}[]{${Object.entries(v.of.fields)
            .map(([a, b]) => one(a, b))
            .join(', ')}}`
        : `${k}[]`;
    return k;
  };
  return Object.entries(f.fields).map(([k, v]) => one(k, v));
}
