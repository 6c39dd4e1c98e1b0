// Breakout rooms against a real server with real y-websocket clients: two groups meet in a plaza,
// the coordinator (who facilitates it) opens three mixed rooms, each room's people write on their
// own room board and receive nothing of the others', nobody else opens a room, a move closes the
// mover's room connection with CloseCode.roomChanged, and closing the rooms copies each room's
// result frame onto the plenary board once, however often the copy runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  createEncounterResponseSchema,
  plenaryResultFrameId,
  roomOf,
  roomResultFrameId,
  type MeetingId,
  type ParticipantId,
  type SessionState,
} from '@vermeboard/shared';
import { upgradeStatus } from '../bearerSocket.testkit.js';
import { createSyncAuthorizer } from '../auth/authorizeSync.js';
import { putNote, readRecords } from '../board/boardClient.testkit.js';
import { createProgramFixture, type ProgramFixture } from '../http/programFixture.testkit.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { copyRoomResults } from './roomBoards.js';
import { SessionClients, sendCommand, serverSession, until, type Client } from './sessionClients.testkit.js';

let server: TestServer;
let p: ProgramFixture;
let meetingId: MeetingId;
const clients = new SessionClients(() => server);

interface Person {
  token: string;
  participantId: ParticipantId;
}
let people: Person[];

beforeAll(async () => {
  server = await startTestServer();
  p = await createProgramFixture(server);
  const res = await server.api(p.path('/encounters'), {
    token: p.coordinator,
    body: { groupIds: [p.attached.group.groupId, p.second.group.groupId] },
  });
  expect(res.status).toBe(201);
  meetingId = createEncounterResponseSchema.parse(res.body).meetingId;
  // Three of each group: its facilitator (a member in the plaza) and two members.
  people = [p.attached, p.second].flatMap((g) => [
    { token: g.facilitator, participantId: g.group.participantId },
    ...g.members.map((m) => ({ token: m.participantToken, participantId: m.participantId })),
  ]);
});
afterAll(async () => {
  clients.closeAll();
  await server.close();
});

const command = (token: string, c: Parameters<typeof sendCommand>[3]) => sendCommand(server, meetingId, token, c);

const upgrade = (docName: string, token: string) => upgradeStatus(server.port, docName, token);

/** Resolves with the close code of the client's next closed connection. */
function nextClose(client: Client): Promise<number> {
  return new Promise((resolve) => {
    const on = (event: { code: number } | null) => {
      client.provider.off('connection-close', on);
      resolve(event?.code ?? 0);
    };
    client.provider.on('connection-close', on);
  });
}

const synced = (c: Client) => until(() => c.provider.synced, 'sync');

