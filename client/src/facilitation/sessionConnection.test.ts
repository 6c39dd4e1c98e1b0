// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SESSION_MAP, SESSION_REACTIONS_KEY, SESSION_STATE_KEY, createSession } from '@vermeboard/shared';
import { parseSessionState, watchSessionDoc } from './sessionConnection.js';

afterEach(() => vi.restoreAllMocks());

describe('watchSessionDoc', () => {
  it('follows the state the server writes', () => {
    const doc = new Y.Doc();
    const watched = watchSessionDoc(doc);
    expect(watched.state.get()).toBeNull();
    const state = createSession();
    doc.getMap(SESSION_MAP).set(SESSION_STATE_KEY, state);
    expect(watched.state.get()).toEqual(state);
    doc.getMap(SESSION_MAP).set(SESSION_STATE_KEY, { ...state, status: 'running' });
    expect(watched.state.get()?.status).toBe('running');
    watched.stop();
  });

  it('keeps the last good state when an unreadable one arrives', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = new Y.Doc();
    const state = createSession();
    doc.getMap(SESSION_MAP).set(SESSION_STATE_KEY, state);
    const watched = watchSessionDoc(doc);
    doc.getMap(SESSION_MAP).set(SESSION_STATE_KEY, { ...state, version: 99 });
    expect(watched.state.get()).toEqual(state);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('says when the state cannot be read, so the page can ask for a reload instead of connecting forever', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = new Y.Doc();
    const watched = watchSessionDoc(doc);
    expect(watched.unreadable.get()).toBe(false);
    const state = createSession();
    doc.getMap(SESSION_MAP).set(SESSION_STATE_KEY, { ...state, version: 99 });
    expect(watched.state.get()).toBeNull();
    expect(watched.unreadable.get()).toBe(true);
    // A readable state (say, after the server was rolled back) clears it.
    doc.getMap(SESSION_MAP).set(SESSION_STATE_KEY, state);
    expect(watched.unreadable.get()).toBe(false);
    expect(watched.state.get()).toEqual(state);
    watched.stop();
  });

  it('notices an unreadable state already in the document when it starts watching', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = new Y.Doc();
    doc.getMap(SESSION_MAP).set(SESSION_STATE_KEY, { ...createSession(), version: 99 });
    const watched = watchSessionDoc(doc);
    expect(watched.unreadable.get()).toBe(true);
    watched.stop();
  });

  it('reads reactions and drops malformed entries', () => {
    const doc = new Y.Doc();
    const watched = watchSessionDoc(doc);
    doc.getMap(SESSION_MAP).set(SESSION_REACTIONS_KEY, [
      { seq: 1, participantId: 'alice-0001', reaction: 'heart', at: 5 },
      { seq: 2, participantId: 'bob', reaction: 'explode', at: 6 },
    ]);
    expect(watched.reactions.get()).toEqual([{ seq: 1, participantId: 'alice-0001', reaction: 'heart', at: 5 }]);
  });
});

describe('parseSessionState', () => {
  it('treats a missing state as none without warning', () => {
    expect(parseSessionState(undefined)).toBeNull();
  });
});
