/**
 * `tuan init`, the pure part: what a sample export's headers map to, which fields still need a column,
 * whether the file needs a leader, which status words are unknown, and the commands to run next.
 * No I/O: the command reads the file and asks the questions.
 */
import { FIELDS, mapHeaders, type Field } from './headers.js';
import { chooseLayout, requiredFields, type Layout } from './normalize.js';
import { normalizeStatus, type Status } from './status.js';

export type Overrides = Partial<Record<Field, string>>;

/** What the mapping of one header row looks like, with the problems that block an import. */
export interface MappingView {
  headers: string[];
  /** field -> header text, for every mapped field (aliases and overrides) */
  mapped: Partial<Record<Field, string>>;
  /** the overrides in force (what goes to `columns:` in the config) */
  overrides: Overrides;
  layout: Layout;
  /** required fields with no column (with their alternatives) */
  missing: { field: Field; alternatives: Field[] }[];
  /** fields that several headers could be */
  ambiguous: { field: Field; headers: string[] }[];
  /** overrides that name a header the file does not have */
  notFound: { field: Field; header: string }[];
  unused: string[];
  /** the file is a single-leader export (快团团, or no leader column): lines need a leader ID */
  needsLeader: boolean;
  /** nothing blocks an import */
  ready: boolean;
}

export function analyzeMapping(headers: readonly string[], overrides: Overrides): MappingView {
  const { mapping, problems } = mapHeaders(headers, overrides);
  const mapped: Partial<Record<Field, string>> = {};
  for (const f of FIELDS) {
    const i = mapping.columns[f];
    if (i !== undefined) mapped[f] = headers[i] ?? '';
  }
  const layout = chooseLayout(mapping);
  const ambiguous = problems.flatMap((p) => (p.kind === 'ambiguous' ? [{ field: p.field, headers: p.headers }] : []));
  const notFound = problems.flatMap((p) => (p.kind === 'override-not-found' ? [{ field: p.field, header: p.header }] : []));
  const missing = requiredFields(mapping).map((r) => ({ field: r.field, alternatives: r.alternatives ?? [] }));
  return {
    headers: [...headers],
    mapped,
    overrides: { ...overrides },
    layout,
    missing,
    ambiguous,
    notFound,
    unused: mapping.unused,
    needsLeader: layout === 'ktt' || mapped.leader_id === undefined,
    ready: missing.length === 0 && ambiguous.length === 0 && notFound.length === 0,
  };
}

/**
 * Use `header` for `field` (null: back to automatic matching by the built-in aliases). An override that
 * the aliases would find anyway is dropped, so `columns:` holds only what the aliases cannot do.
 */
export function setColumn(headers: readonly string[], overrides: Overrides, field: Field, header: string | null): Overrides {
  const rest: Overrides = { ...overrides };
  delete rest[field];
  if (header === null || analyzeMapping(headers, rest).mapped[field] === header) return rest;
  return { ...rest, [field]: header };
}

/** The fields worth showing: every mapped field, then the required ones that are missing or ambiguous. */
export function fieldsToShow(view: MappingView): Field[] {
  const extra = new Set<Field>([...view.missing.map((m) => m.field), ...view.ambiguous.map((a) => a.field)]);
  return FIELDS.filter((f) => view.mapped[f] !== undefined || extra.has(f));
}

/** Status words of the sample (in order of first appearance) that neither the built-in list nor `words` knows. */
export function unknownStatusWords(values: readonly string[], words: Readonly<Record<string, Status>>): string[] {
  const seen = new Set<string>();
  for (const v of values) {
    const w = v.trim();
    if (!seen.has(w) && normalizeStatus(w, words) === null) seen.add(w);
  }
  return [...seen];
}

/** Quote a word for a POSIX shell when it needs it. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/u.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** How far init got with the sample: none given, given but not imported, imported. */
export type SampleState = 'none' | 'file' | 'imported';

/** The commands a newcomer runs next, in order. */
export function nextCommands(state: SampleState, file: string | null, leader: string | null): string[] {
  const scope = leader ? ` --leader ${shellQuote(leader)}` : '';
  const rest = [`tuan members --stage silent${scope}`, `tuan report${scope} --out report.html`, 'tuan config'];
  if (state === 'imported') return [`tuan segment${scope}`, ...rest];
  if (state === 'file' && file !== null) return [`tuan segment ${shellQuote(file)}${scope}`, ...rest];
  return ['tuan import <export.csv>', 'tuan segment', 'tuan report --out report.html', 'tuan config'];
}
