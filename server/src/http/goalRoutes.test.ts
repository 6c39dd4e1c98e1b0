// Goals and progress notes through the real API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Goal, GoalsResponse, ProgressNote, ProgressNotesResponse } from '@vermeboard/shared';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { createGroupFixture, type GroupFixture } from './groupFixture.testkit.js';

let server: TestServer;
let f: GroupFixture;
beforeEach(async () => {
  server = await startTestServer();
  f = await createGroupFixture(server);
});
afterEach(async () => {
  await server.close();
});

const addGoal = (token: string, text: unknown) => server.api(f.path('/goals'), { token, body: { text } });
const listGoals = async (token = f.group.tokens.observer, query = '') =>
  ((await server.api(f.path(`/goals${query}`), { token })).body as GoalsResponse).goals;

describe('goals', () => {
  it('lets facilitator and members add up to three and refuses a fourth with the reason', async () => {
    expect((await addGoal(f.facilitator, 'Submit two funding proposals')).status).toBe(201);
    expect((await addGoal(f.members[0]!.participantToken, 'Lead a project meeting')).status).toBe(201);
    expect((await addGoal(f.group.tokens.member, 'Delegate more')).status).toBe(201);
    const fourth = await addGoal(f.facilitator, 'One more');
    expect(fourth.status).toBe(400);
    expect((fourth.body as { error: string }).error).toMatch(/at most 3 active goals.*recalled/);
    expect((await listGoals()).map((g) => [g.text, g.position])).toEqual([
      ['Submit two funding proposals', 0],
      ['Lead a project meeting', 1],
      ['Delegate more', 2],
    ]);
  });

  it('keeps observers and other groups out, and validates the text', async () => {
    expect((await addGoal(f.observer.participantToken, 'x')).status).toBe(403);
    expect((await addGoal(f.group.tokens.observer, 'x')).status).toBe(403);
    const other = await createGroupFixture(server);
    expect((await addGoal(other.facilitator, 'x')).status).toBe(403);
    expect((await server.api(f.path('/goals'))).status).toBe(401);
    expect(await addGoal(f.facilitator, '')).toMatchObject({ status: 400, body: { field: 'text' } });
    expect(await addGoal(f.facilitator, 'x'.repeat(301))).toMatchObject({ status: 400, body: { field: 'text' } });
    expect(await addGoal(f.facilitator, 42)).toMatchObject({ status: 400, body: { field: 'text' } });
  });

  it('edits, reorders and archives; an archived goal frees a place', async () => {
    const ids: string[] = [];
    for (const text of ['A', 'B', 'C']) ids.push(((await addGoal(f.facilitator, text)).body as Goal).id);
    const member = f.members[0]!.participantToken;

    const edited = await server.api(f.path(`/goals/${ids[1]}`), {
      method: 'PATCH',
      token: member,
      body: { text: 'B, concretely' },
    });
    expect(edited).toMatchObject({ status: 200, body: { id: ids[1], text: 'B, concretely' } });
    expect(
      (
        await server.api(f.path(`/goals/${ids[1]}`), {
          method: 'PATCH',
          token: f.group.tokens.observer,
          body: { text: 'no' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await server.api(f.path('/goals/AAAAAAAAAAAAAAAAAAAAAA'), {
          method: 'PATCH',
          token: member,
          body: { text: 'no' },
        })
      ).status,
    ).toBe(404);

    const order = (goalIds: unknown) =>
      server.api(f.path('/goals/order'), { method: 'PUT', token: member, body: { goalIds } });
    expect(await order([ids[2], ids[0]])).toMatchObject({ status: 400, body: { field: 'goalIds' } });
    const reordered = await order([ids[2], ids[0], ids[1]]);
    expect((reordered.body as GoalsResponse).goals.map((g) => g.text)).toEqual(['C', 'A', 'B, concretely']);

    const archived = await server.api(f.path(`/goals/${ids[2]}/archive`), { method: 'POST', token: member });
    expect(archived.status).toBe(200);
    expect((archived.body as Goal).archivedAt).not.toBeNull();
    expect((await listGoals()).map((g) => [g.text, g.position])).toEqual([
      ['A', 0],
      ['B, concretely', 1],
    ]);
    expect((await addGoal(f.facilitator, 'D')).status).toBe(201);
    expect((await listGoals(f.facilitator, '?include=archived')).map((g) => g.text)).toEqual([
      'A',
      'B, concretely',
      'D',
      'C',
    ]);

    // Another group's goal looks unknown.
    const other = await createGroupFixture(server);
    const theirs = ((await addGoal(other.facilitator, 'Theirs')).body as Goal).id;
    expect(
      (await server.api(f.path(`/goals/${theirs}/archive`), { method: 'POST', token: f.facilitator })).status,
    ).toBe(404);
  });
});

describe('progress notes', () => {
  it('records the author from the personal token and lists notes per goal with name and meeting', async () => {
    const goalId = ((await addGoal(f.facilitator, 'Funding')).body as Goal).id;
    const note = (token: string, body: unknown) => server.api(f.path(`/goals/${goalId}/progress`), { token, body });
    const anna = f.members[0]!;
    const added = await note(anna.participantToken, {
      meetingId: f.meetingId,
      text: 'Sent the first draft.\nWaiting.',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      participantId: anna.participantId,
      authorName: 'Anna',
      meetingId: f.meetingId,
      text: 'Sent the first draft.\nWaiting.',
    });
    await note(f.facilitator, { meetingId: f.meetingId, text: 'Read it.' });

    const list = await server.api(f.path(`/goals/${goalId}/progress`), { token: f.group.tokens.observer });
    expect((list.body as ProgressNotesResponse).notes.map((n: ProgressNote) => [n.authorName, n.text])).toEqual([
      ['Anna', 'Sent the first draft.\nWaiting.'],
      ['Kaisa', 'Read it.'],
    ]);
  });

  it('needs a personal token of a contributor and a meeting of the group', async () => {
    const goalId = ((await addGoal(f.facilitator, 'Funding')).body as Goal).id;
    const note = (token: string, body: unknown, id: string = goalId) =>
      server.api(f.path(`/goals/${id}/progress`), { token, body });
    const body = { meetingId: f.meetingId, text: 'x' };
    expect((await note(f.group.tokens.member, body)).status).toBe(403);
    expect((await note(f.observer.participantToken, body)).status).toBe(403);
    expect((await note(f.facilitator, body, 'AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    const other = await createGroupFixture(server);
    expect(await note(f.facilitator, { meetingId: other.meetingId, text: 'x' })).toMatchObject({
      status: 400,
      body: { field: 'meetingId' },
    });
    expect(await note(f.facilitator, { meetingId: f.meetingId, text: 'x'.repeat(2001) })).toMatchObject({
      status: 400,
      body: { field: 'text' },
    });
  });
});
