// A load worker thread: owns some of the run's clients, connects them, sends on their behalf at the
// scenario's rates, and reports what it sent and received. Started by scenario.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { BenchClient } from './client.js';
import { docFingerprint } from './convergence.js';
import { Pacer } from './pacer.js';
import { LoopDelayMonitor } from './processStats.js';
import { clockMs } from './stamp.js';
import { Tally } from './stats.js';
import type { ClientCloses, FromWorker, ToWorker, WorkerInput, WorkerReport } from './workerProtocol.js';

/** Shapes each client moves in turn, so the board holds a few records per client. */
const SHAPES_PER_CLIENT = 3;
/** Connections opened at once, so a big scenario does not open hundreds of sockets in one tick. */
const CONNECT_CONCURRENCY = 25;
const SYNC_TIMEOUT_MS = 30_000;
/** Traffic has quiesced when no client received anything for this long… */
const QUIET_MS = 1000;
/** …or this long after the load stopped. */
const QUIESCE_LIMIT_MS = 15_000;

if (!parentPort) throw new Error('loadWorker.js runs as a worker thread');
const port = parentPort;
// Our own scenario thread built this object; its shape is the WorkerInput it was typed as there.
const input = workerData as WorkerInput;
const post = (message: FromWorker) => port.postMessage(message);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const updates = new Tally();
const awareness = new Tally();
let windowStart = Number.POSITIVE_INFINITY;
let windowEnd = Number.POSITIVE_INFINITY;
const measured = (sentAt: number) => sentAt >= windowStart && sentAt < windowEnd;

const clients = input.clients.map(({ room, index, url, user }) => ({
  room,
  index,
  client: new BenchClient(
    url,
    user.name,
    {
      onUpdateReceipt(stamp, at) {
        if (measured(stamp.sentAt)) updates.recordReceipt(at - stamp.sentAt);
      },
      onAwarenessReceipt(stamp, at) {
        if (measured(stamp.sentAt)) awareness.recordReceipt(at - stamp.sentAt);
      },
    },
    input.protocol,
    user,
  ),
}));
const pacer = new Pacer();

async function connectAll(): Promise<void> {
  for (let i = 0; i < clients.length; i += CONNECT_CONCURRENCY) {
    await Promise.all(clients.slice(i, i + CONNECT_CONCURRENCY).map(({ client }) => client.connect(SYNC_TIMEOUT_MS)));
  }
}

function startLoad(): void {
  const { updates: updateRate, cursors: cursorRate, clients: perRoom } = input.params;
  const receivers = perRoom - 1;
  for (const { index, client } of clients) {
    let moves = 0;
    const origin = { x: (index % 20) * 200, y: Math.floor(index / 20) * 120 };
    pacer.every(updateRate, () => {
      if (clockMs() >= windowEnd) return;
      const shape = moves++ % SHAPES_PER_CLIENT;
      const stamp = client.sendUpdate(`shape:bench-${index}-${shape}`, origin.x + (moves % 50), origin.y + shape * 30);
      if (measured(stamp.sentAt)) updates.recordSend(receivers);
    });
    pacer.every(cursorRate, () => {
      if (clockMs() >= windowEnd) return;
      const stamp = client.sendCursor(origin.x + Math.random() * 400, origin.y + Math.random() * 300);
      if (measured(stamp.sentAt)) awareness.recordSend(receivers);
    });
  }
}

async function quiesce(): Promise<void> {
  const deadline = clockMs() + QUIESCE_LIMIT_MS;
  for (;;) {
    await sleep(QUIET_MS / 4);
    const now = clockMs();
    const lastReceive = clients.reduce((last, { client }) => Math.max(last, client.lastReceiveAt), windowEnd);
    if (now - lastReceive >= QUIET_MS || now >= deadline) return;
  }
}

const fingerprints = (): WorkerReport['fingerprints'] =>
  clients.map(({ room, client }) => [room, docFingerprint(client.doc)]);

async function run(start: { windowStart: number; windowEnd: number }): Promise<void> {
  windowStart = start.windowStart;
  windowEnd = start.windowEnd;
  startLoad();
  const loop = new LoopDelayMonitor();
  await sleep(windowStart - clockMs());
  loop.start();
  await sleep(windowEnd - clockMs());
  const loopDelayP99Ms = loop.stop();
  pacer.stop();
  await quiesce();
  const closes: ClientCloses = {};
  for (const { client } of clients) {
    const info = client.closeInfo;
    if (info && !info.expected) closes[info.code] = (closes[info.code] ?? 0) + 1;
  }
  post({
    type: 'report',
    report: {
      updates: updates.toData(),
      awareness: awareness.toData(),
      fingerprints: fingerprints(),
      closes,
      badFrames: clients.reduce((sum, { client }) => sum + client.badFrames, 0),
      loop: { loopDelayP99Ms },
    },
  });
}

// Messages come from our own scenario thread (see ToWorker).
port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'start':
      void run(message);
      return;
    case 'fingerprint':
      post({ type: 'fingerprints', fingerprints: fingerprints() });
      return;
    case 'close':
      pacer.stop();
      void Promise.all(clients.map(({ client }) => client.close())).then(() => post({ type: 'closed' }));
      return;
  }
});

connectAll().then(
  () => post({ type: 'connected' }),
  (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
