// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cameraMove } from './motion.js';

describe('cameraMove', () => {
  it('glides unless the person prefers reduced motion, then jumps', () => {
    expect(cameraMove(300, () => false)).toEqual({ animation: { duration: 300 } });
    expect(cameraMove(300, () => true)).toEqual({});
  });

  it('glides where the preference cannot be read (no matchMedia)', () => {
    expect(cameraMove(200)).toEqual({ animation: { duration: 200 } });
  });
});
