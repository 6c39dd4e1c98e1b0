// Integration tests: a real http server on a free port, the sync server on its 'upgrade' event, a
// real SQLite file, y-websocket's own WebsocketProvider as the client and raw ws sockets for what a
// well-behaved client never sends.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import {
  CloseCode,
  STROKE_PREVIEW_MESSAGE,
  decodeStrokePreview,
  docAccess,
  encodeStrokePreview,
  parseDocName,
  strokePreviewBounds,
  type StrokePreview,
} from '@vermeboard/shared';
import type { GroupId, MeetingId, ParticipantId, Role } from '@vermeboard/shared';
import type { DocStore, Storage } from '../storage/Storage.js';
import { openSqliteStorage } from '../storage/sqlite.js';
import { syncBudgetDefaults } from './connectionBudget.js';
import { createMergeWorker } from './mergeWorker.js';
import { readMessage, writeAwareness, writeAwarenessUpdate, writeSyncStep1, writeUpdate } from './protocol.js';
import type { AuthorizeResult, SyncCredential, SyncServer, SyncServerOptions } from './SyncServer.js';
import { createSyncServer } from './SyncServer.js';

// ---------------------------------------------------------------------------------------------------
// Fixtures: two groups, their meetings and tokens.

const g1 = 'group-one-0001' as GroupId;
const g2 = 'group-two-0002' as GroupId;
const meetingA = 'meeting-aaaa-0001' as MeetingId;
const meetingB = 'meeting-bbbb-0002' as MeetingId;
const meetingOther = 'meeting-cccc-0003' as MeetingId;
const meetings = new Map<string, GroupId>([
  [meetingA, g1],
  [meetingB, g1],
  [meetingOther, g2],
]);
const tokens = {
  facilitator: 'facilitator-token-000001',
  member: 'member-token-0000000002',
  member2: 'second-member-token-0003',
  observer: 'observer-token-00000004',
  otherGroup: 'other-group-token-000005',
};
type Identity = { groupId: GroupId; role: Role; participantId: ParticipantId | null; displayName: string | null };
const participant = (groupId: GroupId, role: Role, id: string, displayName: string): Identity => ({
  groupId,
  role,
  participantId: id as ParticipantId,
  displayName,
});
const linkHolder = (groupId: GroupId, role: Role): Identity => ({
  groupId,
  role,
  participantId: null,
  displayName: null,
});
const identities = new Map<string, Identity>([
  [tokens.facilitator, participant(g1, 'facilitator', 'participant-f1', 'Fiona')],
  [tokens.member, participant(g1, 'member', 'participant-m1', 'Aino')],
  [tokens.member2, linkHolder(g1, 'member')],
  [tokens.observer, linkHolder(g1, 'observer')],
  [tokens.otherGroup, linkHolder(g2, 'member')],
]);

/** The harness's tickets are its tokens; the real server redeems them (auth/syncTickets.ts). */
async function authorize(docName: string, credential: SyncCredential | null): Promise<AuthorizeResult> {
  const token = credential === null ? null : credential.kind === 'bearer' ? credential.token : credential.ticket;
  const doc = parseDocName(docName);
  if (!doc) return { ok: false, status: 400 };
  const who = token === null ? undefined : identities.get(token);
  if (!who) return { ok: false, status: 401 };
  const group = meetings.get(doc.meetingId);
  if (!group) return { ok: false, status: 404 };
  if (group !== who.groupId) return { ok: false, status: 403 };
  const access = docAccess(who, doc);
  if (access === 'none') return { ok: false, status: 403 };
  return { ok: true, access, auth: { ...who, tokenHash: `hash:${token}` } };
}

const boardA = `meeting/${meetingA}/board`;
const limits = { awarenessStateBytes: 16 * 1024 };
const boardB = `meeting/${meetingB}/board`;
const sessionA = `meeting/${meetingA}/session`;

// ---------------------------------------------------------------------------------------------------
// Harness

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

interface Harness {
  port: number;
  sync: SyncServer;
  store: Storage;
  file: string;
  logs: LogLine[];
  /** Closes the sync server, the http server and the store. */
  stop(): Promise<void>;
}

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vermeboard-sync-'));
  cleanups.unshift(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'test.sqlite');
}

async function start(
  overrides: Partial<SyncServerOptions> & { file?: string; wrapStore?: (store: Storage) => DocStore } = {},
): Promise<Harness> {
  const file = overrides.file ?? tempFile();
  const store = openSqliteStorage(file);
  const logs: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const sync = createSyncServer({
    store: overrides.wrapStore ? overrides.wrapStore(store) : store,
    authorize,
    logger,
    maxPayloadBytes: 2 * 1024 * 1024,
    maxBufferedBytes: 16 * 1024 * 1024,
    maxDocumentBytes: 4 * 1024 * 1024,
    compactThreshold: 500,
    connectionsPerMinutePerAddress: 1000,
    ...overrides,
  });
  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => sync.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await sync.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
  };
  cleanups.push(stop);
  return { port, sync, store, file, logs, stop };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text(): string;
  closes: number[];
}

function connect(h: Harness, room: string, token: string, doc = new Y.Doc()): Client {
  const provider = new WebsocketProvider(`ws://127.0.0.1:${h.port}/sync`, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { ticket: token },
    connect: true,
    disableBc: true,
    maxBackoffTime: 100,
  });
  const closes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  cleanups.push(() => provider.destroy());
  return { doc, provider, closes, text: () => doc.getText('t').toString() };
}

async function synced(client: Client): Promise<Client> {
  await waitFor(() => client.provider.synced, 'the client to sync');
  return client;
}

interface Raw {
  ws: WebSocket;
  received: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  send(frame: Uint8Array | string): void;
}

async function raw(h: Harness, room: string, token: string): Promise<Raw> {
  const ws = new WebSocket(`ws://127.0.0.1:${h.port}/sync/${room}?ticket=${token}`);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  ws.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  cleanups.push(() => ws.terminate());
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  return { ws, received, closed, send: (frame) => ws.send(frame) };
}

