/** `tuan init`: read the head of a sample export (encoding, delimiter, header row, the first records). */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readRecordBatches, sniffFile, type Sniffed } from './csv.js';

export interface Sample {
  sniffed: Sniffed;
  /** cells of the first data records (at most `limit`), undecodable or malformed records left out */
  rows: string[][];
}

/** Sniff `file` (relative to `cwd`) and keep its first `limit` records; throws InputError when unreadable. */
export async function readSample(cwd: string, file: string, extraHeaders: readonly string[], limit = 2000): Promise<Sample> {
  const path = resolve(cwd, file);
  const sniffed = await sniffFile(path, { encoding: 'auto', delimiter: 'auto', extraHeaders });
  const rows: string[][] = [];
  const ignore = () => {};
  for await (const batch of readRecordBatches(path, sniffed, ignore, ignore)) {
    for (const r of batch) {
      rows.push(r.cells);
      if (rows.length >= limit) return { sniffed, rows };
    }
  }
  return { sniffed, rows };
}

/** Names that look like exports: text tables (maybe gzipped) and Excel workbooks. */
const EXPORT_NAME = /\.(csv|tsv|txt|xlsx|xlsm|xls)(\.gz)?$/i;

/** The export files (CSV, TSV, gzip, workbooks) in `dir`, by name, at most `limit`; [] when it cannot be read. */
export function findExports(dir: string, limit = 8): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => EXPORT_NAME.test(n) && !n.startsWith('.') && !n.startsWith('~$'))
      .filter((n) => {
        try {
          return statSync(join(dir, n)).isFile();
        } catch {
          return false;
        }
      })
      .sort()
      .slice(0, limit);
  } catch {
    return [];
  }
}
