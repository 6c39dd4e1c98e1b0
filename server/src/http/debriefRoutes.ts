// The debrief API: a meeting's debrief timeline (computed here from its event log), the group's
// coaches (invited by the facilitator, with a token of their own), and the coaching notes a coach
// attaches to points on a timeline. A coach token opens these routes and nothing else: it is not a
// group token, so every other route and the sync endpoint answer it 401. Who may see what is the
// shared policy's (shared/src/policy/debrief.ts).
import express, { type Router } from 'express';
import {
  buildDebrief,
  coachIdSchema,
  coachingLimits,
  coachingNoteBody,
  coachPath,
  inviteCoachBody,
  meetingEventSchema,
  meetingEventLimits,
  meetingIdSchema,
  refusal,
  shadowingBody,
  tokenSchema,
  type CoachesResponse,
  type CoachSelfResponse,
  type CoachingNote,
  type DebriefFacts,
  type DebriefResponse,
  type DebriefViewer,
  type InviteCoachResponse,
  type MeetingEvent,
  type MeetingId,
  type ParticipantId,
  type RemoveCoachResponse,
  type ShadowingResponse,
} from '@vermeboard/shared';
import type { Logger } from 'pino';
import type { Auth } from '../auth/Auth.js';
import { hashToken, randomId, randomToken } from '../auth/tokens.js';
import type { CoachingNoteRecord, MeetingRecord, Storage } from '../storage/Storage.js';
import type { Access } from './access.js';
import { bearerToken } from './bearer.js';
import { HttpError } from './errors.js';
import { jsonBody, pathParam } from './requests.js';

export interface DebriefRouteDeps {
  storage: Storage;
  auth: Auth;
  access: Access;
  logger: Logger;
}

type Viewer = DebriefViewer & { groupId: string };

const toNote = (n: CoachingNoteRecord): CoachingNote => ({
  id: n.id,
  at: n.at,
  text: n.text,
  coachName: n.coachName,
  createdAt: n.createdAt,
});

