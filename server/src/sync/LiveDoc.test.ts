import { pino } from 'pino';
import type { GroupId, MeetingId } from '@vermeboard/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore } from '../storage/Storage.js';
import { openSqliteStorage } from '../storage/sqlite.js';
import { LiveDoc, type LiveDocOptions, type Peer } from './LiveDoc.js';
import { stampPresence } from './presenceStamp.js';
import { TurnQueue } from './turnQueue.js';
import { readMessage, writeAwareness, writeAwarenessUpdate } from './protocol.js';

class RecordingPeer implements Peer {
  frames: Uint8Array[] = [];
  send(frame: Uint8Array): void {
    // As a plain Uint8Array: the server hands ws Buffers, and only the bytes are under test.
    this.frames.push(new Uint8Array(frame));
  }
}

/** A document's options for these tests, with `extra` in place of the defaults. */
function options(store: DocStore, extra: Partial<LiveDocOptions<RecordingPeer>> = {}): LiveDocOptions<RecordingPeer> {
  return {
    store,
    logger: pino({ level: 'silent' }),
    compactThreshold: 500,
    merge: () => Promise.reject(new Error('no compaction in these tests')),
    maxDocumentBytes: 1024 * 1024,
    awarenessClientsPerConnection: 4,
    samePerson: (a, b) => a === b,
    onPersistFailure: () => {},
    ...extra,
  };
}

