// One simulated board participant: a Y.Doc and one WebSocket speaking the y-websocket protocol, in
// the target's framing (framing.ts). It sends document updates and cursor (awareness) updates when
// the scenario tells it to and reports every stamped change it receives from another client, with
// the time it arrived.
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { RecordEntry } from './boardRecords.js';
import { readEntryStamp, recordsArray, setRecord, shapeRecord } from './boardRecords.js';
import type { Framing, Protocol } from './framing.js';
import { framingFor, TargetRefusal } from './framing.js';
import { BENCH_COLOR, socketTarget, type BenchUser } from './provision.js';
import type { BenchStamp } from './stamp.js';
import { clockMs, dig, parseStamp } from './stamp.js';
import { decodeMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, frameOf } from './wire.js';

/** Transaction origin of changes that came from the network, so they are not sent back. */
const REMOTE = Symbol('remote');

export interface ClientListener {
  /** A document change stamped by another client became visible in this client's doc. */
  onUpdateReceipt(stamp: BenchStamp, receivedAt: number): void;
  /** A newer cursor of another client arrived. */
  onAwarenessReceipt(stamp: BenchStamp, receivedAt: number): void;
}

export interface CloseInfo {
  code: number;
  reason: string;
  /** True when the bench closed the socket itself. */
  expected: boolean;
}

export interface AwarenessState {
  user: BenchUser | { name: string; color: string };
  cursor: { x: number; y: number; type: string; rotation: number };
  bench: BenchStamp;
  /**
   * When this client's previous cursor positions were sent, newest first (at most `SUPERSEDED`). A
   * server may relay only the latest of several states one client published in one turn; a peer that
   * gets it counts the positions it replaced as delivered with it, each from its own send time.
   */
  before: number[];
}

/** How many earlier cursor sends a state names (see AwarenessState.before). */
const SUPERSEDED = 8;

export class BenchClient {
  readonly doc = new Y.Doc();
  readonly records: Y.Array<RecordEntry> = recordsArray(this.doc);
  /** clockMs() of the last frame received, to tell when traffic has quiesced. */
  lastReceiveAt = 0;
  closeInfo: CloseInfo | null = null;
  /** Frames that did not parse or failed to apply. */
  badFrames = 0;
  /** Why the target refused or closed this client's document, if it did. */
  refusal: string | null = null;

  private ws: WebSocket | null = null;
  private closing = false;
  private updateSeq = 0;
  private cursorSeq = 0;
  private awarenessClock = 0;
  private readonly cursorSentAt: number[] = [];
  /** Highest cursor seq seen per sender; a server may send a state again (all states on join, on query). */
  private readonly cursorSeen = new Map<number, number>();
  private readonly framing: Framing;

  constructor(
    private readonly url: string,
    private readonly name: string,
    private readonly listener: ClientListener | null,
    protocol: Protocol = 'y-websocket',
    /** Who the client is in its presence; by default only its name and colour. */
    private readonly user: BenchUser | null = null,
  ) {
    this.framing = framingFor(protocol, url);
    this.records.observe((_event, transaction) => {
      if (transaction.origin !== REMOTE || !this.listener) return;
      const now = clockMs();
      for (const value of valuesInsertedBy(transaction)) {
        const stamp = readEntryStamp(value);
        if (stamp && stamp.from !== this.doc.clientID) this.listener.onUpdateReceipt(stamp, now);
      }
    });
  }

