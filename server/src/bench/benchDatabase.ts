// A throw-away PostgreSQL database for a bench run on several instances, on the server at
// BENCH_DATABASE_URL (default postgres://127.0.0.1:5432/postgres as PGUSER or `postgres`); dropped
// when the run ends.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const adminUrl = () =>
  process.env.BENCH_DATABASE_URL ?? `postgres://${process.env.PGUSER ?? 'postgres'}@127.0.0.1:5432/postgres`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `vb_bench_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  let dropped: Promise<void> | null = null;
  return {
    url: url.toString(),
    drop: () => (dropped ??= admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}
