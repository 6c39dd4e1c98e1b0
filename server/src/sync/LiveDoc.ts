// A document loaded in memory together with the connections that have it open.
//
// Persist, then broadcast: every update that changes the document is appended to the store, and
// only once that append has resolved is it sent to the other connections, so whatever a client has
// seen is durable. Appends run one after another in the order Yjs produced the updates.
// Awareness (presence) is not persisted; it is relayed at the end of the turn that took it, after
// the server has stamped it (presenceStamp.ts). Each peer gets at most one frame of updates per
// group commit and one of presence per turn (fanout.ts).
//
// Size: `maxDocumentBytes` caps the encoded state, which is what a new connection receives in one
// message. The document keeps an upper bound of it (the bytes of every update since the last exact
// measure) so that only an update near the cap pays for encoding the state to measure it exactly.
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { CloseCode } from '@vermeboard/shared';
import type { DocStore } from '../storage/Storage.js';
import { AwarenessOwners } from './AwarenessOwners.js';
import type { AwarenessEntry, AwarenessState, DecodedUpdate } from './protocol.js';
import { AwarenessRelay, applyAwarenessEntries, asBuffer, relayUpdates, sendTurn, updateFrame } from './fanout.js';
import { ProtocolError, writeUpdate } from './protocol.js';
import type { TurnDoc, TurnQueue } from './turnQueue.js';

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
  /** Merges the log's rows into one update for compaction (off the main thread: mergeWorker.ts). */
  merge(updates: Uint8Array[]): Promise<Uint8Array>;
  /** Largest encoded state a peer's update may bring the document to. */
  maxDocumentBytes: number;
  /**
   * What a peer's presence state becomes before it is stored and relayed; as sent when omitted.
   * Returns the state itself, unchanged, when it is already stamped (its JSON is then relayed as
   * received), and otherwise a new object: it never changes the state it is given.
   */
  stampPresence?(peer: P, state: AwarenessState): AwarenessState;
  awarenessClientsPerConnection: number;
  /** Whether two connections belong to the same person (see AwarenessOwners). */
  samePerson(a: P, b: P): boolean;
  /** Called once when an update could not be persisted: the document must then be dropped. */
  onPersistFailure(doc: LiveDoc<P>, err: unknown): void;
  /** Where what this instance's peers change goes besides them (other instances, see cluster/). */
  relay?: DocRelay;
  /** Ends this document's turns together with the other documents' (one commit for all); else alone. */
  turns?: TurnQueue;
  /**
   * Integrates what the store holds that this instance may not have heard of yet; only where other
   * instances write the same documents (cluster/). Absent on a single instance, which holds
   * everything its store does.
   */
  catchUp?(doc: LiveDoc<P>): Promise<void>;
}

/**
 * Told, after the local broadcast, of every update this instance stored, of every awareness change it
 * made or took from its own peers and of their stroke previews; never of what another instance brought.
 */
export interface DocRelay {
  updates(docName: string, updates: readonly Uint8Array[]): void;
  awareness(docName: string, update: Uint8Array): void;
  /** A checked stroke preview frame of a peer here (never stored: a live stroke's points so far). */
  preview(docName: string, frame: Uint8Array): void;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** A peer's update being applied as received (LiveDoc.applyAsReceived). */
interface Applying {
  origin: unknown;
  /** The state vector before the first transaction that ran meanwhile. */
  before: Map<number, number> | null;
  /** Whether the peer's transaction changed the document. */
  changed: boolean;
  /** Whether another transaction ran meanwhile (one that an observer started). */
  other: boolean;
}

/** Whether a transaction added or deleted anything (what Yjs checks before its 'update' event). */
function changedAnything(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true;
  }
  return false;
}

/**
 * A presence entry with its state stamped. A stamp that changes nothing returns the state itself (a
 * browser sends the identity the server gave it): the JSON as received then goes with it, so that
 * relaying it needs no JSON.stringify.
 */
