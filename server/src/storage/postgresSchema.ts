// The PostgreSQL schema, as ordered migrations. Each runs once, in its own transaction, and is
// recorded in `schema_migrations`; a new migration is appended, never an old one edited.
//
// The tables mirror the SQLite ones (sqlite.ts) so that both adapters behave the same:
// - Times stay TEXT (ISO 8601 strings): the interface hands strings in and expects the very same
//   strings back, which a timestamptz column would reformat.
// - JSON is kept as TEXT, as in SQLite, and read by the same code (rows.ts, the ballot parser).
// - Tables listed "oldest first" get a `seq` identity column: SQLite breaks ties of equal
//   `created_at` by rowid (insertion order), and PostgreSQL has no rowid.
import { betweenMigration } from './betweenSchema.js';
import { notifyMigration } from './notifySchema.js';
import { postgresDebriefMigration } from './debriefSchema.js';
import { libraryPgMigration } from './librarySchema.js';
import { rehearsalMigration } from './rehearsalRows.js';
import type { Db } from './postgresDb.js';
import { programsPgMigration } from './postgresPrograms.js';

export const migrations: readonly string[] = [
  `
  CREATE TABLE groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    link_generation INTEGER NOT NULL DEFAULT 0,
    locale TEXT NOT NULL DEFAULT 'en',
    ground_rules TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    next_meeting_date TEXT,
    next_meeting_theme TEXT,
    delete_boards_after_days INTEGER
  );
  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL,
    removed_at TEXT
  );
  CREATE INDEX participants_group ON participants(group_id, created_at, seq);
  CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    facilitated_by TEXT REFERENCES participants(id),
    ended_at TEXT,
    board_deleted_at TEXT
  );
  CREATE INDEX meetings_group ON meetings(group_id, created_at, seq);
  CREATE INDEX meetings_to_purge ON meetings(ended_at) WHERE ended_at IS NOT NULL AND board_deleted_at IS NULL;
  -- Only SHA-256 hashes of tokens are stored. A row is either a role link of a group
  -- (participant_id NULL) or a participant's personal token.
  CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    participant_id TEXT REFERENCES participants(id) ON DELETE CASCADE
  );
  CREATE INDEX tokens_group ON tokens(group_id);
  CREATE INDEX tokens_participant ON tokens(participant_id);
  -- Yjs update log per document, append-only; compaction replaces many rows by one merged row.
  -- The digest makes appends idempotent: the same update stored twice (a retried batch, or two
  -- instances persisting one relayed update) is one row. Identical bytes are the identical Yjs
  -- change, so dropping the copy loses nothing.
  CREATE TABLE doc_updates (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Byte order, whatever the database's collation: a meeting's documents are the range
    -- ['meeting/<id>/', 'meeting/<id>0'), which a linguistic collation would not keep together.
    doc TEXT COLLATE "C" NOT NULL,
    data BYTEA NOT NULL,
    digest BYTEA NOT NULL GENERATED ALWAYS AS (sha256(data)) STORED
  );
  CREATE INDEX doc_updates_doc ON doc_updates(doc, seq);
  CREATE UNIQUE INDEX doc_updates_digest ON doc_updates(doc, digest);
  -- Pasted images. Addressed by a random id (a capability URL, since <img> sends no bearer token).
  CREATE TABLE assets (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    mime_type TEXT NOT NULL,
    data BYTEA NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX assets_meeting ON assets(meeting_id);
  -- The group's process across meetings: goals and their progress notes, action items, competence
  -- areas and self-assessments.
  CREATE TABLE goals (
    id TEXT PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    position INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    archived_at TEXT
  );
  CREATE INDEX goals_group ON goals(group_id, archived_at, position);
  -- source_shape_id: the board note a progress note was read from, so that ending a meeting again
  -- updates the note instead of adding a copy.
  CREATE TABLE goal_progress (
    id TEXT PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    source_shape_id TEXT
  );
  CREATE INDEX goal_progress_goal ON goal_progress(goal_id, created_at, seq);
  CREATE UNIQUE INDEX goal_progress_source ON goal_progress(meeting_id, source_shape_id)
    WHERE source_shape_id IS NOT NULL;
  CREATE TABLE action_items (
    id TEXT PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    owner_participant_id TEXT REFERENCES participants(id) ON DELETE SET NULL,
    due_date TEXT,
    done_at TEXT,
    source_shape_id TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX action_items_group ON action_items(group_id, created_at, seq);
  -- Not unique, as in SQLite (items created through the API may share a shape id); ending a meeting
  -- creates an item per shape once by locking the meeting row (postgresSummaries.ts).
  CREATE INDEX action_items_source ON action_items(meeting_id, source_shape_id) WHERE source_shape_id IS NOT NULL;
  -- Retired areas keep their rows so that past ratings still refer to something.
  CREATE TABLE competence_areas (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    retired BOOLEAN NOT NULL DEFAULT FALSE
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
  -- Dot-vote ballots of open votes: who put which dots where. Kept out of the session document,
  -- which every browser reads; deleted when the vote closes (only its counts survive).
  CREATE TABLE vote_ballots (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    vote_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    shape_ids TEXT NOT NULL, -- JSON array of shape ids, one entry per dot
    PRIMARY KEY (meeting_id, vote_id, participant_id)
  );
  -- The meeting's summary as written (JSON text, see shared/src/summary/meetingSummary.ts). TEXT,
  -- not JSONB: the reader gets it back exactly as stored and migrates or quarantines it.
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
  // Between meetings: date polls (proposed times, one answer per person and time), the season plan
  // of booked meetings, the group's calendar (time zone, the feed link's generation and hash) and
  // the stream of posts between meetings.
  betweenMigration,
  // The debrief: the meeting event log, the group's coaches and their coaching notes (debriefSchema.ts).
  postgresDebriefMigration,
  // Programs (programStore.ts).
  programsPgMigration,
  // Mail between meetings (addresses, the outbox) and the summer break (notifySchema.ts).
  notifyMigration,
  // The method studio: trainers and their library methods (libraryStore.ts).
  libraryPgMigration,
  // Rehearsals started, so that one a restart interrupted is still discarded (rehearsalStore.ts).
  rehearsalMigration,
];

/** Session-level advisory lock key that serializes migrations when several instances start at once. */
const migrationLockKey = 0x7662_6d67; // "vbmg"

/**
 * Brings the database to the newest schema (or, for tests of an upgrade, to the end of `steps`);
 * refuses a database written by a newer server.
 */
export async function migrate(db: Db, steps: readonly string[] = migrations): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version INTEGER PRIMARY KEY,
           applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
         )`,
      );
      const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
      const version = rows[0]?.v ?? 0;
      if (version > steps.length) {
        throw new Error(
          `The database schema version ${version} is newer than this server knows (${steps.length}); upgrade the server.`,
        );
      }
      for (let v = version; v < steps.length; v++) {
        await client.query('BEGIN');
        try {
          await client.query(steps[v]!);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]);
    }
  } finally {
    client.release();
  }
}
