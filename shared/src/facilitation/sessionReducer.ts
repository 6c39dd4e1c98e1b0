// The facilitation state machine. `reduce` is what the server runs for every command before it
// writes the session document, and what a browser may run to preview a command. It is pure: the
// caller supplies the time, any randomness and the private ballot box, and gets back a new state,
// a new ballot box and effects — the things outside both that the server must now do.
import type { ParticipantId } from '../ids.js';
import { currentStep, nextPosition, previousPosition, samePosition, stepAt } from './agenda.js';
import type { ResolvedStep } from './agenda.js';
import type { BallotBox } from './ballots.js';
import { castBallot, discardBallots, tallyVotes, withdrawBallot } from './ballots.js';
import type { CommandOf, CommandType, Reaction, SessionCommand, TimerKind } from './commands.js';
import { facilitationLimits } from './limits.js';
import { layoutShapeId, stepDurationMs, type Method } from './method.js';
import type { MethodLibrary } from './methods/index.js';
import { agendaPresets, builtInMethods } from './methods/index.js';
import { sessionLibrary } from '../library/library.js';
import { refusal } from '../policy/policy.js';
import { serverActor, type CommandActor } from '../policy/subject.js';
import {
  closeTurn,
  currentSpeaker,
  openTurn,
  presentIndexFrom,
  shuffleWithSeed,
  speakersByJoinOrder,
} from './roundRobin.js';
import { makeRoomFor } from './roster.js';
import { openRoom } from './rooms.js';
import * as roomCommands from './roomCommands.js';
import type { RoomEffect } from './roomCommands.js';
import type { AgendaItem, Position, SessionState, StepRef, StepVisit } from './session.js';
import { emptyTurns, stepKey } from './session.js';
import type { Outcome, Timer } from './timer.js';
import { adjustTimer, idleTimer, pauseTimer, resumeTimer, runningTimer, startTimer } from './timer.js';

/** What the server does outside the session document after applying a command. */
export type Effect =
  /** Place the step's board layout (frames, prompt notes, goal cards); emitted once per step of an agenda item. */
  | { kind: 'placeLayout'; step: StepRef }
  /** Copy these participants' unrevealed private notes onto the board. */
  | { kind: 'revealPrivateNotes'; participantIds: ParticipantId[]; step: StepRef }
  /** The vote's counts are now in the state and its ballots are gone; tell voters their own ballot is cleared. */
  | { kind: 'publishVoteResults'; voteId: string }
  /** An ephemeral reaction to broadcast; reactions are not kept in the state. */
  | { kind: 'reaction'; participantId: ParticipantId; reaction: Reaction; at: number }
  /** Set or clear a mark on a note of the plenary board, or of breakout room `room`'s, recording who set it. */
  | { kind: 'setMark'; shapeId: string; by: ParticipantId; mark: MarkChange; room?: number }
  | RoomEffect;

export type MarkChange =
  | { kind: 'star'; starred: boolean }
  | { kind: 'action'; action: { ownerParticipantId: ParticipantId | null; dueDate: string | null } | null };

export interface ReduceContext {
  actor: CommandActor;
  /** The server's clock, in ms since the epoch. */
  now: number;
  /** Uniform in [0, 1): seeds a shuffled turn order when the command brings no seed. */
  random?: () => number;
  /** The server's private dot-vote ballots; empty when omitted (a browser previewing a command). */
  ballots?: BallotBox;
  /** Defaults to the built-ins and the library methods copied into the session (`sessionLibrary`). */
  methods?: MethodLibrary;
  /**
   * Library methods the caller may add to the agenda besides those (the group's program and
   * instance libraries); adding one copies its definition into the session.
   */
  available?: MethodLibrary;
  /** Whether a note lies inside a vote's frame, answered from the board; every note is accepted when omitted. */
  isVoteTarget?: (frameShapeId: string, shapeId: string) => boolean;
  /**
   * Whether a shape is a participant's note on the board the command names (the plenary's, or the
   * room's); marks go on those only. All are when omitted.
   */
  isMarkable?: (shapeId: string) => boolean;
}

export type ReduceResult =
  | { ok: true; state: SessionState; ballots: BallotBox; effects: Effect[] }
  | { ok: false; code: 'forbidden' | 'invalid'; reason: string };

interface Env {
  actor: CommandActor;
  now: number;
  random: (() => number) | undefined;
  ballots: BallotBox;
  methods: MethodLibrary;
  available: MethodLibrary;
  isVoteTarget: (frameShapeId: string, shapeId: string) => boolean;
  isMarkable: (shapeId: string) => boolean;
}

