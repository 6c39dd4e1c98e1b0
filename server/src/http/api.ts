// The HTTP API under /api. Request bodies are parsed with the zod schemas from @vermeboard/shared;
// responses follow the types there. See README "HTTP API" for the contract. The group-process routes
// (goals, members, action items, self-assessment, settings) live in their own routers beside this.
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import {
  can,
  createGroupBody,
  defaultCompetenceAreas,
  defaultGroundRules,
  joinBody,
  meetingIdSchema,
  syncTicketBody,
  type ClientConfigResponse,
  type CompetenceAreaId,
  type CreateGroupResponse,
  type CreateMeetingResponse,
  type GroupId,
  type GroupResponse,
  type JoinResponse,
  type MeetingId,
  type ParticipantId,
  type Role,
  type SyncTicketResponse,
} from '@vermeboard/shared';
import { syncTicketDefaults, type Auth } from '../auth/Auth.js';
import { callerInMeeting } from '../auth/meetingCaller.js';
import { syncAccess } from '../auth/syncAccess.js';
import { hashToken, randomId, randomToken } from '../auth/tokens.js';
import type { Config } from '../config.js';
import type { Facilitation } from '../facilitation/Facilitation.js';
import type { Storage } from '../storage/Storage.js';
import { localLimiters, type LimiterFactory } from '../sync/rateLimit.js';
import { allow, createAccess } from './access.js';
import { actionItemRoutes } from './actionItemRoutes.js';
import { assessmentRoutes } from './assessmentRoutes.js';
import { betweenRoutes } from './betweenRoutes.js';
import type { ConnectionCloser } from './deps.js';
import { HttpError } from './errors.js';
import { debriefRoutes } from './debriefRoutes.js';
import { facilitationRoutes } from './facilitationRoutes.js';
import { goalRoutes } from './goalRoutes.js';
import { groupRoutes } from './groupRoutes.js';
import { programRoutes } from './programRoutes.js';
import { rehearsalRoutes } from './rehearsalRoutes.js';
import type { Rehearsals } from '../rehearsal/Rehearsals.js';
import { libraryRoutes } from './libraryRoutes.js';
import { jsonBody, pathParam } from './requests.js';
import { streamRoutes } from './streamRoutes.js';
import { mailStopRoutes } from './mailStopRoutes.js';
import { notifyRoutes } from './notifyRoutes.js';
import { mailOff, type Notifications } from '../notifications/notifications.js';
import { summaryRoutes } from './summaryRoutes.js';

export interface ApiDeps {
  storage: Storage;
  auth: Auth;
  config: Config;
  /** Live sync connections, closed when their token is revoked (link rotated, participant removed). */
  connections: ConnectionCloser;
  /** Meeting sessions: created with each meeting, changed by commands. */
  facilitation: Facilitation;
  logger: Logger;
  /** Where rate limits count (shared by the instances with REDIS_URL); this process by default. */
  limiters?: LimiterFactory;
  /** Rehearsals with simulated participants; without it the route answers 404. */
  rehearsals?: Rehearsals;
  /** Mail between meetings; off by default. */
  notifications?: Notifications;
}

/** Image types accepted as board assets. SVG is refused: it can carry script. */
const assetTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

const syncRefusals = {
  400: 'not a document name',
  401: 'unknown or revoked token',
  403: 'this token may not open that document',
  404: 'this meeting’s documents are gone',
} as const;

/** What the checks before an upload's body learnt, for the handler after it. */
interface PendingUpload {
  meetingId: MeetingId;
  mimeType: string;
}

