import { describe, expect, it } from 'vitest';
import type { ParticipantId } from '../ids.js';
import { facilitationLimits } from '../facilitation/limits.js';
import { defineMethod, methodFormat, type Method } from '../facilitation/method.js';
import { builtInMethods, checkInRound } from '../facilitation/methods/index.js';
import { createSession, sessionFormat, type SessionState } from '../facilitation/session.js';
import { reduce, type ReduceContext } from '../facilitation/sessionReducer.js';
import type { SessionCommand } from '../facilitation/commands.js';
import { copyId, readMethodFile, sessionLibrary } from './library.js';

const text = (en: string) => ({ en, fi: `${en} fi`, sv: `${en} sv` });
function libraryMethod(id: string, steps = 2): Method {
  return defineMethod({
    id,
    name: text('Pier talk'),
    description: text('A walk'),
    steps: Array.from({ length: steps }, (_, i) => ({
      id: `s-${i + 1}`,
      title: text(`Step ${i + 1}`),
      instructions: text('Do it'),
      facilitatorNotes: text('Watch it'),
      timeboxSeconds: 60,
      speakingMode: 'open' as const,
    })),
  });
}

const F = 'facilitator-1' as ParticipantId;
const ctx = (available: Method[] = []): ReduceContext => ({
  actor: { participantId: F, role: 'facilitator' },
  now: 1_700_000_000_000,
  available: Object.fromEntries(available.map((m) => [m.id, m])),
});

function run(state: SessionState, command: SessionCommand, available: Method[] = []): SessionState {
  const result = reduce(state, command, ctx(available));
  if (!result.ok) throw new Error(result.reason);
  return result.state;
}

describe('library methods in a meeting', () => {
  it('copies the definition into the session and resolves it from there', () => {
    const method = libraryMethod('pier-talk');
    const state = run(createSession(), { type: 'addAgendaItem', methodId: 'pier-talk' }, [method]);
    expect(state.methods).toEqual([method]);
    expect(sessionLibrary(state)['pier-talk']).toEqual(method);
    // The copy is part of the stored session and reads back.
    expect(sessionFormat.read(JSON.parse(JSON.stringify(state))).ok).toBe(true);
    // Without the library the next commands still work: the copy is enough.
    const started = run(state, { type: 'startMeeting' });
    expect(run(started, { type: 'nextStep' }).position).toEqual({ agendaIndex: 0, stepIndex: 1 });
  });

  it('refuses a method nobody offered, and copies nothing for a built-in', () => {
    expect(reduce(createSession(), { type: 'addAgendaItem', methodId: 'pier-talk' }, ctx()).ok).toBe(false);
    const state = run(createSession(), { type: 'addAgendaItem', methodId: checkInRound.id });
    expect(state.methods ?? []).toEqual([]);
  });

  it('takes a newer definition before the meeting, keeps the one it started with after', () => {
    const first = libraryMethod('pier-talk', 2);
    const newer = libraryMethod('pier-talk', 3);
    let state = run(createSession(), { type: 'addAgendaItem', methodId: 'pier-talk' }, [first]);
    state = run(state, { type: 'addAgendaItem', methodId: 'pier-talk' }, [newer]);
    expect(state.methods?.map((m) => m.steps.length)).toEqual([3]);
    state = run(state, { type: 'startMeeting' });
    state = run(state, { type: 'addAgendaItem', methodId: 'pier-talk' }, [first]);
    expect(state.methods?.map((m) => m.steps.length)).toEqual([3]);
  });

  it('drops an unused copy before the meeting and bounds the copies', () => {
    let state = run(createSession(), { type: 'addAgendaItem', methodId: 'pier-talk' }, [libraryMethod('pier-talk')]);
    state = run(state, { type: 'removeAgendaItem', instanceId: state.agenda[0]!.instanceId });
    expect(state.methods).toEqual([]);
    for (let i = 0; i < facilitationLimits.meetingLibraryMethods; i++) {
      state = run(state, { type: 'addAgendaItem', methodId: `m-${i}` }, [libraryMethod(`m-${i}`)]);
    }
    const over = reduce(state, { type: 'addAgendaItem', methodId: 'one-more' }, ctx([libraryMethod('one-more')]));
    expect(over.ok).toBe(false);
  });
});

describe('reading a method file', () => {
  it('reads a file it wrote and refuses a built-in’s id', () => {
    const method = libraryMethod('pier-talk');
    expect(readMethodFile(JSON.stringify(method))).toEqual({ ok: true, method });
    expect(readMethodFile({ ...method, id: checkInRound.id })).toEqual({
      ok: false,
      issues: [{ path: 'id', message: 'a built-in method has this id; copy it under another id' }],
    });
  });

  it('migrates a file from before Swedish', () => {
    const { sv: _sv, ...name } = text('Old');
    const old = JSON.parse(JSON.stringify({ ...libraryMethod('old-one'), version: 1, name })) as Record<
      string,
      unknown
    >;
    const read = readMethodFile(old);
    expect(read.ok && read.method.name).toEqual({ ...name, sv: 'Old' });
    expect(read.ok && read.method.version).toBe(methodFormat.version);
  });

  it('keeps every built-in within the size bound a library method has', () => {
    for (const m of Object.values(builtInMethods)) {
      expect(JSON.stringify(m).length).toBeLessThan(facilitationLimits.methodJsonChars);
    }
  });

  it('names copies after the original without taking an id', () => {
    const taken = new Set(['check-in-round-copy']);
    expect(copyId('check-in-round', (id) => taken.has(id))).toBe('check-in-round-copy-2');
  });
});