export function debriefRoutes({ storage, auth, access, logger }: DebriefRouteDeps): Router {
  const router = express.Router();

  /** A group token's caller, or else a coach's; 401 for neither. */
  async function viewer(req: express.Request): Promise<Viewer> {
    const token = bearerToken(req);
    if (!token) throw new HttpError(401, 'missing bearer token');
    const caller = await auth.authenticate(token);
    if (caller) return caller;
    const coach = await coachByToken(token);
    if (!coach) throw new HttpError(401, 'unknown or revoked token');
    return { role: 'coach', coachId: coach.id, groupId: coach.groupId };
  }

  function coachByToken(token: string | null) {
    if (!token || !tokenSchema.safeParse(token).success) return Promise.resolve(null);
    return storage.findCoachByToken(hashToken(token));
  }

  async function coach(req: express.Request) {
    const found = await coachByToken(bearerToken(req));
    if (!found) throw new HttpError(401, 'unknown or revoked coach token');
    return found;
  }

  /** The meeting's log, each event parsed; a row that does not parse is left out and logged. */
  async function eventsOf(meetingId: MeetingId): Promise<MeetingEvent[]> {
    const events: MeetingEvent[] = [];
    for (const raw of await storage.listMeetingEvents(meetingId)) {
      const parsed = meetingEventSchema.safeParse(raw);
      if (parsed.success) events.push(parsed.data);
      else logger.warn({ meetingId }, 'skipped a stored meeting event that does not parse');
    }
    return events;
  }

  /** Who facilitated: who started the meeting and everyone who held the facilitator's seat in it. */
  function factsOf(meeting: MeetingRecord, events: readonly MeetingEvent[]): DebriefFacts {
    const facilitators = new Set<ParticipantId>();
    if (meeting.facilitatedBy) facilitators.add(meeting.facilitatedBy);
    for (const e of events) if (e.type === 'facilitatorChanged') facilitators.add(e.participantId);
    return { facilitators: [...facilitators], ended: meeting.endedAt !== null };
  }

  /** The viewer's meeting (404 for another group's), its log and what the policy needs of it. */
  async function meetingFor(req: express.Request) {
    const who = await viewer(req);
    const meetingId = pathParam(meetingIdSchema, req.params.meetingId, 'meetingId');
    const meeting = await storage.getMeeting(meetingId);
    if (!meeting) throw new HttpError(404, 'unknown meeting', 'meetingId');
    // As every other meeting route: another group's meeting is refused, not looked up further.
    if (meeting.groupId !== who.groupId) throw new HttpError(403, 'this meeting is not of your group');
    if (meeting.boardDeletedAt) {
      throw new HttpError(404, 'this meeting’s debrief was deleted with its board (the group’s retention)');
    }
    const events = await eventsOf(meetingId);
    return { who, meeting, events, facts: factsOf(meeting, events) };
  }

  function allowViewer(reason: string | null): void {
    if (reason !== null) throw new HttpError(403, reason);
  }

  router.get('/meetings/:meetingId/debrief', async (req, res) => {
    const { who, meeting, events, facts } = await meetingFor(req);
    allowViewer(refusal(who, 'debrief.read', facts));
    const participants = await storage.listParticipants(meeting.groupId);
    const names = Object.fromEntries(participants.map((p) => [p.id, p.displayName]));
    const notes = refusal(who, 'coachingNote.read', facts) === null ? await storage.listCoachingNotes(meeting.id) : [];
    const body: DebriefResponse = {
      meeting: { id: meeting.id, createdAt: meeting.createdAt, endedAt: meeting.endedAt },
      debrief: buildDebrief({ events, names, truncated: events.length >= meetingEventLimits.perMeeting }),
      notes: notes.map(toNote),
      mayAddNotes: refusal(who, 'coachingNote.write', facts) === null,
    };
    res.json(body);
  });

  router.post('/meetings/:meetingId/coaching-notes', jsonBody, async (req, res) => {
    const { who, meeting, facts } = await meetingFor(req);
    allowViewer(refusal(who, 'coachingNote.write', facts));
    const { at, text } = coachingNoteBody.parse(req.body);
    const record = {
      id: randomId(),
      meetingId: meeting.id,
      coachId: (who as { coachId: string }).coachId,
      at,
      text,
      createdAt: new Date().toISOString(),
    };
    const stored = await storage.addCoachingNote(record, coachingLimits.notesPerMeeting);
    if (stored === 'full')
      throw new HttpError(409, `a meeting takes at most ${coachingLimits.notesPerMeeting} coaching notes`);
    if (stored === 'gone') throw new HttpError(404, 'this meeting’s debrief was deleted with its board');
    const saved = (await storage.listCoachingNotes(meeting.id)).find((n) => n.id === record.id);
    res.status(201).json(toNote(saved!));
  });

  // ---- The coach's own view ----
  router.get('/coach', async (req, res) => {
    const me = await coach(req);
    const [group, meetings, shadow] = await Promise.all([
      storage.getGroup(me.groupId),
      storage.listMeetings(me.groupId),
      storage.coachMayShadow(me.groupId),
    ]);
    const body: CoachSelfResponse = {
      coach: { id: me.id, name: me.name, createdAt: me.createdAt },
      groupName: group?.name ?? '',
      coachMayShadow: shadow,
      meetings: meetings
        .filter((m) => m.endedAt !== null && m.boardDeletedAt === null)
        .reverse()
        .map((m) => ({ id: m.id, createdAt: m.createdAt, endedAt: m.endedAt })),
    };
    res.json(body);
  });

  // ---- The group's coaches, managed by the facilitator ----
  router.get('/groups/:groupId/coaches', async (req, res) => {
    const { groupId } = await access.group(req, 'coaches.manage');
    const [coaches, coachMayShadow] = await Promise.all([
      storage.listCoaches(groupId),
      storage.coachMayShadow(groupId),
    ]);
    const body: CoachesResponse = {
      coaches: coaches.map((c) => ({ id: c.id, name: c.name, createdAt: c.createdAt })),
      coachMayShadow,
    };
    res.json(body);
  });

  router.post('/groups/:groupId/coaches', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'coaches.manage');
    const { name } = inviteCoachBody.parse(req.body);
    const token = randomToken();
    const coach = { id: randomId(), groupId, name, createdAt: new Date().toISOString() };
    const created = await storage.createCoach(coach, hashToken(token), coachingLimits.coachesPerGroup);
    if (created === 'full')
      throw new HttpError(409, `a group can have at most ${coachingLimits.coachesPerGroup} coaches`);
    const body: InviteCoachResponse = {
      coach: { id: coach.id, name: coach.name, createdAt: coach.createdAt },
      token,
      link: coachPath(token),
    };
    res.status(201).json(body);
  });

  router.delete('/groups/:groupId/coaches/:coachId', async (req, res) => {
    const { groupId } = await access.group(req, 'coaches.manage');
    const coachId = pathParam(coachIdSchema, req.params.coachId, 'coachId');
    if (!(await storage.revokeCoach(groupId, coachId, new Date().toISOString()))) {
      throw new HttpError(404, 'unknown coach', 'coachId');
    }
    const body: RemoveCoachResponse = { ok: true };
    res.json(body);
  });

  router.put('/groups/:groupId/coaches/shadowing', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'coaches.manage');
    const { coachMayShadow } = shadowingBody.parse(req.body);
    await storage.setCoachMayShadow(groupId, coachMayShadow);
    const body: ShadowingResponse = { coachMayShadow };
    res.json(body);
  });

  return router;
}
