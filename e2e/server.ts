// Runs the real, built server (server/dist/main.js) as a child process on a free port with its own
// data directory, so tests can stop and restart it like an operator would.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'server', 'dist', 'main.js');
const sqliteStore = join(root, 'server', 'dist', 'storage', 'sqlite.js');

export interface ServerProcess {
  url: string;
  port: number;
  dataDir: string;
  /**
   * Stops the server. Throws when it refused any browser update (close code 4422) while it ran:
   * the browsers in these tests are honest, and the server's board checks must never refuse them.
   */
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function launchServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  if (!existsSync(entry) || !existsSync(join(root, 'client', 'dist', 'index.html'))) {
    throw new Error('The app is not built: run `npm run build` before the browser tests.');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'vb-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';
  /** Everything the server printed since the first start, across restarts. */
  let log = '';

  async function start() {
    output = '';
    child = spawn(process.execPath, [entry], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      log += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
      try {
        if ((await fetch(`${url}/readyz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not become ready:\n${output}`);
  }

  async function stop() {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
    c.kill('SIGTERM');
    await exited;
    child = null;
  }

  await start();
  return {
    url,
    port,
    dataDir,
    start,
    async stop() {
      await stop();
      const refusals = log.split('\n').filter((line) => line.includes('"msg":"refused an update"'));
      if (refusals.length > 0) {
        throw new Error(`the server refused ${refusals.length} update(s) from the browsers:\n${refusals.join('\n')}`);
      }
    },
    async restart() {
      await stop();
      await start();
    },
  };
}

/**
 * Makes a meeting look as if it ended `daysAgo` days ago in a group that deletes boards after
 * `keepDays`, by writing the stopped server's database with the server's own storage code (there is
 * no API to end a meeting in the past). The next start's retention sweep then purges it.
 */
export function backdateMeetingEnd(
  server: ServerProcess,
  ids: { groupId: string; meetingId: string },
  daysAgo: number,
  keepDays: number,
): void {
  const script = `
    const { openSqliteStorage } = await import(${JSON.stringify(pathToFileURL(sqliteStore).href)});
    const storage = openSqliteStorage(${JSON.stringify(join(server.dataDir, 'vermeboard.sqlite'))});
    await storage.endMeeting(${JSON.stringify(ids.meetingId)}, new Date(Date.now() - ${daysAgo} * 86400000).toISOString());
    await storage.setRetention(${JSON.stringify(ids.groupId)}, ${keepDays});
    await storage.close();
  `;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
}

/**
 * Moves the end of a meeting that has ended `daysAgo` days back, in the stopped server's database
 * (there is no API to end a meeting in the past, and ending again keeps the first time).
 */
export function moveMeetingEnd(server: ServerProcess, meetingId: string, daysAgo: number): void {
  const script = `
    const { createRequire } = await import('node:module');
    const Database = createRequire(${JSON.stringify(join(root, 'server', 'package.json'))})('better-sqlite3');
    const db = new Database(${JSON.stringify(join(server.dataDir, 'vermeboard.sqlite'))});
    const at = new Date(Date.now() - ${daysAgo} * 86400000).toISOString();
    const moved = db.prepare('UPDATE meetings SET ended_at = ? WHERE id = ? AND ended_at IS NOT NULL').run(at, ${JSON.stringify(meetingId)});
    db.close();
    if (moved.changes !== 1) throw new Error('no ended meeting to move');
  `;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
}

/**
 * Writes the seeded program of five groups and twenty meetings (server/src/seed/programSeed.ts)
 * into the stopped server's database with the server's own code, and returns what was seeded.
 */
export function seedProgram(server: ServerProcess): {
  programId: string;
  coordinatorToken: string;
  name: string;
  groups: { name: string; meetings: { attended: number; facilitator: string }[] }[];
} {
  const seed = join(root, 'server', 'dist', 'seed', 'programSeed.js');
  const script = `
    const { openSqliteStorage } = await import(${JSON.stringify(pathToFileURL(sqliteStore).href)});
    const { seedProgram } = await import(${JSON.stringify(pathToFileURL(seed).href)});
    const storage = openSqliteStorage(${JSON.stringify(join(server.dataDir, 'vermeboard.sqlite'))});
    process.stdout.write(JSON.stringify(await seedProgram(storage)));
    await storage.close();
  `;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}
