// The PostgreSQL side of the method studio (libraryStore.ts). A save locks the trainer's row, so
// that two saves at once (two instances) take turns over the count and the id's owner.
import type { Db } from './postgresDb.js';
import type { LibraryStore } from './libraryStore.js';
import { methodColumns, toStoredMethod, toTrainer } from './sqliteLibrary.js';

export function createPostgresLibraryStore(db: Db): LibraryStore {
  const { pool } = db;
  return {
    async createTrainer(t, hash) {
      await pool.query('INSERT INTO trainers (id, token_hash, program_id, created_at) VALUES ($1, $2, $3, $4)', [
        t.id,
        hash,
        t.programId,
        t.createdAt,
      ]);
    },
    async trainerByTokenHash(hash) {
      const { rows } = await pool.query('SELECT id, program_id, created_at FROM trainers WHERE token_hash = $1', [
        hash,
      ]);
      return rows[0] ? toTrainer(rows[0]) : null;
    },
    async saveLibraryMethod(row, max) {
      return db.transaction(async (c) => {
        await c.query('SELECT 1 FROM trainers WHERE id = $1 FOR UPDATE', [row.trainerId]);
        const owner = await c.query('SELECT trainer_id, kind FROM library_methods WHERE id = $1 FOR UPDATE', [row.id]);
        const ownerId = owner.rows[0]?.trainer_id as string | undefined;
        const kind = owner.rows[0]?.kind as string | undefined;
        if (ownerId !== undefined && (ownerId !== row.trainerId || kind !== row.kind)) return 'taken';
        if (ownerId !== undefined) {
          await c.query(
            'UPDATE library_methods SET scope = $1, program_id = $2, definition = $3, updated_at = $4 WHERE id = $5',
            [row.scope, row.programId, row.definition, row.updatedAt, row.id],
          );
          return 'saved';
        }
        const count = await c.query('SELECT count(*)::int AS n FROM library_methods WHERE trainer_id = $1', [
          row.trainerId,
        ]);
        if ((count.rows[0] as { n: number }).n >= max) return 'full';
        // A save of the same new id from another trainer at the same moment loses on the key.
        const inserted = await c.query(
          `INSERT INTO library_methods (id, kind, trainer_id, scope, program_id, definition, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (id) DO NOTHING`,
          [row.id, row.kind, row.trainerId, row.scope, row.programId, row.definition, row.updatedAt],
        );
        return inserted.rowCount === 1 ? 'saved' : 'taken';
      });
    },
    async getLibraryMethod(id) {
      const { rows } = await pool.query(`SELECT ${methodColumns} FROM library_methods WHERE id = $1`, [id]);
      return rows[0] ? toStoredMethod(rows[0]) : null;
    },
    async listTrainerMethods(trainerId) {
      const { rows } = await pool.query(
        `SELECT ${methodColumns} FROM library_methods WHERE trainer_id = $1 ORDER BY created_at, seq`,
        [trainerId],
      );
      return rows.map(toStoredMethod);
    },
    async listVisibleMethods(programId, limit) {
      const { rows } = await pool.query(
        `SELECT ${methodColumns} FROM library_methods
         WHERE scope = 'instance' OR (scope = 'program' AND program_id = $1)
         ORDER BY created_at, seq LIMIT $2`,
        [programId, limit],
      );
      return rows.map(toStoredMethod);
    },
    async deleteLibraryMethod(trainerId, id) {
      const result = await pool.query('DELETE FROM library_methods WHERE trainer_id = $1 AND id = $2', [trainerId, id]);
      return (result.rowCount ?? 0) > 0;
    },
  };
}
