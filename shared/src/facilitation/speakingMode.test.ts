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

/** Facilitator F, members A and B (and any others named), then observer O join. */
function joined(...others: [ParticipantId, string][]): SessionState {
  const member = (participantId: ParticipantId, name: string): [SessionCommand, CommandActor] => [
    { type: 'join', participantId, name, role: 'member' },
    'server',
  ];
  return apply(
    createSession(),
    [{ type: 'join', participantId: F, name: 'Fiona', role: 'facilitator' }, 'server'],
    member(A, 'Anna'),
    member(B, 'Bert'),
    ...others.map(([id, name]) => member(id, name)),
    [{ type: 'join', participantId: O, name: 'Olga', role: 'observer' }, 'server'],
  );
}

/** The meeting frame with F, A, B and observer O: 1 = check-in, 3 = problem clinic. */
function meeting(): SessionState {
  return apply(joined(), [{ type: 'applyPreset', presetId: 'meeting-frame' }], [{ type: 'startMeeting' }]);
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

  describe('in breakout rooms, each with its own case owner', () => {
    const C = 'member-cara' as ParticipantId;
    const D = 'member-dan' as ParticipantId;
    const asMember = (participantId: ParticipantId): Actor => ({ participantId, role: 'member' });

    /** Troika consulting in two rooms (Anna and Bert; Cara and Dan): Anna and Dan are the clients. */
    function troika(stepIndex: number): SessionState {
      let state = apply(
        joined([C, 'Cara'], [D, 'Dan']),
        [{ type: 'addAgendaItem', methodId: 'troika-consulting' }],
        [{ type: 'startMeeting' }],
      );
      if (state.breakout) state = apply(state, [{ type: 'closeRooms' }]);
      state = apply(state, [
        {
          type: 'openRooms',
          split: { kind: 'manual', rooms: [{ memberIds: [A, B] }, { memberIds: [C, D] }] },
          seconds: 600,
        },
      ]);
      const [first, second] = state.breakout!.rooms.map((r) => r.n);
      return apply(
        state,
        [{ type: 'chooseCaseOwner', participantId: A, room: first }, asMember(B)],
        [{ type: 'chooseCaseOwner', participantId: D, room: second }, asMember(C)],
        goto(0, stepIndex),
      );
    }

    it('names each room’s own client to the people of that room', () => {
      const present = troika(1);
      expect(speakingCue(present, A)).toEqual({ kind: 'yourTurn' });
      expect(speakingCue(present, B)).toEqual({ kind: 'presenterSpeaks', presenterId: A });
      expect(speakingCue(present, C)).toEqual({ kind: 'presenterSpeaks', presenterId: D });
      expect(speakingCue(present, D)).toEqual({ kind: 'yourTurn' });
      const consult = troika(3);
      expect(speakingCue(consult, B)).toEqual({ kind: 'consultantsIdeasFor', ownerId: A });
      expect(speakingCue(consult, C)).toEqual({ kind: 'consultantsIdeasFor', ownerId: D });
      expect(speakingCue(consult, D)).toEqual({ kind: 'ownerListens' });
    });

    it('gives the facilitator the cue of the room they visit, and the plenary’s otherwise', () => {
      const state = troika(1);
      const second = state.breakout!.rooms[1]!.n;
      expect(speakingCue(state, F, { visiting: second })).toEqual({ kind: 'presenterSpeaks', presenterId: D });
      expect(speakingCue(state, F)).toEqual({ kind: 'caseOwnerNotChosen' });
      // A visit does not move a member out of their own room's case.
      expect(speakingCue(state, B, { visiting: second })).toEqual({ kind: 'presenterSpeaks', presenterId: A });
    });

    it('forgets a room’s client who moved to another room', () => {
      let state = troika(1);
      state = apply(state, [{ type: 'moveToRoom', participantId: A, room: state.breakout!.rooms[1]!.n }]);
      expect(speakingCue(state, B)).toEqual({ kind: 'caseOwnerNotChosen' });
      expect(speakingCue(state, A)).toEqual({ kind: 'presenterSpeaks', presenterId: D });
    });

    it('falls back to the plenary’s case owner in a room that chose none', () => {
      let state = troika(1);
      const first = state.breakout!.rooms[0]!.n;
      state = apply(
        state,
        [{ type: 'chooseCaseOwner', participantId: null, room: first }],
        [{ type: 'chooseCaseOwner', participantId: C }],
      );
      expect(speakingCue(state, B)).toEqual({ kind: 'presenterSpeaks', presenterId: C });
      expect(speakingCue(state, D)).toEqual({ kind: 'yourTurn' });
    });
  });
});
