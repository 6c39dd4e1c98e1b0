// Group routes of the process API against a real server: invite-link rotation and participant
// removal (with their live sync connections), members, meeting history, settings.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type {
  GroupSettingsResponse,
  MeetingsResponse,
  MembersResponse,
  RemoveParticipantResponse,
  RotateLinksResponse,
} from '@vermeboard/shared';
import { bearerHeader } from '../bearerSocket.testkit.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { createGroupFixture } from './groupFixture.testkit.js';

let server: TestServer;
const sockets: WebSocket[] = [];
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await server.close();
});

/** A raw sync connection to a meeting's board; resolves once open, and records how it closed. */
async function openBoard(meetingId: string, token: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/sync/meeting/${meetingId}/board`, bearerHeader(token));
  sockets.push(ws);
  ws.on('error', () => {});
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  return { ws, closed };
}

function within<T>(p: Promise<T>, ms = 3000): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms))]);
}

describe('invite link rotation', () => {
  it('is for the facilitator only', async () => {
    const f = await createGroupFixture(server);
    const other = await createGroupFixture(server);
    const rotate = (token?: string) =>
      server.api(f.path('/links/rotate'), { method: 'POST', ...(token ? { token } : {}) });
    expect((await rotate(f.group.tokens.member)).status).toBe(403);
    expect((await rotate(f.members[0]!.participantToken)).status).toBe(403);
    expect((await rotate(f.group.tokens.observer)).status).toBe(403);
    expect((await rotate(other.facilitator)).status).toBe(403);
    expect((await rotate()).status).toBe(401);
    expect((await rotate('AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(401);
  });

  it('refuses old links at once, closes their connections and keeps people who joined', async () => {
    const f = await createGroupFixture(server);
    const byLink = await openBoard(f.meetingId, f.group.tokens.member);
    const byPerson = await openBoard(f.meetingId, f.members[0]!.participantToken);

    const res = await server.api(f.path('/links/rotate'), { method: 'POST', token: f.facilitator });
    expect(res.status).toBe(200);
    const rotated = res.body as RotateLinksResponse;
    for (const role of ['facilitator', 'member', 'observer'] as const) {
      expect(rotated.tokens[role]).not.toBe(f.group.tokens[role]);
      expect(rotated.links[role]).toBe(`/join/${rotated.tokens[role]}`);
    }

    expect(await within(byLink.closed)).toBe(4401);
    expect(byPerson.ws.readyState).toBe(WebSocket.OPEN);

    expect((await server.api(f.path(''), { token: f.group.tokens.member })).status).toBe(401);
    const oldJoin = await server.api('/api/join', { body: { token: f.group.tokens.member, displayName: 'Late' } });
    expect(oldJoin.status).toBe(401);
    const newJoin = await server.api('/api/join', { body: { token: rotated.tokens.member, displayName: 'Late' } });
    expect(newJoin.status).toBe(201);
    expect((await server.api(f.path(''), { token: f.members[0]!.participantToken })).status).toBe(200);
    // The facilitator's group page shows the new links, also after a restart (derived from the generation).
    server = await server.restart();
    const view = await server.api(f.path(''), { token: f.facilitator });
    expect((view.body as { tokens: unknown }).tokens).toEqual(rotated.tokens);
  });
});

describe('participants', () => {
  it('lists members with role, join date, removal and the meetings they facilitated', async () => {
    const f = await createGroupFixture(server);
    const res = await server.api(f.path('/participants'), { token: f.group.tokens.observer });
    expect(res.status).toBe(200);
    const { members } = res.body as MembersResponse;
    expect(members.map((m) => [m.displayName, m.role, m.removed])).toEqual([
      ['Kaisa', 'facilitator', false],
      ['Anna', 'member', false],
      ['Ben', 'member', false],
      ['Olli', 'observer', false],
    ]);
    expect(members[0]!.facilitatedMeetings).toEqual([f.meetingId]);
    expect(members[1]!.facilitatedMeetings).toEqual([]);
    expect(Date.parse(members[1]!.joinedAt)).not.toBeNaN();
  });

  it('removal is for the facilitator only', async () => {
    const f = await createGroupFixture(server);
    const anna = f.members[0]!;
    const remove = (token: string, id = anna.participantId) =>
      server.api(f.path(`/participants/${id}`), { method: 'DELETE', token });
    expect((await remove(f.members[1]!.participantToken)).status).toBe(403);
    expect((await remove(f.group.tokens.member)).status).toBe(403);
    expect((await remove(f.observer.participantToken)).status).toBe(403);
    expect((await remove(anna.participantToken)).status).toBe(403);
    expect((await server.api(f.path(''), { token: anna.participantToken })).status).toBe(200);
  });

  it('kills the removed person’s token and connections at once and keeps their name', async () => {
    const f = await createGroupFixture(server);
    const anna = f.members[0]!;
    const ben = f.members[1]!;
    const annaBoard = await openBoard(f.meetingId, anna.participantToken);
    const benBoard = await openBoard(f.meetingId, ben.participantToken);

    const res = await server.api(f.path(`/participants/${anna.participantId}`), {
      method: 'DELETE',
      token: f.facilitator,
    });
    expect(res.status).toBe(200);
    expect(await within(annaBoard.closed)).toBe(4401);
    expect(benBoard.ws.readyState).toBe(WebSocket.OPEN);

    expect((await server.api(f.path(''), { token: anna.participantToken })).status).toBe(401);
    await expect(openBoard(f.meetingId, anna.participantToken)).rejects.toThrow(/401/);
    expect((await server.api(f.path(''), { token: ben.participantToken })).status).toBe(200);

    const { members } = (await server.api(f.path('/participants'), { token: f.facilitator })).body as MembersResponse;
    expect(members.find((m) => m.id === anna.participantId)).toMatchObject({ displayName: 'Anna', removed: true });
    // Again is harmless, and renews nothing more.
    const again = await server.api(f.path(`/participants/${anna.participantId}`), {
      method: 'DELETE',
      token: f.facilitator,
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
  });

  it('renews the invite links, so the removed person’s copy of them lets nobody in', async () => {
    const f = await createGroupFixture(server);
    const anna = f.members[0]!;
    const byLink = await openBoard(f.meetingId, f.group.tokens.observer);
    const res = await server.api(f.path(`/participants/${anna.participantId}`), {
      method: 'DELETE',
      token: f.facilitator,
    });
    const renewed = res.body as RemoveParticipantResponse;
    for (const role of ['member', 'observer'] as const) {
      expect(renewed.tokens[role]).not.toBe(f.group.tokens[role]);
      // The links Anna still has in her browser: no new identity for her.
      const old = await server.api('/api/join', { body: { token: f.group.tokens[role], displayName: 'Anna 2' } });
      expect(old.status).toBe(401);
    }
    expect(await within(byLink.closed)).toBe(4401);
    // The facilitator sees the new links; people who joined keep their access.
    const view = await server.api(f.path(''), { token: f.facilitator });
    expect((view.body as { tokens: unknown }).tokens).toEqual(renewed.tokens);
    expect((await server.api(f.path(''), { token: f.members[1]!.participantToken })).status).toBe(200);
    expect((await server.api(f.path(''), { token: f.observer.participantToken })).status).toBe(200);
    const newJoin = await server.api('/api/join', { body: { token: renewed.tokens.member, displayName: 'Cai' } });
    expect(newJoin.status).toBe(201);
  });

  it('answers 404 for unknown or other groups’ participants and refuses removing oneself', async () => {
    const f = await createGroupFixture(server);
    const other = await createGroupFixture(server);
    const del = (id: string) => server.api(f.path(`/participants/${id}`), { method: 'DELETE', token: f.facilitator });
    expect((await del(other.members[0]!.participantId)).status).toBe(404);
    expect((await del('AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await del('bad!')).status).toBe(404);
    const self = await del(f.group.participantId);
    expect(self.status).toBe(400);
    expect(self.body).toMatchObject({ field: 'participantId' });
    expect((await server.api(other.path(''), { token: other.members[0]!.participantToken })).status).toBe(200);
  });
});

describe('meetings', () => {
  it('ends a meeting (its facilitator, with a personal token) and lists the history', async () => {
    const f = await createGroupFixture(server);
    const end = (token: string, id: string = f.meetingId) =>
      server.api(f.path(`/meetings/${id}/end`), { method: 'POST', token });
    expect((await end(f.members[0]!.participantToken)).status).toBe(403);
    expect((await end(f.facilitator, 'AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    // The endMeeting command needs someone to act as: the shared facilitator link is no one.
    expect((await end(f.group.tokens.facilitator)).status).toBe(403);
    const ended = await end(f.facilitator);
    expect(ended.status).toBe(200);
    const { endedAt } = ended.body as { endedAt: string };
    expect((await end(f.facilitator)).body).toEqual({ meetingId: f.meetingId, endedAt });

    const other = await createGroupFixture(server);
    expect((await end(f.facilitator, other.meetingId)).status).toBe(404);

    const list = (await server.api(f.path('/meetings'), { token: f.group.tokens.observer })).body as MeetingsResponse;
    expect(list.meetings).toEqual([
      {
        id: f.meetingId,
        createdAt: expect.any(String),
        endedAt,
        facilitatedBy: f.group.participantId,
        boardDeletedAt: null,
      },
    ]);
  });
});

describe('settings', () => {
  it('starts with the default ground rules in the group’s language', async () => {
    const en = await createGroupFixture(server);
    const fi = await createGroupFixture(server, { locale: 'fi' });
    const settings = (f: typeof en) => server.api(f.path('/settings'), { token: f.group.tokens.observer });
    expect((await settings(en)).body).toEqual({
      locale: 'en',
      groundRules: ['Everyone is heard and nobody dominates.', 'What is said in the group stays in the group.'],
      nextMeeting: { date: null, time: null, place: null, theme: null },
      deleteBoardsAfterDays: null,
    });
    expect((await settings(fi)).body).toMatchObject({
      locale: 'fi',
      groundRules: ['Jokainen tulee kuulluksi, eikä kukaan dominoi.', 'Ryhmässä puhuttu jää ryhmään.'],
    });
    const sv = await createGroupFixture(server, { locale: 'sv' });
    expect((await settings(sv)).body).toMatchObject({
      locale: 'sv',
      groundRules: ['Alla blir hörda och ingen dominerar.', 'Det som sägs i gruppen stannar i gruppen.'],
    });
    const areas = await server.api(sv.path('/competence-areas'), { token: sv.group.tokens.observer });
    expect(JSON.stringify(areas.body)).toContain('Planering och ledning av projekt');
    const bad = await server.api('/api/groups', { body: { name: 'x', facilitatorName: 'y', locale: 'de' } });
    expect(bad).toMatchObject({ status: 400, body: { field: 'locale' } });
  });

  it('lets facilitator and members edit ground rules and the next meeting; observers only read', async () => {
    const f = await createGroupFixture(server);
    const put = (path: string, token: string, body: unknown) =>
      server.api(f.path(path), { method: 'PUT', token, body });
    const rules = await put('/ground-rules', f.members[0]!.participantToken, {
      rules: [' Phones away ', 'Start on time'],
    });
    expect(rules.status).toBe(200);
    expect((rules.body as GroupSettingsResponse).groundRules).toEqual(['Phones away', 'Start on time']);
    expect((await put('/ground-rules', f.observer.participantToken, { rules: [] })).status).toBe(403);
    expect(await put('/ground-rules', f.facilitator, { rules: ['x'.repeat(301)] })).toMatchObject({
      status: 400,
      body: { field: 'rules.0' },
    });
    expect(await put('/ground-rules', f.facilitator, { rules: Array(21).fill('r') })).toMatchObject({
      status: 400,
      body: { field: 'rules' },
    });

    const next = await put('/next-meeting', f.group.tokens.member, {
      date: '2026-03-14',
      time: '17:30',
      place: 'Room 4, Kirjasto',
      theme: 'Funding rounds',
    });
    expect((next.body as GroupSettingsResponse).nextMeeting).toEqual({
      date: '2026-03-14',
      time: '17:30',
      place: 'Room 4, Kirjasto',
      theme: 'Funding rounds',
    });
    expect(await put('/next-meeting', f.facilitator, { date: null, time: '25:00', theme: null })).toMatchObject({
      status: 400,
      body: { field: 'time' },
    });
    // A browser from before the time and place still saves the date and theme.
    const old = await put('/next-meeting', f.facilitator, { date: '2026-03-15', theme: 'Funding' });
    expect((old.body as GroupSettingsResponse).nextMeeting).toMatchObject({ date: '2026-03-15', time: null });
    expect(await put('/next-meeting', f.facilitator, { date: '2026-02-30', theme: null })).toMatchObject({
      status: 400,
      body: { field: 'date' },
    });
    expect(await put('/next-meeting', f.facilitator, { date: null, theme: 'x'.repeat(201) })).toMatchObject({
      status: 400,
      body: { field: 'theme' },
    });
    expect((await put('/next-meeting', f.group.tokens.observer, { date: null, theme: null })).status).toBe(403);
  });

  it('lets only the facilitator set board retention', async () => {
    const f = await createGroupFixture(server);
    const put = (token: string, days: unknown) =>
      server.api(f.path('/retention'), { method: 'PUT', token, body: { deleteBoardsAfterDays: days } });
    expect((await put(f.members[0]!.participantToken, 30)).status).toBe(403);
    expect(((await put(f.facilitator, 30)).body as GroupSettingsResponse).deleteBoardsAfterDays).toBe(30);
    expect(await put(f.facilitator, 0)).toMatchObject({ status: 400, body: { field: 'deleteBoardsAfterDays' } });
    expect(await put(f.facilitator, 1.5)).toMatchObject({ status: 400, body: { field: 'deleteBoardsAfterDays' } });
    expect(((await put(f.facilitator, null)).body as GroupSettingsResponse).deleteBoardsAfterDays).toBeNull();
  });
});
