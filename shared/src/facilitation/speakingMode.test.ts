import { describe, expect, it } from 'vitest';
import type { ParticipantId } from '../ids.js';
import type { SessionCommand } from './commands.js';
import type { Actor, CommandActor } from '../policy/subject.js';
import type { SessionState } from './session.js';
import { createSession } from './session.js';
import { reduce } from './sessionReducer.js';
import { speakingCue } from './speakingMode.js';

const F = 'facilitator-1' as ParticipantId;
const A = 'member-anna' as ParticipantId;
const B = 'member-bert' as ParticipantId;
const O = 'observer-olga' as ParticipantId;
const fac: Actor = { participantId: F, role: 'facilitator' };

function apply(state: SessionState, ...commands: [SessionCommand, CommandActor?][]): SessionState {
  return commands.reduce((s, [command, actor]) => {
    const result = reduce(s, command, { actor: actor ?? fac, now: 1000 });
    if (!result.ok) throw new Error(`${command.type}: ${result.reason}`);
    return result.state;
  }, state);
}

const goto = (agendaIndex: number, stepIndex: number): [SessionCommand] => [
  { type: 'gotoStep', agendaIndex, stepIndex },
];

/** The meeting frame with F, A, B and observer O: 1 = check-in, 3 = problem clinic. */
function meeting(): SessionState {
  return apply(
    createSession(),
    [{ type: 'join', participantId: F, name: 'Fiona', role: 'facilitator' }, 'server'],
    [{ type: 'join', participantId: A, name: 'Anna', role: 'member' }, 'server'],
    [{ type: 'join', participantId: B, name: 'Bert', role: 'member' }, 'server'],
    [{ type: 'join', participantId: O, name: 'Olga', role: 'observer' }, 'server'],
    [{ type: 'applyPreset', presetId: 'meeting-frame' }],
    [{ type: 'startMeeting' }],
  );
}

const cues = (state: SessionState) => Object.fromEntries([F, A, B, O].map((id) => [id, speakingCue(state, id)]));

describe('speaking cues', () => {
  it('says nothing is running before the start', () => {
    expect(speakingCue(createSession(), A)).toEqual({ kind: 'notRunning' });
  });

  it('lets the facilitator speak in facilitator steps', () => {
    expect(cues(meeting())).toEqual({
      [F]: { kind: 'yourTurn' },
      [A]: { kind: 'facilitatorSpeaks', facilitatorId: F },
      [B]: { kind: 'facilitatorSpeaks', facilitatorId: F },
      [O]: { kind: 'facilitatorSpeaks', facilitatorId: F },
    });
  });

  it('asks members to write silently and tracks who is done', () => {
    const state = apply(meeting(), goto(1, 0), [{ type: 'markDone' }, { participantId: A, role: 'member' }]);
    expect(cues(state)).toEqual({
      [F]: { kind: 'writeSilently', done: false },
      [A]: { kind: 'writeSilently', done: true },
      [B]: { kind: 'writeSilently', done: false },
      [O]: { kind: 'othersWriteSilently' },
    });
  });

  it('follows the round-robin turn', () => {
    let state = apply(meeting(), goto(1, 1));
    expect(speakingCue(state, A)).toEqual({ kind: 'roundNotStarted' });
    state = apply(state, [{ type: 'nextTurn' }]);
    expect(cues(state)).toEqual({
      [F]: { kind: 'yourTurn' },
      [A]: { kind: 'listen', speakerId: F, youAreNext: true },
      [B]: { kind: 'listen', speakerId: F, youAreNext: false },
      [O]: { kind: 'listen', speakerId: F, youAreNext: false },
    });
    state = apply(state, [{ type: 'nextTurn' }], [{ type: 'nextTurn' }], [{ type: 'nextTurn' }]);
    expect(speakingCue(state, A)).toEqual({ kind: 'roundDone' });
  });

  it('tells everyone who presents once a case owner is chosen', () => {
    let state = apply(meeting(), goto(3, 1));
    expect(speakingCue(state, A)).toEqual({ kind: 'caseOwnerNotChosen' });
    state = apply(state, [{ type: 'chooseCaseOwner', participantId: A }]);
    expect(speakingCue(state, A)).toEqual({ kind: 'yourTurn' });
    expect(speakingCue(state, B)).toEqual({ kind: 'presenterSpeaks', presenterId: A });
  });

  it('tells the owner to answer briefly in the questions, and only to listen in the consultation', () => {
    const chosen = apply(meeting(), goto(3, 0), [{ type: 'chooseCaseOwner', participantId: A }]);
    const questions = apply(chosen, goto(3, 2));
    expect(speakingCue(questions, A)).toEqual({ kind: 'ownerAnswers' });
    expect(speakingCue(questions, B)).toEqual({ kind: 'askOwner', ownerId: A });
    const consultation = apply(chosen, goto(3, 4));
    expect(cues(consultation)).toEqual({
      [F]: { kind: 'consultantsIdeasFor', ownerId: A },
      [A]: { kind: 'ownerListens' },
      [B]: { kind: 'consultantsIdeasFor', ownerId: A },
      [O]: { kind: 'consultantsIdeasFor', ownerId: A },
    });
  });

  it('keeps a case owner to its own agenda item', () => {
    const state = apply(
      meeting(),
      goto(3, 0),
      [{ type: 'chooseCaseOwner', participantId: A }],
      [{ type: 'addAgendaItem', methodId: 'problem-clinic' }],
    );
    expect(speakingCue(apply(state, goto(6, 4)), A)).toEqual({ kind: 'caseOwnerNotChosen' });
  });

  it('leaves the floor open in open steps', () => {
    expect(speakingCue(apply(meeting(), goto(3, 0)), B)).toEqual({ kind: 'open' });
  });
});
