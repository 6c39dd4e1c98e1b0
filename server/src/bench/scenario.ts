// One load run: R rooms × C clients against one target, warm-up then a measured window, then a
// quiet period and the convergence check. Everything it starts it also stops: the pacers, the
// clients and (through the caller) the target.
import { BenchClient } from './client.js';
import type { ClientListener } from './client.js';
import { allEqual, docFingerprint } from './convergence.js';
import { Pacer } from './pacer.js';
import type { ProcessUsage } from './processStats.js';
import { ProcessMonitor, SelfCpuMonitor } from './processStats.js';
import type { LatencySummary } from './stats.js';
import { Tally } from './stats.js';
import type { Target, TargetKind } from './targets.js';

export interface LoadParams {
  rooms: number;
  clients: number;
  /** Document updates per client per second. */
  updates: number;
  /** Cursor (awareness) updates per client per second. */
  cursors: number;
  /** Measured seconds. */
  seconds: number;
  /** Seconds of load before measuring, so connection set-up and JIT warm-up are not measured. */
  warmup: number;
}

export interface KindResult {
  sent: number;
  expected: number;
  received: number;
  delivery: number;
  latencyMs: LatencySummary;
}

export interface RunResult {
  scenario: string;
  target: TargetKind;
  params: LoadParams;
  updates: KindResult;
  awareness: KindResult;
  /** Every client of every room ended with the same document (and, if the target stores documents, a fresh client got it too). */
  converged: boolean;
  /** Rooms whose clients disagreed, and rooms whose fresh client disagreed with them. */
  divergentRooms: number;
  freshMismatchRooms: number | null;
  /** Sockets the target closed during the run, by close code. */
  unexpectedCloses: Record<string, number>;
  badFrames: number;
  server: ProcessUsage | null;
  benchCpuPercent: number;
  /** Lines the target process logged at LOG_LEVEL=warn; the last few follow. */
  targetLogLines: number;
  targetLogTail: string[];
}

/** Shapes each client moves in turn: a few, so that the board holds R × C × SHAPES records. */
const SHAPES_PER_CLIENT = 3;
/** Connections opened at once, so a big scenario does not open hundreds of sockets in one tick. */
const CONNECT_CONCURRENCY = 25;
const SYNC_TIMEOUT_MS = 30_000;
/** Traffic has quiesced when no client received anything for this long… */
const QUIET_MS = 750;
/** …or this much time has passed since the load stopped. */
const QUIESCE_LIMIT_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

function kindResult(tally: Tally): KindResult {
  return {
    sent: tally.sent,
    expected: tally.expected,
    received: tally.received,
    delivery: tally.deliveryRatio,
    latencyMs: tally.latency.summary(),
  };
}

export async function runLoad(scenario: string, target: Target, params: LoadParams): Promise<RunResult> {
  const updates = new Tally();
  const awareness = new Tally();
  // Sends and receipts count when their send time falls in [windowStart, windowEnd).
  let windowStart = Number.POSITIVE_INFINITY;
  let windowEnd = Number.POSITIVE_INFINITY;
  const measured = (sentAt: number) => sentAt >= windowStart && sentAt < windowEnd;
  const listener: ClientListener = {
    onUpdateReceipt(stamp, at) {
      if (measured(stamp.sentAt)) updates.recordReceipt(at - stamp.sentAt);
    },
    onAwarenessReceipt(stamp, at) {
      if (measured(stamp.sentAt)) awareness.recordReceipt(at - stamp.sentAt);
    },
  };

  const rooms = target.roomUrls.map((url, room) =>
    Array.from({ length: params.clients }, (_, i) => new BenchClient(url, `Bench ${room}.${i}`, listener)),
  );
  const clients = rooms.flat();
  const pacer = new Pacer();
  try {
    await inBatches(clients, CONNECT_CONCURRENCY, (client) => client.connect(SYNC_TIMEOUT_MS));

    const receivers = params.clients - 1;
    clients.forEach((client, index) => {
      let moves = 0;
      const origin = { x: (index % 20) * 200, y: Math.floor(index / 20) * 120 };
      pacer.every(params.updates, () => {
        const shape = moves++ % SHAPES_PER_CLIENT;
        const stamp = client.sendUpdate(`shape:bench-${index}-${shape}`, origin.x + (moves % 50), origin.y + shape * 30);
        if (measured(stamp.sentAt)) updates.recordSend(receivers);
      });
      pacer.every(params.cursors, () => {
        const stamp = client.sendCursor(origin.x + Math.random() * 400, origin.y + Math.random() * 300);
        if (measured(stamp.sentAt)) awareness.recordSend(receivers);
      });
    });

    await sleep(params.warmup * 1000);
    const serverMonitor = target.pid === null ? null : new ProcessMonitor(target.pid);
    const benchMonitor = new SelfCpuMonitor();
    serverMonitor?.start();
    benchMonitor.start();
    windowStart = performance.now();
    await sleep(params.seconds * 1000);
    windowEnd = performance.now();
    const server = serverMonitor?.stop() ?? null;
    const benchCpuPercent = benchMonitor.stop();
    pacer.stop();

    await quiesce(clients);
    const fingerprints = rooms.map((room) => room.map((client) => docFingerprint(client.doc)));
    const divergentRooms = fingerprints.filter((room) => !allEqual(room)).length;
    const freshMismatchRooms = target.storesDocuments
      ? await countFreshMismatches(target.roomUrls, fingerprints.map((room) => room[0] ?? ''))
      : null;

    const unexpectedCloses: Record<string, number> = {};
    for (const { closeInfo } of clients) {
      if (closeInfo && !closeInfo.expected) unexpectedCloses[closeInfo.code] = (unexpectedCloses[closeInfo.code] ?? 0) + 1;
    }
    return {
      scenario,
      target: target.kind,
      params,
      updates: kindResult(updates),
      awareness: kindResult(awareness),
      converged: divergentRooms === 0 && (freshMismatchRooms ?? 0) === 0,
      divergentRooms,
      freshMismatchRooms,
      unexpectedCloses,
      badFrames: clients.reduce((sum, client) => sum + client.badFrames, 0),
      server,
      benchCpuPercent,
      targetLogLines: target.outputLines(),
      targetLogTail: target.outputTail().split('\n').filter(Boolean).slice(-5),
    };
  } finally {
    pacer.stop();
    for (const client of clients) client.close();
  }
}

async function quiesce(clients: readonly BenchClient[]): Promise<void> {
  const deadline = performance.now() + QUIESCE_LIMIT_MS;
  for (;;) {
    await sleep(QUIET_MS / 3);
    const now = performance.now();
    const lastReceive = Math.max(...clients.map((client) => client.lastReceiveAt));
    if (now - lastReceive >= QUIET_MS || now >= deadline) return;
  }
}

/** Connects one new client per room; it must receive from the target what the room's clients hold. */
async function countFreshMismatches(roomUrls: readonly string[], expected: readonly string[]): Promise<number> {
  let mismatches = 0;
  await inBatches([...roomUrls.keys()], CONNECT_CONCURRENCY, async (room) => {
    const fresh = new BenchClient(roomUrls[room] as string, `Late joiner ${room}`, null);
    try {
      await fresh.connect(SYNC_TIMEOUT_MS);
      if (docFingerprint(fresh.doc) !== expected[room]) mismatches += 1;
    } catch {
      mismatches += 1;
    } finally {
      fresh.close();
    }
  });
  return mismatches;
}
