// Real y-websocket clients on a test server's meeting documents, recording every frame they
// receive, plus a command helper: what the facilitation tests drive the server with.
import type { RawData } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  BOARD_RECORDS,
  SESSION_MAP,
  SESSION_STATE_KEY,
  type ClientCommand,
  type SessionState,
} from '@vermeboard/shared';
import { bearerWebSocket } from '../bearerSocket.testkit.js';
import type { TestServer } from '../testServer.testkit.js';

export type DocKind = 'board' | 'session' | `private/${string}` | `room/${number}/board`;

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Every frame this client's sockets received, in order. */
  frames: Buffer[];
}

function toBuffer(data: RawData | ArrayBuffer): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
}

/** A bearer WebSocket for y-websocket that copies each received frame into `frames` before the provider sees it. */
function recordingWebSocket(frames: Buffer[], token: string): typeof globalThis.WebSocket {
  return bearerWebSocket(token, (ws) => ws.on('message', (data: RawData | ArrayBuffer) => frames.push(toBuffer(data))));
}

export class SessionClients {
  private readonly clients: Client[] = [];

  constructor(private readonly server: () => Pick<TestServer, 'port'>) {}

  connect(meetingId: string, kind: DocKind, token: string): Client {
    const frames: Buffer[] = [];
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(
      `ws://127.0.0.1:${this.server().port}/sync`,
      `meeting/${meetingId}/${kind}`,
      doc,
      {
        WebSocketPolyfill: recordingWebSocket(frames, token),
        disableBc: true,
      },
    );
    const client = { doc, provider, frames };
    this.clients.push(client);
    return client;
  }

  disconnect(client: Client): void {
    client.provider.destroy();
    client.doc.destroy();
  }

  closeAll(): void {
    for (const c of this.clients.splice(0)) this.disconnect(c);
  }
}

/** The session state as the server holds it (a copy). */
export function serverSession(server: TestServer, meetingId: string): Promise<SessionState> {
  return server.sync.withDoc(`meeting/${meetingId}/session`, (doc) =>
    structuredClone(doc.getMap(SESSION_MAP).get(SESSION_STATE_KEY) as SessionState),
  );
}

export function sessionOf(client: Pick<Client, 'doc'>): SessionState | undefined {
  return client.doc.getMap(SESSION_MAP).get(SESSION_STATE_KEY) as SessionState | undefined;
}

/** Record id → record of a board-shaped document, rightmost entry winning (as YKeyValue reads it). */
export function recordsOf(doc: Y.Doc): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const entry of doc.getArray<{ key: string; val: unknown }>(BOARD_RECORDS).toArray().reverse()) {
    if (!out.has(entry.key)) out.set(entry.key, entry.val);
  }
  return out;
}

export function received(client: Client, text: string): boolean {
  return client.frames.some((f) => f.includes(text));
}

export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function sendCommand(
  server: Pick<TestServer, 'api'>,
  meetingId: string,
  token: string | undefined,
  command: ClientCommand,
) {
  return server.api(`/api/meetings/${meetingId}/commands`, { body: { command }, ...(token ? { token } : {}) });
}
