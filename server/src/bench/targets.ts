// The systems the load runs against: the Vermeboard server (started by the bench, or already
// running at --url), the reference y-websocket server (referenceProcess.ts), Hocuspocus
// (hocuspocusProcess.ts) and the bare relay. Each gives one board URL per room, what it speaks on
// them and the pid to measure.
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TargetOutput } from './children.js';
import type { Protocol } from './framing.js';
import { makeTempDir, NodeChild, removeTempDir } from './children.js';
import { randomBytes } from 'node:crypto';
import { createBenchDatabase } from './benchDatabase.js';
import { heapSnapshotOptions, liveHeapBytes } from './heapSnapshot.js';
import { boardUrl, provision, waitForReady, type BenchParticipant } from './provision.js';

export type TargetKind = 'vermeboard' | 'reference' | 'hocuspocus' | 'relay' | 'cluster';

export interface Target {
  kind: TargetKind;
  /** One WebSocket URL per room. */
  roomUrls: string[];
  /**
   * Per room, the members who joined it by name (Vermeboard): client i of a room opens the room's
   * URL with participant i's token and publishes that participant's identity.
   */
  roomParticipants?: BenchParticipant[][];
  /** The framing of the y-websocket messages on those sockets. */
  protocol: Protocol;
  /** With several instances: each instance's room URLs (a room's clients are spread over them). */
  instanceRoomUrls?: string[][];
  /** How many server instances serve the rooms. */
  instances?: number;
  /** The process to measure, when known. */
  pid: number | null;
  /** Whether a client that connects late gets the room's state from the target (the relay keeps none). */
  storesDocuments: boolean;
  /** The server's live JavaScript heap after a full collection, when it was started to report it. */
  liveHeapBytes?: () => Promise<number>;
  /** What the target process wrote since it became ready (warnings and errors at LOG_LEVEL=warn). */
  output(): TargetOutput;
  close(): Promise<void>;
}

