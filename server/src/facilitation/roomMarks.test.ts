// Stars and action marks on a breakout room's board, against a real server with real y-websocket
// clients: in Troika consulting the room's own case owner stars a note on the room's board and the
// mark lands in that board's `marks` map (and reaches the room's clients), a member of another room
// and a closed room are refused, the plenary path is as it was, and closing the rooms copies the
// marks with the notes onto the plenary board, from where the meeting summary reads them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BOARD_MARKS,
  meetingSummaryResponseSchema,
  plenaryResultFrameId,
  roomResultFrameId,
  type ClientCommand,
  type MeetingId,
  type ParticipantId,
} from '@vermeboard/shared';
import { putNote, readRecords } from '../board/boardClient.testkit.js';
import { createGroupFixture, type GroupFixture } from '../http/groupFixture.testkit.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { copyRoomResults } from './roomBoards.js';
import { SessionClients, sendCommand, serverSession, until, type Client } from './sessionClients.testkit.js';

let server: TestServer;
let g: GroupFixture;
const clients = new SessionClients(() => server);

/** Anna and Ben in room 1 (Anna is its client), Cara and Dan in room 2. */
let anna: string, ben: string, cara: string;
let annaId: ParticipantId;
let first: number, second: number;
let annaRoom: Client;

const command = (token: string, c: ClientCommand) => sendCommand(server, g.meetingId, token, c);
const marksOf = (docName: string) =>
  server.sync.withDoc(docName, (doc) => doc.getMap<unknown>(BOARD_MARKS).toJSON() as Record<string, unknown>);
const roomBoard = (n: number) => `meeting/${g.meetingId}/room/${n}/board`;
const plenaryBoard = () => `meeting/${g.meetingId}/board`;
const idea = 'shape:idea-anna';

beforeAll(async () => {
  server = await startTestServer();
  g = await createGroupFixture(server, { members: ['Anna', 'Ben', 'Cara', 'Dan'] });
  [anna, ben, cara] = g.members.map((m) => m.participantToken) as [string, string, string];
  annaId = g.members[0]!.participantId;
  for (const token of [g.facilitator, ...g.members.map((m) => m.participantToken)]) {
    clients.connect(g.meetingId, 'session', token);
  }
  await until(
    async () => (await serverSession(server, g.meetingId)).participants.filter((p) => p.present).length === 5,
    'everyone present',
  );
  for (const c of [
    { type: 'addAgendaItem', methodId: 'troika-consulting' },
    { type: 'startMeeting' },
  ] satisfies ClientCommand[]) {
    expect((await command(g.facilitator, c)).status).toBe(200);
  }
  // The first step opened its trios; this test wants rooms it knows.
  if ((await serverSession(server, g.meetingId)).breakout) {
    expect((await command(g.facilitator, { type: 'closeRooms' })).status).toBe(200);
  }
  const [a, b, c, d] = g.members.map((m) => m.participantId);
  const opened = await command(g.facilitator, {
    type: 'openRooms',
    split: { kind: 'manual', rooms: [{ memberIds: [a!, b!] }, { memberIds: [c!, d!] }] },
    seconds: 600,
  });
  expect(opened.status).toBe(200);
  [first, second] = (await serverSession(server, g.meetingId)).breakout!.rooms.map((r) => r.n) as [number, number];
  expect((await command(ben, { type: 'chooseCaseOwner', participantId: annaId, room: first })).status).toBe(200);

  annaRoom = clients.connect(g.meetingId, `room/${first}/board`, anna);
  await until(() => annaRoom.provider.synced, 'sync');
  putNote(annaRoom.doc, idea, 'marker-room-idea', { parentId: roomResultFrameId(first), x: 20, y: 20 });
  await until(
    () => server.sync.withDoc(roomBoard(first), (doc) => readRecords(doc).has(idea)),
    'the note on the server',
  );
});
afterAll(async () => {
  clients.closeAll();
  await server.close();
});

