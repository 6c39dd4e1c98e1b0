// The PostgreSQL side of dot-vote ballots: one row per meeting, vote and participant.
import { ballotBoxSchema } from '@vermeboard/shared';
import type { Db } from './postgresDb.js';
import type { BallotStore } from './Storage.js';

export function createPostgresBallotStore(db: Db): BallotStore {
  return {
    async loadBallots(meetingId) {
      const { rows } = await db.pool.query<{ vote_id: string; participant_id: string; shape_ids: string }>(
        'SELECT vote_id, participant_id, shape_ids FROM vote_ballots WHERE meeting_id = $1',
        [meetingId],
      );
      const box: Record<string, Record<string, unknown>> = {};
      for (const row of rows) (box[row.vote_id] ??= {})[row.participant_id] = JSON.parse(row.shape_ids) as unknown;
      return ballotBoxSchema.parse(box);
    },
    async saveBallots(meetingId, box) {
      // Rewriting a meeting's few dozen rows keeps the store a plain mirror of the box the reducer
      // returned. The meeting row's lock makes two saves take turns: without it, the second's
      // DELETE would not see the rows the first inserted, and its inserts would collide with them.
      await db.transaction(async (c) => {
        await c.query('SELECT 1 FROM meetings WHERE id = $1 FOR UPDATE', [meetingId]);
        await c.query('DELETE FROM vote_ballots WHERE meeting_id = $1', [meetingId]);
        for (const [voteId, voters] of Object.entries(box)) {
          for (const [participantId, shapeIds] of Object.entries(voters)) {
            if (shapeIds.length === 0) continue;
            await c.query(
              'INSERT INTO vote_ballots (meeting_id, vote_id, participant_id, shape_ids) VALUES ($1, $2, $3, $4)',
              [meetingId, voteId, participantId, JSON.stringify(shapeIds)],
            );
          }
        }
      });
    },
  };
}
