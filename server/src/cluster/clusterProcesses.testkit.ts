// Several real server processes sharing one fresh PostgreSQL database and a private Redis, for the
// cluster tests: each instance is the built server (`node server/dist/main.js`, brought up to date
// by an incremental `tsc -b` first; starting it through tsx took three times as long) on a free
// port; the test can kill one with SIGKILL, stop and restart the Redis, and cut PostgreSQL off
// behind a TCP proxy.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../storage/postgresTestDb.testkit.js';
import { apiCaller, type ApiCall } from '../testServer.testkit.js';
import { freePort } from '../bench/targets.js';

const SERVER_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let built: Promise<void> | null = null;
/** Builds the server (and shared) unless the build is current; once per test file. */
export function buildServer(): Promise<void> {
  built ??= new Promise((resolve, reject) => {
    const tsc = spawn(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'server'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: string[] = [];
    for (const stream of [tsc.stdout, tsc.stderr]) stream.on('data', (d: Buffer) => out.push(d.toString()));
    tsc.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tsc -b server failed:\n${out.join('')}`))));
  });
  return built;
}

const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

function track(child: ChildProcess): Promise<void> {
  children.add(child);
  return new Promise((resolve) =>
    child.once('exit', () => {
      children.delete(child);
      resolve();
    }),
  );
}

export async function waitFor(
  check: () => Promise<boolean>,
  what: string | (() => string),
  ms = 20_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A redis-server of the test's own (no persistence), on a free port. */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    this.child = child;
    this.exited = track(child);
    await waitFor(() => ping(this.port), `redis-server on port ${this.port}`);
  }

  async stop(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
    this.child = null;
  }
}

/** PING over a raw socket (no client library needed to know that the server is up). */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('error', () => resolve(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
  });
}

/**
 * A TCP proxy in front of PostgreSQL that the test can pause: while paused, nothing it receives is
 * passed on either way and new connections wait, as when the network to the database is down.
 */
export class PausableProxy {
  private paused = false;
  private readonly pairs = new Set<[Socket, Socket]>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number): Promise<PausableProxy> {
    const port = await freePort();
    let proxy: PausableProxy | null = null;
    const server = createServer((client) => {
      const upstream = connect(targetPort, '127.0.0.1');
      const pair: [Socket, Socket] = [client, upstream];
      proxy!.pairs.add(pair);
      const end = () => {
        client.destroy();
        upstream.destroy();
        proxy!.pairs.delete(pair);
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
      client.pipe(upstream);
      upstream.pipe(client);
      if (proxy!.paused) {
        client.pause();
        upstream.pause();
      }
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    proxy = new PausableProxy(server, port);
    return proxy;
  }

  pause(): void {
    this.paused = true;
    for (const [a, b] of this.pairs) {
      a.pause();
      b.pause();
    }
  }

  resume(): void {
    this.paused = false;
    for (const [a, b] of this.pairs) {
      a.resume();
      b.resume();
    }
  }

  close(): Promise<void> {
    for (const [a, b] of this.pairs) {
      a.destroy();
      b.destroy();
    }
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface Instance {
  port: number;
  url: string;
  api: ApiCall;
  /** What the process wrote (it logs at warn). */
  output: string[];
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface ClusterOptions {
  redis: PrivateRedis;
  database: TestDatabase;
  /** Database port to use instead of the database's own (a PausableProxy). */
  databasePort?: number;
  prefix: string;
}

/** A deployment: one database and Redis, and the instances started on them. */
export class TestCluster {
  readonly instances: Instance[] = [];
  private readonly dataDirs: string[] = [];
  private readonly secret = randomBytes(32).toString('hex');

  private constructor(readonly opts: ClusterOptions) {}

  static async create(redis: PrivateRedis, databasePort?: number): Promise<TestCluster> {
    await buildServer();
    const database = await createTestDatabase();
    const prefix = `vbtest:${randomBytes(4).toString('hex')}:`;
    return new TestCluster({ redis, database, prefix, ...(databasePort ? { databasePort } : {}) });
  }

  get databaseUrl(): string {
    const url = new URL(this.opts.database.url);
    if (this.opts.databasePort) url.port = String(this.opts.databasePort);
    return url.toString();
  }

  async start(env: Record<string, string> = {}): Promise<Instance> {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'vb-cluster-'));
    this.dataDirs.push(dataDir);
    const child = spawn(process.execPath, [SERVER_MAIN], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        STORAGE: 'postgres',
        DATABASE_URL: this.databaseUrl,
        REDIS_URL: this.opts.redis.url,
        REDIS_PREFIX: this.opts.prefix,
        VERMEBOARD_SECRET: this.secret,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
        RATE_LIMIT_CONNECTIONS_PER_MINUTE: '100000',
        ...env,
      },
    });
    const exited = track(child);
    const output: string[] = [];
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', (d: Buffer) => output.push(d.toString()));
    const url = `http://127.0.0.1:${port}`;
    let gone = false;
    void exited.then(() => (gone = true));
    await waitFor(
      async () => {
        if (gone) throw new Error(`instance exited:\n${output.join('')}`);
        return (await fetch(`${url}/readyz`)).status === 200;
        // Generous: three instances starting at once on a busy 2-core machine took over 20 s.
      },
      `instance on port ${port}`,
      60_000,
    ).catch((err: unknown) => {
      throw new Error(`${String(err)}\n${output.join('')}`);
    });
    const instance: Instance = {
      port,
      url,
      api: apiCaller(url),
      output,
      async kill(signal = 'SIGTERM') {
        child.kill(signal);
        await exited;
      },
    };
    this.instances.push(instance);
    return instance;
  }

  async close(): Promise<void> {
    await Promise.all(this.instances.map((i) => i.kill('SIGKILL')));
    for (const dir of this.dataDirs) rmSync(dir, { recursive: true, force: true });
    await this.opts.database.drop();
  }
}
