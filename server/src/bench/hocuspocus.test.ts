import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientListener } from './client.js';
import { recorder, until } from './benchClients.testkit.js';
import { BenchClient } from './client.js';
import { docFingerprint } from './convergence.js';
import { framingFor, TargetRefusal } from './framing.js';
import type { HocuspocusServer } from './hocuspocus.js';
import { startHocuspocus } from './hocuspocus.js';
import { decodeMessage, encodeSyncStep2 } from './wire.js';

let server: HocuspocusServer | undefined;
const clients: BenchClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await server?.close();
  server = undefined;
});

function client(url: string, name: string, listener: ClientListener | null): BenchClient {
  const created = new BenchClient(url, name, listener, 'hocuspocus');
  clients.push(created);
  return created;
}

describe('BenchClient through Hocuspocus', () => {
  it('delivers stamped updates and cursors once each, keeps rooms apart and converges', async () => {
    server = await startHocuspocus({ host: '127.0.0.1', port: 0 });
    const url = `ws://127.0.0.1:${server.port}/sync/meeting/a/board`;
    const a = recorder();
    const b = recorder();
    const other = recorder();
    const alice = client(url, 'alice', a.listener);
    const bob = client(url, 'bob', b.listener);
    const stranger = client(`ws://127.0.0.1:${server.port}/sync/meeting/b/board`, 'stranger', other.listener);
    await Promise.all([alice.connect(5000), bob.connect(5000), stranger.connect(5000)]);

    const first = alice.sendUpdate('shape:1', 10, 20);
    const second = alice.sendUpdate('shape:2', 11, 20);
    const cursor = alice.sendCursor(5, 5);
    const reply = bob.sendUpdate('shape:3', 1, 2);
    await until(() => b.updates.length === 2 && b.cursors.length === 1 && a.updates.length === 1);
    expect(b.updates).toEqual([first, second]);
    expect(b.cursors).toEqual([cursor]);
    expect(a.updates).toEqual([reply]);
    // Hocuspocus echoes every change to its sender too; nobody counts their own.
    expect(a.cursors).toEqual([]);
    expect(docFingerprint(bob.doc)).toBe(docFingerprint(alice.doc));
    // Concurrent inserts: Yjs decides the order, the same on both.
    expect(
      bob.records
        .toArray()
        .map((entry) => entry.key)
        .sort(),
    ).toEqual(['shape:1', 'shape:2', 'shape:3']);

    // The server holds the document while someone is connected: a late joiner syncs it from there.
    const late = client(url, 'late', null);
    await late.connect(5000);
    expect(docFingerprint(late.doc)).toBe(docFingerprint(alice.doc));

    expect(other.updates).toEqual([]);
    expect(other.cursors).toEqual([]);
    expect(stranger.records.length).toBe(0);
    for (const each of [alice, bob, stranger, late]) {
      expect(each.badFrames).toBe(0);
      expect(each.refusal).toBeNull();
    }
  });
});

describe('Hocuspocus framing', () => {
  const framing = framingFor('hocuspocus', 'ws://127.0.0.1:1/sync/meeting/a/board');
  const frame = (documentName: string, write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, documentName);
    write(encoder);
    return encoding.toUint8Array(encoder);
  };

  it('unwraps what it wraps, and a sync reply as a sync message', () => {
    const step2 = encodeSyncStep2(new Uint8Array([0, 0]));
    expect(framing.unwrap(framing.wrap(step2))).toEqual(step2);
    const reply = framing.wrap(step2);
    reply[reply.length - step2.length] = 4;
    expect(decodeMessage(framing.unwrap(reply) as Uint8Array)).toEqual({
      type: 'sync-step2',
      update: new Uint8Array([0, 0]),
    });
  });

  it('passes over its own acknowledgements and throws on a refusal or a stranger’s document', () => {
    const name = '/sync/meeting/a/board';
    expect(framing.unwrap(frame(name, (e) => (encoding.writeVarUint(e, 8), encoding.writeVarUint(e, 1))))).toBeNull();
    const denied = frame(name, (e) => {
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, 'no');
    });
    expect(() => framing.unwrap(denied)).toThrow(TargetRefusal);
    const elsewhere = frame('/sync/meeting/b/board', (e) =>
      encoding.writeUint8Array(e, encodeSyncStep2(new Uint8Array([0, 0]))),
    );
    expect(() => framing.unwrap(elsewhere)).toThrow(/another document/);
  });
});