type Applied = { state: SessionState; ballots?: BallotBox; effects?: Effect[] } | { invalid: string };
type Handler<T extends CommandType> = (state: SessionState, command: CommandOf<T>, env: Env) => Applied;

const invalid = (reason: string): Applied => ({ invalid: reason });

/** Commands that act on the live meeting and make no sense before it starts. */
const needsRunning = new Set<CommandType>([
  'nextStep',
  'previousStep',
  'gotoStep',
  'startTimer',
  'pauseTimer',
  'resumeTimer',
  'adjustTimer',
  'setTurnOrder',
  'shareNotes',
  'nextTurn',
  'passTurn',
  'previousTurn',
  'giveTurn',
  'chooseCaseOwner',
  'markDone',
  'markUndone',
  'startVote',
  'castVote',
  'withdrawVote',
  'closeVote',
  'revealNotes',
  'starNote',
  'markAction',
  'openRooms',
  'moveToRoom',
  'broadcastToRooms',
  'adjustRoomTime',
  'rotateRooms',
  'closeRooms',
]);

export function reduce(state: SessionState, command: SessionCommand, ctx: ReduceContext): ReduceResult {
  const denied = refusal(ctx.actor, 'session.command', { session: state, command });
  if (denied !== null) return { ok: false, code: 'forbidden', reason: denied };
  const ended = state.status === 'ended' && command.type !== 'join' && command.type !== 'leave';
  if (ended) return { ok: false, code: 'invalid', reason: 'the meeting has ended' };
  if (needsRunning.has(command.type) && state.status !== 'running') {
    return { ok: false, code: 'invalid', reason: 'the meeting has not started' };
  }
  const env: Env = {
    actor: ctx.actor,
    now: ctx.now,
    random: ctx.random,
    ballots: ctx.ballots ?? {},
    methods: ctx.methods ?? sessionLibrary(state),
    available: ctx.available ?? {},
    isVoteTarget: ctx.isVoteTarget ?? (() => true),
    isMarkable: ctx.isMarkable ?? (() => true),
  };
  const handler = handlers[command.type] as Handler<typeof command.type>;
  const applied = handler(state, command, env);
  if ('invalid' in applied) return { ok: false, code: 'invalid', reason: applied.invalid };
  return { ok: true, state: applied.state, ballots: applied.ballots ?? env.ballots, effects: applied.effects ?? [] };
}

/** The participant behind the command; the permission check guarantees one for participant commands. */
function self(env: Env): ParticipantId | null {
  return env.actor === serverActor ? null : env.actor.participantId;
}

function participant(state: SessionState, id: ParticipantId) {
  return state.participants.find((p) => p.id === id);
}

/** Present and not an observer: who can speak, own a case or facilitate. */
function isPresentSpeaker(state: SessionState, id: ParticipantId): boolean {
  const p = participant(state, id);
  return p !== undefined && p.present && p.role !== 'observer';
}

/** A breakout room's own case owner for the agenda item: one of the room's present members, or none. */
function chooseRoomCaseOwner(
  state: SessionState,
  instanceId: string,
  n: number,
  participantId: ParticipantId | null,
): Applied {
  const room = state.breakout?.rooms.find((r) => r.n === n);
  if (room === undefined) return invalid('no such room is open');
  if (participantId !== null && !(room.memberIds.includes(participantId) && isPresentSpeaker(state, participantId))) {
    return invalid("the room's case owner must be a present member of the room");
  }
  const others = (state.roomCaseOwners?.[instanceId] ?? []).filter((e) => e.room !== n);
  const entries = participantId === null ? others : [...others, { room: n, name: room.name, participantId }];
  const roomCaseOwners = { ...state.roomCaseOwners };
  if (entries.length > 0) roomCaseOwners[instanceId] = entries;
  else delete roomCaseOwners[instanceId];
  return { state: { ...state, roomCaseOwners } };
}

/** A mark's board: the plenary's (no room), or an open breakout room's. */
function isOpenRoom(state: SessionState, room: number | undefined): boolean {
  return room === undefined || openRoom(state.breakout, room) !== null;
}

const onBoard = (room: number | undefined) => (room === undefined ? {} : { room });

// --- Steps ----------------------------------------------------------------------------------------

/**
 * The timer a step starts with: its planned duration (the facilitator's, else the method's),
 * already running unless the meeting or the method turned that off — one click less per step,
 * and the room sees the time from the moment the step begins.
 */
