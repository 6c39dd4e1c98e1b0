// The PostgreSQL side of the Yjs update log: append-only per document, idempotent appends, and
// compaction that at most one instance runs on a document at a time.
import { createHash } from 'node:crypto';
import type { Db } from './postgresDb.js';
import { toBuffer, toBytes } from './postgresDb.js';
import type { DocStore } from './Storage.js';

/**
 * The advisory-lock key of a document's compaction: the first 8 bytes of SHA-256 of its name, as a
 * signed 64-bit integer (a string, since pg passes bigints as text). A collision of two names only
 * makes their compactions take turns.
 */
export function compactionLockKey(docName: string): string {
  return createHash('sha256').update(`compact:${docName}`).digest().readBigInt64BE(0).toString();
}

export function createPostgresDocStore(db: Db): DocStore {
  return {
    async loadUpdates(docName) {
      const { rows } = await db.pool.query<{ data: Buffer }>(
        'SELECT data FROM doc_updates WHERE doc = $1 ORDER BY seq',
        [docName],
      );
      return rows.map((r) => toBytes(r.data));
    },

    async appendUpdates(docName, updates) {
      if (updates.length === 0) return;
      // One statement is one transaction. Rows are numbered in the batch's order (WITH ORDINALITY);
      // an update the document already holds is skipped (see doc_updates_digest in the schema).
      await db.pool.query(
        `INSERT INTO doc_updates (doc, data)
         SELECT $1, u.data FROM unnest($2::bytea[]) WITH ORDINALITY AS u(data, n) ORDER BY u.n
         ON CONFLICT (doc, digest) DO NOTHING`,
        [docName, updates.map(toBuffer)],
      );
    },

    async countUpdates(docName) {
      const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM doc_updates WHERE doc = $1', [
        docName,
      ]);
      return rows[0]!.n;
    },

    async compact(docName, merge) {
      await db.transaction(async (client) => {
        // Held until the transaction ends. Another instance that is compacting this document holds
        // it; then this one leaves the log alone (that compaction covers the same rows, and a later
        // one catches up on whatever it left).
        const { rows: lock } = await client.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_xact_lock($1::bigint) AS locked',
          [compactionLockKey(docName)],
        );
        if (!lock[0]!.locked) return;
        const { rows } = await client.query<{ seq: string; data: Buffer }>(
          'SELECT seq, data FROM doc_updates WHERE doc = $1 ORDER BY seq',
          [docName],
        );
        if (rows.length <= 1) return;
        const merged = merge(rows.map((r) => toBytes(r.data)));
        // Delete exactly the rows that were merged, by number: under READ COMMITTED a range
        // (`seq <= last`) could also catch a row that another transaction committed after the SELECT
        // with a lower number, and its update would be lost.
        await client.query('DELETE FROM doc_updates WHERE doc = $1 AND seq = ANY($2::bigint[])', [
          docName,
          rows.map((r) => r.seq),
        ]);
        await client.query('INSERT INTO doc_updates (doc, data) VALUES ($1, $2) ON CONFLICT (doc, digest) DO NOTHING', [
          docName,
          toBuffer(merged),
        ]);
      });
    },

    async deleteDoc(docName) {
      await db.pool.query('DELETE FROM doc_updates WHERE doc = $1', [docName]);
    },
  };
}
