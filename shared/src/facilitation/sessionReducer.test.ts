import { describe, expect, it } from 'vitest';
import type { ParticipantId } from '../ids.js';
import type { Role } from '../roles.js';
import type { BallotBox } from './ballots.js';
import { ballotBoxSchema, ownBallot } from './ballots.js';
import type { CommandType, SessionCommand } from './commands.js';
import { clientCommandSchema, sessionCommandSchema } from './commands.js';
import { facilitationLimits } from './limits.js';
import { layoutShapeId } from './method.js';
import { builtInMethods } from './methods/index.js';
import type { Actor, CommandActor } from '../policy/subject.js';
import { commandPermissions } from '../policy/commandRules.js';
import { meetingRole } from '../policy/subject.js';
import type { SessionState } from './session.js';
import { createSession, sessionFormat, sessionStateSchema } from './session.js';
import type { Effect, ReduceContext } from './sessionReducer.js';
import { reduce } from './sessionReducer.js';
import { formatOvertime, overtimeMs, remainingMs } from './timer.js';

// --- Fixtures -------------------------------------------------------------------------------------

const F = 'facilitator-1' as ParticipantId;
const A = 'member-anna' as ParticipantId;
const B = 'member-bert' as ParticipantId;
const O = 'observer-olga' as ParticipantId;
const F2 = 'facilitator-2' as ParticipantId;

const as = (participantId: ParticipantId, role: Role): Actor => ({ participantId, role });
const fac = as(F, 'facilitator');
const anna = as(A, 'member');
const bert = as(B, 'member');
const olga = as(O, 'observer');

const T0 = 1_700_000_000_000;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Session documents and ballot boxes are plain JSON. */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

interface World {
  state: SessionState;
  ballots: BallotBox;
  now: number;
  effects: Effect[];
}

/** Runs a command on a frozen copy of the input, so any mutation throws. */
function run(world: World, command: SessionCommand, actor: CommandActor, extra: Partial<ReduceContext> = {}) {
  const state = deepFreeze(clone(world.state));
  const ballots = deepFreeze(clone(world.ballots));
  return reduce(state, command, { actor, now: world.now, ballots, ...extra });
}

/** Applies a command that must succeed, advancing the clock by `after` ms first. */
function step(
  world: World,
  command: SessionCommand,
  actor: CommandActor = fac,
  after = 1000,
  extra: Partial<ReduceContext> = {},
): World {
  const now = world.now + after;
  const result = run({ ...world, now }, command, actor, extra);
  if (!result.ok) throw new Error(`${command.type} failed: ${result.reason}`);
  // Every state the reducer produces is a valid session document.
  expect(sessionStateSchema.safeParse(result.state).success).toBe(true);
  return { state: result.state, ballots: result.ballots, now, effects: result.effects };
}

function steps(world: World, ...commands: [SessionCommand, CommandActor?][]): World {
  return commands.reduce((w, [c, actor]) => step(w, c, actor ?? fac), world);
}

const join = (participantId: ParticipantId, name: string, role: Role): SessionCommand => ({
  type: 'join',
  participantId,
  name,
  role,
});

/** F, A, B and the observer O have joined, in that order. */
function draftWithPeople(): World {
  return steps(
    { state: createSession(), ballots: {}, now: T0, effects: [] },
    [join(F, 'Fiona', 'facilitator'), 'server'],
    [join(A, 'Anna', 'member'), 'server'],
    [join(B, 'Bert', 'member'), 'server'],
    [join(O, 'Olga', 'observer'), 'server'],
  );
}

/** The meeting frame agenda, started. */
function meeting(): World {
  return steps(draftWithPeople(), [{ type: 'applyPreset', presetId: 'meeting-frame' }], [{ type: 'startMeeting' }]);
}

const goto = (agendaIndex: number, stepIndex: number): SessionCommand => ({ type: 'gotoStep', agendaIndex, stepIndex });
/** Meeting frame positions. */
const checkInPrep = goto(1, 0);
const checkInRound = goto(1, 1);
const clinicChoose = goto(3, 0);

const stepId = (w: World) => {
  const item = w.state.agenda[w.state.position!.agendaIndex]!;
  return builtInMethods[item.methodId]!.steps[w.state.position!.stepIndex]!.id;
};

// --- Every command × every role ---------------------------------------------------------------------

type Outcome = 'ok' | 'forbidden';
type Who = 'facilitator' | 'member' | 'observer' | 'server';
const actorsByRole: Record<Who, CommandActor> = { facilitator: fac, member: bert, observer: olga, server: 'server' };

const expectations: Record<string, Record<Who, Outcome>> = {
  facilitator: { facilitator: 'ok', member: 'forbidden', observer: 'forbidden', server: 'ok' },
  participant: { facilitator: 'ok', member: 'ok', observer: 'forbidden', server: 'forbidden' },
  speaker: { facilitator: 'ok', member: 'forbidden', observer: 'forbidden', server: 'forbidden' },
  server: { facilitator: 'forbidden', member: 'forbidden', observer: 'forbidden', server: 'ok' },
  // With the facilitator present, nobody may take over (see the claim tests for when one may).
  claim: { facilitator: 'forbidden', member: 'forbidden', observer: 'forbidden', server: 'forbidden' },
  // Outside a case anyone who writes on the board stars ideas (see the star tests for a case).
  starrer: { facilitator: 'ok', member: 'ok', observer: 'forbidden', server: 'forbidden' },
  // The plenary's case owner; a room's members choose their own room's (see the room case owner tests).
  caseChooser: { facilitator: 'ok', member: 'forbidden', observer: 'forbidden', server: 'ok' },
};

/**
 * The base: the check-in round under way with F speaking (B, the member actor, is not speaking).
 * Rows that need another situation set it up.
 */
function base(): World {
  return steps(meeting(), [checkInRound], [{ type: 'nextTurn' }]);
}

const withVote = (w: World) => step(w, { type: 'startVote', frameShapeId: 'shape:frame1', votesPerPerson: 2 });
const withRooms = (w: World) =>
  step(w, {
    type: 'openRooms',
    split: { kind: 'manual', rooms: [{ memberIds: [A] }, { memberIds: [B] }] },
    seconds: 600,
  });
const agendaId = (w: World, i: number) => w.state.agenda[i]!.instanceId;

/** Who may send each command, written out here rather than read from `commandPermissions`. */
const table: Record<
  CommandType,
  { allowed: keyof typeof expectations; command: (w: World) => SessionCommand; setup?: (w: World) => World }
