// The sync endpoint `/sync/<document name>`: authenticates the HTTP upgrade before any WebSocket
// exists, then hands each socket to a Connection on a document from the DocRegistry.
import { STATUS_CODES } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { CloseCode, limits, parseDocName } from '@vermeboard/shared';
import type { DocStore } from '../storage/Storage.js';
import { Connection } from './Connection.js';
import { ConnectionBudget, syncBudgetDefaults, type SyncBudgets } from './connectionBudget.js';
import { DocRegistry, type DocCluster } from './DocRegistry.js';
import type { LiveDoc } from './LiveDoc.js';
import { createMergeWorker } from './mergeWorker.js';
import { stampPresence } from './presenceStamp.js';
import { createRateLimiter, type KeyedLimiter } from './rateLimit.js';
import type { AuthorizeResult, SyncAuth } from './SyncAuth.js';

export type { AuthorizeResult, SyncAuth } from './SyncAuth.js';
export type { Connection } from './Connection.js';
export type { SyncBudgets } from './connectionBudget.js';

export interface SyncServerOptions {
  store: DocStore;
  /** Decides, from the credential and the document name (already parsed), whether and how the connection may open. */
  authorize(docName: string, credential: SyncCredential | null): Promise<AuthorizeResult>;
  logger: Logger;
  /** Largest frame accepted (ws maxPayload); a larger one closes the socket with 1009. */
  maxPayloadBytes: number;
  /**
   * A connection whose unsent backlog passes this is closed (CloseCode.slowReader). Must exceed the
   * largest document state, which a new connection receives in one message.
   */
  maxBufferedBytes: number;
  /**
   * Largest encoded state a client's update may bring a document to; an update that could pass it
   * closes its connection (CloseCode.documentTooLarge) and changes nothing. At most half of
   * `maxBufferedBytes`, so that a full document and what is relayed while it is sent fit a new
   * connection's send buffer.
   */
  maxDocumentBytes: number;
  /** What one connection may send per second (connectionBudget.ts); past it, CloseCode.rateLimited. */
  budgets?: SyncBudgets;
  /** Compact a document's log when it holds more rows than this. */
  compactThreshold: number;
  /**
   * How long a document stays loaded after its last connection (or server write) let go, so that a
   * reconnect or the next short visit does not reload it from the store. Default 5 s; 0 unloads at once.
   */
  unloadDelayMs?: number;
  /** Upgrade attempts per remote address and minute; more are refused with HTTP 429. */
  connectionsPerMinutePerAddress: number;
  /** Keepalive ping interval; a connection that misses a pong is terminated. Default 30 s. */
  pingIntervalMs?: number;
  /**
   * The address rate limiting counts by. Default: the socket's peer address; behind a reverse proxy,
   * pass one that reads the proxy's forwarded-for header.
   */
  remoteAddress?(req: IncomingMessage): string;
  /**
   * Told when a connection opens (once accepted, before its document has loaded) and once when it
   * ends, closed by either side. Facilitation presence is built on it. A throw is logged and ignored.
   */
  onConnectionChange?(change: ConnectionChange): void;
  /**
   * Runs once each time a document is loaded, before any connection or server write gets it: the
   * place to install the document's update guard and migrate what it holds. A throw fails the load.
   */
  onDocLoaded?(doc: LiveDoc<Connection>): void;
  /**
   * Whether cursors and selections are hidden from the document's relayed presence right now
   * (presenceStamp.ts). Asked for every presence update, so it must answer from memory; after its
   * answer changes, call `restampPresence`.
   */
  hidesCursors?(docName: string): boolean;
  /** Other instances serving the same documents (cluster/, with REDIS_URL); none by default. */
  cluster?: DocCluster<Connection>;
  /** Counts upgrade attempts per address; default: in this process, `connectionsPerMinutePerAddress`. */
  connectionLimiter?: KeyedLimiter;
}

export interface ConnectionChange {
  auth: SyncAuth;
  docName: string;
  open: boolean;
}

/** Defaults the application can spread under its own configuration. */
export const syncServerDefaults = {
  maxPayloadBytes: 2 * 1024 * 1024,
  maxBufferedBytes: 16 * 1024 * 1024,
  maxDocumentBytes: 4 * 1024 * 1024,
  compactThreshold: 500,
  unloadDelayMs: 5_000,
  connectionsPerMinutePerAddress: 120,
  pingIntervalMs: 30_000,
} as const;

