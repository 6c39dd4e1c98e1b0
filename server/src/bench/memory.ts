// The memory scenario (`--scenario memory`, Vermeboard only): what the server keeps.
//
// Fuzz: connections that each send one malformed frame (bad varints, unknown types, undecodable
// updates, awareness that does not parse, out-of-bounds stroke previews, text frames) until the
// server has closed `frames` of them; the server's RSS is read before, throughout and after a
// settle. What a refused connection leaves behind (buffers, listeners, limiter entries, log
// bindings) shows up here as growth. With `fuzzRooms` > 1 the frames go to one room after another,
// a burst of `framesPerRoomVisit` each: a room is loaded for its burst, lingers (5 s by default)
// and unloads before the fuzz comes back to it, so what loading, refusing and unloading a document
// leaves behind shows up too.
// Idle rooms: `rooms` rooms of 8 clients that each wrote a record and a presence state, left idle;
// the server's live heap (heapSnapshot.ts) with them connected, less the same after they left and
// their documents unloaded, divided by the rooms, is what one idle room keeps (RSS is printed too,
// but after the fuzz the heap has free pages that new rooms fill without growing it).
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { STROKE_PREVIEW_MESSAGE, strokePreviewBounds } from '@vermeboard/shared';
import { BenchClient } from './client.js';
import { readRssBytes } from './processStats.js';
import { socketTarget } from './provision.js';
import type { Target } from './targets.js';
import { encodeUpdate, MessageType } from './wire.js';

export interface MemoryParams {
  /** Malformed frames to send, one per connection. */
  frames: number;
  /** Connections open at once while fuzzing. */
  concurrency: number;
  /** Rooms the fuzz goes round (1: all frames to one room). */
  fuzzRooms: number;
  /** Frames sent to a room before the fuzz moves on to the next one. */
  framesPerRoomVisit: number;
  /** Idle rooms of `clientsPerRoom` to measure. */
  rooms: number;
  clientsPerRoom: number;
  /** Seconds to wait after each phase before reading the RSS. */
  settleSeconds: number;
}

export const memoryDefaults: MemoryParams = {
  frames: 100_000,
  concurrency: 32,
  fuzzRooms: 200,
  framesPerRoomVisit: 50,
  rooms: 25,
  clientsPerRoom: 8,
  settleSeconds: 10,
};

export interface MemoryReport {
  fuzz: {
    frames: number;
    rooms: number;
    seconds: number;
    rssBefore: number;
    rssPeak: number;
    /** Settled after half the frames. */
    rssHalfway: number;
    rssAfter: number;
    /**
     * A minute after the fuzz: V8 keeps the garbage of a burst (documents that lingered long enough
     * to be promoted, then unloaded) in its old space until its memory reducer collects and hands
     * the pages back, some seconds after the allocation rate drops.
     */
    rssMinuteAfter: number;
    /** Seconds between the end of the fuzz and `rssAfter`. */
    settleSeconds: number;
    /** Close code → connections closed with it. */
    closes: Record<string, number>;
  };
  idle: {
    rooms: number;
    clientsPerRoom: number;
    rssEmpty: number;
    rssLoaded: number;
    /** After every client left and the rooms unloaded. */
    rssAfter: number;
    perRoom: number;
    /**
     * The live heap after a full collection (heapSnapshot.ts; NaN when the target cannot say): after
     * the fuzz, with the rooms, and after they left and unloaded. Per room: loaded less left.
     */
    heapAfterFuzz: number;
    heapLoaded: number;
    heapAfter: number;
    heapPerRoom: number;
  };
}

function previewFrame(count: number, value: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, STROKE_PREVIEW_MESSAGE);
  encoding.writeVarString(encoder, 'fuzz');
  for (const n of [0, 0, count]) encoding.writeVarUint(encoder, n);
  for (let i = 0; i < Math.min(count, 64); i++) encoding.writeFloat32(encoder, value);
  return encoding.toUint8Array(encoder);
}

