// The floor the bench compares the server against: a WebSocket relay with no CRDT and no storage.
// It forwards every frame of a room (the request path) to the room's other sockets and answers
// sync step 1 with the update of an empty document, so that clients finish their initial sync
// exactly as they do against the real server.
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type WebSocket from 'ws';
import { EMPTY_UPDATE, encodeSyncStep2, frameOf, isSyncStep1 } from './wire.js';

export interface Relay {
  port: number;
  close(): Promise<void>;
}

const EMPTY_STEP2 = encodeSyncStep2(EMPTY_UPDATE);

/** Same frame cap as the server's default, so neither side gets to accept more. */
const MAX_PAYLOAD = 2 * 1024 * 1024;

export function startRelay(options: { host: string; port: number }): Promise<Relay> {
  const rooms = new Map<string, Set<WebSocket>>();
  const wss = new WebSocketServer({ host: options.host, port: options.port, maxPayload: MAX_PAYLOAD });

  wss.on('connection', (ws: WebSocket, request: IncomingMessage) => {
    const room = new URL(request.url ?? '/', 'http://relay').pathname;
    let peers = rooms.get(room);
    if (!peers) {
      peers = new Set();
      rooms.set(room, peers);
    }
    const members = peers;
    members.add(ws);
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      members.delete(ws);
      if (members.size === 0) rooms.delete(room);
    });
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return;
      const frame = frameOf(data);
      if (isSyncStep1(frame)) {
        ws.send(EMPTY_STEP2);
        return;
      }
      for (const peer of members) {
        if (peer !== ws && peer.readyState === peer.OPEN) peer.send(frame);
      }
    });
  });

  return new Promise((resolve, reject) => {
    wss.once('error', reject);
    wss.once('listening', () => {
      const { port } = wss.address() as AddressInfo;
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const client of wss.clients) client.terminate();
            wss.close(() => done());
          }),
      });
    });
  });
}
