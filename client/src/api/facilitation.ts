// The facilitation endpoints (shared/src/facilitation/wire.ts): commands, the server's clock and
// this participant's own dot-vote ballots.
import {
  commandResponseSchema,
  goalsResponseSchema,
  myBallotsResponseSchema,
  timeResponseSchema,
  type ClientCommand,
  type CommandResponse,
  type GroupId,
  type MeetingId,
  type MyBallotsResponse,
} from '@vermeboard/shared';
import { request } from './client.js';

function meetingPath(meetingId: MeetingId, rest: string): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}/${rest}`;
}

export function postCommand(meetingId: MeetingId, token: string, command: ClientCommand): Promise<CommandResponse> {
  return request(meetingPath(meetingId, 'commands'), commandResponseSchema, {
    method: 'POST',
    token,
    body: { command },
  });
}

export async function getServerTime(signal?: AbortSignal): Promise<number> {
  const { now } = await request('/api/time', timeResponseSchema, signal ? { signal } : {});
  return now;
}

export function getMyBallots(meetingId: MeetingId, token: string, signal?: AbortSignal): Promise<MyBallotsResponse> {
  return request(meetingPath(meetingId, 'ballots/mine'), myBallotsResponseSchema, { token, ...(signal && { signal }) });
}

/** The group's active goals in their order, for the goal recap's cards. */
export async function getGoals(groupId: GroupId, token: string): Promise<{ id: string; text: string }[]> {
  const { goals } = await request(`/api/groups/${encodeURIComponent(groupId)}/goals`, goalsResponseSchema, { token });
  return goals
    .filter((g) => g.archivedAt === null)
    .sort((a, b) => a.position - b.position)
    .map((g) => ({ id: g.id, text: g.text }));
}
