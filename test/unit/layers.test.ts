/**
 * The layering of src/ (STYLE.md §1–3), read from the import graph: every import specifier of every .ts
 * file (`import … from`, `export … from`, `import(…)`), resolved to a file under src/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-tuan.js';

const SRC = join(ROOT, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Source without comments (so that a doc comment naming SQL or a layer does not count). */
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** src-relative path of every file, and the src-relative files it imports. */
const GRAPH = new Map(
  tsFiles(SRC).map((f) => {
    const code = stripComments(readFileSync(f, 'utf8'));
    const deps = [...code.matchAll(IMPORT)]
      .map((m) => m[1]!)
      .filter((s) => s.startsWith('.'))
      .map((s) => relative(SRC, resolve(dirname(f), s)).replace(/\.js$/, '.ts'));
    return [relative(SRC, f), { code, deps }] as const;
  }),
);

/** The layer of a src-relative path: `render`, `core/members`, `config` (src/config.ts), … */
function layerOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] === 'core') return `core/${parts[1]}`;
  if (parts.length > 1) return parts[0]!;
  return path.replace(/\.ts$/, '');
}

function edges(from: (layer: string) => boolean, to: (layer: string) => boolean): string[] {
  const out: string[] = [];
  for (const [file, { deps }] of GRAPH) {
    if (!from(layerOf(file))) continue;
    for (const d of deps) if (to(layerOf(d))) out.push(`${file} -> ${d}`);
  }
  return out;
}

const isCore = (l: string) => l.startsWith('core/');
const oneOf =
  (...names: string[]) =>
  (l: string) =>
    names.includes(l);

/**
 * What each core folder may import (besides itself): the allowed order
 * shared < ingest, members; members < kpi, commission, templating, products; shared < cohorts; templating < activities;
 * everything < report;
 * and kpi < activities: kits and plans show the stage's KPI targets from the one KPI catalogue (core/kpi/targets.ts);
 * activities < review: the review reads the contact log's codes (core/activities/contact-log.ts);
 * predict (buy-till-you-die models) reads members' histories; kpi (ltv) and report use it.
 */
const CORE_ALLOWED: Record<string, readonly string[]> = {
  shared: [],
  ingest: ['shared'],
  members: ['shared'],
  predict: ['shared', 'members'],
  kpi: ['shared', 'members', 'predict'],
  commission: ['shared', 'members'],
  templating: ['shared', 'members'],
  activities: ['shared', 'members', 'templating', 'kpi'],
  products: ['shared', 'members'],
  cohorts: ['shared'],
  trainer: ['shared', 'members', 'kpi'],
  review: ['shared', 'activities'],
  report: ['shared', 'ingest', 'members', 'predict', 'kpi', 'commission', 'templating', 'activities', 'products', 'cohorts', 'review'],
};

/**
 * Imports (not re-exports: src/index.ts, the library entry, re-exports modules by name) of a core module
 * from outside its folder that do not go through the folder's index.ts.
 */
const IMPORT_ONLY = /(?:^|\n)\s*import\s+(?:type\s+)?[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g;
function bypassingIndex(file: string, code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(IMPORT_ONLY)) {
    const spec = m[1] ?? m[2]!;
    if (!spec.startsWith('.')) continue;
    const target = relative(SRC, resolve(dirname(join(SRC, file)), spec)).replace(/\.js$/, '.ts');
    const to = layerOf(target);
    if (isCore(to) && to !== layerOf(file) && !target.endsWith('/index.ts')) out.push(`${file} -> ${target}`);
  }
  return out;
}

describe('layers of src/', () => {
  it('reads a graph (sanity: the files and imports are found)', () => {
    expect(GRAPH.size).toBeGreaterThan(100);
    expect(GRAPH.get('cli.ts')!.deps).toContain('commands/registry.ts');
    expect(GRAPH.get('render/segment.ts')!.deps).toContain('core/members/index.ts');
  });

  it('render imports no adapters, commands or api', () => {
    expect(edges(oneOf('render'), oneOf('adapters', 'commands', 'api'))).toEqual([]);
  });

  it('core imports no adapters, commands, api, render or config', () => {
    expect(edges(isCore, oneOf('adapters', 'commands', 'api', 'render', 'config', 'cli'))).toEqual([]);
  });

  it('adapters import no commands or render', () => {
    expect(edges(oneOf('adapters'), oneOf('commands', 'render', 'cli'))).toEqual([]);
  });

  it('api imports no commands', () => {
    expect(edges(oneOf('api'), oneOf('commands', 'cli'))).toEqual([]);
  });

  it('core folders import only the folders below them (so the graph between them is acyclic)', () => {
    const folders = Object.keys(CORE_ALLOWED);
    const bad: string[] = [];
    for (const [file, { deps }] of GRAPH) {
      const from = layerOf(file);
      if (!isCore(from)) continue;
      const f = from.slice(5);
      expect(folders, `unknown core folder ${from}: add it to CORE_ALLOWED`).toContain(f);
      for (const d of deps) {
        const to = layerOf(d);
        if (isCore(to) && to !== from && !CORE_ALLOWED[f]!.includes(to.slice(5))) bad.push(`${file} -> ${d}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("another folder imports a core folder through its index.ts (the folder's public surface)", () => {
    const bad = [...GRAPH].flatMap(([file, { code }]) => bypassingIndex(file, code));
    expect(bad).toEqual([]);
  });

  it('the index rule finds what it is meant to find (sanity)', () => {
    const code =
      "import { stageAt } from '../core/members/history.js';\nimport type { Stage } from '../core/members/index.js';\nexport { x } from '../core/kpi/kpi.js';";
    expect(bypassingIndex('render/x.ts', code)).toEqual(['render/x.ts -> core/members/history.ts']);
    expect(bypassingIndex('core/members/x.ts', "import { stageAt } from './history.js';")).toEqual([]);
  });

  it('the allowed-edges table itself has no cycle', () => {
    const seen = new Set<string>();
    const visit = (f: string, path: string[]): void => {
      expect(path, `cycle ${[...path, f].join(' -> ')}`).not.toContain(f);
      if (seen.has(f)) return;
      for (const g of CORE_ALLOWED[f]!) visit(g, [...path, f]);
      seen.add(f);
    };
    for (const f of Object.keys(CORE_ALLOWED)) visit(f, []);
  });

  const SQL = /['"`][^'"`]*\b(SELECT|INSERT|UPDATE|DELETE)\b[^'"`]*\b(FROM|INTO|SET)\b/;

  it('the SQL pattern finds the SQL of the adapters (sanity)', () => {
    expect(SQL.test(GRAPH.get('adapters/rejects.ts')!.code)).toBe(true);
    expect(SQL.test("const q = 'a SELECT of nothing';")).toBe(false);
  });

  it('no SQL outside src/adapters', () => {
    const bad = [...GRAPH]
      .filter(([file, { code }]) => layerOf(file) !== 'adapters' && (SQL.test(code) || /\.prepare\(/.test(code)))
      .map(([file]) => file);
    expect(bad).toEqual([]);
  });
});