function stepTimer(state: SessionState, target: ResolvedStep, speakers: number, now: number): Timer {
  const ms = stepDurationMs(target.step, speakers, state.stepDurations?.[stepKey(target.ref)]);
  const auto = state.autoStartTimers !== false && target.method.autoStartTimer !== false;
  return auto && ms > 0 ? runningTimer(ms, now) : idleTimer(ms);
}

/**
 * Moves to a step and resets everything that belongs to one step: the round-robin order (present
 * members in join order), the done set, the focus target and the timer (see `stepTimer`). The
 * layout is placed the first time a step of an agenda item is entered.
 */
function enterStep(state: SessionState, position: Position, env: Env): Applied {
  const target = stepAt(state, position, env.methods);
  if (target === null) return invalid('there is no such step');
  const left = closeTurn(state, env.now);
  const { step, ref } = target;
  const order = step.speakingMode === 'round-robin' ? speakersByJoinOrder(left.participants) : [];
  let next: SessionState = {
    ...left,
    stepLog: logVisit(left.stepLog, ref, env.now),
    position,
    timer: stepTimer(left, target, order.length, env.now),
    turns: { ...emptyTurns(), order },
    done: [],
    focus: { target: null, seq: left.focus.seq + (left.focus.target === null ? 0 : 1) },
  };
  const effects: Effect[] = [];
  const key = stepKey(ref);
  if ((step.layout !== undefined || step.needsGroupGoals) && !next.placedLayouts.includes(key)) {
    // Template structure is locked from the start, so a stray drag cannot move a frame mid-meeting.
    const itemIds = [...(step.layout?.frames ?? []), ...(step.layout?.notes ?? [])].map((i) => i.id);
    const locked = new Set([...next.lockedShapeIds, ...itemIds.map((id) => layoutShapeId(ref.instanceId, id))]);
    next = {
      ...next,
      placedLayouts: [...next.placedLayouts, key],
      lockedShapeIds: [...locked].slice(0, facilitationLimits.lockedShapes),
    };
    effects.push({ kind: 'placeLayout', step: ref });
  }
  if (step.revealOnStart) {
    effects.push({ kind: 'revealPrivateNotes', participantIds: writers(next), step: ref });
  }
  // The method's rooms: opened, rotated or closed by the step (roomCommands.ts).
  const rooms = roomCommands.roomsForStep(next, step.groups, next.timer.durationMs, env.now, env.random);
  return { state: rooms.state, effects: [...effects, ...rooms.effects] };
}

/** Closes the open visit, if any, and (given a step) opens one for it; the oldest fall off past the bound. */
function logVisit(log: readonly StepVisit[], entering: StepRef | null, now: number): StepVisit[] {
  const closed = log.map((v) => (v.leftAt === null ? { ...v, leftAt: now } : v));
  if (entering === null) return closed;
  const visit = { instanceId: entering.instanceId, stepId: entering.stepId, enteredAt: now, leftAt: null };
  return [...closed, visit].slice(-facilitationLimits.stepVisits);
}

/** Everyone who may have private notes: all non-observers who have been in the meeting. */
function writers(state: SessionState): ParticipantId[] {
  return state.participants.filter((p) => p.role !== 'observer').map((p) => p.id);
}

function checkFrom(state: SessionState, from: Position | undefined): string | null {
  return from !== undefined && !samePosition(from, state.position) ? 'the meeting has already moved on' : null;
}

// --- Agenda ---------------------------------------------------------------------------------------

/**
 * The session with `method`'s definition copied in, unless it is built in. Before the meeting a
 * newer definition replaces the copy; once it runs, the copy the meeting started with stays.
 */
function withMethodCopy(state: SessionState, method: Method): SessionState | null {
  if (builtInMethods[method.id] !== undefined) return state;
  const copies = state.methods ?? [];
  const index = copies.findIndex((m) => m.id === method.id);
  if (index !== -1) {
    return state.status === 'draft' ? { ...state, methods: copies.with(index, method) } : state;
  }
  if (copies.length >= facilitationLimits.meetingLibraryMethods) return null;
  return { ...state, methods: [...copies, method] };
}

/** Before the meeting, drops the copies of library methods the agenda no longer uses. */
function withoutUnusedCopies(state: SessionState): SessionState {
  if (state.status !== 'draft' || state.methods === undefined) return state;
  const used = new Set(state.agenda.map((i) => i.methodId));
  const methods = state.methods.filter((m) => used.has(m.id));
  return methods.length === state.methods.length ? state : { ...state, methods };
}

function newItem(state: SessionState, methodId: string): { item: AgendaItem; state: SessionState } {
  const item = { methodId, instanceId: `${methodId}-${state.nextInstanceSeq}` };
  return { item, state: { ...state, nextInstanceSeq: state.nextInstanceSeq + 1 } };
}

