// The PostgreSQL connection pool and the one way the adapter runs a transaction on it.
import pg from 'pg';

/** What a query runs on: the pool itself (one statement) or a client inside a transaction. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export interface Db {
  pool: pg.Pool;
  /** Runs `fn` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>;
}

export interface PoolOptions {
  /** Errors of idle connections (the server restarted, the network dropped); the pool replaces them. */
  onError?: (err: Error) => void;
}

export function createDb(url: string, options: PoolOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    // A few connections are enough: every write is one short transaction, and the server's writes
    // per document are already serialized. More would only queue inside PostgreSQL instead.
    max: 10,
    // A readiness probe or a write must fail (and say so) when PostgreSQL is unreachable, not hang.
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  // Without a listener an idle connection's error would be thrown as an uncaught exception.
  pool.on('error', (err) => options.onError?.(err));

  async function transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch {
        // The connection itself failed; it must not go back into the pool.
        broken = true;
      }
      throw err;
    } finally {
      client.release(broken);
    }
  }

  return { pool, transaction };
}

/** Bytes as pg sends them (a Buffer over the same memory, no copy). */
export const toBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
/** A bytea column (pg returns a Buffer) as plain bytes. */
export const toBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
