import { afterEach, describe, expect, it, vi } from 'vitest';
import { Pacer } from './pacer.js';

describe('Pacer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires at the mean rate and stops by itself when told', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const pacer = new Pacer();
    let fired = 0;
    pacer.every(10, () => fired++);
    vi.advanceTimersByTime(100_000);
    // 1000 expected; uniform jitter over 1000 gaps keeps the total within a few percent.
    expect(fired).toBeGreaterThan(900);
    expect(fired).toBeLessThan(1100);
    pacer.stop();
    const atStop = fired;
    vi.advanceTimersByTime(10_000);
    expect(fired).toBe(atStop);
  });

  it('does nothing for a zero rate', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const pacer = new Pacer();
    let fired = 0;
    pacer.every(0, () => fired++);
    vi.advanceTimersByTime(10_000);
    expect(fired).toBe(0);
  });
});
