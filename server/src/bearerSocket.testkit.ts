// Sync connections from tests as a non-browser client makes them: the token in the Authorization
// header of the upgrade, never in the URL (browsers use a ticket instead, see auth/syncTickets.ts).
import { WebSocket, type ClientOptions } from 'ws';

/** A WebSocket class for y-websocket's `WebSocketPolyfill` that sends `token` as a bearer header. */
export function bearerWebSocket(token: string, onOpen?: (ws: WebSocket) => void): typeof globalThis.WebSocket {
  class BearerWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, bearerHeader(token));
      onOpen?.(this);
    }
  }
  return BearerWebSocket as unknown as typeof globalThis.WebSocket;
}

export function bearerHeader(token: string): ClientOptions {
  return { headers: { authorization: `Bearer ${token}` } };
}

/** The HTTP status of a real sync upgrade with a bearer token: 101 when a socket opened. */
export function upgradeStatus(port: number, docName: string, token: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/sync/${docName}`, bearerHeader(token));
    ws.on('error', () => {});
    ws.once('open', () => {
      ws.terminate();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      ws.terminate();
      resolve(res.statusCode ?? 0);
    });
  });
}