export interface SyncServer {
  /**
   * Call from http.Server 'upgrade' for URLs under /sync/. Authenticates before the WebSocket
   * handshake; a refusal is an HTTP status line (400 bad document name, 401 missing or unknown token,
   * 403 other group, 404 unknown meeting, 429 rate limit, 503 shutting down) and a destroyed socket.
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /**
   * Server-side write access (e.g. the facilitation session document, which only the server writes):
   * loads the document if needed and runs `fn` in one transaction. Its update is persisted and
   * broadcast like any other; the promise resolves once it is persisted.
   */
  withDoc<T>(docName: string, fn: (doc: Y.Doc) => T): Promise<T>;
  /** Closes every connection matching the predicate (token revoked, participant removed); returns how many. */
  closeConnections(pred: (auth: SyncAuth, docName: string) => boolean, code: number, reason: string): number;
  /**
   * Loads the document if needed and integrates what the store holds for it that this instance has
   * not seen (another instance wrote it), relaying that to the connections here.
   */
  reloadDoc(docName: string): Promise<void>;
  /** Stamps a loaded document's presence states again and relays what changed (see `hidesCursors`). */
  restampPresence(docName: string): Promise<void>;
  /**
   * Stops accepting, closes every socket with 1001, flushes pending writes and unloads every document
   * (without compacting: the next load does), cutting sockets that do not answer within 0.5 s.
   */
  close(): Promise<void>;
  stats(): { docs: number; connections: number };
}

const pathPrefix = '/sync/';
/** How long shutdown waits for clients to answer the close frame before cutting their sockets. */
const shutdownGraceMs = 500;

