// The program API: a coordinator creates a program (and with it the plaza group they facilitate),
// creates groups in it or asks existing groups to join, reads the program's figures, starts
// encounters and reads the summaries groups shared. The groups' side: the program a group is in,
// the requests it may answer, the encounters its members may open, and sharing a summary.
//
// Privacy: the coordinator's token is a personal token of the plaza group, so every group route,
// document and meeting of another group refuses it like any other group's token; the program page
// is built from counts, names and dates (programFigures.ts), never from board, note or summary
// text, and a summary reaches the coordinator only while its group shares it.
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import {
  attachAnswerBody,
  attachRequestBody,
  can,
  coordinatorPath,
  createEncounterBody,
  createProgramBody,
  createProgramGroupBody,
  defaultCompetenceAreas,
  defaultGroundRules,
  meetingIdSchema,
  programIdSchema,
  formatDocName,
  LAYOUT_ID_PREFIX,
  programLimits,
  sharePlazaFrameBody,
  type CompetenceAreaId,
  type CreateEncounterResponse,
  type CreateProgramGroupResponse,
  type CreateProgramResponse,
  type GroupId,
  type GroupLocale,
  type GroupProgramResponse,
  type MeetingId,
  type MeetingSummaryResponse,
  type ParticipantId,
  type ProgramId,
  type ProgramResponse,
  type SharePlazaFrameResponse,
} from '@vermeboard/shared';
import type { Caller } from '../auth/Auth.js';
import { hashToken, randomId, randomToken } from '../auth/tokens.js';
import type { Facilitation } from '../facilitation/Facilitation.js';
import type { ProgramRecord } from '../storage/programStore.js';
import { readStoredSummary, quarantinedSummary } from '../summary/storedSummary.js';
import { allow } from './access.js';
import type { RouteDeps } from './deps.js';
import { HttpError } from './errors.js';
import { programAssessment, programGroupFigures } from './programFigures.js';
import { jsonBody, ownedBy, pathParam } from './requests.js';

export interface ProgramRouteDeps extends Omit<RouteDeps, 'connections'> {
  facilitation: Pick<Facilitation, 'createSession' | 'copyFrame'>;
  logger: Logger;
}

const attachRefusals = {
  taken: [409, 'that group belongs to another program'],
  unknown: [404, 'no group has that id'],
  full: [409, `a program holds at most ${programLimits.groups} groups`],
} as const;

