// Dot-vote ballots: who put which dots where. They never enter the session document, which every
// browser reads; the server keeps them beside it, passes them to `reduce` in its context and gets
// the new box back. Closing a vote publishes only the counts and discards that vote's ballots, so
// no one — not even the server afterwards — can tell who voted for what.
import { z } from 'zod';
import type { ParticipantId } from '../ids.js';
import { participantIdSchema } from '../ids.js';
import { facilitationLimits } from './limits.js';
import { shapeIdSchema, voteIdSchema } from './session.js';
import type { Vote } from './session.js';
import type { Outcome } from './timer.js';

/** voteId → participant → the note shapes they put a dot on (a note may get several of one's dots). */
export const ballotBoxSchema = z.record(
  voteIdSchema,
  z.record(participantIdSchema, z.array(shapeIdSchema).max(facilitationLimits.votesPerPerson)),
);
export type BallotBox = z.infer<typeof ballotBoxSchema>;

/** One participant's dots in one vote: what the server may send to that participant's browser alone. */
export function ownBallot(box: BallotBox, voteId: string, participantId: ParticipantId): readonly string[] {
  return box[voteId]?.[participantId] ?? [];
}

export function tallyVotes(box: BallotBox, voteId: string): { results: Record<string, number>; voterCount: number } {
  const results: Record<string, number> = {};
  let voterCount = 0;
  for (const dots of Object.values(box[voteId] ?? {})) {
    if (dots.length > 0) voterCount += 1;
    for (const shapeId of dots) results[shapeId] = (results[shapeId] ?? 0) + 1;
  }
  return { results, voterCount };
}

export function castBallot(
  box: BallotBox,
  vote: Vote,
  participantId: ParticipantId,
  shapeId: string,
): Outcome<BallotBox> {
  if (vote.status !== 'open') return { ok: false, reason: 'the vote is closed' };
  const dots = ownBallot(box, vote.id, participantId);
  if (dots.length >= vote.votesPerPerson) {
    return { ok: false, reason: `you have used all ${vote.votesPerPerson} votes` };
  }
  return { ok: true, value: withBallot(box, vote.id, participantId, [...dots, shapeId]) };
}

/** Takes back one of one's dots from a note. */
export function withdrawBallot(
  box: BallotBox,
  vote: Vote,
  participantId: ParticipantId,
  shapeId: string,
): Outcome<BallotBox> {
  if (vote.status !== 'open') return { ok: false, reason: 'the vote is closed' };
  const dots = ownBallot(box, vote.id, participantId);
  const at = dots.lastIndexOf(shapeId);
  if (at === -1) return { ok: false, reason: 'you have no vote on that note' };
  return { ok: true, value: withBallot(box, vote.id, participantId, [...dots.slice(0, at), ...dots.slice(at + 1)]) };
}

export function discardBallots(box: BallotBox, voteId: string): BallotBox {
  const rest = { ...box };
  delete rest[voteId];
  return rest;
}

function withBallot(box: BallotBox, voteId: string, participantId: ParticipantId, dots: string[]): BallotBox {
  return { ...box, [voteId]: { ...box[voteId], [participantId]: dots } };
}
