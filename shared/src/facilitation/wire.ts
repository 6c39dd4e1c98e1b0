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
import { z } from 'zod';
import { clientCommandSchema } from './commands.js';

export const SESSION_MAP = 'session';
export const SESSION_STATE_KEY = 'state';

export const commandRequestSchema = z.strictObject({ command: clientCommandSchema });
export type CommandRequest = z.infer<typeof commandRequestSchema>;

export interface CommandResponse {
  ok: true;
}

export interface TimeResponse {
  /** Server clock, ms since the epoch. */
  now: number;
}

export interface MyBallotsResponse {
  /** voteId → the shape ids this participant put dots on (a shape may repeat). */
  votes: Record<string, string[]>;
}

/** Keys in a tldraw record's `meta` that mark a private note and its author. */
export const PRIVATE_META = {
  private: 'vbPrivate',
  author: 'vbAuthor',
  /** The step (stepKey) the note was written in, so a reveal can pick one step's notes. */
  step: 'vbStep',
} as const;
