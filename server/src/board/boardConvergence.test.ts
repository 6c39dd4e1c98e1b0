// Honest clients never meet a refusal: eight real y-websocket clients edit one board the way
// browsers do (a YKeyValue over tldraw records, each writer stamping only their own notes), with
// random creates, moves, text edits and deletes of anyone's notes, the facilitator moving layout
// frames, and random offline spells whose edits sync on reconnect. Every client must converge to
// the server's board, and none may ever be closed with `updateRefused`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import { YKeyValue } from 'y-utility/y-keyvalue';
import * as Y from 'yjs';
import { BOARD_RECORDS, CloseCode, formatDocName, layoutShapeId, type ClientCommand } from '@vermeboard/shared';
import { WebSocket } from 'ws';
import { bearerHeader, bearerWebSocket } from '../bearerSocket.testkit.js';
import { writeSyncStep2, writeUpdate } from '../sync/protocol.js';
import { createGroupFixture } from '../http/groupFixture.testkit.js';
import { recordsOf, sendCommand, until } from '../facilitation/sessionClients.testkit.js';
import { startTestServer, type TestServer } from '../testServer.testkit.js';
import { noteRecord } from './shapeRecords.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

/** A small seeded generator (mulberry32), so a failing run can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Browser {
  name: string;
  participantId: string;
  facilitates: boolean;
  doc: Y.Doc;
  kv: YKeyValue<Record<string, unknown>>;
  provider: WebsocketProvider;
  closeCodes: number[];
  offline: boolean;
}

function open(meetingId: string, token: string, name: string, participantId: string, facilitates: boolean): Browser {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/sync`, `meeting/${meetingId}/board`, doc, {
    WebSocketPolyfill: bearerWebSocket(token),
    disableBc: true,
  });
  const browser: Browser = {
    name,
    participantId,
    facilitates,
    doc,
    kv: new YKeyValue(doc.getArray(BOARD_RECORDS)),
    provider,
    closeCodes: [],
    offline: false,
  };
  provider.on('connection-close', (event) => {
    if (event) browser.closeCodes.push(event.code);
  });
  return browser;
}

const seed = Number(process.env.CONVERGENCE_SEED ?? Date.now() % 1_000_000);

describe('eight honest browsers editing one board', () => {
  it(`converge with offline spells and are never refused (seed ${seed})`, async () => {
    const rand = random(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
    const names = ['Anna', 'Ben', 'Cecilia', 'Daniel', 'Eeva', 'Frans', 'Greta'];
    const g = await createGroupFixture(server, { members: names });
    const command = async (c: ClientCommand) =>
      expect((await sendCommand(server, g.meetingId, g.facilitator, c)).status).toBe(200);
    const browsers: Browser[] = [
      open(g.meetingId, g.facilitator, 'Kaisa', g.group.participantId, true),
      ...g.members.map((mbr, i) => open(g.meetingId, mbr.participantToken, names[i]!, mbr.participantId, false)),
    ];
    await until(() => browsers.every((b) => b.provider.synced), 'everyone synced');
    await command({ type: 'addAgendaItem', methodId: 'reflection' });
    await command({ type: 'startMeeting' });
    const frames = ['what', 'so-what', 'now-what'].map((f) => layoutShapeId('reflection-1', f));
    await until(() => browsers.every((b) => frames.every((f) => b.kv.has(f))), 'the layout everywhere');

    let created = 0;
    const notes = (b: Browser) => [...b.kv.map.keys()].filter((k) => k.startsWith('shape:n-'));
    const step = (b: Browser) => {
      const roll = rand();
      const existing = notes(b);
      if (b.facilitates && roll < 0.1) {
        const id = pick(frames);
        const frame = b.kv.get(id);
        if (frame) b.kv.set(id, { ...frame, x: Math.round(rand() * 2000) });
      } else if (roll < 0.4 || existing.length === 0) {
        const id = `shape:n-${b.name}-${created++}`;
        const note = noteRecord({
          id,
          parentId: pick(frames),
          x: Math.round(rand() * 600),
          y: Math.round(rand() * 900),
          text: `${b.name} idea ${created}`,
          meta: { vbAuthor: b.participantId },
        });
        b.kv.set(id, note as unknown as Record<string, unknown>);
      } else if (roll < 0.75) {
        const id = pick(existing);
        const note = b.kv.get(id)!;
        b.kv.set(id, { ...note, x: Math.round(rand() * 600), y: Math.round(rand() * 900) });
      } else if (roll < 0.9) {
        const id = pick(existing);
        const note = b.kv.get(id)!;
        const edited = noteRecord({
          id,
          parentId: note.parentId as string,
          x: note.x as number,
          y: note.y as number,
          text: `edited by ${b.name} ${Math.round(rand() * 1000)}`,
          meta: note.meta as Record<string, unknown>,
        });
        b.kv.set(id, edited as unknown as Record<string, unknown>);
      } else {
        b.kv.delete(pick(existing));
      }
    };

    for (let round = 0; round < 40; round++) {
      for (const b of browsers) {
        if (!b.offline && rand() < 0.08) {
          b.offline = true;
          b.provider.disconnect();
        } else if (b.offline && rand() < 0.3) {
          b.offline = false;
          b.provider.connect();
        }
        const edits = 1 + Math.floor(rand() * 3);
        for (let i = 0; i < edits; i++) step(b);
      }
      await new Promise((r) => setTimeout(r, Math.floor(rand() * 30)));
    }
    for (const b of browsers) {
      if (b.offline) b.provider.connect();
      b.offline = false;
    }

    const serverRecords = async () =>
      JSON.stringify(
        [...(await server.sync.withDoc(formatDocName({ kind: 'board', meetingId: g.meetingId }), recordsOf))].sort(),
      );
    await until(
      async () => {
        const expected = await serverRecords();
        return browsers.every((b) => b.provider.synced && JSON.stringify([...recordsOf(b.doc)].sort()) === expected);
      },
      'every browser equal to the server',
      20_000,
    );
    for (const b of browsers)
      expect(
        b.closeCodes.filter((c) => c === CloseCode.updateRefused),
        b.name,
      ).toEqual([]);
    expect(created).toBeGreaterThan(50);
    for (const b of browsers) b.provider.destroy();
  }, 60_000);
});

describe('a browser that reconnects after editing offline', () => {
  it('is not refused for an edit it sends before its sync step 2', async () => {
    const g = await createGroupFixture(server, { members: ['Anna', 'Ben'] });
    const [annaMember, benMember] = g.members as [(typeof g.members)[0], (typeof g.members)[0]];
    const anna = open(g.meetingId, annaMember.participantToken, 'Anna', annaMember.participantId, false);
    const ben = open(g.meetingId, benMember.participantToken, 'Ben', benMember.participantId, false);
    await until(() => anna.provider.synced && ben.provider.synced, 'both synced');
    const note = (id: string, text: string) =>
      noteRecord({
        id,
        parentId: 'page:page',
        x: 0,
        y: 0,
        text,
        meta: { vbAuthor: anna.participantId },
      }) as unknown as Record<string, unknown>;

    anna.provider.disconnect();
    anna.kv.set('shape:offline', note('shape:offline', 'written offline'));
    // The moment the socket opens, before the client has even sent its step 1 (y-websocket reports
    // 'connected' first): this edit reaches the server as an update that builds on the offline one,
    // which only the client's step 2 brings.
    let sentEarly = false;
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      anna.provider.off('status', onStatus);
      anna.kv.set('shape:early', note('shape:early', 'written as the socket opened'));
      sentEarly = true;
    };
    anna.provider.on('status', onStatus);
    anna.provider.connect();

    await until(() => ben.kv.has('shape:offline') && ben.kv.has('shape:early'), 'both notes at Ben’s');
    expect(sentEarly).toBe(true);
    expect(anna.closeCodes).toEqual([]);
    const stored = await server.sync.withDoc(formatDocName({ kind: 'board', meetingId: g.meetingId }), (doc) => ({
      records: [...recordsOf(doc).keys()].filter((k) => k.startsWith('shape:')).sort(),
      pending: doc.store.pendingStructs,
    }));
    expect(stored).toEqual({ records: ['shape:early', 'shape:offline'], pending: null });
    anna.provider.destroy();
    ben.provider.destroy();
  });
  it('holds such edits only until the step 2, and only so many', async () => {
    const g = await createGroupFixture(server, { members: ['Anna'] });
    const anna = g.members[0]!;
    const name = formatDocName({ kind: 'board', meetingId: g.meetingId });
    // A client that never answers the server's step 1 (not y-websocket): its edits build on one it
    // never sent. Held, then refused when the bound is passed, and none of them stored.
    const raw = async (send: (ws: WebSocket, updates: Uint8Array[]) => void) => {
      const local = new Y.Doc();
      Y.applyUpdate(local, await server.sync.withDoc(name, (doc) => Y.encodeStateAsUpdate(doc)));
      const kv = new YKeyValue<Record<string, unknown>>(local.getArray(BOARD_RECORDS));
      const note = (i: number) =>
        noteRecord({
          id: `shape:raw-${i}`,
          parentId: 'page:page',
          x: i,
          y: 0,
          text: `raw ${i}`,
          meta: { vbAuthor: anna.participantId },
        });
      kv.set('shape:raw-0', note(0) as unknown as Record<string, unknown>);
      const updates: Uint8Array[] = [];
      local.on('update', (u: Uint8Array) => updates.push(u));
      for (let i = 1; i <= 70; i++) kv.set(`shape:raw-${i}`, note(i) as unknown as Record<string, unknown>);
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/sync/${name}`, bearerHeader(anna.participantToken));
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      ws.once('open', () => send(ws, updates));
      return closed;
    };
    const storedNotes = () =>
      server.sync.withDoc(name, (doc) => [...recordsOf(doc).keys()].filter((k) => k.startsWith('shape:raw-')).length);

    expect(await raw((ws, updates) => updates.forEach((u) => ws.send(writeUpdate(u))))).toBe(CloseCode.updateRefused);
    expect(await storedNotes()).toBe(0);
    // Fewer than the bound, then an empty step 2 that brings nothing they build on: refused then.
    expect(
      await raw((ws, updates) => {
        updates.slice(0, 5).forEach((u) => ws.send(writeUpdate(u)));
        ws.send(writeSyncStep2(Y.encodeStateAsUpdate(new Y.Doc())));
      }),
    ).toBe(CloseCode.updateRefused);
    expect(await storedNotes()).toBe(0);
  });
});
