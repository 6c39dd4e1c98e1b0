import { describe, expect, it } from 'vitest';
import { planLayout } from './layoutPlan.js';
import { layoutShapeId } from './method.js';
import { builtInMethods } from './methods/index.js';

const stepOf = (methodId: string, stepId: string) => builtInMethods[methodId]!.steps.find((s) => s.id === stepId)!;

describe('planLayout', () => {
  it('places a step layout with deterministic ids, labelled in the given language, in its agenda band', () => {
    const items = planLayout(stepOf('problem-clinic', 'present-case'), 'problem-clinic-2', 1, 'fi');
    const frame = items.find((i) => i.kind === 'frame')!;
    expect(frame.id).toBe(layoutShapeId('problem-clinic-2', 'case-summary'));
    expect(frame.kind === 'frame' && frame.name).toBe('Tapauksen tiivistelmä');
    expect(frame.y).toBeGreaterThanOrEqual(3200);
    const notes = items.filter((i) => i.kind === 'note');
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.kind === 'note' && n.parentId === frame.id)).toBe(true);
  });

  it('adds one card per goal to the goal recap, each naming its goal in its own column', () => {
    const items = planLayout(stepOf('goal-recap', 'show-goals'), 'goal-recap-3', 2, 'en', {
      goals: [
        { id: 'goal-aaaa1', text: 'Learn to say no' },
        { id: 'goal-bbbb2', text: 'Sleep more' },
      ],
      groundRules: [],
    });
    expect(items.map((i) => i.id)).toEqual([
      layoutShapeId('goal-recap-3', 'goals'),
      layoutShapeId('goal-recap-3', 'goal-1'),
      layoutShapeId('goal-recap-3', 'goal-2'),
    ]);
    expect(items.slice(1).map((i) => [i.x, i.kind === 'note' ? i.goalId : null])).toEqual([
      [350, 'goal-aaaa1'],
      [1250, 'goal-bbbb2'],
    ]);
  });

  it('puts the group’s own ground rules in the welcome frame, and the built-in ones only for a group with none', () => {
    const step = stepOf('welcome', 'welcome');
    const own = planLayout(step, 'welcome-1', 0, 'fi', {
      goals: [],
      groundRules: ['Puhelimet äänettömälle', 'Aloitetaan ajallaan'],
    });
    expect(own.filter((i) => i.kind === 'note').map((i) => (i.kind === 'note' ? [i.id, i.text] : null))).toEqual([
      [layoutShapeId('welcome-1', 'rule-1'), 'Puhelimet äänettömälle'],
      [layoutShapeId('welcome-1', 'rule-2'), 'Aloitetaan ajallaan'],
    ]);
    const builtIn = planLayout(step, 'welcome-1', 0, 'fi');
    expect(builtIn.filter((i) => i.kind === 'note').map((i) => (i.kind === 'note' ? i.text : null))).toContain(
      'Mitä täällä puhutaan, jää tänne',
    );
  });
});