function stampEntry(entry: AwarenessEntry, stamp: (state: AwarenessState) => AwarenessState): AwarenessEntry {
  const { clientId, clock, state } = entry;
  if (state === null) return entry;
  const stamped = stamp(state);
  return stamped === state ? entry : { clientId, clock, state: stamped };
}

const serverOrigin = Symbol('server');
/** Changes another instance made: already stored there, so only relayed to this instance's peers. */
const remoteOrigin = Symbol('remote');

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** How long a document has had no stored update before its log is compacted (below 4× the threshold). */
const quietCompactionMs = 1000;

export class LiveDoc<P extends Peer = Peer> implements TurnDoc {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: Awareness;
  private readonly peers = new Set<P>();
  private readonly owners: AwarenessOwners<P>;
  private writes: Promise<void> = Promise.resolve();
  private compaction: Promise<void> | null = null;
  /** Waits for a quiet moment to compact (see afterStored). */
  private quietCompaction: NodeJS.Timeout | null = null;
  private lastStoredAt = 0;
  /** Rows in the store's log, counted here so that no COUNT query runs per update. */
  private rows: number;
  /** At least the encoded state's size (see the top of the file). */
  private sizeBound: number;
  private failed = false;
  private destroyed = false;
  /** Updates integrated but not yet stored (and so not yet broadcast), oldest first. */
  private unsaved: { update: Uint8Array; from: P | null }[] = [];
  private readonly awarenessRelay: AwarenessRelay<P>;
  /** The end of this turn, when something is to be stored or relayed (see endTurn). */
  private turn: NodeJS.Immediate | null = null;
  /** Whether the end of this turn is scheduled (here, or with the other documents' in `opts.turns`). */
  private turnScheduled = false;
  /** Resolved when the turn has ended: what `flushed()` waits for with a store that writes at once. */
  private turnDone: { promise: Promise<void>; resolve: () => void } | null = null;
  /** A peer's update being applied as received (see applyAsReceived). */
  private applying: Applying | null = null;
  /** Set once after loading, by the server's document hook; null for documents no check applies to. */
  guard: UpdateGuard<P> | null = null;
  /** Set by the server's document hook: told after an update from another instance was applied. */
  onRemoteUpdate: (() => void) | null = null;

  constructor(
    readonly name: string,
    stored: readonly Uint8Array[],
    private readonly opts: LiveDocOptions<P>,
  ) {
    this.doc.transact(() => {
      for (const update of stored) Y.applyUpdate(this.doc, update);
    });
    this.rows = stored.length;
    this.sizeBound = stored.reduce((sum, u) => sum + u.byteLength, 0);
    this.owners = new AwarenessOwners<P>(opts.awarenessClientsPerConnection, opts.samePerson);
    this.awareness = new Awareness(this.doc);
    // The server itself has no presence.
    this.awareness.setLocalState(null);
    this.awarenessRelay = new AwarenessRelay<P>(
      this.awareness,
      () => this.peers,
      () => this.scheduleTurn(),
    );
    // Registered after loading: stored updates must not be appended again.
    this.doc.on('update', this.onUpdate);
    this.doc.on('afterTransaction', this.onAfterTransaction);
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
   * Applies a parsed update from a peer that may write: the document's guard checks it first, then
   * the size cap. Throws the guard's refusal, a ProtocolError (documentTooLarge) when it would take
   * the document past its cap, or if Yjs cannot integrate it; a refusal applies nothing. Near the
   * cap only what the update adds counts: a reconnecting client's sync step 2 repeats much that the
   * server has, and one that only deletes must pass even on a full document.
   */
  applyUpdate(update: Uint8Array, decoded: DecodedUpdate, from: P, asReceived = false): void {
    const after = this.guard?.check(decoded, from) ?? null;
    const cap = this.opts.maxDocumentBytes;
    if (this.sizeBound + update.byteLength > cap) {
      this.sizeBound = Y.encodeStateAsUpdate(this.doc).byteLength;
      const added = Y.diffUpdate(update, Y.encodeStateVector(this.doc));
      if (this.sizeBound + added.byteLength > cap && Y.decodeUpdate(added).structs.length > 0) {
        throw new ProtocolError(
          `an update adding ${added.byteLength} bytes would take the document of ${this.sizeBound} bytes past its cap`,
          CloseCode.documentTooLarge,
        );
      }
    }
    if (asReceived) this.applyAsReceived(update, from);
    else Y.applyUpdate(this.doc, update, from);
    after?.(this);
  }

  /**
   * Applies a peer's update and stores and relays its bytes as received, without Yjs encoding the
   * transaction again for the 'update' event (a tenth of the cost of an update under load). Only for
   * an update message, which holds what the sender just wrote: a sync step 2 may repeat much of the
   * document, and is encoded again as usual so that only what it adds is stored. Whatever else
   * happens (another transaction inside this one, an update Yjs fails on half-way) is stored as
   * everything since the state before it.
   */
  private applyAsReceived(update: Uint8Array, from: P): void {
    const applying: Applying = { origin: from, before: null, changed: false, other: false };
    this.applying = applying;
    this.doc.off('update', this.onUpdate);
    let error: unknown = null;
    try {
      Y.applyUpdate(this.doc, update, from);
    } catch (err) {
      error = err ?? new Error('update failed');
    } finally {
      this.applying = null;
      this.doc.on('update', this.onUpdate);
    }
    const { before } = applying;
    if (before && (error !== null || applying.other)) {
      this.onUpdate(Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(before)), from);
    } else if (before && (applying.changed || this.doc.store.pendingStructs || this.doc.store.pendingDs)) {
      // Structs Yjs holds back until what they depend on arrives are in these bytes too, and stored.
      this.onUpdate(update, from);
    }
    if (error !== null) throw error;
  }

