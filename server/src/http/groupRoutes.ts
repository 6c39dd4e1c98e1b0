// Group-level routes of the process API: invite-link rotation, members and their removal, the
// meeting history and ending a meeting, and the group's settings (ground rules, next meeting,
// retention).
import express, { type Router } from 'express';
import {
  CloseCode,
  groundRulesBody,
  meetingIdSchema,
  nextMeetingBody,
  participantIdSchema,
  retentionBody,
  type EndMeetingResponse,
  type GroupId,
  type GroupSettingsResponse,
  type MeetingsResponse,
  type MembersResponse,
  type RotateLinksResponse,
} from '@vermeboard/shared';
import { hashToken } from '../auth/tokens.js';
import { FacilitationClosedError, type Facilitation } from '../facilitation/Facilitation.js';
import { nextMeetingOf } from '../storage/nextMeeting.js';
import type { Storage } from '../storage/Storage.js';
import type { RouteDeps } from './deps.js';
import { HttpError } from './errors.js';
import { jsonBody, ownedBy, pathParam } from './requests.js';

export interface GroupRouteDeps extends RouteDeps {
  /** Ending a meeting goes through the facilitation engine, which also ends its session. */
  facilitation: Pick<Facilitation, 'endMeeting'>;
}

export function groupRoutes({ storage, auth, access, connections, facilitation }: GroupRouteDeps): Router {
  const router = express.Router();

  router.post('/groups/:groupId/links/rotate', async (req, res) => {
    const { groupId } = await access.group(req, 'manageMembers');
    const group = await storage.getGroup(groupId);
    if (!group) throw new HttpError(404, 'unknown group');
    const tokens = auth.linkTokens(groupId, group.linkGeneration + 1);
    const removed = await storage.rotateLinks(groupId, group.linkGeneration, {
      facilitator: hashToken(tokens.facilitator),
      member: hashToken(tokens.member),
      observer: hashToken(tokens.observer),
    });
    if (!removed) throw new HttpError(409, 'the links were rotated by someone else just now; reload to see them');
    // Anyone still connected through an old link has no valid token any more; people who joined
    // keep their personal tokens and stay connected.
    const revoked = new Set(removed);
    connections.closeConnections((a) => revoked.has(a.tokenHash), CloseCode.tokenRevoked, 'invite link rotated');
    const response: RotateLinksResponse = { tokens, links: auth.links(tokens) };
    res.json(response);
  });

  router.get('/groups/:groupId/participants', async (req, res) => {
    const { groupId } = await access.group(req, 'read');
    const [participants, meetings] = await Promise.all([
      storage.listParticipants(groupId),
      storage.listMeetings(groupId),
    ]);
    const response: MembersResponse = {
      members: participants.map((p) => ({
        id: p.id,
        displayName: p.displayName,
        role: p.role,
        joinedAt: p.createdAt,
        removed: p.removedAt !== null,
        removedAt: p.removedAt,
        facilitatedMeetings: meetings.filter((m) => m.facilitatedBy === p.id).map((m) => m.id),
      })),
    };
    res.json(response);
  });

  router.delete('/groups/:groupId/participants/:participantId', async (req, res) => {
    const caller = await access.group(req, 'manageMembers');
    const participantId = pathParam(participantIdSchema, req.params.participantId, 'participantId');
    ownedBy(await storage.getParticipant(participantId), caller.groupId, 'participantId');
    if (participantId === caller.participantId) throw new HttpError(400, 'you cannot remove yourself', 'participantId');
    // Removing twice is harmless: the second call finds nothing left to revoke.
    await storage.removeParticipant(participantId, new Date().toISOString());
    connections.closeConnections(
      (a) => a.participantId === participantId,
      CloseCode.tokenRevoked,
      'removed from the group',
    );
    res.status(204).end();
  });

  router.get('/groups/:groupId/meetings', async (req, res) => {
    const { groupId } = await access.group(req, 'read');
    const response: MeetingsResponse = {
      meetings: (await storage.listMeetings(groupId)).map((m) => ({
        id: m.id,
        createdAt: m.createdAt,
        endedAt: m.endedAt,
        facilitatedBy: m.facilitatedBy,
        boardDeletedAt: m.boardDeletedAt,
      })),
    };
    res.json(response);
  });

  router.post('/groups/:groupId/meetings/:meetingId/end', async (req, res) => {
    const { groupId } = await access.group(req, 'endMeeting');
    const meetingId = pathParam(meetingIdSchema, req.params.meetingId, 'meetingId');
    ownedBy(await storage.getMeeting(meetingId), groupId, 'meetingId');
    let endedAt: string | null;
    try {
      endedAt = await facilitation.endMeeting(meetingId);
    } catch (err) {
      if (err instanceof FacilitationClosedError) throw new HttpError(503, err.message);
      throw err;
    }
    if (!endedAt) throw new HttpError(404, 'unknown meeting', 'meetingId');
    const response: EndMeetingResponse = { meetingId, endedAt };
    res.json(response);
  });

  router.get('/groups/:groupId/settings', async (req, res) => {
    const { groupId } = await access.group(req, 'read');
    res.json(await settingsOf(storage, groupId));
  });

  router.put('/groups/:groupId/ground-rules', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'editGroupProcess');
    const body = groundRulesBody.parse(req.body);
    await storage.setGroundRules(groupId, body.rules);
    res.json(await settingsOf(storage, groupId));
  });

  router.put('/groups/:groupId/next-meeting', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'editGroupProcess');
    const body = nextMeetingBody.parse(req.body);
    await storage.setNextMeeting(groupId, body);
    res.json(await settingsOf(storage, groupId));
  });

  router.put('/groups/:groupId/retention', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'setRetention');
    const body = retentionBody.parse(req.body);
    await storage.setRetention(groupId, body.deleteBoardsAfterDays);
    res.json(await settingsOf(storage, groupId));
  });

  return router;
}

async function settingsOf(storage: Storage, groupId: GroupId): Promise<GroupSettingsResponse> {
  const s = await storage.getGroupSettings(groupId);
  if (!s) throw new HttpError(404, 'unknown group');
  return {
    locale: s.locale,
    groundRules: s.groundRules,
    nextMeeting: nextMeetingOf(s),
    deleteBoardsAfterDays: s.deleteBoardsAfterDays,
  };
}
