// @vitest-environment node
// The transport against a real WebSocket server on a free port: one that speaks the y-websocket
// sync protocol, and one that refuses the upgrade as the Vermeboard server does for a bad token.
import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { react } from 'tldraw';
import { CloseCode, type MeetingId } from '@vermeboard/shared';
import { createBoardTransport, deriveStatus, type BoardStatus, type BoardTransport } from './transport.js';

const meetingId = 'meeting-0001' as MeetingId;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('deriveStatus', () => {
  const base = { connected: false, synced: false, lostOnce: false, readOnly: false, gone: false };
  it('maps the connection to what the indicator shows', () => {
    expect(deriveStatus(base)).toBe('connecting');
    expect(deriveStatus({ ...base, connected: true })).toBe('connecting');
    expect(deriveStatus({ ...base, connected: true, synced: true })).toBe('live');
    expect(deriveStatus({ ...base, connected: true, synced: true, readOnly: true })).toBe('read-only');
    expect(deriveStatus({ ...base, lostOnce: true })).toBe('offline');
    expect(deriveStatus({ ...base, lostOnce: true, connected: true, synced: true })).toBe('live');
  });
});

describe('createBoardTransport', () => {
  it('goes live against a server that syncs, and read-only when told', async () => {
    const serverDoc = new Y.Doc();
    serverDoc.getMap('meta').set('hello', 'world');
    const { url, paths, ticketRequests } = await startServer((socket) => {
      socket.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) !== 0) return; // awareness: not needed here
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 0);
        syncProtocol.readSyncMessage(decoder, encoder, serverDoc, null);
        if (encoding.length(encoder) > 1) socket.send(encoding.toUint8Array(encoder));
      });
    });
    const transport = open(url);

    await waitForStatus(transport, 'live');
    // The token went into the ticket request's header; the socket's URL holds only the ticket.
    expect(paths[0]).toBe(`/sync/meeting/${meetingId}/board?ticket=ticket-1`);
    expect(ticketRequests).toEqual([
      { authorization: 'Bearer secret-token-123456', docName: `meeting/${meetingId}/board` },
    ]);
    expect(transport.doc.getMap('meta').get('hello')).toBe('world');
    expect(transport.serverSynced.get()).toBe(true);

    transport.setReadOnly(true);
    expect(transport.status.get()).toBe('read-only');
  });

  it('shows offline while the server refuses the connection', async () => {
    const { url } = await startServer(null);
    const transport = open(url);
    expect(transport.status.get()).toBe('connecting');
    await waitForStatus(transport, 'offline');
  });

  it('retries after a slow-reader close but not after the token was revoked', async () => {
    const slow = await startServer((socket) => socket.close(CloseCode.slowReader));
    const revoked = await startServer((socket) => socket.close(CloseCode.tokenRevoked));
    const a = open(slow.url);
    const b = open(revoked.url);
    await waitForStatus(a, 'offline');
    await waitForStatus(b, 'offline');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(slow.paths.length).toBeGreaterThan(1);
    expect(revoked.paths).toHaveLength(1);
    // Every attempt bought its own ticket: tickets are single use.
    expect(new Set(slow.paths).size).toBe(slow.paths.length);
  });

  it('deletes this browser’s copies of the meeting when the server says its documents are gone', async () => {
    const { url } = await startServer((socket) => socket.close(CloseCode.gone));
    await keepCopy();
    expect(await copyNames()).toEqual([`vermeboard:meeting/${meetingId}/board`]);
    const transport = open(url);
    await waitForStatus(transport, 'gone');
    await until(async () => (await copyNames()).length === 0, 'the copy to be deleted');
  });

  it('treats a ticket refused with 404 as gone, and a refused token as final', async () => {
    const gone = await startServer(null, 404);
    await keepCopy();
    const transport = open(gone.url);
    await waitForStatus(transport, 'gone');
    await until(async () => (await copyNames()).length === 0, 'the copy to be deleted');
    expect(gone.paths).toEqual([]);

    const revoked = await startServer(null, 401);
    const b = open(revoked.url);
    await waitForStatus(b, 'offline');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(revoked.ticketRequests).toHaveLength(1);
  });

  it('loads the copy this browser kept', async () => {
    const { url } = await startServer(null);
    const first = open(url);
    await first.whenLocalLoaded;
    first.doc.getMap('meta').set('kept', true);
    await new Promise((resolve) => setTimeout(resolve, 50)); // y-indexeddb writes asynchronously
    first.destroy();

    const second = open(url);
    await second.whenLocalLoaded;
    expect(second.doc.getMap('meta').get('kept')).toBe(true);
  });
});

/** Writes something into this browser's copy of the board while offline, then closes it. */
async function keepCopy(): Promise<void> {
  const first = open((await startServer(null)).url);
  await first.whenLocalLoaded;
  first.doc.getMap('meta').set('kept', true);
  await new Promise((resolve) => setTimeout(resolve, 50)); // y-indexeddb writes asynchronously
  first.destroy();
}

async function copyNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((db) => db.name ?? '').filter((n) => n.includes(meetingId));
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 4000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function open(url: string): BoardTransport {
  const transport = createBoardTransport({
    meetingId,
    token: 'secret-token-123456',
    serverUrl: url,
    apiOrigin: url.replace(/^ws/, 'http').replace(/\/sync$/, ''),
    WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  cleanups.push(() => transport.destroy());
  return transport;
}

interface TicketRequest {
  authorization: string | undefined;
  docName: unknown;
}

/**
 * `onSocket` null: refuse every upgrade with 401, as the server does for an unknown token. Tickets
 * are sold as `ticket-<n>`, or refused with `ticketStatus`.
 */
async function startServer(
  onSocket: ((socket: WebSocket) => void) | null,
  ticketStatus = 201,
): Promise<{ url: string; paths: string[]; ticketRequests: TicketRequest[] }> {
  const paths: string[] = [];
  const ticketRequests: TicketRequest[] = [];
  const wss = new WebSocketServer({ noServer: true });
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      ticketRequests.push({
        authorization: request.headers.authorization,
        docName: (JSON.parse(body) as { docName?: unknown }).docName,
      });
      response.writeHead(ticketStatus, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          ticketStatus === 201 ? { ticket: `ticket-${ticketRequests.length}`, expiresInMs: 60_000 } : { error: 'no' },
        ),
      );
    });
  });
  server.on('upgrade', (request, socket, head) => {
    paths.push(request.url ?? '');
    socket.on('error', () => {}); // a client going away mid-handshake is not a test failure
    if (!onSocket) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', () => {});
      onSocket(ws);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    for (const client of wss.clients) client.terminate();
    wss.close();
    server.close();
  });
  const { port } = server.address() as AddressInfo;
  return { url: `ws://127.0.0.1:${port}/sync`, paths, ticketRequests };
}

function waitForStatus(transport: BoardTransport, wanted: BoardStatus): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`status stayed ${transport.status.get()}`)), 4000);
    const stop = react('wait for status', () => {
      if (transport.status.get() === wanted) {
        clearTimeout(timer);
        queueMicrotask(() => stop());
        resolve();
      }
    });
  });
}
