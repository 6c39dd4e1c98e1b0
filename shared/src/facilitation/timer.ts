// Countdown timers as data. A timer stores when it started in *server* time, never a ticking
// remainder, so every browser computes the same remaining time from its own clock plus its
// estimated offset to the server, and nobody has to write the document once a second.
import { z } from 'zod';
import { facilitationLimits } from './limits.js';

const durationMs = z.number().int().min(0).max(facilitationLimits.maxDurationMs);
const epochMs = z.number().int().min(0);

export const timerStates = ['idle', 'running', 'paused', 'finished'] as const;

/**
 * `startedAt` is the server time the full `durationMs` would have started at: resuming moves it
 * forward by the paused time, so `remaining = durationMs - (now - startedAt)` while running, and
 * `durationMs` stays the total the UI can draw progress against.
 */
export const timerSchema = z
  .strictObject({
    state: z.enum(timerStates),
    durationMs,
    startedAt: epochMs.nullable(),
    /** Only while paused. */
    remainingMs: durationMs.nullable(),
  })
  .refine((t) => (t.state === 'running') === (t.startedAt !== null), 'startedAt is set exactly while running')
  .refine((t) => (t.state === 'paused') === (t.remainingMs !== null), 'remainingMs is set exactly while paused');
export type Timer = z.infer<typeof timerSchema>;
export type TimerPhase = Timer['state'];

/** A helper's answer: the new value, or why the operation does not apply to this timer. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };
const done = <T>(value: T): Outcome<T> => ({ ok: true, value });
const refuse = <T>(reason: string): Outcome<T> => ({ ok: false, reason });

export function idleTimer(durationMs: number): Timer {
  return { state: 'idle', durationMs, startedAt: null, remainingMs: null };
}

function finishedTimer(durationMs: number): Timer {
  return { state: 'finished', durationMs, startedAt: null, remainingMs: null };
}

/** Remaining milliseconds at server time `now`; never negative. */
export function remainingMs(timer: Timer, now: number): number {
  switch (timer.state) {
    case 'idle':
      return timer.durationMs;
    case 'paused':
      return timer.remainingMs ?? 0;
    case 'finished':
      return 0;
    case 'running':
      return Math.max(0, timer.durationMs - (now - (timer.startedAt ?? now)));
  }
}

/**
 * How far a running timer is past zero at `now`: time is up, but the clock keeps counting so the
 * room sees the overrun ("+01:20") instead of a frozen 00:00.
 */
export function overtimeMs(timer: Timer, now: number): number {
  if (timer.state !== 'running' || timer.startedAt === null) return 0;
  return Math.max(0, now - timer.startedAt - timer.durationMs);
}

/** A running timer at `now`, started with the full `durationMs`. */
export function runningTimer(durationMs: number, now: number): Timer {
  return { state: 'running', durationMs, startedAt: now, remainingMs: null };
}

/**
 * What the timer shows at `now`. A running timer that reached zero reads as finished although the
 * stored state still says running: reaching zero is a signal to people, not an event that changes
 * the session (the facilitator moves on, the timer never does).
 */
export function timerPhase(timer: Timer, now: number): TimerPhase {
  return timer.state === 'running' && remainingMs(timer, now) === 0 ? 'finished' : timer.state;
}

/** Starts from the full duration; a finished timer can be started again. */
export function startTimer(timer: Timer, now: number): Outcome<Timer> {
  if (timer.state === 'running' || timer.state === 'paused') return refuse('the timer is already started');
  if (timer.durationMs === 0) return refuse('the timer has no time to count down');
  return done(runningTimer(timer.durationMs, now));
}

export function pauseTimer(timer: Timer, now: number): Outcome<Timer> {
  if (timer.state !== 'running') return refuse('the timer is not running');
  const left = remainingMs(timer, now);
  if (left === 0) return done(finishedTimer(timer.durationMs));
  return done({ state: 'paused', durationMs: timer.durationMs, startedAt: null, remainingMs: left });
}

export function resumeTimer(timer: Timer, now: number): Outcome<Timer> {
  if (timer.state !== 'paused' || timer.remainingMs === null) return refuse('the timer is not paused');
  const startedAt = now - (timer.durationMs - timer.remainingMs);
  return done({ state: 'running', durationMs: timer.durationMs, startedAt, remainingMs: null });
}

