// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { TLInstancePresence, TLRecord, TLStore } from 'tldraw';
import { createBoardStore } from './boardStore.js';
import { bindPresence, type PresenceBinding } from './presence.js';
import { presenceRecordFromAwareness, presenceRecordId, type AwarenessUser } from './awarenessState.js';

const alice: AwarenessUser = { id: 'alice-0001', name: 'Alice', color: '#d9480f', role: 'facilitator' };
const bob: AwarenessUser = { id: 'bob-000001', name: 'Bob', color: '#1971c2', role: 'member' };

const disposers: (() => void)[] = [];
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

interface Client {
  awareness: Awareness;
  store: TLStore;
  presence: PresenceBinding;
}

function client(user: AwarenessUser, throttleMs = 0): Client {
  const awareness = new Awareness(new Y.Doc());
  const store = createBoardStore();
  store.mergeRemoteChanges(() => {}); // as the editor does on mount: instance, page, pointer…
  const presence = bindPresence({ store, awareness, user, throttleMs });
  disposers.push(() => {
    presence.dispose();
    awareness.destroy();
  });
  return { awareness, store, presence };
}

/** Relays awareness updates both ways, as the server does. */
function link(a: Awareness, b: Awareness): void {
  const relay = 'relay';
  const forward = (from: Awareness, to: Awareness) => {
    const handler = ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === relay) return;
      const changed = [...added!, ...updated!, ...removed!];
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, changed), relay);
    };
    from.on('update', handler);
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), relay);
  };
  forward(a, b);
  forward(b, a);
}

function presences(store: TLStore): TLInstancePresence[] {
  return store.query.records('instance_presence').get();
}

function movePointer(store: TLStore, x: number): void {
  const pointer = store.get('pointer:pointer' as TLRecord['id'])!;
  store.put([{ ...pointer, x, y: x } as TLRecord]);
}

describe('bindPresence', () => {
  it('shows other people’s cursors with their names and colours, and lists who is here', () => {
    const a = client(alice);
    const b = client(bob);
    link(a.awareness, b.awareness);
    movePointer(a.store, 42);

    const [seen] = presences(b.store);
    expect(seen).toMatchObject({ userName: 'Alice', color: '#d9480f', userId: 'user:alice-0001' });
    expect(seen?.cursor).toMatchObject({ x: 42, y: 42 });
    expect(presences(a.store).map((p) => p.userName)).toEqual(['Bob']);

    expect(b.presence.people.get()).toEqual([
      { ...bob, isSelf: true },
      { ...alice, isSelf: false },
    ]);
  });

  it('removes a cursor when its client leaves', () => {
    const a = client(alice);
    const b = client(bob);
    link(a.awareness, b.awareness);
    expect(presences(b.store)).toHaveLength(1);

    removeAwarenessStates(b.awareness, [a.awareness.clientID], 'timeout');
    expect(presences(b.store)).toHaveLength(0);
    expect(b.presence.people.get().map((p) => p.name)).toEqual(['Bob']);
  });

  it('publishes at most once per throttle interval', () => {
    vi.useFakeTimers();
    const a = client(alice, 50);
    const published: unknown[] = [];
    a.awareness.on('change', () => published.push(a.awareness.getLocalState()?.presence));
    for (let x = 1; x <= 10; x++) movePointer(a.store, x);
    expect(published.length).toBeLessThanOrEqual(1);
    vi.advanceTimersByTime(60);
    expect(published.length).toBeLessThanOrEqual(2);
    const last = a.awareness.getLocalState()?.presence as TLInstancePresence;
    expect(last.cursor?.x).toBe(10);
  });

  it('lists a person with two tabs once', () => {
    const a1 = client(alice);
    const a2 = client(alice);
    const b = client(bob);
    link(a1.awareness, b.awareness);
    link(a2.awareness, b.awareness);
    expect(b.presence.people.get().map((p) => p.name)).toEqual(['Bob', 'Alice']);
  });
});

describe('presenceRecordFromAwareness', () => {
  const good = () => {
    const a = client(alice);
    movePointer(a.store, 5);
    return structuredClone(a.awareness.getLocalState()) as Record<string, Record<string, unknown>>;
  };

  it('accepts a well-formed state', () => {
    expect(presenceRecordFromAwareness(7, good(), 1000)).toMatchObject({
      id: presenceRecordId(7),
      userName: 'Alice',
      lastActivityTimestamp: 1000,
    });
  });

  it('refuses hostile states instead of drawing them', () => {
    const nanCursor = good();
    nanCursor.presence!.cursor = { x: Number.NaN, y: 0, rotation: 0, type: 'default' };
    const hugeNumber = good();
    hugeNumber.presence!.camera = { x: Infinity, y: 0, z: 1 };
    const badCursorType = good();
    badCursorType.presence!.cursor = { x: 0, y: 0, rotation: 0, type: 'url(evil.png)' };
    const longPage = good();
    longPage.presence!.currentPageId = `page:${'x'.repeat(10_000)}`;
    const noUser = good();
    delete noUser.user;
    const badUserId = good();
    badUserId.user!.id = '../../etc';

    for (const state of [nanCursor, hugeNumber, badCursorType, longPage, noUser, badUserId, null, 'hi', [1]]) {
      expect(presenceRecordFromAwareness(7, state, 1000)).toBeNull();
    }
  });

  it('bounds what it keeps from a state', () => {
    const state = good();
    state.user!.name = `\u202eEve${'e'.repeat(500)}`;
    state.user!.color = 'red; background: url(https://tracker.example)';
    state.presence!.selectedShapeIds = Array.from({ length: 5000 }, (_, i) => `shape:${i}`);
    state.presence!.chatMessage = 'x'.repeat(10_000);
    state.presence!.meta = { payload: 'x'.repeat(10_000) };

    const record = presenceRecordFromAwareness(7, state, 1000)!;
    expect(record.userName.startsWith('Eve')).toBe(true);
    expect(record.userName.length).toBeLessThanOrEqual(60);
    expect(record.color).toBe('#808080');
    expect(record.selectedShapeIds.length).toBe(200);
    expect(record.chatMessage.length).toBe(280);
    expect(record.meta).toEqual({});
  });
});
