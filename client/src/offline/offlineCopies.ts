// The last good answer of the GET requests a meeting page needs (its group, the client config), kept
// in localStorage so that a reload while the network is down still opens the board from what the
// browser holds. A copy is only returned to the same token that fetched it, and is parsed again on
// the way out: localStorage is as untrusted as the network.
import type { z } from 'zod';

const PREFIX = 'vermeboard.offline.';

export interface OfflineCopies {
  save(key: string, owner: string, value: unknown): void;
  /** Drops a copy (leaving a group). */
  forget(key: string): void;
  load<T>(key: string, owner: string, schema: z.ZodType<T>): T | null;
}

export function createOfflineCopies(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null,
): OfflineCopies {
  return {
    forget(key) {
      try {
        storage?.removeItem(PREFIX + key);
      } catch {
        // Disabled storage holds nothing to drop.
      }
    },
    save(key, owner, value) {
      try {
        storage?.setItem(PREFIX + key, JSON.stringify({ owner, value }));
      } catch {
        // Full or disabled storage: the page simply needs the network next time.
      }
    },
    load(key, owner, schema) {
      try {
        const raw = storage?.getItem(PREFIX + key);
        if (!raw) return null;
        const stored = JSON.parse(raw) as { owner?: unknown; value?: unknown };
        if (stored.owner !== owner) return null;
        const parsed = schema.safeParse(stored.value);
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const offlineCopies = createOfflineCopies(browserStorage());