export function createApiRouter(deps: ApiDeps): Router {
  const { storage, auth, config, connections, facilitation, logger } = deps;
  const limiters = deps.limiters ?? localLimiters;
  const router = express.Router();
  const limiter = limiters('api', { limit: config.apiRequestsPerMinutePerAddress, windowMs: 60_000 });
  router.use(async (req, res, next) => {
    if (await limiter.take(req.ip ?? req.socket.remoteAddress ?? 'unknown')) return next();
    res.setHeader('Retry-After', '60');
    throw new HttpError(429, 'too many requests; try again in a minute');
  });
  const access = createAccess(auth);
  // Per link, not per address: a script behind many addresses must not mint people by the hundred
  // with one leaked member or observer link.
  const joinsPerLink = limiters('joins', { limit: config.joinsPerLinkPerHour, windowMs: 60 * 60_000 });

  router.get('/config', (_req, res) => {
    const body: ClientConfigResponse = {
      tldrawLicenseKey: config.tldrawLicenseKey,
      maxAssetBytes: config.maxAssetBytes,
    };
    res.json(body);
  });

  router.post('/groups', jsonBody, async (req, res) => {
    const body = createGroupBody.parse(req.body);
    const groupId = randomId() as GroupId;
    const createdAt = new Date().toISOString();
    const tokens = auth.linkTokens(groupId, 0);
    const locale = body.locale ?? 'en';
    await storage.createGroup(
      { id: groupId, name: body.name, createdAt, linkGeneration: 0 },
      {
        facilitator: hashToken(tokens.facilitator),
        member: hashToken(tokens.member),
        observer: hashToken(tokens.observer),
      },
      {
        locale,
        groundRules: defaultGroundRules[locale],
        competenceAreas: defaultCompetenceAreas[locale].map((name) => ({ id: randomId() as CompetenceAreaId, name })),
      },
    );
    const participant = await createParticipant(groupId, 'facilitator', body.facilitatorName);
    const response: CreateGroupResponse = {
      groupId,
      tokens,
      links: auth.links(tokens),
      participantId: participant.participantId,
      participantToken: participant.participantToken,
    };
    res.status(201).json(response);
  });

  router.get('/groups/:groupId', async (req, res) => {
    const caller = await access.group(req, 'group.read');
    const groupId = caller.groupId;
    const group = await storage.getGroup(groupId);
    if (!group) throw new HttpError(404, 'unknown group');
    const meetings = await storage.listMeetings(groupId);
    const response: GroupResponse = {
      groupId,
      name: group.name,
      role: caller.role,
      meetings: meetings.map((m) => ({ id: m.id, createdAt: m.createdAt })),
      runningMeetingId: meetings.findLast((m) => m.endedAt === null)?.id ?? null,
    };
    if (can(caller, 'group.viewLinks')) {
      const tokens = auth.linkTokens(groupId, group.linkGeneration);
      response.tokens = tokens;
      response.links = auth.links(tokens);
    }
    if (caller.participantId) {
      const p = await storage.getParticipant(caller.participantId);
      if (p) response.participant = { id: p.id, displayName: p.displayName };
    }
    const rehearsal = deps.rehearsals?.info(groupId);
    if (rehearsal) response.rehearsal = rehearsal;
    res.json(response);
  });

  router.post('/groups/:groupId/meetings', async (req, res) => {
    const { groupId, participantId } = await access.group(req, 'meeting.create');
    const meetingId = randomId() as MeetingId;
    // Who facilitated is known only from a personal token; a shared facilitator link leaves it open.
    const running = await storage.startMeeting({
      id: meetingId,
      groupId,
      createdAt: new Date().toISOString(),
      facilitatedBy: participantId,
    });
    // One meeting at a time: a second "start" (another tab, a co-facilitator) joins the running one instead.
    if (running !== null) throw new HttpError(409, 'a meeting of this group is already running', 'meetingId');
    // The rooms the group kept at its last meeting can be opened again in this one.
    const previous = (await storage.listMeetings(groupId)).findLast(
      (m) => m.id !== meetingId && m.endedAt !== null && m.boardDeletedAt === null,
    );
    await facilitation.createSession(meetingId, previous?.id);
    const response: CreateMeetingResponse = { meetingId };
    res.status(201).json(response);
  });

  // Browsers cannot put a header on a WebSocket, and a token in its URL would land in access logs:
  // they trade the token (in the header here) for a single-use ticket to put in the URL instead.
  // Bought for one document, with the same checks as the upgrade, so that a browser hears here that
  // a meeting is gone (404) and can drop its copies.
  router.post('/sync-tickets', jsonBody, async (req, res) => {
    const caller = await access.caller(req);
    const { docName } = syncTicketBody.parse(req.body);
    const allowed = await syncAccess(storage, docName, caller, (meetingId) => facilitation.session(meetingId));
    if (!allowed.ok) throw new HttpError(allowed.status, syncRefusals[allowed.status], 'docName');
    const body: SyncTicketResponse = {
      ticket: auth.issueSyncTicket(caller, docName),
      expiresInMs: syncTicketDefaults.ttlMs,
    };
    res.status(201).json(body);
  });

  router.post('/join', jsonBody, async (req, res) => {
    const body = joinBody.parse(req.body);
    const caller = await auth.authenticate(body.token);
    if (!caller) throw new HttpError(401, 'this link is unknown or no longer valid', 'token');
    // A personal token re-joining keeps its identity; a link token creates a new participant.
    if (caller.participantId) throw new HttpError(400, 'use an invite link to join', 'token');
    if (!(await joinsPerLink.take(caller.tokenHash))) {
      res.setHeader('Retry-After', String(Math.ceil(3600 / Math.max(config.joinsPerLinkPerHour, 1))));
      throw new HttpError(429, 'too many people joined with this link just now; try again in a few minutes');
    }
    const participant = await createParticipant(caller.groupId, caller.role, body.displayName);
    const response: JoinResponse = { groupId: caller.groupId, role: caller.role, ...participant };
    res.status(201).json(response);
  });

  // The token, the role and the meeting are checked before the body is read, so a stranger cannot make
  // the server buffer megabytes; the image then goes in only if the meeting's quota has room for it.
  router.post(
    '/meetings/:meetingId/assets',
    async (req, res, next) => {
      const caller = await access.caller(req);
      const meetingId = pathParam(meetingIdSchema, req.params.meetingId, 'meetingId');
      const meeting = await storage.getMeeting(meetingId);
      if (!meeting) throw new HttpError(404, 'unknown meeting');
      const inMeeting = await callerInMeeting(storage, meeting, caller);
      if (!inMeeting.ok) throw new HttpError(403, inMeeting.reason);
      if (meeting.boardDeletedAt) throw new HttpError(410, 'this meeting’s board has been deleted');
      allow(inMeeting.caller, 'board.write');
      const mimeType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!assetTypes.has(mimeType)) {
        throw new HttpError(415, 'only PNG, JPEG, GIF and WebP images can be added', 'content-type');
      }
      const upload: PendingUpload = { meetingId, mimeType };
      res.locals.upload = upload;
      next();
    },
    express.raw({ type: () => true, limit: config.maxAssetBytes }),
    async (req, res) => {
      const { meetingId, mimeType } = res.locals.upload as PendingUpload;
      const data = req.body as unknown;
      if (!(data instanceof Buffer) || data.length === 0) throw new HttpError(400, 'the image is empty');
      const id = randomId();
      const createdAt = new Date().toISOString();
      const stored = await storage.putAsset({ id, meetingId, mimeType, data, createdAt }, config.maxMeetingAssetBytes);
      if (stored === 'gone') throw new HttpError(410, 'this meeting’s board has been deleted');
      if (stored === 'full') throw new HttpError(413, 'this meeting has no room for more images');
      res.status(201).json({ src: `/api/assets/${id}` });
    },
  );

  router.get('/assets/:assetId', async (req, res) => {
    const id = String(req.params.assetId);
    const asset = /^[A-Za-z0-9_-]{8,64}$/.test(id) ? await storage.getAsset(id) : null;
    if (!asset) throw new HttpError(404, 'unknown asset');
    res.setHeader('Content-Type', asset.mimeType);
    // Meeting content: a purged board's images must not live on in browser or proxy caches.
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.send(Buffer.from(asset.data.buffer, asset.data.byteOffset, asset.data.byteLength));
  });

  const notifications = deps.notifications ?? mailOff;
  const routeDeps = { storage, auth, access, connections };
  router.use(groupRoutes({ ...routeDeps, facilitation, notifications }));
  router.use(summaryRoutes({ ...routeDeps, logger }));
  router.use(goalRoutes(routeDeps));
  router.use(actionItemRoutes(routeDeps));
  router.use(assessmentRoutes(routeDeps));
  router.use(betweenRoutes({ ...routeDeps, notifications }));
  router.use(streamRoutes(routeDeps));
  router.use(notifyRoutes({ ...routeDeps, notifications, logger }));
  router.use(mailStopRoutes(routeDeps));
  router.use(facilitationRoutes({ storage, access, facilitation, limiters }));
  router.use(debriefRoutes({ storage, auth, access, logger }));
  router.use(programRoutes({ storage, auth, access, facilitation, logger }));
  if (deps.rehearsals) router.use(rehearsalRoutes({ access, rehearsals: deps.rehearsals }));
  router.use(libraryRoutes({ storage, access, instanceLibraryOpen: config.instanceLibraryOpen }));

  router.use((_req, _res) => {
    throw new HttpError(404, 'not found');
  });

  async function createParticipant(groupId: GroupId, role: Role, displayName: string) {
    const participantId = randomId() as ParticipantId;
    const participantToken = randomToken();
    await storage.createParticipant(
      { id: participantId, groupId, role, displayName, createdAt: new Date().toISOString() },
      hashToken(participantToken),
    );
    return { participantId, participantToken };
  }

  return router;
}
