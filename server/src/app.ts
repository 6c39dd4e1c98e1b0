// Wires the parts into one process: storage, auth, the HTTP API, the built client and the sync
// endpoint, all on one port. `startServer` is what main.ts and the integration tests call.
import express from 'express';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { CloseCode, formatDocName, type MeetingId } from '@vermeboard/shared';
import { createAuth, type Auth } from './auth/Auth.js';
import { createSyncAuthorizer } from './auth/authorizeSync.js';
import { loadOrCreateSecret } from './auth/secret.js';
import type { Config } from './config.js';
import { createApiRouter } from './http/api.js';
import { errorHandler, sendError } from './http/errors.js';
import { securityHeaders } from './http/security.js';
import { libraryMethodForGroup } from './library/storedMethods.js';
import { createFacilitation } from './facilitation/Facilitation.js';
import { createSummaryWriter } from './summary/meetingSummaries.js';
import { createLogger } from './logger.js';
import { smtpMailer } from './notifications/mailer.js';
import { createNotifications, mailOff, type Notifications } from './notifications/notifications.js';
import { startRetentionSweeper } from './storage/retention.js';
import { openStorage } from './storage/openStorage.js';
import type { Storage } from './storage/Storage.js';
import { createSyncServer } from './sync/SyncServer.js';
import { createBoardDocHook } from './board/boardDocs.js';
import { MeetingRulesCache } from './board/meetingRules.js';
import { readSession } from './facilitation/sessionDoc.js';
import { startCluster, type Cluster } from './cluster/cluster.js';
import { encodeCloseMessage, parseCloseMessage, withClusterHooks } from './cluster/appHooks.js';
import { selects, type CloseSelector } from './http/deps.js';
import { localLimiters } from './sync/rateLimit.js';
import { createRehearsals } from './rehearsal/Rehearsals.js';

/** The client's address: the socket peer, or behind a trusted proxy the address it forwarded. */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string') {
    // The proxy appends the address it saw, so the last entry is the one it vouches for.
    const last = forwarded.split(',').pop()?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

export interface RunningServer {
  url: string;
  port: number;
  http: Server;
  storage: Storage;
  auth: Auth;
  sync: ReturnType<typeof createSyncServer>;
  logger: Logger;
  /** Mail between meetings; `enabled` false without SMTP_URL. */
  notifications: Notifications;
  /** Graceful stop: refuse new work, flush document writes, close sockets with 1001, close storage. */
  close(): Promise<void>;
}

