// @vitest-environment node
// These tests need no DOM; the node environment keeps them fast and independent of jsdom.
import type { GroupId, ParticipantId } from '@vermeboard/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { IdentityStore, roleCovers, type Identity, type KeyValueStorage } from './identity.js';

const groupA = 'groupAAAAAAAAAAAAAAAAA' as GroupId;
const groupB = 'groupBBBBBBBBBBBBBBBBB' as GroupId;
const member: Identity = {
  participantId: 'participant1234567890a' as ParticipantId,
  participantToken: 'personal-token-aaaaaaaa',
  role: 'member',
  displayName: 'Aino',
};

function memoryStorage(): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

describe('IdentityStore', () => {
  let storage: ReturnType<typeof memoryStorage>;
  let store: IdentityStore;
  beforeEach(() => {
    storage = memoryStorage();
    store = new IdentityStore(storage);
  });

  it('keeps one identity per group, across store instances (a reload or a second tab)', () => {
    store.save(groupA, member);
    expect(new IdentityStore(storage).get(groupA)).toEqual(member);
    expect(store.get(groupB)).toBeNull();
  });

  it('stores the documented shape: groupId → identity', () => {
    store.save(groupA, member);
    expect(JSON.parse(storage.items.get('vermeboard.identities')!)).toEqual({ [groupA]: member });
  });

  it('replaces and forgets an identity', () => {
    store.save(groupA, member);
    store.save(groupB, member);
    store.save(groupA, { ...member, role: 'facilitator' });
    expect(store.get(groupA)?.role).toBe('facilitator');
    store.forget(groupA);
    expect(store.get(groupA)).toBeNull();
    expect(store.get(groupB)).toEqual(member);
  });

  it('adopts a joined identity unless a higher role is already held', () => {
    const facilitator: Identity = {
      ...member,
      participantId: 'facilitator12345678901' as ParticipantId,
      role: 'facilitator',
    };
    expect(store.adopt(groupA, member)).toEqual(member);
    expect(store.adopt(groupA, facilitator)).toEqual(facilitator);
    expect(store.adopt(groupA, { ...member, displayName: 'Other' })).toEqual(facilitator);
    expect(store.get(groupA)).toEqual(facilitator);
    const newMember = { ...member, participantId: 'member2xxxxxxxxxxxxxxx' as ParticipantId };
    expect(store.adopt(groupB, member)).toEqual(member);
    expect(store.adopt(groupB, newMember)).toEqual(newMember);
  });

  it('survives corrupt storage and drops only the entries that do not parse', () => {
    storage.items.set('vermeboard.identities', '{not json');
    expect(store.get(groupA)).toBeNull();
    storage.items.set(
      'vermeboard.identities',
      JSON.stringify({ [groupA]: member, [groupB]: { ...member, role: 'admin' }, __proto__x: 5 }),
    );
    expect(store.get(groupA)).toEqual(member);
    expect(store.get(groupB)).toBeNull();
    storage.items.set('vermeboard.identities', '[1,2]');
    expect(store.get(groupA)).toBeNull();
  });

  it('treats a "__proto__" key as plain data', () => {
    storage.items.set('vermeboard.identities', `{"__proto__": ${JSON.stringify(member)}}`);
    expect(store.get(groupA)).toBeNull();
    expect(({} as Record<string, unknown>).participantId).toBeUndefined();
  });

  describe('identityForLink', () => {
    it('knows nothing about a link never opened here', () => {
      store.save(groupA, member);
      expect(store.identityForLink('some-link-token-123456')).toBeNull();
    });

    it('reuses the identity when its role covers the link’s role', () => {
      store.save(groupA, member);
      store.rememberLink('member-link-token-12345', { groupId: groupA, role: 'member' });
      store.rememberLink('observer-link-token-1234', { groupId: groupA, role: 'observer' });
      expect(store.identityForLink('member-link-token-12345')).toEqual({ groupId: groupA, identity: member });
      expect(store.identityForLink('observer-link-token-1234')).toEqual({ groupId: groupA, identity: member });
    });

    it('asks again when the link grants a higher role', () => {
      store.save(groupA, member);
      store.rememberLink('facilitator-link-token-1', { groupId: groupA, role: 'facilitator' });
      expect(store.identityForLink('facilitator-link-token-1')).toBeNull();
    });

    it('asks again when the identity was forgotten', () => {
      store.save(groupA, member);
      store.rememberLink('member-link-token-12345', { groupId: groupA, role: 'member' });
      store.forget(groupA);
      expect(store.identityForLink('member-link-token-12345')).toBeNull();
    });
  });

  it('keeps working when storage refuses writes', () => {
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    expect(() => new IdentityStore(full).save(groupA, member)).not.toThrow();
  });
});

describe('roleCovers', () => {
  it('orders facilitator above member above observer', () => {
    expect(roleCovers('facilitator', 'member')).toBe(true);
    expect(roleCovers('member', 'member')).toBe(true);
    expect(roleCovers('member', 'observer')).toBe(true);
    expect(roleCovers('observer', 'member')).toBe(false);
    expect(roleCovers('member', 'facilitator')).toBe(false);
  });
});
