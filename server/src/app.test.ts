// The whole server end to end at the protocol level: groups and meetings made through the HTTP API,
// real y-websocket clients on the sync endpoint, tokens checked by the real auth.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { CreateGroupResponse, JoinResponse } from '@vermeboard/shared';
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
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
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

async function upgradeStatus(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`);
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      ws.close();
      reject(new Error('the upgrade was accepted'));
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
    expect([...readRecords(fresh.doc).keys()].sort()).toEqual(['shape:after', 'shape:from']);
  });

  it('refuses bad tokens, other groups and unknown meetings before opening a socket', async () => {
    const { group, meetingId } = await setup();
    const other = await setup();
    expect(await upgradeStatus(`/sync/meeting/${meetingId}/board`)).toBe(401);
    expect(await upgradeStatus(`/sync/meeting/${meetingId}/board?token=AAAAAAAAAAAAAAAAAAAAAA`)).toBe(401);
    expect(await upgradeStatus(`/sync/meeting/${meetingId}/board?token=${other.group.tokens.member}`)).toBe(403);
    expect(await upgradeStatus(`/sync/meeting/AAAAAAAAAAAAAAAAAAAAAA/board?token=${group.tokens.member}`)).toBe(404);
    expect(await upgradeStatus(`/sync/meeting/${meetingId}/nonsense?token=${group.tokens.member}`)).toBe(400);
    // Nobody may open someone else's private document, and link tokens have none.
    expect(
      await upgradeStatus(`/sync/meeting/${meetingId}/private/${group.participantId}?token=${group.tokens.member}`),
    ).toBe(403);
    expect(await upgradeStatus(`/other`)).toBe(404);
  });
});
