/**
 * The parsing half of an import: bytes -> records -> normalised order lines, in batches.
 * It runs in a worker thread for large files (parsing overlaps with SQLite inserts on the main
 * thread) and in-process for small ones; both paths run this same generator.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeRecord, type NormalizeOptions } from '../core/ingest/index.js';
import { readRecordBatches, recordText, type Sniffed } from './csv.js';
import { fromWorker } from './thread-stream.js';

/**
 * Batches cross a thread boundary, where every value costs a copy: order-level values are sent once
 * per run of lines that share them (`orders`), and each line refers to its run (`lines`).
 */
export const ORDER_WIDTH = 8; // orderId, orderedAt, memberId, leaderId, status, memberName, phone, birthday
export const LINE_WIDTH = 9; // orderRef, lineKey, product, category, quantity, amountFen, refundFen, sourceLine, discountFen

export interface RejectRow {
  line: number;
  field: string;
  reason: string;
  raw: string;
}

export interface OrderBatch {
  /** flat: ORDER_WIDTH values per run of lines sharing them */
  orders: string[];
  /** flat: LINE_WIDTH values per line; the first is the index of its run in `orders` */
  lines: (string | number | null)[];
  rejects: RejectRow[];
  /** data rows read (accepted or rejected) */
  rows: number;
  /** bytes of the file read so far */
  bytes: number;
}

export interface ProduceInput {
  path: string;
  sniffed: Sniffed;
  normalize: NormalizeOptions;
}

export async function* produceBatches(input: ProduceInput): AsyncGenerator<OrderBatch> {
  const { sniffed, normalize } = input;
  let bytes = 0;
  let pending: RejectRow[] = [];
  let pendingRows = 0;
  const records = readRecordBatches(
    input.path,
    sniffed,
    (bad) => {
      pendingRows++;
      pending.push(
        bad.reason
          ? { line: bad.line, field: '(csv)', reason: bad.reason, raw: bad.raw }
          : { line: bad.line, field: '(encoding)', reason: `bytes that are not valid ${sniffed.encoding}`, raw: bad.raw },
      );
    },
    (p) => {
      pendingRows++;
      pending.push({ line: p.line, field: p.field ?? '(csv)', reason: p.reason, raw: p.raw });
    },
    (n) => {
      bytes += n;
    },
  );
  for await (const recs of records) {
    const batch: OrderBatch = { orders: [], lines: [], rejects: pending, rows: pendingRows + recs.length, bytes };
    pending = [];
    pendingRows = 0;
    const o = batch.orders;
    let ref = -1;
    for (const rec of recs) {
      const result = normalizeRecord(rec.cells, rec.line, normalize);
      if (!Array.isArray(result)) {
        batch.rejects.push({ ...result, raw: recordText(rec.cells, sniffed.delimiter) });
        continue;
      }
      for (const l of result) {
        const at = ref * ORDER_WIDTH;
        if (
          ref < 0 ||
          o[at] !== l.orderId ||
          o[at + 1] !== l.orderedAt ||
          o[at + 2] !== l.memberId ||
          o[at + 3] !== l.leaderId ||
          o[at + 4] !== l.status ||
          o[at + 5] !== l.memberName ||
          o[at + 6] !== l.phone ||
          o[at + 7] !== l.birthday
        ) {
          o.push(l.orderId, l.orderedAt, l.memberId, l.leaderId, l.status, l.memberName, l.phone, l.birthday);
          ref++;
        }
        batch.lines.push(ref, l.lineKey, l.product, l.category, l.quantity, l.amountFen, l.refundFen, rec.line, l.discountFen);
      }
    }
    yield batch;
  }
  if (pendingRows) yield { orders: [], lines: [], rejects: pending, rows: pendingRows, bytes };
}

const WORKER_URL = new URL('./import-worker.js', import.meta.url);

/** Whether the compiled worker script is there (not under a TypeScript test runner). */
export function workerAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

/** The same batches, produced in a worker thread; at most `inFlight` batches wait in memory. */
export function workerBatches(input: ProduceInput, inFlight = 8): AsyncGenerator<OrderBatch> {
  return fromWorker<OrderBatch>(WORKER_URL, { input }, inFlight);
}
