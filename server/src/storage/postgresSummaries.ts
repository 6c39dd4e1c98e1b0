// The PostgreSQL side of what ending a meeting writes down: progress notes and action items read off
// the board (idempotent per shape), and the meeting's summary.
import type { Db } from './postgresDb.js';
import type { SummaryStore } from './Storage.js';

export function createPostgresSummaryStore(db: Db): SummaryStore {
  return {
    async saveBoardProgressNotes(notes) {
      await db.transaction(async (c) => {
        for (const n of notes) {
          await c.query(
            `INSERT INTO goal_progress (id, goal_id, meeting_id, participant_id, text, created_at, source_shape_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (meeting_id, source_shape_id) WHERE source_shape_id IS NOT NULL
             DO UPDATE SET goal_id = excluded.goal_id, participant_id = excluded.participant_id, text = excluded.text`,
            [n.id, n.goalId, n.meetingId, n.participantId, n.text, n.createdAt, n.sourceShapeId],
          );
        }
      });
    },
    async createBoardActionItems(items) {
      return db.transaction(async (c) => {
        // Two ends of one meeting at once (two instances) would both find a shape without an item
        // and both create one; locking the meetings' rows, in one order, makes them take turns.
        const meetings = [...new Set(items.map((a) => a.meetingId))].sort();
        if (meetings.length > 0) {
          await c.query('SELECT 1 FROM meetings WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [meetings]);
        }
        let created = 0;
        for (const a of items) {
          const inserted = await c.query(
            `INSERT INTO action_items (id, group_id, meeting_id, text, owner_participant_id, due_date, done_at, source_shape_id, created_at)
             SELECT $1, $2, $3, $4, $5, $6, NULL, $7, $8
             WHERE NOT EXISTS (SELECT 1 FROM action_items WHERE meeting_id = $3 AND source_shape_id = $7)`,
            [a.id, a.groupId, a.meetingId, a.text, a.ownerParticipantId, a.dueDate, a.sourceShapeId, a.createdAt],
          );
          created += inserted.rowCount ?? 0;
        }
        return created;
      });
    },
    async putMeetingSummary(meetingId, summary, at) {
      await db.pool.query(
        `INSERT INTO meeting_summaries (meeting_id, summary, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (meeting_id) DO UPDATE SET summary = excluded.summary, created_at = excluded.created_at`,
        [meetingId, JSON.stringify(summary), at],
      );
    },
    async getMeetingSummary(meetingId) {
      const { rows } = await db.pool.query<{ summary: string }>(
        'SELECT summary FROM meeting_summaries WHERE meeting_id = $1',
        [meetingId],
      );
      if (!rows[0]) return null;
      try {
        return JSON.parse(rows[0].summary) as unknown;
      } catch {
        // Not even JSON: hand the text over as it is, for the reader to refuse and leave alone.
        return rows[0].summary;
      }
    },
  };
}
