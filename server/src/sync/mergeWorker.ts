// Compaction's merge, on a worker thread. Merging a document's log re-applies every row to a fresh
// Y.Doc and encodes it: for a large board that is tens of milliseconds of CPU, and run on the main
// thread it stalled every room on the server while it ran (500 one-byte updates forced a full
// re-merge). A worker takes it off the thread that handles messages altogether, which neither
// deferring it (the stall just moves) nor bounding runs per second (each run still stalls) does.
// One worker for the whole server, one merge at a time: compaction never takes more than one core,
// nor holds more than one document's log in memory, however many rooms compact at once.
//
// The worker's code is evaluated from a string, with yjs required by absolute path, so that the
// same module works from the TypeScript sources (tests) and from the build.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjs);
parentPort.on('message', ({ id, updates }) => {
  try {
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => { for (const u of updates) Y.applyUpdate(doc, u); });
    const merged = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    parentPort.postMessage({ id, merged }, [merged.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});
`;

interface Job {
  id: number;
  updates: Uint8Array[];
  resolve(merged: Uint8Array): void;
  reject(err: Error): void;
}

type Reply = { id: number; merged: Uint8Array } | { id: number; error: string };

export interface MergeWorker {
  /**
   * One update equivalent to all of `updates`. Applying them to a fresh document (rather than
   * Y.mergeUpdates) lets garbage collection drop deleted content, so a long session's log does not
   * keep everything that was ever drawn and erased.
   */
  merge(updates: Uint8Array[]): Promise<Uint8Array>;
  /** Stops the worker once the queued merges are done. */
  close(): Promise<void>;
}

export function createMergeWorker(): MergeWorker {
  const yjs = createRequire(import.meta.url).resolve('yjs');
  const queue: Job[] = [];
  let worker: Worker | null = null;
  let running: Job | null = null;
  let seq = 0;
  let idle: (() => void) | null = null;

  const start = (): Worker => {
    const w = new Worker(workerSource, { eval: true, workerData: { yjs } });
    // A worker that is only waiting for work must not keep the process alive.
    w.unref();
    w.on('message', (reply: Reply) => {
      const job = running;
      if (job?.id !== reply.id) return;
      running = null;
      if ('error' in reply) job.reject(new Error(`merge failed: ${reply.error}`));
      else job.resolve(reply.merged);
      next();
    });
    const fail = (err: Error) => {
      worker = null;
      const job = running;
      running = null;
      job?.reject(err);
      next();
    };
    w.on('error', fail);
    w.on('exit', (code) => {
      if (worker === w) fail(new Error(`merge worker exited with ${code}`));
    });
    return w;
  };

  const next = (): void => {
    if (running) return;
    const job = queue.shift();
    if (!job) {
      worker?.unref();
      idle?.();
      return;
    }
    running = job;
    worker ??= start();
    // Referenced only while it works: a merge in flight keeps the process alive until it is written.
    worker.ref();
    worker.postMessage({ id: job.id, updates: job.updates });
  };

  return {
    merge(updates) {
      return new Promise((resolve, reject) => {
        queue.push({ id: ++seq, updates, resolve, reject });
        next();
      });
    },
    async close() {
      if (running || queue.length > 0) await new Promise<void>((resolve) => (idle = resolve));
      const w = worker;
      worker = null;
      await w?.terminate();
    },
  };
}
