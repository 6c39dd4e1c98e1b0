// Several instances behind no load balancer at all: real server processes on their own ports
// sharing one PostgreSQL database and a private Redis, with real y-websocket clients on different
// instances. What one instance's clients do, the others' see; the facilitation session is one; and
// an instance killed, Redis restarted or PostgreSQL cut off loses nothing that any client received.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Redis } from 'ioredis';
import {
  BOARD_CLIENTS,
  CloseCode,
  decodeStrokePreview,
  encodeStrokePreview,
  SESSION_MAP,
  SESSION_REACTIONS_KEY,
  STROKE_PREVIEW_MESSAGE,
  type SessionState,
  type StrokePreview,
} from '@vermeboard/shared';
import { bearerWebSocket } from '../bearerSocket.testkit.js';
import { clusterKeys } from './keys.js';
import { openPostgresStorage } from '../storage/postgres.js';
import { putNote, readRecords } from '../board/boardClient.testkit.js';
import { sendCommand, sessionOf } from '../facilitation/sessionClients.testkit.js';
import { createGroupFixture, type GroupFixture } from '../http/groupFixture.testkit.js';
import {
  buildServer,
  PausableProxy,
  PrivateRedis,
  TestCluster,
  waitFor,
  type Instance,
} from './clusterProcesses.testkit.js';

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

const open: Client[] = [];

