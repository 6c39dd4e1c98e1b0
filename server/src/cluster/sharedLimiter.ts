// Token buckets in Redis, so that a limit per address or per token holds over every instance rather
// than per process: the same refill rule as tokenBucket.ts, run atomically by a script with Redis's
// clock. If Redis does not answer, this process's own limiter decides (a limit still holds, per
// instance) rather than refusing everyone or letting everything through.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { LimiterFactory } from '../sync/rateLimit.js';
import { addressKey, createRateLimiter } from '../sync/rateLimit.js';
import type { ClusterKeys } from './keys.js';

// KEYS: bucket. ARGV: capacity, tokens per ms, ttl ms. Returns 1 when a token was taken.
const take = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cap = tonumber(ARGV[1])
local b = redis.call('HMGET', KEYS[1], 't', 'u')
local tokens = tonumber(b[1]) or cap
local updated = tonumber(b[2]) or now
tokens = math.min(cap, tokens + math.max(0, now - updated) * tonumber(ARGV[2]))
local ok = 0
if tokens >= 1 then tokens = tokens - 1; ok = 1 end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'u', tostring(now))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return ok`;

export function sharedLimiterFactory(redis: Redis, keys: ClusterKeys, logger: Logger): LimiterFactory {
  return (name, { limit, windowMs }) => {
    const local = createRateLimiter({ limit, windowMs });
    return {
      async take(key) {
        if (redis.status !== 'ready') return local.take(key);
        try {
          const bucket = keys.bucket(name, addressKey(key));
          return (await redis.eval(take, 1, bucket, limit, limit / windowMs, windowMs)) === 1;
        } catch (err) {
          logger.warn({ err, limiter: name }, 'the shared rate limit did not answer; limiting in this process');
          return local.take(key);
        }
      },
    };
  };
}
