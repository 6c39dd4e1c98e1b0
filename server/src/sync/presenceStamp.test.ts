import { describe, expect, it } from 'vitest';
import { stampPresence, type PresenceIdentity } from './presenceStamp.js';

const anna: PresenceIdentity = { id: 'p-anna', name: 'Anna', role: 'member' };
const cursor = { x: 10, y: 20, type: 'default', rotation: 0 };
const presence = {
  cursor,
  selectedShapeIds: ['shape:a'],
  brush: null,
  scribbles: [],
  chatMessage: 'hi',
  camera: { x: 1 },
};

describe('stampPresence', () => {
  it('returns an honest browser’s state itself, unchanged', () => {
    const state = { user: { id: 'p-anna', name: 'Anna', color: '#aabbcc', role: 'member' }, presence };
    expect(stampPresence(state, anna, false)).toBe(state);
    const noColour = { user: { id: 'p-anna', name: 'Anna', role: 'member' }, presence };
    expect(stampPresence(noColour, anna, false)).toBe(noColour);
    const link = { presence };
    expect(stampPresence(link, null, false)).toBe(link);
  });

  it('puts the connection’s identity in place of what the sender claims, and keeps a valid colour', () => {
    const claims = [
      { id: 'p-bert', name: 'Anna', role: 'member', color: '#aabbcc' },
      { id: 'p-anna', name: 'Bert', role: 'member', color: '#aabbcc' },
      { id: 'p-anna', name: 'Anna', role: 'facilitator', color: '#aabbcc' },
      { id: 'p-anna', name: 'Anna', role: 'member', color: '#aabbcc', admin: true },
      { name: 'Anna', color: '#aabbcc' },
    ];
    for (const user of claims) {
      const state = { user, presence };
      const stamped = stampPresence(state, anna, false);
      expect(stamped).not.toBe(state);
      expect(stamped).toEqual({ user: { ...anna, color: '#aabbcc' }, presence });
    }
    const badColour = { user: { ...anna, color: 'red; background: url(x)' }, presence };
    expect(stampPresence(badColour, anna, false)).toEqual({ user: anna, presence });
    expect(stampPresence({ user: 'Anna', presence }, anna, false)).toEqual({ user: anna, presence });
  });

  it('gives a link connection no user at all', () => {
    const state = { user: { ...anna, color: '#aabbcc' }, presence };
    expect(stampPresence(state, null, false)).toEqual({ presence });
  });

  it('empties the pointer and the selection while cursors are hidden, and keeps the camera', () => {
    const state = { user: { ...anna, color: '#aabbcc' }, presence };
    const hidden = stampPresence(state, anna, true);
    expect(hidden).toEqual({
      user: { ...anna, color: '#aabbcc' },
      presence: { ...presence, cursor: null, selectedShapeIds: [], brush: null, scribbles: [], chatMessage: '' },
    });
    // Already hidden: the same object back.
    expect(stampPresence(hidden, anna, true)).toBe(hidden);
    // Any one field still showing is emptied.
    for (const field of [{ cursor }, { selectedShapeIds: ['shape:a'] }, { chatMessage: 'x' }, { scribbles: [{}] }]) {
      const leaking = { ...hidden, presence: { ...(hidden.presence as Record<string, unknown>), ...field } };
      expect(stampPresence(leaking, anna, true)).toEqual(hidden);
    }
  });
});
