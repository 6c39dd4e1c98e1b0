// One WebSocket connection to one document. Frames are handled strictly in arrival order; those that
// arrive while the document is still loading wait in a queue. A frame that cannot be handled closes
// this connection only.
//
// A browser that reconnects after editing offline sends what the server lacks in its sync step 2,
// the answer to the server's step 1; but a y-websocket client sends each new edit at once, so an
// edit made in the round trip before that answer arrives first and builds on changes the server
// does not have yet. Until its step 2 has arrived, a connection holds such an update (bounded) and
// applies it after the step 2, instead of refusing it and closing a browser that did nothing wrong.
// Where other instances write the same document, a step 2 that brings anything new waits until the
// document has caught up with the store (cluster/docCluster.ts).
import type { Logger } from 'pino';
import type { RawData } from 'ws';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CloseCode, limits } from '@vermeboard/shared';
import type { ConnectionBudget } from './connectionBudget.js';
import type { DocLease } from './DocRegistry.js';
import type { LiveDoc, Peer } from './LiveDoc.js';
import { MissingDependencyError, UpdateRefusedError } from '../board/updateGuard.js';
import { bringsNews } from './bringsNews.js';
import type { DecodedUpdate } from './protocol.js';
import { isEmptyUpdate, ProtocolError, readMessage, writeSyncStep1, writeSyncStep2 } from './protocol.js';
import type { SyncAuth } from './SyncAuth.js';

export interface ConnectionOptions {
  ws: WebSocket;
  docName: string;
  access: 'read' | 'write';
  auth: SyncAuth;
  logger: Logger;
  maxBufferedBytes: number;
  /** What this connection may send per second; spending past it closes it (CloseCode.rateLimited). */
  budget: ConnectionBudget;
  lease: Promise<DocLease<Connection>>;
  /** Called once, when the connection stops taking part (closed by either side). */
  onEnd(connection: Connection): void;
}

/** Past this many queued frames or bytes the socket stops reading, so a flood waits in TCP, not in memory. */
const maxQueuedFrames = 256;
const maxQueuedBytes = 4 * 1024 * 1024;
/** Updates held until the client's sync step 2 (see the top of the file); past this, refused as before. */
const maxHeldUpdates = 64;
const maxHeldBytes = 1024 * 1024;
/** How long a closing handshake may take before the socket is destroyed (a slow reader never reads it). */
const closeGraceMs = 5_000;

/** The close reason sent with each refusal (the log has the details; the client gets no more). */
const refusalReasons = new Map<number, string>([
  [CloseCode.forbidden, 'forbidden'],
  [CloseCode.rateLimited, 'rate limited'],
  [CloseCode.documentTooLarge, 'document too large'],
]);

export class Connection implements Peer {
  readonly docName: string;
  readonly access: 'read' | 'write';
  readonly auth: SyncAuth;
  private readonly ws: WebSocket;
  private readonly log: Logger;
  private readonly maxBufferedBytes: number;
  private readonly budget: ConnectionBudget;
  private readonly onEnd: (connection: Connection) => void;
  private lease: DocLease<Connection> | null = null;
  private readonly queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private droppedWrites = 0;
  private draining = false;
  /** Set when the server's sync step 1 went out, until the client's step 2 has been applied. */
  private awaitingStep2 = false;
  /** Updates that built on what the client's step 2 is yet to bring, in arrival order. */
  private held: { update: Uint8Array; decoded: DecodedUpdate }[] = [];
  private heldBytes = 0;
  /** Whether this connection's step 2 already made the document catch up with the store (LiveDoc.mayLag). */
  private caughtUp = false;
  private ended = false;
  private answeredPing = true;

  constructor(opts: ConnectionOptions) {
    this.ws = opts.ws;
    this.docName = opts.docName;
    this.access = opts.access;
    this.auth = opts.auth;
    this.log = opts.logger;
    this.maxBufferedBytes = opts.maxBufferedBytes;
    this.budget = opts.budget;
    this.onEnd = opts.onEnd;

    this.ws.on('message', (data, isBinary) => this.receive(data, isBinary));
    this.ws.on('pong', () => {
      this.answeredPing = true;
    });
    // Also reports frames over maxPayload; ws then closes the socket with 1009 by itself.
    this.ws.on('error', (err) => this.log.warn({ err }, 'socket error'));
    this.ws.on('close', (code) => {
      this.log.debug({ code }, 'connection closed');
      this.end();
    });
    opts.lease
      .then((lease) => this.attach(lease))
      .catch((err: unknown) => {
        this.log.error({ err }, 'could not open the document');
        this.close(CloseCode.internalError, 'document unavailable');
      });
  }