function liveDoc(store: DocStore = openSqliteStorage(':memory:')) {
  return new LiveDoc<RecordingPeer>('meeting/abcdefgh12/board', [], options(store));
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const presence = (clientId: number, clock: number, name: string) => [{ clientId, clock, state: { user: { name } } }];

describe('awareness relay', () => {
  it('echoes presence to a client alone in the document, so its connection stays alive', async () => {
    const doc = liveDoc();
    const alone = new RecordingPeer();
    doc.join(alone);
    doc.applyAwareness(alone, presence(1, 1, 'Anna'));
    await nextTurn();
    expect(alone.frames).toHaveLength(1);
    doc.destroy();
  });

  it('relays the received bytes to everyone, the sender included', async () => {
    const doc = liveDoc();
    const anna = new RecordingPeer();
    const bert = new RecordingPeer();
    doc.join(anna);
    doc.join(bert);
    doc.applyAwareness(anna, presence(1, 1, 'Anna'));
    doc.applyAwareness(bert, presence(2, 1, 'Bert'));
    await nextTurn();
    anna.frames = [];
    bert.frames = [];

    doc.applyAwareness(anna, presence(1, 2, 'Anna moved'));
    await nextTurn();
    const relayed = [writeAwareness(writeAwarenessUpdate(presence(1, 2, 'Anna moved')))];
    expect(bert.frames).toEqual(relayed);
    // Anna's client ignores her own state at a clock it has; one frame for all keeps the relay linear.
    expect(anna.frames).toEqual(relayed);
    doc.destroy();
  });
});

describe('stamped presence', () => {
  const stamping = () =>
    new LiveDoc<RecordingPeer>(
      'meeting/abcdefgh12/board',
      [],
      options(openSqliteStorage(':memory:'), {
        stampPresence: (_peer, state) => stampPresence(state, { id: 'p-anna', name: 'Anna', role: 'member' }, false),
      }),
    );
  /** What a peer's frame of these raw JSON states reads as, with the bytes each state had. */
  const received = (states: string[]) =>
    readMessage(
      writeAwareness(
        writeAwarenessUpdate(
          states.map((json, i) => ({ clientId: i + 1, clock: 1, state: null, json: new TextEncoder().encode(json) })),
        ),
      ),
      { awarenessStateBytes: 1 << 16 },
    );

  it('relays an honest state’s JSON as received and a forged one as stamped', async () => {
    const doc = stamping();
    const anna = new RecordingPeer();
    const watcher = new RecordingPeer();
    doc.join(anna);
    doc.join(watcher);
    // Spaces and key order as no JSON.stringify of the server would write them.
    const honest = '{ "presence": {"x": 1},  "user": {"role":"member","name":"Anna","id":"p-anna"} }';
    const forged = '{"user":{"id":"p-anna","name":"Boss","role":"member"},"presence":{"x":1}}';
    const message = received([honest, forged]);
    if (message.type !== 'awareness') throw new Error('expected awareness');
    doc.applyAwareness(anna, message.entries);
    await nextTurn();
    expect(watcher.frames).toHaveLength(1);
    const relayed = readMessage(watcher.frames[0]!, { awarenessStateBytes: 1 << 16 });
    if (relayed.type !== 'awareness') throw new Error('expected awareness');
    expect(new TextDecoder().decode(relayed.entries[0]!.json)).toBe(honest);
    expect(relayed.entries[1]!.state).toEqual({
      user: { id: 'p-anna', name: 'Anna', role: 'member' },
      presence: { x: 1 },
    });
    doc.destroy();
  });
});

describe('fan-out per turn', () => {
  const flushed = async (doc: LiveDoc<RecordingPeer>) => {
    await doc.flushed();
    await nextTurn();
  };
  /** An update from a client doc of its own, as a browser would send it. */
  const edit = (source: Y.Doc, key: string, value: string) => {
    let update: Uint8Array | null = null;
    source.once('update', (u: Uint8Array) => {
      update = u;
    });
    source.getMap('m').set(key, value);
    return update!;
  };
  const applyFrames = (target: Y.Doc, frames: Uint8Array[]) => {
    for (const frame of frames) {
      const message = readMessage(frame, { awarenessStateBytes: 1 << 16 });
      if (message.type !== 'update') throw new Error(`expected an update, got ${message.type}`);
      Y.applyUpdate(target, message.update);
    }
  };

  it('sends every peer one merged frame for the updates of one turn, stored before it is sent', async () => {
    const store = openSqliteStorage(':memory:');
    const doc = liveDoc(store);
    const anna = new RecordingPeer();
    const bert = new RecordingPeer();
    const watcher = new RecordingPeer();
    for (const peer of [anna, bert, watcher]) doc.join(peer);
    const storedAtSend: Promise<Uint8Array[]>[] = [];
    const send = watcher.send.bind(watcher);
    watcher.send = (frame) => {
      // SQLite answers synchronously: this is what the store held when the frame went out.
      storedAtSend.push(store.loadUpdates(doc.name));
      send(frame);
    };
    const annaDoc = new Y.Doc();
    const bertDoc = new Y.Doc();
    const updates = [
      { from: anna, update: edit(annaDoc, 'a1', 'one') },
      { from: bert, update: edit(bertDoc, 'b1', 'two') },
      { from: anna, update: edit(annaDoc, 'a2', 'three') },
    ];
    for (const { from, update } of updates) doc.applyUpdate(update, Y.decodeUpdate(update), from);
    await flushed(doc);

    expect(watcher.frames).toHaveLength(1);
    expect((await storedAtSend[0])!).toHaveLength(3);
    const watcherDoc = new Y.Doc();
    applyFrames(watcherDoc, watcher.frames);
    expect(watcherDoc.getMap('m').toJSON()).toEqual({ a1: 'one', b1: 'two', a2: 'three' });
    expect(watcherDoc.getMap('m').toJSON()).toEqual(doc.doc.getMap('m').toJSON());

    // The senders get the same frame, their own updates included, and end up with the same document.
    expect(anna.frames).toEqual(watcher.frames);
    expect(bert.frames).toEqual(watcher.frames);
    applyFrames(annaDoc, anna.frames);
    applyFrames(bertDoc, bert.frames);
    expect(annaDoc.getMap('m').toJSON()).toEqual(watcherDoc.getMap('m').toJSON());
    expect(bertDoc.getMap('m').toJSON()).toEqual(watcherDoc.getMap('m').toJSON());
    doc.destroy();
  });

  it('writes a turn’s stored updates and its presence to each peer together, updates first', async () => {
    const store = openSqliteStorage(':memory:');
    const doc = liveDoc(store);
    const anna = new RecordingPeer();
    const watcher = Object.assign(new RecordingPeer(), {
      writes: [] as Uint8Array[][],
      sendMany(frames: readonly Uint8Array[]) {
        this.writes.push(frames.map((f) => new Uint8Array(f)));
      },
    });
    for (const peer of [anna, watcher]) doc.join(peer);
    const annaDoc = new Y.Doc();
    const update = edit(annaDoc, 'a1', 'one');
    doc.applyUpdate(update, Y.decodeUpdate(update), anna);
    doc.applyAwareness(anna, presence(1, 1, 'Anna'));
    await flushed(doc);

    expect(watcher.frames).toEqual([]);
    expect(watcher.writes).toHaveLength(1);
    const [first, second] = watcher.writes[0]!;
    expect(readMessage(first!, { awarenessStateBytes: 1 << 16 }).type).toBe('update');
    expect(second).toEqual(new Uint8Array(writeAwareness(writeAwarenessUpdate(presence(1, 1, 'Anna')))));
    expect(await store.loadUpdates(doc.name)).toHaveLength(1);
    // A peer without sendMany gets the same frames one by one.
    expect(anna.frames).toEqual(watcher.writes[0]);
    doc.destroy();
  });

  it('sends every peer one awareness frame with every presence that changed in the turn', async () => {
    const doc = liveDoc();
    const anna = new RecordingPeer();
    const bert = new RecordingPeer();
    const watcher = new RecordingPeer();
    for (const peer of [anna, bert, watcher]) doc.join(peer);
    doc.applyAwareness(anna, presence(1, 1, 'Anna'));
    doc.applyAwareness(bert, presence(2, 1, 'Bert'));
    doc.applyAwareness(anna, presence(1, 2, 'Anna moved'));
    await nextTurn();

    expect(watcher.frames).toEqual([
      writeAwareness(writeAwarenessUpdate([...presence(2, 1, 'Bert'), ...presence(1, 2, 'Anna moved')])),
    ]);
    expect(anna.frames).toEqual(watcher.frames);
    expect(bert.frames).toEqual(watcher.frames);
    doc.destroy();
  });
});

describe('updates stored as received', () => {
  const update = (source: Y.Doc, fn: () => void) => {
    let bytes: Uint8Array | null = null;
    source.once('update', (u: Uint8Array) => (bytes = u));
    fn();
    return bytes!;
  };
  const reload = async (store: DocStore, name: string) => {
    const reloaded = new Y.Doc();
    for (const u of await store.loadUpdates(name)) Y.applyUpdate(reloaded, u);
    return reloaded.getMap('m').toJSON();
  };

  it('stores and relays an update message byte for byte, and nothing for one the document has', async () => {
    const store = openSqliteStorage(':memory:');
    const doc = liveDoc(store);
    const anna = new RecordingPeer();
    const watcher = new RecordingPeer();
    doc.join(anna);
    doc.join(watcher);
    const source = new Y.Doc();
    const bytes = update(source, () => source.getMap('m').set('a', 'one'));
    doc.applyUpdate(bytes, Y.decodeUpdate(bytes), anna, true);
    await flushedTurn(doc);
    expect(await store.loadUpdates(doc.name)).toEqual([bytes]);
    expect(watcher.frames).toHaveLength(1);
    const relayed = readMessage(watcher.frames[0]!, { awarenessStateBytes: 1 << 16 });
    expect(relayed.type === 'update' && relayed.update).toEqual(bytes);

    // Sent again (a client that resends after a reconnect): nothing new, so nothing stored or sent.
    doc.applyUpdate(bytes, Y.decodeUpdate(bytes), anna, true);
    await flushedTurn(doc);
    expect(await store.loadUpdates(doc.name)).toHaveLength(1);
    expect(watcher.frames).toHaveLength(1);
    doc.destroy();
  });

  it('stores only what a sync step 2 adds, not what it repeats', async () => {
    const store = openSqliteStorage(':memory:');
    const doc = liveDoc(store);
    const anna = new RecordingPeer();
    doc.join(anna);
    const source = new Y.Doc();
    const first = update(source, () => source.getMap('m').set('a', 'x'.repeat(2000)));
    doc.applyUpdate(first, Y.decodeUpdate(first), anna, true);
    update(source, () => source.getMap('m').set('b', 'two'));
    const step2 = Y.encodeStateAsUpdate(source);
    doc.applyUpdate(step2, Y.decodeUpdate(step2), anna);
    await flushedTurn(doc);
    const rows = await store.loadUpdates(doc.name);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.byteLength).toBeLessThan(200);
    expect(await reload(store, doc.name)).toEqual({ a: 'x'.repeat(2000), b: 'two' });
    doc.destroy();
  });

  it('stores what an observer writes while a peer’s update is applied', async () => {
    const store = openSqliteStorage(':memory:');
    const doc = liveDoc(store);
    const anna = new RecordingPeer();
    doc.join(anna);
    const map = doc.doc.getMap('m');
    map.observe((event) => {
      if (event.keysChanged.has('ping')) doc.doc.transact(() => map.set('pong', 'written by an observer'));
    });
    const source = new Y.Doc();
    const bytes = update(source, () => source.getMap('m').set('ping', 'one'));
    doc.applyUpdate(bytes, Y.decodeUpdate(bytes), anna, true);
    await flushedTurn(doc);
    expect(await reload(store, doc.name)).toEqual({ ping: 'one', pong: 'written by an observer' });
    doc.destroy();
  });
});

