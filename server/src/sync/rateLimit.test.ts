import { describe, expect, it } from 'vitest';
import { addressKey, createRateLimiter } from './rateLimit.js';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('rate limiter', () => {
  it('allows a burst up to the limit, then refuses', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: c.now });
    expect([1, 2, 3, 4].map(() => limiter.take('10.0.0.1'))).toEqual([true, true, true, false]);
    expect(limiter.take('10.0.0.2')).toBe(true);
  });

  it('refills evenly over the window', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 6, windowMs: 60_000, now: c.now });
    for (let i = 0; i < 6; i++) limiter.take('a');
    expect(limiter.take('a')).toBe(false);
    c.advance(10_000);
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
    c.advance(60_000);
    expect([1, 2, 3, 4, 5, 6, 7].map(() => limiter.take('a')).filter(Boolean)).toHaveLength(6);
  });

  it('forgets addresses whose budget has refilled', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 1_000, now: c.now });
    for (let i = 0; i < 100; i++) limiter.take(`10.0.${Math.floor(i / 250)}.${i % 250}`);
    expect(limiter.size()).toBe(100);
    c.advance(1_000);
    limiter.take('192.168.0.1');
    expect(limiter.size()).toBe(1);
  });

  it('keeps at most maxAddresses, forgetting the least recently seen', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxAddresses: 2, now: c.now });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    expect(limiter.size()).toBe(2);
    expect(limiter.take('c')).toBe(false);
    expect(limiter.take('a')).toBe(true);
  });

  it('counts an IPv6 /64 as one address and IPv4-mapped addresses as IPv4', () => {
    expect(addressKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('2001:db8:1:2::1')).toBe(addressKey('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    const c = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: c.now });
    expect(limiter.take('2001:db8::1')).toBe(true);
    expect(limiter.take('2001:db8::2')).toBe(false);
  });
});
