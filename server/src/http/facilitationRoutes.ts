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
import { callerInMeeting } from '../auth/meetingCaller.js';
import type { Facilitation } from '../facilitation/Facilitation.js';
import type { LimiterFactory } from '../sync/rateLimit.js';
import type { RouteDeps } from './deps.js';
import { allow } from './access.js';
import { commandOutcome, HttpError } from './errors.js';
import { jsonBody, pathParam } from './requests.js';

export interface FacilitationRouteDeps extends Pick<RouteDeps, 'storage' | 'access'> {
  facilitation: Facilitation;
  limiters: LimiterFactory;
}

/** Commands per token: a burst of this many, refilled over a second, so one client cannot flood a meeting. */
const commandsPerSecond = 20;

export function facilitationRoutes({ storage, access, facilitation, limiters }: FacilitationRouteDeps): Router {
  const router = express.Router();
  const limiter = limiters('commands', { limit: commandsPerSecond, windowMs: 1000 });

  /** The caller and a live meeting of their group; what they may do there is the policy's question. */
  async function meetingCaller(req: express.Request): Promise<Caller & { meetingId: MeetingId }> {
    const caller = await access.caller(req);
    const meetingId = pathParam(meetingIdSchema, req.params.meetingId, 'meetingId');
    const meeting = await storage.getMeeting(meetingId);
    if (!meeting || meeting.boardDeletedAt) throw new HttpError(404, 'unknown meeting', 'meetingId');
    const inMeeting = await callerInMeeting(storage, meeting, caller);
    if (!inMeeting.ok) throw new HttpError(403, inMeeting.reason);
    return { ...inMeeting.caller, meetingId };
  }

  router.get('/time', (_req, res) => {
    const body: TimeResponse = { now: Date.now() };
    res.json(body);
  });

  router.post('/meetings/:meetingId/commands', jsonBody, async (req, res) => {
    const caller = await meetingCaller(req);
    const { command } = commandRequestSchema.parse(req.body);
    if (!(await limiter.take(caller.tokenHash))) {
      res.setHeader('Retry-After', '1');
      throw new HttpError(429, 'too many commands; slow down');
    }
    // The reducer asks the policy with the token's role; after a hand-over the session decides who facilitates.
    await commandOutcome(facilitation.command(caller.meetingId, caller, command));
    const body: CommandResponse = { ok: true };
    res.json(body);
  });

  router.get('/meetings/:meetingId/ballots/mine', async (req, res) => {
    const caller = await meetingCaller(req);
    allow(caller, 'ballots.readOwn');
    const body: MyBallotsResponse = { votes: await facilitation.ownBallots(caller.meetingId, caller.participantId!) };
    res.json(body);
  });

  return router;
}
