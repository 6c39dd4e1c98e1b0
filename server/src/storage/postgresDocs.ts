// The PostgreSQL side of the Yjs update log: append-only per document, idempotent appends, and
// compaction that at most one instance runs on a document at a time.
import { createHash } from 'node:crypto';
import { parseDocName } from '@vermeboard/shared';
import type { Db } from './postgresDb.js';
import { toBuffer, toBytes } from './postgresDb.js';
import { DocumentGoneError, type DocStore } from './Storage.js';

/**
 * The advisory-lock key of a document's compaction: the first 8 bytes of SHA-256 of its name, as a
 * signed 64-bit integer (a string, since pg passes bigints as text). A collision of two names only
 * makes their compactions take turns.
 */
export function compactionLockKey(docName: string): string {
  return createHash('sha256').update(`compact:${docName}`).digest().readBigInt64BE(0).toString();
}

export function createPostgresDocStore(db: Db): DocStore {
  const purged = async (meetingId: string) =>
    (await db.pool.query('SELECT 1 FROM meetings WHERE id = $1 AND board_deleted_at IS NOT NULL', [meetingId]))
      .rowCount === 1;
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
      // A purged meeting's documents are tombstones. The share lock on the meeting row orders this
      // against a purge, which updates that row: a purge that committed first is seen (nothing is
      // written), and one that comes later waits for this write and then deletes it too. Documents
      // of unknown meetings (and names that are no meeting's) are let through, as in SQLite.
      const meetingId = parseDocName(docName)?.meetingId ?? null;
      const inserted = await db.pool.query(
        `WITH meeting AS MATERIALIZED (SELECT board_deleted_at FROM meetings WHERE id = $3 FOR SHARE)
         INSERT INTO doc_updates (doc, data)
         SELECT $1, u.data FROM unnest($2::bytea[]) WITH ORDINALITY AS u(data, n)
         WHERE NOT EXISTS (SELECT 1 FROM meeting WHERE board_deleted_at IS NOT NULL)
         ORDER BY u.n
         ON CONFLICT (doc, digest) DO NOTHING`,
        [docName, updates.map(toBuffer), meetingId],
      );
      // Fewer rows than updates: copies skipped, or the meeting is gone (only then is it looked up).
      if (meetingId !== null && (inserted.rowCount ?? 0) < updates.length && (await purged(meetingId))) {
        throw new DocumentGoneError(docName);
      }
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
        // The merge may run on a worker thread; the transaction (and with it the lock) stays open
        // meanwhile, holding no row locks, so appends go on.
        const merged = await merge(rows.map((r) => toBytes(r.data)));
        // Lock exactly the rows that were merged, by number: under READ COMMITTED a range
        // (`seq <= last`) could also catch a row that another transaction committed after the SELECT
        // with a lower number, and its update would be lost. Rows deleted meanwhile (deleteDoc, a
        // purge) are missing here; then the merged row must not bring them back.
        const seqs = rows.map((r) => r.seq);
        const locked = await client.query(
          'SELECT seq FROM doc_updates WHERE doc = $1 AND seq = ANY($2::bigint[]) FOR UPDATE',
          [docName, seqs],
        );
        if (locked.rowCount !== rows.length) return;
        await client.query('DELETE FROM doc_updates WHERE doc = $1 AND seq = ANY($2::bigint[])', [docName, seqs]);
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
