// Every way a modified browser tried to make the server vouch for what it should not, against a
// real server with real y-websocket clients: each update is refused with the documented close code,
// nothing of it reaches the stored board or anyone else, and everyone else goes on editing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BOARD_AUTHORS,
  BOARD_CLIENTS,
  BOARD_META,
  BOARD_RECORDS,
  BOARD_SCHEMA_VERSION,
  CloseCode,
  formatDocName,
  layoutShapeId,
  META_SCHEMA_VERSION,
  META_TLDRAW_SCHEMA,
  type ClientCommand,
  type MeetingId,
} from '@vermeboard/shared';
import { createGroupFixture, type GroupFixture } from '../http/groupFixture.testkit.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import {
  recordsOf,
  sendCommand,
  SessionClients,
  sessionOf,
  until,
  type Client,
} from '../facilitation/sessionClients.testkit.js';
import { writeUpdate } from '../sync/protocol.js';
import { putNote, setRecords } from './boardClient.testkit.js';
import { noteRecord } from './shapeRecords.js';
import { serializedTldrawSchema } from './tldrawSchema.js';

let server: TestServer;
const clients = new SessionClients(() => server);
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  clients.closeAll();
  await server.close();
});

let g: GroupFixture;
let m: MeetingId;
let tokens: { fac: string; anna: string; ben: string; olli: string };
let ids: { fac: string; anna: string; ben: string; olli: string };
/** Close codes each client's socket was closed with, in order. */
const closes = new Map<Client, number[]>();

function connect(token: string, kind: 'board' | 'session' = 'board'): Client {
  const client = clients.connect(m, kind, token);
  const codes: number[] = [];
  closes.set(client, codes);
  client.provider.on('connection-close', (event) => {
    if (event) codes.push(event.code);
  });
  return client;
}

async function ok(token: string, command: ClientCommand) {
  const res = await sendCommand(server, m, token, command);
  expect(res.status, JSON.stringify({ command, body: res.body })).toBe(200);
}

const boardName = () => formatDocName({ kind: 'board', meetingId: m });
const stored = () => server.sync.withDoc(boardName(), (doc) => Y.encodeStateAsUpdate(doc));
const storedRecords = () => server.sync.withDoc(boardName(), recordsOf);
const frameId = () => layoutShapeId('welcome-1', 'ground-rules');

/** Kaisa facilitates a running welcome step (its layout placed by the server); Anna and Ben are on the board. */
async function meeting(): Promise<{ anna: Client; ben: Client; fac: Client }> {
  g = await createGroupFixture(server, { members: ['Anna', 'Ben', 'Cecilia'] });
  m = g.meetingId;
  tokens = {
    fac: g.facilitator,
    anna: g.members[0]!.participantToken,
    ben: g.members[1]!.participantToken,
    olli: g.observer.participantToken,
  };
  ids = {
    fac: g.group.participantId,
    anna: g.members[0]!.participantId,
    ben: g.members[1]!.participantId,
    olli: g.observer.participantId,
  };
  const fac = connect(tokens.fac);
  const session = connect(tokens.fac, 'session');
  await until(() => sessionOf(session)?.facilitatorId === ids.fac, 'the facilitator in the session');
  await ok(tokens.fac, { type: 'addAgendaItem', methodId: 'welcome' });
  await ok(tokens.fac, { type: 'startMeeting' });
  const anna = connect(tokens.anna);
  const ben = connect(tokens.ben);
  await until(
    () => [anna, ben, fac].every((c) => c.provider.synced && recordsOf(c.doc).has(frameId())),
    'the board with its layout',
  );
  putNote(ben.doc, 'shape:ben-idea', 'Ben was here', { meta: { vbAuthor: ids.ben } });
  await until(async () => (await storedRecords()).has('shape:ben-idea'), 'Ben’s note stored');
  return { anna, ben, fac };
}

