// Server configuration from environment variables, validated once at start-up.
import { resolve } from 'node:path';
import { z } from 'zod';
import { limits, mailAddressSchema } from '@vermeboard/shared';
import { syncBudgetDefaults, type SyncBudgets } from './sync/connectionBudget.js';

const int = (def: number) => z.coerce.number().int().nonnegative().default(def);

const envSchema = z.object({
  PORT: int(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** `sqlite`: one file under DATA_DIR (no service needed). `postgres`: the database at DATABASE_URL. */
  STORAGE: z.enum(['sqlite', 'postgres']).default('sqlite'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Set to run several instances on one database: they share live documents through this Redis. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  /** Prefix of every Redis key, so that several deployments can share one Redis. */
  REDIS_PREFIX: z.string().min(1).max(100).default('vermeboard:'),
  /** Where to send mail between meetings (smtp:// or smtps://, user:password@ allowed); unset, no mail. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The sender address of that mail. */
  SMTP_FROM: mailAddressSchema.optional(),
  /** Where people reach this server (`https://host[:port]`): mails link back to it to stop them. */
  PUBLIC_URL: z
    .string()
    .transform((v, ctx) => {
      const url = URL.canParse(v) ? new URL(v) : null;
      if (
        !url ||
        (url.protocol !== 'https:' && url.protocol !== 'http:') ||
        url.username ||
        url.password ||
        url.pathname !== '/' ||
        url.search ||
        url.hash
      ) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be an origin like https://vermeboard.example.org[:port], no path',
        });
        return z.NEVER;
      }
      return url.origin;
    })
    .optional(),
  /**
   * `open`: any studio link may put methods and agendas in this server's library, which every
   * facilitator here is offered. `closed` (default): only a program's library and a trainer's own;
   * anyone can make a studio link, so an open library on a public server is open to anyone.
   */
  LIBRARY_SHARING: z.enum(['open', 'closed']).default('closed'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TLDRAW_LICENSE_KEY: z.string().optional(),
  /** Secret that link tokens are derived from; by default generated once into DATA_DIR/secret.key. */
  VERMEBOARD_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters: a shorter secret makes invite links guessable')
    .optional(),
  MAX_PAYLOAD_BYTES: int(2 * 1024 * 1024),
  MAX_BUFFERED_BYTES: int(16 * 1024 * 1024),
  /** At most half of MAX_BUFFERED_BYTES: a new connection receives the whole document in one message. */
  MAX_DOCUMENT_BYTES: int(4 * 1024 * 1024),
  SYNC_MESSAGES_PER_SECOND: int(syncBudgetDefaults.messagesPerSecond),
  SYNC_BYTES_PER_SECOND: int(syncBudgetDefaults.bytesPerSecond),
  SYNC_STEP1_PER_MINUTE: int(syncBudgetDefaults.syncStep1PerMinute),
  SYNC_AWARENESS_QUERIES_PER_MINUTE: int(syncBudgetDefaults.queryAwarenessPerMinute),
  MAX_ASSET_BYTES: int(limits.assetBytes),
  MAX_MEETING_ASSET_BYTES: int(50 * 1024 * 1024),
  COMPACT_THRESHOLD: int(500),
  /** How long a document stays loaded after everyone left, so that coming back does not reload it. */
  DOC_UNLOAD_DELAY_MS: int(5_000),
  /** Largest board record (JSON bytes) a browser may write; a larger one is refused (4422). */
  MAX_RECORD_BYTES: int(64 * 1024),
  RATE_LIMIT_CONNECTIONS_PER_MINUTE: int(120),
  /** How long an ended rehearsal stays readable before its tokens die and its documents are deleted. */
  REHEARSAL_KEEP_ENDED_SECONDS: int(60),
  /** A rehearsal whose facilitator has had no connection this long is ended (its bots leave). */
  REHEARSAL_FACILITATOR_AWAY_SECONDS: int(120),
  RATE_LIMIT_API_PER_MINUTE: int(600),
  RATE_LIMIT_JOINS_PER_LINK_PER_HOUR: int(30),
  /** Set when a reverse proxy in front sets X-Forwarded-For (rate limits then use the client address). */
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});

/** Where the relational data and the document logs live. */
export type StorageConfig = { kind: 'sqlite' } | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  storage: StorageConfig;
  /** Other instances to share live documents with; null runs this process alone. */
  cluster: { url: string; prefix: string } | null;
  /** Mail between meetings (notifications/); null sends none and keeps no addresses. */
  mail: { url: string; from: string } | null;
  /** The server's public origin (PUBLIC_URL), for links in mail; null puts no links in mail. */
  publicUrl: string | null;
  /** Whether studio links may share with the whole server's library (LIBRARY_SHARING=open). */
  instanceLibraryOpen: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  tldrawLicenseKey: string | null;
  secret: string | null;
  maxPayloadBytes: number;
  maxBufferedBytes: number;
  maxDocumentBytes: number;
  syncBudgets: SyncBudgets;
  maxAssetBytes: number;
  /** Images of one meeting, in all. */
  maxMeetingAssetBytes: number;
  compactThreshold: number;
  unloadDelayMs: number;
  rehearsalKeepEndedMs: number;
  rehearsalFacilitatorAwayMs: number;
  maxRecordBytes: number;
  connectionsPerMinutePerAddress: number;
  apiRequestsPerMinutePerAddress: number;
  /** New participants one invite link may create per hour (a burst of that many, refilled evenly). */
  joinsPerLinkPerHour: number;
  trustProxy: boolean;
  /** Built client to serve; null serves the API only. */
  clientDir: string | null;
}

