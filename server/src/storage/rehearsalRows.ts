// The rehearsals table (rehearsalStore.ts) and both adapters' side of it: one table, the same SQL
// but for the placeholders. IF NOT EXISTS: the SQLite scrub test replays every step after the scrub.
import type Database from 'better-sqlite3';
import type { GroupId, MeetingId } from '@vermeboard/shared';
import type { Db } from './postgresDb.js';
import type { RehearsalRecord, RehearsalStore } from './rehearsalStore.js';

export const rehearsalMigration = `
  CREATE TABLE IF NOT EXISTS rehearsals (
    group_id TEXT PRIMARY KEY REFERENCES groups(id) ON DELETE CASCADE,
    real_group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    meeting_id TEXT NOT NULL,
    started_at TEXT NOT NULL,
    discarded_at TEXT
  );
  CREATE INDEX IF NOT EXISTS rehearsals_undiscarded ON rehearsals(started_at) WHERE discarded_at IS NULL;
`;

interface RehearsalRow {
  group_id: string;
  real_group_id: string;
  meeting_id: string;
  started_at: string;
}

const listSql = `SELECT group_id, real_group_id, meeting_id, started_at FROM rehearsals
  WHERE discarded_at IS NULL ORDER BY started_at, group_id`;

const toRehearsal = (r: RehearsalRow): RehearsalRecord => ({
  groupId: r.group_id as GroupId,
  realGroupId: r.real_group_id as GroupId,
  meetingId: r.meeting_id as MeetingId,
  startedAt: r.started_at,
});

export function createSqliteRehearsalStore(db: Database.Database): RehearsalStore {
  const q = {
    insert: db.prepare('INSERT INTO rehearsals (group_id, real_group_id, meeting_id, started_at) VALUES (?, ?, ?, ?)'),
    list: db.prepare(listSql),
    discard: db.prepare('UPDATE rehearsals SET discarded_at = ? WHERE group_id = ? AND discarded_at IS NULL'),
  };
  return {
    async recordRehearsal(r) {
      q.insert.run(r.groupId, r.realGroupId, r.meetingId, r.startedAt);
    },
    async listUndiscardedRehearsals() {
      return (q.list.all() as RehearsalRow[]).map(toRehearsal);
    },
    async markRehearsalDiscarded(groupId, at) {
      q.discard.run(at, groupId);
    },
  };
}

export function createPostgresRehearsalStore(db: Db): RehearsalStore {
  const { pool } = db;
  return {
    async recordRehearsal(r) {
      await pool.query(
        'INSERT INTO rehearsals (group_id, real_group_id, meeting_id, started_at) VALUES ($1, $2, $3, $4)',
        [r.groupId, r.realGroupId, r.meetingId, r.startedAt],
      );
    },
    async listUndiscardedRehearsals() {
      const { rows } = await pool.query<RehearsalRow>(listSql);
      return rows.map(toRehearsal);
    },
    async markRehearsalDiscarded(groupId, at) {
      await pool.query('UPDATE rehearsals SET discarded_at = $1 WHERE group_id = $2 AND discarded_at IS NULL', [
        at,
        groupId,
      ]);
    },
  };
}
