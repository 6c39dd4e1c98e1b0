// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createOfflineCopies } from './offlineCopies.js';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

const schema = z.object({ name: z.string() });

describe('offline copies', () => {
  it('returns the saved value to the same owner only', () => {
    const copies = createOfflineCopies(memoryStorage());
    copies.save('group:g1', 'token-a', { name: 'Mentors' });
    expect(copies.load('group:g1', 'token-a', schema)).toEqual({ name: 'Mentors' });
    expect(copies.load('group:g1', 'token-b', schema)).toBeNull();
    expect(copies.load('group:g2', 'token-a', schema)).toBeNull();
  });

  it('forgets a copy when asked (leaving a group)', () => {
    const storage = memoryStorage();
    const copies = createOfflineCopies(storage);
    copies.save('group:g1', 'token-a', { name: 'Mentors' });
    copies.forget('group:g1');
    expect(copies.load('group:g1', 'token-a', schema)).toBeNull();
    expect(storage.map.size).toBe(0);
  });

  it('ignores corrupt or foreign-shaped copies', () => {
    const storage = memoryStorage();
    const copies = createOfflineCopies(storage);
    storage.setItem('vermeboard.offline.group:g1', '{not json');
    expect(copies.load('group:g1', 'token-a', schema)).toBeNull();
    copies.save('group:g1', 'token-a', { name: 42 });
    expect(copies.load('group:g1', 'token-a', schema)).toBeNull();
  });

  it('survives storage that refuses writes', () => {
    const copies = createOfflineCopies({
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    });
    expect(() => copies.save('k', 'o', { name: 'x' })).not.toThrow();
    expect(copies.load('k', 'o', schema)).toBeNull();
  });
});