/** Keeps the position on the same agenda item after the agenda changed around it. */
function withAgenda(state: SessionState, agenda: AgendaItem[]): SessionState {
  if (state.position === null) return { ...state, agenda };
  const current = state.agenda[state.position.agendaIndex];
  const agendaIndex = agenda.findIndex((i) => i.instanceId === current?.instanceId);
  return { ...state, agenda, position: { ...state.position, agendaIndex } };
}

// --- Turns ----------------------------------------------------------------------------------------

function roundRobinStep(state: SessionState, env: Env): ResolvedStep | null {
  const step = currentStep(state, env.methods);
  return step?.step.speakingMode === 'round-robin' ? step : null;
}

/**
 * Gives the turn to `order[index]`. It reveals nothing: the speaker's notes appear at their own
 * "share" (`shareNotes`), so a speaker who passes keeps them private.
 */
function giveTurnAt(state: SessionState, index: number, target: ResolvedStep, env: Env): Applied {
  return { state: openTurn(closeTurn(state, env.now), index, target.step, env.now) };
}

function checkSpeaker(state: SessionState, expected: ParticipantId | null | undefined): string | null {
  return expected !== undefined && expected !== currentSpeaker(state) ? 'the turn has already moved' : null;
}

function advanceTurn(state: SessionState, env: Env, passed: boolean): Applied {
  const target = roundRobinStep(state, env);
  if (target === null) return invalid('this step has no turns');
  const { turns } = state;
  if (turns.roundDone) return invalid('the round is over');
  const speaker = currentSpeaker(state);
  if (passed && speaker === null) return invalid('nobody has the turn');
  const marked: SessionState =
    passed && speaker !== null ? { ...state, turns: { ...turns, passed: [...turns.passed, speaker] } } : state;
  const index = presentIndexFrom(marked, turns.currentIndex ?? -1, 1);
  if (index === null) {
    const closed = closeTurn(marked, env.now);
    return { state: { ...closed, turns: { ...closed.turns, roundDone: true } } };
  }
  return giveTurnAt(marked, index, target, env);
}

function turnOrder(state: SessionState, command: CommandOf<'setTurnOrder'>, env: Env): ParticipantId[] | string {
  const speakers = speakersByJoinOrder(state.participants);
  if (command.order.kind === 'shuffled') {
    const seed = command.order.seed ?? (env.random ? Math.floor(env.random() * 0x100000000) : undefined);
    return seed === undefined ? 'a shuffle needs a seed' : shuffleWithSeed(speakers, seed);
  }
  const listed = command.order.participantIds;
  if (new Set(listed).size !== listed.length) return 'someone is listed twice';
  for (const id of listed) {
    const p = participant(state, id);
    if (p === undefined || p.role === 'observer') return 'the order lists someone who cannot take a turn';
  }
  return [...listed, ...speakers.filter((id) => !listed.includes(id))];
}

// --- Timers ---------------------------------------------------------------------------------------

/**
 * Applies `op` to the timer `which` names, or (without it) to the step timer and the per-turn
 * timer where `applies`; fails when none applies.
 */
function chosenTimers(
  state: SessionState,
  which: TimerKind | undefined,
  applies: (t: Timer) => boolean,
  op: (t: Timer) => Outcome<Timer>,
  reason: string,
): Applied {
  const step = which !== 'turn' && applies(state.timer) ? op(state.timer) : null;
  const turn = which !== 'step' && applies(state.turns.timer) ? op(state.turns.timer) : null;
  if (step === null && turn === null) return invalid(reason);
  if (step?.ok === false) return invalid(step.reason);
  if (turn?.ok === false) return invalid(turn.reason);
  return {
    state: {
      ...state,
      timer: step?.value ?? state.timer,
      turns: { ...state.turns, timer: turn?.value ?? state.turns.timer },
    },
  };
}

// --- Votes ----------------------------------------------------------------------------------------

/** The open vote's live turnout after a ballot changed: how many have voted, never for what. */
function withTurnout(state: SessionState, voteId: string, ballots: BallotBox): SessionState {
  const { voterCount } = tallyVotes(ballots, voteId);
  return { ...state, votes: state.votes.map((v) => (v.id === voteId ? { ...v, votedSoFar: voterCount } : v)) };
}

// --- Handlers -------------------------------------------------------------------------------------

