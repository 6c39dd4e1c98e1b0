// Throwaway PostgreSQL databases for tests: each test run creates its own (`vb_test_<random>`) on the
// server at TEST_DATABASE_URL (default postgres://127.0.0.1:5432/postgres as PGUSER or `postgres`)
// and drops it afterwards, so nothing assumes an empty server. An unreachable server fails the test
// with a message that says what to start; it is never skipped.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';

const adminUrl = () =>
  process.env.TEST_DATABASE_URL ?? `postgres://${process.env.PGUSER ?? 'postgres'}@127.0.0.1:5432/postgres`;

export interface TestDatabase {
  url: string;
  name: string;
  /** Drops the database, ending any connection still open on it. */
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    const { hostname, port } = new URL(adminUrl());
    throw new Error(
      `PostgreSQL is not reachable at ${hostname}:${port || 5432} (${err instanceof Error ? err.message : String(err)}). ` +
        'Start it (`.ci/run` does: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) ' +
        'or point TEST_DATABASE_URL at a server where this user may create databases.',
      { cause: err },
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Databases this test file made and has not dropped yet. */
const live = new Set<string>();

// A test that fails before it closes its server leaves its database behind; the file's end drops it.
afterAll(async () => {
  for (const name of live) await dropDatabase(name);
});

async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  live.delete(name);
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `vb_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  live.add(name);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: () => dropDatabase(name) };
}
