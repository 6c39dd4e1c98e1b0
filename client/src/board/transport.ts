// Where a board document lives on this side: a Y.Doc kept in IndexedDB (so a reload while offline
// keeps local edits) and synced with the server over y-websocket. Exposes one connection status
// for the indicator and for tldraw's read-only mode.
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import { atom, computed, type Signal } from 'tldraw';
import {
  CloseCode,
  STROKE_PREVIEW_MESSAGE,
  decodeStrokePreview,
  encodeStrokePreview,
  formatDocName,
  type DocName,
  type MeetingId,
  type StrokePreview,
} from '@vermeboard/shared';
import { getSyncTicket } from '../api/client.js';
import { deleteMeetingCopies, localCopyName } from './localCopies.js';
import { ticketWebSocket } from './ticketSocket.js';

export type RefusalKind = 'refused' | 'full';

export type BoardStatus = 'connecting' | 'live' | 'offline' | 'read-only' | 'gone';

export interface ConnectionState {
  /** The socket is open. */
  connected: boolean;
  /** The server has answered our sync step 1, so both sides hold the same document. */
  synced: boolean;
  /** A connection attempt has failed or an open connection was lost since the board opened. */
  lostOnce: boolean;
  /** This client may not write: the role is an observer's, or the document is newer than we are. */
  readOnly: boolean;
  /** The server said the meeting's documents are gone (deleted by the retention rule). */
  gone: boolean;
}

export function deriveStatus({ connected, synced, lostOnce, readOnly, gone }: ConnectionState): BoardStatus {
  if (gone) return 'gone';
  if (connected && synced) return readOnly ? 'read-only' : 'live';
  // After a failure the provider keeps retrying with backoff (also when the server refuses the
  // upgrade with 401/403/404); flickering back to "connecting" on every retry would hide that
  // the user is working offline.
  return lostOnce ? 'offline' : 'connecting';
}

export interface BoardTransport {
  doc: Y.Doc;
  awareness: Awareness;
  status: Signal<BoardStatus>;
  /** Whether the server has ever synced this document in this session. */
  serverSynced: Signal<boolean>;
  /** Resolves when this browser's saved copy of the document has been loaded into `doc`. */
  whenLocalLoaded: Promise<void>;
  /**
   * The server refused an update of ours — it broke a board rule (CloseCode.updateRefused, 'refused')
   * or the board is at its size cap (CloseCode.documentTooLarge, 'full'): this copy holds something the
   * server will never take, so it must be dropped and loaded again (`discard`), not reconnected.
   */
  refused: Signal<RefusalKind | null>;
  /** Stroke previews (shared/src/strokePreview.ts): sent only while connected, never stored or resent. */
  previews: {
    send(preview: StrokePreview): void;
    subscribe(listener: (preview: StrokePreview) => void): () => void;
  };
  setReadOnly(readOnly: boolean): void;
  /** Destroys the transport and deletes this browser's saved copy of the document. */
  discard(): Promise<void>;
  destroy(): void;
}

export interface BoardTransportOptions {
  meetingId: MeetingId;
  /** Which of the meeting's documents; defaults to its board. The session and private documents travel the same way. */
  docName?: DocName;
  /** The personal token; it buys a sync ticket for each connection and never goes into a URL. */
  token: string;
  /** Defaults to `/sync` on the page's own host. */
  serverUrl?: string;
  /** Where `/api/sync-tickets` lives; defaults to the page's own origin. */
  apiOrigin?: string;
  /** Keep a copy in IndexedDB (default true). */
  persist?: boolean;
  /** For environments without a global WebSocket (tests on Node). */
  WebSocketImpl?: typeof WebSocket;
}

