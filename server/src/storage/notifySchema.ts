// The tables of mail between meetings and the summer break (NotifyStore.ts), in SQL that SQLite and
// PostgreSQL read alike, re-runnable (IF NOT EXISTS) like every step after SQLite's scrub.
export const notifyMigration = `
  -- A participant's own address for the group's mail; gone with the participant.
  CREATE TABLE IF NOT EXISTS mail_addresses (
    participant_id TEXT PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    address TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS mail_addresses_group ON mail_addresses(group_id);
  -- One row per person and occasion (the key): the unique pair makes each reminder go once.
  CREATE TABLE IF NOT EXISTS mail_outbox (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    mail_key TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    attachment TEXT,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_attempt_at TEXT,
    sent_at TEXT,
    given_up INTEGER NOT NULL DEFAULT 0,
    UNIQUE (participant_id, mail_key)
  );
  CREATE INDEX IF NOT EXISTS mail_outbox_pending ON mail_outbox(created_at) WHERE sent_at IS NULL AND given_up = 0;
  CREATE TABLE IF NOT EXISTS group_breaks (
    group_id TEXT PRIMARY KEY REFERENCES groups(id) ON DELETE CASCADE,
    break_from TEXT NOT NULL,
    break_to TEXT NOT NULL
  );
`;
