import { describe, expect, it } from 'vitest';
import type { ClockSample, Timer } from './timer.js';
import {
  adjustTimer,
  estimateClockOffset,
  formatClock,
  idleTimer,
  pauseTimer,
  remainingMs,
  resumeTimer,
  startTimer,
  timerPhase,
  timerSchema,
} from './timer.js';

const T = 1_700_000_000_000;

function value(outcome: { ok: true; value: Timer } | { ok: false; reason: string }): Timer {
  if (!outcome.ok) throw new Error(outcome.reason);
  expect(timerSchema.safeParse(outcome.value).success).toBe(true);
  return outcome.value;
}

describe('timer math', () => {
  it('counts down from the start in server time', () => {
    const t = value(startTimer(idleTimer(60_000), T));
    expect(remainingMs(t, T)).toBe(60_000);
    expect(remainingMs(t, T + 15_500)).toBe(44_500);
    expect(remainingMs(t, T + 90_000)).toBe(0);
    expect(timerPhase(t, T + 59_999)).toBe('running');
    expect(timerPhase(t, T + 60_000)).toBe('finished');
  });

  it('freezes while paused and keeps the total after resuming', () => {
    const paused = value(pauseTimer(value(startTimer(idleTimer(60_000), T)), T + 20_000));
    expect(paused).toEqual({ state: 'paused', durationMs: 60_000, startedAt: null, remainingMs: 40_000 });
    expect(remainingMs(paused, T + 999_999)).toBe(40_000);
    const resumed = value(resumeTimer(paused, T + 100_000));
    expect(resumed.durationMs).toBe(60_000);
    expect(remainingMs(resumed, T + 100_000)).toBe(40_000);
    expect(remainingMs(resumed, T + 130_000)).toBe(10_000);
  });

  it('adds and removes time in every state', () => {
    expect(value(adjustTimer(idleTimer(60_000), 60_000, T)).durationMs).toBe(120_000);
    expect(value(adjustTimer(idleTimer(60_000), -120_000, T)).durationMs).toBe(0);
    const running = value(startTimer(idleTimer(60_000), T));
    expect(remainingMs(value(adjustTimer(running, 60_000, T + 30_000)), T + 30_000)).toBe(90_000);
    expect(value(adjustTimer(running, -60_000, T + 30_000)).state).toBe('finished');
    const paused = value(pauseTimer(running, T + 30_000));
    expect(value(adjustTimer(paused, -10_000, T))).toMatchObject({ state: 'paused', remainingMs: 20_000 });
  });

  it('runs a finished timer again only for added time', () => {
    const finished = value(pauseTimer(value(startTimer(idleTimer(1000), T)), T + 5000));
    expect(finished.state).toBe('finished');
    expect(adjustTimer(finished, -60_000, T).ok).toBe(false);
    const again = value(adjustTimer(finished, 60_000, T + 6000));
    expect(remainingMs(again, T + 6000)).toBe(60_000);
    expect(value(startTimer(finished, T + 7000)).state).toBe('running');
  });

  it('refuses what does not apply', () => {
    const running = value(startTimer(idleTimer(1000), T));
    expect(startTimer(running, T).ok).toBe(false);
    expect(resumeTimer(running, T).ok).toBe(false);
    expect(pauseTimer(idleTimer(1000), T).ok).toBe(false);
    expect(startTimer(idleTimer(0), T).ok).toBe(false);
  });

  it('rejects inconsistent stored timers', () => {
    expect(timerSchema.safeParse({ state: 'running', durationMs: 1, startedAt: null, remainingMs: null }).success).toBe(
      false,
    );
    expect(timerSchema.safeParse({ state: 'paused', durationMs: 1, startedAt: null, remainingMs: null }).success).toBe(
      false,
    );
  });
});

describe('formatClock', () => {
  it('shows mm:ss, rounding up so zero means time is out', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(-5)).toBe('00:00');
    expect(formatClock(Number.NaN)).toBe('00:00');
    expect(formatClock(1)).toBe('00:01');
    expect(formatClock(59_001)).toBe('01:00');
    expect(formatClock(125_000)).toBe('02:05');
    expect(formatClock(75 * 60_000)).toBe('75:00');
  });
});

describe('clock offset estimation', () => {
  /** A client whose clock runs `offset` ms behind the server, with given one-way delays. */
  const sample = (sentAt: number, offset: number, up: number, down: number): ClockSample => ({
    clientSentAt: sentAt,
    serverTime: sentAt + up + offset,
    clientReceivedAt: sentAt + up + down,
  });

  it('is exact for symmetric delays', () => {
    expect(estimateClockOffset([sample(1000, 5000, 20, 20)])).toEqual({ offsetMs: 5000, rttMs: 40, errorMs: 20 });
  });

  it('trusts the lowest round trips over congested ones', () => {
    const samples = [
      sample(0, -3000, 10, 10),
      sample(1000, -3000, 12, 8),
      sample(2000, -3000, 400, 20), // queued on the way up: offset looks 190 ms too large
      sample(3000, -3000, 15, 500), // queued on the way down
      sample(4000, -3000, 300, 300),
      sample(5000, -3000, 11, 11),
    ];
    const estimate = estimateClockOffset(samples)!;
    expect(Math.abs(estimate.offsetMs - -3000)).toBeLessThanOrEqual(2);
    expect(estimate.rttMs).toBe(20);
    expect(estimate.errorMs).toBeLessThanOrEqual(11);
  });

  it('ignores impossible samples and needs at least one', () => {
    expect(estimateClockOffset([])).toBeNull();
    expect(estimateClockOffset([{ clientSentAt: 10, serverTime: 5, clientReceivedAt: 5 }])).toBeNull();
    expect(estimateClockOffset([{ clientSentAt: Number.NaN, serverTime: 5, clientReceivedAt: 5 }])).toBeNull();
  });

  it('keeps two screens within a second of each other', () => {
    // Two browsers with clocks 4 s fast and 7 s slow see the same server timer.
    const timer = value(startTimer(idleTimer(120_000), T));
    const screens = [4000, -7000].map((skew) => {
      const offset = estimateClockOffset([sample(T + skew, -skew, 30, 80), sample(T + skew + 1000, -skew, 25, 25)])!;
      const clientNow = T + 50_000 + skew;
      return remainingMs(timer, clientNow + offset.offsetMs);
    });
    expect(Math.abs(screens[0]! - screens[1]!)).toBeLessThan(1000);
  });
});
