// A document loaded in memory together with the connections that have it open.
//
// Persist, then broadcast: every update that changes the document is appended to the store, and
// only once that append has resolved is it sent to the other connections, so whatever a client has
// seen is durable. Appends run one after another in the order Yjs produced the updates.
// Awareness (presence) is not persisted and is relayed at once.
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { DocStore } from '../storage/Storage.js';
import { AwarenessOwners } from './AwarenessOwners.js';
import { mergeUpdates } from './mergeUpdates.js';
import type { AwarenessEntry, DecodedUpdate } from './protocol.js';
import { writeAwareness, writeAwarenessUpdate, writeUpdate } from './protocol.js';

/**
 * Checks the updates of one document before they are applied (see server/src/board/). `check`
 * throws to refuse an update, which then changes nothing; what it returns runs right after the
 * update is applied, for the server's own follow-up writes.
 */
export interface UpdateGuard<P extends Peer> {
  check(update: DecodedUpdate, from: P): ((doc: LiveDoc<P>) => void) | null;
  /** Runs inside every server transaction on the document (to claim the server's own client id). */
  serverWrite(doc: Y.Doc): void;
  destroy(): void;
}

/** A connection as a document sees it. */
export interface Peer {
  /** Sends a frame if the connection is still open; never throws. */
  send(frame: Uint8Array): void;
}

export interface LiveDocOptions<P extends Peer> {
  store: DocStore;
  logger: Logger;
  /** Compact the log once it holds more rows than this. */
  compactThreshold: number;
  awarenessClientsPerConnection: number;
  /** Whether two connections belong to the same person (see AwarenessOwners). */
  samePerson(a: P, b: P): boolean;
  /** Called once when an update could not be persisted: the document must then be dropped. */
  onPersistFailure(doc: LiveDoc<P>, err: unknown): void;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

const serverOrigin = Symbol('server');

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class LiveDoc<P extends Peer = Peer> {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: Awareness;
  private readonly peers = new Set<P>();
  private readonly owners: AwarenessOwners<P>;
  private writes: Promise<void> = Promise.resolve();
  private compaction: Promise<void> | null = null;
  /** Rows in the store's log, counted here so that no COUNT query runs per update. */
  private rows: number;
  private failed = false;
  private destroyed = false;
  /** Updates integrated but not yet stored (and so not yet broadcast), oldest first. */
  private unsaved: { update: Uint8Array; from: P | null }[] = [];
  /** The frame being applied from a peer, while applyAwareness runs. */
  private relayedAwareness: Uint8Array | null = null;
  /** Set once after loading, by the server's document hook; null for documents no check applies to. */
  guard: UpdateGuard<P> | null = null;

  constructor(
    readonly name: string,
    stored: readonly Uint8Array[],
    private readonly opts: LiveDocOptions<P>,
  ) {
    this.doc.transact(() => {
      for (const update of stored) Y.applyUpdate(this.doc, update);
    });
    this.rows = stored.length;
    this.owners = new AwarenessOwners<P>(opts.awarenessClientsPerConnection, opts.samePerson);
    this.awareness = new Awareness(this.doc);
    // The server itself has no presence.
    this.awareness.setLocalState(null);
    // Registered after loading: stored updates must not be appended again.
    this.doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get peerCount(): number {
    return this.peers.size;
  }

  get persistFailed(): boolean {
    return this.failed;
  }

  join(peer: P): void {
    this.peers.add(peer);
  }

  /** Removes the peer and the presence of every client it published, telling the others. */
  leave(peer: P): void {
    if (!this.peers.delete(peer)) return;
    const ids = this.owners.release(peer);
    if (ids.length > 0) removeAwarenessStates(this.awareness, ids, peer);
  }

  /**
   * Applies a parsed update from a peer that may write, after the document's guard accepted it;
   * throws the guard's refusal, or if Yjs cannot integrate it.
   */
  applyUpdate(update: Uint8Array, decoded: DecodedUpdate, from: P): void {
    const after = this.guard?.check(decoded, from) ?? null;
    Y.applyUpdate(this.doc, update, from);
    after?.(this);
  }

  /** Runs `fn` as one server transaction; its update is persisted and broadcast like a client's. */
  transact<T>(fn: (doc: Y.Doc) => T): T {
    let result: T | undefined;
    this.doc.transact(() => {
      result = fn(this.doc);
      this.guard?.serverWrite(this.doc);
    }, serverOrigin);
    return result as T;
  }

  /** Throws a ProtocolError (forbidden) when the peer publishes for a client id it does not own. */
  applyAwareness(peer: P, entries: readonly AwarenessEntry[]): void {
    const accepted = this.owners.filter(peer, entries, (id) => this.awareness.meta.get(id)?.clock);
    if (accepted.length === 0) return;
    const update = writeAwarenessUpdate(accepted);
    // The broadcast in onAwarenessUpdate (called synchronously from here) relays these bytes
    // instead of encoding the states again: cursor updates are the most frequent message.
    this.relayedAwareness = writeAwareness(update);
    try {
      applyAwarenessUpdate(this.awareness, update, peer);
    } finally {
      this.relayedAwareness = null;
    }
  }

  /** An awareness message with every current state. */
  encodeAwareness(): Uint8Array {
    return writeAwareness(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]));
  }

