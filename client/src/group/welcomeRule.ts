// The onboarding welcome is shown once per browser and group: to someone who joins a group this
// browser had no identity in and has not been welcomed to. People returning through their link go
// straight in (JoinPage never reaches the join call for them).
import type { GroupId } from '@vermeboard/shared';
import type { KeyValueStorage } from '../api/identity.js';

const WELCOMED_KEY = 'vermeboard.welcomed';

export function shouldWelcome(opts: { hadIdentity: boolean; welcomedBefore: boolean }): boolean {
  return !opts.hadIdentity && !opts.welcomedBefore;
}

export class WelcomeStore {
  constructor(private readonly storage: KeyValueStorage | null = browserStorage()) {}

  has(groupId: GroupId): boolean {
    return this.read().includes(groupId);
  }

  mark(groupId: GroupId): void {
    const all = this.read();
    if (all.includes(groupId)) return;
    try {
      this.storage?.setItem(WELCOMED_KEY, JSON.stringify([...all, groupId]));
    } catch {
      // Storage full or blocked: the welcome may show once more, which is harmless.
    }
  }

  private read(): string[] {
    try {
      const raw: unknown = JSON.parse(this.storage?.getItem(WELCOMED_KEY) ?? '[]');
      return Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [];
    } catch {
      return [];
    }
  }
}

function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const welcomes = new WelcomeStore();
