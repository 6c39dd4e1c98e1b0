// The SQLite side of dot-vote ballots: one row per meeting, vote and participant.
import type Database from 'better-sqlite3';
import { ballotBoxSchema, type BallotBox, type MeetingId } from '@vermeboard/shared';
import type { BallotStore } from './Storage.js';

interface BallotRow {
  vote_id: string;
  participant_id: string;
  shape_ids: string;
}

export function createSqliteBallotStore(db: Database.Database): BallotStore {
  const q = {
    load: db.prepare('SELECT vote_id, participant_id, shape_ids FROM vote_ballots WHERE meeting_id = ?'),
    clear: db.prepare('DELETE FROM vote_ballots WHERE meeting_id = ?'),
    insert: db.prepare('INSERT INTO vote_ballots (meeting_id, vote_id, participant_id, shape_ids) VALUES (?, ?, ?, ?)'),
  };
  // A meeting has at most one open vote of a few dozen voters, so rewriting its rows is cheap and
  // keeps the store a plain mirror of the box the reducer returned.
  const save = db.transaction((meetingId: MeetingId, box: BallotBox) => {
    q.clear.run(meetingId);
    for (const [voteId, voters] of Object.entries(box)) {
      for (const [participantId, shapeIds] of Object.entries(voters)) {
        if (shapeIds.length > 0) q.insert.run(meetingId, voteId, participantId, JSON.stringify(shapeIds));
      }
    }
  });

  return {
    async loadBallots(meetingId) {
      const box: Record<string, Record<string, unknown>> = {};
      for (const row of q.load.all(meetingId) as BallotRow[]) {
        (box[row.vote_id] ??= {})[row.participant_id] = JSON.parse(row.shape_ids) as unknown;
      }
      return ballotBoxSchema.parse(box);
    },
    async saveBallots(meetingId, box) {
      save(meetingId, box);
    },
  };
}
