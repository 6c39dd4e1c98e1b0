// One load run: R rooms × C clients against one target. The clients live in a few worker threads
// (loadWorker.ts); this thread hands them out, fixes the measured window for all of them, measures
// the target and the bench process over that window, merges the workers' reports and checks that
// every room converged — and, when the target stores documents, that a late joiner gets the same
// document from it after everyone left.
import { Worker } from 'node:worker_threads';
import type { TargetOutput } from './children.js';
import { BenchClient } from './client.js';
import { allEqual, docFingerprint } from './convergence.js';
import type { MachineUsage, ProcessUsage, SelfUsage } from './processStats.js';
import { MachineMonitor, ProcessMonitor, SelfCpuMonitor } from './processStats.js';
import { anonymousUser, withToken } from './provision.js';
import { clockMs } from './stamp.js';
import type { LatencySummary } from './stats.js';
import { Tally } from './stats.js';
import type { Target, TargetKind } from './targets.js';
import type {
  ClientAssignment,
  ClientCloses,
  FromWorker,
  ToWorker,
  WorkerInput,
  WorkerReport,
} from './workerProtocol.js';

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
  /** Worker threads that run the clients. */
  workers: number;
}

export interface KindResult {
  /** Sends the rates ask for in the measured window; `sent` falls short when the bench could not keep up. */
  planned: number;
  sent: number;
  expected: number;
  received: number;
  delivery: number;
  latencyMs: LatencySummary;
}

export interface RunResult {
  scenario: string;
  target: TargetKind;
  /** Server instances the rooms were spread over (1 but for the cluster target). */
  instances: number;
  params: LoadParams;
  updates: KindResult;
  awareness: KindResult;
  /** Every client of every room ended with the same document, and a late joiner got it from the target (if it stores documents). */
  converged: boolean;
  /** Rooms whose clients disagreed. */
  divergentRooms: number;
  /** Rooms where the late joiner's document differed; null for a target that stores nothing. */
  freshMismatchRooms: number | null;
  /** Sockets the target closed during the run, by close code. */
  unexpectedCloses: ClientCloses;
  badFrames: number;
  server: ProcessUsage | null;
  bench: SelfUsage;
  /** All processes on the machine; the part used by neither the target nor the bench was someone else's. */
  machine: MachineUsage;
  /** Lines the target process logged at LOG_LEVEL=warn during the run; the last few of them. */
  targetLog: TargetOutput;
}

/** Time for the start message to reach every worker before the warm-up counts. */
const START_MARGIN_MS = 100;
/** How often, and how long apart, to ask again when a room's documents differ (updates still in flight). */
const FINGERPRINT_RETRIES = 5;
const FINGERPRINT_RETRY_MS = 1000;
const SYNC_TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** One worker thread and a typed way to wait for its next message of a kind. */
class LoadWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<FromWorker['type'], (message: FromWorker) => void>();
  private failure: Error | null = null;
  private readonly failed: Promise<never>;

  constructor(input: WorkerInput) {
    this.worker = new Worker(new URL('./loadWorker.js', import.meta.url), { workerData: input });
    let fail: (error: Error) => void = () => {};
    this.failed = new Promise<never>((_, reject) => {
      fail = reject;
    });
    // Keep an unobserved rejection from crashing the process; every wait races against it.
    this.failed.catch(() => {});
    const die = (error: Error) => {
      this.failure ??= error;
      fail(this.failure);
    };
    // Our own worker posts only FromWorker messages.
    this.worker.on('message', (message: FromWorker) => {
      if (message.type === 'failed') die(new Error(message.message));
      const resolve = this.waiting.get(message.type);
      this.waiting.delete(message.type);
      resolve?.(message);
    });
    this.worker.on('error', die);
    this.worker.on('exit', (code) => die(new Error(`load worker exited with ${code}`)));
  }

  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  next<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>> {
    const message = new Promise<Extract<FromWorker, { type: T }>>((resolve) => {
      this.waiting.set(type, resolve as (message: FromWorker) => void);
    });
    return Promise.race([message, this.failed]);
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}

function assignClients(target: Target, params: LoadParams): ClientAssignment[][] {
  const perWorker: ClientAssignment[][] = Array.from({ length: params.workers }, () => []);
  let index = 0;
  const instances = target.instanceRoomUrls ?? [target.roomUrls];
  target.roomUrls.forEach((_, room) => {
    for (let i = 0; i < params.clients; i++, index++) {
      // Round robin, so every worker carries a share of every room's traffic; with several
      // instances, a room's clients are spread over them the same way.
      const roomUrl = instances[i % instances.length]![room]!;
      const participant = target.roomParticipants?.[room]?.[i];
      const url = participant ? withToken(roomUrl, participant.token) : roomUrl;
      perWorker[index % params.workers]?.push({
        room,
        index,
        url,
        user: participant?.user ?? anonymousUser(room, index),
      });
    }
  });
  return perWorker.filter((clients) => clients.length > 0);
}