export function loadConfig(env: NodeJS.ProcessEnv, clientDir: string | null): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  if (e.MAX_DOCUMENT_BYTES * 2 > e.MAX_BUFFERED_BYTES) {
    throw new Error(
      'Invalid configuration: MAX_DOCUMENT_BYTES must be at most half of MAX_BUFFERED_BYTES ' +
        '(a new connection receives the whole document in one message)',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    storage: storageConfig(e),
    cluster: clusterConfig(e),
    mail: mailConfig(e),
    publicUrl: e.PUBLIC_URL ?? null,
    instanceLibraryOpen: e.LIBRARY_SHARING === 'open',
    logLevel: e.LOG_LEVEL,
    tldrawLicenseKey: e.TLDRAW_LICENSE_KEY?.trim() || null,
    secret: e.VERMEBOARD_SECRET ?? null,
    maxPayloadBytes: e.MAX_PAYLOAD_BYTES,
    maxBufferedBytes: e.MAX_BUFFERED_BYTES,
    maxDocumentBytes: e.MAX_DOCUMENT_BYTES,
    syncBudgets: {
      messagesPerSecond: e.SYNC_MESSAGES_PER_SECOND,
      bytesPerSecond: e.SYNC_BYTES_PER_SECOND,
      syncStep1PerMinute: e.SYNC_STEP1_PER_MINUTE,
      queryAwarenessPerMinute: e.SYNC_AWARENESS_QUERIES_PER_MINUTE,
    },
    maxAssetBytes: e.MAX_ASSET_BYTES,
    maxMeetingAssetBytes: e.MAX_MEETING_ASSET_BYTES,
    compactThreshold: e.COMPACT_THRESHOLD,
    unloadDelayMs: e.DOC_UNLOAD_DELAY_MS,
    rehearsalKeepEndedMs: e.REHEARSAL_KEEP_ENDED_SECONDS * 1000,
    rehearsalFacilitatorAwayMs: e.REHEARSAL_FACILITATOR_AWAY_SECONDS * 1000,
    maxRecordBytes: e.MAX_RECORD_BYTES,
    connectionsPerMinutePerAddress: e.RATE_LIMIT_CONNECTIONS_PER_MINUTE,
    apiRequestsPerMinutePerAddress: e.RATE_LIMIT_API_PER_MINUTE,
    joinsPerLinkPerHour: e.RATE_LIMIT_JOINS_PER_LINK_PER_HOUR,
    trustProxy: e.TRUST_PROXY,
    clientDir,
  };
}

function mailConfig(e: z.infer<typeof envSchema>): Config['mail'] {
  if (!e.SMTP_URL) {
    if (e.SMTP_FROM)
      throw new Error('Invalid configuration: SMTP_FROM is set but SMTP_URL is not; set both or neither');
    return null;
  }
  if (!e.SMTP_FROM) {
    throw new Error(
      'Invalid configuration: SMTP_URL needs SMTP_FROM, the sender address (e.g. vermeboard@example.org)',
    );
  }
  return { url: e.SMTP_URL, from: e.SMTP_FROM };
}

function clusterConfig(e: z.infer<typeof envSchema>): Config['cluster'] {
  if (!e.REDIS_URL) return null;
  // Instances that share documents must share the store those documents are in.
  if (e.STORAGE !== 'postgres') {
    throw new Error('Invalid configuration: REDIS_URL needs STORAGE=postgres (every instance must use one database)');
  }
  return { url: e.REDIS_URL, prefix: e.REDIS_PREFIX };
}

function storageConfig(e: z.infer<typeof envSchema>): StorageConfig {
  if (e.STORAGE === 'postgres') {
    if (!e.DATABASE_URL) {
      throw new Error(
        'Invalid configuration: STORAGE=postgres needs DATABASE_URL (e.g. postgres://vermeboard@127.0.0.1:5432/vermeboard)',
      );
    }
    return { kind: 'postgres', url: e.DATABASE_URL };
  }
  // A URL that is set but not used would leave someone believing their data is in PostgreSQL.
  if (e.DATABASE_URL) {
    throw new Error(
      'Invalid configuration: DATABASE_URL is set but STORAGE is sqlite; set STORAGE=postgres or unset it',
    );
  }
  return { kind: 'sqlite' };
}
