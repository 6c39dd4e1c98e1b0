// The facilitation API: commands that change a meeting's session, the caller's own dot-vote
// ballots, and the server clock browsers correct their timers by. Contract in shared wire.ts.
import express, { type Router } from 'express';
import {
  commandRequestSchema,
  meetingIdSchema,
  type CommandResponse,
  type MeetingId,
  type MyBallotsResponse,
  type TimeResponse,
} from '@vermeboard/shared';
import type { Caller } from '../auth/Auth.js';
import { FacilitationClosedError, type Facilitation } from '../facilitation/Facilitation.js';
import { createRateLimiter } from '../sync/rateLimit.js';
import type { RouteDeps } from './deps.js';
import { HttpError } from './errors.js';
import { jsonBody, pathParam } from './requests.js';

export interface FacilitationRouteDeps extends Pick<RouteDeps, 'storage' | 'access'> {
  facilitation: Facilitation;
}

/** Commands per participant: a burst of this many, refilled over a second, so one client cannot flood a meeting. */
const commandsPerSecond = 20;

export function facilitationRoutes({ storage, access, facilitation }: FacilitationRouteDeps): Router {
  const router = express.Router();
  const limiter = createRateLimiter({ limit: commandsPerSecond, windowMs: 1000 });

  /** The caller's meeting, as a person: a shared link token has no identity to act with (see wire.ts). */
  async function meetingPerson(
    req: express.Request,
  ): Promise<Caller & { participantId: NonNullable<Caller['participantId']>; meetingId: MeetingId }> {
    const caller = await access.caller(req);
    const meetingId = pathParam(meetingIdSchema, req.params.meetingId, 'meetingId');
    const meeting = await storage.getMeeting(meetingId);
    if (!meeting || meeting.boardDeletedAt) throw new HttpError(404, 'unknown meeting', 'meetingId');
    if (meeting.groupId !== caller.groupId) throw new HttpError(403, 'this token belongs to another group');
    const { participantId } = caller;
    if (participantId === null) {
      throw new HttpError(403, 'this needs your personal token: join the group with the link first');
    }
    return { ...caller, participantId, meetingId };
  }

  router.get('/time', (_req, res) => {
    const body: TimeResponse = { now: Date.now() };
    res.json(body);
  });

  router.post('/meetings/:meetingId/commands', jsonBody, async (req, res) => {
    const caller = await meetingPerson(req);
    const { command } = commandRequestSchema.parse(req.body);
    if (!limiter.take(caller.participantId)) {
      res.setHeader('Retry-After', '1');
      throw new HttpError(429, 'too many commands; slow down');
    }
    let outcome;
    try {
      // The token's role every time: after a hand-over the session decides who facilitates.
      outcome = await facilitation.command(
        caller.meetingId,
        { participantId: caller.participantId, role: caller.role },
        command,
      );
    } catch (err) {
      if (err instanceof FacilitationClosedError) throw new HttpError(503, err.message);
      throw err;
    }
    if (!outcome.ok) throw new HttpError(outcome.code === 'forbidden' ? 403 : 409, outcome.reason);
    const body: CommandResponse = { ok: true };
    res.json(body);
  });

  router.get('/meetings/:meetingId/ballots/mine', async (req, res) => {
    const caller = await meetingPerson(req);
    const body: MyBallotsResponse = { votes: await facilitation.ownBallots(caller.meetingId, caller.participantId) };
    res.json(body);
  });

  return router;
}
