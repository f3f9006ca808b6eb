/** Worker thread entry: parse and normalise a file, post batches, wait for acks beyond `inFlight`. */
import { workerData } from 'node:worker_threads';
import { produceBatches, type ProduceInput } from './order-batches.js';
import { postAll } from './thread-stream.js';

const { input, inFlight } = workerData as { input: ProduceInput; inFlight: number };
await postAll(produceBatches(input), inFlight);
