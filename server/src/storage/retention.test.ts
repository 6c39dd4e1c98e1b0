// The retention sweep: the timer's behaviour with a stand-in store, and the whole path on a real
// server (a board written over real sync, the meeting ended and purged, the bytes gone from the file).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode, type MeetingId, type MeetingsResponse } from '@vermeboard/shared';
import { bearerHeader, bearerWebSocket } from '../bearerSocket.testkit.js';
import { createGroupFixture } from '../http/groupFixture.testkit.js';
import { putNote, recordText } from '../board/boardClient.testkit.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { startRetentionSweeper } from './retention.js';

const silent = pino({ level: 'silent' });

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('startRetentionSweeper', () => {
  it('purges on each tick, reports what it purged and never overlaps itself', async () => {
    let calls = 0;
    let release: () => void = () => {};
    const storage = {
      async purgeExpiredMeetings() {
        calls++;
        await new Promise<void>((r) => (release = r));
        return ['meeting-0001' as MeetingId];
      },
      purgeExpiredStreamPosts: async () => 0,
    };
    const reported: MeetingId[][] = [];
    const sweeper = startRetentionSweeper(storage, silent, 60_000, (ids) => reported.push(ids));
    const first = sweeper.sweep();
    const second = sweeper.sweep();
    expect(calls).toBe(1);
    release();
    expect(await first).toEqual(['meeting-0001']);
    expect(await second).toEqual(['meeting-0001']);
    expect(reported).toEqual([['meeting-0001']]);
    sweeper.stop();
  });

  it('logs a failing purge and keeps going', async () => {
    const storage = {
      purgeExpiredMeetings: async (): Promise<MeetingId[]> => Promise.reject(new Error('disk')),
      purgeExpiredStreamPosts: async () => 0,
    };
    const sweeper = startRetentionSweeper(storage, silent, 60_000);
    await expect(sweeper.sweep()).resolves.toEqual([]);
    sweeper.stop();
  });
});

describe('board retention on a real server', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('never stores an update that reaches the server after the purge', async () => {
    server = await startTestServer();
    const f = await createGroupFixture(server);
    const name = `meeting/${f.meetingId}/board`;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/sync`, name, doc, {
      WebSocketPolyfill: bearerWebSocket(f.members[0]!.participantToken),
      disableBc: true,
    });
    await until(() => provider.synced, 'sync');
    putNote(doc, 'shape:before', 'written before the purge');
    const stored = async () => {
      const copy = new Y.Doc();
      for (const u of await server.storage.loadUpdates(name)) Y.applyUpdate(copy, u);
      return copy;
    };
    await until(async () => recordText(await stored(), 'shape:before') !== null, 'the first note to be stored');
    await server.storage.endMeeting(f.meetingId, new Date(Date.now() - 30 * 86_400_000).toISOString());
    await server.storage.setRetention(f.group.groupId, 7);
    expect(await server.storage.purgeExpiredMeetings(new Date())).toEqual([f.meetingId]);

    // The connection is still open (nothing closed it): what the browser sends now must go nowhere.
    let closedWith: number | null = null;
    provider.once('connection-close', (event) => (closedWith = event?.code ?? 0));
    putNote(doc, 'shape:after', 'LATE-UPDATE-5e2a');
    // The server refuses to store it and drops the document (closing the connection); a server
    // without the tombstone would store it instead.
    await until(
      async () => closedWith !== null || (await server.storage.loadUpdates(name)).length > 0,
      'the late update',
    );
    expect(await server.storage.loadUpdates(name)).toEqual([]);
    // Refused by the tombstone when it was stored, not by the board checks (the note is valid).
    expect(closedWith).toBe(CloseCode.internalError);
    provider.destroy();
    await until(() => server.sync.stats().docs === 0, 'the board to unload');
    expect(await server.storage.loadUpdates(name)).toEqual([]);
  });

  it('sweeps when the server starts, not only an hour later', async () => {
    server = await startTestServer();
    const f = await createGroupFixture(server);
    await server.storage.appendUpdates(`meeting/${f.meetingId}/board`, [new Uint8Array([0, 0])]);
    // Ended a month ago, in a group that keeps boards for a week.
    await server.storage.endMeeting(f.meetingId, new Date(Date.now() - 30 * 86_400_000).toISOString());
    await server.storage.setRetention(f.group.groupId, 7);
    server = await server.restart();
    await until(async () => (await server.storage.getMeeting(f.meetingId))?.boardDeletedAt != null, 'the purge');
    expect(await server.storage.loadUpdates(`meeting/${f.meetingId}/board`)).toEqual([]);
  });

  it('deletes an ended meeting’s board from the database file and refuses to open it again', async () => {
    server = await startTestServer();
    const f = await createGroupFixture(server);
    const secret = 'CONFIDENTIAL-CASE-b7e1';

    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/sync`, `meeting/${f.meetingId}/board`, doc, {
      WebSocketPolyfill: bearerWebSocket(f.members[0]!.participantToken),
      disableBc: true,
    });
    await until(() => provider.synced, 'sync');
    putNote(doc, 'shape:secret', secret);
    const boardText = async () => {
      const stored = new Y.Doc();
      for (const u of await server.storage.loadUpdates(`meeting/${f.meetingId}/board`)) Y.applyUpdate(stored, u);
      return recordText(stored, 'shape:secret') ?? '';
    };
    await until(async () => (await boardText()).includes(secret), 'the board to be stored');
    provider.destroy();
    await until(() => server.sync.stats().docs === 0, 'the board to unload');

    expect(
      (await server.api(f.path(`/meetings/${f.meetingId}/end`), { method: 'POST', token: f.facilitator })).status,
    ).toBe(200);
    expect(
      (
        await server.api(f.path('/retention'), {
          method: 'PUT',
          token: f.facilitator,
          body: { deleteBoardsAfterDays: 1 },
        })
      ).status,
    ).toBe(200);
    // Not yet a day after the end: nothing goes.
    expect(await server.storage.purgeExpiredMeetings(new Date())).toEqual([]);

    const fileBytes = () =>
      readdirSync(server.config.dataDir)
        .filter((name) => name.startsWith('vermeboard.sqlite'))
        .map((name) => readFileSync(join(server.config.dataDir, name)).toString('latin1'))
        .join('');
    expect(fileBytes()).toContain(secret);

    const later = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);
    expect(await server.storage.purgeExpiredMeetings(later)).toEqual([f.meetingId]);
    expect(fileBytes()).not.toContain(secret);
    expect(await boardText()).toBe('');

    const { meetings } = (await server.api(f.path('/meetings'), { token: f.facilitator })).body as MeetingsResponse;
    expect(meetings[0]!.boardDeletedAt).toBe(later.toISOString());
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(
        `ws://127.0.0.1:${server.port}/sync/meeting/${f.meetingId}/board`,
        bearerHeader(f.facilitator),
      );
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('open', () => resolve(101));
      ws.on('error', () => {});
    });
    expect(status).toBe(404);
  });
});
