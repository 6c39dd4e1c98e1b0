// The meeting's facilitation state as this browser sees it: a read-only y-websocket connection to
// `meeting/<id>/session`, which only the server writes (DESIGN.md, "Documents and who may write
// them"). The state is parsed on every change; a state this client cannot read is ignored (the
// last good one stays on screen) rather than half-rendered, and `unreadable` says so, so the page
// can tell the person to reload (usually the server was updated and this page is older).
import * as Y from 'yjs';
import { atom, react, type Signal } from 'tldraw';
import {
  SESSION_MAP,
  SESSION_REACTIONS_KEY,
  SESSION_STATE_KEY,
  type RecentReaction,
  sessionFormat,
  type MeetingId,
  type SessionState,
} from '@vermeboard/shared';
import { createBoardTransport, type BoardStatus, type BoardTransport } from '../board/transport.js';
import { parseReactions } from './reactions.js';

export interface SessionConnection {
  /** Null until the server has sent a readable state. */
  state: Signal<SessionState | null>;
  /** The server's list of recent reactions (see reactions.ts). */
  reactions: Signal<RecentReaction[]>;
  /** True while the latest state the server sent could not be read by this client. */
  unreadable: Signal<boolean>;
  status: Signal<BoardStatus>;
  /** Grows each time the connection becomes live again after a drop, so clocks can re-estimate. */
  liveCount: Signal<number>;
  destroy(): void;
}

export function parseSessionState(value: unknown): SessionState | null {
  if (value === undefined) return null;
  // Through the shared format, so a state an older server stored is migrated as the server reads it.
  const read = sessionFormat.read(value);
  if (!read.ok) {
    console.warn('[facilitation] ignored a session state this client cannot read:', read.reason);
    return null;
  }
  return read.value;
}

/** Follows the session state in `doc`, whoever syncs it. */
export function watchSessionDoc(doc: Y.Doc): {
  state: Signal<SessionState | null>;
  reactions: Signal<RecentReaction[]>;
  unreadable: Signal<boolean>;
  stop(): void;
} {
  const map = doc.getMap<unknown>(SESSION_MAP);
  const first = map.get(SESSION_STATE_KEY);
  const state = atom<SessionState | null>('facilitation session', parseSessionState(first));
  const unreadable = atom('facilitation session unreadable', first !== undefined && state.get() === null);
  const reactions = atom<RecentReaction[]>('facilitation reactions', parseReactions(map.get(SESSION_REACTIONS_KEY)));
  const onChange = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has(SESSION_STATE_KEY)) {
      const value = map.get(SESSION_STATE_KEY);
      const next = parseSessionState(value);
      if (next !== null) state.set(next);
      unreadable.set(value !== undefined && next === null);
    }
    if (event.keysChanged.has(SESSION_REACTIONS_KEY)) reactions.set(parseReactions(map.get(SESSION_REACTIONS_KEY)));
  };
  map.observe(onChange);
  return { state, reactions, unreadable, stop: () => map.unobserve(onChange) };
}

export interface SessionConnectionOptions {
  meetingId: MeetingId;
  token: string;
  serverUrl?: string;
  WebSocketImpl?: typeof WebSocket;
}

export function openSessionConnection({
  meetingId,
  token,
  serverUrl,
  WebSocketImpl,
}: SessionConnectionOptions): SessionConnection {
  // Not kept in IndexedDB: the server is the only writer, and a stale state from an earlier visit
  // would show a step the meeting has left.
  const transport: BoardTransport = createBoardTransport({
    meetingId,
    docName: { kind: 'session', meetingId },
    token,
    persist: false,
    ...(serverUrl ? { serverUrl } : {}),
    ...(WebSocketImpl ? { WebSocketImpl } : {}),
  });
  transport.setReadOnly(true);
  const watched = watchSessionDoc(transport.doc);
  const liveCount = atom('facilitation live count', 0);
  let wasLive = false;
  // 'read-only' is what a live connection to this document looks like (see setReadOnly above).
  const unsubscribe = react('facilitation reconnects', () => {
    const status = transport.status.get();
    const live = status === 'read-only' || status === 'live';
    if (live && !wasLive) liveCount.update((n) => n + 1);
    wasLive = live;
  });
  return {
    state: watched.state,
    reactions: watched.reactions,
    unreadable: watched.unreadable,
    status: transport.status,
    liveCount,
    destroy() {
      unsubscribe();
      watched.stop();
      transport.destroy();
    },
  };
}