const handlers: { [T in CommandType]: Handler<T> } = {
  addAgendaItem(state, command, env) {
    // The library's definition first: before the meeting it replaces an older copy (withMethodCopy).
    const method = env.available[command.methodId] ?? env.methods[command.methodId];
    if (method === undefined) return invalid('there is no such method');
    if (state.agenda.length >= facilitationLimits.agendaItems) return invalid('the agenda is full');
    const index = command.index ?? state.agenda.length;
    if (index > state.agenda.length) return invalid('the position is outside the agenda');
    const copied = withMethodCopy(state, method);
    if (copied === null) {
      return invalid(`an agenda uses at most ${facilitationLimits.meetingLibraryMethods} methods from libraries`);
    }
    const { item, state: next } = newItem(copied, command.methodId);
    return { state: withAgenda(next, state.agenda.toSpliced(index, 0, item)) };
  },

  removeAgendaItem(state, command) {
    const index = state.agenda.findIndex((i) => i.instanceId === command.instanceId);
    if (index === -1) return invalid('there is no such agenda item');
    if (state.status === 'running' && state.position?.agendaIndex === index) {
      return invalid('the meeting is on this item; move on first');
    }
    return { state: withoutUnusedCopies(withAgenda(state, state.agenda.toSpliced(index, 1))) };
  },

  moveAgendaItem(state, command) {
    const from = state.agenda.findIndex((i) => i.instanceId === command.instanceId);
    if (from === -1) return invalid('there is no such agenda item');
    if (command.toIndex >= state.agenda.length) return invalid('the position is outside the agenda');
    const item = state.agenda[from]!;
    return { state: withAgenda(state, state.agenda.toSpliced(from, 1).toSpliced(command.toIndex, 0, item)) };
  },

  applyPreset(state, command, env) {
    if (state.status !== 'draft') return invalid('a preset replaces the agenda, so only before the meeting starts');
    const preset = agendaPresets[command.presetId];
    if (preset === undefined) return invalid('there is no such preset');
    if (preset.methodIds.some((id) => env.methods[id] === undefined))
      return invalid('the preset uses an unknown method');
    let next = state;
    const agenda: AgendaItem[] = [];
    for (const methodId of preset.methodIds) {
      const made = newItem(next, methodId);
      agenda.push(made.item);
      next = made.state;
    }
    return { state: withoutUnusedCopies({ ...next, agenda }) };
  },

  startMeeting(state, _command, env) {
    if (state.status !== 'draft') return invalid('the meeting has already started');
    const first = { agendaIndex: 0, stepIndex: 0 };
    if (stepAt(state, first, env.methods) === null) return invalid('the agenda is empty');
    // Whoever starts the meeting facilitates it, if nobody was facilitating yet.
    const facilitatorId = state.facilitatorId ?? self(env);
    return enterStep({ ...state, status: 'running', facilitatorId }, first, env);
  },

  nextStep(state, command, env) {
    const stale = checkFrom(state, command.from);
    if (stale !== null || state.position === null) return invalid(stale ?? 'the meeting has not started');
    const to = nextPosition(state, state.position, env.methods);
    return to === null ? invalid('this is the last step; end the meeting instead') : enterStep(state, to, env);
  },

  previousStep(state, command, env) {
    const stale = checkFrom(state, command.from);
    if (stale !== null || state.position === null) return invalid(stale ?? 'the meeting has not started');
    const to = previousPosition(state, state.position, env.methods);
    return to === null ? invalid('this is the first step') : enterStep(state, to, env);
  },

  gotoStep(state, command, env) {
    return enterStep(state, { agendaIndex: command.agendaIndex, stepIndex: command.stepIndex }, env);
  },

  endMeeting(state, _command, env) {
    // Rooms still open close first, so their results reach the plenary board and the record.
    const rooms = state.breakout ? roomCommands.closeRooms(state) : null;
    const closed = closeTurn(rooms && 'state' in rooms ? rooms.state : state, env.now);
    return {
      effects: rooms && 'effects' in rooms ? rooms.effects : [],
      state: {
        ...closed,
        status: 'ended',
        timer: idleTimer(0),
        hands: [],
        done: [],
        stepLog: logVisit(closed.stepLog, null, env.now),
      },
    };
  },

  startTimer(state, command, env) {
    if (command.timer === 'turn') {
      if (currentSpeaker(state) === null) return invalid('nobody has the turn');
      const restarted = startTimer(state.turns.timer, env.now);
      return restarted.ok
        ? { state: { ...state, turns: { ...state.turns, timer: restarted.value } } }
        : invalid(restarted.reason);
    }
    const started = startTimer(state.timer, env.now);
    return started.ok ? { state: { ...state, timer: started.value } } : invalid(started.reason);
  },

  pauseTimer(state, command, env) {
    return chosenTimers(
      state,
      command.timer,
      (t) => t.state === 'running',
      (t) => pauseTimer(t, env.now),
      'no timer is running',
    );
  },

  resumeTimer(state, command, env) {
    return chosenTimers(
      state,
      command.timer,
      (t) => t.state === 'paused',
      (t) => resumeTimer(t, env.now),
      'no timer is paused',
    );
  },

  adjustTimer(state, command, env) {
    const adjusted = adjustTimer(state.timer, command.minutes * 60_000, env.now);
    return adjusted.ok ? { state: { ...state, timer: adjusted.value } } : invalid(adjusted.reason);
  },

  setAutoStartTimers(state, command) {
    return { state: { ...state, autoStartTimers: command.on } };
  },

  setStepDuration(state, command, env) {
    const index = state.agenda.findIndex((i) => i.instanceId === command.instanceId);
    const method = env.methods[state.agenda[index]?.methodId ?? ''];
    if (index === -1 || method === undefined) return invalid('there is no such agenda item');
    if (!method.steps.some((s) => s.id === command.stepId)) return invalid('there is no such step');
    const key = stepKey(command);
    const seconds = command.minutes * 60 + (command.seconds ?? 0);
    if (seconds > facilitationLimits.maxDurationMs / 1000) return invalid('that step would be too long');
    const next: SessionState = { ...state, stepDurations: { ...state.stepDurations, [key]: seconds } };
    // The current step's timer follows its new plan; the time already used stays used.
    const current = currentStep(state, env.methods);
    if (current === null || stepKey(current.ref) !== key) return { state: next };
    const adjusted = adjustTimer(state.timer, seconds * 1000 - state.timer.durationMs, env.now);
    return { state: adjusted.ok ? { ...next, timer: adjusted.value } : next };
  },

  setTurnOrder(state, command, env) {
    const target = roundRobinStep(state, env);
    if (target === null) return invalid('this step has no turns');
    const order = turnOrder(state, command, env);
    if (typeof order === 'string') return invalid(order);
    // The speaker keeps the turn; the new order decides who follows.
    const speaker = currentSpeaker(state);
    const currentIndex = speaker === null ? null : order.indexOf(speaker);
    return { state: { ...state, turns: { ...state.turns, order, currentIndex } } };
  },

  nextTurn(state, command, env) {
    return checkSpeaker(state, command.speakerId) === null
      ? advanceTurn(state, env, false)
      : invalid('the turn has already moved');
  },

  passTurn(state, command, env) {
    return checkSpeaker(state, command.speakerId) === null
      ? advanceTurn(state, env, true)
      : invalid('the turn has already moved');
  },

  previousTurn(state, command, env) {
    const stale = checkSpeaker(state, command.speakerId);
    if (stale !== null) return invalid(stale);
    const target = roundRobinStep(state, env);
    if (target === null) return invalid('this step has no turns');
    const { turns } = state;
    if (turns.currentIndex === null && !turns.roundDone) return invalid('the round has not started');
    const index = presentIndexFrom(state, turns.currentIndex ?? turns.order.length, -1);
    return index === null ? invalid('this is the first turn') : giveTurnAt(state, index, target, env);
  },

  giveTurn(state, command, env) {
    const target = roundRobinStep(state, env);
    if (target === null) return invalid('this step has no turns');
    const index = state.turns.order.indexOf(command.participantId);
    if (index === -1 || !isPresentSpeaker(state, command.participantId)) return invalid('they are not in the round');
    return giveTurnAt(state, index, target, env);
  },

  shareNotes(state, command, env) {
    const stale = checkSpeaker(state, command.speakerId);
    if (stale !== null) return invalid(stale);
    const target = roundRobinStep(state, env);
    if (target === null || !target.step.revealOnTurn) return invalid('this step does not share notes');
    const speaker = currentSpeaker(state);
    if (speaker === null) return invalid('nobody has the turn');
    const shared = [...new Set([...(state.turns.shared ?? []), speaker])];
    return {
      state: { ...state, turns: { ...state.turns, shared } },
      effects: [{ kind: 'revealPrivateNotes', participantIds: [speaker], step: target.ref }],
    };
  },

  chooseCaseOwner(state, command, env) {
    const instanceId = currentStep(state, env.methods)?.item.instanceId;
    if (instanceId === undefined) return invalid('there is no current agenda item');
    if (command.room !== undefined) return chooseRoomCaseOwner(state, instanceId, command.room, command.participantId);
    const caseOwners = { ...state.caseOwners };
    if (command.participantId === null) {
      delete caseOwners[instanceId];
    } else {
      if (!isPresentSpeaker(state, command.participantId)) return invalid('the case owner must be a present member');
      caseOwners[instanceId] = command.participantId;
    }
    return { state: { ...state, caseOwners } };
  },

  handOverFacilitation(state, command) {
    if (command.participantId === state.facilitatorId) return invalid('they already facilitate');
    if (!isPresentSpeaker(state, command.participantId)) return invalid('the new facilitator must be a present member');
    return { state: { ...state, facilitatorId: command.participantId } };
  },

  claimFacilitation(state, _command, env) {
    return { state: { ...state, facilitatorId: self(env) } };
  },

  bringEveryoneHere(state, command) {
    return {
      state: { ...state, focus: { target: { kind: 'viewport', ...command.viewport }, seq: state.focus.seq + 1 } },
    };
  },

  spotlightFrame(state, command) {
    return {
      state: { ...state, focus: { target: { kind: 'frame', shapeId: command.shapeId }, seq: state.focus.seq + 1 } },
    };
  },

  clearFocus(state) {
    return { state: { ...state, focus: { target: null, seq: state.focus.seq + 1 } } };
  },

  lockShapes(state, command) {
    const locked = [...new Set([...state.lockedShapeIds, ...command.shapeIds])];
    if (locked.length > facilitationLimits.lockedShapes) return invalid('too many locked shapes');
    return { state: { ...state, lockedShapeIds: locked } };
  },

  unlockShapes(state, command) {
    const unlock = new Set(command.shapeIds);
    return { state: { ...state, lockedShapeIds: state.lockedShapeIds.filter((id) => !unlock.has(id)) } };
  },

  raiseHand(state, _command, env) {
    const me = self(env);
    if (me === null || state.hands.some((h) => h.participantId === me)) return { state };
    if (state.hands.length >= facilitationLimits.participants) return invalid('too many raised hands');
    return { state: { ...state, hands: [...state.hands, { participantId: me, raisedAt: env.now }] } };
  },

  lowerHand(state, command, env) {
    const whose = command.participantId ?? self(env);
    return { state: { ...state, hands: state.hands.filter((h) => h.participantId !== whose) } };
  },

  react(state, command, env) {
    const me = self(env);
    if (me === null) return invalid('needs a participant');
    return { state, effects: [{ kind: 'reaction', participantId: me, reaction: command.reaction, at: env.now }] };
  },

  markDone(state, _command, env) {
    const me = self(env);
    if (currentStep(state, env.methods)?.step.speakingMode !== 'silent') return invalid('this is not a silent step');
    if (me === null || state.done.includes(me)) return { state };
    if (state.done.length >= facilitationLimits.participants) return invalid('too many participants');
    return { state: { ...state, done: [...state.done, me] } };
  },

  markUndone(state, _command, env) {
    const me = self(env);
    if (currentStep(state, env.methods)?.step.speakingMode !== 'silent') return invalid('this is not a silent step');
    return { state: { ...state, done: state.done.filter((id) => id !== me) } };
  },

  startVote(state, command, env) {
    if (state.votes.some((v) => v.status === 'open')) return invalid('close the open vote first');
    if (state.votes.length >= facilitationLimits.votes) return invalid('too many votes in this meeting');
    const current = currentStep(state, env.methods);
    const vote = {
      id: `vote-${state.votes.length + 1}`,
      frameShapeId: command.frameShapeId,
      votesPerPerson: command.votesPerPerson,
      status: 'open' as const,
      ...(current === null ? {} : { step: stepKey(current.ref) }),
    };
    return { state: { ...state, votes: [...state.votes, vote] } };
  },

  castVote(state, command, env) {
    const vote = state.votes.find((v) => v.id === command.voteId);
    const me = self(env);
    if (vote === undefined || me === null) return invalid('there is no such vote');
    if (!env.isVoteTarget(vote.frameShapeId, command.shapeId)) return invalid('that note is not part of the vote');
    const cast = castBallot(env.ballots, vote, me, command.shapeId);
    return cast.ok ? { state: withTurnout(state, vote.id, cast.value), ballots: cast.value } : invalid(cast.reason);
  },

  withdrawVote(state, command, env) {
    const vote = state.votes.find((v) => v.id === command.voteId);
    const me = self(env);
    if (vote === undefined || me === null) return invalid('there is no such vote');
    const withdrawn = withdrawBallot(env.ballots, vote, me, command.shapeId);
    return withdrawn.ok
      ? { state: withTurnout(state, vote.id, withdrawn.value), ballots: withdrawn.value }
      : invalid(withdrawn.reason);
  },

  closeVote(state, command, env) {
    const vote = state.votes.find((v) => v.id === command.voteId);
    if (vote === undefined) return invalid('there is no such vote');
    if (vote.status !== 'open') return invalid('the vote is already closed');
    const { results, voterCount } = tallyVotes(env.ballots, vote.id);
    const { votedSoFar: _live, ...rest } = vote;
    const closed = { ...rest, status: 'closed' as const, results, voterCount };
    return {
      state: { ...state, votes: state.votes.map((v) => (v.id === vote.id ? closed : v)) },
      ballots: discardBallots(env.ballots, vote.id),
      effects: [{ kind: 'publishVoteResults', voteId: vote.id }],
    };
  },

  revealNotes(state, command, env) {
    const target = currentStep(state, env.methods);
    if (target === null) return invalid('there is no current step');
    let participantIds: ParticipantId[];
    if (command.target.kind === 'step') {
      participantIds = writers(state);
    } else {
      const p = participant(state, command.target.participantId);
      if (p === undefined || p.role === 'observer') return invalid('they have no private notes');
      participantIds = [p.id];
    }
    return { state, effects: [{ kind: 'revealPrivateNotes', participantIds, step: target.ref }] };
  },

  starNote(state, command, env) {
    const me = self(env);
    if (!isOpenRoom(state, command.room)) return invalid('no such room is open');
    if (me === null || !env.isMarkable(command.shapeId)) return invalid('only notes on the board can be starred');
    const mark: MarkChange = { kind: 'star', starred: command.starred };
    return { state, effects: [{ kind: 'setMark', shapeId: command.shapeId, by: me, mark, ...onBoard(command.room) }] };
  },

  markAction(state, command, env) {
    const me = self(env);
    if (!isOpenRoom(state, command.room)) return invalid('no such room is open');
    if (me === null || !env.isMarkable(command.shapeId)) return invalid('only notes on the board can be actions');
    const owner = command.action?.ownerParticipantId ?? null;
    if (owner !== null && (participant(state, owner)?.role ?? 'observer') === 'observer') {
      return invalid('the owner must be a participant of the meeting');
    }
    const mark: MarkChange = { kind: 'action', action: command.action };
    return { state, effects: [{ kind: 'setMark', shapeId: command.shapeId, by: me, mark, ...onBoard(command.room) }] };
  },

  openRooms: (state, command, env) => roomCommands.openRooms(state, command, env.now, env.random),
  moveToRoom: (state, command) => roomCommands.moveToRoom(state, command),
  broadcastToRooms: (state, command) => roomCommands.broadcastToRooms(state, command),
  adjustRoomTime: (state, command, env) => roomCommands.adjustRoomTime(state, command, env.now),
  rotateRooms: (state, _command, env) => roomCommands.rotateRooms(state, env.now),
  closeRooms: (state) => roomCommands.closeRooms(state),

  join(state, command, env) {
    const existing = participant(state, command.participantId);
    const roster = existing ? state.participants : makeRoomFor(state, command);
    if (roster === null) return invalid('the meeting is full');
    const joined = {
      id: command.participantId,
      name: command.name,
      role: command.role,
      // A reconnect while still present keeps their place; a return after leaving counts as a new join.
      joinedAt: existing?.present ? existing.joinedAt : env.now,
      present: true,
      ...(command.groupId !== undefined ? { groupId: command.groupId } : {}),
    };
    const participants = existing ? roster.map((p) => (p.id === joined.id ? joined : p)) : [...roster, joined];
    let next: SessionState = { ...state, participants };
    if (next.facilitatorId === null && command.role === 'facilitator') {
      next = { ...next, facilitatorId: command.participantId };
    }
    // Late joiners take their turn after everyone already in the round.
    if (command.role !== 'observer' && roundRobinStep(next, env) && !next.turns.order.includes(joined.id)) {
      next = { ...next, turns: { ...next.turns, order: [...next.turns.order, joined.id] } };
    }
    return { state: next };
  },

  leave(state, command) {
    if (participant(state, command.participantId) === undefined) return { state };
    // They keep their place in the turn order (an absent speaker is skipped) so a dropped
    // connection does not send them to the back of the round.
    return {
      state: {
        ...state,
        participants: state.participants.map((p) => (p.id === command.participantId ? { ...p, present: false } : p)),
        hands: state.hands.filter((h) => h.participantId !== command.participantId),
      },
    };
  },
};
