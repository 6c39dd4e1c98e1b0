// The between-meetings stream through the real API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StreamResponse } from '@vermeboard/shared';
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

const post = (token: string, body: unknown) => server.api(f.path('/stream'), { token, body });
const posts = (res: { body: unknown }) => (res.body as StreamResponse).posts;

describe('the stream', () => {
  it('takes lines and replies as their authors, thanks once per person, and pins by the facilitator', async () => {
    const [anna, ben] = f.members.map((m) => m.participantToken) as [string, string];
    const first = await post(anna, { text: '  Sent the draft to the foundation!  ' });
    expect(first.status).toBe(201);
    const [line] = posts(first);
    expect(line).toMatchObject({ text: 'Sent the draft to the foundation!', authorName: 'Anna', parentId: null });
    expect(posts(await post(ben, { text: 'Well done', parentId: line!.id }))[1]).toMatchObject({
      parentId: line!.id,
      authorName: 'Ben',
    });
    const thanked = await server.api(f.path(`/stream/${line!.id}/thanks`), {
      method: 'PUT',
      token: ben,
      body: { thanks: true },
    });
    await server.api(f.path(`/stream/${line!.id}/thanks`), { method: 'PUT', token: ben, body: { thanks: true } });
    expect(posts(thanked)[0]).toMatchObject({ thanks: 1, thankedByMe: true });
    const seenByAnna = posts(await server.api(f.path('/stream'), { token: anna }));
    expect(seenByAnna[0]).toMatchObject({ thanks: 1, thankedByMe: false });

    const pin = (token: string) =>
      server.api(f.path(`/stream/${line!.id}/pin`), { method: 'PUT', token, body: { pinned: true } });
    expect((await pin(anna)).status).toBe(403);
    expect(posts(await pin(f.facilitator))[0]!.pinnedAt).not.toBeNull();

    // Observers read but do not post; shared links have no author; bounded text.
    expect((await post(f.observer.participantToken, { text: 'hi' })).status).toBe(403);
    expect((await post(f.group.tokens.member, { text: 'hi' })).status).toBe(403);
    expect((await post(anna, { text: 'x'.repeat(501) })).status).toBe(400);
    expect((await post(anna, { text: '   ' })).status).toBe(400);
    const reply = posts(await server.api(f.path('/stream'), { token: anna }))[1]!;
    expect((await post(anna, { text: 'deeper', parentId: reply.id })).status).toBe(400);

    // Ben may not remove Anna's line; Anna may; the facilitator may remove anyone's.
    expect((await server.api(f.path(`/stream/${line!.id}`), { method: 'DELETE', token: ben })).status).toBe(403);
    expect((await server.api(f.path(`/stream/${reply.id}`), { method: 'DELETE', token: ben })).status).toBe(200);
    const gone = await server.api(f.path(`/stream/${line!.id}`), { method: 'DELETE', token: f.facilitator });
    expect(posts(gone)).toEqual([]);
  });

  it('shows the goal recap what was posted since the last meeting ended', async () => {
    const anna = f.members[0]!.participantToken;
    await post(anna, { text: 'Before the meeting ended' });
    const since = () => server.api(f.path('/stream/since-last-meeting'), { token: f.observer.participantToken });
    // No meeting has ended yet: everything counts.
    expect(posts(await since()).map((p) => p.text)).toEqual(['Before the meeting ended']);
    const ended = await server.api(f.path(`/meetings/${f.meetingId}/end`), { method: 'POST', token: f.facilitator });
    expect(ended.status).toBe(200);
    await post(anna, { text: 'Progress after it' });
    expect(posts(await since()).map((p) => p.text)).toEqual(['Progress after it']);
  });
});