export async function startServer(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
): Promise<RunningServer> {
  const storage = await openStorage(config, logger.child({ component: 'storage' }));
  const auth = createAuth(storage, loadOrCreateSecret(config.dataDir, config.secret));
  const cluster: Cluster | null = config.cluster
    ? await startCluster(
        config.cluster,
        logger.child({ component: 'cluster' }),
        (name) => storage.loadUpdates(name),
        (text) => {
          const message = parseCloseMessage(text);
          if (message) sync.closeConnections(selects(message.selector), message.code, message.reason);
          else logger.warn('ignored a malformed message from another instance');
        },
      )
    : null;
  /** Closes connections here and, with other instances, there too. */
  const closeSelected = (selector: CloseSelector, code: number, reason: string) => {
    sync.closeConnections(selects(selector), code, reason);
    cluster?.docs.publish(encodeCloseMessage({ selector, code, reason }));
  };
  const limiters = cluster?.limiters ?? localLimiters;

  // What the board checks know of each meeting: filled from the session document before a board
  // connection opens, then kept current by the facilitation engine after every change it writes.
  const rules: MeetingRulesCache = new MeetingRulesCache((meetingId) =>
    sync.withDoc(formatDocName({ kind: 'session', meetingId }), (doc) => {
      const read = readSession(doc);
      return read.ok ? read.value : null;
    }),
  );
  const sync = createSyncServer({
    store: storage,
    logger: logger.child({ component: 'sync' }),
    maxPayloadBytes: config.maxPayloadBytes,
    maxBufferedBytes: config.maxBufferedBytes,
    maxDocumentBytes: config.maxDocumentBytes,
    budgets: config.syncBudgets,
    compactThreshold: config.compactThreshold,
    unloadDelayMs: config.unloadDelayMs,
    connectionsPerMinutePerAddress: config.connectionsPerMinutePerAddress,
    remoteAddress: (req) => clientAddress(req, config.trustProxy),
    onConnectionChange: (change) => facilitation.onConnectionChange(change),
    hidesCursors: (docName) => facilitation.hidesCursors(docName),
    onDocLoaded: withClusterHooks(
      cluster,
      createBoardDocHook({
        rules,
        maxRecordBytes: config.maxRecordBytes,
        logger: logger.child({ component: 'board' }),
      }),
      (meetingId, state) => {
        rules.set(meetingId, state);
        facilitation.observeSession(meetingId, state);
      },
    ),
    ...(cluster ? { cluster: cluster.docs } : {}),
    connectionLimiter: limiters('connections', { limit: config.connectionsPerMinutePerAddress, windowMs: 60_000 }),
    authorize: createSyncAuthorizer(
      auth,
      storage,
      (meetingId) => rules.load(meetingId),
      (meetingId) => facilitation.session(meetingId),
    ),
  });

  const writeSummary = createSummaryWriter(sync, storage, logger.child({ component: 'summary' }));
  const facilitation = createFacilitation({
    docs: sync,
    storage,
    logger: logger.child({ component: 'facilitation' }),
    onSessionWritten: (meetingId, state) => rules.set(meetingId, state),
    closeConnections: closeSelected,
    libraryMethod: async (meetingId, methodId) => {
      const meeting = await storage.getMeeting(meetingId);
      return meeting ? libraryMethodForGroup(storage, meeting.groupId, methodId) : null;
    },
    ...(cluster
      ? {
          serialize: <T>(meetingId: MeetingId, task: () => Promise<T>) =>
            cluster.withMeetingLock(meetingId, async () => {
              // Another instance may have written the session since this one last heard of it.
              await sync.reloadDoc(formatDocName({ kind: 'session', meetingId }));
              return task();
            }),
          sharedPresence: cluster.presence,
        }
      : {}),
    onMeetingEnded: async (meetingId) => {
      // Writers reconnect and get read-only access; what they sent before is in the summary.
      closeSelected(
        { docPrefixes: [`meeting/${meetingId}/`], exceptSession: true },
        CloseCode.accessChanged,
        'meeting ended',
      );
      await writeSummary(meetingId);
    },
  });

  /** Known once the server listens: the simulated participants of rehearsals connect to it. */
  let selfUrl = '';
  const rehearsals = createRehearsals({
    storage,
    auth,
    facilitation,
    readSession: (meetingId) =>
      sync.withDoc(formatDocName({ kind: 'session', meetingId }), (doc) => {
        const read = readSession(doc);
        return read.ok ? read.value : null;
      }),
    baseUrl: () => selfUrl,
    closeSelected,
    purge: () => retention.sweep(),
    logger: logger.child({ component: 'rehearsal' }),
    limits: { keepEndedMs: config.rehearsalKeepEndedMs, facilitatorAwayMs: config.rehearsalFacilitatorAwayMs },
  });
  const notifications = config.mail
    ? createNotifications({
        storage,
        mailer: smtpMailer(config.mail.url, config.mail.from),
        logger: logger.child({ component: 'mail' }),
        stopLinks: config.publicUrl ? { publicUrl: config.publicUrl, token: auth.mailStopToken } : null,
      })
    : mailOff;

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy ? 1 : false);
  app.use(securityHeaders);

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      // A database that does not answer at all (a network cut) must not hang the probe.
      await Promise.race([
        storage.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 2 s')), 2000).unref()),
      ]);
      // Redis away does not stop this instance: it serves its own clients and resyncs when it is back.
      res.json(cluster ? { ok: true, redis: cluster.connected() } : { ok: true });
    } catch (err) {
      logger.error({ err }, 'readiness check failed');
      sendError(res, 503, 'storage is not answering');
    }
  });

  app.use('/api', (_req, res, next) => {
    // Answers depend on the bearer token and may carry tokens: never reuse them across callers or
    // keep them in the HTTP cache.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Vary', 'Authorization');
    next();
  });
  app.use(
    '/api',
    createApiRouter({
      storage,
      auth,
      config,
      connections: { closeSelected },
      facilitation,
      logger: logger.child({ component: 'api' }),
      limiters,
      rehearsals,
      notifications,
    }),
  );
  const retention = startRetentionSweeper(storage, logger.child({ component: 'retention' }), 60 * 60 * 1000, (ids) => {
    closeSelected({ docPrefixes: ids.map((id) => `meeting/${id}/`) }, CloseCode.gone, 'meeting deleted');
  });

  if (config.clientDir && existsSync(join(config.clientDir, 'index.html'))) {
    const clientDir = config.clientDir;
    // Vite names built files by content hash, so they can be cached for good.
    app.use(
      '/assets',
      express.static(join(clientDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
    );
    // The service worker script must be re-checked on every load so that a deploy reaches browsers.
    app.get('/sw.js', (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(clientDir, 'sw.js'));
    });
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // Client-side routes (/, /join/…, /g/…) all get the app shell.
    app.get(/^\/(?!api\/|sync\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(clientDir, 'index.html'));
    });
  } else if (config.clientDir) {
    logger.warn({ clientDir: config.clientDir }, 'client build not found; run `npm run build` to serve the app');
  }

  app.use((_req, res) => sendError(res, 404, 'not found'));
  app.use(errorHandler(logger));

  const http = createServer(app);
  http.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/sync/')) {
      sync.handleUpgrade(req, socket, head);
    } else {
      socket.on('error', () => {});
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  });
  // Slowloris-style clients must not hold sockets forever.
  http.headersTimeout = 20_000;
  http.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host}:${port}`;
  selfUrl = url;
  logger.info({ port, dataDir: config.dataDir }, 'vermeboard listening');
  // A single instance that just started runs no rehearsal: whatever the store lists was cut short
  // (a restart). In a cluster another instance may run it; there only the stale ones go.
  const reaped = rehearsals.reap(!cluster);

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    http,
    storage,
    auth,
    sync,
    logger,
    notifications,
    close() {
      closing ??= (async () => {
        retention.stop();
        rehearsals.close();
        // A sweep of cut-short rehearsals started at start-up finishes while the store is open.
        await reaped;
        notifications.stop();
        const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
        // Commands already queued finish and are persisted before the documents are flushed.
        await facilitation.close();
        await sync.close();
        await cluster?.close();
        // A mail being queued or sent finishes first (the outbox resumes after a restart anyway).
        await Promise.race([notifications.idle(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
        http.closeAllConnections();
        await httpClosed;
        await storage.close();
        logger.info('vermeboard stopped');
      })();
      return closing;
    },
  };
}
