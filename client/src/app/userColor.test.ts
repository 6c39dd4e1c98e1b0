// @vitest-environment node
// These tests need no DOM; the node environment keeps them fast and independent of jsdom.
import { describe, expect, it } from 'vitest';
import { userColor, userColors } from './userColor.js';

describe('userColor', () => {
  it('is the same for the same participant', () => {
    expect(userColor('participant1234567890a')).toBe(userColor('participant1234567890a'));
  });

  it('picks from the palette and spreads participants over it', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const color = userColor(`participant-${i}-abcdefgh`);
      expect(userColors).toContain(color);
      seen.add(color);
    }
    expect(seen.size).toBe(userColors.length);
  });
});
