// The SQLite side of the method studio (libraryStore.ts).
import type Database from 'better-sqlite3';
import type { LibraryScope, ProgramId, TrainerId } from '@vermeboard/shared';
import type { LibraryStore, SaveMethodOutcome, StoredMethodRow, TrainerRecord } from './libraryStore.js';

export interface MethodRow {
  id: string;
  kind: string;
  trainer_id: string;
  scope: string;
  program_id: string | null;
  definition: string;
  updated_at: string;
}

interface TrainerRow {
  id: string;
  program_id: string | null;
  created_at: string;
}

export const methodColumns = 'id, kind, trainer_id, scope, program_id, definition, updated_at';

export const toStoredMethod = (r: MethodRow): StoredMethodRow => ({
  id: r.id,
  kind: r.kind === 'agenda' ? 'agenda' : 'method',
  trainerId: r.trainer_id as TrainerId,
  // The scope column is written from the parsed scope only; an unknown one reads as the owner's own.
  scope: (['own', 'program', 'instance'].includes(r.scope) ? r.scope : 'own') as LibraryScope,
  programId: r.program_id as ProgramId | null,
  definition: r.definition,
  updatedAt: r.updated_at,
});

export const toTrainer = (r: TrainerRow): TrainerRecord => ({
  id: r.id as TrainerId,
  programId: r.program_id as ProgramId | null,
  createdAt: r.created_at,
});

export function createSqliteLibraryStore(db: Database.Database): LibraryStore {
  const q = {
    insertTrainer: db.prepare('INSERT INTO trainers (id, token_hash, program_id, created_at) VALUES (?, ?, ?, ?)'),
    trainerByHash: db.prepare('SELECT id, program_id, created_at FROM trainers WHERE token_hash = ?'),
    owner: db.prepare('SELECT trainer_id, kind FROM library_methods WHERE id = ?'),
    count: db.prepare('SELECT count(*) AS n FROM library_methods WHERE trainer_id = ?'),
    insert: db.prepare(
      `INSERT INTO library_methods (id, kind, trainer_id, scope, program_id, definition, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    update: db.prepare(
      'UPDATE library_methods SET scope = ?, program_id = ?, definition = ?, updated_at = ? WHERE id = ?',
    ),
    get: db.prepare(`SELECT ${methodColumns} FROM library_methods WHERE id = ?`),
    listOwn: db.prepare(`SELECT ${methodColumns} FROM library_methods WHERE trainer_id = ? ORDER BY created_at, rowid`),
    listVisible: db.prepare(
      `SELECT ${methodColumns} FROM library_methods
       WHERE scope = 'instance' OR (scope = 'program' AND program_id IS ? AND program_id IS NOT NULL)
       ORDER BY created_at, rowid LIMIT ?`,
    ),
    delete: db.prepare('DELETE FROM library_methods WHERE trainer_id = ? AND id = ?'),
  };
  const save = db.transaction((row: StoredMethodRow, max: number): SaveMethodOutcome => {
    const owner = q.owner.get(row.id) as { trainer_id: string; kind: string } | undefined;
    if (owner !== undefined && (owner.trainer_id !== row.trainerId || owner.kind !== row.kind)) return 'taken';
    if (owner !== undefined) {
      q.update.run(row.scope, row.programId, row.definition, row.updatedAt, row.id);
      return 'saved';
    }
    if ((q.count.get(row.trainerId) as { n: number }).n >= max) return 'full';
    q.insert.run(
      row.id,
      row.kind,
      row.trainerId,
      row.scope,
      row.programId,
      row.definition,
      row.updatedAt,
      row.updatedAt,
    );
    return 'saved';
  });
  return {
    async createTrainer(t, hash) {
      q.insertTrainer.run(t.id, hash, t.programId, t.createdAt);
    },
    async trainerByTokenHash(hash) {
      const row = q.trainerByHash.get(hash) as TrainerRow | undefined;
      return row ? toTrainer(row) : null;
    },
    async saveLibraryMethod(row, max) {
      return save(row, max);
    },
    async getLibraryMethod(id) {
      const row = q.get.get(id) as MethodRow | undefined;
      return row ? toStoredMethod(row) : null;
    },
    async listTrainerMethods(trainerId) {
      return (q.listOwn.all(trainerId) as MethodRow[]).map(toStoredMethod);
    },
    async listVisibleMethods(programId, limit) {
      return (q.listVisible.all(programId, limit) as MethodRow[]).map(toStoredMethod);
    },
    async deleteLibraryMethod(trainerId, id) {
      return q.delete.run(trainerId, id).changes > 0;
    },
  };
}