describe('turns of several documents', () => {
  it('stores every document’s updates of a turn in one commit, and relays only after it', async () => {
    const store = openSqliteStorage(':memory:');
    const batches: string[][] = [];
    const appendBatchNow = store.appendBatchNow!.bind(store);
    store.appendBatchNow = (batch) => {
      batches.push(batch.map((b) => b.docName));
      return appendBatchNow(batch);
    };
    const failed: string[] = [];
    const turns = new TurnQueue(store, pino({ level: 'silent' }));
    const open = (name: string) =>
      new LiveDoc<RecordingPeer>(name, [], options(store, { onPersistFailure: (doc) => failed.push(doc.name), turns }));
    // The second is a purged meeting's document: the store refuses it and takes the others.
    const groupId = 'group-000001' as GroupId;
    await store.createGroup(
      { id: groupId, name: 'G', createdAt: '2026-01-01T00:00:00.000Z', linkGeneration: 0 },
      { facilitator: 'f', member: 'm', observer: 'o' },
    );
    await store.setRetention(groupId, 1);
    await store.createMeeting({ id: 'meeting-0002' as MeetingId, groupId, createdAt: '2026-01-01T00:00:00.000Z' });
    await store.endMeeting('meeting-0002' as MeetingId, '2026-01-02T00:00:00.000Z');
    await store.purgeExpiredMeetings(new Date('2026-01-10T00:00:00.000Z'));
    const refused = 'meeting/meeting-0002/board';
    const docs = [open('meeting/meeting-0001/board'), open(refused), open('meeting/meeting-0003/board')];
    const watchers = docs.map((doc) => {
      const watcher = new RecordingPeer();
      const send = watcher.send.bind(watcher);
      watcher.send = (frame) => {
        // What the store held when the frame went out: the commit came first.
        expect(batches).toHaveLength(1);
        send(frame);
      };
      doc.join(watcher);
      return watcher;
    });
    const writer = new RecordingPeer();
    docs.forEach((doc, i) => {
      doc.join(writer);
      const source = new Y.Doc();
      let update: Uint8Array | null = null;
      source.once('update', (u: Uint8Array) => (update = u));
      source.getMap('m').set('k', i);
      doc.applyUpdate(update!, Y.decodeUpdate(update!), writer, true);
    });
    await Promise.all(docs.map((doc) => doc.flushed()));

    expect(batches).toEqual([docs.map((doc) => doc.name)]);
    expect(failed).toEqual([refused]);
    expect(watchers.map((w) => w.frames.length)).toEqual([1, 0, 1]);
    expect(await store.loadUpdates(docs[0]!.name)).toHaveLength(1);
    expect(await store.loadUpdates(refused)).toEqual([]);
    expect(await store.loadUpdates(docs[2]!.name)).toHaveLength(1);
    for (const doc of docs) doc.destroy();
  });
});

