// The embedded default store: one SQLite file (better-sqlite3, synchronous, WAL).
import Database from 'better-sqlite3';
import { startCheckpointer, type CheckpointResult } from './sqliteCheckpoint.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseDocName, type MeetingId, type Role } from '@vermeboard/shared';
import {
  toGroup,
  toMeeting,
  toParticipant,
  toToken,
  type GroupRow,
  type MeetingRow,
  type ParticipantRow,
  type TokenRow,
} from './rows.js';
import { sqliteDebriefMigration } from './debriefSchema.js';
import { createSqliteBallotStore } from './sqliteBallots.js';
import { betweenMigration } from './betweenSchema.js';
import { createSqliteBetweenStore } from './sqliteBetween.js';
import { createSqliteNotifyStore } from './sqliteNotify.js';
import { notifyMigration } from './notifySchema.js';
import { createSqliteDebriefStore } from './sqliteDebrief.js';
import { createSqliteProcessStore } from './sqliteProcess.js';
import { createSqliteProgramStore, programsMigration } from './sqlitePrograms.js';
import { libraryMigration } from './librarySchema.js';
import { createSqliteLibraryStore } from './sqliteLibrary.js';
import { createSqliteRehearsalStore, rehearsalMigration } from './rehearsalRows.js';
import { createSqliteSummaryStore } from './sqliteSummaries.js';
import {
  DocumentGoneError,
  type AssetRecord,
  type DocAppend,
  type GroupDefaults,
  type GroupRecord,
  type NewParticipant,
  type Storage,
} from './Storage.js';

/**
 * A schema step: SQL run in a transaction, or a function for work that cannot run inside one
 * (VACUUM). Either way `user_version` moves on only after the step succeeded.
 */
export type Migration = string | { outsideTransaction(db: Database.Database): void };