function kindResult(tally: Tally, perClientPerSecond: number, params: LoadParams): KindResult {
  return {
    planned: Math.round(params.rooms * params.clients * perClientPerSecond * params.seconds),
    sent: tally.sent,
    expected: tally.expected,
    received: tally.received,
    delivery: tally.deliveryRatio,
    latencyMs: tally.latency.summary(),
  };
}

/** Rooms whose clients' fingerprints are not all equal. */
function divergentRooms(rooms: number, fingerprints: WorkerReport['fingerprints']): number[] {
  const byRoom = Array.from({ length: rooms }, (): string[] => []);
  for (const [room, fingerprint] of fingerprints) byRoom[room]?.push(fingerprint);
  return byRoom.flatMap((prints, room) => (allEqual(prints) ? [] : [room]));
}

export async function runLoad(scenario: string, target: Target, params: LoadParams): Promise<RunResult> {
  const workers = assignClients(target, params).map(
    (clients) => new LoadWorker({ clients, params, protocol: target.protocol }),
  );
  try {
    await Promise.all(workers.map((worker) => worker.next('connected')));

    const windowStart = clockMs() + START_MARGIN_MS + params.warmup * 1000;
    const windowEnd = windowStart + params.seconds * 1000;
    for (const worker of workers) worker.send({ type: 'start', windowStart, windowEnd });
    const reports = Promise.all(workers.map((worker) => worker.next('report')));
    // Awaited below; until then a failing worker must not count as an unhandled rejection.
    reports.catch(() => {});

    await sleep(windowStart - clockMs());
    const serverMonitor = target.pid === null ? null : new ProcessMonitor(target.pid);
    const benchCpu = new SelfCpuMonitor();
    const machineMonitor = new MachineMonitor();
    serverMonitor?.start();
    benchCpu.start();
    machineMonitor.start();
    await sleep(windowEnd - clockMs());
    const server = serverMonitor?.stop() ?? null;
    const benchCpuPercent = benchCpu.stop();
    const machine = machineMonitor.stop();

    const done = (await reports).map((message) => message.report);
    const updates = new Tally();
    const awareness = new Tally();
    const unexpectedCloses: ClientCloses = {};
    for (const report of done) {
      updates.merge(report.updates);
      awareness.merge(report.awareness);
      for (const [code, count] of Object.entries(report.closes))
        unexpectedCloses[code] = (unexpectedCloses[code] ?? 0) + count;
    }

    let fingerprints = done.flatMap((report) => report.fingerprints);
    for (let retry = 0; retry < FINGERPRINT_RETRIES && divergentRooms(params.rooms, fingerprints).length > 0; retry++) {
      await sleep(FINGERPRINT_RETRY_MS);
      const again = Promise.all(workers.map((worker) => worker.next('fingerprints')));
      for (const worker of workers) worker.send({ type: 'fingerprint' });
      fingerprints = (await again).flatMap((message) => message.fingerprints);
    }
    const divergent = divergentRooms(params.rooms, fingerprints).length;

    const closed = Promise.all(workers.map((worker) => worker.next('closed')));
    for (const worker of workers) worker.send({ type: 'close' });
    await closed;

    let freshMismatchRooms: number | null = null;
    if (target.storesDocuments) {
      const expected = new Map(fingerprints);
      freshMismatchRooms = await countFreshMismatches(target, expected);
    }

    return {
      scenario,
      target: target.kind,
      instances: target.instances ?? 1,
      params,
      updates: kindResult(updates, params.updates, params),
      awareness: kindResult(awareness, params.cursors, params),
      converged: divergent === 0 && (freshMismatchRooms ?? 0) === 0,
      divergentRooms: divergent,
      freshMismatchRooms,
      unexpectedCloses,
      badFrames: done.reduce((sum, report) => sum + report.badFrames, 0),
      server,
      bench: {
        cpuPercent: benchCpuPercent,
        loopDelayP99Ms: Math.max(...done.map((report) => report.loop.loopDelayP99Ms)),
      },
      machine,
      targetLog: target.output(),
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * After every client has left, connects one new client per room: it must receive from the target
 * exactly what the room's clients held, which proves the target kept (and, once the room is
 * unloaded, reloaded) every update.
 */
async function countFreshMismatches(target: Target, expected: ReadonlyMap<number, string>): Promise<number> {
  const results = await Promise.all(
    target.roomUrls.map(async (url, room) => {
      const fresh = new BenchClient(url, `Late joiner ${room}`, null, target.protocol);
      try {
        await fresh.connect(SYNC_TIMEOUT_MS);
        return docFingerprint(fresh.doc) === expected.get(room) ? 0 : 1;
      } catch {
        return 1;
      } finally {
        await fresh.close();
      }
    }),
  );
  return results.reduce<number>((sum, mismatch) => sum + mismatch, 0);
}
