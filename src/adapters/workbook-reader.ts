/** Worker thread entry: inflate and parse an .xlsx sheet's XML, post its raw rows in batches. */
import { workerData } from 'node:worker_threads';
import type { Sniffed } from '../core/ingest/index.js';
import { postAll } from './thread-stream.js';
import { rawSheetRows } from './workbook.js';

const { path, sniffed, inFlight } = workerData as { path: string; sniffed: Sniffed; inFlight: number };

async function* batches() {
  let bytes = 0;
  for await (const raw of rawSheetRows(path, sniffed, (n) => (bytes += n))) {
    yield { ...raw, bytes };
    bytes = 0;
  }
}
await postAll(batches(), inFlight);
