// The whole server on STORAGE=postgres: groups through the HTTP API and a board through real
// y-websocket clients land in PostgreSQL (and nowhere else), and come back after a restart.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { CreateGroupResponse } from '@vermeboard/shared';
import { bearerWebSocket } from '../bearerSocket.testkit.js';
import { putNote, recordText } from '../board/boardClient.testkit.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { createTestDatabase, type TestDatabase } from './postgresTestDb.testkit.js';

let server: TestServer | undefined;
let database: TestDatabase | undefined;
const providers: WebsocketProvider[] = [];
afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy();
  await server?.close();
  await database?.drop();
});

function connect(meetingId: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${server!.port}/sync`, `meeting/${meetingId}/board`, doc, {
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

it('keeps groups and boards in PostgreSQL across a restart', async () => {
  database = await createTestDatabase();
  server = await startTestServer({ STORAGE: 'postgres', DATABASE_URL: database.url });
  expect((await server.api('/readyz')).status).toBe(200);
  const group = (await server.api('/api/groups', { body: { name: 'G', facilitatorName: 'Kaisa' } }))
    .body as CreateGroupResponse;
  const { meetingId } = (
    await server.api(`/api/groups/${group.groupId}/meetings`, { method: 'POST', token: group.tokens.facilitator })
  ).body as { meetingId: string };
  const a = connect(meetingId, group.participantToken);
  const b = connect(meetingId, group.tokens.member);
  await until(() => a.provider.synced && b.provider.synced, 'sync');
  putNote(a.doc, 'shape:kept', 'kept in PostgreSQL');
  // The server relays an update only once it is stored.
  await until(() => recordText(b.doc, 'shape:kept') !== null, 'the relayed update');

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM doc_updates WHERE doc = $1', [
      `meeting/${meetingId}/board`,
    ]);
    expect(rows[0]!.n).toBeGreaterThan(0);
  } finally {
    await client.end();
  }
  expect(existsSync(join(server.config.dataDir, 'vermeboard.sqlite'))).toBe(false);

  for (const p of providers.splice(0)) p.destroy();
  server = await server.restart();
  expect((await server.api(`/api/groups/${group.groupId}`, { token: group.tokens.facilitator })).status).toBe(200);
  const fresh = connect(meetingId, group.tokens.member);
  await until(() => fresh.provider.synced && recordText(fresh.doc, 'shape:kept') !== null, 'restored board');
});
