// Checkpoints of SQLite's write-ahead log on a worker thread, with a connection of its own.
//
// SQLite checkpoints by itself inside whichever commit takes the log past 1,000 pages: that commit
// copies the log into the database file and syncs it to disk (5–10 ms here, more on a busy disk),
// on the thread that relays every room's messages, so every few seconds under load all rooms
// stalled together. The main connection's automatic checkpoint is turned off instead, and a worker
// runs a PASSIVE checkpoint whenever another connection has committed since its last one. PASSIVE
// never waits for, nor blocks, the writer; the log restarts from its beginning at the first commit
// after everything in it was copied, so it stays as small as what is written between two checks
// (and if commits never let it, the main thread starts it over: see `restart`).
//
// Should the worker fail to start or stop unexpectedly, the main connection checkpoints by itself
// again, as before. The worker's code is evaluated from a string, with better-sqlite3 required by
// absolute path, so that the same module works from the TypeScript sources and from the build.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
let seen = -1;
const check = () => {
  // data_version changes when another connection commits: nothing to copy otherwise.
  const version = db.pragma('data_version', { simple: true });
  if (version === seen) return;
  seen = version;
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage({ type: 'checkpoint', ...result });
};
const timer = setInterval(check, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort.postMessage({ type: 'closed' });
});
parentPort.postMessage({ type: 'ready' });
`;

/** What one checkpoint did, as `PRAGMA wal_checkpoint` reports it. */
export interface CheckpointResult {
  busy: number;
  /** Frames in the log. */
  log: number;
  /** Frames copied into the database file. */
  checkpointed: number;
  /** Whether the log had grown past `restartFrames` and was started over. */
  restarted: boolean;
}

export interface Checkpointer {
  /** Stops the worker; the main connection then checkpoints by itself (and on close). */
  close(): Promise<void>;
}

/** SQLite's default, restored when the worker is gone. */
const defaultAutocheckpoint = 1000;

export function startCheckpointer(
  db: Database.Database,
  file: string,
  opts: {
    intervalMs: number;
    /** A log of this many frames, all copied, is started over by force (a RESTART checkpoint). */
    restartFrames?: number;
    onCheckpoint?: (result: CheckpointResult) => void;
    onFailure?: (err: Error) => void;
  },
): Checkpointer {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { sqlite, file, intervalMs: opts.intervalMs },
  });
  // Checkpointing is housekeeping: it must not keep the process alive.
  worker.unref();
  const restartFrames = opts.restartFrames ?? 4096;
  let stopping = false;
  /**
   * A log that kept growing: a commit landed during every checkpoint, so the writer never found one
   * complete and kept appending. This thread starts it over itself (copying the few frames the
   * worker's last checkpoint left, and syncing): rare, and never while one of its own transactions
   * is open, whereas a RESTART from the worker would take the write lock from under a transaction
   * of this connection that had begun by reading, and fail it with SQLITE_BUSY.
   */
  const restart = (): boolean => {
    try {
      const [result] = db.pragma('wal_checkpoint(RESTART)') as { busy: number }[];
      return result?.busy === 0;
    } catch {
      return false;
    }
  };
  let closed: (() => void) | null = null;
  const fallBack = (err: Error) => {
    db.pragma(`wal_autocheckpoint = ${defaultAutocheckpoint}`);
    if (!stopping) opts.onFailure?.(err);
  };
  worker.on('message', (message: { type: string } & Partial<CheckpointResult>) => {
    if (message.type === 'ready' && !stopping) db.pragma('wal_autocheckpoint = 0');
    else if (message.type === 'checkpoint') {
      const log = message.log ?? 0;
      opts.onCheckpoint?.({
        busy: message.busy ?? 0,
        log,
        checkpointed: message.checkpointed ?? 0,
        restarted: log >= restartFrames && !stopping && restart(),
      });
    } else if (message.type === 'closed') closed?.();
  });
  worker.on('error', fallBack);
  worker.on('exit', (code) => {
    if (!stopping) fallBack(new Error(`the checkpoint worker exited with ${code}`));
    closed?.();
  });
  return {
    async close() {
      if (stopping) return;
      stopping = true;
      db.pragma(`wal_autocheckpoint = ${defaultAutocheckpoint}`);
      const done = new Promise<void>((resolve) => (closed = resolve));
      // Held while it closes: a script whose last work is `await storage.close()` would otherwise
      // see an empty event loop and exit before the worker's connection is closed.
      worker.ref();
      worker.postMessage('close');
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
      await worker.terminate();
    },
  };
}