describe('merged fan-out under concurrent edits', () => {
  it('leaves every peer with the server’s document after many turns of edits from several peers', async () => {
    const doc = liveDoc();
    const remote = Symbol('remote');
    // Each peer is a client with a document of its own that applies what the server sends it.
    const peers = Array.from({ length: 5 }, () => {
      const ydoc = new Y.Doc();
      const peer: RecordingPeer & { ydoc: Y.Doc; outbox: Uint8Array[] } = Object.assign(new RecordingPeer(), {
        ydoc,
        outbox: [] as Uint8Array[],
      });
      peer.send = (frame) => {
        const message = readMessage(frame, { awarenessStateBytes: 1 << 16 });
        if (message.type === 'update') Y.applyUpdate(ydoc, message.update, remote);
      };
      ydoc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== remote) peer.outbox.push(update);
      });
      doc.join(peer);
      return peer;
    });
    // A small deterministic generator, so that a failure can be replayed.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed >>> 16) % n;
    };
    for (let turn = 0; turn < 60; turn++) {
      for (const peer of peers) {
        for (let edit = random(4); edit > 0; edit--) {
          const list = peer.ydoc.getArray<string>('records');
          if (list.length > 3 && random(4) === 0) list.delete(random(list.length), 1);
          else list.insert(random(list.length + 1), [`${turn}-${edit}`]);
          peer.ydoc.getMap('m').set(`k${random(5)}`, turn);
        }
      }
      // Each peer's updates reach the server in order, the peers in a mixed order, as sockets deliver them.
      const order = [...peers].sort(() => random(3) - 1);
      for (const peer of order) {
        for (const update of peer.outbox.splice(0)) doc.applyUpdate(update, Y.decodeUpdate(update), peer);
      }
      // Sometimes several turns' edits meet in one commit, sometimes each is sent alone.
      if (random(2) === 0) await flushedTurn(doc);
    }
    await flushedTurn(doc);
    const expected = doc.doc.getArray('records').toJSON();
    expect(expected.length).toBeGreaterThan(10);
    for (const peer of peers) {
      expect(peer.ydoc.store.pendingStructs).toBeNull();
      expect(peer.ydoc.getArray('records').toJSON()).toEqual(expected);
      expect(peer.ydoc.getMap('m').toJSON()).toEqual(doc.doc.getMap('m').toJSON());
    }
    doc.destroy();
  });
});

