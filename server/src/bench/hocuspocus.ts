// The Hocuspocus server the bench compares against (`--target hocuspocus`): @hocuspocus/server
// without extensions, so nothing is persisted, and with an `onAuthenticate` that accepts every
// token; debounce, timeouts and broadcast batching are its defaults. A dev dependency used by the
// bench only. Hocuspocus speaks its own framing over the y-websocket messages, which the bench's
// clients add (framing.ts). Run in its own process by hocuspocusProcess.ts.
import { Server } from '@hocuspocus/server';

export interface HocuspocusServer {
  port: number;
  close(): Promise<void>;
}

/** Same frame cap as the server's default, so neither side gets to accept more. */
const MAX_PAYLOAD = 2 * 1024 * 1024;

export async function startHocuspocus(options: { host: string; port: number }): Promise<HocuspocusServer> {
  const server = new Server({
    address: options.host,
    port: options.port,
    quiet: true,
    // Whoever started it stops it; Hocuspocus' own signal handlers would exit the whole process.
    stopOnSignals: false,
    websocketOptions: { maxPayload: MAX_PAYLOAD },
    async onAuthenticate() {
      // Accept: the other peers authenticate nothing either.
    },
  });
  await server.listen();
  return { port: server.address.port, close: () => server.destroy() };
}
