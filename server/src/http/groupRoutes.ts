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
  type RemoveParticipantResponse,
  type RotateLinksResponse,
} from '@vermeboard/shared';
import { hashToken } from '../auth/tokens.js';
import { planNextMeeting } from '../between/seasonPlan.js';
import type { Facilitation } from '../facilitation/Facilitation.js';
import { nextMeetingOf } from '../storage/nextMeeting.js';
import type { Storage } from '../storage/Storage.js';
import type { Notifications } from '../notifications/notifications.js';
import type { RouteDeps } from './deps.js';
import { commandOutcome, HttpError } from './errors.js';
import { jsonBody, ownedBy, pathParam } from './requests.js';

export interface GroupRouteDeps extends RouteDeps {
  /** Ending a meeting goes through the facilitation engine, which also ends its session. */
  facilitation: Pick<Facilitation, 'endMeeting'>;
  /** Agreeing on the next meeting books it, and the booking is mailed. */
  notifications: Pick<Notifications, 'booked'>;
}

export function groupRoutes({
  storage,
  auth,
  access,
  connections,
  facilitation,
  notifications,
}: GroupRouteDeps): Router {
  const router = express.Router();

  /**
   * Issues the next generation of the three invite links, and disconnects anyone still connected
   * through an old one; people who joined keep their personal tokens and stay connected.
   */
  async function renewLinks(groupId: GroupId, reason: string): Promise<RotateLinksResponse | null> {
    const group = await storage.getGroup(groupId);
    if (!group) throw new HttpError(404, 'unknown group');
    const tokens = auth.linkTokens(groupId, group.linkGeneration + 1);
    const removed = await storage.rotateLinks(groupId, group.linkGeneration, {
      facilitator: hashToken(tokens.facilitator),
      member: hashToken(tokens.member),
      observer: hashToken(tokens.observer),
    });
    if (!removed) return null;
    connections.closeSelected({ tokenHashes: removed }, CloseCode.tokenRevoked, reason);
    return { tokens, links: auth.links(tokens) };
  }

  router.post('/groups/:groupId/links/rotate', async (req, res) => {
    const { groupId } = await access.group(req, 'members.manage');
    const renewed = await renewLinks(groupId, 'invite link rotated');
    if (!renewed) throw new HttpError(409, 'the links were rotated by someone else just now; reload to see them');
    res.json(renewed);
  });

  async function currentLinks(groupId: GroupId): Promise<RotateLinksResponse> {
    const group = await storage.getGroup(groupId);
    if (!group) throw new HttpError(404, 'unknown group');
    const tokens = auth.linkTokens(groupId, group.linkGeneration);
    return { tokens, links: auth.links(tokens) };
  }

  router.get('/groups/:groupId/participants', async (req, res) => {
    const { groupId } = await access.group(req, 'group.read');
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
    const caller = await access.group(req, 'members.manage');
    const participantId = pathParam(participantIdSchema, req.params.participantId, 'participantId');
    ownedBy(await storage.getParticipant(participantId), caller.groupId, 'participantId');
    if (participantId === caller.participantId) throw new HttpError(400, 'you cannot remove yourself', 'participantId');
    // Removing twice is harmless: the second call finds nothing left to revoke and renews nothing.
    const removedNow = await storage.removeParticipant(participantId, new Date().toISOString());
    connections.closeSelected({ participantId }, CloseCode.tokenRevoked, 'removed from the group');
    // The links are in the removed person's browser too: without new ones they could join again at
    // once under a fresh name. A concurrent rotation has renewed them already; then read those.
    const renewed =
      (removedNow ? await renewLinks(caller.groupId, 'a participant was removed') : null) ??
      (await currentLinks(caller.groupId));
    res.json(renewed satisfies RemoveParticipantResponse);
  });

  router.get('/groups/:groupId/meetings', async (req, res) => {
    const { groupId } = await access.group(req, 'group.read');
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

  // The same `endMeeting` command as the facilitator's button, run as the caller: after a hand-over
  // the session's facilitator may end the meeting, and the previous one may not.
  router.post('/groups/:groupId/meetings/:meetingId/end', async (req, res) => {
    const caller = await access.group(req, 'group.read');
    const meetingId = pathParam(meetingIdSchema, req.params.meetingId, 'meetingId');
    const meeting = ownedBy(await storage.getMeeting(meetingId), caller.groupId, 'meetingId');
    if (meeting.boardDeletedAt) throw new HttpError(409, 'this meeting ended long ago and its board is deleted');
    const outcome = await commandOutcome(facilitation.endMeeting(meetingId, caller));
    const response: EndMeetingResponse = { meetingId, endedAt: outcome.endedAt };
    res.json(response);
  });

  router.get('/groups/:groupId/settings', async (req, res) => {
    const { groupId } = await access.group(req, 'group.read');
    res.json(await settingsOf(storage, groupId));
  });

  router.put('/groups/:groupId/ground-rules', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'groupProcess.edit');
    const body = groundRulesBody.parse(req.body);
    await storage.setGroundRules(groupId, body.rules);
    res.json(await settingsOf(storage, groupId));
  });

  router.put('/groups/:groupId/next-meeting', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'groupProcess.edit');
    const body = nextMeetingBody.parse(req.body);
    await storage.setNextMeeting(groupId, body);
    const planned = await planNextMeeting(storage, groupId, body);
    if (planned) notifications.booked(planned);
    res.json(await settingsOf(storage, groupId));
  });

  router.put('/groups/:groupId/retention', jsonBody, async (req, res) => {
    const { groupId } = await access.group(req, 'retention.set');
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
