import { describe, expect, it } from 'vitest';
import type { Debrief } from '@vermeboard/shared';
import { clock, stepName, ticks, timelineGeometry, timelinePoints } from './timelineModel.js';

const T = 1_700_000_000_000;
const debrief: Debrief = {
  startedAt: T,
  endedAt: T + 10 * 60_000,
  plannedMs: 12 * 60_000,
  actualMs: 10 * 60_000,
  steps: [
    {
      instanceId: 'check-in-round-1',
      methodId: 'check-in-round',
      stepId: 'round',
      speakingMode: 'round-robin',
      enteredAt: T,
      leftAt: T + 10 * 60_000,
      plannedMs: 12 * 60_000,
      actualMs: 10 * 60_000,
      overrunMs: 0,
    },
  ],
  turns: [
    {
      instanceId: 'check-in-round-1',
      stepId: 'round',
      participantId: 'p-anna-00001' as never,
      name: 'Anna',
      startedAt: T + 60_000,
      ms: 30_000,
      passed: false,
    },
  ],
  talk: [],
  hands: [],
  overruns: [],
  truncated: false,
};

describe('the debrief timeline model', () => {
  it('writes durations as a clock', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(65_400)).toBe('1:05');
    expect(clock(3_600_000 + 61_000)).toBe('1:01:01');
  });

  it('names steps from the library in the UI language, and falls back to the ids', () => {
    expect(stepName({ methodId: 'check-in-round', stepId: 'round' }, 'fi')).toMatch(/^Kuulumiskierros: /);
    expect(stepName({ methodId: 'unknown-method', stepId: 'x' }, 'en')).toBe('unknown-method: x');
  });

  it('spans the plan when the meeting ended before it', () => {
    const g = timelineGeometry(debrief);
    expect(g.end).toBe(T + 12 * 60_000);
    expect(g.x(T)).toBe(0);
    expect(g.x(g.end)).toBe(1000);
    expect(g.w(0)).toBe(1);
    expect(ticks(g)).toEqual([0, 5 * 60_000, 10 * 60_000]);
  });

  it('offers the steps and turns as points for a note, in time order', () => {
    const points = timelinePoints(debrief, 'en', (kind, p) => `${kind}:${p.name ?? p.step}`);
    expect(points.map((p) => [p.at - T, p.kind])).toEqual([
      [0, 'step'],
      [60_000, 'turn'],
    ]);
    expect(points[1]!.label).toBe('turn:Anna');
  });
});
