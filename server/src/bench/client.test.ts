import { afterEach, describe, expect, it } from 'vitest';
import type { ClientListener } from './client.js';
import { BenchClient } from './client.js';
import { docFingerprint } from './convergence.js';
import type { Relay } from './relay.js';
import { startRelay } from './relay.js';
import type { BenchStamp } from './stamp.js';

let relay: Relay | undefined;
const clients: BenchClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await relay?.close();
  relay = undefined;
});

function recorder() {
  const updates: BenchStamp[] = [];
  const cursors: BenchStamp[] = [];
  const listener: ClientListener = {
    onUpdateReceipt: (stamp) => updates.push(stamp),
    onAwarenessReceipt: (stamp) => cursors.push(stamp),
  };
  return { updates, cursors, listener };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

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