export function createSyncServer(opts: SyncServerOptions): SyncServer {
  const log = opts.logger;
  if (opts.maxDocumentBytes * 2 > opts.maxBufferedBytes) {
    throw new Error('maxDocumentBytes must be at most half of maxBufferedBytes (see SyncServerOptions)');
  }
  const budgets = opts.budgets ?? syncBudgetDefaults;
  const merger = createMergeWorker();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: opts.maxPayloadBytes,
    // Compression costs CPU per message and opens the door to decompression bombs.
    perMessageDeflate: false,
  });
  const connections = new Set<Connection>();
  const registry: DocRegistry<Connection> = new DocRegistry<Connection>({
    store: opts.store,
    logger: log,
    compactThreshold: opts.compactThreshold,
    unloadDelayMs: opts.unloadDelayMs ?? syncServerDefaults.unloadDelayMs,
    merge: (updates) => merger.merge(updates),
    maxDocumentBytes: opts.maxDocumentBytes,
    awarenessClientsPerConnection: limits.awarenessClientsPerConnection,
    samePerson: (a, b) => a.auth.tokenHash === b.auth.tokenHash,
    stampPresence: (connection, state) => {
      const { participantId, displayName, role } = connection.auth;
      const identity = participantId === null ? null : { id: participantId, name: displayName ?? '', role };
      return stampPresence(state, identity, opts.hidesCursors?.(connection.docName) ?? false);
    },
    onPersistFailure: (docName) =>
      closeConnections((_, name) => name === docName, CloseCode.internalError, 'storage failure'),
    ...(opts.onDocLoaded ? { onLoad: opts.onDocLoaded } : {}),
    ...(opts.cluster ? { cluster: opts.cluster } : {}),
  });
  const limiter =
    opts.connectionLimiter ?? createRateLimiter({ limit: opts.connectionsPerMinutePerAddress, windowMs: 60_000 });
  const remoteAddress = opts.remoteAddress ?? ((req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown');
  let closing = false;
  let connectionSeq = 0;

  const keepalive = setInterval(() => {
    for (const connection of connections) connection.heartbeat();
  }, opts.pingIntervalMs ?? syncServerDefaults.pingIntervalMs);
  keepalive.unref();

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', (err) => log.debug({ err }, 'upgrade socket error'));
    upgrade(req, socket, head).catch((err: unknown) => {
      log.error({ err }, 'upgrade failed');
      refuse(socket, 500);
    });
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const address = remoteAddress(req);
    // Never log the query string: it carries the token.
    const url = new URL(req.url ?? '/', 'http://localhost');
    const refuseWith = (status: number) => {
      log.info({ status, path: url.pathname, address }, 'refused a sync connection');
      refuse(socket, status);
    };
    if (closing) return refuseWith(503);
    if (!(await limiter.take(address))) return refuseWith(429);
    if (!url.pathname.startsWith(pathPrefix)) return refuseWith(404);
    const docName = url.pathname.slice(pathPrefix.length);
    if (parseDocName(docName) === null) return refuseWith(400);

    const result = await opts.authorize(docName, credentialOf(req, url));
    if (!result.ok) return refuseWith(result.status);
    if (closing) return refuseWith(503);
    if (socket.destroyed) return;

    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, docName, result.access, result.auth));
  }

  function accept(ws: WebSocket, docName: string, access: 'read' | 'write', auth: SyncAuth): void {
    const logger = log.child({
      conn: ++connectionSeq,
      doc: docName,
      role: auth.role,
      participant: auth.participantId,
      access,
    });
    const connection = new Connection({
      ws,
      docName,
      access,
      auth,
      logger,
      maxBufferedBytes: opts.maxBufferedBytes,
      budget: new ConnectionBudget(budgets, opts.maxPayloadBytes),
      lease: registry.acquire(docName),
      onEnd: (c) => {
        connections.delete(c);
        notify({ auth, docName, open: false });
      },
    });
    connections.add(connection);
    logger.info('connection opened');
    notify({ auth, docName, open: true });
  }

  function notify(change: ConnectionChange): void {
    try {
      opts.onConnectionChange?.(change);
    } catch (err) {
      log.error({ err }, 'a connection listener failed');
    }
  }

  function closeConnections(pred: (auth: SyncAuth, docName: string) => boolean, code: number, reason: string) {
    let closed = 0;
    for (const connection of [...connections]) {
      if (!pred(connection.auth, connection.docName)) continue;
      connection.close(code, reason);
      closed++;
    }
    return closed;
  }

  async function withDoc<T>(docName: string, fn: (doc: Y.Doc) => T): Promise<T> {
    if (parseDocName(docName) === null) throw new Error(`not a document name: ${docName}`);
    const lease = await registry.acquire(docName);
    try {
      const result = lease.doc.transact(fn);
      await lease.doc.flushed();
      if (lease.doc.persistFailed) throw new Error(`could not persist ${docName}`);
      return result;
    } finally {
      lease.release();
    }
  }

  async function reloadDoc(docName: string): Promise<void> {
    const lease = await registry.acquire(docName);
    try {
      const stored = await opts.store.loadUpdates(docName);
      if (stored.length > 0) lease.doc.applyRemoteUpdate(Y.mergeUpdates(stored));
    } finally {
      lease.release();
    }
  }

  let closed: Promise<void> | null = null;
  function close(): Promise<void> {
    closed ??= (async () => {
      closing = true;
      clearInterval(keepalive);
      closeConnections(() => true, CloseCode.goingAway, 'server shutting down');
      // Closing the connections released their documents; this waits for their writes (not for
      // compaction, which the next load does: DocRegistry.unload).
      await registry.close();
      // A client that does not answer the close frame (busy, or gone without a FIN) must not keep a
      // supervisor's SIGTERM waiting: what it had is stored, so its socket is cut after a short grace.
      await Promise.race([socketsClosed(wss), new Promise((resolve) => setTimeout(resolve, shutdownGraceMs).unref())]);
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await merger.close();
      log.info('sync server closed');
    })();
    return closed;
  }

  return {
    handleUpgrade,
    withDoc,
    closeConnections,
    reloadDoc,
    restampPresence: (docName) => registry.restampPresence(docName),
    close,
    stats: () => ({ docs: registry.size, connections: connections.size }),
  };
}

/**
 * What an upgrade presents: a token in the Authorization header (tests, tools, the bench), or a
 * single-use ticket in the URL (browsers, which cannot set headers on a WebSocket). A token in the
 * URL is not accepted: URLs end up in proxy access logs.
 */
export type SyncCredential = { kind: 'bearer'; token: string } | { kind: 'ticket'; ticket: string };

function credentialOf(req: IncomingMessage, url: URL): SyncCredential | null {
  const header = req.headers.authorization;
  const bearer = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return { kind: 'bearer', token: bearer[1]! };
  const ticket = url.searchParams.get('ticket');
  return ticket === null || ticket === '' ? null : { kind: 'ticket', ticket };
}

function refuse(socket: Duplex, status: number): void {
  if (socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const body = STATUS_CODES[status] ?? 'Error';
  const headers = [
    `HTTP/1.1 ${status} ${body}`,
    'Connection: close',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...(status === 429 ? ['Retry-After: 60'] : []),
  ];
  socket.once('finish', () => socket.destroy());
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
}

/** Resolves when every socket has finished its closing handshake (each is destroyed within a grace period). */
function socketsClosed(wss: WebSocketServer): Promise<void> {
  const open = [...wss.clients];
  return Promise.all(
    open.map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === ws.CLOSED) resolve();
          else ws.once('close', () => resolve());
        }),
    ),
  ).then(() => undefined);
}
