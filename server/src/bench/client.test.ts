import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recorder, until } from './benchClients.testkit.js';
import { BenchClient, valuesInsertedBy } from './client.js';
import { docFingerprint } from './convergence.js';
import type { Relay } from './relay.js';
import { startRelay } from './relay.js';

let relay: Relay | undefined;
const clients: BenchClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await relay?.close();
  relay = undefined;
});

describe('BenchClient through the relay', () => {
  it('delivers stamped updates and cursors once each and converges', async () => {
    relay = await startRelay({ host: '127.0.0.1', port: 0 });
    const url = `ws://127.0.0.1:${relay.port}/sync/meeting/m/board`;
    const a = recorder();
    const b = recorder();
    const alice = new BenchClient(url, 'alice', a.listener);
    const bob = new BenchClient(url, 'bob', b.listener);
    clients.push(alice, bob);
    await Promise.all([alice.connect(5000), bob.connect(5000)]);

    const first = alice.sendUpdate('shape:1', 10, 20);
    const second = alice.sendUpdate('shape:1', 11, 20);
    const cursor = alice.sendCursor(5, 5);
    await until(() => b.updates.length === 2 && b.cursors.length === 1);
    expect(b.updates).toEqual([first, second]);
    expect(b.cursors).toEqual([cursor]);
    // Nobody hears their own changes.
    expect(a.updates).toEqual([]);
    expect(a.cursors).toEqual([]);

    // Moving a shape replaces its entry, as the board's key-value layout does.
    expect(bob.records.toArray().map((entry) => entry.key)).toEqual(['shape:1']);
    expect(docFingerprint(bob.doc)).toBe(docFingerprint(alice.doc));
  });
});

describe('valuesInsertedBy', () => {
  it('agrees with event.changes.added, also for merged updates and values deleted again', () => {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    const list = source.getArray<number>('records');
    list.push([1]);
    list.push([2, 3]);
    list.delete(0, 1);
    list.push([4]);

    const target = new Y.Doc();
    // Something already there, so the merged update's structs sit after older ones.
    Y.applyUpdate(target, updates[0] as Uint8Array);
    const seen: { ours: unknown[]; yjs: unknown[] } = { ours: [], yjs: [] };
    target.getArray('records').observe((event, transaction) => {
      seen.ours = valuesInsertedBy(transaction);
      seen.yjs = [...event.changes.added].flatMap((item) => item.content.getContent() as unknown[]);
    });
    Y.applyUpdate(target, Y.mergeUpdates(updates.slice(1)));
    expect(seen.ours).toEqual([2, 3, 4]);
    expect(seen.ours).toEqual(seen.yjs);
  });

  it('counts a value the same merged update inserted and replaced, as one that did arrive', () => {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    const list = source.getArray<number>('records');
    list.push([1]);
    list.delete(0, 1);
    list.push([2]);

    const target = new Y.Doc();
    const seen: unknown[][] = [];
    target.getArray('records').observe((_event, transaction) => seen.push(valuesInsertedBy(transaction)));
    Y.applyUpdate(target, Y.mergeUpdates(updates));
    expect(seen).toEqual([[1, 2]]);
    expect(target.getArray('records').toArray()).toEqual([2]);
  });
});