  /** Opens the socket and resolves once the server has answered sync step 1 with step 2. */
  connect(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const { url, headers } = socketTarget(this.url);
      const ws = new WebSocket(url, { headers });
      this.ws = ws;
      let synced = false;
      const timer = setTimeout(() => {
        reject(new Error(`${this.name}: not synced within ${timeoutMs} ms`));
        ws.terminate();
      }, timeoutMs);
      ws.on('open', () => {
        for (const frame of this.framing.opening) ws.send(frame);
        this.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
      });
      ws.on('unexpected-response', (_request, response) => {
        clearTimeout(timer);
        reject(new Error(`${this.name}: upgrade refused with HTTP ${response.statusCode}`));
        ws.terminate();
      });
      ws.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      ws.on('close', (code, reason) => {
        clearTimeout(timer);
        this.closeInfo = { code, reason: reason.toString(), expected: this.closing };
        if (!synced) reject(new Error(`${this.name}: closed before sync (${code} ${reason.toString()})`));
      });
      ws.on('message', (data, isBinary) => {
        if (!isBinary) return;
        this.lastReceiveAt = clockMs();
        const frame = frameOf(data);
        if (this.receive(frame) && !synced) {
          synced = true;
          clearTimeout(timer);
          resolve();
        } else if (this.refusal !== null && !synced) {
          clearTimeout(timer);
          reject(new Error(`${this.name}: ${this.refusal}`));
          ws.terminate();
        }
      });
    });
  }

  /** Moves one of this client's shapes; returns the stamp it carries. */
  sendUpdate(shapeKey: string, x: number, y: number): BenchStamp {
    const stamp: BenchStamp = { from: this.doc.clientID, seq: ++this.updateSeq, sentAt: clockMs() };
    // Listen for the update only around our own change: with a permanent 'update' listener Yjs would
    // also encode every remote transaction, only for the listener to ignore it.
    const send = (update: Uint8Array) => this.send(encodeUpdate(update));
    this.doc.on('update', send);
    try {
      this.doc.transact(() => setRecord(this.records, { key: shapeKey, val: shapeRecord(shapeKey, x, y, stamp) }));
    } finally {
      this.doc.off('update', send);
    }
    return stamp;
  }

  /** Publishes a new cursor position as this client's awareness state. */
  sendCursor(x: number, y: number): BenchStamp {
    const stamp: BenchStamp = { from: this.doc.clientID, seq: ++this.cursorSeq, sentAt: clockMs() };
    const state: AwarenessState = {
      user: this.user ?? { name: this.name, color: BENCH_COLOR },
      cursor: { x, y, type: 'default', rotation: 0 },
      bench: stamp,
      before: [...this.cursorSentAt],
    };
    this.cursorSentAt.unshift(stamp.sentAt);
    if (this.cursorSentAt.length > SUPERSEDED) this.cursorSentAt.pop();
    this.awarenessClock += 1;
    this.send(encodeAwareness([{ clientID: this.doc.clientID, clock: this.awarenessClock, state }]));
    return stamp;
  }

  /** Closes the socket; resolves when the close handshake is done or after `timeoutMs`. */
  close(timeoutMs = 2000): Promise<void> {
    this.closing = true;
    const ws = this.ws;
    this.doc.destroy();
    if (!ws || ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        ws.terminate();
        resolve();
      }, timeoutMs);
      ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      ws.close(1000);
    });
  }

  private send(frame: Uint8Array): void {
    // A send on a closed socket is lost, which is what a user would see; the scenario still
    // counted it as expected, so delivery shows the loss.
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(this.framing.wrap(frame));
  }

  /** Handles one frame; returns true when it was sync step 2 (the initial sync is complete). */
  private receive(received: Uint8Array): boolean {
    try {
      const frame = this.framing.unwrap(received);
      if (frame === null) return false;
      const message = decodeMessage(frame);
      switch (message.type) {
        case 'sync-step1':
          this.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector)));
          return false;
        case 'sync-step2':
          Y.applyUpdate(this.doc, message.update, REMOTE);
          return true;
        case 'update':
          Y.applyUpdate(this.doc, message.update, REMOTE);
          return false;
        case 'awareness':
          this.receiveAwareness(message.entries);
          return false;
        case 'auth':
        case 'query-awareness':
          return false;
      }
    } catch (error) {
      // After a refusal nothing more arrives for the document; the frame counts as bad all the same.
      if (error instanceof TargetRefusal) this.refusal ??= error.message;
      this.badFrames += 1;
      return false;
    }
  }

  private receiveAwareness(entries: readonly { clientID: number; state: unknown }[]): void {
    if (!this.listener) return;
    const now = clockMs();
    for (const { clientID, state } of entries) {
      if (clientID === this.doc.clientID) continue;
      const stamp = parseStamp(dig(state, 'bench'));
      const seen = this.cursorSeen.get(clientID) ?? 0;
      if (!stamp || stamp.seq <= seen) continue;
      this.cursorSeen.set(clientID, stamp.seq);
      this.listener.onAwarenessReceipt(stamp, now);
      // Positions this one replaced before they reached us (see AwarenessState.before).
      const before = dig(state, 'before');
      const skipped = Math.min(stamp.seq - seen - 1, Array.isArray(before) ? before.length : 0);
      for (let k = 1; k <= skipped; k++) {
        const sentAt: unknown = (before as unknown[])[k - 1];
        if (typeof sentAt === 'number') this.listener.onAwarenessReceipt({ ...stamp, seq: stamp.seq - k, sentAt }, now);
      }
    }
  }
}

/**
 * The values a transaction inserted, read from the structs between each client's clock before and
 * after it. Same result as `event.changes.added` (which walks the whole array on every transaction —
 * a quarter of the bench's CPU with hundreds of clients per thread), plus the values the same
 * transaction inserted and deleted again: a server may send several updates merged into one, and a
 * shape moved twice then arrives with its first position already replaced by the second. That first
 * position did reach the client, together with the one that replaced it.
 */
export function valuesInsertedBy(transaction: Y.Transaction): unknown[] {
  const values: unknown[] = [];
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    const structs = transaction.doc.store.clients.get(client);
    if (after <= before || !structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i];
      if (!struct || struct.id.clock >= after) break;
      // Deleted content is still there during the transaction's observers (Yjs collects it afterwards).
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue;
      // A struct may start before `before` when Yjs merged it with an older neighbour.
      const skip = Math.max(0, before - struct.id.clock);
      values.push(...(struct.content.getContent() as unknown[]).slice(skip));
    }
  }
  return values;
}