  private readonly onAfterTransaction = (transaction: Y.Transaction): void => {
    const applying = this.applying;
    if (!applying) return;
    if (applying.before === null && transaction.origin === applying.origin) {
      applying.before = transaction.beforeState;
      applying.changed = changedAnything(transaction);
    } else {
      applying.before ??= transaction.beforeState;
      applying.other = true;
    }
  };

  /**
   * Sends a checked stroke preview (shared/src/strokePreview.ts) to every other peer of this
   * instance, as received. Nothing is stored: the drawer writes the finished record to the document.
   */
  relayPreview(frame: Uint8Array, from: P): void {
    if (this.destroyed) return;
    for (const peer of this.peers) if (peer !== from) peer.send(frame);
    this.opts.relay?.preview(this.name, frame);
  }

  /** A stroke preview another instance checked and relayed: sent to every peer here. */
  applyRemotePreview(frame: Uint8Array): void {
    if (this.destroyed) return;
    const bytes = asBuffer(frame);
    for (const peer of this.peers) peer.send(bytes);
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

  /**
   * Throws a ProtocolError (forbidden) when the peer publishes for a client id it does not own.
   * Returns whether anything was taken (false for a client's echo of other clients' states).
   */
  applyAwareness(peer: P, entries: readonly AwarenessEntry[]): boolean {
    const filtered = this.owners.filter(peer, entries, (id) => this.awareness.meta.get(id)?.clock);
    if (filtered.length === 0) return false;
    const stamp = this.opts.stampPresence;
    const accepted = stamp ? filtered.map((entry) => stampEntry(entry, (state) => stamp(peer, state))) : filtered;
    // Applied as parsed (no encode and parse again); each taken state is encoded once, for the relay.
    for (const entry of applyAwarenessEntries(this.awareness, accepted, peer)) this.awarenessRelay.remember(entry);
    return true;
  }

  /**
   * Stamps every stored presence state again (after the rules changed, e.g. a silent step began) and
   * tells everyone, the owners too, what changed. A changed state gets the next clock: that is what
   * makes clients take it, and the owner's client then continues from that clock.
   */
  restampPresence(): void {
    const stamp = this.opts.stampPresence;
    if (!stamp) return;
    const changed: AwarenessEntry[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      const owner = this.owners.ownerOf(clientId);
      if (owner === undefined) continue;
      const stamped = stamp(owner, state as AwarenessState);
      if (JSON.stringify(stamped) === JSON.stringify(state)) continue;
      changed.push({ clientId, clock: (this.awareness.meta.get(clientId)?.clock ?? 0) + 1, state: stamped });
    }
    if (changed.length > 0) applyAwarenessEntries(this.awareness, changed, serverOrigin);
  }

  /**
   * Integrates an update another instance stored (or this instance's store holds): it is relayed to
   * every peer here, and neither stored again nor relayed back.
   */
  applyRemoteUpdate(update: Uint8Array): void {
    if (this.destroyed) return;
    Y.applyUpdate(this.doc, update, remoteOrigin);
  }

  /** Whether other instances write this document too, so that this one may lag behind the store. */
  get mayLag(): boolean {
    return this.opts.catchUp !== undefined;
  }

  /**
   * Integrates what the store holds beyond this instance's document (see `mayLag`): a browser that
   * moved here from another instance may hold changes this one has not read from the relay yet.
   * Resolves without change on a single instance; never rejects.
   */
  async catchUp(): Promise<void> {
    if (this.destroyed || !this.opts.catchUp) return;
    try {
      await this.opts.catchUp(this);
    } catch (err) {
      this.opts.logger.warn({ err }, 'could not catch up with the store');
    }
  }

  /** Takes awareness states another instance relayed (its peers' presence, already stamped there). */
  applyRemoteAwareness(update: Uint8Array): void {
    if (this.destroyed) return;
    // The changed states go out with this turn's presence frame (AwarenessRelay), like a peer's.
    applyAwarenessUpdate(this.awareness, update, remoteOrigin);
  }

  /** Removes presence that another instance published (that instance stopped answering). */
  removeRemoteAwareness(clientIds: number[]): void {
    if (this.destroyed) return;
    removeAwarenessStates(this.awareness, clientIds, remoteOrigin);
  }

  /** The encoded awareness states of the given client ids (for relaying them to another instance). */
  encodeAwarenessStates(clientIds: number[]): Uint8Array {
    return encodeAwarenessUpdate(this.awareness, clientIds);
  }

  /** Client ids whose presence a peer of this instance publishes. */
  ownedClientIds(): number[] {
    return [...this.awareness.getStates().keys()].filter((id) => this.owners.ownerOf(id) !== undefined);
  }

  /** An awareness message with every current state. */
  encodeAwareness(): Uint8Array {
    return this.awarenessRelay.snapshot();
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

  /** Rows of the stored log as far as this instance knows (it may lag another instance's appends). */
  get storedRows(): number {
    return this.rows;
  }

  /** Compacts the stored log; concurrent calls share one run. Failures are logged, not thrown. */
  compact(): Promise<void> {
    if (this.compaction) return this.compaction;
    const run = async (): Promise<void> => {
      const before = this.rows;
      try {
        await this.opts.store.compact(this.name, (updates) => this.opts.merge(updates));
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
    if (this.quietCompaction) clearTimeout(this.quietCompaction);
    this.quietCompaction = null;
    this.doc.off('update', this.onUpdate);
    this.doc.off('afterTransaction', this.onAfterTransaction);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awarenessRelay.destroy();
    this.guard?.destroy();
    // Destroying the doc destroys its awareness (and the awareness' timer) too.
    this.doc.destroy();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.failed) return;
    if (origin === remoteOrigin) {
      this.sizeBound += update.byteLength;
      const frame = asBuffer(writeUpdate(update));
      for (const peer of this.peers) peer.send(frame);
      this.onRemoteUpdate?.();
      return;
    }
    const from = this.peers.has(origin as P) ? (origin as P) : null;
    this.sizeBound += update.byteLength;
    this.unsaved.push({ update, from });
    // Updates produced in the same turn of the event loop, from any connection, are stored in one
    // transaction: one commit per turn instead of one per update is most of the cost of persisting
    // under load. setImmediate runs after the turn's socket reads.
    if (this.unsaved.length > 1) return;
    if (this.opts.store.appendUpdatesNow) {
      this.writes = this.writes.then(() => this.turnEnded());
      this.scheduleTurn();
    } else {
      this.writes = this.writes.then(nextTurn).then(() => this.persistUnsaved());
    }
  };

  private scheduleTurn(): void {
    if (this.turnScheduled) return;
    this.turnScheduled = true;
    if (this.opts.turns) this.opts.turns.schedule(this);
    else this.turn = setImmediate(this.endTurn);
  }

  private turnEnded(): Promise<void> {
    if (!this.turnDone) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.turnDone = { promise, resolve };
    }
    return this.turnDone.promise;
  }

  /**
   * The end of a turn: with a store that writes at once, this turn's updates are stored in one
   * transaction, and then each peer gets the updates and the presence that changed in one write to
   * its socket. (With an asynchronous store, updates take persistUnsaved's way and this relays
   * presence only: presence never waits for a database.)
   */
  private readonly endTurn = (): void => {
    this.turn = null;
    const stored = this.takeTurnUpdates();
    let error: unknown = null;
    if (stored.length > 0) {
      try {
        this.opts.store.appendUpdatesNow!(this.name, stored);
      } catch (err) {
        error = err ?? new Error('append failed');
      }
    }
    this.finishTurn(stored, error);
  };

  /** The updates this turn stores at once (none with an asynchronous store), taken from the unsaved. */
  takeTurnUpdates(): Uint8Array[] {
    if (this.unsaved.length === 0 || !this.opts.store.appendUpdatesNow || this.failed) return [];
    const stored = this.unsaved.map((b) => b.update);
    this.unsaved = [];
    return stored;
  }

  /** Once the store answered for the turn's updates (error null: stored), relays the turn. */
  finishTurn(stored: Uint8Array[], error: unknown): void {
    this.turnScheduled = false;
    const done = this.turnDone;
    this.turnDone = null;
    let updates: Uint8Array | null = null;
    if (stored.length > 0 && error !== null) {
      this.failed = true;
      this.opts.onPersistFailure(this, error);
      stored = [];
    } else if (stored.length > 0) {
      this.rows += stored.length;
      updates = updateFrame(stored);
    }
    if (!this.destroyed) sendTurn(this.peers, [updates, this.awarenessRelay.takeFrame()]);
    if (stored.length > 0) this.afterStored(stored);
    done?.resolve();
  }

  /** What follows storing (and relaying) updates: other instances hear of them; the log may compact. */
  private afterStored(updates: Uint8Array[]): void {
    this.opts.relay?.updates(this.name, updates);
    this.lastStoredAt = performance.now();
    if (this.rows <= this.opts.compactThreshold) return;
    // Compacting reads and rewrites the log on this thread (milliseconds for a few hundred rows),
    // stalling every room for that long: it waits for a quiet moment in this document unless the
    // log has grown to four times the threshold.
    if (this.rows > this.opts.compactThreshold * 4) void this.compact();
    else this.quietCompaction ??= setTimeout(this.compactWhenQuiet, quietCompactionMs).unref();
  }

  private readonly compactWhenQuiet = (): void => {
    this.quietCompaction = null;
    if (this.destroyed || this.rows <= this.opts.compactThreshold) return;
    const quietFor = performance.now() - this.lastStoredAt;
    if (quietFor >= quietCompactionMs) void this.compact();
    else this.quietCompaction = setTimeout(this.compactWhenQuiet, quietCompactionMs - quietFor).unref();
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
    relayUpdates(batch, this.peers);
    this.afterStored(batch.map((b) => b.update));
  }

  private readonly onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    this.awarenessRelay.changed(changed);
    // Each instance times out the states it holds by itself; a removal by timeout is not news to the others.
    if (this.opts.relay && origin !== remoteOrigin && origin !== 'timeout') {
      this.opts.relay.awareness(this.name, encodeAwarenessUpdate(this.awareness, changed));
    }
  };
}
