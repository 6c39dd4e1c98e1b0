// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createServerClock } from './clock.js';

/** A browser whose clock runs `skew` ms behind the server, with the given one-way delays per request. */
function fakeNetwork(skew: number, delays: number[]) {
  let local = 1_000_000;
  let call = 0;
  return {
    localNow: () => local,
    fetchServerTime: async () => {
      const delay = delays[call++ % delays.length] ?? 0;
      local += delay;
      const server = local + skew;
      local += delay;
      return server;
    },
    advance: (ms: number) => (local += ms),
  };
}

describe('createServerClock', () => {
  it('reads the local clock until it has an estimate', () => {
    const net = fakeNetwork(5000, [10]);
    const clock = createServerClock(net);
    expect(clock.now()).toBe(net.localNow());
  });

  it('corrects for the offset within the round-trip error, ignoring slow samples', async () => {
    // Mostly fast round trips and one slow one, which the estimate leaves out.
    const net = fakeNetwork(-7000, [10, 10, 400, 10, 10]);
    const clock = createServerClock(net);
    await clock.resync();
    expect(Math.abs(clock.now() - (net.localNow() - 7000))).toBeLessThan(20);
    expect(clock.offset.get()?.errorMs).toBeLessThanOrEqual(20);
  });

  it('keeps the previous estimate when every sample fails, and shares concurrent runs', async () => {
    let calls = 0;
    let fail = false;
    const clock = createServerClock({
      localNow: () => 0,
      samples: 3,
      fetchServerTime: async () => {
        calls++;
        if (fail) throw new Error('offline');
        return 2000;
      },
    });
    await Promise.all([clock.resync(), clock.resync()]);
    expect(calls).toBe(3);
    expect(clock.now()).toBe(2000);
    fail = true;
    await clock.resync();
    expect(clock.now()).toBe(2000);
  });

  it('agrees within a second between two browsers with different clocks', async () => {
    const ahead = fakeNetwork(-90_000, [30, 250, 40]);
    const behind = fakeNetwork(120_000, [5, 5, 600]);
    const a = createServerClock(ahead);
    const b = createServerClock(behind);
    await Promise.all([a.resync(), b.resync()]);
    // Both browsers read at the same true moment: server time = local + skew.
    const trueServer = 5_000_000;
    ahead.advance(trueServer + 90_000 - ahead.localNow());
    behind.advance(trueServer - 120_000 - behind.localNow());
    expect(Math.abs(a.now() - b.now())).toBeLessThan(1000);
  });
});
