// Several instances behind one load balancer (REDIS_URL set): the parts that make them one server.
// Documents and presence are relayed through Redis streams (docCluster.ts), facilitation commands
// are serialized per meeting by a lock (meetingLock.ts), presence in the session counts every
// instance (sharedPresence.ts) and the rate limits are shared token buckets (sharedLimiter.ts).
// Without REDIS_URL none of this is created and nothing connects to Redis.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { SharedPresence } from '../facilitation/presence.js';
import type { Connection } from '../sync/Connection.js';
import { createClusterDocs, type ClusterDocs } from './docCluster.js';
import { clusterKeys } from './keys.js';
import { createMeetingLock } from './meetingLock.js';
import { createSharedPresence } from './sharedPresence.js';
import type { LimiterFactory } from '../sync/rateLimit.js';
import { sharedLimiterFactory } from './sharedLimiter.js';

export interface ClusterConfig {
  url: string;
  /** Prefix of every key (several deployments, or tests, can share one Redis). */
  prefix: string;
}

export interface Cluster {
  instanceId: string;
  docs: ClusterDocs<Connection>;
  withMeetingLock<T>(meetingId: string, task: () => Promise<T>): Promise<T>;
  presence: SharedPresence;
  limiters: LimiterFactory;
  /** Whether the command connection to Redis is up (reported by /readyz, which does not fail on it). */
  connected(): boolean;
  close(): Promise<void>;
}

const heartbeatMs = 2000;
const heartbeatTtlMs = 6000;

export async function startCluster(
  config: ClusterConfig,
  logger: Logger,
  loadStored: (docName: string) => Promise<Uint8Array[]>,
  onControl: (message: string) => void,
): Promise<Cluster> {
  const instanceId = `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  const log = logger.child({ instance: instanceId });
  const keys = clusterKeys(config.prefix);
  const retryStrategy = (times: number) => Math.min(times * 100, 1000);
  const command = new Redis(config.url, { retryStrategy, maxRetriesPerRequest: 3, lazyConnect: true });
  // A blocked XREAD cut by a disconnect is failed, not resent: the read loop resumes from its ids.
  const reader = new Redis(config.url, {
    retryStrategy,
    maxRetriesPerRequest: null,
    autoResendUnfulfilledCommands: false,
    lazyConnect: true,
  });
  for (const [name, client] of [
    ['command', command],
    ['reader', reader],
  ] as const) {
    client.on('error', (err: unknown) => log.warn({ err, connection: name }, 'Redis connection error'));
  }
  await Promise.all([command.connect(), reader.connect()]);

  const docs = createClusterDocs<Connection>({
    instanceId,
    keys,
    command,
    reader,
    logger: log,
    syncWaitMs: 500,
    streamMaxLen: 2000,
    heartbeatTtlMs,
    loadStored,
    onControl,
  });
  let lost = false;
  command.on('close', () => {
    if (!lost) log.warn('lost the connection to Redis; relaying resumes when it is back');
    lost = true;
  });
  command.on('ready', () => {
    if (!lost) return;
    lost = false;
    log.info('connected to Redis again; resynchronizing the documents held here');
    void docs.heartbeat().catch(() => undefined);
    docs.resync().catch((err: unknown) => log.error({ err }, 'resynchronizing after Redis came back failed'));
  });
  await docs.heartbeat();
  const beat = setInterval(() => {
    docs.heartbeat().catch((err: unknown) => log.debug({ err }, 'heartbeat failed'));
  }, heartbeatMs);
  beat.unref();
  log.info({ prefix: config.prefix }, 'sharing documents with the other instances through Redis');

  return {
    instanceId,
    docs,
    withMeetingLock: createMeetingLock({ redis: command, keys, ttlMs: 10_000, waitMs: 20_000 }),
    presence: createSharedPresence(command, keys, instanceId),
    limiters: sharedLimiterFactory(command, keys, log),
    connected: () => command.status === 'ready',
    async close() {
      clearInterval(beat);
      docs.close();
      // Gone at once for the others, rather than after the heartbeat expires.
      await command.zrem(keys.instances, instanceId).catch(() => undefined);
      reader.disconnect();
      await command.quit().catch(() => undefined);
    },
  };
}
