// The facilitation endpoints (shared/src/facilitation/wire.ts): commands, the server's clock and
// this participant's own dot-vote ballots.
import type {
  ClientCommand,
  CommandResponse,
  GroupId,
  MeetingId,
  MyBallotsResponse,
  TimeResponse,
} from '@vermeboard/shared';
import { shapeIdSchema, voteIdSchema } from '@vermeboard/shared';
import { z } from 'zod';
import { request } from './client.js';

const commandResponse: z.ZodType<CommandResponse> = z.object({ ok: z.literal(true) });
const timeResponse: z.ZodType<TimeResponse> = z.object({ now: z.number().finite() });
const myBallotsResponse: z.ZodType<MyBallotsResponse> = z.object({
  votes: z.record(voteIdSchema, z.array(shapeIdSchema)),
});

function meetingPath(meetingId: MeetingId, rest: string): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}/${rest}`;
}

export function postCommand(meetingId: MeetingId, token: string, command: ClientCommand): Promise<CommandResponse> {
  return request(meetingPath(meetingId, 'commands'), commandResponse, {
    method: 'POST',
    token,
    body: { command },
  });
}

export async function getServerTime(signal?: AbortSignal): Promise<number> {
  const { now } = await request('/api/time', timeResponse, signal ? { signal } : {});
  return now;
}

export function getMyBallots(meetingId: MeetingId, token: string, signal?: AbortSignal): Promise<MyBallotsResponse> {
  return request(meetingPath(meetingId, 'ballots/mine'), myBallotsResponse, { token, ...(signal && { signal }) });
}

const goalsResponse = z.object({
  goals: z.array(
    z.object({ id: z.string(), text: z.string(), position: z.number(), archivedAt: z.string().nullable() }),
  ),
});

/** The group's active goals in their order, for the goal recap's cards. */
export async function getGoals(groupId: GroupId, token: string): Promise<{ id: string; text: string }[]> {
  const { goals } = await request(`/api/groups/${encodeURIComponent(groupId)}/goals`, goalsResponse, { token });
  return goals
    .filter((g) => g.archivedAt === null)
    .sort((a, b) => a.position - b.position)
    .map((g) => ({ id: g.id, text: g.text }));
}
