// Fan-out of one document's traffic to its connections, one frame per kind per connection and turn.
//
// Writing a frame to a socket costs a system call, and under load that was most of the server's
// time: every accepted message went to every peer as a frame of its own. Here what a turn of the
// event loop produced is sent together instead:
//
// - document updates: the updates one group commit stored (LiveDoc.persistUnsaved) go to each peer
//   as one sync update message, merged with `Y.mergeUpdates`, the same frame for every peer.
// - presence (awareness): the clients whose state changed during the turn go out together in one
//   awareness message, flushed by setImmediate after the turn's frames were handled. Each state is
//   encoded once, when it is taken, and its bytes are reused for every peer and every later message.
//
// Nothing here changes what a peer ends up with: a merged update integrates to the same document as
// its parts, and a client that receives only the latest state of a presence within one turn shows
// what it would have shown after the intermediate ones.
import * as encoding from 'lib0/encoding';
import { equalityDeep } from 'lib0/function';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { AwarenessEntry, AwarenessState } from './protocol.js';
import { MessageType, writeUpdate } from './protocol.js';

/** A connection as the fan-out sees it. */
export interface FanoutPeer {
  send(frame: Uint8Array): void;
  /** Sends several frames in one write to the socket where it can (else as `send` one by one). */
  sendMany?(frames: readonly Uint8Array[]): void;
}

export interface StoredUpdate<P> {
  update: Uint8Array;
  /** The peer that sent it; null for the server's own writes, which go to everyone. */
  from: P | null;
}

/**
 * Sends stored updates to every peer as one merged frame, the same for all. Call only once the
 * updates are persisted. A sender gets its own updates back, as from the reference y-websocket
 * server; Yjs skips what a document already holds. Leaving them out would need a merge per sender,
 * and under load, when a commit holds hundreds of updates from dozens of senders, those merges cost
 * more than the frames they save.
 */
export function relayUpdates<P extends FanoutPeer>(batch: readonly StoredUpdate<P>[], peers: Iterable<P>): void {
  const frame = updateFrame(batch.map((b) => b.update));
  if (!frame) return;
  for (const peer of peers) peer.send(frame);
}

/**
 * Sends each peer the frames of one turn (stored updates, then presence) in one write to its
 * socket: under load a turn usually has both, and each write is a system call.
 */
export function sendTurn<P extends FanoutPeer>(peers: Iterable<P>, frames: readonly (Uint8Array | null)[]): void {
  const present = frames.filter((f): f is Uint8Array => f !== null);
  if (present.length === 0) return;
  if (present.length === 1) {
    for (const peer of peers) peer.send(present[0]!);
    return;
  }
  for (const peer of peers) {
    if (peer.sendMany) peer.sendMany(present);
    else for (const frame of present) peer.send(frame);
  }
}

/** The frame that relays these stored updates: one sync update message, merged when several. */
export function updateFrame(updates: Uint8Array[]): Uint8Array | null {
  if (updates.length === 0) return null;
  return asBuffer(writeUpdate(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)));
}

/**
 * The same bytes as a Buffer, which ws sends as they are: given a plain Uint8Array it wraps it
 * anew for every peer.
 */
export function asBuffer(frame: Uint8Array): Buffer {
  return Buffer.isBuffer(frame) ? frame : Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
}

