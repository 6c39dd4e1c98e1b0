// A lock per meeting across instances, so that facilitation commands sent to different instances
// run one at a time and each reads the state the previous one wrote. SET NX PX with a random
// token; renewed while the task runs; released by a compare-and-delete script, so an instance never
// frees a lock that expired and was taken by another meanwhile.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ClusterKeys } from './keys.js';

const release = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
const renew = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;

export interface MeetingLockOptions {
  redis: Redis;
  keys: ClusterKeys;
  /** How long a lock lives without renewal (an instance that dies holding it frees it after this). */
  ttlMs: number;
  /** Giving up on the lock after this long fails the task. */
  waitMs: number;
}

export class LockTimeoutError extends Error {}

export function createMeetingLock(opts: MeetingLockOptions) {
  const { redis, keys, ttlMs, waitMs } = opts;
  return async function withMeetingLock<T>(meetingId: string, task: () => Promise<T>): Promise<T> {
    const key = keys.meetingLock(meetingId);
    const token = randomBytes(16).toString('hex');
    const deadline = Date.now() + waitMs;
    let delay = 5;
    while ((await redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new LockTimeoutError(`the meeting ${meetingId} stayed locked for ${waitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay + Math.random() * delay));
      delay = Math.min(delay * 2, 100);
    }
    const renewal = setInterval(() => {
      redis.eval(renew, 1, key, token, ttlMs).catch(() => undefined);
    }, ttlMs / 3);
    try {
      return await task();
    } finally {
      clearInterval(renewal);
      await redis.eval(release, 1, key, token).catch(() => undefined);
    }
  };
}
