import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import { AwarenessRelay, applyAwarenessEntries } from './fanout.js';
import type { AwarenessEntry } from './protocol.js';
import { writeAwareness, writeAwarenessUpdate } from './protocol.js';

type Change = { added: number[]; updated: number[]; removed: number[] };

function awareness() {
  const a = new Awareness(new Y.Doc());
  a.setLocalState(null);
  const events: Record<'change' | 'update', Change[]> = { change: [], update: [] };
  return { a, events };
}

describe('applyAwarenessEntries', () => {
  // Each step: entries as a client sends them. Includes an unchanged state at a new clock, a stale
  // clock, a removal, and a client coming back.
  const steps: AwarenessEntry[][] = [
    [
      { clientId: 1, clock: 1, state: { n: 1 } },
      { clientId: 2, clock: 1, state: { n: 2 } },
    ],
    [{ clientId: 1, clock: 2, state: { n: 1 } }],
    [{ clientId: 1, clock: 3, state: { n: 10 } }],
    [{ clientId: 2, clock: 1, state: { n: 99 } }],
    [{ clientId: 2, clock: 2, state: null }],
    [{ clientId: 2, clock: 3, state: { n: 3 } }],
  ];

  it('gives the events y-protocols gives, and the same states, with a change listener', () => {
    const ours = awareness();
    const theirs = awareness();
    for (const { a, events } of [ours, theirs]) {
      a.on('change', (c: Change) => events.change.push(c));
      a.on('update', (c: Change) => events.update.push(c));
    }
    for (const entries of steps) {
      applyAwarenessEntries(ours.a, entries, 'peer');
      applyAwarenessUpdate(theirs.a, writeAwarenessUpdate(entries), 'peer');
    }
    expect(ours.events).toEqual(theirs.events);
    expect(ours.events.change.length).toBeGreaterThan(0);
    expect([...ours.a.getStates()]).toEqual([...theirs.a.getStates()]);
  });

  it('gives the same update events without a change listener, and no change events', () => {
    const ours = awareness();
    const theirs = awareness();
    for (const { a, events } of [ours, theirs]) a.on('update', (c: Change) => events.update.push(c));
    for (const entries of steps) {
      applyAwarenessEntries(ours.a, entries, 'peer');
      applyAwarenessUpdate(theirs.a, writeAwarenessUpdate(entries), 'peer');
    }
    expect(ours.events.update).toEqual(theirs.events.update);
    expect([...ours.a.getStates()]).toEqual([...theirs.a.getStates()]);
  });
});

describe('AwarenessRelay frames', () => {
  it('are the bytes y-protocols would write, for varints of every length and states as received', () => {
    const { a } = awareness();
    const relay = new AwarenessRelay(
      a,
      () => [],
      () => {},
    );
    const json = (n: number) => new TextEncoder().encode(JSON.stringify({ n, pad: 'x'.repeat(n) }));
    const entries: AwarenessEntry[] = [1, 200, 20_000, 3_000_000_000].map((clientId, i) => ({
      clientId,
      clock: [1, 128, 16_384, 2 ** 40][i]!,
      state: { n: i, pad: 'x'.repeat(i) },
      json: json(i),
    }));
    // A state of 200 bytes: its length takes two bytes too.
    entries.push({ clientId: 7, clock: 1, state: { n: 200, pad: 'x'.repeat(200) }, json: json(200) });
    for (const entry of applyAwarenessEntries(a, entries, 'peer')) relay.remember(entry);
    relay.changed(entries.map((e) => e.clientId));
    const frame = relay.takeFrame()!;
    expect(new Uint8Array(frame)).toEqual(writeAwareness(writeAwarenessUpdate(entries)));
  });
});
