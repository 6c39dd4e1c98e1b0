// @vitest-environment node
import type { GroupId } from '@vermeboard/shared';
import { describe, expect, it } from 'vitest';
import { shouldWelcome, WelcomeStore } from './welcomeRule.js';

const a = 'groupAAAAAAAAAAAAAAAAA' as GroupId;
const b = 'groupBBBBBBBBBBBBBBBBB' as GroupId;

function memory() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('the onboarding welcome', () => {
  it('is for people new to the group in this browser only', () => {
    expect(shouldWelcome({ hadIdentity: false, welcomedBefore: false })).toBe(true);
    expect(shouldWelcome({ hadIdentity: true, welcomedBefore: false })).toBe(false);
    expect(shouldWelcome({ hadIdentity: false, welcomedBefore: true })).toBe(false);
  });

  it('is remembered per group', () => {
    const store = new WelcomeStore(memory());
    expect(store.has(a)).toBe(false);
    store.mark(a);
    store.mark(a);
    expect(store.has(a)).toBe(true);
    expect(store.has(b)).toBe(false);
  });

  it('survives damaged or missing storage', () => {
    const storage = memory();
    storage.setItem('vermeboard.welcomed', '{not json');
    expect(new WelcomeStore(storage).has(a)).toBe(false);
    storage.setItem('vermeboard.welcomed', '{"x":1}');
    expect(new WelcomeStore(storage).has(a)).toBe(false);
    const none = new WelcomeStore(null);
    none.mark(a);
    expect(none.has(a)).toBe(false);
  });
});
