// Starts a real server on a free port with a fresh data directory, for integration tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startServer, type RunningServer } from './app.js';
import { loadConfig, type Config } from './config.js';

export interface TestServer extends RunningServer {
  config: Config;
  /** Stops this server and starts a new one on the same data directory (and port). */
  restart(): Promise<TestServer>;
  api(
    path: string,
    init?: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: unknown; headers: Headers }>;
}

export async function startTestServer(env: Record<string, string> = {}, dataDir?: string): Promise<TestServer> {
  const config = loadConfig(
    { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir ?? mkdtempSync(join(tmpdir(), 'vb-server-')), ...env },
    null,
  );
  const server = await startServer(config, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
  const self: TestServer = {
    ...server,
    config,
    async restart() {
      await server.close();
      return startTestServer({ ...env, PORT: String(server.port) }, config.dataDir);
    },
    async api(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      let body: string | Uint8Array | undefined;
      if (init.body instanceof Uint8Array) body = init.body;
      else if (typeof init.body === 'string') body = init.body;
      else if (init.body !== undefined) {
        body = JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      const request = () => fetch(server.url + path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
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
    },
  };
  return self;
}
