// Who is present in a meeting, over every instance: a hash per person and meeting whose fields are
// the instances holding at least one of their connections there. Only instances whose heartbeat is
// current count, so a person whose only connection was on an instance that died is not kept present
// by it.
import type { Redis } from 'ioredis';
import type { PresenceChange, SharedPresence } from '../facilitation/presence.js';
import type { ClusterKeys } from './keys.js';

// KEYS: presence hash, instances zset. ARGV: instance id, 1 (holds) or 0 (no longer), now (ms).
const record = `
if ARGV[2] == '1' then
  redis.call('HSET', KEYS[1], ARGV[1], '1')
  redis.call('PEXPIRE', KEYS[1], 86400000)
elseif ARGV[2] == '0' then
  redis.call('HDEL', KEYS[1], ARGV[1])
end
local live = 0
for _, id in ipairs(redis.call('HKEYS', KEYS[1])) do
  local expires = redis.call('ZSCORE', KEYS[2], id)
  if id == ARGV[1] or (expires and tonumber(expires) > tonumber(ARGV[3])) then live = live + 1 end
end
return live`;

export function createSharedPresence(redis: Redis, keys: ClusterKeys, instanceId: string): SharedPresence {
  const live = (meetingId: string, participantId: string, holds: '1' | '0' | '-') =>
    redis.eval(
      record,
      2,
      keys.presence(meetingId, participantId),
      keys.instances,
      instanceId,
      holds,
      Date.now(),
    ) as Promise<number>;
  return {
    async confirm(change: PresenceChange) {
      const join = change.kind === 'join';
      const count = await live(change.meetingId, change.participantId, join ? '1' : '0');
      // Joined here while present elsewhere, or left here while still present elsewhere: no change.
      return (join ? count === 1 : count === 0) ? change : null;
    },
    async isConnected(meetingId, participantId) {
      const count = await live(meetingId, participantId, '-');
      return count > 0;
    },
  };
}
