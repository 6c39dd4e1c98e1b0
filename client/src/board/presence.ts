// Live presence over Yjs awareness: publishes this user's cursor, page, selection and camera
// (throttled), turns other clients' states into tldraw instance_presence records so tldraw draws
// their cursors, and keeps the list of who is here.
import type { Awareness } from 'y-protocols/awareness';
import {
  UserRecordType,
  atom,
  isEqual,
  createPresenceStateDerivation,
  createUserId,
  react,
  type Signal,
  type TLInstancePresence,
  type TLStore,
} from 'tldraw';
import {
  parseAwarenessUser,
  presenceRecordFromAwareness,
  presenceRecordId,
  publishablePresence,
  type AwarenessUser,
} from './awarenessState.js';

export interface Person extends AwarenessUser {
  isSelf: boolean;
}

export interface PresenceBinding {
  /** Who is here: one entry per person (not per tab), this user first. */
  people: Signal<Person[]>;
  dispose(): void;
}

export interface PresenceOptions {
  store: TLStore;
  awareness: Awareness;
  user: AwarenessUser;
  /** Least time between two published presence updates; 50 ms is 20 updates a second. */
  throttleMs?: number;
  /**
   * True while this user draws a stroke: presence is not published meanwhile (the stroke's growing
   * tip, sent as stroke previews, shows where the pen is), and once at the end. Republishing the
   * whole state 20 times a second cost peers more bytes than the stroke itself.
   */
  paused?: Signal<boolean>;
  now?: () => number;
}

/** More clients than this are not drawn or listed: a board is for a group, not a crowd. */
const maxRemoteClients = 100;

export function bindPresence({
  store,
  awareness,
  user,
  throttleMs = 50,
  paused,
  now = Date.now,
}: PresenceOptions): PresenceBinding {
  const selfId = awareness.clientID;
  awareness.setLocalStateField('user', user);

  // --- publishing ---------------------------------------------------------------------------
  const $user = atom(
    'board user',
    UserRecordType.create({ id: createUserId(user.id), name: user.name, color: user.color }),
  );
  const $presence = createPresenceStateDerivation($user, { instanceId: presenceRecordId(selfId) })(store);
  let lastPublished = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const publish = () => {
    timer = null;
    lastPublished = now();
    const presence = $presence.get();
    awareness.setLocalStateField('presence', presence ? publishablePresence(presence) : null);
  };
  const stopPublishing = react('publish board presence', () => {
    $presence.get();
    if (paused?.get()) return;
    if (timer) return;
    const wait = lastPublished + throttleMs - now();
    if (wait <= 0) publish();
    else timer = setTimeout(publish, wait);
  });

  // --- receiving ----------------------------------------------------------------------------
  // Compared by value so that a cursor moving does not re-render the people list.
  const people = atom<Person[]>('board people', [], { isEqual });
  // Remote activity times are replaced by local receive times (see presenceRecordFromAwareness).
  const activity = new Map<number, { remote: unknown; local: number }>();
  const shown = new Set<TLInstancePresence['id']>();

  const localActivityTime = (clientId: number, state: unknown): number => {
    const remote = (state as { presence?: { lastActivityTimestamp?: unknown } } | null)?.presence
      ?.lastActivityTimestamp;
    const known = activity.get(clientId);
    if (known && known.remote === remote) return known.local;
    const entry = { remote, local: now() };
    activity.set(clientId, entry);
    return entry.local;
  };

  const sync = (changed: number[], removed: number[]) => {
    const states = awareness.getStates();
    const toPut: TLInstancePresence[] = [];
    const toRemove = new Set<TLInstancePresence['id']>();
    for (const clientId of removed) {
      activity.delete(clientId);
      toRemove.add(presenceRecordId(clientId));
    }
    for (const clientId of changed) {
      if (clientId === selfId) continue;
      const id = presenceRecordId(clientId);
      const state = states.get(clientId);
      const record =
        shown.size < maxRemoteClients || shown.has(id)
          ? presenceRecordFromAwareness(clientId, state, localActivityTime(clientId, state))
          : null;
      if (record) toPut.push(record);
      else toRemove.add(id);
    }
    const removals = [...toRemove].filter((id) => shown.has(id));
    for (const id of removals) shown.delete(id);
    for (const record of toPut) shown.add(record.id);
    if (toPut.length > 0 || removals.length > 0) {
      store.mergeRemoteChanges(() => {
        if (removals.length > 0) store.remove(removals);
        if (toPut.length > 0) store.put(toPut);
      });
    }
    people.set(listPeople(states, selfId, user));
  };

  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) =>
    sync([...added, ...updated], removed);
  awareness.on('change', onChange);
  sync([...awareness.getStates().keys()], []);

  return {
    people,
    dispose() {
      stopPublishing();
      if (timer) clearTimeout(timer);
      awareness.off('change', onChange);
      const ids = [...shown];
      shown.clear();
      if (ids.length > 0) store.mergeRemoteChanges(() => store.remove(ids));
      awareness.setLocalStateField('presence', null);
    },
  };
}

/** One entry per participant; a person with two tabs open is listed once. */
export function listPeople(states: Map<number, unknown>, selfId: number, self: AwarenessUser): Person[] {
  const byId = new Map<string, Person>();
  byId.set(self.id, { ...self, isSelf: true });
  let seen = 0;
  for (const [clientId, state] of states) {
    if (clientId === selfId) continue;
    if (++seen > maxRemoteClients) break;
    const user = parseAwarenessUser((state as { user?: unknown } | null)?.user);
    if (user && !byId.has(user.id)) byId.set(user.id, { ...user, isSelf: false });
  }
  const [me, ...others] = byId.values();
  others.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return me ? [me, ...others] : others;
}
