// The SQLite side of the debrief's data: the meeting event log, coaches and coaching notes.
import type Database from 'better-sqlite3';
import type { GroupId, MeetingEvent, MeetingId } from '@vermeboard/shared';
import type { CoachingNoteRecord, CoachRecord, DebriefStore } from './Storage.js';

interface CoachRow {
  id: string;
  group_id: string;
  name: string;
  created_at: string;
}

interface NoteRow {
  id: string;
  meeting_id: string;
  coach_id: string;
  coach_name: string;
  at: number;
  text: string;
  created_at: string;
}

export const toCoach = (r: CoachRow): CoachRecord => ({
  id: r.id,
  groupId: r.group_id as GroupId,
  name: r.name,
  createdAt: r.created_at,
});

export const toCoachingNote = (r: NoteRow): CoachingNoteRecord => ({
  id: r.id,
  meetingId: r.meeting_id as MeetingId,
  coachId: r.coach_id,
  coachName: r.coach_name,
  at: Number(r.at),
  text: r.text,
  createdAt: r.created_at,
});

export function createSqliteDebriefStore(db: Database.Database): DebriefStore {
  const q = {
    meetingState: db.prepare('SELECT board_deleted_at FROM meetings WHERE id = ?'),
    countEvents: db.prepare('SELECT COUNT(*) AS n FROM meeting_events WHERE meeting_id = ?'),
    insertEvent: db.prepare('INSERT INTO meeting_events (meeting_id, at, event) VALUES (?, ?, ?)'),
    listEvents: db.prepare('SELECT event FROM meeting_events WHERE meeting_id = ? ORDER BY seq'),
    countCoaches: db.prepare('SELECT COUNT(*) AS n FROM coaches WHERE group_id = ? AND revoked_at IS NULL'),
    insertCoach: db.prepare('INSERT INTO coaches (id, group_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)'),
    coachByToken: db.prepare(
      'SELECT id, group_id, name, created_at FROM coaches WHERE token_hash = ? AND revoked_at IS NULL',
    ),
    listCoaches: db.prepare(
      'SELECT id, group_id, name, created_at FROM coaches WHERE group_id = ? AND revoked_at IS NULL ORDER BY created_at, rowid',
    ),
    revokeCoach: db.prepare(
      'UPDATE coaches SET revoked_at = ?, token_hash = NULL WHERE id = ? AND group_id = ? AND revoked_at IS NULL',
    ),
    getShadow: db.prepare('SELECT coach_may_shadow FROM groups WHERE id = ?'),
    setShadow: db.prepare('UPDATE groups SET coach_may_shadow = ? WHERE id = ?'),
    countNotes: db.prepare('SELECT COUNT(*) AS n FROM coaching_notes WHERE meeting_id = ?'),
    insertNote: db.prepare(
      'INSERT INTO coaching_notes (id, meeting_id, coach_id, at, text, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    listNotes: db.prepare(
      `SELECT n.id, n.meeting_id, n.coach_id, c.name AS coach_name, n.at, n.text, n.created_at
       FROM coaching_notes n JOIN coaches c ON c.id = n.coach_id
       WHERE n.meeting_id = ? ORDER BY n.created_at, n.rowid`,
    ),
  };
  /** Undefined for an unknown meeting, else when it was purged (null while it lives). */
  const purgedAt = (meetingId: MeetingId) =>
    (q.meetingState.get(meetingId) as { board_deleted_at: string | null } | undefined)?.board_deleted_at;

  const append = db.transaction((meetingId: MeetingId, events: readonly MeetingEvent[], max: number) => {
    if (purgedAt(meetingId) !== null) return 0;
    const room = Math.max(0, max - (q.countEvents.get(meetingId) as { n: number }).n);
    const kept = events.slice(0, room);
    for (const e of kept) q.insertEvent.run(meetingId, e.at, JSON.stringify(e));
    return kept.length;
  });
  const createCoach = db.transaction((coach: CoachRecord, hash: string, maxActive: number) => {
    if ((q.countCoaches.get(coach.groupId) as { n: number }).n >= maxActive) return 'full' as const;
    q.insertCoach.run(coach.id, coach.groupId, coach.name, hash, coach.createdAt);
    return 'created' as const;
  });
  const addNote = db.transaction((n: Omit<CoachingNoteRecord, 'coachName'>, max: number) => {
    if (purgedAt(n.meetingId) !== null) return 'gone' as const;
    if ((q.countNotes.get(n.meetingId) as { n: number }).n >= max) return 'full' as const;
    q.insertNote.run(n.id, n.meetingId, n.coachId, n.at, n.text, n.createdAt);
    return 'stored' as const;
  });

  return {
    async appendMeetingEvents(meetingId, events, max) {
      return events.length === 0 ? 0 : append(meetingId, events, max);
    },
    async listMeetingEvents(meetingId) {
      return (q.listEvents.all(meetingId) as { event: string }[]).map((r) => JSON.parse(r.event) as unknown);
    },
    async createCoach(coach, hash, maxActive) {
      return createCoach(coach, hash, maxActive);
    },
    async findCoachByToken(hash) {
      const row = q.coachByToken.get(hash) as CoachRow | undefined;
      return row ? toCoach(row) : null;
    },
    async listCoaches(groupId) {
      return (q.listCoaches.all(groupId) as CoachRow[]).map(toCoach);
    },
    async revokeCoach(groupId, coachId, at) {
      return q.revokeCoach.run(at, coachId, groupId).changes > 0;
    },
    async coachMayShadow(groupId) {
      return (q.getShadow.get(groupId) as { coach_may_shadow: number } | undefined)?.coach_may_shadow === 1;
    },
    async setCoachMayShadow(groupId, on) {
      q.setShadow.run(on ? 1 : 0, groupId);
    },
    async addCoachingNote(note, max) {
      return addNote(note, max);
    },
    async listCoachingNotes(meetingId) {
      return (q.listNotes.all(meetingId) as NoteRow[]).map(toCoachingNote);
    },
  };
}