/** One client's entry of an awareness update (client id, clock, state JSON), as sent on the wire. */
function encodeEntry(clientId: number, clock: number, json: Uint8Array | string): Uint8Array {
  if (typeof json !== 'string') {
    // The usual case (the JSON as received): the exact size at once, without an encoder.
    const size = varUintLength(clientId) + varUintLength(clock) + varUintLength(json.byteLength) + json.byteLength;
    const bytes = new Uint8Array(size);
    let at = writeVarUintAt(bytes, 0, clientId);
    at = writeVarUintAt(bytes, at, clock);
    at = writeVarUintAt(bytes, at, json.byteLength);
    bytes.set(json, at);
    return bytes;
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  if (typeof json === 'string') encoding.writeVarString(encoder, json);
  else encoding.writeVarUint8Array(encoder, json);
  return encoding.toUint8Array(encoder);
}

/** An awareness message around already encoded entries, written into one buffer of its exact size. */
function awarenessFrame(entries: readonly Uint8Array[]): Uint8Array {
  let bodySize = varUintLength(entries.length);
  for (const entry of entries) bodySize += entry.byteLength;
  const frame = Buffer.allocUnsafe(varUintLength(MessageType.awareness) + varUintLength(bodySize) + bodySize);
  let at = writeVarUintAt(frame, 0, MessageType.awareness);
  at = writeVarUintAt(frame, at, bodySize);
  at = writeVarUintAt(frame, at, entries.length);
  for (const entry of entries) {
    frame.set(entry, at);
    at += entry.byteLength;
  }
  return frame;
}

/** Bytes of an unsigned varint (lib0's encoding: 7 bits a byte, low bits first). */
function varUintLength(n: number): number {
  let length = 1;
  while (n > 127) {
    n = Math.floor(n / 128);
    length++;
  }
  return length;
}

/** Writes an unsigned varint as lib0's writeVarUint does; returns the offset after it. */
function writeVarUintAt(target: Uint8Array, offset: number, n: number): number {
  while (n > 127) {
    target[offset++] = 128 | (n & 127);
    n = Math.floor(n / 128);
  }
  target[offset++] = n;
  return offset;
}

const utf8 = new TextEncoder();

/**
 * Applies parsed awareness entries as y-protocols' `applyAwarenessUpdate` does (same clock rules,
 * same 'change' and 'update' events), without encoding them and parsing the JSON back. Returns the
 * entries that changed something, with the clock they were stored with.
 */
export function applyAwarenessEntries(
  awareness: Awareness,
  entries: readonly AwarenessEntry[],
  origin: unknown,
): AwarenessEntry[] {
  const now = Date.now();
  // Whether a state really changed is asked for the 'change' event only (a deep comparison of the
  // states); with nobody listening to it, as on the server, it is not asked.
  const wantsChange = awareness._observers.has('change');
  const added: number[] = [];
  const updated: number[] = [];
  const filteredUpdated: number[] = [];
  const removed: number[] = [];
  const applied: AwarenessEntry[] = [];
  for (const entry of entries) {
    const { clientId, state } = entry;
    let clock = entry.clock;
    const meta = awareness.meta.get(clientId);
    const previous = awareness.states.get(clientId) as AwarenessState | undefined;
    const currentClock = meta === undefined ? 0 : meta.clock;
    if (!(currentClock < clock || (currentClock === clock && state === null && awareness.states.has(clientId)))) {
      continue;
    }
    if (state === null) {
      // As y-protocols does: nobody removes the local state (the server has none; kept for parity).
      if (clientId === awareness.clientID && awareness.getLocalState() !== null) clock++;
      else awareness.states.delete(clientId);
    } else {
      awareness.states.set(clientId, state);
    }
    awareness.meta.set(clientId, { clock, lastUpdated: now });
    if (meta === undefined && state !== null) added.push(clientId);
    else if (meta !== undefined && state === null) removed.push(clientId);
    else if (state !== null) {
      if (wantsChange && !equalityDeep(state, previous)) filteredUpdated.push(clientId);
      updated.push(clientId);
    }
    applied.push(clock === entry.clock ? entry : { ...entry, clock });
  }
  if (wantsChange && (added.length > 0 || filteredUpdated.length > 0 || removed.length > 0)) {
    awareness.emit('change', [{ added, updated: filteredUpdated, removed }, origin]);
  }
  if (added.length > 0 || updated.length > 0 || removed.length > 0) {
    awareness.emit('update', [{ added, updated, removed }, origin]);
  }
  return applied;
}

/**
 * Collects the presence changes of one document during a turn and relays them in one awareness
 * message per peer when the turn's frames have been handled.
 */
export class AwarenessRelay<P extends FanoutPeer> {
  /** Client ids whose state changed this turn, in the order of their latest change. */
  private readonly pending = new Set<number>();
  /** Client id → its current entry's bytes, encoded once when the state was taken. */
  private readonly encoded = new Map<number, { clock: number; bytes: Uint8Array }>();
  private scheduled: NodeJS.Immediate | null = null;

  /**
   * With `schedule`, the owner ends the turn (and calls `takeFrame`); without, the relay flushes by
   * itself with setImmediate.
   */
  constructor(
    private readonly awareness: Awareness,
    private readonly peers: () => Iterable<P>,
    private readonly schedule: (() => void) | null = null,
  ) {}

  /** Remembers how an entry just applied is encoded, so that relaying it needs no JSON.stringify. */
  remember(entry: AwarenessEntry): void {
    if (entry.state === null) {
      this.encoded.delete(entry.clientId);
      return;
    }
    const json = entry.json ?? utf8.encode(JSON.stringify(entry.state));
    this.encoded.set(entry.clientId, { clock: entry.clock, bytes: encodeEntry(entry.clientId, entry.clock, json) });
  }

  /** Called from the awareness 'update' event: these clients' states are to be relayed this turn. */
  changed(clientIds: readonly number[]): void {
    for (const id of clientIds) {
      // Re-inserting moves the id last, so entries go out in the order of their latest change.
      this.pending.delete(id);
      this.pending.add(id);
    }
    if (this.schedule) this.schedule();
    else this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Sends what is pending now (normally run by setImmediate). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    const frame = this.takeFrame();
    if (frame) for (const peer of this.peers()) peer.send(frame);
  }

  /**
   * The awareness message with every state that changed since the last one, or null. It goes to
   * everyone, senders included (their own states change nothing for them): one frame per sender
   * without its own entries would cost, per turn, peers × changed states. The echo also keeps a
   * client alone in a document alive (y-websocket clients treat 30 s without a message as a dead
   * connection).
   */
  takeFrame(): Uint8Array | null {
    if (this.pending.size === 0) return null;
    const entries: Uint8Array[] = [];
    for (const clientId of this.pending.keys()) entries.push(this.entryBytes(clientId));
    this.pending.clear();
    return awarenessFrame(entries);
  }

  /** An awareness message with every current state (for a new connection, or a query). */
  snapshot(): Uint8Array {
    return awarenessFrame([...this.awareness.getStates().keys()].map((id) => this.entryBytes(id)));
  }

  destroy(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    this.pending.clear();
    this.encoded.clear();
  }

  private entryBytes(clientId: number): Uint8Array {
    const clock = this.awareness.meta.get(clientId)?.clock ?? 0;
    const state = this.awareness.states.get(clientId) ?? null;
    const cached = this.encoded.get(clientId);
    if (state === null) {
      this.encoded.delete(clientId);
      return encodeEntry(clientId, clock, 'null');
    }
    if (cached && cached.clock === clock) return cached.bytes;
    const bytes = encodeEntry(clientId, clock, JSON.stringify(state));
    this.encoded.set(clientId, { clock, bytes });
    return bytes;
  }
}
