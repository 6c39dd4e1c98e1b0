import { describe, expect, it } from 'vitest';
import type { LocalizedText, Method } from '../method.js';
import { layoutShapeId, locales, methodSchema, stepDurationMs } from '../method.js';
import { agendaPresets, builtInMethods, meetingFrame } from './index.js';

const methods = Object.values(builtInMethods);

/** Every localized text anywhere inside a method, with a path for the failure message. */
function texts(value: unknown, path = ''): [string, LocalizedText][] {
  if (value === null || typeof value !== 'object') return [];
  const keys = Object.keys(value);
  if (keys.length === locales.length && locales.every((l) => keys.includes(l))) return [[path, value as LocalizedText]];
  return Object.entries(value).flatMap(([k, v]) => texts(v, `${path}/${k}`));
}

describe.each(methods.map((m) => [m.id, m] as const))('method %s', (_id, method: Method) => {
  it('passes its schema', () => {
    expect(methodSchema.safeParse(method).success).toBe(true);
  });

  it('has non-empty text in every locale, and Finnish and Swedish that are not just the English', () => {
    const all = texts(method);
    expect(all.length).toBeGreaterThan(3);
    for (const [path, text] of all) {
      for (const locale of locales) expect(text[locale].trim(), `${path}.${locale}`).not.toBe('');
    }
    // Short labels such as "1-2-4-All" may coincide; instructions must be translated.
    for (const step of method.steps) {
      expect(step.instructions.fi).not.toBe(step.instructions.en);
      expect(step.instructions.sv).not.toBe(step.instructions.en);
      expect(step.facilitatorNotes.sv).not.toBe(step.facilitatorNotes.en);
    }
    expect(method.description.sv).not.toBe(method.description.en);
  });

  it('has unique step ids and unique layout ids per step', () => {
    const stepIds = method.steps.map((s) => s.id);
    expect(new Set(stepIds).size).toBe(stepIds.length);
    for (const step of method.steps) {
      const ids = [...(step.layout?.frames ?? []), ...(step.layout?.notes ?? [])].map((i) => i.id);
      expect(new Set(ids).size, step.id).toBe(ids.length);
    }
  });

  it('gives every frame id one geometry across steps, and notes point at frames of their step', () => {
    const frames = new Map<string, string>();
    for (const step of method.steps) {
      for (const frame of step.layout?.frames ?? []) {
        const json = JSON.stringify(frame);
        expect(frames.get(frame.id) ?? json, frame.id).toBe(json);
        frames.set(frame.id, json);
      }
      for (const note of step.layout?.notes ?? []) {
        expect(
          step.layout?.frames.some((f) => f.id === note.frameId),
          note.id,
        ).toBe(true);
      }
    }
  });

  it('has a timebox for every step', () => {
    for (const step of method.steps) expect(stepDurationMs(step, 5), step.id).toBeGreaterThan(0);
  });
});

describe('the library', () => {
  it('ships the methods the product promises', () => {
    expect(Object.keys(builtInMethods)).toEqual(
      expect.arrayContaining([
        'welcome',
        'check-in-round',
        'goal-recap',
        'problem-clinic',
        'reflection',
        'troika-consulting',
        'wise-crowds',
        'one-two-four-all',
        'fifteen-percent-solutions',
        'four-ls',
        'six-thinking-hats',
        'next-meeting',
      ]),
    );
    for (const [id, method] of Object.entries(builtInMethods)) expect(method.id).toBe(id);
  });

  it('has a meeting frame preset made of existing methods, in the recommended order', () => {
    expect(meetingFrame.methodIds).toEqual([
      'welcome',
      'check-in-round',
      'goal-recap',
      'problem-clinic',
      'reflection',
      'next-meeting',
    ]);
    for (const preset of Object.values(agendaPresets)) {
      for (const id of preset.methodIds) expect(builtInMethods[id], id).toBeDefined();
    }
  });

  it('runs the check-in round as silent prep, then a round that reveals notes on each turn', () => {
    const [prep, round] = builtInMethods['check-in-round']!.steps;
    expect(prep?.speakingMode).toBe('silent');
    expect(round).toMatchObject({ speakingMode: 'round-robin', revealOnTurn: true, turnSeconds: 120 });
  });

  it('lets the problem clinic owner listen in the consultation and answer in the questions', () => {
    const steps = builtInMethods['problem-clinic']!.steps;
    expect(steps.map((s) => s.speakingMode)).toEqual([
      'open',
      'presenter',
      'consultants',
      'presenter',
      'consultants',
      'presenter',
      'round-robin',
    ]);
    expect(steps[0]?.caseOwnerChosenHere).toBe(true);
    expect(steps[2]?.ownerAnswers).toBe(true);
    expect(steps[4]?.ownerAnswers).toBeUndefined();
  });

  it('derives layout shape ids that are valid, distinct tldraw ids', () => {
    expect(layoutShapeId('reflection-3', 'so-what')).toBe('shape:layout.reflection-3.so-what');
    expect(layoutShapeId('a-1', 'b')).not.toBe(layoutShapeId('a', '1-b'));
  });
});

describe('the method schema', () => {
  const valid = builtInMethods['welcome']!;
  it('rejects a missing Finnish text', () => {
    const broken = { ...valid, name: { en: 'Welcome' } };
    expect(methodSchema.safeParse(broken).success).toBe(false);
  });
  it('rejects a blank translation', () => {
    const broken = { ...valid, name: { en: 'Welcome', fi: '   ' } };
    expect(methodSchema.safeParse(broken).success).toBe(false);
  });
  it('rejects duplicate step ids', () => {
    const broken = { ...valid, steps: [valid.steps[0], valid.steps[0]] };
    expect(methodSchema.safeParse(broken).success).toBe(false);
  });
  it('rejects a per-turn timebox outside round-robin', () => {
    const broken = { ...valid, steps: [{ ...valid.steps[0], turnSeconds: 60 }] };
    expect(methodSchema.safeParse(broken).success).toBe(false);
  });
  it('rejects a prompt note in a frame the step does not place', () => {
    const step = valid.steps[0]!;
    const broken = { ...valid, steps: [{ ...step, layout: { frames: [], notes: step.layout!.notes } }] };
    expect(methodSchema.safeParse(broken).success).toBe(false);
  });
});