describe('breakout rooms in a plaza meeting', () => {
  let state: SessionState;
  const roomClients = new Map<string, Client>();

  it('opens three mixed rooms for the six people present', async () => {
    clients.connect(meetingId, 'session', p.coordinator);
    for (const person of people) clients.connect(meetingId, 'session', person.token);
    await until(
      async () => (await serverSession(server, meetingId)).participants.filter((x) => x.present).length === 7,
      'everyone present',
    );
    expect((await command(p.coordinator, { type: 'addAgendaItem', methodId: 'check-in-round' })).status).toBe(200);
    expect((await command(p.coordinator, { type: 'startMeeting' })).status).toBe(200);
    // A member cannot open rooms.
    const refused = await command(people[1]!.token, { type: 'openRooms', split: { kind: 'byGroup' }, seconds: 60 });
    expect(refused.status).toBe(403);
    const opened = await command(p.coordinator, {
      type: 'openRooms',
      split: { kind: 'mixed', rooms: 3 },
      seconds: 600,
    });
    expect(opened.status).toBe(200);
    state = await serverSession(server, meetingId);
    const rooms = state.breakout!.rooms;
    expect(rooms).toHaveLength(3);
    const groupOf = (id: string) => state.participants.find((x) => x.id === id)!.groupId;
    for (const room of rooms) {
      expect(room.memberIds).toHaveLength(2);
      expect(new Set(room.memberIds.map(groupOf)).size).toBe(2);
    }
  });

  it('lets each room’s people write their room and receive nothing of the other rooms', async () => {
    for (const person of people) {
      const room = roomOf(state.breakout, person.participantId)!;
      const client = clients.connect(meetingId, `room/${room.n}/board`, person.token);
      roomClients.set(person.participantId, client);
    }
    await Promise.all([...roomClients.values()].map(synced));
    // The server placed each room's result frame, labelled as shared.
    for (const [id, client] of roomClients) {
      const n = roomOf(state.breakout, id)!.n;
      expect(JSON.stringify(readRecords(client.doc).get(roomResultFrameId(n)))).toContain('shared with everyone');
    }
    for (const person of people) {
      const n = roomOf(state.breakout, person.participantId)!.n;
      putNote(
        roomClients.get(person.participantId)!.doc,
        `shape:note-${person.participantId}`,
        `marker-room-${n}-${person.participantId}`,
        {
          parentId: roomResultFrameId(n),
          x: 20,
          y: 20,
        },
      );
    }
    // Each room's two notes reach both of its people.
    for (const [id, client] of roomClients) {
      const n = roomOf(state.breakout, id)!.n;
      const mates = roomOf(state.breakout, id)!.memberIds;
      await until(() => mates.every((m) => readRecords(client.doc).has(`shape:note-${m}`)), 'the room’s notes');
      // Not one byte of another room's board reached this client.
      const all = Buffer.concat(client.frames).toString('latin1');
      expect(all).toContain(`marker-room-${n}-`);
      for (const other of state.breakout!.rooms.filter((r) => r.n !== n)) {
        expect(all).not.toContain(`marker-room-${other.n}-`);
      }
    }
  });

  it('refuses a room to everyone it does not hold, and lets the facilitator visit', async () => {
    const authorize = createSyncAuthorizer(server.auth, server.storage, undefined, (id) =>
      serverSession(server, id).then((s) => s),
    );
    const [one, two] = state.breakout!.rooms;
    const docOne = `meeting/${meetingId}/room/${one!.n}/board`;
    const outsider = people.find((x) => !one!.memberIds.includes(x.participantId))!;
    expect(await upgrade(docOne, outsider.token)).toBe(403);
    expect(await authorize(docOne, { kind: 'bearer', token: outsider.token })).toEqual({ ok: false, status: 403 });
    const ticket = await server.api('/api/sync-tickets', { token: outsider.token, body: { docName: docOne } });
    expect(ticket.status).toBe(403);
    // A room that does not exist, an observer of an invited group and the second group's shared link.
    expect(await upgrade(`meeting/${meetingId}/room/99/board`, people[0]!.token)).toBe(403);
    expect(await upgrade(docOne, p.attached.observer.participantToken)).toBe(403);
    expect(await upgrade(docOne, p.second.group.tokens.member)).toBe(403);
    // The facilitator visits any room.
    expect(await authorize(docOne, { kind: 'bearer', token: p.coordinator })).toMatchObject({
      ok: true,
      access: 'write',
    });
    expect(await upgrade(`meeting/${meetingId}/room/${two!.n}/board`, p.coordinator)).toBe(101);
  });

  it('closes a moved person’s room connection, and lets them into their new room only', async () => {
    const [one, two] = state.breakout!.rooms;
    const mover = people.find((x) => x.participantId === one!.memberIds[0])!;
    const client = roomClients.get(mover.participantId)!;
    const closed = nextClose(client);
    const moved = await command(p.coordinator, {
      type: 'moveToRoom',
      participantId: mover.participantId,
      room: two!.n,
    });
    expect(moved.status).toBe(200);
    expect(await closed).toBe(CloseCode.roomChanged);
    clients.disconnect(client);
    expect(await upgrade(`meeting/${meetingId}/room/${one!.n}/board`, mover.token)).toBe(403);
    expect(await upgrade(`meeting/${meetingId}/room/${two!.n}/board`, mover.token)).toBe(101);
    // Back where they were, for the copy below.
    await command(p.coordinator, { type: 'moveToRoom', participantId: mover.participantId, room: one!.n });
    const back = clients.connect(meetingId, `room/${one!.n}/board`, mover.token);
    await synced(back);
    roomClients.set(mover.participantId, back);
  });

  it('copies each room’s result frame onto the plenary board when the rooms close, once', async () => {
    const rooms = state.breakout!.rooms;
    const closing = [...roomClients.values()].map(nextClose);
    expect((await command(p.coordinator, { type: 'closeRooms' })).status).toBe(200);
    expect(new Set(await Promise.all(closing))).toEqual(new Set([CloseCode.roomChanged]));
    expect((await serverSession(server, meetingId)).breakout).toBeNull();

    const board = `meeting/${meetingId}/board`;
    const records = await server.sync.withDoc(board, (doc) => readRecords(doc));
    for (const room of rooms) {
      const frame = records.get(plenaryResultFrameId(room.n)) as { props: { name: string } } | undefined;
      expect(frame?.props.name).toBe(`Room ${room.name}`);
      for (const id of room.memberIds) {
        const copy = records.get(`shape:room-${room.n}.note-${id}`) as { parentId: string } | undefined;
        expect(copy?.parentId).toBe(plenaryResultFrameId(room.n));
      }
    }
    // Side by side: the frames sit on one row, left to right in room order.
    const xs = rooms.map((r) => (records.get(plenaryResultFrameId(r.n)) as { x: number }).x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(rooms.map((r) => (records.get(plenaryResultFrameId(r.n)) as { y: number }).y)).size).toBe(1);

    // Copying again (a retry) writes nothing.
    const before = await server.sync.withDoc(board, (doc) => Y.encodeStateVector(doc));
    const again = await copyRoomResults(server.sync, meetingId, rooms, 'en');
    expect(again).toBe(0);
    expect(await server.sync.withDoc(board, (doc) => Y.encodeStateVector(doc))).toEqual(before);
    // No room is open now: nobody enters one, not even the room's own people.
    expect(await upgrade(`meeting/${meetingId}/room/${rooms[0]!.n}/board`, people[0]!.token)).toBe(403);
  });
});

