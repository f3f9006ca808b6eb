/**
 * The doc comments of the configuration schema, by key path: reads src/config.ts and the schema files it
 * uses (zod `z.strictObject({ /** doc *\/ key: … })`) with the TypeScript parser and follows identifiers
 * (`commission: CommissionSchema`, `prepare: slot`) to their declarations. Paths look like
 * `stages.intro_days`, `commission.levels[].rate_pct`. Used by scripts/docs-reference.mjs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

function tsFiles(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : n.endsWith('.ts') ? [p] : [];
  });
}

/** Top-level `const NAME = …` initialisers of the files that use zod, by name (same file first). */
function declarations(root) {
  const byName = new Map();
  for (const file of tsFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes("from 'zod'")) continue;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    for (const st of sf.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) continue;
        const list = byName.get(d.name.text) ?? [];
        list.push({ file: relative(root, file), init: d.initializer, sf });
        byName.set(d.name.text, list);
      }
    }
  }
  return byName;
}

function docOf(node, sf) {
  const ranges = ts.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? [];
  const docs = ranges.map((r) => sf.text.slice(r.pos, r.end)).filter((c) => c.startsWith('/**'));
  const last = docs.at(-1);
  if (!last) return null;
  return last
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s?/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Walk a zod expression: object literals of z.strictObject/z.object give keys, z.array(x) adds `[]`,
 * method chains (.refine, .optional …) are looked through, identifiers are followed.
 */
function walk(expr, file, prefix, out, decls, seen) {
  if (!expr) return;
  if (ts.isIdentifier(expr)) {
    const cands = decls.get(expr.text) ?? [];
    const d = cands.find((c) => c.file === file) ?? cands[0];
    if (!d || seen.has(d)) return;
    walk(d.init, d.file, prefix, out, decls, new Set([...seen, d]));
    return;
  }
  if (ts.isAsExpression(expr) || ts.isParenthesizedExpression(expr) || ts.isSatisfiesExpression?.(expr)) {
    walk(expr.expression, file, prefix, out, decls, seen);
    return;
  }
  if (!ts.isCallExpression(expr) || !ts.isPropertyAccessExpression(expr.expression)) return;
  const callee = expr.expression;
  const isZ = ts.isIdentifier(callee.expression) && callee.expression.text === 'z';
  if (!isZ) {
    walk(callee.expression, file, prefix, out, decls, seen); // x.refine(…), x.optional() …
    return;
  }
  const kind = callee.name.text;
  const [arg] = expr.arguments;
  if ((kind === 'strictObject' || kind === 'object') && arg && ts.isObjectLiteralExpression(arg)) {
    for (const p of arg.properties) {
      const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;
      if (!name) continue;
      const path = prefix ? `${prefix}.${name}` : name;
      const sf = p.getSourceFile();
      const doc = docOf(p, sf);
      if (doc && !out.has(path)) out.set(path, doc);
      if (ts.isPropertyAssignment(p)) walk(p.initializer, file, path, out, decls, seen);
      else if (ts.isShorthandPropertyAssignment(p)) walk(p.name, file, path, out, decls, seen);
    }
  } else if (kind === 'array' && arg) {
    walk(arg, file, `${prefix}[]`, out, decls, seen);
  } else if ((kind === 'union' || kind === 'tuple') && arg && ts.isArrayLiteralExpression(arg)) {
    for (const e of arg.elements) walk(e, file, prefix, out, decls, seen);
  }
}

/** Map of key path -> doc comment text for the whole configuration (ConfigSchema in src/config.ts). */
export function configComments(root) {
  const decls = declarations(root);
  const out = new Map();
  walk(ts.factory.createIdentifier('ConfigSchema'), 'src/config.ts', '', out, decls, new Set());
  return out;
}