/**
 * Runs `attack` as Anna and checks that the server refused it: her socket closed with
 * `updateRefused`, the stored board byte-for-byte as before, Ben never saw any of it, and Ben can
 * still write (his note reaches Kaisa).
 */
async function expectRefused(anna: Client, ben: Client, fac: Client, attack: () => void, marker: string) {
  const before = await stored();
  attack();
  await until(() => closes.get(anna)!.includes(CloseCode.updateRefused), 'the refusal');
  expect(Buffer.from(await stored()).equals(Buffer.from(before))).toBe(true);
  expect(ben.frames.some((f) => f.includes(marker))).toBe(false);
  expect(closes.get(ben)).toEqual([]);
  const later = `shape:ben-later-${Math.random().toString(36).slice(2, 8)}`;
  putNote(ben.doc, later, 'still here', { meta: { vbAuthor: ids.ben } });
  await until(() => recordsOf(fac.doc).has(later), 'Ben’s next note at Kaisa’s');
}

/** Anna back with a fresh copy of the board, after a refusal closed her last connection. */
async function annaAgain(): Promise<Client> {
  const anna = connect(tokens.anna);
  await until(() => anna.provider.synced, 'Anna back');
  return anna;
}

function sendRaw(client: Client, update: Uint8Array): void {
  const ws = client.provider.ws;
  if (!ws) throw new Error('not connected');
  ws.send(writeUpdate(update));
}