/** Malformed frames, each of a kind the server must refuse; `i` varies the bytes. */
const fuzzFrames: ((i: number) => Uint8Array | string)[] = [
  (i) => Uint8Array.from({ length: 8 + (i % 200) }, (_, k) => ((i * 31 + k * 17) & 0xff) | 0x80),
  () => new Uint8Array([0x80]),
  (i) => new Uint8Array([9 + (i % 50), 1, 2]),
  (i) => encodeUpdate(Uint8Array.from({ length: 5 + (i % 300) }, (_, k) => (k * i + 7) & 0xff)),
  (i) => {
    // An awareness update whose state is not JSON.
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, 1000 + i);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, `{"x":${'['.repeat(1 + (i % 100))}`);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
    return encoding.toUint8Array(encoder);
  },
  () => previewFrame(3, 1),
  () => previewFrame(2, Number.NaN),
  () => previewFrame(strokePreviewBounds.maxNumbers + 2, 0),
  (i) => `not binary ${i}`,
];

/** Opens a socket, sends one malformed frame, resolves with the close code. */
function fuzzOnce(address: string, frame: Uint8Array | string): Promise<number> {
  return new Promise((resolve) => {
    const { url, headers } = socketTarget(address);
    const ws = new WebSocket(url, { headers });
    const timer = setTimeout(() => ws.terminate(), 10_000);
    ws.on('error', () => {});
    ws.on('message', () => {});
    ws.once('open', () => ws.send(frame));
    ws.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The lowest of a few readings over a second: RSS drifts with the garbage collector's timing. */
async function settledRss(pid: number, settleSeconds: number): Promise<number> {
  await sleep(settleSeconds * 1000);
  let low = Infinity;
  for (let i = 0; i < 5; i++) {
    low = Math.min(low, readRssBytes(pid));
    await sleep(200);
  }
  return low;
}

export async function runMemory(
  target: Target,
  params: MemoryParams,
  log: (line: string) => void,
): Promise<MemoryReport> {
  const pid = target.pid;
  if (pid === null) throw new Error('the memory scenario needs the server’s pid');
  const fuzzRooms = target.roomUrls.slice(0, params.fuzzRooms);
  const idleRooms = target.roomUrls.slice(params.fuzzRooms);
  if (fuzzRooms.length < params.fuzzRooms || params.fuzzRooms < 1 || idleRooms.length < params.rooms)
    throw new Error('the memory scenario needs fuzzRooms + rooms rooms');
  const visit = Math.max(1, params.framesPerRoomVisit);
  const fuzzRoom = (i: number) => fuzzRooms[Math.floor(i / visit) % fuzzRooms.length]!;
  // Snapshots only after the fuzz's RSS readings: writing one leaves the process's RSS higher.
  const heap = target.liveHeapBytes ?? (() => Promise.resolve(Number.NaN));

  // Warm up: the room loaded once and the code paths compiled, so that start-up is not growth.
  for (let i = 0; i < 200; i++) await fuzzOnce(fuzzRoom(i), fuzzFrames[i % fuzzFrames.length]!(i));
  const rssBefore = await settledRss(pid, params.settleSeconds);
  let rssPeak = rssBefore;
  const closes: Record<string, number> = {};
  let next = 0;
  let lastReport = performance.now();
  let fuzzMs = 0;
  const fuzzUpTo = async (end: number) => {
    const from = performance.now();
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, readRssBytes(pid))), 250);
    const worker = async () => {
      while (next < end) {
        const i = next++;
        const code = await fuzzOnce(fuzzRoom(i), fuzzFrames[i % fuzzFrames.length]!(i));
        closes[code] = (closes[code] ?? 0) + 1;
        if (performance.now() - lastReport > 10_000) {
          lastReport = performance.now();
          log(`  fuzz: ${next} frames, RSS ${(readRssBytes(pid) / 2 ** 20).toFixed(0)} MB`);
        }
      }
    };
    await Promise.all(Array.from({ length: params.concurrency }, worker));
    clearInterval(sampler);
    fuzzMs += performance.now() - from;
  };
  // Halfway the fuzz pauses to settle: memory that is kept grows again in the second half, memory
  // the heap only sized itself to does not.
  await fuzzUpTo(Math.floor(params.frames / 2));
  const rssHalfway = await settledRss(pid, params.settleSeconds);
  await fuzzUpTo(params.frames);
  const rssAfter = await settledRss(pid, params.settleSeconds);
  const rssMinuteAfter = await settledRss(pid, Math.max(0, 60 - params.settleSeconds - 1));
  const heapAfterFuzz = await heap();

  const rssEmpty = await settledRss(pid, params.settleSeconds);
  const clients: BenchClient[] = [];
  for (const [room, url] of idleRooms.slice(0, params.rooms).entries()) {
    for (let c = 0; c < params.clientsPerRoom; c++) {
      const client = new BenchClient(url, `idle ${room}.${c}`, null);
      await client.connect(30_000);
      client.sendUpdate(`shape:idle-${room}-${c}`, c * 10, room * 10);
      client.sendCursor(c, room);
      clients.push(client);
    }
  }
  const rssLoaded = await settledRss(pid, params.settleSeconds);
  const heapLoaded = await heap();
  const refused = clients.filter((client) => client.closeInfo !== null);
  if (refused.length > 0)
    throw new Error(`${refused.length} idle clients were closed (${refused[0]!.closeInfo!.code})`);
  await Promise.all(clients.map((client) => client.close()));
  const rssGone = await settledRss(pid, params.settleSeconds);
  const heapGone = await heap();
  return {
    fuzz: {
      frames: params.frames,
      rooms: fuzzRooms.length,
      seconds: fuzzMs / 1000,
      rssBefore,
      rssPeak,
      rssHalfway,
      rssAfter,
      rssMinuteAfter,
      settleSeconds: params.settleSeconds,
      closes,
    },
    idle: {
      rooms: params.rooms,
      clientsPerRoom: params.clientsPerRoom,
      rssEmpty,
      rssLoaded,
      rssAfter: rssGone,
      perRoom: (rssLoaded - rssEmpty) / params.rooms,
      heapAfterFuzz,
      heapLoaded,
      heapAfter: heapGone,
      heapPerRoom: (heapLoaded - heapGone) / params.rooms,
    },
  };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

export function memoryLines(report: MemoryReport): string[] {
  const { fuzz, idle } = report;
  const codes = Object.entries(fuzz.closes)
    .map(([code, n]) => `${code} × ${n}`)
    .join(', ');
  return [
    `Memory: ${fuzz.frames} malformed frames (one per connection, ${fuzz.rooms === 1 ? 'one room' : `${fuzz.rooms} rooms in turn`}) in ${fuzz.seconds.toFixed(0)} s: server RSS ` +
      `${mb(fuzz.rssBefore)} before, ${mb(fuzz.rssHalfway)} halfway, ${mb(fuzz.rssPeak)} at peak, ${mb(fuzz.rssAfter)} ${fuzz.settleSeconds} s after ` +
      `(${mb(fuzz.rssAfter - fuzz.rssBefore)} grown), ${mb(fuzz.rssMinuteAfter)} a minute after ` +
      `(${mb(fuzz.rssMinuteAfter - fuzz.rssBefore)} grown; target ≤ 50 MB); closes ${codes}`,
    `Memory: ${idle.rooms} idle rooms × ${idle.clientsPerRoom} clients: server RSS ${mb(idle.rssEmpty)} without them, ` +
      `${mb(idle.rssLoaded)} with them, ${mb(idle.rssAfter)} after they left; live heap ${mb(idle.heapAfterFuzz)} ` +
      `after the fuzz, ${mb(idle.heapLoaded)} with the rooms, ${mb(idle.heapAfter)} after they left; ` +
      `${(idle.perRoom / 1024).toFixed(0)} KB of RSS and ${(idle.heapPerRoom / 1024).toFixed(0)} KB of live heap ` +
      `per room (target ≤ 150 KB)`,
  ];
}
