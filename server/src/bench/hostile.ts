// The hostile member of the "hostile neighbour" scenario: one person with a script and a few tabs,
// driving their own room at the server's per-connection limits (sync.connectionBudget.ts defaults)
// while the scenario measures a quiet room on the same server. Each connection sends distinct
// ~5.5 KB board updates at 180 a second (just under both the message and the byte budget), a 15 KiB
// presence state twice a second, and, at their budgets, a sync step 1 with an empty state vector
// (the whole board) and a query for every presence state. A closed connection reconnects at once.
// It runs on its own worker thread so that its sending does not compete with the bench's clients.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { BOARD_RECORDS } from '@vermeboard/shared';
import { noteRecord } from '../board/shapeRecords.js';
import { setRecord } from './boardRecords.js';
import { socketTarget } from './provision.js';
import { encodeAwareness, encodeSyncStep1, encodeUpdate, MessageType } from './wire.js';

export const hostileLoad = {
  connections: 3,
  updatesPerSecond: 180,
  updateBytes: 5_500,
  awarenessPerSecond: 2,
  awarenessBytes: 15 * 1024,
  /** Sync step 1 and query-awareness, each: the default budget is 10 a minute. */
  expensivePerMinute: 10,
} as const;

/** What the hostile member's sockets saw: close code → count, and frames sent. */
export interface HostileReport {
  sent: number;
  closes: Record<string, number>;
}

interface HostileInput {
  url: string;
}

const tickMs = 50;

function runHostile({ url }: HostileInput): void {
  const report: HostileReport = { sent: 0, closes: {} };
  const sockets: WebSocket[] = [];
  const timers: NodeJS.Timeout[] = [];
  let stopping = false;

  const open = (slot: number, doc: Y.Doc): void => {
    const target = socketTarget(url);
    const ws = new WebSocket(target.url, { headers: target.headers });
    sockets[slot] = ws;
    ws.on('error', () => {});
    ws.on('close', (code) => {
      report.closes[code] = (report.closes[code] ?? 0) + 1;
      if (!stopping) setTimeout(() => open(slot, doc), 100);
    });
    // What the server sent was read only to keep its send buffer moving.
    ws.on('message', () => {});
    // A fresh connection starts with what the server lacks, as a client would.
    ws.once('open', () => send(ws, encodeUpdate(Y.encodeStateAsUpdate(doc))));
  };
  const send = (ws: WebSocket | undefined, frame: Uint8Array): void => {
    if (ws?.readyState !== WebSocket.OPEN) return;
    ws.send(frame);
    report.sent++;
  };

  for (let slot = 0; slot < hostileLoad.connections; slot++) {
    const doc = new Y.Doc();
    const records = doc.getArray<{ key: string; val: unknown }>(BOARD_RECORDS);
    const pending: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => pending.push(update));
    open(slot, doc);
    let seq = 0;
    // The note's JSON around its text is about 600 bytes.
    const padding = 'h'.repeat(hostileLoad.updateBytes - 600);
    const perTick = (hostileLoad.updatesPerSecond * tickMs) / 1000;
    let owed = 0;
    timers.push(
      setInterval(() => {
        owed += perTick;
        for (; owed >= 1; owed--) {
          // Valid notes, so that the board checks pass them and the budgets are what stops the flood.
          // Overwriting a few keys keeps the document small (garbage collected) while the log grows.
          const id = `shape:flood-${slot}-${seq % 8}`;
          const note = noteRecord({ id, parentId: 'page:page', x: seq % 500, y: 0, text: `${seq++}:${padding}` });
          setRecord(records, { key: id, val: note as unknown });
          const update = pending.shift();
          if (update) send(sockets[slot], encodeUpdate(update));
        }
      }, tickMs),
    );
    let clock = 0;
    const state = { pad: 'p'.repeat(hostileLoad.awarenessBytes - 32) };
    timers.push(
      setInterval(
        () => send(sockets[slot], encodeAwareness([{ clientID: doc.clientID, clock: ++clock, state }])),
        1000 / hostileLoad.awarenessPerSecond,
      ),
    );
    timers.push(
      setInterval(() => {
        send(sockets[slot], encodeSyncStep1(new Uint8Array([0])));
        send(sockets[slot], new Uint8Array([MessageType.queryAwareness]));
      }, 60_000 / hostileLoad.expensivePerMinute),
    );
  }

  parentPort?.on('message', () => {
    stopping = true;
    for (const timer of timers) clearInterval(timer);
    for (const ws of sockets) ws?.terminate();
    parentPort?.postMessage(report);
  });
}

if (!isMainThread && (workerData as { hostile?: HostileInput } | null)?.hostile) {
  runHostile((workerData as { hostile: HostileInput }).hostile);
}

export interface Hostile {
  /** Stops the flood and reports what it did. */
  stop(): Promise<HostileReport>;
}

/** Starts the hostile member against a room URL (with its token). */
export function startHostile(url: string): Hostile {
  const worker = new Worker(new URL(import.meta.url), { workerData: { hostile: { url } } });
  return {
    async stop() {
      const report = new Promise<HostileReport>((resolve) => worker.once('message', resolve));
      worker.postMessage('stop');
      const result = await report;
      await worker.terminate();
      return result;
    },
  };
}