export function createBoardTransport({
  meetingId,
  docName: name = { kind: 'board', meetingId },
  token,
  serverUrl = defaultServerUrl(),
  apiOrigin = '',
  persist = true,
  WebSocketImpl = globalThis.WebSocket,
}: BoardTransportOptions): BoardTransport {
  const docName = formatDocName(name);
  const doc = new Y.Doc();
  const local = persist ? new IndexeddbPersistence(localCopyName(name), doc) : null;
  const buyTicket = async () => (await getSyncTicket(docName, token, apiOrigin)).ticket;
  const provider = new WebsocketProvider(serverUrl, docName, doc, {
    shouldReconnect: (event) => !terminalCloseCodes.has(event.code),
    WebSocketPolyfill: ticketWebSocket(buyTicket, WebSocketImpl),
  });

  const previewListeners = new Set<(preview: StrokePreview) => void>();
  // y-websocket looks a message type up in its provider's own copy of the handler table.
  provider.messageHandlers[STROKE_PREVIEW_MESSAGE] = (_encoder, decoder) => {
    let preview: StrokePreview;
    try {
      preview = decodeStrokePreview(decoder);
    } catch (error) {
      console.warn('[board] skipped a malformed stroke preview:', error);
      return;
    }
    for (const listener of previewListeners) listener(preview);
  };

  const state = atom<ConnectionState>('board connection', {
    connected: false,
    synced: false,
    lostOnce: false,
    readOnly: false,
    gone: false,
  });
  const serverSynced = atom('board server synced', false);
  const refused = atom<RefusalKind | null>('board update refused', null);
  // `update` reads without capturing, so callers may set this from inside a reaction.
  const update = (patch: Partial<ConnectionState>) => state.update((current) => ({ ...current, ...patch }));

  provider.on('status', ({ status }) => {
    if (status === 'connected') update({ connected: true });
    if (status === 'disconnected') update({ connected: false, synced: false, lostOnce: true });
  });
  provider.on('connection-close', (event) => {
    update({ connected: false, synced: false, lostOnce: true });
    if (event?.code === CloseCode.updateRefused) refused.set('refused');
    if (event?.code === CloseCode.documentTooLarge) refused.set('full');
    if (event?.code !== CloseCode.gone) return;
    // Purged on the server: the copies this browser kept must go too (board, session, private
    // notes), and nothing may write them back from memory.
    update({ gone: true });
    void local?.destroy();
    void deleteMeetingCopies([meetingId]);
  });
  provider.on('sync', (synced) => {
    update({ synced });
    if (synced) serverSynced.set(true);
  });

  return {
    doc,
    awareness: provider.awareness,
    status: computed('board status', () => deriveStatus(state.get())),
    serverSynced,
    whenLocalLoaded: local ? local.whenSynced.then(() => undefined) : Promise.resolve(),
    refused,
    previews: {
      send(preview) {
        const ws = provider.ws;
        if (provider.wsconnected && ws?.readyState === WebSocket.OPEN) ws.send(encodeStrokePreview(preview));
      },
      subscribe(listener) {
        previewListeners.add(listener);
        return () => previewListeners.delete(listener);
      },
    },
    setReadOnly: (readOnly) => update({ readOnly }),
    async discard() {
      provider.destroy();
      await local?.clearData();
      doc.destroy();
    },
    destroy() {
      // The provider tells the others we left (awareness removal) before closing the socket.
      provider.destroy();
      void local?.destroy();
      doc.destroy();
    },
  };
}

/**
 * Closes after which retrying cannot help. y-websocket's default gives up on every 4400–4499 code,
 * which would also strand a client closed as a slow reader (4408) or for its rate (4429).
 */
const terminalCloseCodes = new Set<number>([
  CloseCode.tokenRevoked,
  CloseCode.forbidden,
  CloseCode.gone,
  // Reconnecting would send the refused change again; the board reloads instead (Board.tsx).
  CloseCode.updateRefused,
  CloseCode.documentTooLarge,
  // Moved out of a breakout room: the meeting opens the document the session assigns now.
  CloseCode.roomChanged,
]);

function defaultServerUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/sync`;
}