export const migrations: Migration[] = [
  `
  CREATE TABLE groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    link_generation INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
  );
  CREATE INDEX meetings_group ON meetings(group_id, created_at);
  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX participants_group ON participants(group_id);
  -- Only SHA-256 hashes of tokens are stored. A row is either a role link of a group
  -- (participant_id NULL) or a participant's personal token.
  CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    participant_id TEXT REFERENCES participants(id) ON DELETE CASCADE
  );
  CREATE INDEX tokens_group ON tokens(group_id);
  -- Yjs update log per document; compaction replaces many rows by one merged row.
  CREATE TABLE doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX doc_updates_doc ON doc_updates(doc, seq);
  -- Pasted images. Addressed by a random id (a capability URL, since <img> sends no bearer token).
  CREATE TABLE assets (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    mime_type TEXT NOT NULL,
    data BLOB NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX assets_meeting ON assets(meeting_id);
  `,
  // The group's process across meetings: settings, member removal, meeting history, goals and their
  // progress notes, action items, competence areas and self-assessments.
  `
  ALTER TABLE groups ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';
  ALTER TABLE groups ADD COLUMN ground_rules TEXT NOT NULL DEFAULT '[]'; -- JSON array of strings
  ALTER TABLE groups ADD COLUMN next_meeting_date TEXT;
  ALTER TABLE groups ADD COLUMN next_meeting_theme TEXT;
  ALTER TABLE groups ADD COLUMN delete_boards_after_days INTEGER;
  ALTER TABLE participants ADD COLUMN removed_at TEXT;
  ALTER TABLE meetings ADD COLUMN facilitated_by TEXT REFERENCES participants(id);
  ALTER TABLE meetings ADD COLUMN ended_at TEXT;
  ALTER TABLE meetings ADD COLUMN board_deleted_at TEXT;
  CREATE INDEX meetings_to_purge ON meetings(ended_at) WHERE ended_at IS NOT NULL AND board_deleted_at IS NULL;
  CREATE INDEX tokens_participant ON tokens(participant_id);
  CREATE TABLE goals (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    position INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    archived_at TEXT
  );
  CREATE INDEX goals_group ON goals(group_id, archived_at, position);
  CREATE TABLE goal_progress (
    id TEXT PRIMARY KEY,
    goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX goal_progress_goal ON goal_progress(goal_id, created_at);
  CREATE TABLE action_items (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    owner_participant_id TEXT REFERENCES participants(id) ON DELETE SET NULL,
    due_date TEXT,
    done_at TEXT,
    source_shape_id TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX action_items_group ON action_items(group_id, created_at);
  -- Retired areas keep their rows so that past ratings still refer to something.
  CREATE TABLE competence_areas (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    retired INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX competence_areas_group ON competence_areas(group_id, retired, position);
  -- One answer per participant and phase: one row per rated area, and the answer's save time.
  CREATE TABLE assessments (
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    phase TEXT NOT NULL,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (participant_id, phase)
  );
  CREATE INDEX assessments_group ON assessments(group_id, phase);
  CREATE TABLE assessment_ratings (
    participant_id TEXT NOT NULL,
    phase TEXT NOT NULL,
    area_id TEXT NOT NULL REFERENCES competence_areas(id) ON DELETE CASCADE,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    PRIMARY KEY (participant_id, phase, area_id),
    FOREIGN KEY (participant_id, phase) REFERENCES assessments(participant_id, phase) ON DELETE CASCADE
  );
  CREATE INDEX assessment_ratings_area ON assessment_ratings(area_id, phase);
  `,
  // Dot-vote ballots of open votes: who put which dots where. Kept out of the session document,
  // which every browser reads; deleted when the vote closes (only its counts survive).
  `
  CREATE TABLE vote_ballots (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    vote_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    shape_ids TEXT NOT NULL, -- JSON array of shape ids, one entry per dot
    PRIMARY KEY (meeting_id, vote_id, participant_id)
  );
  `,
  // What ending a meeting writes down: progress notes and action items taken from board notes, keyed
  // by the note's shape id so that ending again updates or skips instead of adding copies, and the
  // meeting's summary (JSON, see shared/src/summary/meetingSummary.ts).
  `
  ALTER TABLE goal_progress ADD COLUMN source_shape_id TEXT;
  CREATE UNIQUE INDEX goal_progress_source ON goal_progress(meeting_id, source_shape_id)
    WHERE source_shape_id IS NOT NULL;
  -- Not unique: items created through the API before this may already share a shape id.
  CREATE INDEX action_items_source ON action_items(meeting_id, source_shape_id) WHERE source_shape_id IS NOT NULL;
  CREATE TABLE meeting_summaries (
    meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    summary TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
  // Self-assessment averages are released once per phase, by the facilitator, and frozen (JSON of
  // the per-area figures); a group may ask for more answers than the product minimum first.
  `
  CREATE TABLE assessment_releases (
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    phase TEXT NOT NULL,
    released_at TEXT NOT NULL,
    answered INTEGER NOT NULL,
    areas TEXT NOT NULL,
    PRIMARY KEY (group_id, phase)
  );
  ALTER TABLE groups ADD COLUMN assessment_min_respondents INTEGER;
  `,
  // The next meeting as one record: a time of day and a place (room, address or video link)
  // beside the date and theme.
  `
  ALTER TABLE groups ADD COLUMN next_meeting_time TEXT;
  ALTER TABLE groups ADD COLUMN next_meeting_place TEXT;
  `,
  // Before secure_delete was on for every connection, compaction, ballot rewrites and removals left
  // the old bytes in free pages and in the free space inside pages. VACUUM rebuilds the file from
  // live rows only; the checkpoint then empties the write-ahead log, which held the old pages too.
  { outsideTransaction: scrubFreePages },
  // Between meetings: date polls (proposed times, one answer per person and time), the season plan
  // of booked meetings, the group's calendar (time zone, the feed link's generation and hash) and
  // the stream of posts between meetings.
  betweenMigration,
  // The debrief: the meeting event log, the group's coaches and their coaching notes (debriefSchema.ts).
  sqliteDebriefMigration,
  // Programs (programStore.ts). IF NOT EXISTS: the scrub test replays every step after the scrub.
  programsMigration,
  // Mail between meetings (addresses, the outbox) and the summer break (notifySchema.ts).
  notifyMigration,
  // The method studio: trainers and their library methods (libraryStore.ts).
  libraryMigration,
  // Rehearsals started, so that one a restart interrupted is still discarded (rehearsalStore.ts).
  rehearsalMigration,
];

/** The schema version right after the free-page scrub (its test replays the steps from before it). */
export const scrubVersion = migrations.findIndex((m) => typeof m !== 'string') + 1;

function scrubFreePages(db: Database.Database): void {
  db.exec('VACUUM');
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (result?.busy) throw new Error('could not checkpoint the write-ahead log after scrubbing free pages');
}

export interface SqliteOptions {
  /** How often the checkpoint worker looks for new commits to copy (sqliteCheckpoint.ts). */
  checkpointIntervalMs?: number;
  /** A fully copied log of this many frames (4 KB each) is started over (sqliteCheckpoint.ts). */
  checkpointRestartFrames?: number;
  onCheckpoint?: (result: CheckpointResult) => void;
  onCheckpointFailure?: (err: Error) => void;
}

/** Bounds the set of documents known alive (see appendUpdates); past it the set starts over. */
const maxLiveDocs = 10_000;

export function openSqliteStorage(file: string, opts: SqliteOptions = {}): Storage {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives a process crash; FULL would also survive power loss at a cost per write.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Every delete (compaction of board and private-note rows, ballots rewritten on each vote, a
  // purge) overwrites the freed bytes with zeros instead of leaving them readable in free pages.
  db.pragma('secure_delete = ON');
  // After a burst (a compaction, a purge) the log is cut back to this size once it has been copied.
  db.pragma(`journal_size_limit = ${16 * 1024 * 1024}`);
  migrate(db);
  const checkpointer =
    file === ':memory:'
      ? null
      : startCheckpointer(db, file, {
          intervalMs: opts.checkpointIntervalMs ?? 500,
          restartFrames: opts.checkpointRestartFrames,
          onCheckpoint: opts.onCheckpoint,
          onFailure: opts.onCheckpointFailure,
        });

  const q = {
    insertGroup: db.prepare('INSERT INTO groups (id, name, created_at, link_generation) VALUES (?, ?, ?, ?)'),
    getGroup: db.prepare('SELECT id, name, created_at, link_generation FROM groups WHERE id = ?'),
    setGroupDefaults: db.prepare('UPDATE groups SET locale = ?, ground_rules = ? WHERE id = ?'),
    insertArea: db.prepare('INSERT INTO competence_areas (id, group_id, name, position) VALUES (?, ?, ?, ?)'),
    insertMeeting: db.prepare('INSERT INTO meetings (id, group_id, created_at, facilitated_by) VALUES (?, ?, ?, ?)'),
    getMeeting: db.prepare('SELECT * FROM meetings WHERE id = ?'),
    runningMeeting: db.prepare(
      'SELECT id FROM meetings WHERE group_id = ? AND ended_at IS NULL ORDER BY created_at DESC, rowid DESC LIMIT 1',
    ),
    listMeetings: db.prepare('SELECT * FROM meetings WHERE group_id = ? ORDER BY created_at, rowid'),
    insertParticipant: db.prepare(
      'INSERT INTO participants (id, group_id, display_name, role, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    getParticipant: db.prepare('SELECT * FROM participants WHERE id = ?'),
    listParticipants: db.prepare('SELECT * FROM participants WHERE group_id = ? ORDER BY created_at, rowid'),
    insertToken: db.prepare('INSERT INTO tokens (hash, group_id, role, participant_id) VALUES (?, ?, ?, ?)'),
    findToken: db.prepare('SELECT group_id, role, participant_id FROM tokens WHERE hash = ?'),
    loadUpdates: db.prepare('SELECT seq, data FROM doc_updates WHERE doc = ? ORDER BY seq'),
    appendUpdate: db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)'),
    countUpdates: db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?'),
    countUpTo: db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ? AND seq <= ?'),
    deleteUpTo: db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?'),
    deleteDoc: db.prepare('DELETE FROM doc_updates WHERE doc = ?'),
    insertAsset: db.prepare('INSERT INTO assets (id, meeting_id, mime_type, data, created_at) VALUES (?, ?, ?, ?, ?)'),
    meetingAssetBytes: db.prepare('SELECT COALESCE(SUM(length(data)), 0) AS n FROM assets WHERE meeting_id = ?'),
    boardDeletedAt: db.prepare('SELECT board_deleted_at FROM meetings WHERE id = ?'),
    getAsset: db.prepare('SELECT id, meeting_id, mime_type, data, created_at FROM assets WHERE id = ?'),
    ping: db.prepare('SELECT 1'),
  };

  const createGroup = db.transaction((group: GroupRecord, hashes: Record<Role, string>, defaults?: GroupDefaults) => {
    q.insertGroup.run(group.id, group.name, group.createdAt, group.linkGeneration);
    for (const role of Object.keys(hashes) as Role[]) q.insertToken.run(hashes[role], group.id, role, null);
    if (!defaults) return;
    q.setGroupDefaults.run(defaults.locale, JSON.stringify(defaults.groundRules), group.id);
    defaults.competenceAreas.forEach((a, i) => q.insertArea.run(a.id, group.id, a.name, i));
  });
  const createParticipant = db.transaction((p: NewParticipant, hash: string) => {
    q.insertParticipant.run(p.id, p.groupId, p.displayName, p.role, p.createdAt);
    q.insertToken.run(hash, p.groupId, p.role, p.id);
  });
  /** When the meeting's documents were purged; null while they live, undefined for an unknown meeting. */
  const purgedAt = (meetingId: MeetingId) =>
    (q.boardDeletedAt.get(meetingId) as { board_deleted_at: string | null } | undefined)?.board_deleted_at;
  /**
   * Documents whose meeting this process has seen alive. A purge runs in this process, in one
   * transaction, and empties the set: an append after it asks again. Without the set, the query and
   * the parse of the name were a third of every append's cost.
   */
  const liveDocs = new Set<string>();
  const appendUpdates = db.transaction((docName: string, updates: readonly Uint8Array[]) => {
    if (!liveDocs.has(docName)) {
      const doc = parseDocName(docName);
      // Checked in the transaction that writes, so a purge either ran before (and this refuses) or
      // after (and deletes these rows too). Unknown meetings are let through: tests and tools write
      // bare logs (and are asked again next time: the meeting may be created meanwhile).
      const purged = doc ? purgedAt(doc.meetingId) : undefined;
      if (typeof purged === 'string') throw new DocumentGoneError(docName);
      if (purged === null) {
        if (liveDocs.size >= maxLiveDocs) liveDocs.clear();
        liveDocs.add(docName);
      }
    }
    for (const update of updates) q.appendUpdate.run(docName, toBuffer(update));
  });
  // Each entry in a savepoint of its own (a transaction inside a transaction), so that a refused
  // one (a purged meeting's document) leaves the others to be committed.
  const appendBatch = db.transaction((batch: readonly DocAppend[]) =>
    batch.map(({ docName, updates }): unknown => {
      try {
        appendUpdates(docName, updates);
        return null;
      } catch (err) {
        return err ?? new Error('append refused');
      }
    }),
  );
  // The merge runs outside the transaction (it may run on a worker thread, see sync/mergeWorker.ts);
  // the rows it covers are then replaced in one. Rows appended meanwhile have higher seqs and stay.
  const replaceCompacted = db.transaction((docName: string, lastSeq: number, rowCount: number, merged: Uint8Array) => {
    // A document deleted (purged) while the merge ran must not come back as its merged row.
    if ((q.countUpTo.get(docName, lastSeq) as { n: number }).n !== rowCount) return;
    q.deleteUpTo.run(docName, lastSeq);
    q.appendUpdate.run(docName, toBuffer(merged));
  });

  const putAsset = db.transaction((a: AssetRecord, maxMeetingBytes: number) => {
    if (purgedAt(a.meetingId) !== null) return 'gone' as const;
    const used = (q.meetingAssetBytes.get(a.meetingId) as { n: number }).n;
    if (used + a.data.byteLength > maxMeetingBytes) return 'full' as const;
    q.insertAsset.run(a.id, a.meetingId, a.mimeType, toBuffer(a.data), a.createdAt);
    return 'stored' as const;
  });

  return {
    ...createSqliteProcessStore(db, { onPurge: () => liveDocs.clear() }),
    ...createSqliteBallotStore(db),
    ...createSqliteSummaryStore(db),
    ...createSqliteBetweenStore(db),
    ...createSqliteNotifyStore(db),
    ...createSqliteDebriefStore(db),
    ...createSqliteProgramStore(db),
    ...createSqliteLibraryStore(db),
    ...createSqliteRehearsalStore(db),
    async createGroup(group, hashes, defaults) {
      createGroup(group, hashes, defaults);
    },
    async getGroup(id) {
      const row = q.getGroup.get(id) as GroupRow | undefined;
      return row ? toGroup(row) : null;
    },
    async createMeeting(m) {
      q.insertMeeting.run(m.id, m.groupId, m.createdAt, m.facilitatedBy ?? null);
    },
    async startMeeting(m) {
      return db.transaction(() => {
        const running = q.runningMeeting.get(m.groupId) as { id: MeetingId } | undefined;
        if (running) return running.id;
        q.insertMeeting.run(m.id, m.groupId, m.createdAt, m.facilitatedBy ?? null);
        return null;
      })();
    },
    async getMeeting(id) {
      const row = q.getMeeting.get(id) as MeetingRow | undefined;
      return row ? toMeeting(row) : null;
    },
    async listMeetings(groupId) {
      return (q.listMeetings.all(groupId) as MeetingRow[]).map(toMeeting);
    },
    async createParticipant(p, hash) {
      createParticipant(p, hash);
    },
    async getParticipant(id) {
      const row = q.getParticipant.get(id) as ParticipantRow | undefined;
      return row ? toParticipant(row) : null;
    },
    async listParticipants(groupId) {
      return (q.listParticipants.all(groupId) as ParticipantRow[]).map(toParticipant);
    },
    async findToken(hash) {
      const row = q.findToken.get(hash) as TokenRow | undefined;
      return row ? toToken(row) : null;
    },
    async putAsset(a, maxMeetingBytes) {
      return putAsset(a, maxMeetingBytes);
    },
    async getAsset(id) {
      const row = q.getAsset.get(id) as
        { id: string; meeting_id: string; mime_type: string; data: Buffer; created_at: string } | undefined;
      if (!row) return null;
      return {
        id: row.id,
        meetingId: row.meeting_id as MeetingId,
        mimeType: row.mime_type,
        data: toBytes(row.data),
        createdAt: row.created_at,
      };
    },
    async loadUpdates(docName) {
      const rows = q.loadUpdates.all(docName) as { data: Buffer }[];
      return rows.map((r) => toBytes(r.data));
    },
    async appendUpdates(docName, updates) {
      appendUpdates(docName, updates);
    },
    appendUpdatesNow(docName, updates) {
      appendUpdates(docName, updates);
    },
    appendBatchNow(batch) {
      return appendBatch(batch);
    },
    async countUpdates(docName) {
      return (q.countUpdates.get(docName) as { n: number }).n;
    },
    async compact(docName, merge) {
      const rows = q.loadUpdates.all(docName) as { seq: number; data: Buffer }[];
      if (rows.length <= 1) return;
      const merged = await merge(rows.map((r) => toBytes(r.data)));
      replaceCompacted(docName, rows[rows.length - 1]!.seq, rows.length, merged);
    },
    async deleteDoc(docName) {
      q.deleteDoc.run(docName);
    },
    async ping() {
      q.ping.get();
    },
    async close() {
      await checkpointer?.close();
      db.close();
    },
  };
}

/** Brings the file to the newest schema (or, for tests of an upgrade, to the end of `steps`). */
export function migrate(db: Database.Database, steps: readonly Migration[] = migrations): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > steps.length) {
    throw new Error(
      `The database schema version ${version} is newer than this server knows (${steps.length}); upgrade the server.`,
    );
  }
  for (let v = version; v < steps.length; v++) {
    const step = steps[v]!;
    if (typeof step === 'string') {
      db.transaction(() => {
        db.exec(step);
        db.pragma(`user_version = ${v + 1}`);
      })();
    } else {
      step.outsideTransaction(db);
      db.pragma(`user_version = ${v + 1}`);
    }
  }
}

const toBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
const toBytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
