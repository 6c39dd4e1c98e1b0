// The PostgreSQL side of what the group keeps between meetings: date polls, the season plan and the
// calendar settings (BetweenStore.ts).
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
import { createPostgresStreamStore } from './postgresStream.js';
import type { Db, Queryable } from './postgresDb.js';

const insertPlanned = (c: Queryable, m: PlannedMeetingRecord) =>
  c.query(
    `INSERT INTO planned_meetings (id, group_id, date, time, minutes, theme, place, from_poll_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [m.id, m.groupId, m.date, m.time, m.minutes, m.theme, m.place, m.fromPollId, m.createdAt],
  );

/** Locks the group row, so that two counted inserts of one group (on any instances) take turns. */
const lockGroup = (c: Queryable, groupId: GroupId) =>
  c.query('SELECT 1 FROM groups WHERE id = $1 FOR UPDATE', [groupId]);

export function createPostgresBetweenStore(db: Db): BetweenStore {
  const { pool } = db;
  return {
    ...createPostgresStreamStore(db),
    async createDatePoll(poll, maxOpen) {
      return db.transaction(async (c) => {
        await lockGroup(c, poll.groupId);
        const open = await c.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM date_polls WHERE group_id = $1 AND booked_slot_id IS NULL',
          [poll.groupId],
        );
        if (open.rows[0]!.n >= maxOpen) return 'full' as const;
        await c.query(
          'INSERT INTO date_polls (id, group_id, title, created_by, created_at, booked_slot_id) VALUES ($1, $2, $3, $4, $5, NULL)',
          [poll.id, poll.groupId, poll.title, poll.createdBy, poll.createdAt],
        );
        for (const [i, s] of poll.slots.entries()) {
          await c.query(
            'INSERT INTO poll_slots (id, poll_id, position, date, start_time, minutes) VALUES ($1, $2, $3, $4, $5, $6)',
            [s.id, poll.id, i, s.date, s.start, s.minutes],
          );
        }
        return 'created' as const;
      });
    },
    async getDatePoll(id) {
      const polls = await pool.query<PollRow>('SELECT * FROM date_polls WHERE id = $1', [id]);
      if (!polls.rows[0]) return null;
      const slots = await pool.query<SlotRow>('SELECT * FROM poll_slots WHERE poll_id = $1 ORDER BY position', [id]);
      return toPolls(polls.rows, slots.rows)[0]!;
    },
    async listDatePolls(groupId) {
      const polls = await pool.query<PollRow>(
        'SELECT * FROM date_polls WHERE group_id = $1 ORDER BY created_at DESC, id',
        [groupId],
      );
      const slots = await pool.query<SlotRow>(
        'SELECT s.* FROM poll_slots s JOIN date_polls p ON p.id = s.poll_id WHERE p.group_id = $1 ORDER BY s.position',
        [groupId],
      );
      return toPolls(polls.rows, slots.rows);
    },
    async deleteDatePoll(id) {
      await pool.query('DELETE FROM date_polls WHERE id = $1', [id]);
    },
    async setPollAnswers(pollId, participantId, answers) {
      return db.transaction(async (c) => {
        // The poll row's lock orders this against a booking and against the same person's other tab.
        const poll = await c.query<PollRow>('SELECT * FROM date_polls WHERE id = $1 FOR UPDATE', [pollId]);
        if (!poll.rows[0] || poll.rows[0].booked_slot_id !== null) return false;
        await c.query(
          'DELETE FROM poll_answers WHERE participant_id = $1 AND slot_id IN (SELECT id FROM poll_slots WHERE poll_id = $2)',
          [participantId, pollId],
        );
        for (const a of answers) {
          await c.query(
            `INSERT INTO poll_answers (slot_id, participant_id, answer)
             SELECT id, $1, $2 FROM poll_slots WHERE id = $3 AND poll_id = $4`,
            [participantId, a.answer, a.slotId, pollId],
          );
        }
        return true;
      });
    },
    async listPollAnswers(pollId) {
      const { rows } = await pool.query<AnswerRow>(answersSql('$1'), [pollId]);
      return rows.map(toAnswer);
    },
    async bookPollSlot(pollId, slotId, planned) {
      return db.transaction(async (c) => {
        const booked = await c.query(
          `UPDATE date_polls SET booked_slot_id = $1 WHERE id = $2 AND booked_slot_id IS NULL
             AND EXISTS (SELECT 1 FROM poll_slots WHERE id = $1 AND poll_id = $2)`,
          [slotId, pollId],
        );
        if (booked.rowCount !== 1) return false;
        await insertPlanned(c, planned);
        return true;
      });
    },
    async listPlannedMeetings(groupId) {
      const { rows } = await pool.query<PlannedRow>(
        'SELECT * FROM planned_meetings WHERE group_id = $1 ORDER BY date, time, created_at, id',
        [groupId],
      );
      return rows.map(toPlanned);
    },
    async getPlannedMeeting(id) {
      const { rows } = await pool.query<PlannedRow>('SELECT * FROM planned_meetings WHERE id = $1', [id]);
      return rows[0] ? toPlanned(rows[0]) : null;
    },
    async addPlannedMeeting(m, max) {
      return db.transaction(async (c) => {
        await lockGroup(c, m.groupId);
        const n = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM planned_meetings WHERE group_id = $1', [
          m.groupId,
        ]);
        if (n.rows[0]!.n >= max) return 'full' as const;
        await insertPlanned(c, m);
        return 'added' as const;
      });
    },
    async updatePlannedMeeting(id, p) {
      await pool.query(
        'UPDATE planned_meetings SET date = $1, time = $2, minutes = $3, theme = $4, place = $5 WHERE id = $6',
        [p.date, p.time, p.minutes, p.theme, p.place, id],
      );
    },
    async deletePlannedMeeting(id) {
      await pool.query('DELETE FROM planned_meetings WHERE id = $1', [id]);
    },
    async getCalendarSettings(groupId) {
      const { rows } = await pool.query<{ time_zone: string | null; calendar_feed_generation: number }>(
        'SELECT time_zone, calendar_feed_generation FROM groups WHERE id = $1',
        [groupId],
      );
      return rows[0] ? { timeZone: rows[0].time_zone, feedGeneration: rows[0].calendar_feed_generation } : null;
    },
    async setTimeZone(groupId, timeZone) {
      await pool.query('UPDATE groups SET time_zone = $1 WHERE id = $2', [timeZone, groupId]);
    },
    async registerCalendarFeed(groupId, generation, hash) {
      await pool.query(
        `UPDATE groups SET calendar_feed_hash = $1
         WHERE id = $2 AND calendar_feed_generation = $3 AND calendar_feed_hash IS NULL`,
        [hash, groupId, generation],
      );
    },
    async rotateCalendarFeed(groupId, fromGeneration, hash) {
      const r = await pool.query(
        `UPDATE groups SET calendar_feed_generation = calendar_feed_generation + 1, calendar_feed_hash = $1
         WHERE id = $2 AND calendar_feed_generation = $3`,
        [hash, groupId, fromGeneration],
      );
      return r.rowCount === 1;
    },
    async findCalendarFeed(hash) {
      const { rows } = await pool.query<{ id: GroupId }>('SELECT id FROM groups WHERE calendar_feed_hash = $1', [hash]);
      return rows[0]?.id ?? null;
    },
  };
}
