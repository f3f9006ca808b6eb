/** Worker thread entry: read a workbook sheet's rows (inflate, XML, cells) and post them in batches. */
import { workerData } from 'node:worker_threads';
import type { Sniffed } from '../core/ingest/index.js';
import { postAll } from './thread-stream.js';
import { packRows, sheetRows } from './workbook.js';

const { path, sniffed, inFlight } = workerData as { path: string; sniffed: Sniffed; inFlight: number };

async function* batches() {
  let bytes = 0;
  for await (const rows of sheetRows(path, sniffed, (n) => (bytes += n))) {
    yield { ...packRows(rows), bytes };
    bytes = 0;
  }
}
await postAll(batches(), inFlight);
