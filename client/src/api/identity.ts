// Who this browser is in each group. Joining a group yields a personal participant token; keeping it
// in localStorage makes a reload or a second tab the same person (the server hangs private notes,
// votes and talk time on that token, never on a name).
//
// Beside the identities we remember which group and role each invite link led to, because a link's
// token alone says neither: that lets a second visit of a link skip the name prompt.
import {
  groupIdSchema,
  participantIdSchema,
  roleSchema,
  type GroupId,
  type ParticipantId,
  type Role,
} from '@vermeboard/shared';
import { z } from 'zod';

export interface Identity {
  participantId: ParticipantId;
  participantToken: string;
  role: Role;
  displayName: string;
}

export interface KnownLink {
  groupId: GroupId;
  role: Role;
}

const IDENTITIES_KEY = 'vermeboard.identities';
const LINKS_KEY = 'vermeboard.links';

const identitySchema: z.ZodType<Identity> = z.object({
  participantId: participantIdSchema,
  participantToken: z.string().min(1),
  role: roleSchema,
  displayName: z.string(),
});
const knownLinkSchema: z.ZodType<KnownLink> = z.object({ groupId: groupIdSchema, role: roleSchema });

/** Storage is injectable for tests; in the browser it is localStorage. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

const roleRank: Record<Role, number> = { observer: 0, member: 1, facilitator: 2 };

/** True when someone holding `held` can do everything a holder of `wanted` can. */
export function roleCovers(held: Role, wanted: Role): boolean {
  return roleRank[held] >= roleRank[wanted];
}

export class IdentityStore {
  constructor(private readonly storage: KeyValueStorage = browserStorage() ?? memoryStorage()) {}

  get(groupId: GroupId): Identity | null {
    return this.readMap(IDENTITIES_KEY, identitySchema)[groupId] ?? null;
  }

  save(groupId: GroupId, identity: Identity): void {
    const all = this.readMap(IDENTITIES_KEY, identitySchema);
    all[groupId] = identity;
    this.writeMap(IDENTITIES_KEY, all);
  }

  /**
   * Store the identity a join just returned, unless this browser already holds a higher role in the
   * group (a co-facilitator who opens the member link must stay facilitator). Returns the identity
   * to use from now on.
   */
  adopt(groupId: GroupId, joined: Identity): Identity {
    const existing = this.get(groupId);
    if (existing && !roleCovers(joined.role, existing.role)) return existing;
    this.save(groupId, joined);
    return joined;
  }

  /** Forget a group's identity, e.g. after the server says its token is no longer valid. */
  forget(groupId: GroupId): void {
    const all = this.readMap(IDENTITIES_KEY, identitySchema);
    delete all[groupId];
    this.writeMap(IDENTITIES_KEY, all);
  }

  /** Leaving a group: forget the identity and which invite links led there. */
  forgetGroup(groupId: GroupId): void {
    this.forget(groupId);
    const links = this.readMap(LINKS_KEY, knownLinkSchema);
    for (const [token, link] of Object.entries(links)) if (link.groupId === groupId) delete links[token];
    this.writeMap(LINKS_KEY, links);
  }

  rememberLink(linkToken: string, link: KnownLink): void {
    const all = this.readMap(LINKS_KEY, knownLinkSchema);
    all[linkToken] = link;
    this.writeMap(LINKS_KEY, all);
  }

  /**
   * The identity to reuse when this link is opened again: only when we know where the link leads and
   * the stored identity's role covers the link's role. A member opening the facilitator link must
   * still join through it to become facilitator.
   */
  identityForLink(linkToken: string): { groupId: GroupId; identity: Identity } | null {
    const link = this.readMap(LINKS_KEY, knownLinkSchema)[linkToken];
    if (!link) return null;
    const identity = this.get(link.groupId);
    if (!identity || !roleCovers(identity.role, link.role)) return null;
    return { groupId: link.groupId, identity };
  }

  /** Reads one map, dropping entries that do not parse (older versions, hand edits) instead of failing. */
  private readMap<T>(key: string, schema: z.ZodType<T>): Record<string, T> {
    // No prototype: keys come from storage, and a key like "__proto__" must stay plain data.
    const result = Object.create(null) as Record<string, T>;
    let raw: unknown;
    try {
      raw = JSON.parse(this.storage.getItem(key) ?? '{}');
    } catch {
      return result;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return result;
    for (const [k, v] of Object.entries(raw)) {
      const parsed = schema.safeParse(v);
      if (parsed.success) result[k] = parsed.data;
    }
    return result;
  }

  private writeMap(key: string, value: Record<string, unknown>): void {
    try {
      this.storage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full: the join still works for this page; a reload will ask for the name again.
    }
  }
}

function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Accessing localStorage throws when the browser blocks site data.
    return null;
  }
}

/** Used when the browser blocks storage: identities then last as long as the page. */
function memoryStorage(): KeyValueStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

export const identities = new IdentityStore();