async function flushedTurn(doc: LiveDoc<RecordingPeer>): Promise<void> {
  await doc.flushed();
  await nextTurn();
  await doc.flushed();
}

describe('compaction', () => {
  const compacting = (store: DocStore) =>
    new LiveDoc<RecordingPeer>(
      'meeting/abcdefgh12/board',
      [],
      options(store, { compactThreshold: 5, merge: async (updates) => Y.mergeUpdates(updates) }),
    );
  const write = async (doc: LiveDoc<RecordingPeer>, peer: RecordingPeer, source: Y.Doc, n: number) => {
    for (let i = 0; i < n; i++) {
      let update: Uint8Array | null = null;
      source.once('update', (u: Uint8Array) => (update = u));
      source.getMap('m').set(`k${i}`, i);
      doc.applyUpdate(update!, Y.decodeUpdate(update!), peer);
      await doc.flushed();
    }
  };

  it('waits for a quiet second past the threshold, and not past four times it', async () => {
    const store = openSqliteStorage(':memory:');
    const doc = compacting(store);
    const peer = new RecordingPeer();
    doc.join(peer);
    const source = new Y.Doc();
    await write(doc, peer, source, 8);
    await doc.idle();
    // Past the threshold of 5, but the document was written a moment ago.
    expect(await store.countUpdates(doc.name)).toBe(8);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    await doc.idle();
    expect(await store.countUpdates(doc.name)).toBe(1);

    // Twenty-one more rows: past four times the threshold, compacted without waiting.
    await write(doc, peer, source, 21);
    await doc.idle();
    expect(await store.countUpdates(doc.name)).toBeLessThan(21);
    const reloaded = new Y.Doc();
    for (const u of await store.loadUpdates(doc.name)) Y.applyUpdate(reloaded, u);
    expect(reloaded.getMap('m').toJSON()).toEqual(source.getMap('m').toJSON());
    doc.destroy();
  });
});
