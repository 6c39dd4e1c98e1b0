// The SQLite side of what the group keeps between meetings: date polls, the season plan and the
// calendar settings (BetweenStore.ts).
import type Database from 'better-sqlite3';
import type { GroupId } from '@vermeboard/shared';
import type { BetweenStore, PlannedMeetingRecord } from './BetweenStore.js';
import {
  answersSql,
  toAnswer,
  toPlanned,
  toPolls,
  type AnswerRow,
  type PlannedRow,
  type PollRow,
  type SlotRow,
} from './betweenRows.js';
import { createSqliteStreamStore } from './sqliteStream.js';

export function createSqliteBetweenStore(db: Database.Database): BetweenStore {
  const q = {
    openPolls: db.prepare('SELECT COUNT(*) AS n FROM date_polls WHERE group_id = ? AND booked_slot_id IS NULL'),
    insertPoll: db.prepare(
      'INSERT INTO date_polls (id, group_id, title, created_by, created_at, booked_slot_id) VALUES (?, ?, ?, ?, ?, NULL)',
    ),
    insertSlot: db.prepare(
      'INSERT INTO poll_slots (id, poll_id, position, date, start_time, minutes) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    getPoll: db.prepare('SELECT * FROM date_polls WHERE id = ?'),
    listPolls: db.prepare('SELECT * FROM date_polls WHERE group_id = ? ORDER BY created_at DESC, id'),
    pollSlots: db.prepare('SELECT * FROM poll_slots WHERE poll_id = ? ORDER BY position'),
    groupSlots: db.prepare(
      `SELECT s.* FROM poll_slots s JOIN date_polls p ON p.id = s.poll_id WHERE p.group_id = ? ORDER BY s.position`,
    ),
    deletePoll: db.prepare('DELETE FROM date_polls WHERE id = ?'),
    clearAnswers: db.prepare(
      'DELETE FROM poll_answers WHERE participant_id = ? AND slot_id IN (SELECT id FROM poll_slots WHERE poll_id = ?)',
    ),
    insertAnswer: db.prepare(
      `INSERT INTO poll_answers (slot_id, participant_id, answer)
       SELECT id, ?, ? FROM poll_slots WHERE id = ? AND poll_id = ?`,
    ),
    answers: db.prepare(answersSql('?')),
    book: db.prepare(
      `UPDATE date_polls SET booked_slot_id = ? WHERE id = ? AND booked_slot_id IS NULL
         AND EXISTS (SELECT 1 FROM poll_slots WHERE id = ? AND poll_id = ?)`,
    ),
    insertPlanned: db.prepare(
      `INSERT INTO planned_meetings (id, group_id, date, time, minutes, theme, place, from_poll_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    countPlanned: db.prepare('SELECT COUNT(*) AS n FROM planned_meetings WHERE group_id = ?'),
    listPlanned: db.prepare('SELECT * FROM planned_meetings WHERE group_id = ? ORDER BY date, time, created_at, id'),
    getPlanned: db.prepare('SELECT * FROM planned_meetings WHERE id = ?'),
    updatePlanned: db.prepare(
      'UPDATE planned_meetings SET date = ?, time = ?, minutes = ?, theme = ?, place = ? WHERE id = ?',
    ),
    deletePlanned: db.prepare('DELETE FROM planned_meetings WHERE id = ?'),
    calendar: db.prepare('SELECT time_zone, calendar_feed_generation FROM groups WHERE id = ?'),
    setTimeZone: db.prepare('UPDATE groups SET time_zone = ? WHERE id = ?'),
    registerFeed: db.prepare(
      'UPDATE groups SET calendar_feed_hash = ? WHERE id = ? AND calendar_feed_generation = ? AND calendar_feed_hash IS NULL',
    ),
    rotateFeed: db.prepare(
      `UPDATE groups SET calendar_feed_generation = calendar_feed_generation + 1, calendar_feed_hash = ?
       WHERE id = ? AND calendar_feed_generation = ?`,
    ),
    findFeed: db.prepare('SELECT id FROM groups WHERE calendar_feed_hash = ?'),
  };

  const insertPlanned = (m: PlannedMeetingRecord) =>
    q.insertPlanned.run(m.id, m.groupId, m.date, m.time, m.minutes, m.theme, m.place, m.fromPollId, m.createdAt);

  const createPoll = db.transaction((poll: Parameters<BetweenStore['createDatePoll']>[0], maxOpen: number) => {
    if ((q.openPolls.get(poll.groupId) as { n: number }).n >= maxOpen) return 'full' as const;
    q.insertPoll.run(poll.id, poll.groupId, poll.title, poll.createdBy, poll.createdAt);
    poll.slots.forEach((s, i) => q.insertSlot.run(s.id, poll.id, i, s.date, s.start, s.minutes));
    return 'created' as const;
  });
  const setAnswers = db.transaction(
    (pollId: string, participantId: string, answers: Parameters<BetweenStore['setPollAnswers']>[2]) => {
      const poll = q.getPoll.get(pollId) as PollRow | undefined;
      if (!poll || poll.booked_slot_id !== null) return false;
      q.clearAnswers.run(participantId, pollId);
      for (const a of answers) q.insertAnswer.run(participantId, a.answer, a.slotId, pollId);
      return true;
    },
  );
  const book = db.transaction((pollId: string, slotId: string, planned: PlannedMeetingRecord) => {
    if (q.book.run(slotId, pollId, slotId, pollId).changes === 0) return false;
    insertPlanned(planned);
    return true;
  });
  const addPlanned = db.transaction((m: PlannedMeetingRecord, max: number) => {
    if ((q.countPlanned.get(m.groupId) as { n: number }).n >= max) return 'full' as const;
    insertPlanned(m);
    return 'added' as const;
  });

  return {
    ...createSqliteStreamStore(db),
    async createDatePoll(poll, maxOpen) {
      return createPoll(poll, maxOpen);
    },
    async getDatePoll(id) {
      const row = q.getPoll.get(id) as PollRow | undefined;
      return row ? toPolls([row], q.pollSlots.all(id) as SlotRow[])[0]! : null;
    },
    async listDatePolls(groupId) {
      return toPolls(q.listPolls.all(groupId) as PollRow[], q.groupSlots.all(groupId) as SlotRow[]);
    },
    async deleteDatePoll(id) {
      q.deletePoll.run(id);
    },
    async setPollAnswers(pollId, participantId, answers) {
      return setAnswers(pollId, participantId, answers);
    },
    async listPollAnswers(pollId) {
      return (q.answers.all(pollId) as AnswerRow[]).map(toAnswer);
    },
    async bookPollSlot(pollId, slotId, planned) {
      return book(pollId, slotId, planned);
    },
    async listPlannedMeetings(groupId) {
      return (q.listPlanned.all(groupId) as PlannedRow[]).map(toPlanned);
    },
    async getPlannedMeeting(id) {
      const row = q.getPlanned.get(id) as PlannedRow | undefined;
      return row ? toPlanned(row) : null;
    },
    async addPlannedMeeting(m, max) {
      return addPlanned(m, max);
    },
    async updatePlannedMeeting(id, p) {
      q.updatePlanned.run(p.date, p.time, p.minutes, p.theme, p.place, id);
    },
    async deletePlannedMeeting(id) {
      q.deletePlanned.run(id);
    },
    async getCalendarSettings(groupId) {
      const row = q.calendar.get(groupId) as { time_zone: string | null; calendar_feed_generation: number } | undefined;
      return row ? { timeZone: row.time_zone, feedGeneration: row.calendar_feed_generation } : null;
    },
    async setTimeZone(groupId, timeZone) {
      q.setTimeZone.run(timeZone, groupId);
    },
    async registerCalendarFeed(groupId, generation, hash) {
      q.registerFeed.run(hash, groupId, generation);
    },
    async rotateCalendarFeed(groupId, fromGeneration, hash) {
      return q.rotateFeed.run(hash, groupId, fromGeneration).changes === 1;
    },
    async findCalendarFeed(hash) {
      const row = q.findFeed.get(hash) as { id: string } | undefined;
      return row ? (row.id as GroupId) : null;
    },
  };
}