describe('board updates the server refuses', () => {
  it('moves or deletes of a locked layout frame by a member', async () => {
    const { anna, ben, fac } = await meeting();
    const frame = recordsOf(anna.doc).get(frameId()) as Record<string, unknown>;
    await expectRefused(
      anna,
      ben,
      fac,
      () => setRecords(anna.doc, new Map([[frameId(), { ...frame, x: 4_242_424_242 }]])),
      '4242424242',
    );
    expect((recordsOf(fac.doc).get(frameId()) as { x: number }).x).toBe(0);

    const anna2 = await annaAgain();
    await expectRefused(
      anna2,
      ben,
      fac,
      () => {
        const array = anna2.doc.getArray<{ key: string }>(BOARD_RECORDS);
        array.delete(array.toArray().findIndex((e) => e.key === frameId()));
      },
      'never-sent',
    );
    expect(recordsOf(ben.doc).has(frameId())).toBe(true);
  });

  it('lets the facilitator move the same frame', async () => {
    const { fac, ben } = await meeting();
    const frame = recordsOf(fac.doc).get(frameId()) as Record<string, unknown>;
    setRecords(fac.doc, new Map([[frameId(), { ...frame, x: 300 }]]));
    await until(() => (recordsOf(ben.doc).get(frameId()) as { x: number }).x === 300, 'the moved frame');
    expect(closes.get(fac)).toEqual([]);
  });

  it('a record marked private on the board', async () => {
    const { anna, ben, fac } = await meeting();
    await expectRefused(
      anna,
      ben,
      fac,
      () => putNote(anna.doc, 'shape:hidden', 'HIDDEN-PLANT', { meta: { vbPrivate: true, vbAuthor: ids.anna } }),
      'HIDDEN-PLANT',
    );
  });

  for (const who of ['ben', 'olli', 'removed'] as const) {
    it(`a note in the name of ${who === 'removed' ? 'a removed member' : who}`, async () => {
      const { anna, ben, fac } = await meeting();
      let author = ids[who === 'removed' ? 'ben' : who];
      if (who === 'removed') {
        const res = await server.api(g.path(`/participants/${g.members[2]!.participantId}`), {
          method: 'DELETE',
          token: tokens.fac,
        });
        expect(res.status).toBe(200);
        author = g.members[2]!.participantId;
      }
      await expectRefused(
        anna,
        ben,
        fac,
        () => putNote(anna.doc, 'shape:forged', 'FORGED-PROGRESS', { meta: { vbAuthor: author } }),
        'FORGED-PROGRESS',
      );
    });
  }

  it('taking over the author of someone else’s note by editing it', async () => {
    const { anna, ben, fac } = await meeting();
    await until(() => recordsOf(anna.doc).has('shape:ben-idea'), 'Ben’s note at Anna’s');
    const note = recordsOf(anna.doc).get('shape:ben-idea') as { meta: Record<string, unknown> };
    await expectRefused(
      anna,
      ben,
      fac,
      () =>
        setRecords(
          anna.doc,
          new Map([['shape:ben-idea', { ...note, x: 7_654_321, meta: { ...note.meta, vbAuthor: ids.anna } }]]),
        ),
      '7654321',
    );
    // Editing it while keeping the author is fine, and the author stays Ben's.
    const anna2 = await annaAgain();
    setRecords(anna2.doc, new Map([['shape:ben-idea', { ...note, x: 555 }]]));
    await until(
      async () =>
        (await storedRecords()).get('shape:ben-idea') !== undefined &&
        JSON.stringify((await storedRecords()).get('shape:ben-idea')).includes('555'),
      'the edit',
    );
    expect(await server.sync.withDoc(boardName(), (d) => d.getMap(BOARD_AUTHORS).get('shape:ben-idea'))).toBe(ids.ben);
  });

  it('stars and action marks written into a record', async () => {
    const { anna, ben, fac } = await meeting();
    await expectRefused(
      anna,
      ben,
      fac,
      () => putNote(anna.doc, 'shape:starred', 'SELF-STARRED', { meta: { vbStarred: true } }),
      'SELF-STARRED',
    );
    const anna2 = await annaAgain();
    await expectRefused(
      anna2,
      ben,
      fac,
      () =>
        putNote(anna2.doc, 'shape:action', 'SELF-ACTION', {
          meta: { vbAction: { ownerParticipantId: ids.ben, dueDate: '2026-12-24' } },
        }),
      'SELF-ACTION',
    );
  });

  it('a record planted under a layout id before the server places it', async () => {
    const { anna, ben, fac } = await meeting();
    const future = layoutShapeId('goal-recap-2', 'goal-1');
    await expectRefused(
      anna,
      ben,
      fac,
      () => putNote(anna.doc, future, 'FAKE-GOAL', { meta: { vbGoalId: 'goal-forged' } }),
      'FAKE-GOAL',
    );
  });

  it('a goal card outside the layout', async () => {
    const { anna, ben, fac } = await meeting();
    await expectRefused(
      anna,
      ben,
      fac,
      () => putNote(anna.doc, 'shape:goal-ish', 'GOALISH', { meta: { vbGoalId: 'goal-1' } }),
      'GOALISH',
    );
  });

  it('a newer schema version written into the board’s meta', async () => {
    const { anna, ben, fac } = await meeting();
    expect(anna.doc.getMap(BOARD_META).get(META_SCHEMA_VERSION)).toBe(BOARD_SCHEMA_VERSION);
    expect(anna.doc.getMap(BOARD_META).get(META_TLDRAW_SCHEMA)).toEqual(serializedTldrawSchema);
    await expectRefused(anna, ben, fac, () => anna.doc.getMap(BOARD_META).set(META_SCHEMA_VERSION, 99), 'never-sent');
    expect(ben.doc.getMap(BOARD_META).get(META_SCHEMA_VERSION)).toBe(BOARD_SCHEMA_VERSION);
  });

  it('a server-only map or another type of the document', async () => {
    const { anna, ben, fac } = await meeting();
    await expectRefused(
      anna,
      ben,
      fac,
      () => anna.doc.getMap(BOARD_AUTHORS).set('shape:ben-idea', 'AUTHOR-GRAB'),
      'AUTHOR-GRAB',
    );
    const anna2 = await annaAgain();
    await expectRefused(
      anna2,
      ben,
      fac,
      () => anna2.doc.getText('elsewhere').insert(0, 'SIDE-CHANNEL'),
      'SIDE-CHANNEL',
    );
  });

  it('junk entries and records over the size bound', async () => {
    const { anna, ben, fac } = await meeting();
    const huge = 'J'.repeat(2 * 1024 * 1024 - 64 * 1024);
    await expectRefused(
      anna,
      ben,
      fac,
      () => anna.doc.getArray(BOARD_RECORDS).push([{ key: 'junk', val: { id: 'junk', blob: huge } }]),
      'JJJJJJJJ',
    );
    const anna2 = await annaAgain();
    await expectRefused(
      anna2,
      ben,
      fac,
      () => putNote(anna2.doc, 'shape:big', `BIG-${'x'.repeat(70 * 1024)}`),
      'BIG-xxxx',
    );
    const anna3 = await annaAgain();
    await expectRefused(
      anna3,
      ben,
      fac,
      () =>
        anna3.doc
          .getArray(BOARD_RECORDS)
          .push([{ key: 'shape:bad', val: { id: 'shape:bad', typeName: 'shape', type: 'note', x: 'NaN-ish' } }]),
      'NaN-ish',
    );
  });

  it('a client id that belongs to someone else', async () => {
    const { anna, ben, fac } = await meeting();
    // Anna's copy of the board, writing with Ben's client id.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(anna.doc));
    // Set after loading: Yjs picks a new id for a doc that receives structs under its own.
    forged.clientID = ben.doc.clientID;
    const before = Y.encodeStateVector(forged);
    setRecords(
      forged,
      new Map([
        ['shape:as-ben', noteRecord({ id: 'shape:as-ben', parentId: 'page:page', x: 0, y: 0, text: 'AS-BEN' })],
      ]),
    );
    expect(await server.sync.withDoc(boardName(), (d) => d.getMap(BOARD_CLIENTS).get(String(ben.doc.clientID)))).toBe(
      ids.ben,
    );
    const raw = Y.encodeStateAsUpdate(forged, before);
    expect(Y.decodeUpdate(raw).structs.map((s) => s.id.client)).toEqual([ben.doc.clientID]);
    await expectRefused(anna, ben, fac, () => sendRaw(anna, raw), 'AS-BEN');
  });

  it('an update that depends on changes the server never got', async () => {
    const { anna, ben, fac } = await meeting();
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(anna.doc));
    putNote(local, 'shape:first', 'FIRST');
    const afterFirst = Y.encodeStateVector(local);
    putNote(local, 'shape:second', 'PENDING-SECOND');
    await expectRefused(
      anna,
      ben,
      fac,
      () => sendRaw(anna, Y.encodeStateAsUpdate(local, afterFirst)),
      'PENDING-SECOND',
    );
    // Nothing is left waiting in the server's document either.
    expect(await server.sync.withDoc(boardName(), (d) => d.store.pendingStructs)).toBeNull();
  });
});

describe('an ended meeting', () => {
  it('is read-only for everyone, the facilitator included', async () => {
    const { anna, fac } = await meeting();
    await ok(tokens.fac, { type: 'endMeeting' });
    // The writers are closed with a code that asks them to reconnect, and come back read-only.
    await until(() => closes.get(fac)!.includes(CloseCode.accessChanged), 'the facilitator closed');
    await until(() => closes.get(anna)!.includes(CloseCode.accessChanged), 'Anna closed');
    const fac2 = connect(tokens.fac);
    const anna2 = connect(tokens.anna);
    await until(() => fac2.provider.synced && anna2.provider.synced, 'reconnected');
    const before = await stored();
    putNote(fac2.doc, 'shape:after-end', 'AFTER-END');
    putNote(anna2.doc, 'shape:after-end-2', 'AFTER-END-2');
    await new Promise((r) => setTimeout(r, 300));
    expect(Buffer.from(await stored()).equals(Buffer.from(before))).toBe(true);
    expect((await storedRecords()).has('shape:after-end')).toBe(false);
  });
});
