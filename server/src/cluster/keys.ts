// The Redis keys of one deployment, all under one prefix (REDIS_PREFIX; tests use one each).
export interface ClusterKeys {
  /** Sorted set: instance id → when its heartbeat expires (ms). */
  readonly instances: string;
  stream(docName: string): string;
  /** Stream of messages to every instance (connections to close). */
  readonly control: string;
  /** The document name of a stream key, or null for another key. */
  docOfStream(key: string): string | null;
  /** Sorted set: instances that hold the document loaded → when their claim expires. */
  holders(docName: string): string;
  /** The lock that serializes a meeting's facilitation commands. */
  meetingLock(meetingId: string): string;
  /** Hash: instance id → 1 while the participant has a connection to the meeting there. */
  presence(meetingId: string, participantId: string): string;
  /** A shared token bucket. */
  bucket(limiter: string, key: string): string;
}

export function clusterKeys(prefix: string): ClusterKeys {
  const streamPrefix = `${prefix}doc:`;
  return {
    instances: `${prefix}instances`,
    stream: (docName) => `${streamPrefix}${docName}`,
    control: `${prefix}control`,
    docOfStream: (key) => (key.startsWith(streamPrefix) ? key.slice(streamPrefix.length) : null),
    holders: (docName) => `${prefix}holders:${docName}`,
    meetingLock: (meetingId) => `${prefix}lock:meeting:${meetingId}`,
    presence: (meetingId, participantId) => `${prefix}presence:${meetingId}:${participantId}`,
    bucket: (limiter, key) => `${prefix}bucket:${limiter}:${key}`,
  };
}
