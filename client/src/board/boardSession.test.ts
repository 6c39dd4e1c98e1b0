// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { atom, computed, react, type Atom, type TLStore } from 'tldraw';
import { BOARD_SCHEMA_VERSION, META_SCHEMA_VERSION, META_TLDRAW_SCHEMA, type Role } from '@vermeboard/shared';
import { openBoardDocument } from './boardDocument.js';
import { createBoardStore } from './boardStore.js';
import { openBoardSession, type BoardSession } from './boardSession.js';
import { deriveStatus, type BoardTransport, type RefusalKind } from './transport.js';
import { manualFrames } from './boardTestKit.js';

const user = { id: 'alice-0001', name: 'Alice', color: '#d9480f' };
const sessions: BoardSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
  vi.restoreAllMocks();
});

/** A transport without a network: the test decides when the server has synced. */
function offlineTransport(doc = new Y.Doc()) {
  const connection = atom('connection', {
    connected: true,
    synced: false,
    lostOnce: false,
    readOnly: false,
    gone: false,
  });
  const serverSynced = atom('synced', false);
  const transport: BoardTransport = {
    doc,
    awareness: new Awareness(doc),
    status: computed('status', () => deriveStatus(connection.get())),
    serverSynced,
    whenLocalLoaded: Promise.resolve(),
    refused: atom<RefusalKind | null>('refused', null),
    // Offline: previews go nowhere and none arrive.
    previews: { send: () => undefined, subscribe: () => () => undefined },
    setReadOnly: (readOnly) => connection.update((c) => ({ ...c, readOnly })),
    discard: () => Promise.resolve(doc.destroy()),
    destroy: () => doc.destroy(),
  };
  /** The server's sync step: it brings the meta the server writes into every board it loads. */
  const sync = () => {
    const server = new Y.Doc();
    const meta = openBoardDocument(server).meta;
    if (!openBoardDocument(doc).meta.has(META_SCHEMA_VERSION)) {
      meta.set(META_SCHEMA_VERSION, BOARD_SCHEMA_VERSION);
      meta.set(META_TLDRAW_SCHEMA, createBoardStore().schema.serialize());
    }
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    connection.update((c) => ({ ...c, synced: true }));
    serverSynced.set(true);
  };
  const gone = () => connection.update((c) => ({ ...c, gone: true }));
  return { transport, sync, gone };
}

function open(transport: BoardTransport, role: Role = 'member', readOnly?: Atom<boolean>): BoardSession {
  const session = openBoardSession({
    transport,
    user,
    role,
    ...(readOnly ? { readOnly } : {}),
    schedule: manualFrames().schedule,
    localLoadTimeoutMs: 10,
  });
  sessions.push(session);
  return session;
}

function loaded(session: BoardSession): Promise<TLStore> {
  return new Promise((resolve) => {
    const stop = react('loaded', () => {
      const store = session.store.get();
      if (store) {
        queueMicrotask(() => stop());
        resolve(store);
      }
    });
  });
}

function modeOf(store: TLStore): string | undefined {
  return store.props.collaboration?.mode?.get();
}

describe('openBoardSession', () => {
  it('waits for the server, which writes the board’s meta, before opening a board this browser has never seen', async () => {
    const { transport, sync } = offlineTransport();
    const session = open(transport);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(session.store.get()).toBeNull();
    expect(session.status.get()).toBe('connecting');

    sync();
    const store = await loaded(session);
    expect(modeOf(store)).toBe('readwrite');
    expect(session.status.get()).toBe('live');
    expect(openBoardDocument(transport.doc).meta.get(META_SCHEMA_VERSION)).toBe(BOARD_SCHEMA_VERSION);
    // The browser wrote nothing into the meta: every entry there is the server's.
    expect(
      [...transport.doc.getMap('meta')._map.values()].every((item) => item.id.client !== transport.doc.clientID),
    ).toBe(true);
    expect(session.people.get()).toEqual([{ ...user, role: 'member', isSelf: true }]);
  });

  it('opens a board kept in this browser without waiting for the server', async () => {
    const doc = new Y.Doc();
    const board = openBoardDocument(doc);
    board.meta.set(META_SCHEMA_VERSION, BOARD_SCHEMA_VERSION);
    board.meta.set(META_TLDRAW_SCHEMA, createBoardStore().schema.serialize());
    const { transport } = offlineTransport(doc);
    const store = await loaded(open(transport));
    expect(store).toBeDefined();
  });

  it('opens read-only for an observer', async () => {
    const { transport, sync } = offlineTransport();
    const session = open(transport, 'observer');
    sync();
    const store = await loaded(session);
    expect(modeOf(store)).toBe('readonly');
    expect(session.status.get()).toBe('read-only');
  });

  it('turns read-only when the meeting ends, for every role', async () => {
    const { transport, sync } = offlineTransport();
    const ended = atom('ended', false);
    const session = open(transport, 'facilitator', ended);
    sync();
    const store = await loaded(session);
    expect(modeOf(store)).toBe('readwrite');
    ended.set(true);
    expect(modeOf(store)).toBe('readonly');
    expect(session.status.get()).toBe('read-only');
  });

  it('turns read-only when the server says the board is gone', async () => {
    const { transport, sync, gone } = offlineTransport();
    const session = open(transport);
    sync();
    const store = await loaded(session);
    expect(modeOf(store)).toBe('readwrite');
    gone();
    expect(modeOf(store)).toBe('readonly');
    expect(session.status.get()).toBe('gone');
  });

  it('refuses to edit a board made by a newer Vermeboard', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = new Y.Doc();
    const board = openBoardDocument(doc);
    board.meta.set(META_SCHEMA_VERSION, BOARD_SCHEMA_VERSION + 1);
    board.meta.set(META_TLDRAW_SCHEMA, createBoardStore().schema.serialize());
    const { transport, sync } = offlineTransport(doc);
    const session = open(transport);
    sync();
    const store = await loaded(session);
    expect(session.schemaProblem.get()).toBe('newer');
    expect(modeOf(store)).toBe('readonly');
    expect(session.status.get()).toBe('read-only');
  });

  it('turns read-only when another client upgrades the document while it is open', async () => {
    const { transport, sync } = offlineTransport();
    const session = open(transport);
    sync();
    const store = await loaded(session);
    expect(modeOf(store)).toBe('readwrite');

    openBoardDocument(transport.doc).meta.set(META_SCHEMA_VERSION, BOARD_SCHEMA_VERSION + 1);
    expect(session.schemaProblem.get()).toBe('newer');
    expect(modeOf(store)).toBe('readonly');
  });
});
