/** `tuan init`: read the head of a sample export (encoding, delimiter, header row, the first records). */
import { resolve } from 'node:path';
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
