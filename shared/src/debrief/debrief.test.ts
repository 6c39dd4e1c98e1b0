import { describe, expect, it } from 'vitest';
import type { ParticipantId } from '../ids.js';
import type { SessionCommand } from '../facilitation/commands.js';
import { createSession, type SessionState } from '../facilitation/session.js';
import { reduce } from '../facilitation/sessionReducer.js';
import { serverActor, type CommandActor } from '../policy/subject.js';
import { deriveEvents, meetingEventSchema, type MeetingEvent } from './events.js';
import { buildDebrief } from './timeline.js';

const F = 'facilitator-1' as ParticipantId;
const A = 'member-anna' as ParticipantId;
const B = 'member-bert' as ParticipantId;
const fac: CommandActor = { role: 'facilitator', participantId: F };
const anna: CommandActor = { role: 'member', participantId: A };
const T0 = 1_700_000_000_000;

/** Runs commands through the real reducer, logging the events of each change as the server does. */
function meeting() {
  let state: SessionState = createSession();
  let now = T0;
  const events: MeetingEvent[] = [];
  const run = (command: SessionCommand, actor: CommandActor = fac, after = 0) => {
    now += after;
    const result = reduce(state, command, { actor, now, random: () => 0.5, ballots: {} });
    if (!result.ok) throw new Error(`${command.type}: ${result.reason}`);
    events.push(...deriveEvents(state, result.state, now));
    state = result.state;
  };
  return { run, events, state: () => state };
}

const minutes = (n: number) => n * 60_000;

describe('deriveEvents and buildDebrief', () => {
  it('time each step, turn and hand of a scripted check-in from the log', () => {
    const m = meeting();
    m.run({ type: 'join', participantId: F, name: 'Kaisa', role: 'facilitator' }, serverActor);
    m.run({ type: 'join', participantId: A, name: 'Anna', role: 'member' }, serverActor);
    m.run({ type: 'join', participantId: B, name: 'Bert', role: 'member' }, serverActor);
    m.run({ type: 'addAgendaItem', methodId: 'check-in-round' });
    m.run({ type: 'startMeeting' }, fac, 1000);
    // silent-prep (planned 1 min) runs 2 min: an overrun of 1 min.
    m.run({ type: 'nextStep' }, fac, minutes(2));
    // The round (2 min a turn × 3 speakers = 6 min planned).
    m.run({ type: 'nextTurn' }, fac, 5000);
    m.run({ type: 'raiseHand' }, anna, 10_000);
    m.run({ type: 'nextTurn' }, fac, minutes(1) - 10_000); // Kaisa spoke 1 min
    m.run({ type: 'lowerHand' }, anna, 1000); // Anna waited 51 s
    m.run({ type: 'passTurn' }, anna, 29_000); // Anna passed after 30 s
    m.run({ type: 'nextTurn' }, fac, minutes(3)); // Bert spoke 3 min; the round is done
    m.run({ type: 'nextStep' }, fac, 1000);
    m.run({ type: 'endMeeting' }, fac, minutes(1));

    for (const e of m.events) expect(meetingEventSchema.safeParse(e).success).toBe(true);
    const d = buildDebrief({ events: m.events, names: { [F]: 'Kaisa', [A]: 'Anna', [B]: 'Bert' } });

    expect(d.steps.map((s) => [s.stepId, s.plannedMs, s.actualMs])).toEqual([
      ['silent-prep', minutes(1), minutes(2)],
      ['round', minutes(6), 5000 + minutes(1) + 1000 + 29_000 + minutes(3) + 1000],
      ['themes', minutes(3), minutes(1)],
    ]);
    expect(d.overruns).toEqual([0]);
    expect(d.steps[0]!.overrunMs).toBe(minutes(1));
    expect(d.turns.map((t) => [t.name, t.ms, t.passed])).toEqual([
      ['Kaisa', minutes(1), false],
      ['Anna', 30_000, true],
      ['Bert', minutes(3), false],
    ]);
    // Talk time agrees with the reducer's own count over the meeting.
    const talk = Object.fromEntries(d.talk.map((t) => [t.participantId, t.ms]));
    expect(talk).toEqual(m.state().talkMs);
    expect(d.talk.reduce((s, t) => s + t.share, 0)).toBeCloseTo(1);
    expect(d.hands).toEqual([
      {
        participantId: A,
        name: 'Anna',
        raisedAt: d.turns[0]!.startedAt + 10_000,
        loweredAt: expect.any(Number),
        waitedMs: 51_000,
      },
    ]);
    expect(d.startedAt).toBe(T0 + 1000);
    expect(d.actualMs).toBe(d.endedAt! - d.startedAt!);
    expect(m.events.filter((e) => e.type === 'meetingEnded')).toHaveLength(1);
    expect(m.events.filter((e) => e.type === 'facilitatorChanged')).toEqual([
      { type: 'facilitatorChanged', at: T0, participantId: F },
    ]);
  });

  it('counts added time into the plan and logs pauses', () => {
    const m = meeting();
    m.run({ type: 'join', participantId: F, name: 'Kaisa', role: 'facilitator' }, serverActor);
    m.run({ type: 'addAgendaItem', methodId: 'check-in-round' });
    m.run({ type: 'startMeeting' });
    m.run({ type: 'pauseTimer' }, fac, 10_000);
    m.run({ type: 'resumeTimer' }, fac, 10_000);
    m.run({ type: 'adjustTimer', minutes: 2 }, fac, 1000);
    m.run({ type: 'nextStep' }, fac, minutes(2));
    const types = m.events.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['timerStarted', 'timerPaused', 'timerResumed', 'timerExtended', 'stepLeft']),
    );
    const d = buildDebrief({ events: m.events, names: {} });
    expect(d.steps[0]!.plannedMs).toBe(minutes(3));
    expect(d.steps[0]!.overrunMs).toBe(0);
    // The last step is still open in the log: it ends at the last event.
    expect(d.steps[1]!.actualMs).toBe(0);
    expect(d.endedAt).toBeNull();
  });

  it('takes a plan changed before the step timer starts into the plan', () => {
    const m = meeting();
    m.run({ type: 'join', participantId: F, name: 'Kaisa', role: 'facilitator' }, serverActor);
    m.run({ type: 'setAutoStartTimers', on: false });
    m.run({ type: 'addAgendaItem', methodId: 'check-in-round' });
    m.run({ type: 'startMeeting' });
    m.run({ type: 'adjustTimer', minutes: 4 }, fac, 1000);
    m.run({ type: 'nextStep' }, fac, minutes(4));
    const d = buildDebrief({ events: m.events, names: {} });
    expect(d.steps[0]!.plannedMs).toBe(minutes(5));
    expect(d.steps[0]!.overrunMs).toBe(0);
    expect(m.events.some((e) => e.type === 'timerStarted')).toBe(false);
  });

  it('gives no events for a change that touches nothing it logs', () => {
    const s = createSession();
    expect(deriveEvents(s, { ...s, lockedShapeIds: ['shape:x'] }, T0)).toEqual([]);
  });
});
