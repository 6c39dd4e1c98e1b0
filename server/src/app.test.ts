// The whole server end to end at the protocol level: groups and meetings made through the HTTP API,
// real y-websocket clients on the sync endpoint, tokens checked by the real auth.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { CreateGroupResponse, JoinResponse, SyncTicketResponse } from '@vermeboard/shared';
import { bearerHeader, bearerWebSocket } from './bearerSocket.testkit.js';
import { putNote, readRecords, recordText } from './board/boardClient.testkit.js';
import { startTestServer, type TestServer } from './testServer.testkit.js';

let server: TestServer;
const providers: WebsocketProvider[] = [];
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy();
  await server.close();
});

async function setup() {
  const group = (await server.api('/api/groups', { body: { name: 'G', facilitatorName: 'Kaisa' } }))
    .body as CreateGroupResponse;
  const { meetingId } = (
    await server.api(`/api/groups/${group.groupId}/meetings`, { method: 'POST', token: group.tokens.facilitator })
  ).body as { meetingId: string };
  return { group, meetingId };
}

function connect(meetingId: string, token: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/sync`, `meeting/${meetingId}/board`, doc, {
    WebSocketPolyfill: bearerWebSocket(token),
    disableBc: true,
  });
  providers.push(provider);
  return { doc, provider };
}

async function until(check: () => boolean, what: string, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function upgradeStatus(path: string, token?: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, token ? bearerHeader(token) : {});
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', () => {});
  });
}

describe('sync through the real auth', () => {
  it('syncs members and keeps observers read-only', async () => {
    const { group, meetingId } = await setup();
    const anna = (await server.api('/api/join', { body: { token: group.tokens.member, displayName: 'Anna' } }))
      .body as JoinResponse;
    const a = connect(meetingId, group.participantToken);
    const b = connect(meetingId, anna.participantToken);
    const o = connect(meetingId, group.tokens.observer);
    await until(() => a.provider.synced && b.provider.synced && o.provider.synced, 'sync');

    putNote(a.doc, 'shape:from', 'from the facilitator');
    await until(
      () => recordText(b.doc, 'shape:from') !== null && recordText(o.doc, 'shape:from') !== null,
      'live update',
    );

    // The observer writes locally; the server must drop it.
    putNote(o.doc, 'shape:observer', 'was here');
    putNote(b.doc, 'shape:after', 'after the observer');
    await until(() => recordText(a.doc, 'shape:after') !== null, 'later update');
    expect(recordText(a.doc, 'shape:observer')).toBeNull();

    // A fresh client after a restart sees the persisted board, without the observer's write.
    for (const p of providers.splice(0)) p.destroy();
    server = await server.restart();
    const fresh = connect(meetingId, group.tokens.member);
    await until(() => fresh.provider.synced && recordText(fresh.doc, 'shape:after') !== null, 'restored board');
    // Besides the page the server made with the meeting, only the two members' notes.
    expect([...readRecords(fresh.doc).keys()].sort()).toEqual(['page:page', 'shape:after', 'shape:from']);
  });

  it('refuses bad tokens, other groups and unknown meetings before opening a socket', async () => {
    const { group, meetingId } = await setup();
    const other = await setup();
    expect(await upgradeStatus(`/sync/meeting/${meetingId}/board`)).toBe(401);
    expect(await upgradeStatus(`/sync/meeting/${meetingId}/board`, 'AAAAAAAAAAAAAAAAAAAAAA')).toBe(401);
    expect(await upgradeStatus(`/sync/meeting/${meetingId}/board`, other.group.tokens.member)).toBe(403);
    expect(await upgradeStatus(`/sync/meeting/AAAAAAAAAAAAAAAAAAAAAA/board`, group.tokens.member)).toBe(404);
    expect(await upgradeStatus(`/sync/meeting/${meetingId}/nonsense`, group.tokens.member)).toBe(400);
    // Nobody may open someone else's private document, and link tokens have none.
    expect(await upgradeStatus(`/sync/meeting/${meetingId}/private/${group.participantId}`, group.tokens.member)).toBe(
      403,
    );
    expect(await upgradeStatus(`/other`)).toBe(404);
  });
});

describe('sync tickets', () => {
  const ticketFor = async (token: string, docName: string) => {
    const res = await server.api('/api/sync-tickets', { token, body: { docName } });
    expect(res.status).toBe(201);
    return (res.body as SyncTicketResponse).ticket;
  };

  it('opens a socket with a ticket in the URL, once, and never with a token there', async () => {
    const { group, meetingId } = await setup();
    const board = `/sync/meeting/${meetingId}/board`;
    const docName = `meeting/${meetingId}/board`;
    expect((await server.api('/api/sync-tickets', { body: { docName } })).status).toBe(401);
    const ticket = await ticketFor(group.participantToken, docName);
    expect(await upgradeStatus(`${board}?ticket=${ticket}`)).toBe(101);
    // Single use: the same ticket again is unknown.
    expect(await upgradeStatus(`${board}?ticket=${ticket}`)).toBe(401);
    // A token in the URL is not a credential any more: it would end up in proxy logs.
    expect(await upgradeStatus(`${board}?token=${group.participantToken}`)).toBe(401);
    // A ticket is bought with the upgrade's own checks: another group's meeting or an unknown one
    // is refused right there, and a ticket opens only the document it was bought for.
    const other = await setup();
    const ask = (name: string) =>
      server.api('/api/sync-tickets', { token: group.participantToken, body: { docName: name } });
    expect((await ask(`meeting/${other.meetingId}/board`)).status).toBe(403);
    expect((await ask('meeting/AAAAAAAAAAAAAAAAAAAAAA/board')).status).toBe(404);
    const forBoard = await ticketFor(group.participantToken, docName);
    expect(await upgradeStatus(`/sync/meeting/${meetingId}/session?ticket=${forBoard}`)).toBe(401);
  });

  it('voids the tickets of a token revoked before they were used', async () => {
    const { group, meetingId } = await setup();
    const anna = (await server.api('/api/join', { body: { token: group.tokens.member, displayName: 'Anna' } }))
      .body as JoinResponse;
    const ticket = await ticketFor(anna.participantToken, `meeting/${meetingId}/board`);
    const removed = await server.api(`/api/groups/${group.groupId}/participants/${anna.participantId}`, {
      method: 'DELETE',
      token: group.participantToken,
    });
    expect(removed.status).toBe(200);
    expect(await upgradeStatus(`/sync/meeting/${meetingId}/board?ticket=${ticket}`)).toBe(401);
  });
});