/** Attempts an upgrade and returns the HTTP status of the refusal (or 101 if a socket opened). */
function upgradeStatus(h: Harness, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${h.port}${path}`, { headers });
    ws.on('error', () => {});
    ws.once('open', () => {
      ws.terminate();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
  });
}

async function storedText(store: DocStore, docName: string): Promise<string> {
  const doc = new Y.Doc();
  for (const update of await store.loadUpdates(docName)) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

async function stored(h: Harness, docName: string, text: string): Promise<void> {
  await expect.poll(() => storedText(h.store, docName), { timeout: 5_000 }).toBe(text);
}

/** A deferred gate for store calls. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

// ---------------------------------------------------------------------------------------------------

describe('sync', () => {
  it('two clients converge and every update is stored', async () => {
    const h = await start();
    const a = await synced(connect(h, boardA, tokens.facilitator));
    const b = await synced(connect(h, boardA, tokens.member));
    a.doc.getText('t').insert(0, 'hello');
    await waitFor(() => b.text() === 'hello', 'b to see a');
    b.doc.getText('t').insert(5, ' world');
    await waitFor(() => a.text() === 'hello world', 'a to see b');
    expect(await storedText(h.store, boardA)).toBe('hello world');
    expect(h.sync.stats()).toEqual({ docs: 1, connections: 2 });
  });

  it('keeps documents apart', async () => {
    const h = await start();
    const a = await synced(connect(h, boardA, tokens.member));
    const b = await synced(connect(h, boardB, tokens.member));
    a.doc.getText('t').insert(0, 'only in A');
    await stored(h, boardA, 'only in A');
    expect(h.sync.stats().docs).toBe(2);
    expect(b.text()).toBe('');
    expect(await storedText(h.store, boardB)).toBe('');
  });

  it('loads a document once before answering anyone, and queues what arrives meanwhile', async () => {
    const file = tempFile();
    const seed = openSqliteStorage(file);
    const seedDoc = new Y.Doc();
    seedDoc.getText('t').insert(0, 'stored');
    await seed.appendUpdates(boardA, [Y.encodeStateAsUpdate(seedDoc)]);
    await seed.close();

    const loading = gate();
    let loads = 0;
    const h = await start({
      file,
      wrapStore: (store) => ({
        ...store,
        loadUpdates: async (name) => {
          loads++;
          await loading.opened;
          return store.loadUpdates(name);
        },
      }),
    });
    const [r1, r2] = await Promise.all([raw(h, boardA, tokens.member), raw(h, boardA, tokens.facilitator)]);
    // r1 edits on top of the stored content before it has it: two updates whose order matters.
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(seedDoc));
    const updates: Uint8Array[] = [];
    local.on('update', (u: Uint8Array) => updates.push(u));
    local.getText('t').insert(6, ' and more');
    local.getText('t').delete(0, 7);
    r1.send(writeSyncStep1(new Uint8Array([0])));
    for (const u of updates) r1.send(writeUpdate(u));
    r2.send(writeSyncStep1(new Uint8Array([0])));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(r1.received).toHaveLength(0);
    expect(r2.received).toHaveLength(0);

    loading.open();
    const step2 = () => r2.received.map((f) => readMessage(f, limits)).find((m) => m.type === 'syncStep2');
    await waitFor(() => step2() !== undefined, 'the answer to r2');
    expect(loads).toBe(1);
    // r2's answer to its step 1 holds the stored content: the server waited for the load.
    const r2Doc = new Y.Doc();
    const answer = step2();
    if (answer?.type === 'syncStep2') Y.applyUpdate(r2Doc, answer.update);
    expect(r2Doc.getText('t').toString()).toMatch(/^stored|and more$/);
    const b = await synced(connect(h, boardA, tokens.member2));
    await waitFor(() => b.text() === 'and more', 'the queued edits applied in order');
    await stored(h, boardA, 'and more');
  });

  it('keeps every board across a full server restart', async () => {
    const h1 = await start();
    const a = await synced(connect(h1, boardA, tokens.member));
    a.doc.getText('t').insert(0, 'survives restarts');
    await stored(h1, boardA, 'survives restarts');
    a.provider.destroy();
    await h1.stop();

    const h2 = await start({ file: h1.file });
    const b = await synced(connect(h2, boardA, tokens.observer));
    await waitFor(() => b.text() === 'survives restarts', 'the board after restart');
  });

  it('compacts past the threshold and on unload without changing the content', async () => {
    const h = await start({ compactThreshold: 5, unloadDelayMs: 50 });
    const a = await synced(connect(h, boardA, tokens.member));
    const text = a.doc.getText('t');
    for (let i = 0; i < 30; i++) text.insert(text.length, `${i},`);
    text.delete(0, 10);
    const expected = text.toString();
    await stored(h, boardA, expected);
    // Compaction merges on a worker thread, after the writes that triggered it.
    await expect.poll(() => h.store.countUpdates(boardA), { timeout: 5_000 }).toBeLessThan(31);

    a.provider.destroy();
    await waitFor(() => h.sync.stats().docs === 0, 'unload');
    expect(await h.store.countUpdates(boardA)).toBe(1);
    expect(await storedText(h.store, boardA)).toBe(expected);
  });

  it('lets compaction drop deleted content', async () => {
    const worker = createMergeWorker();
    cleanups.push(() => worker.close());
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('t').insert(0, 'x'.repeat(10_000));
    doc.getText('t').delete(0, 10_000);
    doc.getText('t').insert(0, 'kept');
    const merged = await worker.merge(updates);
    expect(merged.byteLength).toBeLessThan(200);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, merged);
    expect(copy.getText('t').toString()).toBe('kept');
  });

  it('does not read back a log of one row when a board is left unchanged', async () => {
    let compactions = 0;
    const h = await start({
      unloadDelayMs: 0,
      wrapStore: (store) => ({
        ...store,
        compact: (name, merge) => {
          compactions++;
          return store.compact(name, merge);
        },
      }),
    });
    const a = await synced(connect(h, boardA, tokens.member));
    a.doc.getText('t').insert(0, 'one row');
    await stored(h, boardA, 'one row');
    a.provider.destroy();
    await waitFor(() => h.sync.stats().docs === 0, 'unload');
    // Opened and left without an edit, as a refused or a passing connection does.
    const b = await synced(connect(h, boardA, tokens.member2));
    await waitFor(() => b.text() === 'one row', 'b to get the content');
    b.provider.destroy();
    await waitFor(() => h.sync.stats().docs === 0, 'the second unload');
    expect({ compactions, rows: await h.store.countUpdates(boardA) }).toEqual({ compactions: 0, rows: 1 });
    // A second row makes the next unload compact again.
    const c = await synced(connect(h, boardA, tokens.member));
    c.doc.getText('t').insert(0, '+');
    await stored(h, boardA, '+one row');
    c.provider.destroy();
    await waitFor(() => h.sync.stats().docs === 0, 'the third unload');
    expect({ compactions, rows: await h.store.countUpdates(boardA) }).toEqual({ compactions: 1, rows: 1 });
  });

  it('unloads a document after its last connection and loads it again', async () => {
    const h = await start({ unloadDelayMs: 50 });
    const a = await synced(connect(h, boardA, tokens.member));
    a.doc.getText('t').insert(0, 'remember me');
    await stored(h, boardA, 'remember me');
    expect(h.sync.stats().docs).toBe(1);
    a.provider.destroy();
    await waitFor(() => h.sync.stats().docs === 0 && h.sync.stats().connections === 0, 'unload');
    const b = await synced(connect(h, boardA, tokens.member));
    await waitFor(() => b.text() === 'remember me', 'reload');
    expect(h.sync.stats().docs).toBe(1);
  });

  it('gives a connection that arrives during an unload the freshly loaded document', async () => {
    const compacting = gate();
    let loads = 0;
    let compactions = 0;
    const h = await start({
      wrapStore: (store) => ({
        ...store,
        loadUpdates: (name) => {
          loads++;
          return store.loadUpdates(name);
        },
        compact: async (name, merge) => {
          compactions++;
          await compacting.opened;
          return store.compact(name, merge);
        },
      }),
      unloadDelayMs: 0,
    });
    const a = await synced(connect(h, boardA, tokens.member));
    // Two rows, so that the unload compacts (a log of one row has nothing to merge).
    a.doc.getText('t').insert(0, 'first');
    await stored(h, boardA, 'first');
    a.doc.getText('t').insert(5, ' life');
    await stored(h, boardA, 'first life');
    a.provider.destroy();
    await waitFor(() => compactions === 1, 'the unload to start');
    const b = connect(h, boardA, tokens.member2);
    await waitFor(() => h.sync.stats().connections === 1, 'b to connect');
    expect(loads).toBe(1);
    compacting.open();
    await synced(b);
    await waitFor(() => b.text() === 'first life', 'b to get the content');
    expect(loads).toBe(2);
    expect(h.sync.stats().docs).toBe(1);
  });

  it('keeps a document loaded for the unload delay, so that coming back is not a reload', async () => {
    let loads = 0;
    let compactions = 0;
    const h = await start({
      unloadDelayMs: 60_000,
      wrapStore: (store) => ({
        ...store,
        loadUpdates: (name) => {
          loads++;
          return store.loadUpdates(name);
        },
        compact: (name, merge) => {
          compactions++;
          return store.compact(name, merge);
        },
      }),
    });
    const a = await synced(connect(h, boardA, tokens.member));
    a.doc.getText('t').insert(0, 'still here');
    await stored(h, boardA, 'still here');
    a.provider.destroy();
    await waitFor(() => h.sync.stats().connections === 0, 'a to leave');
    expect(h.sync.stats().docs).toBe(1);
    // A server write and a reconnect within the delay get the same document, and the delay starts
    // again when they let go.
    await h.sync.withDoc(boardA, (doc) => doc.getText('t').insert(0, '> '));
    const b = await synced(connect(h, boardA, tokens.member2));
    await waitFor(() => b.text() === '> still here', 'b to get the content');
    b.provider.destroy();
    await waitFor(() => h.sync.stats().connections === 0, 'b to leave');
    expect({ loads, compactions, docs: h.sync.stats().docs }).toEqual({ loads: 1, compactions: 0, docs: 1 });
    // Shutdown does not wait out the delay: what lingers unloads at once.
    await h.sync.close();
    expect(h.sync.stats()).toEqual({ docs: 0, connections: 0 });
    expect(await storedText(h.store, boardA)).toBe('> still here');
  });

  it('writes from the server through withDoc reach readers and the store', async () => {
    const h = await start();
    const reader = await synced(connect(h, sessionA, tokens.member));
    const result = await h.sync.withDoc(sessionA, (doc) => {
      doc.getMap('session').set('step', 2);
      return 'done';
    });
    expect(result).toBe('done');
    await waitFor(() => reader.doc.getMap('session').get('step') === 2, 'the reader to see the step');
    const stored = new Y.Doc();
    for (const u of await h.store.loadUpdates(sessionA)) Y.applyUpdate(stored, u);
    expect(stored.getMap('session').get('step')).toBe(2);
  });

  it('closes connections matching a predicate', async () => {
    const h = await start();
    const a = await synced(connect(h, boardA, tokens.member));
    const b = await synced(connect(h, boardA, tokens.facilitator));
    const n = h.sync.closeConnections(
      (auth) => auth.tokenHash === `hash:${tokens.member}`,
      CloseCode.tokenRevoked,
      'revoked',
    );
    expect(n).toBe(1);
    await waitFor(() => a.closes.includes(CloseCode.tokenRevoked), 'a to be closed');
    expect(b.provider.wsconnected).toBe(true);
  });

  it('close() flushes pending writes and closes every socket with 1001', async () => {
    const appending = gate();
    let appends = 0;
    const h = await start({
      // An asynchronous store (as PostgreSQL is): a write can be in flight when the server closes.
      wrapStore: (store) => ({
        ...store,
        appendUpdatesNow: undefined,
        appendUpdates: async (name, updates) => {
          appends++;
          await appending.opened;
          return store.appendUpdates(name, updates);
        },
      }),
    });
    const a = await synced(connect(h, boardA, tokens.member));
    const r = await raw(h, boardA, tokens.facilitator);
    a.doc.getText('t').insert(0, 'in flight');
    await waitFor(() => appends === 1, 'the write to start');
    const closing = h.sync.close();
    const { code } = await r.closed;
    expect(code).toBe(CloseCode.goingAway);
    await waitFor(() => a.closes.includes(CloseCode.goingAway), 'the provider to see 1001');
    appending.open();
    await closing;
    expect(h.sync.stats()).toEqual({ docs: 0, connections: 0 });
    expect(await storedText(h.store, boardA)).toBe('in flight');
    expect(await h.store.countUpdates(boardA)).toBe(1);
    expect(await upgradeStatus(h, `/sync/${boardA}?ticket=${tokens.member}`)).toBe(503);
  });
});

describe('shutdown', () => {
  it('stores every write but leaves compaction to the next load, so that it stops promptly', async () => {
    const h = await start();
    const a = await synced(connect(h, boardA, tokens.member));
    for (let i = 0; i < 10; i++) a.doc.getText('t').insert(0, `${i}`);
    await stored(h, boardA, '9876543210');
    const rows = await h.store.countUpdates(boardA);
    await h.sync.close();
    expect(await storedText(h.store, boardA)).toBe('9876543210');
    expect(await h.store.countUpdates(boardA)).toBe(rows);
  });

  it('cuts a socket that never answers the close frame instead of waiting for it', async () => {
    const h = await start();
    const silent = await raw(h, boardA, tokens.member);
    await waitFor(() => h.sync.stats().docs === 1, 'the document to load');
    // A client that stops reading never sees the close frame, so it never answers it.
    silent.ws.pause();
    await h.sync.close();
    // The server is done although this client has not even read the close frame yet.
    expect(silent.ws.readyState).toBe(WebSocket.OPEN);
    expect(h.sync.stats()).toEqual({ docs: 0, connections: 0 });
  });
});

describe('roles', () => {
  it('drops and logs writes from a read-only connection, which stays open and keeps receiving', async () => {
    const h = await start();
    const member = await synced(connect(h, boardA, tokens.member));
    const observer = await synced(connect(h, boardA, tokens.observer));
    observer.doc.getText('t').insert(0, 'observer was here');
    await waitFor(
      () => h.logs.some((l) => l.msg === 'dropped a write from a read-only connection'),
      'the dropped write to be logged',
    );
    const warning = h.logs.find((l) => l.msg === 'dropped a write from a read-only connection')!;
    expect(warning).toMatchObject({ level: 40, doc: boardA, role: 'observer' });

    member.doc.getText('t').insert(0, 'member ');
    await waitFor(() => observer.text().includes('member '), 'the observer to keep receiving');
    expect(member.text()).toBe('member ');
    expect(await storedText(h.store, boardA)).toBe('member ');
    expect(observer.provider.wsconnected).toBe(true);
    expect(h.sync.stats().connections).toBe(2);
  });

  it('answers step 1 from a read-only connection', async () => {
    const h = await start();
    await h.sync.withDoc(sessionA, (doc) => doc.getText('t').insert(0, 'agenda'));
    const reader = await synced(connect(h, sessionA, tokens.observer));
    expect(reader.text()).toBe('agenda');
  });

  it('never logs tokens', async () => {
    const h = await start();
    await synced(connect(h, boardA, tokens.member));
    await upgradeStatus(h, `/sync/${boardA}?ticket=${tokens.otherGroup}`);
    expect(h.logs.length).toBeGreaterThan(0);
    const text = JSON.stringify(h.logs);
    for (const token of Object.values(tokens)) expect(text).not.toContain(token);
  });
});

describe('refused upgrades', () => {
  it.each([
    ['no token', `/sync/${boardA}`, 401],
    ['an unknown token', `/sync/${boardA}?ticket=nobody-knows-this-token`, 401],
    ["another group's token", `/sync/${boardA}?ticket=${tokens.otherGroup}`, 403],
    ['an unknown meeting', `/sync/meeting/meeting-unknown-9/board?ticket=${tokens.member}`, 404],
    ['a bad document name', `/sync/meeting/${meetingA}/nonsense?ticket=${tokens.member}`, 400],
    ['a document name with extra parts', `/sync/${boardA}/extra?ticket=${tokens.member}`, 400],
    ['a path outside /sync/', `/elsewhere/${boardA}?ticket=${tokens.member}`, 404],
    ["someone else's private notes", `/sync/meeting/${meetingA}/private/participant-x1?ticket=${tokens.member}`, 403],
  ])('refuses %s before opening a socket', async (_name, path, status) => {
    const h = await start();
    expect(await upgradeStatus(h, path)).toBe(status);
    expect(h.sync.stats()).toEqual({ docs: 0, connections: 0 });
  });

  it('accepts the token as a bearer header', async () => {
    const h = await start();
    expect(await upgradeStatus(h, `/sync/${boardA}`, { Authorization: `Bearer ${tokens.member}` })).toBe(101);
  });

  it('rate-limits upgrade attempts per address with 429', async () => {
    const h = await start({ connectionsPerMinutePerAddress: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await upgradeStatus(h, `/sync/${boardA}?ticket=${tokens.member}`));
    expect(statuses).toEqual([101, 101, 101, 429, 429]);
  });
});

describe('malformed input', () => {
  const cases: [string, Uint8Array | string][] = [
    ['random bytes', Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 0x13, 0x37, 0x42, 0x99, 0x01])],
    ['a truncated varint', new Uint8Array([0x80])],
    ['an empty frame', new Uint8Array([])],
    ['an unknown message type', new Uint8Array([9, 1, 2])],
    ['an unknown sync message type', new Uint8Array([0, 7, 0])],
    ['an update that does not decode', writeUpdate(new Uint8Array([5, 200, 1, 3, 7]))],
    ['an awareness update that does not parse', writeAwareness(new Uint8Array([1, 1, 1, 3, 0x7b, 0x7b, 0x7b]))],
    [
      'an awareness update that repeats a client id',
      writeAwareness(
        writeAwarenessUpdate([1, 2, 3].map((clock) => ({ clientId: 31337, clock, state: { pad: 'x'.repeat(1000) } }))),
      ),
    ],
    ['a text frame', 'hello'],
  ];

  it.each(cases)('closes only the sender of %s; the others keep syncing', async (_name, frame) => {
    const h = await start();
    const a = await synced(connect(h, boardA, tokens.member));
    const b = await synced(connect(h, boardA, tokens.facilitator));
    const bad = await raw(h, boardA, tokens.member2);
    bad.send(frame);
    expect((await bad.closed).code).toBe(CloseCode.protocolError);
    a.doc.getText('t').insert(0, 'still here');
    await waitFor(() => b.text() === 'still here', 'the others to keep syncing');
    expect(h.sync.stats().connections).toBe(2);
  });

  it('closes a frame over maxPayload with 1009 and keeps serving others', async () => {
    const h = await start({ maxPayloadBytes: 64 * 1024 });
    const a = await synced(connect(h, boardA, tokens.member));
    const b = await synced(connect(h, boardA, tokens.facilitator));
    const big = await raw(h, boardA, tokens.member2);
    big.send(new Uint8Array(100 * 1024));
    expect((await big.closed).code).toBe(CloseCode.messageTooBig);
    a.doc.getText('t').insert(0, 'fine');
    await waitFor(() => b.text() === 'fine', 'the others to keep syncing');
    expect(h.sync.stats().connections).toBe(2);
  });
});

describe('awareness', () => {
  it('relays presence between honest clients without closing anyone', async () => {
    const h = await start();
    const a = await synced(connect(h, boardA, tokens.member));
    const b = await synced(connect(h, boardA, tokens.facilitator));
    a.provider.awareness.setLocalStateField('user', { name: 'Aino' });
    b.provider.awareness.setLocalStateField('user', { name: 'Fiona' });
    await waitFor(() => a.provider.awareness.getStates().get(b.doc.clientID)?.user !== undefined, 'a to see b');
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user !== undefined, 'b to see a');
    a.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.cursor !== undefined, 'the cursor');
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);

    const c = await synced(connect(h, boardA, tokens.member2));
    await waitFor(() => c.provider.awareness.getStates().size === 3, 'a newcomer to see everyone');
    c.provider.destroy();
    await waitFor(() => !a.provider.awareness.getStates().has(c.doc.clientID), 'the leaver to disappear');
    expect([...a.closes, ...b.closes]).toEqual([]);
  });

  it("removes a closed connection's presence for everyone", async () => {
    const h = await start();
    const a = await synced(connect(h, boardA, tokens.member));
    const r = await raw(h, boardA, tokens.facilitator);
    r.send(writeAwareness(writeAwarenessUpdate([{ clientId: 4242, clock: 1, state: { user: 'raw' } }])));
    await waitFor(() => a.provider.awareness.getStates().has(4242), 'a to see the raw client');
    r.ws.close();
    await waitFor(() => !a.provider.awareness.getStates().has(4242), 'the raw client to disappear');
  });

  it("refuses awareness for another connection's client id", async () => {
    const h = await start();
    const victim = await synced(connect(h, boardA, tokens.member));
    victim.provider.awareness.setLocalStateField('user', { name: 'Aino' });
    const watcher = await synced(connect(h, boardA, tokens.facilitator));
    await waitFor(() => watcher.provider.awareness.getStates().has(victim.doc.clientID), 'the victim to appear');
    const spoofer = await raw(h, boardA, tokens.observer);
    const clock = victim.provider.awareness.meta.get(victim.doc.clientID)!.clock;
    spoofer.send(
      writeAwareness(
        writeAwarenessUpdate([
          { clientId: victim.doc.clientID, clock: clock + 10, state: { user: { name: 'Mallory' } } },
        ]),
      ),
    );
    expect((await spoofer.closed).code).toBe(CloseCode.forbidden);
    expect(watcher.provider.awareness.getStates().get(victim.doc.clientID)).toEqual({
      user: { id: 'participant-m1', name: 'Aino', role: 'member' },
    });
  });

  it('refuses more client ids than a connection may own', async () => {
    const h = await start();
    const r = await raw(h, boardA, tokens.member);
    const entries = [1, 2, 3, 4, 5].map((clientId) => ({ clientId, clock: 1, state: { n: clientId } }));
    r.send(writeAwareness(writeAwarenessUpdate(entries)));
    expect((await r.closed).code).toBe(CloseCode.forbidden);
  });

  it('refuses an oversize awareness state', async () => {
    const h = await start();
    const a = await synced(connect(h, boardA, tokens.member));
    const r = await raw(h, boardA, tokens.observer);
    r.send(writeAwareness(writeAwarenessUpdate([{ clientId: 77, clock: 1, state: { pad: 'x'.repeat(20_000) } }])));
    expect((await r.closed).code).toBe(CloseCode.forbidden);
    expect(a.provider.awareness.getStates().has(77)).toBe(false);
  });

  it('answers a query with every state', async () => {
    const h = await start();
    const a = await synced(connect(h, boardA, tokens.member));
    a.provider.awareness.setLocalStateField('user', { name: 'Aino' });
    const r = await raw(h, boardA, tokens.observer);
    await waitFor(() => r.received.some((f) => f[0] === 1), 'the initial presence');
    r.received.length = 0;
    r.send(new Uint8Array([3]));
    await waitFor(() => r.received.some((f) => f[0] === 1), 'the answer');
  });
});

describe('limits', () => {
  it('closes a slow reader once its backlog passes the cap', async () => {
    // Budgets high enough that the reader is dropped for reading slowly, not for asking too often.
    const budgets = { ...syncBudgetDefaults, syncStep1PerMinute: 1000 };
    const h = await start({ maxBufferedBytes: 64 * 1024, maxDocumentBytes: 32 * 1024, budgets });
    await h.sync.withDoc(boardA, (doc) => doc.getText('t').insert(0, 'y'.repeat(1024 * 1024)));
    const other = await synced(connect(h, boardA, tokens.member));
    const slow = await raw(h, boardA, tokens.observer);
    slow.ws.pause();
    // Each step 1 asks for the whole megabyte again; a reader that never reads must be cut off.
    for (let i = 0; i < 100; i++) slow.send(writeSyncStep1(new Uint8Array([0])));
    await waitFor(() => h.sync.stats().connections === 1, 'the slow reader to be dropped', 10_000);
    expect(h.logs.some((l) => l.msg === 'slow reader')).toBe(true);
    slow.ws.resume();
    expect((await slow.closed).code).toBe(CloseCode.slowReader);
    await h.sync.withDoc(boardA, (doc) => doc.getText('t').insert(0, 'ok'));
    await waitFor(() => other.text().startsWith('ok'), 'the other client to keep syncing');
  });

  it('terminates a connection that does not answer pings', async () => {
    const h = await start({ pingIntervalMs: 50 });
    const r = await raw(h, boardA, tokens.member);
    // Stop the socket from reading, so it never sees (nor answers) a ping.
    r.ws.pause();
    await waitFor(() => h.sync.stats().connections === 0, 'the silent connection to be dropped');
    expect(h.logs.some((l) => l.msg === 'no answer to ping; terminating')).toBe(true);
  });

  it.each(['asynchronous', 'synchronous'] as const)(
    'drops a document whose writes fail so that its clients resync from storage (%s store)',
    async (kind) => {
      let failNext = false;
      const failing = () => {
        if (!failNext) return;
        failNext = false;
        throw new Error('disk full');
      };
      const h = await start({
        wrapStore: (store) => ({
          ...store,
          appendUpdates: async (name, updates) => {
            failing();
            return store.appendUpdates(name, updates);
          },
          appendUpdatesNow:
            kind === 'synchronous'
              ? (name, updates) => {
                  failing();
                  store.appendUpdatesNow!(name, updates);
                }
              : undefined,
        }),
      });
      const a = await synced(connect(h, boardA, tokens.member));
      a.doc.getText('t').insert(0, 'saved ');
      await stored(h, boardA, 'saved ');
      failNext = true;
      a.doc.getText('t').insert(6, 'unsaved');
      await waitFor(() => a.closes.includes(CloseCode.internalError), 'the client to be told');
      // The provider reconnects to a freshly loaded document and sends what it lacks.
      await stored(h, boardA, 'saved unsaved');
      expect(h.logs.filter((l) => l.msg === 'loaded document')).toHaveLength(2);
    },
  );
});

/** An update that inserts `text` at the start of text 't' of a fresh document (client id `clientId`). */
function textUpdate(text: string, clientId = 999_001): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('bounds', () => {
  it('refuses an update that would take a document past its size cap, and nothing else changes', async () => {
    const h = await start({ maxDocumentBytes: 64 * 1024 });
    const a = await synced(connect(h, boardA, tokens.member));
    const b = await synced(connect(h, boardA, tokens.facilitator));
    a.doc.getText('t').insert(0, 'small');
    await waitFor(() => b.text() === 'small', 'b to see a');
    const big = await raw(h, boardA, tokens.member2);
    big.send(writeUpdate(textUpdate('x'.repeat(100 * 1024))));
    expect((await big.closed).code).toBe(CloseCode.documentTooLarge);
    a.doc.getText('t').insert(5, ' and fine');
    await waitFor(() => b.text() === 'small and fine', 'the others to keep syncing');
    await stored(h, boardA, 'small and fine');
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  });

  it('lets a full document take updates that add nothing, such as a reconnecting client’s', async () => {
    const h = await start({ maxDocumentBytes: 32 * 1024 });
    const a = await synced(connect(h, boardA, tokens.member));
    a.doc.getText('t').insert(0, 'y'.repeat(30 * 1024));
    await stored(h, boardA, 'y'.repeat(30 * 1024));
    // A second client with the same content sends all of it again in its sync step 2.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(a.doc));
    const b = await synced(connect(h, boardA, tokens.facilitator, copy));
    a.doc.getText('t').delete(0, 10);
    await waitFor(() => b.text().length === 30 * 1024 - 10, 'a delete on the full document');
    expect([...a.closes, ...b.closes]).toEqual([]);
  });

  it('closes a connection that sends more messages per second than its budget, and only it', async () => {
    const h = await start({ budgets: { ...syncBudgetDefaults, messagesPerSecond: 20 } });
    const a = await synced(connect(h, boardA, tokens.member));
    const b = await synced(connect(h, boardA, tokens.facilitator));
    const flood = await raw(h, boardA, tokens.member2);
    for (let clock = 1; clock <= 100; clock++) {
      flood.send(writeAwareness(writeAwarenessUpdate([{ clientId: 5150, clock, state: { n: clock } }])));
    }
    expect((await flood.closed).code).toBe(CloseCode.rateLimited);
    a.doc.getText('t').insert(0, 'unharmed');
    await waitFor(() => b.text() === 'unharmed', 'the others to keep syncing');
    // They echoed the flood's presence back (y-websocket does), which costs them no messages.
    expect([...a.closes, ...b.closes]).toEqual([]);
  });

  it('closes a connection that sends more update bytes per second than its budget', async () => {
    const h = await start({
      maxPayloadBytes: 64 * 1024,
      budgets: { ...syncBudgetDefaults, bytesPerSecond: 4 * 1024 },
    });
    const b = await synced(connect(h, boardA, tokens.facilitator));
    const flood = await raw(h, boardA, tokens.member);
    for (let i = 0; i < 10; i++) flood.send(writeUpdate(textUpdate('z'.repeat(10 * 1024), 1000 + i)));
    expect((await flood.closed).code).toBe(CloseCode.rateLimited);
    // The budget's burst (one largest frame, 64 KiB) went through; the rest was never applied.
    await stored(h, boardA, 'z'.repeat(60 * 1024));
    expect(b.provider.wsconnected).toBe(true);
  });

  it.each([
    ['sync step 1 with an empty state vector', () => writeSyncStep1(new Uint8Array([0])), 'syncStep1PerMinute'],
    ['query-awareness', () => new Uint8Array([3]), 'queryAwarenessPerMinute'],
  ] as const)('budgets %s per connection', async (_name, frame, budget) => {
    const h = await start({ budgets: { ...syncBudgetDefaults, [budget]: 5 } });
    await h.sync.withDoc(boardA, (doc) => doc.getText('t').insert(0, 'the whole board'));
    const r = await raw(h, boardA, tokens.observer);
    for (let i = 0; i < 20; i++) r.send(frame());
    expect((await r.closed).code).toBe(CloseCode.rateLimited);
    const answers = r.received.map((f) => readMessage(f, limits).type);
    const asked = budget === 'syncStep1PerMinute' ? 'syncStep2' : 'awareness';
    expect(answers.filter((t) => t === asked).length).toBeLessThanOrEqual(5 + 1);
  });

  it('merges a large document for compaction while other rooms keep syncing', async () => {
    let merging = false;
    let merged = false;
    const h = await start({
      compactThreshold: 20,
      wrapStore: (store) => ({
        ...store,
        // Keeps the merge synchronous when it is (as it was before compaction moved to a worker).
        compact: (name, merge) =>
          store.compact(name, (rows) => {
            merging = true;
            const result = merge(rows);
            if (!(result instanceof Promise)) merged = true;
            return result instanceof Promise ? result.finally(() => (merged = true)) : result;
          }),
      }),
    });
    // Many small records: merging them is real work.
    await h.sync.withDoc(boardA, (doc) => {
      const map = doc.getMap('m');
      for (let i = 0; i < 100_000; i++) map.set(`k${i}`, i);
    });
    const a = await synced(connect(h, boardA, tokens.member));
    const b1 = await synced(connect(h, boardB, tokens.member));
    const b2 = await synced(connect(h, boardB, tokens.facilitator));
    for (let i = 0; i < 25; i++) a.doc.getMap('m').set('k0', -i);
    await waitFor(() => merging, 'the compaction to start');
    b1.doc.getText('t').insert(0, 'meanwhile');
    await waitFor(() => b2.text() === 'meanwhile', 'the other room to sync');
    expect(merged).toBe(false);
    await waitFor(() => merged, 'the merge to finish', 20_000);
  }, 30_000);

  it('never bothers an honest client dragging 30 shapes with the defaults', async () => {
    const h = await start();
    const a = await synced(connect(h, boardA, tokens.member));
    const b = await synced(connect(h, boardA, tokens.facilitator));
    const record = (shape: number, frame: number) =>
      JSON.stringify({ id: `shape:${shape}`, x: frame, y: shape, props: { text: 'n'.repeat(320) } });
    const map = a.doc.getMap('records');
    // What the real client sent in Chromium (see connectionBudget.ts), at a full 60 frames a second
    // for three seconds: every dragged shape's record per animation frame, the cursor every 50 ms,
    // while b's cursor moves too (a echoes it).
    for (let frame = 0; frame < 180; frame++) {
      a.doc.transact(() => {
        for (let shape = 0; shape < 30; shape++) map.set(`shape:${shape}`, record(shape, frame));
      });
      if (frame % 3 === 0) {
        a.provider.awareness.setLocalStateField('presence', { cursor: { x: frame, y: frame } });
        b.provider.awareness.setLocalStateField('presence', { cursor: { x: -frame, y: frame } });
      }
      await new Promise((resolve) => setTimeout(resolve, 1000 / 60));
    }
    await waitFor(() => b.doc.getMap('records').get('shape:29') === record(29, 179), 'b to see the last frame');
    expect([...a.closes, ...b.closes]).toEqual([]);
  });
});

describe('presence identity', () => {
  it('stamps the connection’s participant into its presence, whatever the state claims', async () => {
    const h = await start();
    const watcher = await synced(connect(h, boardA, tokens.member));
    const liar = await raw(h, boardA, tokens.facilitator);
    const claimed = { id: 'participant-m1', name: 'Aino', role: 'member', color: '#aa0000' };
    liar.send(writeAwareness(writeAwarenessUpdate([{ clientId: 777, clock: 1, state: { user: claimed, n: 1 } }])));
    await waitFor(() => watcher.provider.awareness.getStates().has(777), 'the state');
    expect(watcher.provider.awareness.getStates().get(777)).toEqual({
      user: { id: 'participant-f1', name: 'Fiona', role: 'facilitator', color: '#aa0000' },
      n: 1,
    });
  });

  it('takes the identity out of a link-token connection’s presence, which belongs to nobody', async () => {
    const h = await start();
    const watcher = await synced(connect(h, boardA, tokens.member));
    const link = await raw(h, boardA, tokens.observer);
    const claimed = { id: 'participant-m1', name: 'Aino', role: 'member' };
    link.send(writeAwareness(writeAwarenessUpdate([{ clientId: 778, clock: 1, state: { user: claimed, n: 2 } }])));
    await waitFor(() => watcher.provider.awareness.getStates().has(778), 'the state');
    expect(watcher.provider.awareness.getStates().get(778)).toEqual({ n: 2 });
  });
});

describe('stroke previews', () => {
  const preview = (from: number, points: number[], shapeId = 'shape:stroke-1'): StrokePreview => ({
    shapeId,
    segment: 0,
    kind: 'free',
    dim: 2,
    from,
    points,
  });
  /** Collects the previews a y-websocket client receives, as the board's transport does. */
  const watch = (client: Client) => {
    const seen: StrokePreview[] = [];
    client.provider.messageHandlers[STROKE_PREVIEW_MESSAGE] = (_encoder, decoder) => {
      seen.push(decodeStrokePreview(decoder));
    };
    return seen;
  };
  const sendPreview = (client: Client, p: StrokePreview) => client.provider.ws!.send(encodeStrokePreview(p));

  it('reach the other connections as sent, are never stored, and the final record converges', async () => {
    const h = await start();
    const drawer = await synced(connect(h, boardA, tokens.member));
    const viewer = await synced(connect(h, boardA, tokens.facilitator));
    const observer = await synced(connect(h, boardA, tokens.observer));
    const drawerSeen = watch(drawer);
    const viewerSeen = watch(viewer);
    const observerSeen = watch(observer);
    const records = drawer.doc.getMap('records');
    records.set('shape:stroke-1', { points: 1, isComplete: false });
    // Relayed only once stored.
    await waitFor(() => viewer.doc.getMap('records').has('shape:stroke-1'), 'the pen-down record');
    const rows = (await h.store.loadUpdates(boardA)).length;

    sendPreview(drawer, preview(1, [2, 3, 4.5, 6]));
    sendPreview(drawer, preview(3, [7, 8]));
    await waitFor(() => viewerSeen.length === 2 && observerSeen.length === 2, 'the previews to arrive');
    expect(viewerSeen).toEqual([preview(1, [2, 3, 4.5, 6]), preview(3, [7, 8])]);
    expect(drawerSeen).toEqual([]);
    expect((await h.store.loadUpdates(boardA)).length).toBe(rows);

    records.set('shape:stroke-1', { points: 4, isComplete: true });
    await waitFor(
      () => JSON.stringify(viewer.doc.getMap('records').get('shape:stroke-1')) === '{"points":4,"isComplete":true}',
      'the final record',
    );
    const reloaded = new Y.Doc();
    for (const update of await h.store.loadUpdates(boardA)) Y.applyUpdate(reloaded, update);
    expect(reloaded.getMap('records').toJSON()).toEqual(records.toJSON());
    expect([...drawer.closes, ...viewer.closes, ...observer.closes]).toEqual([]);
  });

  it("drops a read-only connection's previews and keeps it open", async () => {
    const h = await start();
    const viewer = await synced(connect(h, boardA, tokens.member));
    const observer = await synced(connect(h, boardA, tokens.observer));
    const viewerSeen = watch(viewer);
    sendPreview(observer, preview(0, [1, 2]));
    await waitFor(
      () =>
        h.logs.some((l) => l.msg === 'dropped a write from a read-only connection' && l.message === 'strokePreview'),
      'the dropped preview to be logged',
    );
    // Still open and still relaying: a preview sent after it by a writer arrives alone.
    const writer = await synced(connect(h, boardA, tokens.facilitator));
    sendPreview(writer, preview(0, [9, 9]));
    await waitFor(() => viewerSeen.length > 0, 'the writer’s preview');
    expect(viewerSeen).toEqual([preview(0, [9, 9])]);
    expect(observer.provider.wsconnected).toBe(true);
  });

  /** A preview frame written field by field, so that each field can be wrong. */
  const frame = (fields: { id?: string; count?: number; numbers?: number[]; truncate?: number }) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, STROKE_PREVIEW_MESSAGE);
    encoding.writeVarString(encoder, fields.id ?? 'stroke-1');
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 0);
    const numbers = fields.numbers ?? [1, 2];
    encoding.writeVarUint(encoder, fields.count ?? numbers.length);
    for (const n of numbers) encoding.writeFloat32(encoder, n);
    const bytes = encoding.toUint8Array(encoder);
    return bytes.subarray(0, bytes.length - (fields.truncate ?? 0));
  };

  it.each([
    ['a point that is not a number', frame({ numbers: [1, Number.NaN] })],
    ['an infinite coordinate', frame({ numbers: [Number.POSITIVE_INFINITY, 2] })],
    ['half a point', frame({ numbers: [1, 2, 3] })],
    ['more numbers than a preview may carry', frame({ count: strokePreviewBounds.maxNumbers + 2, numbers: [] })],
    ['an id that is not a shape id', frame({ id: 'a/b' })],
    ['an empty id', frame({ id: '' })],
    ['a layout shape id', frame({ id: 'layout.frame-1' })],
    ['a truncated body', frame({ truncate: 3 })],
    ['trailing bytes', Uint8Array.from([...frame({}), 0])],
  ])('close only the sender of %s with 1002', async (_name, bad) => {
    const h = await start();
    const a = await synced(connect(h, boardA, tokens.member));
    const b = await synced(connect(h, boardA, tokens.facilitator));
    const seen = watch(b);
    const hostile = await raw(h, boardA, tokens.member2);
    hostile.send(bad);
    expect((await hostile.closed).code).toBe(CloseCode.protocolError);
    a.doc.getText('t').insert(0, 'still here');
    await waitFor(() => b.text() === 'still here', 'the others to keep syncing');
    expect(seen).toEqual([]);
    expect(h.sync.stats().connections).toBe(2);
  });

  it('count against the connection’s budget of messages', async () => {
    const h = await start({ budgets: { ...syncBudgetDefaults, messagesPerSecond: 20 } });
    const b = await synced(connect(h, boardA, tokens.facilitator));
    const flood = await raw(h, boardA, tokens.member);
    for (let i = 0; i < 100; i++) flood.send(encodeStrokePreview(preview(i, [i, i])));
    expect((await flood.closed).code).toBe(CloseCode.rateLimited);
    expect(b.closes).toEqual([]);
  });

  it('are read back as written', () => {
    const p: StrokePreview = {
      shapeId: 'shape:abc',
      segment: 2,
      kind: 'straight',
      dim: 3,
      from: 7,
      points: [1, 2, 0.5],
    };
    expect(readMessage(encodeStrokePreview(p), limits)).toMatchObject({ type: 'strokePreview', preview: p });
  });
});
