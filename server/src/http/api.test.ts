import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateGroupResponse, GroupResponse, JoinResponse } from '@vermeboard/shared';
import { startTestServer, type TestServer } from '../testServer.testkit.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ MAX_ASSET_BYTES: '1024', MAX_MEETING_ASSET_BYTES: '2048' });
});
afterEach(async () => {
  await server.close();
});

async function createGroup(name = 'Project leads', facilitatorName = 'Kaisa') {
  const res = await server.api('/api/groups', { body: { name, facilitatorName } });
  expect(res.status).toBe(201);
  return res.body as CreateGroupResponse;
}

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await server.api('/healthz')).status).toBe(200);
    expect((await server.api('/readyz')).status).toBe(200);
  });

  it('sends security headers', async () => {
    const res = await server.api('/healthz');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('POST /api/groups', () => {
  it('creates a group with three role links and joins the creator as facilitator', async () => {
    const g = await createGroup();
    expect(g.groupId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    for (const role of ['facilitator', 'member', 'observer'] as const) {
      expect(g.tokens[role]).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(g.links[role]).toBe(`/join/${g.tokens[role]}`);
    }
    expect(new Set(Object.values(g.tokens)).size).toBe(3);
    const me = await server.api(`/api/groups/${g.groupId}`, { token: g.participantToken });
    expect(me.body).toMatchObject({ role: 'facilitator', participant: { id: g.participantId, displayName: 'Kaisa' } });
  });

  it('names the bad field', async () => {
    const missing = await server.api('/api/groups', { body: { name: 'x' } });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ field: 'facilitatorName' });
    const empty = await server.api('/api/groups', { body: { name: '   ', facilitatorName: 'A' } });
    expect(empty.body).toMatchObject({ field: 'name' });
    const long = await server.api('/api/groups', { body: { name: 'x'.repeat(500), facilitatorName: 'A' } });
    expect(long.body).toMatchObject({ field: 'name' });
    const wrongType = await server.api('/api/groups', { body: { name: 5, facilitatorName: 'A' } });
    expect(wrongType.body).toMatchObject({ field: 'name' });
  });

  it('answers invalid JSON with 400 and no stack trace', async () => {
    const res = await server.api('/api/groups', { body: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'the request body is not valid JSON' });
  });
});

describe('meetings', () => {
  it('lets only the facilitator start a meeting', async () => {
    const g = await createGroup();
    const byLink = await server.api(`/api/groups/${g.groupId}/meetings`, {
      method: 'POST',
      token: g.tokens.facilitator,
    });
    expect(byLink.status).toBe(201);
    const firstId = (byLink.body as { meetingId: string }).meetingId;
    await server.api(`/api/groups/${g.groupId}/meetings/${firstId}/end`, {
      method: 'POST',
      token: g.tokens.facilitator,
    });
    const byPerson = await server.api(`/api/groups/${g.groupId}/meetings`, {
      method: 'POST',
      token: g.participantToken,
    });
    expect(byPerson.status).toBe(201);
    expect(
      (await server.api(`/api/groups/${g.groupId}/meetings`, { method: 'POST', token: g.tokens.member })).status,
    ).toBe(403);
    expect(
      (await server.api(`/api/groups/${g.groupId}/meetings`, { method: 'POST', token: g.tokens.observer })).status,
    ).toBe(403);
    expect((await server.api(`/api/groups/${g.groupId}/meetings`, { method: 'POST' })).status).toBe(401);
    expect(
      (await server.api(`/api/groups/${g.groupId}/meetings`, { method: 'POST', token: 'AAAAAAAAAAAAAAAAAAAAAA' }))
        .status,
    ).toBe(401);

    const other = await createGroup('Other');
    expect(
      (await server.api(`/api/groups/${g.groupId}/meetings`, { method: 'POST', token: other.tokens.facilitator }))
        .status,
    ).toBe(403);

    const group = (await server.api(`/api/groups/${g.groupId}`, { token: g.tokens.member })).body as GroupResponse;
    expect(group.meetings).toHaveLength(2);
    expect(group.role).toBe('member');
    expect(group.links).toBeUndefined();
    expect(group.meetings[0]!.id).toBe(firstId);
  });

  it('refuses a second meeting while one runs, and names the running one', async () => {
    const g = await createGroup();
    const start = () =>
      server.api(`/api/groups/${g.groupId}/meetings`, { method: 'POST', token: g.tokens.facilitator });
    const first = await start();
    const meetingId = (first.body as { meetingId: string }).meetingId;
    const second = await start();
    expect(second.status).toBe(409);
    const read = async () =>
      ((await server.api(`/api/groups/${g.groupId}`, { token: g.tokens.member })).body as GroupResponse)
        .runningMeetingId;
    expect(await read()).toBe(meetingId);
    await server.api(`/api/groups/${g.groupId}/meetings/${meetingId}/end`, {
      method: 'POST',
      token: g.tokens.facilitator,
    });
    expect(await read()).toBeNull();
    expect((await start()).status).toBe(201);
  });

  it('shows a group only to its own tokens', async () => {
    const g = await createGroup();
    const other = await createGroup('Other');
    expect((await server.api(`/api/groups/${g.groupId}`, { token: other.tokens.member })).status).toBe(403);
    expect((await server.api(`/api/groups/${g.groupId}`)).status).toBe(401);
    const facilitatorView = (await server.api(`/api/groups/${g.groupId}`, { token: g.tokens.facilitator }))
      .body as GroupResponse;
    expect(facilitatorView.tokens).toEqual(g.tokens);
  });
});

describe('POST /api/join', () => {
  it('turns a link into a personal participant token with the link role', async () => {
    const g = await createGroup();
    const res = await server.api('/api/join', { body: { token: g.tokens.member, displayName: ' Anna ' } });
    expect(res.status).toBe(201);
    const joined = res.body as JoinResponse;
    expect(joined).toMatchObject({ groupId: g.groupId, role: 'member' });
    expect(joined.participantToken).not.toBe(g.tokens.member);
    const me = (await server.api(`/api/groups/${g.groupId}`, { token: joined.participantToken })).body as GroupResponse;
    expect(me.participant).toEqual({ id: joined.participantId, displayName: 'Anna' });

    const observer = (await server.api('/api/join', { body: { token: g.tokens.observer, displayName: 'Olli' } }))
      .body as JoinResponse;
    expect(observer.role).toBe('observer');
  });

  it('refuses unknown links and bad names', async () => {
    const g = await createGroup();
    const unknown = await server.api('/api/join', { body: { token: 'AAAAAAAAAAAAAAAAAAAAAA', displayName: 'A' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ field: 'token' });
    const noName = await server.api('/api/join', { body: { token: g.tokens.member, displayName: '' } });
    expect(noName.status).toBe(400);
    expect(noName.body).toMatchObject({ field: 'displayName' });
  });

  it('keeps links and people across a restart', async () => {
    const g = await createGroup();
    const joined = (await server.api('/api/join', { body: { token: g.tokens.member, displayName: 'Anna' } }))
      .body as JoinResponse;
    server = await server.restart();
    expect((await server.api(`/api/groups/${g.groupId}`, { token: joined.participantToken })).status).toBe(200);
    const view = (await server.api(`/api/groups/${g.groupId}`, { token: g.tokens.facilitator })).body as GroupResponse;
    expect(view.tokens).toEqual(g.tokens);
  });
});

describe('assets', () => {
  it('stores an image and serves it back, within the size limit', async () => {
    const g = await createGroup();
    const { meetingId } = (
      await server.api(`/api/groups/${g.groupId}/meetings`, { method: 'POST', token: g.tokens.facilitator })
    ).body as { meetingId: string };
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    const up = await server.api(`/api/meetings/${meetingId}/assets`, {
      token: g.tokens.member,
      body: png,
      headers: { 'content-type': 'image/png' },
    });
    expect(up.status).toBe(201);
    const src = (up.body as { src: string }).src;
    const res = await fetch(server.url + src);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);

    const big = await server.api(`/api/meetings/${meetingId}/assets`, {
      token: g.tokens.member,
      body: new Uint8Array(2048),
      headers: { 'content-type': 'image/png' },
    });
    expect(big.status).toBe(413);
    const svg = await server.api(`/api/meetings/${meetingId}/assets`, {
      token: g.tokens.member,
      body: '<svg/>',
      headers: { 'content-type': 'image/svg+xml' },
    });
    expect(svg.status).toBe(415);
    const observer = await server.api(`/api/meetings/${meetingId}/assets`, {
      token: g.tokens.observer,
      body: png,
      headers: { 'content-type': 'image/png' },
    });
    expect(observer.status).toBe(403);
  });

  it('keeps meeting images out of long-lived caches', async () => {
    const g = await createGroup();
    const meetingId = await startMeeting(g);
    const up = await uploadPng(meetingId, g.tokens.member, 8);
    const res = await fetch(server.url + (up.body as { src: string }).src);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('refuses images past the meeting’s quota, and counts per meeting', async () => {
    const g = await createGroup();
    const meetingId = await startMeeting(g);
    expect((await uploadPng(meetingId, g.tokens.member, 1000)).status).toBe(201);
    expect((await uploadPng(meetingId, g.tokens.member, 1000)).status).toBe(201);
    const over = await uploadPng(meetingId, g.tokens.member, 100);
    expect(over.status).toBe(413);
    expect((over.body as { error: string }).error).toMatch(/no room for more images/);
    // Another meeting of the same group has its own quota.
    expect((await uploadPng(await startMeeting(g), g.tokens.member, 1000)).status).toBe(201);
  });

  it('refuses uploads to an unknown or purged meeting', async () => {
    const g = await createGroup();
    const meetingId = await startMeeting(g);
    expect((await uploadPng('unknown-meeting-0001', g.tokens.member, 8)).status).toBe(404);
    // Ending takes the facilitator's personal token (a link has no identity to act as).
    const ended = await server.api(`/api/groups/${g.groupId}/meetings/${meetingId}/end`, {
      method: 'POST',
      token: g.participantToken,
    });
    expect(ended.status).toBe(200);
    await server.api(`/api/groups/${g.groupId}/retention`, {
      method: 'PUT',
      token: g.tokens.facilitator,
      body: { deleteBoardsAfterDays: 1 },
    });
    expect(await server.storage.purgeExpiredMeetings(new Date(Date.now() + 3 * 86_400_000))).toEqual([meetingId]);
    const late = await uploadPng(meetingId, g.tokens.member, 8);
    expect(late.status).toBe(410);
  });

  it('answers a bad token before the body arrives, so nothing is buffered for a stranger', async () => {
    const g = await createGroup();
    const meetingId = await startMeeting(g);
    const answer = (token: string) =>
      new Promise<number>((resolve, reject) => {
        // Headers announcing a large body, and then no body at all: only a server that checks the
        // token first can answer.
        const req = request(`${server.url}/api/meetings/${meetingId}/assets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png', 'content-length': '900' },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        req.on('error', reject);
        req.flushHeaders();
      });
    expect(await answer('not-a-valid-token-at-all')).toBe(401);
    expect(await answer(g.tokens.observer)).toBe(403);
  });
});

async function startMeeting(g: CreateGroupResponse): Promise<string> {
  const res = await server.api(`/api/groups/${g.groupId}/meetings`, { method: 'POST', token: g.tokens.facilitator });
  return (res.body as { meetingId: string }).meetingId;
}

function uploadPng(meetingId: string, token: string, bytes: number) {
  const png = new Uint8Array(bytes);
  png.set([137, 80, 78, 71].slice(0, bytes));
  return server.api(`/api/meetings/${meetingId}/assets`, {
    token,
    body: png,
    headers: { 'content-type': 'image/png' },
  });
}

describe('rate limit', () => {
  it('limits joins per link, each link on its own budget', async () => {
    const limited = await startTestServer({ RATE_LIMIT_JOINS_PER_LINK_PER_HOUR: '2' });
    try {
      const g = (await limited.api('/api/groups', { body: { name: 'G', facilitatorName: 'Kaisa' } }))
        .body as CreateGroupResponse;
      const joinWith = async (token: string) =>
        (await limited.api('/api/join', { body: { token, displayName: 'Someone' } })).status;
      const observer = [];
      for (let i = 0; i < 3; i++) observer.push(await joinWith(g.tokens.observer));
      expect(observer).toEqual([201, 201, 429]);
      // The member link is a different link: it still works.
      expect(await joinWith(g.tokens.member)).toBe(201);
    } finally {
      await limited.close();
    }
  });

  it('answers 429 past the per-address budget', async () => {
    const limited = await startTestServer({ RATE_LIMIT_API_PER_MINUTE: '3' });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.api('/api/config')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      // Health checks are not rate limited: a load balancer polls them.
      expect((await limited.api('/healthz')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