describe('marks on a breakout room’s board', () => {
  it('records the room’s case owner’s star on the room’s board, where the room’s clients see it', async () => {
    const starred = await command(anna, { type: 'starNote', shapeId: idea, starred: true, room: first });
    expect(starred.status).toBe(200);
    expect(await marksOf(roomBoard(first))).toEqual({ [idea]: { starredBy: annaId } });
    expect(await marksOf(plenaryBoard())).toEqual({});
    await until(() => annaRoom.doc.getMap(BOARD_MARKS).has(idea), 'the mark in the room’s client');
    // The room's other member marks it as an action item, on the same board.
    const marked = await command(ben, {
      type: 'markAction',
      shapeId: idea,
      action: { ownerParticipantId: annaId, dueDate: '2026-04-01' },
      room: first,
    });
    expect(marked.status).toBe(200);
    expect((await marksOf(roomBoard(first)))[idea]).toMatchObject({
      starredBy: annaId,
      action: { ownerParticipantId: annaId, dueDate: '2026-04-01', markedBy: g.members[1]!.participantId },
    });
  });

  it('refuses whoever may not open the room’s board, and a star by anyone but its case owner', async () => {
    const before = await marksOf(roomBoard(first));
    const action = { type: 'markAction', shapeId: idea, action: null, room: first } as const;
    expect((await command(cara, action)).status).toBe(403);
    expect((await command(cara, { type: 'starNote', shapeId: idea, starred: false, room: first })).status).toBe(403);
    expect((await command(g.observer.participantToken, action)).status).toBe(403);
    expect((await command(ben, { type: 'starNote', shapeId: idea, starred: false, room: first })).status).toBe(403);
    // The note is on room 1's board, not room 2's nor the plenary's.
    expect((await command(g.facilitator, { ...action, room: second })).status).toBe(409);
    expect((await command(anna, { type: 'starNote', shapeId: idea, starred: false })).status).toBe(409);
    expect(await marksOf(roomBoard(first))).toEqual(before);
  });

  it('marks a note of the plenary board without a room, as before', async () => {
    const plenary = clients.connect(g.meetingId, 'board', g.facilitator);
    await until(() => plenary.provider.synced, 'sync');
    putNote(plenary.doc, 'shape:plenary-note', 'marker-plenary');
    await until(
      () => server.sync.withDoc(plenaryBoard(), (doc) => readRecords(doc).has('shape:plenary-note')),
      'the plenary note',
    );
    const marked = await command(cara, {
      type: 'markAction',
      shapeId: 'shape:plenary-note',
      action: { ownerParticipantId: null, dueDate: null },
    });
    expect(marked.status).toBe(200);
    expect((await marksOf(plenaryBoard()))['shape:plenary-note']).toMatchObject({
      action: { markedBy: g.members[2]!.participantId },
    });
    // A plenary note named as a room's is not on that board.
    const wrongBoard = await command(g.facilitator, {
      type: 'markAction',
      shapeId: 'shape:plenary-note',
      action: null,
      room: first,
    });
    expect(wrongBoard.status).toBe(409);
  });

  it('copies the marks with the room’s result onto the plenary board, once, and the summary reads them', async () => {
    expect((await command(g.facilitator, { type: 'closeRooms' })).status).toBe(200);
    const copy = `shape:room-${first}.idea-anna`;
    const records = await server.sync.withDoc(plenaryBoard(), (doc) => readRecords(doc));
    expect((records.get(copy) as { parentId: string }).parentId).toBe(plenaryResultFrameId(first));
    const marks = await marksOf(plenaryBoard());
    expect(marks[copy]).toEqual((await marksOf(roomBoard(first)))[idea]);
    expect(marks[idea]).toBeUndefined();
    // Copying again (a retry) writes no record and no mark.
    const rooms = [{ n: first, name: '1' }];
    expect(await copyRoomResults(server.sync, g.meetingId as MeetingId, rooms, 'en')).toBe(0);

    // The room is closed: nobody marks on its board now, its people or the facilitator.
    expect((await command(anna, { type: 'starNote', shapeId: idea, starred: false, room: first })).status).toBe(403);
    expect(
      (await command(g.facilitator, { type: 'markAction', shapeId: idea, action: null, room: first })).status,
    ).toBe(409);

    const ended = await server.api(g.path(`/meetings/${g.meetingId}/end`), { method: 'POST', token: g.facilitator });
    expect(ended.status).toBe(200);
    const res = await server.api(g.path(`/meetings/${g.meetingId}/summary`), { token: g.facilitator });
    const { summary } = meetingSummaryResponseSchema.parse(res.body);
    expect(summary.cases[0]).toMatchObject({ starredIdeas: ['marker-room-idea'] });
    expect(summary.actionItems).toEqual(
      expect.arrayContaining([expect.objectContaining({ text: 'marker-room-idea', ownerName: 'Anna' })]),
    );
  });
});
