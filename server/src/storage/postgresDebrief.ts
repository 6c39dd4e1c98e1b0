// The PostgreSQL side of the debrief's data: the meeting event log, coaches and coaching notes.
import type { Db } from './postgresDb.js';
import type { DebriefStore } from './Storage.js';
import { toCoach, toCoachingNote } from './sqliteDebrief.js';

const coachColumns = 'id, group_id, name, created_at';

export function createPostgresDebriefStore(db: Db): DebriefStore {
  const { pool } = db;
  return {
    async appendMeetingEvents(meetingId, events, max) {
      if (events.length === 0) return 0;
      return db.transaction(async (c) => {
        // The meeting row's lock makes appends take turns (the count stays true) and a purge wait.
        const { rows } = await c.query<{ board_deleted_at: string | null }>(
          'SELECT board_deleted_at FROM meetings WHERE id = $1 FOR UPDATE',
          [meetingId],
        );
        if (rows.length === 0 || rows[0]!.board_deleted_at !== null) return 0;
        const count = await c.query<{ n: string }>('SELECT COUNT(*) AS n FROM meeting_events WHERE meeting_id = $1', [
          meetingId,
        ]);
        const kept = events.slice(0, Math.max(0, max - Number(count.rows[0]!.n)));
        for (const e of kept) {
          await c.query('INSERT INTO meeting_events (meeting_id, at, event) VALUES ($1, $2, $3)', [
            meetingId,
            e.at,
            JSON.stringify(e),
          ]);
        }
        return kept.length;
      });
    },
    async listMeetingEvents(meetingId) {
      const { rows } = await pool.query<{ event: string }>(
        'SELECT event FROM meeting_events WHERE meeting_id = $1 ORDER BY seq',
        [meetingId],
      );
      return rows.map((r) => JSON.parse(r.event) as unknown);
    },
    async createCoach(coach, hash, maxActive) {
      return db.transaction(async (c) => {
        await c.query('SELECT 1 FROM groups WHERE id = $1 FOR UPDATE', [coach.groupId]);
        const { rows } = await c.query<{ n: string }>(
          'SELECT COUNT(*) AS n FROM coaches WHERE group_id = $1 AND revoked_at IS NULL',
          [coach.groupId],
        );
        if (Number(rows[0]!.n) >= maxActive) return 'full' as const;
        await c.query('INSERT INTO coaches (id, group_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [
          coach.id,
          coach.groupId,
          coach.name,
          hash,
          coach.createdAt,
        ]);
        return 'created' as const;
      });
    },
    async findCoachByToken(hash) {
      const { rows } = await pool.query(
        `SELECT ${coachColumns} FROM coaches WHERE token_hash = $1 AND revoked_at IS NULL`,
        [hash],
      );
      return rows[0] ? toCoach(rows[0]) : null;
    },
    async listCoaches(groupId) {
      const { rows } = await pool.query(
        `SELECT ${coachColumns} FROM coaches WHERE group_id = $1 AND revoked_at IS NULL ORDER BY created_at, seq`,
        [groupId],
      );
      return rows.map(toCoach);
    },
    async revokeCoach(groupId, coachId, at) {
      const { rowCount } = await pool.query(
        'UPDATE coaches SET revoked_at = $1, token_hash = NULL WHERE id = $2 AND group_id = $3 AND revoked_at IS NULL',
        [at, coachId, groupId],
      );
      return (rowCount ?? 0) > 0;
    },
    async coachMayShadow(groupId) {
      const { rows } = await pool.query<{ coach_may_shadow: boolean }>(
        'SELECT coach_may_shadow FROM groups WHERE id = $1',
        [groupId],
      );
      return rows[0]?.coach_may_shadow === true;
    },
    async setCoachMayShadow(groupId, on) {
      await pool.query('UPDATE groups SET coach_may_shadow = $1 WHERE id = $2', [on, groupId]);
    },
    async addCoachingNote(n, max) {
      return db.transaction(async (c) => {
        const { rows } = await c.query<{ board_deleted_at: string | null }>(
          'SELECT board_deleted_at FROM meetings WHERE id = $1 FOR UPDATE',
          [n.meetingId],
        );
        if (rows.length === 0 || rows[0]!.board_deleted_at !== null) return 'gone' as const;
        const count = await c.query<{ n: string }>('SELECT COUNT(*) AS n FROM coaching_notes WHERE meeting_id = $1', [
          n.meetingId,
        ]);
        if (Number(count.rows[0]!.n) >= max) return 'full' as const;
        await c.query(
          'INSERT INTO coaching_notes (id, meeting_id, coach_id, at, text, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [n.id, n.meetingId, n.coachId, n.at, n.text, n.createdAt],
        );
        return 'stored' as const;
      });
    },
    async listCoachingNotes(meetingId) {
      const { rows } = await pool.query(
        `SELECT n.id, n.meeting_id, n.coach_id, c.name AS coach_name, n.at, n.text, n.created_at
         FROM coaching_notes n JOIN coaches c ON c.id = n.coach_id
         WHERE n.meeting_id = $1 ORDER BY n.created_at, n.seq`,
        [meetingId],
      );
      return rows.map(toCoachingNote);
    },
  };
}
