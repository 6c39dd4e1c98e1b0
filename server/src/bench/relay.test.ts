import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Relay } from './relay.js';
import { startRelay } from './relay.js';
import { decodeMessage, EMPTY_UPDATE, encodeAwareness, encodeSyncStep1, encodeUpdate, frameOf } from './wire.js';

let relay: Relay | undefined;
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await relay?.close();
  relay = undefined;
});

/** A raw client that queues every frame it receives. */
async function rawClient(port: number, room: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${room}?token=x`);
  sockets.push(ws);
  const inbox: Uint8Array[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    // Copy into a plain Uint8Array so that frames compare equal to the ones sent.
    inbox.push(new Uint8Array(frameOf(data)));
    waiters.splice(0).forEach((wake) => wake());
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const next = async (): Promise<Uint8Array> => {
    while (inbox.length === 0) await new Promise<void>((wake) => waiters.push(wake));
    return inbox.shift() as Uint8Array;
  };
  return { ws, inbox, next };
}

describe('relay', () => {
  it('answers sync step 1 with an empty step 2 and forwards other frames to the room only', async () => {
    relay = await startRelay({ host: '127.0.0.1', port: 0 });
    const a = await rawClient(relay.port, '/sync/meeting/a/board');
    const b = await rawClient(relay.port, '/sync/meeting/a/board');
    const other = await rawClient(relay.port, '/sync/meeting/b/board');

    a.ws.send(encodeSyncStep1(new Uint8Array([0])));
    expect(decodeMessage(await a.next())).toEqual({ type: 'sync-step2', update: EMPTY_UPDATE });

    const update = encodeUpdate(new Uint8Array([1, 2, 3]));
    a.ws.send(update);
    expect(await b.next()).toEqual(update);

    const cursor = encodeAwareness([{ clientID: 5, clock: 1, state: { x: 1 } }]);
    b.ws.send(cursor);
    expect(await a.next()).toEqual(cursor);

    // A round trip on the other room's socket proves nothing from room a was queued before it.
    other.ws.send(encodeSyncStep1(new Uint8Array([0])));
    expect(decodeMessage(await other.next()).type).toBe('sync-step2');
    expect(other.inbox).toHaveLength(0);
    // Nobody gets their own frames back.
    expect(a.inbox).toHaveLength(0);
    expect(b.inbox).toHaveLength(0);
  });
});
