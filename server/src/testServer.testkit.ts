// Starts a real server on a free port with a fresh data directory (and, on request, a fresh
// PostgreSQL database), for integration tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startServer, type RunningServer } from './app.js';
import { loadConfig, type Config } from './config.js';
import { createTestDatabase, type TestDatabase } from './storage/postgresTestDb.testkit.js';

export type ApiCall = (
  path: string,
  init?: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> },
) => Promise<{ status: number; body: unknown; headers: Headers }>;

export interface TestServer extends RunningServer {
  config: Config;
  /** Stops this server and starts a new one on the same data directory (and port). */
  restart(): Promise<TestServer>;
  api: ApiCall;
}

/**
 * With TEST_STORAGE=postgres (and no STORAGE of the test's own), each new server gets a database of
 * its own, dropped when it closes; a restart keeps it. CI runs these tests on the SQLite default.
 */
export async function startTestServer(env: Record<string, string> = {}, dataDir?: string): Promise<TestServer> {
  const database = process.env.TEST_STORAGE === 'postgres' && !env.STORAGE ? await createTestDatabase() : null;
  const storageEnv: Record<string, string> = database ? { STORAGE: 'postgres', DATABASE_URL: database.url } : {};
  // Documents unload a moment after everyone left, as in production, but without the 5-s wait
  // that tests of unloading (retention, compaction) would otherwise sit through.
  return start(
    { DOC_UNLOAD_DELAY_MS: '100', ...storageEnv, ...env },
    dataDir ?? mkdtempSync(join(tmpdir(), 'vb-server-')),
    database,
  );
}

async function start(env: Record<string, string>, dataDir: string, database: TestDatabase | null): Promise<TestServer> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env }, null);
  const server = await startServer(config, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
  const self: TestServer = {
    ...server,
    config,
    async close() {
      await server.close();
      await database?.drop();
    },
    async restart() {
      await server.close();
      return start({ ...env, PORT: String(server.port) }, config.dataDir, database);
    },
    api: apiCaller(server.url),
  };
  return self;
}

/** Calls a server's HTTP API with an optional bearer token and a JSON (or raw) body. */
export function apiCaller(baseUrl: string): ApiCall {
  return async (path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | Uint8Array | undefined;
    if (init.body instanceof Uint8Array) body = init.body;
    else if (typeof init.body === 'string') body = init.body;
    else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const request = () => fetch(baseUrl + path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
    // After a restart on the same port, fetch may first reuse a pooled keep-alive socket that the
    // old server closed; that one attempt fails at the socket level and is retried once.
    const res = await request().catch(request);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON; keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
}
