// The tables of what the group keeps between meetings, in SQL that SQLite and PostgreSQL read alike
// (text dates, integer counts, partial indexes): one migration step in both adapters' lists.
export const betweenMigration = `
  ALTER TABLE groups ADD COLUMN time_zone TEXT;
  ALTER TABLE groups ADD COLUMN calendar_feed_generation INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE groups ADD COLUMN calendar_feed_hash TEXT;
  CREATE UNIQUE INDEX groups_calendar_feed ON groups(calendar_feed_hash) WHERE calendar_feed_hash IS NOT NULL;
  CREATE TABLE date_polls (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    created_by TEXT REFERENCES participants(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    booked_slot_id TEXT
  );
  CREATE INDEX date_polls_group ON date_polls(group_id, created_at);
  CREATE TABLE poll_slots (
    id TEXT PRIMARY KEY,
    poll_id TEXT NOT NULL REFERENCES date_polls(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    date TEXT NOT NULL,
    start_time TEXT NOT NULL,
    minutes INTEGER NOT NULL
  );
  CREATE INDEX poll_slots_poll ON poll_slots(poll_id, position);
  -- One answer per person and slot; answering again replaces it.
  CREATE TABLE poll_answers (
    slot_id TEXT NOT NULL REFERENCES poll_slots(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    answer TEXT NOT NULL CHECK (answer IN ('yes', 'maybe', 'no')),
    PRIMARY KEY (slot_id, participant_id)
  );
  CREATE TABLE planned_meetings (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    time TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    theme TEXT,
    place TEXT,
    from_poll_id TEXT REFERENCES date_polls(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX planned_meetings_group ON planned_meetings(group_id, date, time);
  -- The between-meetings stream: a line, a reply to one (parent_id), pins and thanks.
  CREATE TABLE stream_posts (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    parent_id TEXT REFERENCES stream_posts(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    pinned_at TEXT
  );
  CREATE INDEX stream_posts_group ON stream_posts(group_id, created_at);
  CREATE INDEX stream_posts_parent ON stream_posts(parent_id);
  CREATE TABLE stream_thanks (
    post_id TEXT NOT NULL REFERENCES stream_posts(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, participant_id)
  );
`;