/**
 * Adds (or with a negative delta removes) time. Removing more than is left finishes the timer;
 * adding to a finished timer runs it again for the added time.
 */
export function adjustTimer(timer: Timer, deltaMs: number, now: number): Outcome<Timer> {
  const max = facilitationLimits.maxDurationMs;
  switch (timer.state) {
    case 'idle':
      return done(idleTimer(clamp(timer.durationMs + deltaMs, 0, max)));
    case 'finished':
      if (deltaMs <= 0) return refuse('the timer has already finished');
      return done({ state: 'running', durationMs: Math.min(deltaMs, max), startedAt: now, remainingMs: null });
    case 'paused': {
      const left = clamp((timer.remainingMs ?? 0) + deltaMs, 0, max);
      if (left === 0) return done(finishedTimer(timer.durationMs));
      const total = clamp(timer.durationMs + deltaMs, left, max);
      return done({ state: 'paused', durationMs: total, startedAt: null, remainingMs: left });
    }
    case 'running': {
      const left = clamp(remainingMs(timer, now) + deltaMs, 0, max);
      if (left === 0) return done(finishedTimer(timer.durationMs));
      // Re-base on `now` when the total would leave the bounds; otherwise only the total changes.
      const total = timer.durationMs + deltaMs;
      if (total > max || total < left) {
        return done({ state: 'running', durationMs: left, startedAt: now, remainingMs: null });
      }
      return done({ state: 'running', durationMs: total, startedAt: timer.startedAt, remainingMs: null });
    }
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/** `+mm:ss` of overtime, rounding down so the first second over reads +00:00 → +00:01 as it passes. */
export function formatOvertime(ms: number): string {
  return `+${mmss(Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0)}`;
}

/** `mm:ss`, rounding up so the display reads 00:00 only when time is really out; minutes do not wrap. */
export function formatClock(ms: number): string {
  return mmss(Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0);
}

function mmss(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(totalSeconds % 60).padStart(2, '0')}`;
}

// --- Clock offset -------------------------------------------------------------------------------

/** One round trip: the client's clock when it sent and received, and the server's clock in between. */
export interface ClockSample {
  clientSentAt: number;
  serverTime: number;
  clientReceivedAt: number;
}

/** `serverNow = clientNow + offsetMs`; the true offset lies within ±`errorMs` of the estimate. */
export interface ClockOffset {
  offsetMs: number;
  rttMs: number;
  errorMs: number;
}

/** Samples with the lowest round-trip times are the least distorted by queueing; keep this share. */
const bestShare = 1 / 3;

/**
 * NTP-style estimate: each sample assumes the server read its clock halfway through the round
 * trip, which is wrong by at most half the round trip. Queueing delay is one-sided and bursty, so
 * the estimate is the median offset of the lowest-RTT third of the samples rather than a mean.
 */
export function estimateClockOffset(samples: readonly ClockSample[]): ClockOffset | null {
  const measured = samples
    .filter(
      (s) =>
        Number.isFinite(s.clientSentAt) &&
        Number.isFinite(s.serverTime) &&
        Number.isFinite(s.clientReceivedAt) &&
        s.clientReceivedAt >= s.clientSentAt,
    )
    .map((s) => ({
      rttMs: s.clientReceivedAt - s.clientSentAt,
      offsetMs: s.serverTime - (s.clientSentAt + s.clientReceivedAt) / 2,
    }))
    .sort((a, b) => a.rttMs - b.rttMs);
  if (measured.length === 0) return null;
  const best = measured.slice(0, Math.max(1, Math.ceil(measured.length * bestShare)));
  const offsets = best.map((m) => m.offsetMs).sort((a, b) => a - b);
  const mid = Math.floor(offsets.length / 2);
  const offsetMs = offsets.length % 2 === 1 ? offsets[mid]! : (offsets[mid - 1]! + offsets[mid]!) / 2;
  // Every kept sample is wrong by at most half its own round trip, so the worst kept one bounds the error.
  return { offsetMs, rttMs: best[0]!.rttMs, errorMs: best[best.length - 1]!.rttMs / 2 };
}