  /** Sends a frame unless the connection is closing; drops a reader whose backlog passed the cap. */
  send(frame: Uint8Array): void {
    if (this.ended || this.ws.readyState !== WebSocket.OPEN) return;
    if (this.overBufferCap()) return;
    // No callback: a failed write errors the socket, which closes the connection (see 'close').
    this.ws.send(frame);
    this.overBufferCap();
  }

  /**
   * Sends frames in one write to the socket: corked, ws's writes of each frame's header and body
   * go out together when the socket is uncorked (ws itself corks only around one frame).
   */
  sendMany(frames: readonly Uint8Array[]): void {
    const socket = (this.ws as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
    socket?.cork();
    try {
      for (const frame of frames) this.send(frame);
    } finally {
      socket?.uncork();
    }
  }

  close(code: number, reason: string): void {
    if (this.ended) return;
    this.log.info({ code, reason }, 'closing connection');
    this.end();
    const ws = this.ws;
    try {
      ws.close(code, reason);
    } catch {
      ws.terminate();
    }
    // The timer holds the socket only, and only until it closes: a refused connection that lived on
    // for the whole grace period outlived the young generation, and a flood of them piled up
    // sockets and their buffers until the next full collection.
    const timer = setTimeout(() => ws.terminate(), closeGraceMs).unref();
    ws.once('close', () => clearTimeout(timer));
  }

  /** Called by the server's keepalive timer: a connection that did not answer the last ping is dead. */
  heartbeat(): void {
    if (!this.answeredPing) {
      this.log.info('no answer to ping; terminating');
      this.ws.terminate();
      return;
    }
    this.answeredPing = false;
    if (this.ws.readyState === WebSocket.OPEN) this.ws.ping();
  }

  private attach(lease: DocLease<Connection>): void {
    if (this.ended) {
      lease.release();
      return;
    }
    this.lease = lease;
    const live = lease.doc;
    live.join(this);
    // A read-only connection's state is never taken, so it is not asked for it.
    if (this.access === 'write') {
      this.send(writeSyncStep1(Y.encodeStateVector(live.doc)));
      this.awaitingStep2 = true;
    }
    if (live.awareness.getStates().size > 0) this.send(live.encodeAwareness());
    this.drain();
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.ended) return;
    if (!isBinary) {
      this.refuse(new ProtocolError('text frame'));
      return;
    }
    const frame = toBytes(data);
    this.queue.push(frame);
    this.queuedBytes += frame.byteLength;
    if ((this.queue.length >= maxQueuedFrames || this.queuedBytes >= maxQueuedBytes) && !this.ws.isPaused) {
      this.ws.pause();
    }
    if (this.lease && !this.draining) this.drain();
  }

  /**
   * Handles the queued frames in order, synchronously as long as none has to wait: only a sync
   * step 1 does (for the document's pending writes), and the frames after it wait with it.
   */
  private drain(): void {
    this.draining = true;
    while (this.lease && !this.ended) {
      const frame = this.queue.shift();
      if (!frame) break;
      this.queuedBytes -= frame.byteLength;
      let waiting: Promise<void> | null = null;
      try {
        waiting = this.handle(this.lease.doc, frame);
      } catch (err) {
        this.refuse(err);
      }
      if (waiting) {
        void waiting.catch((err: unknown) => this.refuse(err)).then(() => this.drain());
        return;
      }
    }
    this.draining = false;
    if (!this.ended && this.ws.isPaused) this.ws.resume();
  }

