// What storage keeps for the method studio (shared/src/library): trainers, known only by the hash
// of their studio link's token, and the methods and agendas they write, each in one library (one
// table, one id space: a method and an agenda never share an id). A method's
// definition is stored as the JSON text it was saved as and parsed on every read by the caller
// (server/src/library/storedMethods.ts), so a row this server cannot read stays as it is.
import type { LibraryKind, LibraryScope, ProgramId, TrainerId } from '@vermeboard/shared';

export interface TrainerRecord {
  id: TrainerId;
  /** The program whose coordinator made the studio link; null for one made on the home page. */
  programId: ProgramId | null;
  createdAt: string;
}

export interface StoredMethodRow {
  id: string;
  /** A method, or an agenda: a sequence of method ids, like a preset. */
  kind: LibraryKind;
  trainerId: TrainerId;
  scope: LibraryScope;
  /** The trainer's program for a `program` method; null otherwise. */
  programId: ProgramId | null;
  /** The definition as JSON text, unparsed. */
  definition: string;
  updatedAt: string;
}

export type SaveMethodOutcome =
  | 'saved'
  /** Another trainer's method or agenda, or one of another kind, has this id: ids are unique on the server. */
  | 'taken'
  /** The trainer keeps as many methods as they may. */
  | 'full';

export interface LibraryStore {
  createTrainer(trainer: TrainerRecord, tokenHash: string): Promise<void>;
  trainerByTokenHash(tokenHash: string): Promise<TrainerRecord | null>;
  /** Inserts the method or replaces the trainer's own method of that id, atomically. */
  saveLibraryMethod(row: StoredMethodRow, maxPerTrainer: number): Promise<SaveMethodOutcome>;
  getLibraryMethod(id: string): Promise<StoredMethodRow | null>;
  /** The trainer's methods, in every library, oldest first. */
  listTrainerMethods(trainerId: TrainerId): Promise<StoredMethodRow[]>;
  /** What a group's facilitator sees: the instance's library and, in a program, the program's. */
  listVisibleMethods(programId: ProgramId | null, limit: number): Promise<StoredMethodRow[]>;
  /** False when the trainer has no method of that id. */
  deleteLibraryMethod(trainerId: TrainerId, id: string): Promise<boolean>;
}
