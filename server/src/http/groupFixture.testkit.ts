// A group with people in it, made through the real API, for the process API tests.
import { expect } from 'vitest';
import {
  createGroupResponseSchema,
  createMeetingResponseSchema,
  joinResponseSchema,
  type CreateGroupResponse,
  type GroupLocale,
  type JoinResponse,
  type MeetingId,
} from '@vermeboard/shared';
import type { TestServer } from '../testServer.testkit.js';

export interface GroupFixture {
  group: CreateGroupResponse;
  /** The facilitator's personal token (the group's creator). */
  facilitator: string;
  members: JoinResponse[];
  observer: JoinResponse;
  meetingId: MeetingId;
  /** `/api/groups/<id><rest>` */
  path(rest: string): string;
}

export async function createGroupFixture(
  server: Pick<TestServer, 'api'>,
  opts: { members?: string[]; locale?: GroupLocale } = {},
): Promise<GroupFixture> {
  const created = await server.api('/api/groups', {
    body: { name: 'Project leads', facilitatorName: 'Kaisa', ...(opts.locale ? { locale: opts.locale } : {}) },
  });
  expect(created.status).toBe(201);
  const group = createGroupResponseSchema.parse(created.body);
  const join = async (token: string, displayName: string) => {
    const res = await server.api('/api/join', { body: { token, displayName } });
    expect(res.status).toBe(201);
    return joinResponseSchema.parse(res.body);
  };
  const members: JoinResponse[] = [];
  for (const name of opts.members ?? ['Anna', 'Ben']) members.push(await join(group.tokens.member, name));
  const observer = await join(group.tokens.observer, 'Olli');
  const meeting = await server.api(`/api/groups/${group.groupId}/meetings`, {
    method: 'POST',
    token: group.participantToken,
  });
  expect(meeting.status).toBe(201);
  return {
    group,
    facilitator: group.participantToken,
    members,
    observer,
    meetingId: createMeetingResponseSchema.parse(meeting.body).meetingId,
    path: (rest) => `/api/groups/${group.groupId}${rest}`,
  };
}
