/**
 * A stream of values produced in a worker thread: the worker posts each value, and waits for acks
 * once `inFlight` values are unacknowledged, so that at most that many wait in memory. A user error
 * (TuanError) crosses as an InputError with its text; anything else as a bug.
 */
import { parentPort, Worker } from 'node:worker_threads';
import { InputError, TuanError, type Text } from '../errors.js';

type FromWorker<T> =
  | { type: 'item'; item: T }
  | { type: 'done' }
  | { type: 'error'; message: string; body?: Text; hint?: Text; exitCode: number; input: boolean };

/**
 * The values the worker at `url` posts (it runs `postAll`), given `workerData` (`inFlight` is added to it).
 * `youngMb` sizes the worker's young generation: larger means fewer collections and more memory.
 */
export async function* fromWorker<T>(url: URL, workerData: object, inFlight = 8, youngMb = 96): AsyncGenerator<T> {
  const worker = new Worker(url, { workerData: { ...workerData, inFlight }, resourceLimits: { maxYoungGenerationSizeMb: youngMb } });
  const queue: FromWorker<T>[] = [];
  let wake: (() => void) | null = null;
  let crashed: Error | null = null;
  worker.on('message', (m: FromWorker<T>) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    crashed = e;
    wake?.();
  });
  worker.on('exit', () => {
    wake?.();
  });
  try {
    for (;;) {
      if (queue.length === 0) {
        if (crashed) throw crashed;
        await new Promise<void>((r) => (wake = r));
        wake = null;
        continue;
      }
      const m = queue.shift()!;
      if (m.type === 'done') return;
      if (m.type === 'error') {
        if (!m.input || !m.body) throw new Error(m.message);
        throw new InputError(m.body, m.hint);
      }
      worker.postMessage('ack');
      yield m.item;
    }
  } finally {
    await worker.terminate();
  }
}

/** In the worker: post every value of `items` to the parent (fromWorker), then 'done', or the error. */
export async function postAll<T>(items: AsyncIterable<T>, inFlight: number): Promise<void> {
  const port = parentPort!;
  let credits = inFlight;
  let resume: (() => void) | null = null;
  const onAck = () => {
    credits++;
    resume?.();
  };
  port.on('message', onAck);
  try {
    for await (const item of items) {
      while (credits === 0) await new Promise<void>((r) => (resume = r));
      resume = null;
      credits--;
      port.postMessage({ type: 'item', item } satisfies FromWorker<T>);
    }
    port.postMessage({ type: 'done' } satisfies FromWorker<T>);
  } catch (e) {
    port.postMessage(serializeError(e));
  } finally {
    port.off('message', onAck);
  }
}

function serializeError(e: unknown): FromWorker<never> {
  if (e instanceof TuanError)
    return { type: 'error', message: e.message, body: e.body, hint: e.hintText, exitCode: e.exitCode, input: true };
  return { type: 'error', message: (e as Error)?.stack ?? String(e), exitCode: 70, input: false };
}
