// The method studio's tables (libraryStore.ts), one migration per adapter. IF NOT EXISTS: the
// SQLite scrub test replays every step after the scrub.
export const libraryMigration = `
  CREATE TABLE IF NOT EXISTS trainers (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    program_id TEXT REFERENCES programs(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS library_methods (
    id TEXT PRIMARY KEY,
    trainer_id TEXT NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'method',
    scope TEXT NOT NULL,
    program_id TEXT REFERENCES programs(id) ON DELETE CASCADE,
    definition TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS library_methods_trainer ON library_methods(trainer_id, created_at);
  CREATE INDEX IF NOT EXISTS library_methods_scope ON library_methods(scope, program_id, created_at);
`;

export const libraryPgMigration = `
  CREATE TABLE trainers (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    program_id TEXT REFERENCES programs(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
  );
  CREATE TABLE library_methods (
    id TEXT PRIMARY KEY,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    trainer_id TEXT NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'method',
    scope TEXT NOT NULL,
    program_id TEXT REFERENCES programs(id) ON DELETE CASCADE,
    definition TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX library_methods_trainer ON library_methods(trainer_id, created_at, seq);
  CREATE INDEX library_methods_scope ON library_methods(scope, program_id, created_at, seq);
`;
