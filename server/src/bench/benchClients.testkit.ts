// What the bench's client tests share: a listener that records every receipt, and a wait for a
// condition on them.
import { expect } from 'vitest';
import type { ClientListener } from './client.js';
import type { BenchStamp } from './stamp.js';

export function recorder() {
  const updates: BenchStamp[] = [];
  const cursors: BenchStamp[] = [];
  const listener: ClientListener = {
    onUpdateReceipt: (stamp) => updates.push(stamp),
    onAwarenessReceipt: (stamp) => cursors.push(stamp),
  };
  return { updates, cursors, listener };
}

/** Waits up to 3 s for `condition`, then asserts it. */
export async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}