const SERVER_MAIN = fileURLToPath(new URL('../main.js', import.meta.url));
const RELAY_MAIN = fileURLToPath(new URL('./relayProcess.js', import.meta.url));
const REFERENCE_MAIN = fileURLToPath(new URL('./referenceProcess.js', import.meta.url));
const HOCUSPOCUS_MAIN = fileURLToPath(new URL('./hocuspocusProcess.js', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A port nothing listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node server/dist/main.js` on a free port with a throw-away data directory. With
 * `heapSnapshots`, the target can also report the server's live heap (heapSnapshot.ts).
 */
export async function startServerTarget(rooms: number, heapSnapshots = false, participants = 0): Promise<Target> {
  const dir = heapSnapshots ? makeTempDir('vermeboard-heap-') : null;
  const env: Record<string, string> = dir ? { NODE_OPTIONS: heapSnapshotOptions(dir) } : {};
  const { child, port, cleanup } = await startServerChild('server', env);
  const target = await readyTarget(
    child,
    port,
    rooms,
    async () => {
      await cleanup();
      if (dir) removeTempDir(dir);
    },
    participants,
  );
  return dir ? { ...target, liveHeapBytes: () => liveHeapBytes(child.pid, dir) } : target;
}

async function startServerChild(label: string, env: Record<string, string>) {
  const port = await freePort();
  const dataDir = makeTempDir('vermeboard-bench-');
  const child = new NodeChild(
    label,
    SERVER_MAIN,
    {
      ...process.env,
      PORT: String(port),
      // Nobody else needs to reach a server that exists for one bench run.
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // The bench opens hundreds of connections from one address within seconds.
      RATE_LIMIT_CONNECTIONS_PER_MINUTE: '100000',
      // …and lets hundreds of members join by name and call the API within a minute.
      RATE_LIMIT_JOINS_PER_LINK_PER_HOUR: '100000',
      RATE_LIMIT_API_PER_MINUTE: '100000',
      ...env,
    },
    { cwd: REPO_ROOT },
  );
  const cleanup = async () => {
    await child.stop();
    removeTempDir(dataDir);
  };
  return { child, port, cleanup };
}

/**
 * `instances` servers on one fresh PostgreSQL database (BENCH_DATABASE_URL names the server, by
 * default the local one) and, with more than one, sharing documents through Redis (REDIS_URL, by
 * default the local one) under a key prefix of their own. The first instance is the one measured.
 */
export async function startClusterTarget(rooms: number, instances: number, participants = 0): Promise<Target> {
  const database = await createBenchDatabase();
  const secret = randomBytes(32).toString('hex');
  const env: Record<string, string> = {
    STORAGE: 'postgres',
    DATABASE_URL: database.url,
    VERMEBOARD_SECRET: secret,
    ...(instances > 1
      ? {
          REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
          REDIS_PREFIX: `vbbench:${randomBytes(4).toString('hex')}:`,
        }
      : {}),
  };
  const started: Awaited<ReturnType<typeof startServerChild>>[] = [];
  const cleanup = async () => {
    await Promise.all(started.map((s) => s.cleanup()));
    await database.drop();
  };
  try {
    for (let i = 0; i < instances; i++) started.push(await startServerChild(`server ${i + 1}`, env));
    const first = started[0]!;
    const target = await readyTarget(first.child, first.port, rooms, cleanup, participants);
    const urls = [target.roomUrls];
    for (const other of started.slice(1)) {
      const base = `http://127.0.0.1:${other.port}`;
      await Promise.race([waitForReady(base, 30_000), other.child.exitedEarly()]);
      urls.push(target.roomUrls.map((url) => url.replace(`:${first.port}/`, `:${other.port}/`)));
    }
    return { ...target, kind: 'cluster', instanceRoomUrls: urls, instances };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function readyTarget(
  child: NodeChild,
  port: number,
  rooms: number,
  cleanup: () => Promise<void>,
  participants = 0,
): Promise<Target> {
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    await Promise.race([waitForReady(baseUrl, 30_000), child.exitedEarly()]);
    const provisioned = await provision(baseUrl, rooms, participants);
    // Start-up notices (e.g. "client build not found") say nothing about the load.
    const startupLines = child.lines;
    return {
      kind: 'vermeboard',
      roomUrls: provisioned.map((room) => boardUrl(baseUrl, room.meetingId, room.memberToken)),
      roomParticipants: provisioned.map((room) => room.participants),
      protocol: 'y-websocket',
      pid: child.pid,
      storesDocuments: true,
      output: () => child.outputSince(startupLines),
      close: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Uses a server someone else started; `pid` (if given) is measured. */
export async function urlTarget(baseUrl: string, rooms: number, pid: number | null, participants = 0): Promise<Target> {
  await waitForReady(baseUrl, 10_000);
  const provisioned = await provision(baseUrl, rooms, participants);
  return {
    kind: 'vermeboard',
    roomUrls: provisioned.map((room) => boardUrl(baseUrl, room.meetingId, room.memberToken)),
    roomParticipants: provisioned.map((room) => room.participants),
    protocol: 'y-websocket',
    pid,
    storesDocuments: true,
    output: () => ({ lines: 0, tail: [] }),
    close: async () => {},
  };
}

export function startRelayTarget(rooms: number): Promise<Target> {
  return startChildTarget('relay', RELAY_MAIN, rooms, 'y-websocket');
}

/** The reference server keeps a room's document only while someone is connected. */
export function startReferenceTarget(rooms: number): Promise<Target> {
  return startChildTarget('reference', REFERENCE_MAIN, rooms, 'y-websocket');
}

/** Without persistence, Hocuspocus too keeps a document only while someone is connected. */
export function startHocuspocusTarget(rooms: number): Promise<Target> {
  return startChildTarget('hocuspocus', HOCUSPOCUS_MAIN, rooms, 'hocuspocus');
}

/** A child process that prints `{"port": n}` once it listens and serves rooms by request path. */
async function startChildTarget(
  kind: 'relay' | 'reference' | 'hocuspocus',
  main: string,
  rooms: number,
  protocol: Protocol,
): Promise<Target> {
  const child = new NodeChild(kind, main, { ...process.env, PORT: '0' }, { ipc: true });
  const port = await child.waitForLine((line) => {
    try {
      const port: unknown = (JSON.parse(line) as { port?: unknown }).port;
      return typeof port === 'number' ? port : null;
    } catch {
      return null;
    }
  }, 10_000);
  // Same path shape as the server's, so URL handling costs the same.
  const roomUrls = Array.from(
    { length: rooms },
    (_, i) => `ws://127.0.0.1:${port}/sync/meeting/room${i}/board?token=bench`,
  );
  const startupLines = child.lines;
  return {
    kind,
    roomUrls,
    protocol,
    pid: child.pid,
    storesDocuments: false,
    output: () => child.outputSince(startupLines),
    close: () => child.stop(),
  };
}
