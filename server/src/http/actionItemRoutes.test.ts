// Action items through the real API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionItem, ActionItemsResponse } from '@vermeboard/shared';
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

const create = (token: string, body: unknown) => server.api(f.path('/action-items'), { token, body });
const patch = (token: string, id: string, body: unknown) =>
  server.api(f.path(`/action-items/${id}`), { method: 'PATCH', token, body });
const list = async (status = '') =>
  ((await server.api(f.path(`/action-items${status}`), { token: f.group.tokens.observer })).body as ActionItemsResponse)
    .actionItems;

describe('action items', () => {
  it('are created from a meeting with an owner and a due date, edited, ticked off and reopened', async () => {
    const anna = f.members[0]!;
    const res = await create(anna.participantToken, {
      meetingId: f.meetingId,
      text: 'Call the funder',
      ownerParticipantId: anna.participantId,
      dueDate: '2026-04-01',
      sourceShapeId: 'shape:a1b2c3',
    });
    expect(res.status).toBe(201);
    const item = res.body as ActionItem;
    expect(item).toEqual({
      id: expect.any(String),
      meetingId: f.meetingId,
      text: 'Call the funder',
      ownerParticipantId: anna.participantId,
      ownerName: 'Anna',
      dueDate: '2026-04-01',
      doneAt: null,
      sourceShapeId: 'shape:a1b2c3',
      createdAt: expect.any(String),
    });
    const bare = (await create(f.facilitator, { meetingId: f.meetingId, text: 'Book a room' })).body as ActionItem;
    expect(bare).toMatchObject({ ownerParticipantId: null, dueDate: null, sourceShapeId: null });
    expect(bare).not.toHaveProperty('ownerName');

    const done = await patch(f.group.tokens.member, item.id, { done: true });
    expect((done.body as ActionItem).doneAt).not.toBeNull();
    expect((await list('?status=open')).map((a) => a.id)).toEqual([bare.id]);
    expect((await list()).map((a) => a.id)).toEqual([item.id, bare.id]);

    const reopened = await patch(f.facilitator, item.id, {
      done: false,
      text: 'Call the funder again',
      dueDate: null,
      ownerParticipantId: f.members[1]!.participantId,
    });
    expect(reopened.body).toMatchObject({
      doneAt: null,
      text: 'Call the funder again',
      dueDate: null,
      ownerName: 'Ben',
    });
    expect(await list('?status=open')).toHaveLength(2);
  });

  it('keeps observers and other groups out and validates every field', async () => {
    const body = { meetingId: f.meetingId, text: 'x' };
    expect((await create(f.observer.participantToken, body)).status).toBe(403);
    expect((await create(f.group.tokens.observer, body)).status).toBe(403);
    const other = await createGroupFixture(server);
    expect((await create(other.facilitator, body)).status).toBe(403);
    expect(await create(f.facilitator, { ...body, meetingId: other.meetingId })).toMatchObject({
      status: 400,
      body: { field: 'meetingId' },
    });
    expect(await create(f.facilitator, { ...body, ownerParticipantId: other.members[0]!.participantId })).toMatchObject(
      { status: 400, body: { field: 'ownerParticipantId' } },
    );
    expect(await create(f.facilitator, { ...body, dueDate: 'tomorrow' })).toMatchObject({
      status: 400,
      body: { field: 'dueDate' },
    });
    expect(await create(f.facilitator, { ...body, text: 'x'.repeat(501) })).toMatchObject({
      status: 400,
      body: { field: 'text' },
    });
    expect(await create(f.facilitator, { ...body, sourceShapeId: '<script>' })).toMatchObject({
      status: 400,
      body: { field: 'sourceShapeId' },
    });
    expect(await server.api(f.path('/action-items?status=late'), { token: f.facilitator })).toMatchObject({
      status: 400,
      body: { field: 'status' },
    });

    const id = ((await create(f.facilitator, body)).body as ActionItem).id;
    expect((await patch(f.observer.participantToken, id, { done: true })).status).toBe(403);
    expect(await patch(f.facilitator, id, { done: 'yes' })).toMatchObject({ status: 400, body: { field: 'done' } });
    expect((await patch(f.facilitator, id, { groupId: 'x' })).status).toBe(400);
    expect((await patch(f.facilitator, 'AAAAAAAAAAAAAAAAAAAAAA', { done: true })).status).toBe(404);
    expect(
      (
        await server.api(other.path(`/action-items/${id}`), {
          method: 'PATCH',
          token: other.facilitator,
          body: { done: true },
        })
      ).status,
    ).toBe(404);
  });

  it('refuses a removed participant as owner', async () => {
    const anna = f.members[0]!;
    await server.api(f.path(`/participants/${anna.participantId}`), { method: 'DELETE', token: f.facilitator });
    const res = await create(f.facilitator, {
      meetingId: f.meetingId,
      text: 'x',
      ownerParticipantId: anna.participantId,
    });
    expect(res).toMatchObject({ status: 400, body: { field: 'ownerParticipantId' } });
  });
});
