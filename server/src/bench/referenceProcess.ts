// Entry point of the reference server the bench compares against (`--target reference`): the
// y-websocket server of the Yjs project (@y/websocket-server), as its own README starts it — in
// memory, no persistence, no authentication, no checks. A dev dependency used by the bench only.
// Prints one JSON line `{"port": n}` once it listens.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

/** Same frame cap as the server's default, so neither side gets to accept more. */
const MAX_PAYLOAD = 2 * 1024 * 1024;

const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD });
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('okay');
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    // The room is the path without the query, as the reference server's own entry point takes it.
    setupWSConnection(ws, request);
  });
});
server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});

const stop = () => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Started with an IPC channel: when the bench goes away, however it ends, the reference goes too.
process.on('disconnect', stop);
