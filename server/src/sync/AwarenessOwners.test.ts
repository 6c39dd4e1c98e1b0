import { describe, expect, it } from 'vitest';
import { CloseCode } from '@vermeboard/shared';
import { AwarenessOwners } from './AwarenessOwners.js';
import { ProtocolError } from './protocol.js';

interface P {
  name: string;
  person: string;
}
const a: P = { name: 'a', person: 'aino' };
const a2: P = { name: 'a2', person: 'aino' };
const b: P = { name: 'b', person: 'eero' };
const state = { user: 'x' };

function setup(max = 2) {
  const clocks = new Map<number, number>();
  const owners = new AwarenessOwners<P>(max, (x, y) => x.person === y.person);
  const apply = (peer: P, entries: { clientId: number; clock: number; state: object | null }[]) => {
    const accepted = owners.filter(peer, entries as never, (id) => clocks.get(id));
    for (const e of accepted) clocks.set(e.clientId, e.clock);
    return accepted.map((e) => e.clientId);
  };
  return { owners, apply };
}

function forbidden(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as ProtocolError).closeCode).toBe(CloseCode.forbidden);
    return;
  }
  throw new Error('expected a refusal');
}

describe('awareness ownership', () => {
  it('lets a connection claim its first client ids and update them', () => {
    const { apply } = setup();
    expect(apply(a, [{ clientId: 1, clock: 1, state }])).toEqual([1]);
    expect(apply(a, [{ clientId: 1, clock: 2, state }])).toEqual([1]);
    expect(apply(a, [{ clientId: 1, clock: 3, state: null }])).toEqual([1]);
  });

  it('refuses claiming more ids than allowed', () => {
    const { apply } = setup(2);
    apply(a, [
      { clientId: 1, clock: 1, state },
      { clientId: 2, clock: 1, state },
    ]);
    forbidden(() => apply(a, [{ clientId: 3, clock: 1, state }]));
  });

  it("refuses a newer state for another connection's client", () => {
    const { apply } = setup();
    apply(a, [{ clientId: 1, clock: 5, state }]);
    forbidden(() => apply(b, [{ clientId: 1, clock: 6, state: { user: 'spoof' } }]));
    forbidden(() => apply(b, [{ clientId: 1, clock: 6, state: null }]));
  });

  it("quietly drops echoes of another connection's state", () => {
    const { apply } = setup();
    apply(a, [{ clientId: 1, clock: 5, state }]);
    expect(
      apply(b, [
        { clientId: 1, clock: 5, state },
        { clientId: 2, clock: 1, state },
      ]),
    ).toEqual([2]);
    expect(apply(b, [{ clientId: 1, clock: 4, state: null }])).toEqual([]);
  });

  it('does not let echoes of departed clients claim ids', () => {
    const { owners, apply } = setup(1);
    apply(a, [{ clientId: 1, clock: 5, state }]);
    expect(owners.release(a)).toEqual([1]);
    expect(
      apply(b, [
        { clientId: 1, clock: 5, state },
        { clientId: 1, clock: 5, state: null },
      ]),
    ).toEqual([]);
    expect(apply(b, [{ clientId: 7, clock: 1, state: null }])).toEqual([]);
    expect(apply(b, [{ clientId: 2, clock: 1, state }])).toEqual([2]);
  });

  it('hands a client id over to a new connection of the same person', () => {
    const { apply } = setup();
    apply(a, [{ clientId: 1, clock: 5, state }]);
    expect(apply(a2, [{ clientId: 1, clock: 6, state }])).toEqual([1]);
    forbidden(() => apply(b, [{ clientId: 1, clock: 9, state }]));
  });
});