export function programRoutes({ storage, auth, access, facilitation, logger }: ProgramRouteDeps): Router {
  const router = express.Router();

  /** A new group with its three link hashes and the defaults of its language. */
  async function newGroup(name: string, locale: GroupLocale): Promise<{ groupId: GroupId; facilitatorLink: string }> {
    const groupId = randomId() as GroupId;
    const tokens = auth.linkTokens(groupId, 0);
    await storage.createGroup(
      { id: groupId, name, createdAt: new Date().toISOString(), linkGeneration: 0 },
      {
        facilitator: hashToken(tokens.facilitator),
        member: hashToken(tokens.member),
        observer: hashToken(tokens.observer),
      },
      {
        locale,
        groundRules: defaultGroundRules[locale],
        competenceAreas: defaultCompetenceAreas[locale].map((n) => ({ id: randomId() as CompetenceAreaId, name: n })),
      },
    );
    return { groupId, facilitatorLink: auth.links(tokens).facilitator };
  }

  /** The program in `:programId`, for its coordinator only. */
  async function coordinated(req: express.Request): Promise<{ caller: Caller; program: ProgramRecord }> {
    const caller = await access.caller(req);
    const programId = pathParam(programIdSchema, req.params.programId, 'programId');
    const program = await storage.getProgram(programId);
    if (!program) throw new HttpError(404, 'unknown program', 'programId');
    allow(caller, 'program.coordinate', program);
    return { caller, program };
  }

  async function memberGroups(programId: ProgramId) {
    return (await storage.listProgramGroups(programId)).filter(
      (g): g is typeof g & { attachedAt: string } => g.attachedAt !== null,
    );
  }

  router.post('/programs', jsonBody, async (req, res) => {
    const body = createProgramBody.parse(req.body);
    const plaza = await newGroup(body.name, body.locale ?? 'en');
    const coordinatorId = randomId() as ParticipantId;
    const coordinatorToken = randomToken();
    const createdAt = new Date().toISOString();
    await storage.createParticipant(
      { id: coordinatorId, groupId: plaza.groupId, displayName: body.coordinatorName, role: 'facilitator', createdAt },
      hashToken(coordinatorToken),
    );
    const programId = randomId() as ProgramId;
    await storage.createProgram({
      id: programId,
      name: body.name,
      createdAt,
      plazaGroupId: plaza.groupId,
      coordinatorId,
    });
    const response: CreateProgramResponse = {
      programId,
      coordinatorToken,
      coordinatorLink: coordinatorPath(coordinatorToken),
      plazaGroupId: plaza.groupId,
      coordinatorId,
    };
    res.status(201).json(response);
  });

  // The coordinator link carries only the token: this says which program it coordinates.
  router.get('/programs/mine', async (req, res) => {
    const caller = await access.caller(req);
    const program = await storage.programOfPlaza(caller.groupId);
    if (!program) throw new HttpError(404, 'this token coordinates no program');
    allow(caller, 'program.coordinate', program);
    res.json({ programId: program.id });
  });

  router.get('/programs/:programId', async (req, res) => {
    const { program } = await coordinated(req);
    const [rows, shared, coordinator, plaza, encounters] = await Promise.all([
      storage.listProgramGroups(program.id),
      storage.listSharedSummaries(program.id),
      storage.getParticipant(program.coordinatorId),
      storage.getGroup(program.plazaGroupId),
      storage.listMeetings(program.plazaGroupId),
    ]);
    if (!plaza) throw new HttpError(404, 'unknown program', 'programId');
    const sharedSet = new Set(shared);
    const figures = [];
    for (const row of rows) {
      if (row.attachedAt === null) continue;
      const f = await programGroupFigures(storage, { ...row, attachedAt: row.attachedAt }, sharedSet, logger);
      if (f) figures.push(f);
    }
    const response: ProgramResponse = {
      programId: program.id,
      name: program.name,
      coordinator: { id: program.coordinatorId, displayName: coordinator?.displayName ?? '' },
      plazaGroupId: program.plazaGroupId,
      guestLink: auth.links(auth.linkTokens(plaza.id, plaza.linkGeneration)).member,
      groups: figures.map((f) => f.group),
      pending: rows
        .filter((r) => r.attachedAt === null)
        .map((r) => ({ groupId: r.groupId, requestedAt: r.requestedAt })),
      assessment: programAssessment(figures.map((f) => f.phases)),
      encounters: await Promise.all(
        encounters.map(async (m) => ({
          meetingId: m.id,
          startedAt: m.createdAt,
          endedAt: m.endedAt,
          groupIds: await storage.encounterGroups(m.id),
        })),
      ),
    };
    res.json(response);
  });

  router.post('/programs/:programId/groups', jsonBody, async (req, res) => {
    const { program } = await coordinated(req);
    const body = createProgramGroupBody.parse(req.body);
    if ((await storage.listProgramGroups(program.id)).length >= programLimits.groups) {
      throw new HttpError(409, attachRefusals.full[1]);
    }
    const created = await newGroup(body.name, body.locale ?? 'en');
    await storage.addProgramGroup(program.id, created.groupId, new Date().toISOString());
    res.status(201).json(created satisfies CreateProgramGroupResponse);
  });

  router.post('/programs/:programId/attach-requests', jsonBody, async (req, res) => {
    const { program } = await coordinated(req);
    const { groupId } = attachRequestBody.parse(req.body);
    const outcome = await storage.requestAttach(program.id, groupId, new Date().toISOString(), programLimits.groups);
    if (outcome === 'requested' || outcome === 'member') {
      res.status(outcome === 'requested' ? 202 : 200).json({ status: outcome });
      return;
    }
    const [status, message] = attachRefusals[outcome];
    throw new HttpError(status, message, 'groupId');
  });

  router.post('/programs/:programId/encounters', jsonBody, async (req, res) => {
    const { program } = await coordinated(req);
    const { groupIds } = createEncounterBody.parse(req.body);
    const members = new Set((await memberGroups(program.id)).map((g) => g.groupId));
    const stranger = groupIds.find((g) => !members.has(g));
    if (stranger) throw new HttpError(400, 'every invited group must belong to the program', 'groupIds');
    const meetingId = randomId() as MeetingId;
    const running = await storage.startEncounter(
      {
        id: meetingId,
        groupId: program.plazaGroupId,
        createdAt: new Date().toISOString(),
        facilitatedBy: program.coordinatorId,
      },
      [...new Set(groupIds)],
    );
    if (running !== null) throw new HttpError(409, 'an encounter of this program is already running', 'meetingId');
    await facilitation.createSession(meetingId);
    const response: CreateEncounterResponse = { meetingId, plazaGroupId: program.plazaGroupId };
    res.status(201).json(response);
  });

  router.get('/programs/:programId/summaries/:meetingId', async (req, res) => {
    const { program } = await coordinated(req);
    const meetingId = pathParam(meetingIdSchema, req.params.meetingId, 'meetingId');
    // Unshared and unknown look the same: the coordinator learns nothing about a group's meetings here.
    const notShared = new HttpError(404, 'no summary of that meeting is shared with the program', 'meetingId');
    if (!(await storage.listSharedSummaries(program.id)).includes(meetingId)) throw notShared;
    const meeting = await storage.getMeeting(meetingId);
    const members = new Set((await memberGroups(program.id)).map((g) => g.groupId));
    if (!meeting || !members.has(meeting.groupId)) throw notShared;
    const stored = await readStoredSummary(storage, meetingId, logger);
    if (stored.kind === 'none') throw notShared;
    if (stored.kind === 'unreadable') throw new HttpError(409, quarantinedSummary);
    res.json({ summary: stored.summary } satisfies MeetingSummaryResponse);
  });

  // ---- The group's side ----

  /** The program the group belongs to, if any. */
  async function programOfGroup(groupId: GroupId): Promise<ProgramRecord | null> {
    const member = (await storage.programsOfGroup(groupId)).find((r) => r.attachedAt !== null);
    return member ? storage.getProgram(member.programId) : null;
  }

  /** The program's running encounters that invite the group (one at most). */
  async function openEncounters(program: ProgramRecord, groupId: GroupId) {
    const open = [];
    for (const m of await storage.listMeetings(program.plazaGroupId)) {
      if (m.endedAt === null && (await storage.encounterGroups(m.id)).includes(groupId)) open.push(m);
    }
    return open;
  }

  const coordinatorName = async (p: ProgramRecord) =>
    (await storage.getParticipant(p.coordinatorId))?.displayName ?? '';

  router.get('/groups/:groupId/program', async (req, res) => {
    const caller = await access.group(req, 'group.read');
    const { groupId } = caller;
    const rows = await storage.programsOfGroup(groupId);
    const program = await programOfGroup(groupId);
    const response: GroupProgramResponse = { program: null, requests: [], encounters: [], sharedMeetingIds: [] };
    if (program) {
      response.program = { programId: program.id, name: program.name, coordinatorName: await coordinatorName(program) };
      for (const m of await openEncounters(program, groupId)) {
        const groups = await Promise.all((await storage.encounterGroups(m.id)).map((g) => storage.getGroup(g)));
        const groupNames = groups.flatMap((g) => (g ? [g.name] : []));
        response.encounters.push({ meetingId: m.id, startedAt: m.createdAt, groupNames });
      }
    }
    if (can(caller, 'program.answerAttach')) {
      for (const row of rows) {
        if (row.attachedAt !== null) continue;
        const asking = await storage.getProgram(row.programId);
        if (asking) {
          response.requests.push({
            programId: asking.id,
            name: asking.name,
            coordinatorName: await coordinatorName(asking),
            requestedAt: row.requestedAt,
          });
        }
      }
    }
    if (program && can(caller, 'program.shareSummary')) {
      const own = new Set((await storage.listMeetings(groupId)).map((m) => m.id));
      response.sharedMeetingIds = (await storage.listSharedSummaries(program.id)).filter((id) => own.has(id));
    }
    res.json(response);
  });

  router.post('/groups/:groupId/program-requests/:programId', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'program.answerAttach');
    const programId = pathParam(programIdSchema, req.params.programId, 'programId');
    const { accept } = attachAnswerBody.parse(req.body);
    if (!(await storage.answerAttach(programId, groupId, accept, new Date().toISOString()))) {
      throw new HttpError(404, 'no open request of that program', 'programId');
    }
    res.status(204).end();
  });

  /** A meeting of the caller's group that has a summary, and the group's program. */
  async function shareable(req: express.Request) {
    const { groupId } = await access.group(req, 'program.shareSummary');
    const meetingId = pathParam(meetingIdSchema, req.params.meetingId, 'meetingId');
    ownedBy(await storage.getMeeting(meetingId), groupId, 'meetingId');
    const program = await programOfGroup(groupId);
    if (!program) throw new HttpError(409, 'this group belongs to no program');
    return { program, meetingId };
  }

  router.put('/groups/:groupId/meetings/:meetingId/program-share', async (req, res) => {
    const { program, meetingId } = await shareable(req);
    if ((await storage.getMeetingSummary(meetingId)) === null) {
      throw new HttpError(409, 'this meeting has no summary yet: end it first', 'meetingId');
    }
    await storage.shareSummary(program.id, meetingId, new Date().toISOString());
    res.status(204).end();
  });

  router.delete('/groups/:groupId/meetings/:meetingId/program-share', async (req, res) => {
    const { program, meetingId } = await shareable(req);
    await storage.unshareSummary(program.id, meetingId);
    res.status(204).end();
  });

  // One frame of the group's own board onto the running encounter's plaza board, where the invited
  // groups and the coordinator see it. Sharing the same frame again brings the copy up to date and
  // writes nothing when the frame did not change (frameCopy.ts).
  router.post('/groups/:groupId/meetings/:meetingId/share-to-plaza', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'program.sharePlaza');
    const meetingId = pathParam(meetingIdSchema, req.params.meetingId, 'meetingId');
    ownedBy(await storage.getMeeting(meetingId), groupId, 'meetingId');
    const { frameId } = sharePlazaFrameBody.parse(req.body);
    const program = await programOfGroup(groupId);
    if (!program) throw new HttpError(409, 'this group belongs to no program');
    const [encounter] = await openEncounters(program, groupId);
    if (!encounter) throw new HttpError(409, 'no encounter that invites this group is running');
    const group = await storage.getGroup(groupId);
    const key = frameId.slice('shape:'.length);
    const copyId = `${LAYOUT_ID_PREFIX}plaza-${groupId}.${key}`;
    const written = await facilitation.copyFrame(encounter.id, {
      docName: formatDocName({ kind: 'board', meetingId }),
      frameId,
      copyId,
      idPrefix: `plaza-${groupId}.${key}`,
      name: (frameName) => (frameName ? `${group?.name ?? ''}: ${frameName}` : (group?.name ?? '')),
    });
    if (written === 'notFrame') throw new HttpError(404, 'no frame with that id on this meeting’s board', 'frameId');
    res.json({ encounterId: encounter.id, copyId, written } satisfies SharePlazaFrameResponse);
  });

  return router;
}
