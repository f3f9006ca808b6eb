/**
 * Where each check sits in the checks file. The file itself is read and validated with the rest of the
 * configuration (src/config.ts, schema in core/kpi/check-spec.ts: a broken check is exit 2 naming its key);
 * this only finds the line of each `checks:` item, so CI annotations can point at it.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, isSeq, parseDocument } from 'yaml';

/** 1-based line of each item of `checks:`; empty when the file cannot be read or has no such list. */
export function checkLines(path: string | null): number[] {
  if (!path) return [];
  try {
    const lines = new LineCounter();
    const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines });
    const seq = doc.get('checks', true);
    if (!isSeq(seq)) return [];
    return seq.items.map((item) => {
      const offset = (item as { range?: [number, number, number] }).range?.[0];
      return offset === undefined ? 0 : lines.linePos(offset).line;
    });
  } catch {
    return [];
  }
}