> = {
  addAgendaItem: { allowed: 'facilitator', command: () => ({ type: 'addAgendaItem', methodId: 'four-ls' }) },
  removeAgendaItem: {
    allowed: 'facilitator',
    command: (w) => ({ type: 'removeAgendaItem', instanceId: agendaId(w, 4) }),
  },
  moveAgendaItem: {
    allowed: 'facilitator',
    command: (w) => ({ type: 'moveAgendaItem', instanceId: agendaId(w, 4), toIndex: 5 }),
  },
  applyPreset: {
    allowed: 'facilitator',
    setup: () => draftWithPeople(),
    command: () => ({ type: 'applyPreset', presetId: 'meeting-frame' }),
  },
  startMeeting: {
    allowed: 'facilitator',
    setup: () => step(draftWithPeople(), { type: 'applyPreset', presetId: 'meeting-frame' }),
    command: () => ({ type: 'startMeeting' }),
  },
  nextStep: { allowed: 'facilitator', command: () => ({ type: 'nextStep' }) },
  previousStep: { allowed: 'facilitator', command: () => ({ type: 'previousStep' }) },
  gotoStep: { allowed: 'facilitator', command: () => goto(3, 2) },
  endMeeting: { allowed: 'facilitator', command: () => ({ type: 'endMeeting' }) },
  startTimer: {
    allowed: 'facilitator',
    setup: (w) => steps(w, [{ type: 'setAutoStartTimers', on: false }], [clinicChoose]),
    command: () => ({ type: 'startTimer' }),
  },
  pauseTimer: { allowed: 'facilitator', command: () => ({ type: 'pauseTimer' }) },
  resumeTimer: {
    allowed: 'facilitator',
    setup: (w) => step(w, { type: 'pauseTimer' }),
    command: () => ({ type: 'resumeTimer' }),
  },
  adjustTimer: { allowed: 'facilitator', command: () => ({ type: 'adjustTimer', minutes: 1 }) },
  setAutoStartTimers: { allowed: 'facilitator', command: () => ({ type: 'setAutoStartTimers', on: false }) },
  setStepDuration: {
    allowed: 'facilitator',
    command: (w) => ({ type: 'setStepDuration', instanceId: agendaId(w, 3), stepId: 'choose-case', minutes: 7 }),
  },
  setTurnOrder: {
    allowed: 'facilitator',
    command: () => ({ type: 'setTurnOrder', order: { kind: 'fixed', participantIds: [B, A, F] } }),
  },
  nextTurn: { allowed: 'speaker', command: () => ({ type: 'nextTurn' }) },
  passTurn: { allowed: 'speaker', command: () => ({ type: 'passTurn' }) },
  previousTurn: {
    allowed: 'facilitator',
    setup: (w) => step(w, { type: 'nextTurn' }),
    command: () => ({ type: 'previousTurn' }),
  },
  giveTurn: { allowed: 'facilitator', command: () => ({ type: 'giveTurn', participantId: A }) },
  shareNotes: { allowed: 'speaker', command: () => ({ type: 'shareNotes' }) },
  chooseCaseOwner: { allowed: 'caseChooser', command: () => ({ type: 'chooseCaseOwner', participantId: A }) },
  handOverFacilitation: { allowed: 'facilitator', command: () => ({ type: 'handOverFacilitation', participantId: A }) },
  claimFacilitation: { allowed: 'claim', command: () => ({ type: 'claimFacilitation' }) },
  bringEveryoneHere: {
    allowed: 'facilitator',
    command: () => ({ type: 'bringEveryoneHere', viewport: { x: 0, y: 0, w: 1000, h: 800 } }),
  },
  spotlightFrame: { allowed: 'facilitator', command: () => ({ type: 'spotlightFrame', shapeId: 'shape:frame1' }) },
  clearFocus: { allowed: 'facilitator', command: () => ({ type: 'clearFocus' }) },
  lockShapes: { allowed: 'facilitator', command: () => ({ type: 'lockShapes', shapeIds: ['shape:a', 'shape:b'] }) },
  unlockShapes: {
    allowed: 'facilitator',
    command: (w) => ({ type: 'unlockShapes', shapeIds: [w.state.lockedShapeIds[0]!] }),
  },
  raiseHand: { allowed: 'participant', command: () => ({ type: 'raiseHand' }) },
  lowerHand: { allowed: 'participant', command: () => ({ type: 'lowerHand' }) },
  react: { allowed: 'participant', command: () => ({ type: 'react', reaction: 'heart' }) },
  markDone: { allowed: 'participant', setup: (w) => step(w, checkInPrep), command: () => ({ type: 'markDone' }) },
  markUndone: { allowed: 'participant', setup: (w) => step(w, checkInPrep), command: () => ({ type: 'markUndone' }) },
  startVote: {
    allowed: 'facilitator',
    command: () => ({ type: 'startVote', frameShapeId: 'shape:frame1', votesPerPerson: 3 }),
  },
  castVote: {
    allowed: 'participant',
    setup: withVote,
    command: () => ({ type: 'castVote', voteId: 'vote-1', shapeId: 'shape:note1' }),
  },
  withdrawVote: {
    allowed: 'participant',
    setup: (w) =>
      steps(
        withVote(w),
        [{ type: 'castVote', voteId: 'vote-1', shapeId: 'shape:note1' }, fac],
        [{ type: 'castVote', voteId: 'vote-1', shapeId: 'shape:note1' }, bert],
      ),
    command: () => ({ type: 'withdrawVote', voteId: 'vote-1', shapeId: 'shape:note1' }),
  },
  closeVote: { allowed: 'facilitator', setup: withVote, command: () => ({ type: 'closeVote', voteId: 'vote-1' }) },
  revealNotes: { allowed: 'facilitator', command: () => ({ type: 'revealNotes', target: { kind: 'step' } }) },
  starNote: { allowed: 'starrer', command: () => ({ type: 'starNote', shapeId: 'shape:note1', starred: true }) },
  markAction: {
    allowed: 'participant',
    command: () => ({
      type: 'markAction',
      shapeId: 'shape:note1',
      action: { ownerParticipantId: A, dueDate: '2026-04-01' },
    }),
  },
  join: { allowed: 'server', command: () => join('member-late' as ParticipantId, 'Late', 'member') },
  leave: { allowed: 'server', command: () => ({ type: 'leave', participantId: A }) },
  openRooms: {
    allowed: 'facilitator',
    command: () => ({ type: 'openRooms', split: { kind: 'mixed', rooms: 2 }, seconds: 600 }),
  },
  moveToRoom: {
    allowed: 'facilitator',
    setup: withRooms,
    command: (w) => ({ type: 'moveToRoom', participantId: A, room: w.state.breakout!.rooms[1]!.n }),
  },
  broadcastToRooms: {
    allowed: 'facilitator',
    setup: withRooms,
    command: () => ({ type: 'broadcastToRooms', text: 'Two minutes left' }),
  },
  adjustRoomTime: {
    allowed: 'facilitator',
    setup: withRooms,
    command: () => ({ type: 'adjustRoomTime', seconds: 60 }),
  },
  rotateRooms: { allowed: 'facilitator', setup: withRooms, command: () => ({ type: 'rotateRooms' }) },
  closeRooms: { allowed: 'facilitator', setup: withRooms, command: () => ({ type: 'closeRooms' }) },
};