  /** Resolves when every update produced so far is persisted and broadcast. */
  flushed(): Promise<void> {
    return this.writes;
  }

  /** Resolves when no write and no compaction is pending. */
  async idle(): Promise<void> {
    let tail: Promise<void>;
    do {
      tail = this.writes;
      await tail;
      await this.compaction;
    } while (tail !== this.writes || this.compaction !== null);
  }

  /** Compacts the stored log; concurrent calls share one run. Failures are logged, not thrown. */
  compact(): Promise<void> {
    if (this.compaction) return this.compaction;
    const run = async (): Promise<void> => {
      const before = this.rows;
      try {
        await this.opts.store.compact(this.name, mergeUpdates);
        this.rows = await this.opts.store.countUpdates(this.name);
        this.opts.logger.debug({ before, after: this.rows }, 'compacted the update log');
      } catch (err) {
        this.opts.logger.error({ err }, 'compacting the update log failed');
      }
    };
    const compaction = run().finally(() => {
      this.compaction = null;
    });
    this.compaction = compaction;
    return compaction;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.doc.off('update', this.onUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.guard?.destroy();
    // Destroying the doc destroys its awareness (and the awareness' timer) too.
    this.doc.destroy();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.failed) return;
    const from = this.peers.has(origin as P) ? (origin as P) : null;
    this.unsaved.push({ update, from });
    // Updates produced in the same turn of the event loop, from any connection, are stored in one
    // transaction: one commit per turn instead of one per update is most of the cost of persisting
    // under load. setImmediate runs after the turn's socket reads.
    if (this.unsaved.length === 1) this.writes = this.writes.then(nextTurn).then(() => this.persistUnsaved());
  };

  private async persistUnsaved(): Promise<void> {
    const batch = this.unsaved;
    this.unsaved = [];
    if (this.failed || batch.length === 0) return;
    try {
      await this.opts.store.appendUpdates(
        this.name,
        batch.map((b) => b.update),
      );
    } catch (err) {
      this.failed = true;
      this.opts.onPersistFailure(this, err);
      return;
    }
    this.rows += batch.length;
    for (const { update, from } of batch) {
      const frame = writeUpdate(update);
      for (const peer of this.peers) if (peer !== from) peer.send(frame);
    }
    if (this.rows > this.opts.compactThreshold) void this.compact();
  }

  private readonly onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const frame = this.relayedAwareness ?? writeAwareness(encodeAwarenessUpdate(this.awareness, changed));
    // y-websocket clients treat 30 s without any message as a dead connection. While someone else
    // publishes presence (every client renews it every 15 s) that keeps everyone alive; a client
    // alone in a document only hears its own presence, so only then is it echoed back.
    const echo = this.awareness.getStates().size <= 1;
    for (const peer of this.peers) if (echo || peer !== origin) peer.send(frame);
  };
}
