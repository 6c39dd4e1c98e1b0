// How browsers and the server exchange facilitation state and commands.
//
//   meeting/<id>/session   Yjs document written only by the server:
//                          doc.getMap(SESSION_MAP).get(SESSION_STATE_KEY) = SessionState (plain JSON)
//   POST /api/meetings/<id>/commands   { command: ClientCommand } with a participant's bearer token
//                          → 200 CommandResponse, or 400/401/403/404/409 ApiError
//   GET  /api/time          → TimeResponse; browsers estimate their clock offset from it (timer.ts)
//   GET  /api/meetings/<id>/ballots/mine → MyBallotsResponse: only the caller's own dots
//   meeting/<id>/private/<participantId>   Yjs document only its owner may open, laid out like the
//                          board (shared/src/boardDoc.ts). Shapes there carry PRIVATE_META; revealing
//                          copies them onto the board without it and removes them from the private doc.
//
// Decisions the browsers follow:
//
// - Who may send commands: only a personal participant token. A shared link token has no identity,
//   and every rule in permissions.ts hangs on one (facilitatorId, turns, hands, ballots), so the
//   server answers 403 to a link token, a facilitator link included. Join through the link first.
// - Board layouts: the server places nothing. When `placedLayouts` gains a stepKey, the browser of
//   the meeting's facilitator (`facilitatorId`) adds that step's frames and prompt notes to the
//   board, and for `needsGroupGoals` steps one card per active goal from the goals API, each with
//   the id `layoutShapeId(instanceId, itemId)` (goal cards: itemId `goal-<n>`, 1-based). Writing a
//   record under an id that already exists must not add a second copy, so a step entered twice, or
//   two facilitator tabs, still yield one set. The reducer has already locked those ids.
// - Reactions: ephemeral, so not part of SessionState. The server keeps the last
//   `maxRecentReactions` under SESSION_REACTIONS_KEY in the same map; a browser shows each entry
//   whose `seq` is greater than the last it showed and whose `at` is recent on the server clock,
//   and ignores the list it finds on first load.
// - Private notes: a reveal (the facilitator's, a step's `revealOnStart`, or a speaker's turn with
//   `revealOnTurn`) copies the owner's shape records with `meta.vbPrivate === true` whose
//   `meta.vbStep` names a step of the same agenda item (or that carry no `vbStep`), keeps the record
//   id and `vbAuthor`, drops `vbPrivate`, and deletes them from the private document. A note written
//   in another agenda item stays private; its owner can still move it to the board themselves.
// - Presence: the server issues `join` when a participant's first connection to the meeting's board
//   or session document opens and `leave` when their last one closes; link-token connections are
//   not people in the session.
// - Presence (board awareness): the server writes `user.id`, `user.name` and `user.role` of every
//   state it relays from the connection's participant (a link-token connection's state has no
//   `user`), and while `hidesCursors(state)` (presencePrivacy.ts) it empties the cursor, selection,
//   brush, scribbles and chat of every state, so a browser draws no cursor then.
import { z } from 'zod';
import { participantIdSchema } from '../ids.js';
import { clientCommandSchema, reactionSchema } from './commands.js';
import { shapeIdSchema, voteIdSchema } from './session.js';

export const SESSION_MAP = 'session';
export const SESSION_STATE_KEY = 'state';
/** Recent reactions, newest last: `RecentReaction[]` (see the top of this file). */
export const SESSION_REACTIONS_KEY = 'reactions';
export const maxRecentReactions = 30;

export const recentReactionSchema = z.strictObject({
  /** Grows by one per reaction in the meeting; never reused. */
  seq: z.number().int().min(1),
  participantId: participantIdSchema,
  reaction: reactionSchema,
  /** Server time, ms since the epoch. */
  at: z.number().int().min(0),
});
export type RecentReaction = z.infer<typeof recentReactionSchema>;

export const commandRequestSchema = z.strictObject({ command: clientCommandSchema });
export type CommandRequest = z.infer<typeof commandRequestSchema>;

export const commandResponseSchema = z.object({ ok: z.literal(true) });
export type CommandResponse = z.infer<typeof commandResponseSchema>;

export const timeResponseSchema = z.object({
  /** Server clock, ms since the epoch. */
  now: z.number().finite(),
});
export type TimeResponse = z.infer<typeof timeResponseSchema>;

export const myBallotsResponseSchema = z.object({
  /** voteId → the shape ids this participant put dots on (a shape may repeat). */
  votes: z.record(voteIdSchema, z.array(shapeIdSchema)),
});
export type MyBallotsResponse = z.infer<typeof myBallotsResponseSchema>;

/** Keys in a tldraw record's `meta` that mark a private note and its author. */
export const PRIVATE_META = {
  private: 'vbPrivate',
  author: 'vbAuthor',
  /** The step (stepKey) the note was written in, so a reveal can pick one step's notes. */
  step: 'vbStep',
} as const;
