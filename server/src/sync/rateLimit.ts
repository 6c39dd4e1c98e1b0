// Connection attempts per remote address: a token bucket per address that holds `limit` tokens and
// refills them evenly over `windowMs`. A bucket that has refilled completely says nothing an absent
// one would not, so it is dropped; memory is bounded by `maxAddresses` as well.
import { isIPv6 } from 'node:net';
import { TokenBucket } from './tokenBucket.js';

export interface RateLimiterOptions {
  /** Attempts allowed in a burst, refilled evenly over the window. */
  limit: number;
  windowMs: number;
  /** Hard cap on tracked addresses; the least recently seen is forgotten first. */
  maxAddresses?: number;
  now?: () => number;
}

/** Anything that takes attempts by key: this process's limiter, or one shared by instances (cluster/). */
export interface KeyedLimiter {
  /** Takes one attempt for `key`; false when its budget is spent. */
  take(key: string): boolean | Promise<boolean>;
}

/** Makes the limiter of one named limit (a shared store keys its buckets by the name). */
export type LimiterFactory = (name: string, spec: { limit: number; windowMs: number }) => KeyedLimiter;

export interface RateLimiter extends KeyedLimiter {
  /** Takes one attempt for `address`; false when its budget is spent. */
  take(address: string): boolean;
  /** Addresses currently tracked. */
  size(): number;
}

export function createRateLimiter(opts: RateLimiterOptions): RateLimiter {
  const { limit, windowMs } = opts;
  const maxAddresses = opts.maxAddresses ?? 100_000;
  const now = opts.now ?? Date.now;
  const ratePerMs = limit / windowMs;
  const buckets = new Map<string, TokenBucket>();
  let lastSweep = now();

  const sweep = (t: number): void => {
    lastSweep = t;
    for (const [key, bucket] of buckets) if (bucket.full) buckets.delete(key);
  };

  return {
    take(address) {
      const t = now();
      if (t - lastSweep >= windowMs) sweep(t);
      const key = addressKey(address);
      const bucket = buckets.get(key) ?? new TokenBucket(limit, ratePerMs, now);
      // Re-inserting keeps the map in least-recently-seen order for eviction.
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxAddresses) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      return bucket.take();
    },
    size: () => buckets.size,
  };
}

/** Limiters of this process alone: the default, and the fallback when a shared store is away. */
export const localLimiters: LimiterFactory = (_name, spec) => createRateLimiter(spec);

/**
 * The key an address is limited under. One IPv6 host usually holds a whole /64, so limiting single
 * IPv6 addresses would let it rotate through them; IPv4-mapped IPv6 addresses count as IPv4.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const withoutZone = address.split('%')[0]!;
  const [head = '', tail] = withoutZone.split('::');
  const headParts = head === '' ? [] : head.split(':');
  const tailParts = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headParts.length - tailParts.length;
  return [...headParts, ...Array<string>(Math.max(missing, 0)).fill('0'), ...tailParts].map((p) =>
    p.toLowerCase().replace(/^0+(?=.)/, ''),
  );
}