function connect(instance: Instance, meetingId: string, kind: 'board' | 'session', token: string): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${instance.port}/sync`, `meeting/${meetingId}/${kind}`, doc, {
    WebSocketPolyfill: bearerWebSocket(token),
    disableBc: true,
    // Reconnect quickly after an instance dies (the default backs off to 2.5 s).
    maxBackoffTime: 200,
  });
  const client = { doc, provider };
  open.push(client);
  return client;
}

function close(client: Client): void {
  client.provider.destroy();
  client.doc.destroy();
}

const synced = (c: Client) => waitFor(async () => c.provider.synced, 'the client to sync');
const notes = (c: Client) => new Set([...readRecords(c.doc).keys()].filter((id) => id.startsWith('shape:')));
const hasNote = (c: Client, id: string) => readRecords(c.doc).has(id);

function cursorOf(watcher: Client, author: Client): unknown {
  const state = watcher.provider.awareness.getStates().get(author.doc.clientID) as
    { presence?: { cursor?: unknown } } | undefined;
  return state?.presence?.cursor;
}

function moveCursor(client: Client, x: number): void {
  client.provider.awareness.setLocalState({ user: { name: 'x' }, presence: { cursor: { x, y: 1 } } });
}

function presentIn(state: SessionState | undefined, participantId: string): boolean {
  return state?.participants.some((p) => p.id === participantId && p.present) ?? false;
}

let redis: PrivateRedis;
let cluster: TestCluster | null = null;

beforeAll(async () => {
  // The build is incremental: a no-op after `npm run build`, most of a minute on a busy machine otherwise.
  [redis] = await Promise.all([PrivateRedis.start(), buildServer()]);
}, 180_000);

afterEach(async () => {
  for (const c of open.splice(0)) close(c);
  await cluster?.close();
  cluster = null;
}, 20_000);

/** Three instances that the tests which kill nothing share, each test in a meeting of its own. */
let shared: { cluster: TestCluster; nodes: Instance[] } | null = null;

afterAll(async () => {
  await redis.stop();
});

async function sharedDeployment(): Promise<{ nodes: Instance[]; group: GroupFixture }> {
  if (!shared) throw new Error('the shared deployment did not start');
  const group = await createGroupFixture(shared.nodes[0]!, { members: ['Anna', 'Ben', 'Cleo'] });
  return { nodes: shared.nodes, group };
}

async function deployment(count: number, databasePort?: number): Promise<{ nodes: Instance[]; group: GroupFixture }> {
  cluster = await TestCluster.create(redis, databasePort);
  const started = cluster;
  const nodes = await Promise.all(Array.from({ length: count }, () => started.start()));
  const group = await createGroupFixture(nodes[0]!, { members: ['Anna', 'Ben', 'Cleo'] });
  return { nodes, group };
}

describe('instances sharing PostgreSQL and Redis', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const created = await TestCluster.create(redis);
    shared = { cluster: created, nodes: [] };
    shared.nodes = await Promise.all([created.start(), created.start(), created.start()]);
  }, 120_000);

  afterAll(async () => {
    await shared?.cluster.close();
    shared = null;
  }, 20_000);

  it('shows edits and cursors made on one instance to clients on the others, late joiners too', async () => {
    const { nodes, group } = await sharedDeployment();
    const [a, b, c] = nodes as [Instance, Instance, Instance];
    const [anna, ben] = group.members;
    const onA = connect(a, group.meetingId, 'board', anna!.participantToken);
    const onB = connect(b, group.meetingId, 'board', ben!.participantToken);
    await Promise.all([synced(onA), synced(onB)]);

    putNote(onA.doc, 'shape:fromA', 'written on A');
    putNote(onB.doc, 'shape:fromB', 'written on B');
    await waitFor(async () => hasNote(onB, 'shape:fromA') && hasNote(onA, 'shape:fromB'), 'edits across instances');
    // The board's stream expires about an hour after its last entry (renewed at most once a minute).
    const inspect = new Redis(redis.url);
    try {
      const ttl = await inspect.pttl(
        clusterKeys(shared!.cluster.opts.prefix).stream(`meeting/${group.meetingId}/board`),
      );
      expect(ttl).toBeGreaterThan(55 * 60_000);
      expect(ttl).toBeLessThanOrEqual(60 * 60_000);
    } finally {
      inspect.disconnect();
    }

    moveCursor(onA, 11);
    moveCursor(onB, 22);
    await waitFor(
      async () =>
        JSON.stringify(cursorOf(onB, onA)) === '{"x":11,"y":1}' &&
        JSON.stringify(cursorOf(onA, onB)) === '{"x":22,"y":1}',
      'cursors across instances',
    );
    // The server stamped the identity on the instance the cursor came from; the other relays it as is.
    const stamped = onB.provider.awareness.getStates().get(onA.doc.clientID) as { user?: { id?: string } };
    expect(stamped.user?.id).toBe(anna!.participantId);

    // A third instance loads the board after the edits: from the store and from its peers.
    const onC = connect(c, group.meetingId, 'board', group.facilitator);
    await synced(onC);
    expect(hasNote(onC, 'shape:fromA') && hasNote(onC, 'shape:fromB')).toBe(true);
    await waitFor(async () => cursorOf(onC, onB) !== undefined, 'the cursors of the other instances on a new one');
    // Leaving on one instance removes the presence everywhere.
    close(onA);
    await waitFor(async () => !onB.provider.awareness.getStates().has(onA.doc.clientID), 'the presence to go');
  });

  it('shows a stroke still being drawn on one instance to clients on the others, storing none of it', async () => {
    const { nodes, group } = await sharedDeployment();
    const [a, b, c] = nodes as [Instance, Instance, Instance];
    const [anna, ben, cleo] = group.members;
    const drawer = connect(a, group.meetingId, 'board', anna!.participantToken);
    const onB = connect(b, group.meetingId, 'board', ben!.participantToken);
    const onC = connect(c, group.meetingId, 'board', cleo!.participantToken);
    await Promise.all([drawer, onB, onC].map(synced));
    const seen = (client: Client) => {
      const previews: StrokePreview[] = [];
      client.provider.messageHandlers[STROKE_PREVIEW_MESSAGE] = (_encoder, decoder) => {
        previews.push(decodeStrokePreview(decoder));
      };
      return previews;
    };
    const [onBSeen, onCSeen, drawerSeen] = [seen(onB), seen(onC), seen(drawer)];
    const stroke = (from: number, points: number[]): StrokePreview => ({
      shapeId: 'shape:live-stroke',
      segment: 0,
      kind: 'free',
      dim: 2,
      from,
      points,
    });
    drawer.provider.ws!.send(encodeStrokePreview(stroke(0, [1, 2, 3, 4])));
    drawer.provider.ws!.send(encodeStrokePreview(stroke(2, [5, 6])));
    await waitFor(async () => onBSeen.length === 2 && onCSeen.length === 2, 'the previews on B and C');
    expect(onBSeen).toEqual([stroke(0, [1, 2, 3, 4]), stroke(2, [5, 6])]);
    expect(onCSeen).toEqual(onBSeen);
    expect(drawerSeen).toEqual([]);
    expect(hasNote(onB, 'shape:live-stroke')).toBe(false);
  });

  it('keeps one facilitation session: commands sent to three instances at once all apply, in order', async () => {
    const { nodes, group } = await sharedDeployment();
    const watchers = nodes.map((node) => connect(node, group.meetingId, 'session', group.facilitator));
    await Promise.all(watchers.map(synced));

    const senders = group.members.map((m, i) => ({ token: m.participantToken, node: nodes[i % nodes.length]! }));
    const perSender = 4;
    const sent = await Promise.all(
      senders.flatMap(({ token, node }) =>
        Array.from({ length: perSender }, () =>
          sendCommand(node, group.meetingId, token, { type: 'react', reaction: 'clap' }),
        ),
      ),
    );
    expect(sent.map((r) => r.status)).toEqual(sent.map(() => 200));
    const expected = senders.length * perSender;
    const seqs = (w: { doc: Y.Doc }) =>
      ((w.doc.getMap(SESSION_MAP).get(SESSION_REACTIONS_KEY) as { seq: number }[] | undefined) ?? []).map((r) => r.seq);
    // Every instance's client ends with the same list: each command read what the one before wrote.
    const inOrder = Array.from({ length: expected }, (_, i) => i + 1);
    await waitFor(
      async () => watchers.every((w) => JSON.stringify(seqs(w)) === JSON.stringify(inOrder)),
      'all reactions',
    );
  });

  it('counts a person present while they have a tab on any instance', async () => {
    const { nodes, group } = await sharedDeployment();
    const [a, b] = nodes as [Instance, Instance];
    const anna = group.members[0]!;
    const watcher = connect(a, group.meetingId, 'session', group.facilitator);
    await synced(watcher);
    const tabOnA = connect(a, group.meetingId, 'board', anna.participantToken);
    const tabOnB = connect(b, group.meetingId, 'board', anna.participantToken);
    await Promise.all([synced(tabOnA), synced(tabOnB)]);
    await waitFor(async () => presentIn(sessionOf(watcher), anna.participantId), 'Anna to join');

    close(tabOnA);
    // Whatever A decided about her leaving is in the session before a later command on A returns.
    const react = await sendCommand(a, group.meetingId, group.facilitator, { type: 'react', reaction: 'heart' });
    expect(react.status).toBe(200);
    await waitFor(
      async () => (watcher.doc.getMap(SESSION_MAP).get(SESSION_REACTIONS_KEY) as unknown[] | undefined)?.length === 1,
      'the reaction',
    );
    expect(presentIn(sessionOf(watcher), anna.participantId)).toBe(true);

    close(tabOnB);
    await waitFor(async () => !presentIn(sessionOf(watcher), anna.participantId), 'Anna to leave');
  });

  it('closes a removed participant’s connections on every instance', async () => {
    const { nodes, group } = await sharedDeployment();
    const [a, b] = nodes as [Instance, Instance];
    const ben = group.members[1]!;
    const onB = connect(b, group.meetingId, 'board', ben.participantToken);
    await synced(onB);
    const closes: number[] = [];
    onB.provider.on('connection-close', (event: { code: number } | null) => {
      if (event) closes.push(event.code);
    });
    const removed = await a.api(group.path(`/participants/${ben.participantId}`), {
      method: 'DELETE',
      token: group.facilitator,
    });
    expect(removed.status).toBe(200);
    await waitFor(async () => closes.includes(CloseCode.tokenRevoked), 'B to close the revoked connection');
  });
});

describe('limits shared by the instances', { timeout: 60_000 }, () => {
  it('counts an address’s API requests over every instance', async () => {
    cluster = await TestCluster.create(redis);
    const started = cluster;
    const env = { RATE_LIMIT_API_PER_MINUTE: '6' };
    const [a, b] = await Promise.all([started.start(env), started.start(env)]);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await (i % 2 === 0 ? a! : b!).api('/api/config')).status);
    // Six in all, not six per instance.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
  });
});

describe('failures', { timeout: 120_000 }, () => {
  it('loses nothing any client received when an instance is killed under load', async () => {
    const { nodes, group } = await deployment(3);
    const [a, b, c] = nodes as [Instance, Instance, Instance];
    const writers = group.members.map((m, i) => connect([a, b, c][i]!, group.meetingId, 'board', m.participantToken));
    await Promise.all(writers.map(synced));
    // B's clients go elsewhere when it dies, as behind a load balancer.
    writers[1]!.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'disconnected') writers[1]!.provider.serverUrl = `ws://127.0.0.1:${c.port}/sync`;
    });

    let n = 0;
    const load = setInterval(() => {
      n++;
      writers.forEach((w, i) => putNote(w.doc, `shape:w${i}n${n}`, `note ${n} of writer ${i}`));
    }, 20);
    try {
      await waitFor(async () => writers.every((w) => notes(w).size >= 30), 'some load');
      await b.kill('SIGKILL');
      // Everything any client had at the moment of the kill.
      const received = new Set(writers.flatMap((w) => [...notes(w)]));
      await waitFor(async () => writers[1]!.provider.wsconnected && writers[1]!.provider.synced, 'reconnecting to C');
      await waitFor(async () => notes(writers[0]!).size > received.size, 'the load to go on');
    } finally {
      clearInterval(load);
    }
    const everything = new Set(writers.flatMap((w) => [...notes(w)]));
    const late = connect(a, group.meetingId, 'board', group.facilitator);
    await synced(late);
    const missing = () => [...everything].filter((id) => !hasNote(late, id));
    await waitFor(
      async () => missing().length === 0,
      () => {
        const gone = missing();
        const byWriter = writers.map(
          (w, i) =>
            `writer ${i}: ${gone.filter((id) => id.startsWith(`shape:w${i}`)).length} written, ${gone.filter((id) => hasNote(w, id)).length} held`,
        );
        return `every note in a fresh client (${gone.length} of ${everything.size} missing; ${byWriter.join('; ')}; e.g. ${gone.slice(0, 5).join(' ')})`;
      },
      30_000,
    );
  });

  it('reads again what an instance stored but died before relaying', async () => {
    const { nodes, group } = await deployment(1);
    const [c] = nodes as [Instance];
    // B reaches Redis through a proxy that can stall, as a network or a stopped process does.
    const proxy = await PausableProxy.start(redis.port);
    try {
      const b = await cluster!.start({ REDIS_URL: `redis://127.0.0.1:${proxy.port}` });
      const [anna, ben] = group.members;
      const writer = connect(b, group.meetingId, 'board', anna!.participantToken);
      const watcher = connect(c, group.meetingId, 'board', ben!.participantToken);
      await Promise.all([writer, watcher].map(synced));
      putNote(writer.doc, 'shape:relayed', 'relayed');
      await waitFor(async () => hasNote(watcher, 'shape:relayed'), 'the first note on C');

      proxy.pause();
      putNote(writer.doc, 'shape:unrelayed', 'stored by B, never relayed');
      // B stores it (read here from the database: a client loading the board on another instance
      // would ask C to ask it back, which heals C)…
      const store = await openPostgresStorage(cluster!.databaseUrl);
      try {
        await waitFor(async () => {
          const stored = new Y.Doc();
          for (const update of await store.loadUpdates(`meeting/${group.meetingId}/board`))
            Y.applyUpdate(stored, update);
          return readRecords(stored).has('shape:unrelayed');
        }, 'the note in the store');
      } finally {
        await store.close();
      }
      // …and dies before Redis took it.
      close(writer);
      await b.kill('SIGKILL');
      expect(hasNote(watcher, 'shape:unrelayed')).toBe(false);
      // C holds the board all along; once it sees B's heartbeat stop, it reads the board again.
      await waitFor(async () => hasNote(watcher, 'shape:unrelayed'), 'C to read what B stored', 30_000);
    } finally {
      await proxy.close();
    }
  });

  it('reconnects to a restarted Redis and resynchronizes without restarting', async () => {
    const { nodes, group } = await deployment(2);
    const [a, b] = nodes as [Instance, Instance];
    const [anna, ben] = group.members;
    const onA = connect(a, group.meetingId, 'board', anna!.participantToken);
    const onB = connect(b, group.meetingId, 'board', ben!.participantToken);
    await Promise.all([synced(onA), synced(onB)]);
    putNote(onA.doc, 'shape:before', 'before');
    await waitFor(async () => hasNote(onB, 'shape:before'), 'the first edit');

    await redis.stop();
    // Written while Redis is away: stored by A, relayed by nobody yet.
    putNote(onA.doc, 'shape:during', 'during');
    await waitFor(async () => (await a.api('/readyz')).status === 200, 'A to go on storing');
    await redis.restart();

    await waitFor(async () => hasNote(onB, 'shape:during'), 'the resync after Redis came back');
    putNote(onB.doc, 'shape:after', 'after');
    moveCursor(onB, 33);
    await waitFor(
      async () => hasNote(onA, 'shape:after') && JSON.stringify(cursorOf(onA, onB)) === '{"x":33,"y":1}',
      'relaying again',
    );
  });

  it('takes a moved browser’s offline edits even when they build on what this instance has not heard of yet', async () => {
    const { nodes, group } = await deployment(2);
    const [a, b] = nodes as [Instance, Instance];
    const [anna, ben, cleo] = group.members;
    const onA = connect(a, group.meetingId, 'board', anna!.participantToken);
    const onB = connect(b, group.meetingId, 'board', ben!.participantToken);
    const moving = connect(a, group.meetingId, 'board', cleo!.participantToken);
    await Promise.all([onA, onB, moving].map(synced));
    const closes: number[] = [];
    moving.provider.on('connection-close', (event: { code: number } | null) => {
      if (event) closes.push(event.code);
    });

    // With Redis away, B hears nothing of what A stores: the most a lagging instance can miss (an
    // instance killed between storing and relaying leaves the same gap).
    await redis.stop();
    try {
      putNote(onA.doc, 'shape:unheard', 'stored by A, never relayed');
      await waitFor(async () => hasNote(moving, 'shape:unheard'), 'A’s other client to receive it');
      // The browser loses A, edits offline on top of what it got there, and comes back on B.
      moving.provider.disconnect();
      putNote(moving.doc, 'shape:offline', 'written offline');
      moving.provider.serverUrl = `ws://127.0.0.1:${b.port}/sync`;
      moving.provider.connect();

      await waitFor(async () => hasNote(onB, 'shape:offline'), 'B to take the offline edit');
      // B caught up from the store: it has A's note as A wrote it, and bound nobody else's client.
      expect(hasNote(onB, 'shape:unheard')).toBe(true);
      expect(onB.doc.getMap<string>(BOARD_CLIENTS).get(String(onA.doc.clientID))).toBe(anna!.participantId);
      expect(onB.doc.getMap<string>(BOARD_CLIENTS).get(String(moving.doc.clientID))).toBe(cleo!.participantId);
      expect(moving.provider.wsconnected).toBe(true);
      expect(closes).not.toContain(CloseCode.updateRefused);
    } finally {
      await redis.restart();
    }
    const late = connect(a, group.meetingId, 'board', group.facilitator);
    await synced(late);
    await waitFor(async () => hasNote(late, 'shape:offline') && hasNote(late, 'shape:unheard'), 'both notes stored');
  });

  it('neither acknowledges nor relays an update while PostgreSQL is unreachable, and loses none', async () => {
    const proxy = await PausableProxy.start(5432);
    try {
      const { nodes, group } = await deployment(2, proxy.port);
      const [a, b] = nodes as [Instance, Instance];
      const [anna, ben, cleo] = group.members;
      const writer = connect(a, group.meetingId, 'board', anna!.participantToken);
      const sameInstance = connect(a, group.meetingId, 'board', cleo!.participantToken);
      const otherInstance = connect(b, group.meetingId, 'board', ben!.participantToken);
      await Promise.all([writer, sameInstance, otherInstance].map(synced));

      proxy.pause();
      const outageStart = Date.now();
      putNote(writer.doc, 'shape:unstored', 'sent while the database is away');
      await waitFor(async () => (await a.api('/readyz')).status === 503, 'A to say it is not ready');
      await waitFor(async () => (await b.api('/readyz')).status === 503, 'B to say it is not ready');
      // While the database is away nobody gets the update: not on A, not through Redis.
      while (Date.now() - outageStart < 10_000) {
        expect(hasNote(sameInstance, 'shape:unstored') || hasNote(otherInstance, 'shape:unstored')).toBe(false);
        await new Promise((r) => setTimeout(r, 200));
      }
      proxy.resume();

      await waitFor(async () => (await a.api('/readyz')).status === 200, 'A to be ready again');
      await waitFor(
        async () => hasNote(sameInstance, 'shape:unstored') && hasNote(otherInstance, 'shape:unstored'),
        'the update once stored',
      );
      const late = connect(b, group.meetingId, 'board', group.facilitator);
      await synced(late);
      expect(hasNote(late, 'shape:unstored')).toBe(true);
    } finally {
      await proxy.close();
    }
  });
});
