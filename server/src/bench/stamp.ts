// The send stamp every bench change carries, so that a receiver in the same process (one clock)
// can compute the latency of each delivery and count it once.

export interface BenchStamp {
  /** Sender's doc clientID (also its awareness clientID). */
  from: number;
  /** Per sender and kind (update or cursor), increasing from 1. */
  seq: number;
  /** clockMs() at send time. */
  sentAt: number;
}

/**
 * Milliseconds on one clock shared by every thread of the bench process: each worker thread has its
 * own performance.timeOrigin, but origin + now() is the same monotonic time in all of them.
 */
export const clockMs = (): number => performance.timeOrigin + performance.now();

export function parseStamp(value: unknown): BenchStamp | null {
  if (typeof value !== 'object' || value === null) return null;
  const { from, seq, sentAt } = value as Record<string, unknown>;
  if (typeof from !== 'number' || typeof seq !== 'number' || typeof sentAt !== 'number') return null;
  return { from, seq, sentAt };
}

/** Reads `value[a][b]…` from untrusted JSON without throwing. */
export function dig(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
