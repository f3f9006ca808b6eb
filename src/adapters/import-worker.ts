/** Worker thread entry: parse and normalise a file, post batches, wait for acks beyond `inFlight`. */
import { parentPort, workerData } from 'node:worker_threads';
import { produceBatches, serializeError, type ProduceInput } from './order-batches.js';

const { input, inFlight } = workerData as { input: ProduceInput; inFlight: number };
let credits: number = inFlight;
let resume: (() => void) | null = null;

parentPort!.on('message', () => {
  credits++;
  resume?.();
});

try {
  for await (const batch of produceBatches(input)) {
    while (credits === 0) await new Promise<void>((r) => (resume = r));
    resume = null;
    credits--;
    parentPort!.postMessage({ type: 'batch', batch });
  }
  parentPort!.postMessage({ type: 'done' });
} catch (e) {
  parentPort!.postMessage(serializeError(e));
}
