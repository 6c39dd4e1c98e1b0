// The SQLite side of what ending a meeting writes down: progress notes and action items read off
// the board (idempotent per shape), and the meeting's summary.
import type Database from 'better-sqlite3';
import type { MeetingId } from '@vermeboard/shared';
import type { BoardActionItem, BoardProgressNote, SummaryStore } from './Storage.js';

export function createSqliteSummaryStore(db: Database.Database): SummaryStore {
  const q = {
    upsertNote: db.prepare(
      `INSERT INTO goal_progress (id, goal_id, meeting_id, participant_id, text, created_at, source_shape_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (meeting_id, source_shape_id) WHERE source_shape_id IS NOT NULL
       DO UPDATE SET goal_id = excluded.goal_id, participant_id = excluded.participant_id, text = excluded.text`,
    ),
    actionFromShape: db.prepare('SELECT 1 FROM action_items WHERE meeting_id = ? AND source_shape_id = ? LIMIT 1'),
    insertActionItem: db.prepare(
      `INSERT INTO action_items (id, group_id, meeting_id, text, owner_participant_id, due_date, done_at, source_shape_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
    ),
    putSummary: db.prepare(
      `INSERT INTO meeting_summaries (meeting_id, summary, created_at) VALUES (?, ?, ?)
       ON CONFLICT (meeting_id) DO UPDATE SET summary = excluded.summary, created_at = excluded.created_at`,
    ),
    getSummary: db.prepare('SELECT summary FROM meeting_summaries WHERE meeting_id = ?'),
  };

  const saveNotes = db.transaction((notes: readonly BoardProgressNote[]) => {
    for (const n of notes) {
      q.upsertNote.run(n.id, n.goalId, n.meetingId, n.participantId, n.text, n.createdAt, n.sourceShapeId);
    }
  });

  const createItems = db.transaction((items: readonly BoardActionItem[]) => {
    let created = 0;
    for (const a of items) {
      if (q.actionFromShape.get(a.meetingId, a.sourceShapeId)) continue;
      q.insertActionItem.run(
        a.id,
        a.groupId,
        a.meetingId,
        a.text,
        a.ownerParticipantId,
        a.dueDate,
        a.sourceShapeId,
        a.createdAt,
      );
      created++;
    }
    return created;
  });

  return {
    async saveBoardProgressNotes(notes) {
      saveNotes(notes);
    },
    async createBoardActionItems(items) {
      return createItems(items);
    },
    async putMeetingSummary(meetingId, summary, at) {
      q.putSummary.run(meetingId, JSON.stringify(summary), at);
    },
    async getMeetingSummary(meetingId: MeetingId) {
      const row = q.getSummary.get(meetingId) as { summary: string } | undefined;
      if (!row) return null;
      try {
        return JSON.parse(row.summary) as unknown;
      } catch {
        // Not even JSON: hand the text over as it is, for the reader to refuse and leave alone.
        return row.summary;
      }
    },
  };
}
