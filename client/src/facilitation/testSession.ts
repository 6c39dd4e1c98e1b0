// Sessions for the facilitation tests, built by the real reducer from commands.
import {
  builtInMethods,
  reduce,
  createSession,
  type CommandActor,
  type ParticipantId,
  type SessionCommand,
  type SessionState,
} from '@vermeboard/shared';

export const anna = 'anna-000001' as ParticipantId;
export const bob = 'bob-0000001' as ParticipantId;
export const cat = 'cat-0000001' as ParticipantId;
export const facilitator = { participantId: anna, role: 'facilitator' as const };

/** Applies commands in order, failing the test on a refusal. */
export function run(
  commands: (SessionCommand | [SessionCommand, CommandActor])[],
  from = createSession(),
): SessionState {
  let state = from;
  let now = 1_000_000;
  for (const entry of commands) {
    const [command, actor] = Array.isArray(entry) ? entry : [entry, facilitator];
    const result = reduce(state, command, { actor, now: (now += 1000), random: () => 0.5 });
    if (!result.ok) throw new Error(`${command.type}: ${result.reason}`);
    state = result.state;
  }
  return state;
}

/** Anna facilitates, Bob and Cat are members, the meeting frame is on the agenda. */
export function meetingWithThree(): SessionState {
  return run([
    [{ type: 'join', participantId: anna, name: 'Anna', role: 'facilitator' }, 'server'],
    [{ type: 'join', participantId: bob, name: 'Bob', role: 'member' }, 'server'],
    [{ type: 'join', participantId: cat, name: 'Cat', role: 'member' }, 'server'],
    { type: 'applyPreset', presetId: 'meeting-frame' },
  ]);
}

/** The meeting started and moved to one step of the first `methodId` item. */
export function atStep(state: SessionState, methodId: string, stepId: string): SessionState {
  const agendaIndex = state.agenda.findIndex((i) => i.methodId === methodId);
  const started = state.status === 'draft' ? run([{ type: 'startMeeting' }], state) : state;
  const method = builtInMethods[methodId]!;
  const stepIndex = method.steps.findIndex((s) => s.id === stepId);
  return run([{ type: 'gotoStep', agendaIndex, stepIndex }], started);
}
