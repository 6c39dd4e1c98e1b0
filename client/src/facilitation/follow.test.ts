// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { offersWayBack } from './follow.js';

describe('offersWayBack', () => {
  const followed = { x: 0, y: 0, w: 1000, h: 600 };
  const elsewhere = { x: 5000, y: 0, w: 1000, h: 600 };

  it('offers the way back to a member who wandered off', () => {
    expect(offersWayBack(false, elsewhere, followed)).toBe(true);
    expect(offersWayBack(false, followed, followed)).toBe(false);
    expect(offersWayBack(false, elsewhere, null)).toBe(false);
  });

  it('never asks the facilitator to follow themselves, even with a focus followed before a hand-over', () => {
    expect(offersWayBack(true, elsewhere, followed)).toBe(false);
  });
});
