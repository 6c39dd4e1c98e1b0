// The debrief's tables (meeting event log, coaches, coaching notes), one migration per adapter.
// Kept apart from the other schema steps so that they are appended as one block; both adapters
// have the same tables, with SQLite's and PostgreSQL's spellings of the same types.

export const sqliteDebriefMigration = `
  -- Append-only event log of a meeting (shared/src/debrief/events.ts), one JSON event per row.
  CREATE TABLE meeting_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    event TEXT NOT NULL
  );
  CREATE INDEX meeting_events_meeting ON meeting_events(meeting_id, seq);
  -- A trainer the group invited as coach; only the hash of their token is kept.
  CREATE TABLE coaches (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE INDEX coaches_group ON coaches(group_id, created_at);
  CREATE TABLE coaching_notes (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    coach_id TEXT NOT NULL REFERENCES coaches(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX coaching_notes_meeting ON coaching_notes(meeting_id, created_at);
  ALTER TABLE groups ADD COLUMN coach_may_shadow INTEGER NOT NULL DEFAULT 0;
`;

export const postgresDebriefMigration = `
  CREATE TABLE meeting_events (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    event TEXT NOT NULL
  );
  CREATE INDEX meeting_events_meeting ON meeting_events(meeting_id, seq);
  CREATE TABLE coaches (
    id TEXT PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE INDEX coaches_group ON coaches(group_id, created_at, seq);
  CREATE TABLE coaching_notes (
    id TEXT PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    coach_id TEXT NOT NULL REFERENCES coaches(id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX coaching_notes_meeting ON coaching_notes(meeting_id, created_at, seq);
  ALTER TABLE groups ADD COLUMN coach_may_shadow BOOLEAN NOT NULL DEFAULT FALSE;
`;

/** What the retention purge deletes of a meeting besides its documents and assets. */
export const debriefPurgeStatements = {
  sqlite: ['DELETE FROM meeting_events WHERE meeting_id = ?', 'DELETE FROM coaching_notes WHERE meeting_id = ?'],
  postgres: ['DELETE FROM meeting_events WHERE meeting_id = $1', 'DELETE FROM coaching_notes WHERE meeting_id = $1'],
} as const;