  /** Handles one frame; returns a promise when the frames after it must wait for it. */
  private handle(live: LiveDoc<Connection>, frame: Uint8Array): Promise<void> | null {
    const message = readMessage(frame, { awarenessStateBytes: limits.awarenessStateBytes });
    this.budget.charge(message.type, frame.byteLength);
    switch (message.type) {
      case 'syncStep1':
        // Answer only with persisted state: what a client receives must survive a crash.
        return live.flushed().then(() => {
          this.send(writeSyncStep2(Y.encodeStateAsUpdate(live.doc, message.stateVector)));
        });
      case 'syncStep2':
      case 'update':
        if (this.access === 'read') {
          this.dropWrite(message.type, message.decoded);
          return null;
        }
        if (message.type === 'update') {
          this.applyOrHold(live, message.update, message.decoded);
          return null;
        }
        if (live.mayLag && !this.caughtUp && bringsNews(live.doc, message.decoded)) {
          // Once per connection: the frames after it wait, like those after a step 1.
          this.caughtUp = true;
          return live.catchUp().then(() => this.applyStep2(live, message.update, message.decoded));
        }
        this.applyStep2(live, message.update, message.decoded);
        return null;
      case 'awareness':
        if (live.applyAwareness(this, message.entries)) this.budget.chargeMessage();
        return null;
      case 'queryAwareness':
        this.send(live.encodeAwareness());
        return null;
      case 'strokePreview':
        // A preview is a write in all but storage: an observer's would draw on everyone's board.
        if (this.access === 'read') this.noteDroppedWrite(message.type);
        else live.relayPreview(message.frame, this);
        return null;
    }
  }

  /** An update message holds only what its sender just wrote: stored and relayed as received. */
  private applyOrHold(live: LiveDoc<Connection>, update: Uint8Array, decoded: DecodedUpdate): void {
    try {
      live.applyUpdate(update, decoded, this, true);
    } catch (err) {
      if (!(err instanceof MissingDependencyError) || !this.awaitingStep2) throw err;
      if (this.held.length >= maxHeldUpdates || this.heldBytes + update.byteLength > maxHeldBytes) throw err;
      this.held.push({ update, decoded });
      this.heldBytes += update.byteLength;
      this.log.debug({ held: this.held.length }, 'holding an update until the sync step 2');
    }
  }

  /** A sync step 2: what the client has and the server lacked; then what was held until it. */
  private applyStep2(live: LiveDoc<Connection>, update: Uint8Array, decoded: DecodedUpdate): void {
    if (this.ended) return;
    live.applyUpdate(update, decoded, this, false);
    if (this.awaitingStep2) this.applyHeld(live);
  }

  /** After the client's step 2: what was held now builds on what the server has, or is refused. */
  private applyHeld(live: LiveDoc<Connection>): void {
    this.awaitingStep2 = false;
    const held = this.held;
    this.held = [];
    this.heldBytes = 0;
    for (const { update, decoded } of held) live.applyUpdate(update, decoded, this, true);
  }

  private dropWrite(type: 'syncStep2' | 'update', update: DecodedUpdate): void {
    // An empty step 2 is a client answering a step 1 (from an older server, or a resync); not a write.
    if (isEmptyUpdate(update)) return;
    this.noteDroppedWrite(type);
  }

  private noteDroppedWrite(type: 'syncStep2' | 'update' | 'strokePreview'): void {
    this.droppedWrites++;
    // Warn once per connection; a client that keeps editing locally would otherwise flood the log.
    const level = this.droppedWrites === 1 ? 'warn' : 'debug';
    this.log[level]({ message: type, dropped: this.droppedWrites }, 'dropped a write from a read-only connection');
  }

  private refuse(err: unknown): void {
    if (err instanceof UpdateRefusedError) {
      this.log.warn({ reason: err.message }, 'refused an update');
      this.close(CloseCode.updateRefused, 'update refused');
    } else if (err instanceof ProtocolError) {
      this.log.warn({ reason: err.message }, 'refused a frame');
      this.close(err.closeCode, refusalReasons.get(err.closeCode) ?? 'malformed message');
    } else {
      this.log.warn({ err }, 'a frame could not be applied');
      this.close(CloseCode.protocolError, 'malformed message');
    }
  }

  private overBufferCap(): boolean {
    if (this.ws.bufferedAmount <= this.maxBufferedBytes) return false;
    this.log.warn({ bufferedAmount: this.ws.bufferedAmount }, 'slow reader');
    this.close(CloseCode.slowReader, 'slow reader');
    return true;
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.queue.length = 0;
    this.queuedBytes = 0;
    if (this.lease) {
      this.lease.doc.leave(this);
      this.lease.release();
    }
    this.onEnd(this);
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