describe('every command and every role', () => {
  it('covers every command type, with the permissions the reducer declares', () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(commandPermissions).sort());
    for (const type of Object.keys(table) as CommandType[])
      expect(commandPermissions[type], type).toBe(table[type].allowed);
  });

  const rows = (Object.keys(table) as CommandType[]).flatMap((type) =>
    (Object.keys(actorsByRole) as Who[]).map((who) => [type, who, expectations[table[type].allowed]![who]] as const),
  );

  it.each(rows)('%s by %s: %s', (type, who, expected) => {
    const row = table[type];
    const world = (row.setup ?? ((w: World) => w))(base());
    const command = row.command(world);
    expect(sessionCommandSchema.safeParse(command).success).toBe(true);
    const result = run(world, command, actorsByRole[who]);
    if (expected === 'ok') {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    } else {
      expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });

  it('lets a member end their own turn when they are the speaker', () => {
    const w = step(base(), { type: 'nextTurn' });
    expect(run(w, { type: 'nextTurn' }, anna)).toMatchObject({ ok: true });
    expect(run(w, { type: 'passTurn' }, anna)).toMatchObject({ ok: true });
    expect(run(w, { type: 'previousTurn' }, anna)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('lets only the case owner star ideas in a case, and records who set a mark', () => {
    const clinic = steps(meeting(), [clinicChoose], [{ type: 'chooseCaseOwner', participantId: A }]);
    expect(run(clinic, { type: 'starNote', shapeId: 'shape:n', starred: true }, fac)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(run(clinic, { type: 'starNote', shapeId: 'shape:n', starred: true }, anna)).toMatchObject({
      ok: true,
      effects: [{ kind: 'setMark', shapeId: 'shape:n', by: A, mark: { kind: 'star', starred: true } }],
    });
    const action = { ownerParticipantId: F, dueDate: null };
    expect(run(clinic, { type: 'markAction', shapeId: 'shape:n', action }, bert)).toMatchObject({
      ok: true,
      effects: [{ kind: 'setMark', by: B, mark: { kind: 'action', action } }],
    });
    // Only notes on the board, and only a participant of the meeting as the owner.
    expect(
      reduce(
        clinic.state,
        { type: 'starNote', shapeId: 'shape:n', starred: true },
        { actor: anna, now: 0, isMarkable: () => false },
      ),
    ).toMatchObject({ ok: false, code: 'invalid' });
    const stranger = { ownerParticipantId: 'nobody-here' as ParticipantId, dueDate: null };
    expect(run(clinic, { type: 'markAction', shapeId: 'shape:n', action: stranger }, bert)).toMatchObject({
      ok: false,
      code: 'invalid',
    });
  });

  it('lets only the facilitator lower someone else’s hand', () => {
    const w = step(base(), { type: 'raiseHand' }, anna);
    expect(run(w, { type: 'lowerHand', participantId: A }, bert)).toMatchObject({ ok: false, code: 'forbidden' });
    const lowered = run(w, { type: 'lowerHand', participantId: A }, fac);
    expect(lowered.ok && lowered.state.hands).toEqual([]);
  });

  it('keeps presence commands out of what a browser may send', () => {
    expect(
      clientCommandSchema.safeParse({ type: 'join', participantId: A, name: 'x', role: 'facilitator' }).success,
    ).toBe(false);
    expect(clientCommandSchema.safeParse({ type: 'leave', participantId: A }).success).toBe(false);
    expect(clientCommandSchema.safeParse({ type: 'nextStep' }).success).toBe(true);
  });

  it('rejects unbounded or malformed payloads', () => {
    const tooMany = Array.from({ length: 201 }, (_, i) => `shape:s${i}`);
    expect(clientCommandSchema.safeParse({ type: 'lockShapes', shapeIds: tooMany }).success).toBe(false);
    expect(clientCommandSchema.safeParse({ type: 'adjustTimer', minutes: 0 }).success).toBe(false);
    expect(clientCommandSchema.safeParse({ type: 'adjustTimer', minutes: 61 }).success).toBe(false);
    expect(clientCommandSchema.safeParse({ type: 'nextStep', extra: 1 }).success).toBe(false);
    expect(clientCommandSchema.safeParse({ type: 'spotlightFrame', shapeId: 'javascript:x' }).success).toBe(false);
    expect(
      clientCommandSchema.safeParse({ type: 'castVote', voteId: 'vote-1', shapeId: 'shape:' + 'x'.repeat(200) })
        .success,
    ).toBe(false);
  });
});

// --- Behaviour ------------------------------------------------------------------------------------

describe('agenda', () => {
  it('builds the meeting frame and gives every item its own instance id', () => {
    const w = step(draftWithPeople(), { type: 'applyPreset', presetId: 'meeting-frame' });
    expect(w.state.agenda.map((i) => i.methodId)).toEqual([
      'welcome',
      'check-in-round',
      'goal-recap',
      'problem-clinic',
      'reflection',
      'next-meeting',
    ]);
    expect(new Set(w.state.agenda.map((i) => i.instanceId)).size).toBe(6);
  });

  it('adds, moves and removes items, keeping the position on the current item', () => {
    let w = step(meeting(), goto(2, 1)); // goal recap
    w = step(w, { type: 'addAgendaItem', methodId: 'four-ls', index: 0 });
    expect(w.state.agenda[0]!.methodId).toBe('four-ls');
    expect(w.state.position).toEqual({ agendaIndex: 3, stepIndex: 1 });
    w = step(w, { type: 'moveAgendaItem', instanceId: w.state.agenda[3]!.instanceId, toIndex: 0 });
    expect(w.state.agenda[0]!.methodId).toBe('goal-recap');
    expect(w.state.position).toEqual({ agendaIndex: 0, stepIndex: 1 });
    w = step(w, { type: 'removeAgendaItem', instanceId: w.state.agenda[1]!.instanceId });
    expect(w.state.position).toEqual({ agendaIndex: 0, stepIndex: 1 });
    expect(run(w, { type: 'removeAgendaItem', instanceId: w.state.agenda[0]!.instanceId }, fac)).toMatchObject({
      ok: false,
      code: 'invalid',
    });
  });

  it('never reuses an instance id after a removal', () => {
    let w = step(draftWithPeople(), { type: 'addAgendaItem', methodId: 'welcome' });
    const first = w.state.agenda[0]!.instanceId;
    w = step(w, { type: 'removeAgendaItem', instanceId: first });
    w = step(w, { type: 'addAgendaItem', methodId: 'welcome' });
    expect(w.state.agenda[0]!.instanceId).not.toBe(first);
  });

  it('refuses unknown methods, presets while running, and a full agenda', () => {
    const w = meeting();
    expect(run(w, { type: 'addAgendaItem', methodId: 'no-such-method' }, fac)).toMatchObject({ code: 'invalid' });
    expect(run(w, { type: 'applyPreset', presetId: 'meeting-frame' }, fac)).toMatchObject({ code: 'invalid' });
    let full = draftWithPeople();
    for (let i = 0; i < 24; i++) full = step(full, { type: 'addAgendaItem', methodId: 'welcome' });
    expect(run(full, { type: 'addAgendaItem', methodId: 'welcome' }, fac)).toMatchObject({ code: 'invalid' });
  });

  it('cannot start an empty meeting', () => {
    expect(run(draftWithPeople(), { type: 'startMeeting' }, fac)).toMatchObject({ ok: false, code: 'invalid' });
  });
});

describe('step navigation', () => {
  it('starts at the first step and walks across agenda items both ways', () => {
    let w = meeting();
    expect(w.state.status).toBe('running');
    expect(w.state.position).toEqual({ agendaIndex: 0, stepIndex: 0 });
    w = step(w, { type: 'nextStep' });
    expect(w.state.position).toEqual({ agendaIndex: 1, stepIndex: 0 });
    expect(stepId(w)).toBe('silent-prep');
    w = step(w, { type: 'previousStep' });
    expect(w.state.position).toEqual({ agendaIndex: 0, stepIndex: 0 });
    w = step(w, goto(2, 0));
    w = step(w, { type: 'previousStep' });
    expect(w.state.position).toEqual({ agendaIndex: 1, stepIndex: 2 });
  });

  it('refuses to go before the first or past the last step, and out-of-range gotos', () => {
    const w = meeting();
    expect(run(w, { type: 'previousStep' }, fac)).toMatchObject({ ok: false, code: 'invalid' });
    const last = step(w, goto(5, 0));
    expect(run(last, { type: 'nextStep' }, fac)).toMatchObject({ ok: false, code: 'invalid' });
    expect(run(w, goto(6, 0), fac)).toMatchObject({ ok: false, code: 'invalid' });
    expect(run(w, goto(3, 7), fac)).toMatchObject({ ok: false, code: 'invalid' });
    expect(run(w, goto(3, 6), fac)).toMatchObject({ ok: true });
  });

  it('refuses a stale next so a double click does not skip a step', () => {
    const w = step(meeting(), { type: 'nextStep', from: { agendaIndex: 0, stepIndex: 0 } });
    expect(run(w, { type: 'nextStep', from: { agendaIndex: 0, stepIndex: 0 } }, fac)).toMatchObject({
      ok: false,
      reason: 'the meeting has already moved on',
    });
  });

  it('resets per-step state on entering a step', () => {
    let w = step(meeting(), checkInPrep);
    w = step(w, { type: 'markDone' }, anna);
    w = step(w, { type: 'pauseTimer' });
    w = step(w, { type: 'spotlightFrame', shapeId: 'shape:x' });
    w = step(w, { type: 'raiseHand' }, bert);
    w = step(w, { type: 'nextStep' });
    expect(w.state.done).toEqual([]);
    expect(w.state.timer).toEqual({ state: 'running', durationMs: 3 * 120_000, startedAt: w.now, remainingMs: null });
    expect(w.state.turns.order).toEqual([F, A, B]);
    expect(w.state.turns.currentIndex).toBeNull();
    expect(w.state.focus.target).toBeNull();
    // A raised hand is a wish to speak, which outlives the step.
    expect(w.state.hands.map((h) => h.participantId)).toEqual([B]);
  });

  it('ends the meeting and then refuses everything but presence', () => {
    let w = step(base(), { type: 'endMeeting' });
    expect(w.state.status).toBe('ended');
    expect(w.state.talkMs[F]).toBe(1000);
    expect(run(w, { type: 'nextStep' }, fac)).toMatchObject({ ok: false, code: 'invalid' });
    expect(run(w, { type: 'raiseHand' }, anna)).toMatchObject({ ok: false, code: 'invalid' });
    w = step(w, { type: 'leave', participantId: A }, 'server');
    expect(w.state.participants.find((p) => p.id === A)?.present).toBe(false);
  });

  it('logs when each step was entered and left, going back included, and closes the last visit at the end', () => {
    let w = meeting();
    const start = w.now;
    w = step(w, { type: 'nextStep' }, fac, 60_000);
    w = step(w, { type: 'previousStep' }, fac, 30_000);
    w = step(w, { type: 'endMeeting' }, fac, 5_000);
    const first = w.state.agenda[0]!.instanceId;
    const second = w.state.agenda[1]!.instanceId;
    expect(w.state.stepLog).toEqual([
      { instanceId: first, stepId: 'welcome', enteredAt: start, leftAt: start + 60_000 },
      { instanceId: second, stepId: 'silent-prep', enteredAt: start + 60_000, leftAt: start + 90_000 },
      { instanceId: first, stepId: 'welcome', enteredAt: start + 90_000, leftAt: start + 95_000 },
    ]);
  });

  it('keeps the step log bounded, dropping the oldest visits', () => {
    let w = meeting();
    for (let i = 0; i < facilitationLimits.stepVisits + 5; i++) w = step(w, goto(i % 2, 0), fac, 1000);
    const log = w.state.stepLog;
    expect(log).toHaveLength(facilitationLimits.stepVisits);
    expect(log.at(-1)).toMatchObject({ enteredAt: w.now, leftAt: null });
    expect(log.filter((v) => v.leftAt === null)).toHaveLength(1);
  });

  it('goes on logging in a session stored before the step log, once migrated', () => {
    const { stepLog: _, ...old } = meeting().state;
    const read = sessionFormat.read({ ...old, version: 1 });
    if (!read.ok) throw new Error(read.reason);
    const w = step({ state: read.value, ballots: {}, now: T0 + 10_000, effects: [] }, { type: 'nextStep' });
    expect(w.state.stepLog).toHaveLength(1);
  });

  it('refuses live commands before the meeting starts', () => {
    const w = draftWithPeople();
    for (const command of [{ type: 'nextStep' }, { type: 'startTimer' }, { type: 'markDone' }] as const) {
      expect(run(w, command, fac)).toMatchObject({ ok: false, code: 'invalid' });
    }
  });
});

describe('board layouts', () => {
  const placed = (w: World) => w.effects.filter((e) => e.kind === 'placeLayout');

  it('places a step layout once per agenda item, however often the step is entered', () => {
    let w = step(meeting(), goto(3, 1)); // problem clinic: present the case
    expect(placed(w)).toEqual([
      {
        kind: 'placeLayout',
        step: { instanceId: w.state.agenda[3]!.instanceId, methodId: 'problem-clinic', stepId: 'present-case' },
      },
    ]);
    w = step(w, { type: 'nextStep' });
    expect(placed(w)).toHaveLength(1);
    w = step(w, { type: 'previousStep' });
    expect(placed(w)).toEqual([]);
    w = step(w, { type: 'nextStep' });
    expect(placed(w)).toEqual([]);
  });

  it('places the layout again for a second agenda item of the same method', () => {
    let w = step(meeting(), { type: 'addAgendaItem', methodId: 'problem-clinic' });
    w = step(w, goto(3, 1));
    w = step(w, goto(6, 1));
    expect(placed(w)).toHaveLength(1);
    expect(w.state.placedLayouts.filter((k) => k.endsWith('/present-case'))).toHaveLength(2);
  });

  it('locks the template structure it places', () => {
    const w = step(meeting(), goto(3, 1));
    const instance = w.state.agenda[3]!.instanceId;
    expect(w.state.lockedShapeIds).toEqual(
      expect.arrayContaining([layoutShapeId(instance, 'case-summary'), layoutShapeId(instance, 'prompt-situation')]),
    );
    const unlocked = step(w, { type: 'unlockShapes', shapeIds: [layoutShapeId(instance, 'case-summary')] });
    expect(unlocked.state.lockedShapeIds).not.toContain(layoutShapeId(instance, 'case-summary'));
  });

  it('asks for the group goals in the goal recap', () => {
    const w = step(meeting(), goto(2, 0));
    const stepRef = placed(w)[0];
    expect(stepRef).toBeDefined();
    expect(builtInMethods['goal-recap']!.steps[0]!.needsGroupGoals).toBe(true);
  });
});

describe('timer', () => {
  // A five-minute open step, with timers that wait for the facilitator.
  const clinicClock = () => steps(meeting(), [{ type: 'setAutoStartTimers', on: false }], [clinicChoose]);

  it('starts the step timer when the step starts, so nobody has to press start', () => {
    const w = step(meeting(), clinicChoose, fac, 0);
    expect(w.state.timer).toEqual({ state: 'running', durationMs: 300_000, startedAt: w.now, remainingMs: null });
    // The first step too, when the meeting starts.
    const first = step(step(draftWithPeople(), { type: 'applyPreset', presetId: 'meeting-frame' }), {
      type: 'startMeeting',
    });
    expect(first.state.timer.state).toBe('running');
  });

  it('leaves the timer idle when the meeting or the method turns the automatic start off', () => {
    const off = steps(meeting(), [{ type: 'setAutoStartTimers', on: false }], [clinicChoose]);
    expect(off.state.timer).toMatchObject({ state: 'idle', durationMs: 300_000 });
    const clinic = builtInMethods['problem-clinic']!;
    const methods = { ...builtInMethods, [clinic.id]: { ...clinic, autoStartTimer: false } };
    const manual = step(meeting(), clinicChoose, fac, 1000, { methods });
    expect(manual.state.timer.state).toBe('idle');
    // Another method's steps still start by themselves.
    expect(step(manual, checkInPrep, fac, 1000, { methods }).state.timer.state).toBe('running');
  });

  it('keeps counting past zero, so the overrun can be shown', () => {
    const w = step(meeting(), clinicChoose, fac, 0);
    expect(overtimeMs(w.state.timer, w.now + 300_000 + 80_000)).toBe(80_000);
    expect(formatOvertime(80_000)).toBe('+01:20');
    expect(overtimeMs(w.state.timer, w.now + 10_000)).toBe(0);
  });

  it('plans step durations before and during the meeting; the current step’s timer follows', () => {
    let w = step(draftWithPeople(), { type: 'applyPreset', presetId: 'meeting-frame' });
    const clinic = agendaId(w, 3);
    w = step(w, { type: 'setStepDuration', instanceId: clinic, stepId: 'choose-case', minutes: 8 });
    expect(w.state.stepDurations).toEqual({ [`${clinic}/choose-case`]: 480 });
    w = steps(w, [{ type: 'startMeeting' }], [clinicChoose]);
    expect(w.state.timer).toMatchObject({ state: 'running', durationMs: 480_000 });
    w = step(w, { type: 'setStepDuration', instanceId: clinic, stepId: 'choose-case', minutes: 10 }, fac, 60_000);
    expect(remainingMs(w.state.timer, w.now)).toBe(540_000);
    expect(
      run(w, { type: 'setStepDuration', instanceId: clinic, stepId: 'no-such-step', minutes: 3 }, fac),
    ).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('plans a step to the second when seconds are given on top of the minutes (a rehearsal’s shorter steps)', () => {
    let w = step(draftWithPeople(), { type: 'applyPreset', presetId: 'meeting-frame' });
    const clinic = agendaId(w, 3);
    w = step(w, { type: 'setStepDuration', instanceId: clinic, stepId: 'choose-case', minutes: 0, seconds: 30 });
    expect(w.state.stepDurations).toEqual({ [`${clinic}/choose-case`]: 30 });
    w = steps(w, [{ type: 'startMeeting' }], [clinicChoose]);
    expect(w.state.timer).toMatchObject({ state: 'running', durationMs: 30_000 });
  });

  it('drives the step timer and the turn timer with one control each', () => {
    let w = step(meeting(), checkInRound, fac, 0);
    w = step(w, { type: 'nextTurn' }, fac, 0);
    w = step(w, { type: 'pauseTimer', timer: 'turn' }, fac, 10_000);
    expect(w.state.turns.timer.state).toBe('paused');
    expect(w.state.timer.state).toBe('running');
    w = step(w, { type: 'pauseTimer', timer: 'step' }, fac, 0);
    expect(w.state.timer.state).toBe('paused');
    w = step(w, { type: 'resumeTimer', timer: 'step' }, fac, 0);
    expect(w.state.timer.state).toBe('running');
    expect(w.state.turns.timer.state).toBe('paused');
    w = step(w, { type: 'resumeTimer', timer: 'turn' }, fac, 0);
    expect(remainingMs(w.state.turns.timer, w.now)).toBe(110_000);
    // In a round-robin step the step timer can be started on its own.
    let manual = steps(meeting(), [{ type: 'setAutoStartTimers', on: false }], [checkInRound], [{ type: 'nextTurn' }]);
    manual = step(manual, { type: 'startTimer', timer: 'step' }, fac, 0);
    expect(manual.state.timer).toMatchObject({ state: 'running', durationMs: 3 * 120_000 });
    expect(manual.state.turns.timer.state).toBe('running');
  });

  it('starts, pauses, resumes and adjusts with injected time', () => {
    let w = step(clinicClock(), { type: 'startTimer' }, fac, 0);
    expect(w.state.timer).toMatchObject({ state: 'running', durationMs: 300_000, startedAt: w.now });
    const started = w.now;
    w = step(w, { type: 'pauseTimer' }, fac, 60_000);
    expect(w.state.timer).toMatchObject({ state: 'paused', remainingMs: 240_000 });
    w = step(w, { type: 'resumeTimer' }, fac, 600_000); // a long break does not count
    expect(remainingMs(w.state.timer, w.now)).toBe(240_000);
    expect(remainingMs(w.state.timer, w.now + 40_000)).toBe(200_000);
    w = step(w, { type: 'adjustTimer', minutes: 2 }, fac, 40_000);
    expect(remainingMs(w.state.timer, w.now)).toBe(320_000);
    w = step(w, { type: 'adjustTimer', minutes: -1 }, fac, 0);
    expect(remainingMs(w.state.timer, w.now)).toBe(260_000);
    expect(w.now - started).toBe(700_000);
  });

  it('does not advance the step when time runs out', () => {
    let w = step(clinicClock(), { type: 'startTimer' }, fac, 0);
    const position = w.state.position;
    // Nothing happens without a command; the next command still finds the same step.
    w = step(w, { type: 'raiseHand' }, anna, 10 * 60_000);
    expect(remainingMs(w.state.timer, w.now)).toBe(0);
    expect(w.state.position).toEqual(position);
    w = step(w, { type: 'pauseTimer' }, fac, 0);
    expect(w.state.timer.state).toBe('finished');
    expect(w.state.position).toEqual(position);
    w = step(w, { type: 'adjustTimer', minutes: 1 }, fac, 0);
    expect(w.state.timer).toMatchObject({ state: 'running' });
    expect(remainingMs(w.state.timer, w.now)).toBe(60_000);
  });

  it('refuses to resume a running timer or start one twice', () => {
    const w = step(clinicClock(), { type: 'startTimer' });
    expect(run(w, { type: 'startTimer' }, fac)).toMatchObject({ ok: false, code: 'invalid' });
    expect(run(w, { type: 'resumeTimer' }, fac)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('pauses and resumes the per-turn countdown with the step timer', () => {
    let w = step(base(), { type: 'pauseTimer' }, fac, 30_000);
    expect(w.state.timer.state).toBe('paused');
    expect(w.state.turns.timer).toMatchObject({ state: 'paused', remainingMs: 90_000 });
    w = step(w, { type: 'resumeTimer' }, fac, 5_000);
    expect(remainingMs(w.state.turns.timer, w.now)).toBe(90_000);
  });
});

describe('round-robin', () => {
  const speaker = (w: World) => {
    const i = w.state.turns.currentIndex;
    return i === null ? null : w.state.turns.order[i];
  };

  it('builds the order from present members in join order, without observers', () => {
    const w = step(meeting(), checkInRound);
    expect(w.state.turns.order).toEqual([F, A, B]);
    expect(speaker(w)).toBeNull();
  });

  it('moves next, passes, goes back and finishes the round', () => {
    let w = step(meeting(), checkInRound);
    w = step(w, { type: 'nextTurn' });
    expect(speaker(w)).toBe(F);
    w = step(w, { type: 'nextTurn' });
    expect(speaker(w)).toBe(A);
    w = step(w, { type: 'passTurn' }, anna);
    expect(speaker(w)).toBe(B);
    expect(w.state.turns.passed).toEqual([A]);
    w = step(w, { type: 'previousTurn' });
    expect(speaker(w)).toBe(A);
    expect(w.state.turns.passed).toEqual([]);
    w = steps(w, [{ type: 'nextTurn' }], [{ type: 'nextTurn' }, bert]);
    expect(w.state.turns.roundDone).toBe(true);
    expect(speaker(w)).toBeNull();
    expect(run(w, { type: 'nextTurn' }, fac)).toMatchObject({ ok: false, code: 'invalid' });
    w = step(w, { type: 'previousTurn' });
    expect(speaker(w)).toBe(B);
  });

  it('refuses back before the first turn and a pass with nobody speaking', () => {
    const w = step(meeting(), checkInRound);
    expect(run(w, { type: 'previousTurn' }, fac)).toMatchObject({ ok: false, code: 'invalid' });
    expect(run(w, { type: 'passTurn' }, fac)).toMatchObject({ ok: false, code: 'invalid' });
    const first = step(w, { type: 'nextTurn' });
    expect(run(first, { type: 'previousTurn' }, fac)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('refuses a stale turn move so a double click does not skip a speaker', () => {
    const w = step(base(), { type: 'nextTurn', speakerId: F });
    expect(run(w, { type: 'nextTurn', speakerId: F }, fac)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('appends late joiners and skips people who left', () => {
    let w = step(base(), join('member-late' as ParticipantId, 'Lea', 'member'), 'server');
    expect(w.state.turns.order).toEqual([F, A, B, 'member-late']);
    w = step(w, join('observer-late' as ParticipantId, 'Otto', 'observer'), 'server');
    expect(w.state.turns.order).toHaveLength(4);
    w = step(w, { type: 'leave', participantId: A }, 'server');
    w = step(w, { type: 'nextTurn' });
    expect(speaker(w)).toBe(B);
    // Coming back keeps their place instead of sending them to the end.
    w = step(w, join(A, 'Anna', 'member'), 'server');
    expect(w.state.turns.order).toEqual([F, A, B, 'member-late']);
  });

  it('accumulates talk time when the turn moves, per step and over the meeting', () => {
    let w = step(meeting(), checkInRound);
    w = step(w, { type: 'nextTurn' }, fac, 0);
    w = step(w, { type: 'nextTurn' }, fac, 90_000); // F spoke 90 s
    w = step(w, { type: 'passTurn' }, anna, 5_000); // A held it 5 s
    w = step(w, { type: 'giveTurn', participantId: F }, fac, 30_000); // B spoke 30 s, F again
    w = step(w, { type: 'nextStep' }, fac, 10_000); // F 10 s more
    expect(w.state.talkMs).toEqual({ [F]: 100_000, [A]: 5_000, [B]: 30_000 });
    expect(w.state.turns.talkMs).toEqual({});
    w = step(w, goto(1, 1), fac, 0);
    w = steps(w, [{ type: 'nextTurn' }]);
    w = step(w, { type: 'nextTurn' }, fac, 20_000);
    expect(w.state.turns.talkMs).toEqual({ [F]: 20_000 });
    expect(w.state.talkMs[F]).toBe(120_000);
  });

  it('runs a per-turn countdown and sizes the step timer by speakers', () => {
    let w = step(meeting(), checkInRound);
    expect(w.state.timer.durationMs).toBe(3 * 120_000);
    w = step(w, { type: 'nextTurn' }, fac, 0);
    expect(w.state.turns.timer).toMatchObject({ state: 'running', durationMs: 120_000, startedAt: w.now });
  });

  it('reveals a speaker’s check-in note at their own share, not when the turn is given', () => {
    let w = steps(meeting(), [checkInRound], [{ type: 'nextTurn' }], [{ type: 'nextTurn' }]);
    expect(w.effects).toEqual([]);
    const ref = { instanceId: w.state.agenda[1]!.instanceId, methodId: 'check-in-round', stepId: 'round' };
    w = step(w, { type: 'shareNotes', speakerId: A }, anna);
    expect(w.effects).toEqual([{ kind: 'revealPrivateNotes', participantIds: [A], step: ref }]);
    expect(w.state.turns.shared).toEqual([A]);
    // Someone else cannot share Anna's notes, nor their own out of turn.
    expect(run(w, { type: 'shareNotes' }, bert)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('keeps the notes of a speaker who passes private', () => {
    let w = steps(meeting(), [checkInRound], [{ type: 'nextTurn' }], [{ type: 'nextTurn' }]);
    w = step(w, { type: 'passTurn' }, anna);
    expect(w.effects).toEqual([]);
    w = step(w, { type: 'nextTurn' }, bert);
    expect(w.effects).toEqual([]);
    expect(w.state.turns.shared ?? []).toEqual([]);
    // A share that crossed the pass is refused rather than revealing the next speaker's notes.
    expect(run(w, { type: 'shareNotes', speakerId: A }, fac)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('offers no sharing in a round without revealOnTurn', () => {
    let w = step(meeting(), goto(2, 1)); // goal recap progress round
    w = step(w, { type: 'nextTurn' });
    expect(w.effects).toEqual([]);
    expect(run(w, { type: 'shareNotes' }, fac)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('sets a fixed order, appending whoever was left out, and keeps the current speaker', () => {
    let w = step(base(), { type: 'setTurnOrder', order: { kind: 'fixed', participantIds: [B, F] } });
    expect(w.state.turns.order).toEqual([B, F, A]);
    expect(speaker(w)).toBe(F);
    w = step(w, { type: 'nextTurn' });
    expect(speaker(w)).toBe(A);
    expect(run(w, { type: 'setTurnOrder', order: { kind: 'fixed', participantIds: [O] } }, fac)).toMatchObject({
      code: 'invalid',
    });
    expect(run(w, { type: 'setTurnOrder', order: { kind: 'fixed', participantIds: [A, A] } }, fac)).toMatchObject({
      code: 'invalid',
    });
  });

  it('shuffles deterministically from a seed or the injected random source', () => {
    const w = step(meeting(), checkInRound);
    const bySeed = (seed: number) =>
      step(w, { type: 'setTurnOrder', order: { kind: 'shuffled', seed } }).state.turns.order;
    expect(bySeed(42)).toEqual(bySeed(42));
    expect([...bySeed(42)].sort()).toEqual([A, F, B].sort());
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => bySeed(s).join()));
    expect(orders.size).toBeGreaterThan(1);
    const withRandom = step(w, { type: 'setTurnOrder', order: { kind: 'shuffled' } }, fac, 0, { random: () => 0.5 });
    expect(withRandom.state.turns.order).toEqual(bySeed(0x80000000));
    expect(run(w, { type: 'setTurnOrder', order: { kind: 'shuffled' } }, fac)).toMatchObject({ code: 'invalid' });
  });

  it('refuses turn commands outside round-robin steps', () => {
    const w = step(meeting(), clinicChoose);
    expect(run(w, { type: 'nextTurn' }, fac)).toMatchObject({ ok: false, code: 'invalid' });
  });
});

describe('case owner and facilitation', () => {
  it('records the case owner per agenda item', () => {
    let w = step(meeting(), clinicChoose);
    w = step(w, { type: 'chooseCaseOwner', participantId: A });
    expect(w.state.caseOwners).toEqual({ [w.state.agenda[3]!.instanceId]: A });
    expect(run(w, { type: 'chooseCaseOwner', participantId: O }, fac)).toMatchObject({ code: 'invalid' });
    w = step(w, { type: 'chooseCaseOwner', participantId: null });
    expect(w.state.caseOwners).toEqual({});
  });

  it('keeps the plenary case owner the facilitator’s to choose', () => {
    const w = step(meeting(), clinicChoose);
    expect(run(w, { type: 'chooseCaseOwner', participantId: A }, anna)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(run(w, { type: 'chooseCaseOwner', participantId: A }, olga)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('hands facilitation over: the new facilitator gains the powers and the old one loses them', () => {
    let w = step(base(), { type: 'handOverFacilitation', participantId: A });
    expect(w.state.facilitatorId).toBe(A);
    expect(meetingRole(fac, w.state)).toBe('member');
    expect(meetingRole(anna, w.state)).toBe('facilitator');
    expect(run(w, { type: 'nextStep' }, fac)).toMatchObject({ ok: false, code: 'forbidden' });
    w = step(w, { type: 'nextStep' }, anna);
    expect(stepId(w)).toBe('themes');
    // The old facilitator may still do what members do.
    expect(run(w, { type: 'raiseHand' }, fac)).toMatchObject({ ok: true });
  });

  it('refuses to hand over to someone absent, an observer or an unknown id', () => {
    const w = step(base(), { type: 'leave', participantId: A }, 'server');
    for (const participantId of [A, O, 'nobody-here' as ParticipantId]) {
      expect(run(w, { type: 'handOverFacilitation', participantId }, fac)).toMatchObject({
        ok: false,
        code: 'invalid',
      });
    }
  });

  it('lets the first holder of the facilitator role facilitate, and another take over only when they are gone', () => {
    let w = step(base(), join(F2, 'Fred', 'facilitator'), 'server');
    const fred = as(F2, 'facilitator');
    expect(w.state.facilitatorId).toBe(F);
    expect(meetingRole(fred, w.state)).toBe('member');
    expect(run(w, { type: 'claimFacilitation' }, fred)).toMatchObject({ ok: false, code: 'forbidden' });
    w = step(w, { type: 'leave', participantId: F }, 'server');
    expect(run(w, { type: 'claimFacilitation' }, anna)).toMatchObject({ ok: false, code: 'forbidden' });
    w = step(w, { type: 'claimFacilitation' }, fred);
    expect(w.state.facilitatorId).toBe(F2);
    expect(meetingRole(fac, w.state)).toBe('member');
  });

  it('uses the token role until someone facilitates the meeting', () => {
    const w = step({ state: createSession(), ballots: {}, now: T0, effects: [] }, join(A, 'Anna', 'member'), 'server');
    expect(w.state.facilitatorId).toBeNull();
    expect(meetingRole(anna, w.state)).toBe('member');
    expect(meetingRole(fac, w.state)).toBe('facilitator');
    expect(run(w, { type: 'addAgendaItem', methodId: 'welcome' }, anna)).toMatchObject({ code: 'forbidden' });
    const started = steps(w, [{ type: 'addAgendaItem', methodId: 'welcome' }], [{ type: 'startMeeting' }]);
    expect(started.state.facilitatorId).toBe(F);
  });
});

describe('hands, reactions and done', () => {
  it('queues raised hands in the order they were raised', () => {
    let w = steps(base(), [{ type: 'raiseHand' }, bert], [{ type: 'raiseHand' }, anna], [{ type: 'raiseHand' }, bert]);
    expect(w.state.hands.map((h) => h.participantId)).toEqual([B, A]);
    w = step(w, { type: 'lowerHand' }, bert);
    expect(w.state.hands.map((h) => h.participantId)).toEqual([A]);
    w = steps(w, [{ type: 'raiseHand' }, bert]);
    expect(w.state.hands.map((h) => h.participantId)).toEqual([A, B]);
    w = step(w, { type: 'leave', participantId: A }, 'server');
    expect(w.state.hands.map((h) => h.participantId)).toEqual([B]);
  });

  it('turns a reaction into an effect and leaves the state alone', () => {
    const before = base();
    const w = step(before, { type: 'react', reaction: 'clap' }, anna, 0);
    expect(w.state).toEqual(before.state);
    expect(w.effects).toEqual([{ kind: 'reaction', participantId: A, reaction: 'clap', at: w.now }]);
  });

  it('keeps the done set of a silent step', () => {
    let w = step(meeting(), checkInPrep);
    w = steps(w, [{ type: 'markDone' }, anna], [{ type: 'markDone' }, bert], [{ type: 'markDone' }, anna]);
    expect(w.state.done).toEqual([A, B]);
    w = step(w, { type: 'markUndone' }, anna);
    expect(w.state.done).toEqual([B]);
    const open = step(w, clinicChoose);
    expect(run(open, { type: 'markDone' }, anna)).toMatchObject({ ok: false, code: 'invalid' });
  });
});

describe('dot voting', () => {
  const cast = (shapeId: string): SessionCommand => ({ type: 'castVote', voteId: 'vote-1', shapeId });
  const voting = () =>
    step(step(meeting(), clinicChoose), { type: 'startVote', frameShapeId: 'shape:queue', votesPerPerson: 2 });

  it('keeps ballots out of the public state and counts them at close', () => {
    let w = voting();
    w = steps(w, [cast('shape:n1'), anna], [cast('shape:n1'), anna], [cast('shape:n2'), bert], [cast('shape:n1'), fac]);
    expect(JSON.stringify(w.state)).not.toContain('shape:n1');
    expect(ownBallot(w.ballots, 'vote-1', A)).toEqual(['shape:n1', 'shape:n1']);
    expect(ballotBoxSchema.safeParse(w.ballots).success).toBe(true);
    w = step(w, { type: 'closeVote', voteId: 'vote-1' });
    expect(w.state.votes[0]).toMatchObject({
      status: 'closed',
      results: { 'shape:n1': 3, 'shape:n2': 1 },
      voterCount: 3,
    });
    expect(w.effects).toEqual([{ kind: 'publishVoteResults', voteId: 'vote-1' }]);
    // Once counted, who voted for what is forgotten.
    expect(w.ballots).toEqual({});
  });

  it('shows how many have voted while the vote is open, and nothing about choices', () => {
    let w = steps(voting(), [cast('shape:n1'), anna], [cast('shape:n2'), anna]);
    expect(w.state.votes[0]!.votedSoFar).toBe(1);
    w = step(w, cast('shape:n1'), bert);
    expect(w.state.votes[0]!.votedSoFar).toBe(2);
    expect(JSON.stringify(w.state)).not.toContain('shape:n1');
    w = step(w, { type: 'withdrawVote', voteId: 'vote-1', shapeId: 'shape:n1' }, bert);
    expect(w.state.votes[0]!.votedSoFar).toBe(1);
    w = step(w, { type: 'closeVote', voteId: 'vote-1' });
    expect(w.state.votes[0]).not.toHaveProperty('votedSoFar');
  });

  it('allows N votes per person and no more, and lets people withdraw', () => {
    let w = steps(voting(), [cast('shape:n1'), anna], [cast('shape:n2'), anna]);
    expect(run(w, cast('shape:n3'), anna)).toMatchObject({ ok: false, code: 'invalid' });
    w = step(w, { type: 'withdrawVote', voteId: 'vote-1', shapeId: 'shape:n1' }, anna);
    expect(ownBallot(w.ballots, 'vote-1', A)).toEqual(['shape:n2']);
    expect(run(w, { type: 'withdrawVote', voteId: 'vote-1', shapeId: 'shape:n1' }, anna)).toMatchObject({
      code: 'invalid',
    });
    w = step(w, cast('shape:n3'), anna);
    expect(ownBallot(w.ballots, 'vote-1', A)).toEqual(['shape:n2', 'shape:n3']);
  });

  it('rejects casts on a closed vote, a second open vote and notes outside the frame', () => {
    const w = voting();
    expect(run(w, { type: 'startVote', frameShapeId: 'shape:x', votesPerPerson: 1 }, fac)).toMatchObject({
      code: 'invalid',
    });
    expect(run(w, cast('shape:elsewhere'), anna, { isVoteTarget: () => false })).toMatchObject({ code: 'invalid' });
    const closed = step(w, { type: 'closeVote', voteId: 'vote-1' });
    expect(run(closed, cast('shape:n1'), anna)).toMatchObject({ ok: false, code: 'invalid' });
    expect(run(closed, { type: 'closeVote', voteId: 'vote-1' }, fac)).toMatchObject({ code: 'invalid' });
    const second = step(closed, { type: 'startVote', frameShapeId: 'shape:x', votesPerPerson: 1 });
    expect(second.state.votes.map((v) => v.id)).toEqual(['vote-1', 'vote-2']);
  });

  it('refuses an unknown vote', () => {
    expect(run(voting(), { type: 'castVote', voteId: 'vote-9', shapeId: 'shape:n1' }, anna)).toMatchObject({
      code: 'invalid',
    });
  });
});

describe('private notes', () => {
  it('reveals a whole step or one participant on the facilitator’s command', () => {
    const w = step(meeting(), checkInPrep);
    const ref = { instanceId: w.state.agenda[1]!.instanceId, methodId: 'check-in-round', stepId: 'silent-prep' };
    const all = step(w, { type: 'revealNotes', target: { kind: 'step' } });
    expect(all.effects).toEqual([{ kind: 'revealPrivateNotes', participantIds: [F, A, B], step: ref }]);
    const one = step(w, { type: 'revealNotes', target: { kind: 'participant', participantId: B } });
    expect(one.effects).toEqual([{ kind: 'revealPrivateNotes', participantIds: [B], step: ref }]);
    expect(run(w, { type: 'revealNotes', target: { kind: 'participant', participantId: O } }, fac)).toMatchObject({
      code: 'invalid',
    });
  });

  it('reveals everyone’s notes when a together step follows a silent one', () => {
    const w = step(step(meeting(), goto(4, 0)), { type: 'nextStep' });
    expect(w.effects.filter((e) => e.kind === 'revealPrivateNotes')).toMatchObject([{ participantIds: [F, A, B] }]);
  });
});

describe('focus', () => {
  it('bumps the sequence on every request so a repeated request moves people again', () => {
    const viewport = { x: 10, y: 20, w: 800, h: 600 };
    let w = step(base(), { type: 'bringEveryoneHere', viewport });
    const first = w.state.focus.seq;
    w = step(w, { type: 'bringEveryoneHere', viewport });
    expect(w.state.focus).toEqual({ target: { kind: 'viewport', ...viewport }, seq: first + 1 });
    w = step(w, { type: 'spotlightFrame', shapeId: 'shape:f' });
    expect(w.state.focus.target).toEqual({ kind: 'frame', shapeId: 'shape:f' });
    w = step(w, { type: 'clearFocus' });
    expect(w.state.focus).toEqual({ target: null, seq: first + 3 });
  });
});

describe('participant list bounds', () => {
  const id = (prefix: string, n: number) => `${prefix}-${String(n).padStart(4, '0')}` as ParticipantId;
  /** `n` people of one role who joined and left again, after F, A, B and O. */
  function crowd(role: Role, n: number, prefix = role): World {
    let w = draftWithPeople();
    for (let i = 0; i < n; i++) {
      w = step(w, join(id(prefix, i), `Guest ${i}`, role), 'server', 1);
      w = step(w, { type: 'leave', participantId: id(prefix, i) }, 'server', 1);
    }
    return w;
  }

  it('does not count observers against the members’ place', () => {
    // As many observers as the list holds members: a member still gets in, and an observer too.
    const w = crowd('observer', facilitationLimits.observers - 1);
    const member = step(w, join(id('late-member', 1), 'Late', 'member'), 'server');
    expect(member.state.participants.some((p) => p.id === id('late-member', 1))).toBe(true);
    // The observer list is full of people who left: they make room, Olga (still here) stays.
    const observer = step(member, join(id('late-observer', 1), 'Late O', 'observer'), 'server');
    expect(observer.state.participants.filter((p) => p.role === 'observer').map((p) => p.id)).toEqual([
      O,
      id('late-observer', 1),
    ]);
  });

  it('makes room by dropping people who left without ever taking part, and keeps the others', () => {
    // A full list of members who came and went without speaking.
    let w = crowd('member', facilitationLimits.participants - 3);
    expect(w.state.participants.filter((p) => p.role !== 'observer')).toHaveLength(facilitationLimits.participants);
    w = step(w, { type: 'raiseHand' }, anna);
    w = step(w, join(id('newcomer', 1), 'New', 'member'), 'server');
    const ids = w.state.participants.map((p) => p.id);
    // Fiona facilitates and Anna raised her hand; Bert is still connected; the guests who only came
    // and went are gone.
    expect(ids).toEqual(expect.arrayContaining([F, A, B, O, id('newcomer', 1)]));
    expect(ids.some((p) => p.startsWith('member-0'))).toBe(false);
  });

  it('says the meeting is full when everyone of that kind is present or took part', () => {
    let w = draftWithPeople();
    for (let i = 0; i < facilitationLimits.observers - 1; i++)
      w = step(w, join(id('observer', i), `O ${i}`, 'observer'), 'server', 1);
    expect(run(w, join(id('one-more', 1), 'One more', 'observer'), 'server')).toMatchObject({
      ok: false,
      reason: 'the meeting is full',
    });
    // A member still gets in.
    expect(run(w, join(id('member', 1), 'Mia', 'member'), 'server')).toMatchObject({ ok: true });
  });
});

describe('case owners in breakout rooms', () => {
  const C = 'member-cara' as ParticipantId;
  const D = 'member-dan' as ParticipantId;
  const cara = as(C, 'member');

  /** Troika consulting under way in two rooms: Anna and Bert in the first, Cara and Dan in the second. */
  function troikaInRooms(): { w: World; first: number; second: number; item: string } {
    let w = steps(
      draftWithPeople(),
      [join(C, 'Cara', 'member'), 'server'],
      [join(D, 'Dan', 'member'), 'server'],
      [{ type: 'addAgendaItem', methodId: 'troika-consulting' }],
      [{ type: 'startMeeting' }],
    );
    // The step opened its trios; these tests want rooms they know.
    if (w.state.breakout) w = step(w, { type: 'closeRooms' });
    w = step(w, {
      type: 'openRooms',
      split: { kind: 'manual', rooms: [{ memberIds: [A, B] }, { memberIds: [C, D] }] },
      seconds: 600,
    });
    const [first, second] = w.state.breakout!.rooms.map((r) => r.n);
    return { w, first: first!, second: second!, item: w.state.agenda[0]!.instanceId };
  }

  it('lets a member of a room choose its case owner, leaving the plenary’s alone', () => {
    const { w, first, item } = troikaInRooms();
    const chosen = step(w, { type: 'chooseCaseOwner', participantId: B, room: first }, anna);
    expect(chosen.state.roomCaseOwners).toEqual({ [item]: [{ room: first, name: '1', participantId: B }] });
    expect(chosen.state.caseOwners).toEqual({});
    // Choosing again replaces the room's owner; it never holds two.
    const again = step(chosen, { type: 'chooseCaseOwner', participantId: A, room: first }, bert);
    expect(again.state.roomCaseOwners).toEqual({ [item]: [{ room: first, name: '1', participantId: A }] });
  });

  it('refuses an owner who is not a present member of the room', () => {
    const { w, first } = troikaInRooms();
    for (const participantId of [C, O, F, 'nobody-here' as ParticipantId]) {
      expect(run(w, { type: 'chooseCaseOwner', participantId, room: first }, anna)).toMatchObject({
        ok: false,
        code: 'invalid',
      });
    }
    const left = step(w, { type: 'leave', participantId: B }, 'server');
    expect(run(left, { type: 'chooseCaseOwner', participantId: B, room: first }, anna)).toMatchObject({
      code: 'invalid',
    });
    expect(run(w, { type: 'chooseCaseOwner', participantId: A, room: 999 }, fac)).toMatchObject({ code: 'invalid' });
  });

  it('refuses a member of another room, an observer and the plenary choice to members', () => {
    const { w, first, second } = troikaInRooms();
    expect(run(w, { type: 'chooseCaseOwner', participantId: A, room: first }, cara)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(run(w, { type: 'chooseCaseOwner', participantId: null, room: second }, anna)).toMatchObject({
      code: 'forbidden',
    });
    expect(run(w, { type: 'chooseCaseOwner', participantId: A, room: first }, olga)).toMatchObject({
      code: 'forbidden',
    });
    expect(run(w, { type: 'chooseCaseOwner', participantId: A }, anna)).toMatchObject({ code: 'forbidden' });
  });

  it('lets the facilitator choose for any room, and a member clear their room’s choice', () => {
    const { w, first, second, item } = troikaInRooms();
    let next = step(w, { type: 'chooseCaseOwner', participantId: A, room: first }, fac);
    next = step(next, { type: 'chooseCaseOwner', participantId: D, room: second }, fac);
    expect(next.state.roomCaseOwners?.[item]).toEqual([
      { room: first, name: '1', participantId: A },
      { room: second, name: '2', participantId: D },
    ]);
    next = step(next, { type: 'chooseCaseOwner', participantId: null, room: first }, bert);
    expect(next.state.roomCaseOwners).toEqual({ [item]: [{ room: second, name: '2', participantId: D }] });
    next = step(next, { type: 'chooseCaseOwner', participantId: null, room: second }, cara);
    expect(next.state.roomCaseOwners).toEqual({});
    // The plenary's owner is still the facilitator's to choose, rooms or not.
    next = step(next, { type: 'chooseCaseOwner', participantId: C }, fac);
    expect(next.state.caseOwners).toEqual({ [item]: C });
  });

  it('marks a note on a room’s board: the room’s case owner stars, the room’s people and the facilitator mark actions', () => {
    const { w, first, second } = troikaInRooms();
    const chosen = step(w, { type: 'chooseCaseOwner', participantId: B, room: first }, anna);
    const star = { type: 'starNote', shapeId: 'shape:n', starred: true, room: first } as const;
    expect(run(chosen, star, bert)).toMatchObject({
      ok: true,
      effects: [{ kind: 'setMark', shapeId: 'shape:n', by: B, mark: { kind: 'star', starred: true }, room: first }],
    });
    // Not the room's other member, not the visiting facilitator: only the room's client stars.
    expect(run(chosen, star, anna)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(run(chosen, star, fac)).toMatchObject({ ok: false, code: 'forbidden' });
    const action = { type: 'markAction', shapeId: 'shape:n', action: null, room: first } as const;
    expect(run(chosen, action, anna)).toMatchObject({ ok: true, effects: [{ kind: 'setMark', by: A, room: first }] });
    expect(run(chosen, action, fac)).toMatchObject({ ok: true, effects: [{ kind: 'setMark', by: F, room: first }] });
    // The board the command names must be one the person may open.
    expect(run(chosen, action, cara)).toMatchObject({
      ok: false,
      code: 'forbidden',
      reason: 'you are not in this room',
    });
    expect(run(chosen, { ...star, room: second }, bert)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(run(chosen, action, olga)).toMatchObject({ ok: false, code: 'forbidden' });
    // The note must be on that board.
    expect(run(chosen, star, bert, { isMarkable: () => false })).toMatchObject({ ok: false, code: 'invalid' });
    // Without a room the plenary board, as before: no room in the effect.
    const plenary = run(chosen, { type: 'markAction', shapeId: 'shape:n', action: null }, anna);
    expect(plenary).toMatchObject({ ok: true });
    expect(plenary.ok && plenary.effects[0]).not.toHaveProperty('room');
  });

  it('refuses marks on the board of a room that is not open', () => {
    const { w, first } = troikaInRooms();
    const action = { type: 'markAction', shapeId: 'shape:n', action: null, room: 99 } as const;
    expect(run(w, action, fac)).toMatchObject({ ok: false, code: 'invalid', reason: 'no such room is open' });
    const closed = step(w, { type: 'closeRooms' });
    expect(run(closed, { ...action, room: first }, fac)).toMatchObject({ ok: false, code: 'invalid' });
    expect(run(closed, { ...action, room: first }, anna)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('keeps the rooms’ owners after the rooms close, for the summary', () => {
    const { w, first, item } = troikaInRooms();
    const chosen = step(w, { type: 'chooseCaseOwner', participantId: B, room: first }, anna);
    const closed = step(chosen, { type: 'closeRooms' });
    expect(closed.state.roomCaseOwners).toEqual({ [item]: [{ room: first, name: '1', participantId: B }] });
    expect(run(closed, { type: 'chooseCaseOwner', participantId: A, room: first }, anna)).toMatchObject({
      ok: false,
    });
  });
});