describe('rooms kept for the group’s next meeting', () => {
  it('carries the rooms a meeting closed last into the group’s next meeting', async () => {
    const g = p.attached;
    const present = [g.facilitator, ...g.members.map((m) => m.participantToken)];
    for (const token of present) clients.connect(g.meetingId, 'session', token);
    await until(
      async () => (await serverSession(server, g.meetingId)).participants.filter((x) => x.present).length === 3,
      'the group present',
    );
    const run = (c: Parameters<typeof sendCommand>[3]) => sendCommand(server, g.meetingId, g.facilitator, c);
    expect((await run({ type: 'addAgendaItem', methodId: 'check-in-round' })).status).toBe(200);
    expect((await run({ type: 'startMeeting' })).status).toBe(200);
    expect((await run({ type: 'openRooms', split: { kind: 'random', size: 2 }, seconds: 300 })).status).toBe(200);
    const rooms = (await serverSession(server, g.meetingId)).breakout!.rooms;
    expect((await run({ type: 'closeRooms' })).status).toBe(200);
    const ended = await server.api(g.path(`/meetings/${g.meetingId}/end`), { method: 'POST', token: g.facilitator });
    expect(ended.status).toBe(200);

    const next = await server.api(g.path('/meetings'), { method: 'POST', token: g.facilitator });
    expect(next.status).toBe(201);
    const nextId = (next.body as { meetingId: string }).meetingId;
    expect((await serverSession(server, nextId)).keptRooms).toEqual(
      rooms.map((r) => ({ name: r.name, memberIds: r.memberIds })),
    );
  });
});
