// A program made through the real API, with one group created inside it and one existing group
// that accepted the program's request: for the program API tests.
import { expect } from 'vitest';
import {
  createProgramGroupResponseSchema,
  createProgramResponseSchema,
  type CreateProgramResponse,
  type GroupId,
} from '@vermeboard/shared';
import type { TestServer } from '../testServer.testkit.js';
import { createGroupFixture, type GroupFixture } from './groupFixture.testkit.js';

export interface ProgramFixture {
  program: CreateProgramResponse;
  /** The coordinator's token (the coordinator link's). */
  coordinator: string;
  /** An existing group that was asked and accepted, with people and a running meeting. */
  attached: GroupFixture;
  /** A second existing group in the program, also with people and a running meeting. */
  second: GroupFixture;
  /** `/api/programs/<id><rest>` */
  path(rest: string): string;
}

export async function createProgram(server: TestServer, name = 'Leadership 2026'): Promise<CreateProgramResponse> {
  const res = await server.api('/api/programs', { body: { name, coordinatorName: 'Riikka' } });
  expect(res.status).toBe(201);
  return createProgramResponseSchema.parse(res.body);
}

/** Asks `group` to join and has its facilitator accept. */
export async function attachGroup(server: TestServer, program: CreateProgramResponse, group: GroupFixture) {
  const asked = await server.api(`/api/programs/${program.programId}/attach-requests`, {
    token: program.coordinatorToken,
    body: { groupId: group.group.groupId },
  });
  expect(asked.status).toBe(202);
  const accepted = await server.api(group.path(`/program-requests/${program.programId}`), {
    token: group.facilitator,
    body: { accept: true },
  });
  expect(accepted.status).toBe(204);
}

export async function createProgramFixture(server: TestServer): Promise<ProgramFixture> {
  const program = await createProgram(server);
  const attached = await createGroupFixture(server, { members: ['Anna', 'Ben'] });
  const second = await createGroupFixture(server, { members: ['Carla', 'David'] });
  await attachGroup(server, program, attached);
  await attachGroup(server, program, second);
  return {
    program,
    coordinator: program.coordinatorToken,
    attached,
    second,
    path: (rest) => `/api/programs/${program.programId}${rest}`,
  };
}

/** Creates a group inside the program; returns its id and the facilitator link to hand on. */
export async function createGroupInProgram(
  server: TestServer,
  p: ProgramFixture,
  name: string,
): Promise<{ groupId: GroupId; facilitatorLink: string }> {
  const res = await server.api(p.path('/groups'), { token: p.coordinator, body: { name } });
  expect(res.status).toBe(201);
  return createProgramGroupResponseSchema.parse(res.body);
}
