// What a simulated participant means to do in the session as it is now: a pure function of the
// session state, so the bot's behaviour is tested without a server. Each move has a key that names
// the occasion (this step, this turn, this vote); the bot plans a key once and, when the move's time
// comes, asks again whether it still applies before acting.
import {
  builtInMethods,
  caseOwnerFor,
  currentSpeaker,
  currentStep,
  layoutShapeId,
  stepKey,
  type MethodLibrary,
  type ParticipantId,
  type SessionState,
} from '@vermeboard/shared';

export type Move =
  /** Write a note into one's private document (a silent step), in `frameId` when the step has one. */
  | { kind: 'writePrivate'; frameId: string | null }
  /** Write a note on the board, in the step's frame. */
  | { kind: 'writeBoard'; frameId: string }
  | { kind: 'markDone' }
  | { kind: 'raiseHand' }
  | { kind: 'lowerHand' }
  /** The bot's round-robin turn: speak a while, then share (when the step reveals on turn) and hand on, or pass. */
  | { kind: 'takeTurn'; pass: boolean; share: boolean }
  | { kind: 'vote'; voteId: string; frameShapeId: string; dots: number };

export interface PlannedMove {
  key: string;
  move: Move;
  /** How long after the occasion arose the bot acts, in planned (unscaled) milliseconds. */
  afterMs: number;
  /** How often the bot already looked again (a vote with nothing to vote on yet). */
  tries?: number;
}

export type Chance = () => number;

const second = 1000;

/** The frame a step's notes go in: the one it names, or its layout's first. */
function workFrame(state: SessionState, methods: MethodLibrary): string | null {
  const current = currentStep(state, methods);
  if (current === null) return null;
  const id = current.step.focusFrames?.[0] ?? current.step.layout?.frames[0]?.id;
  return id === undefined ? null : layoutShapeId(current.ref.instanceId, id);
}

/**
 * Every move that applies to `me` now. `chance` decides the optional ones (a note in an open step, a
 * raised hand, passing a turn); the caller plans each key once, so a later call's different draw
 * changes nothing already decided.
 */
export function movesFor(
  state: SessionState,
  me: ParticipantId,
  chance: Chance,
  methods: MethodLibrary = builtInMethods,
): PlannedMove[] {
  const current = currentStep(state, methods);
  if (current === null) return [];
  const key = stepKey(current.ref);
  const { step } = current;
  const timebox = step.timeboxSeconds * second;
  const frame = workFrame(state, methods);
  // In a room, the room's own client (caseOwner.ts): a bot consults for its room's case.
  const caseOwner = caseOwnerFor(state, me, { methods });
  const moves: PlannedMove[] = [];
  const plan = (suffix: string, move: Move, afterMs: number) => moves.push({ key: `${key}:${suffix}`, move, afterMs });

  switch (step.speakingMode) {
    case 'silent':
      plan('private', { kind: 'writePrivate', frameId: frame }, timebox * (0.15 + 0.35 * chance()));
      plan('done', { kind: 'markDone' }, timebox * (0.6 + 0.2 * chance()));
      break;
    case 'open':
    case 'consultants':
      if (frame !== null && caseOwner !== me && chance() < 0.8) {
        plan('board', { kind: 'writeBoard', frameId: frame }, timebox * (0.1 + 0.3 * chance()));
      }
      if (chance() < 0.25) plan('hand', { kind: 'raiseHand' }, timebox * (0.2 + 0.3 * chance()));
      break;
    case 'facilitator':
    case 'presenter':
      if (caseOwner !== me && chance() < 0.15) plan('hand', { kind: 'raiseHand' }, timebox * (0.3 + 0.3 * chance()));
      break;
    case 'round-robin': {
      const turns = state.turns;
      if (currentSpeaker(state) === me && turns.turnStartedAt !== null) {
        const turn = (step.turnSeconds ?? 60) * second;
        const pass = chance() < 0.2;
        plan(
          `turn:${turns.turnStartedAt}`,
          { kind: 'takeTurn', pass, share: !pass && step.revealOnTurn === true },
          pass ? turn * 0.1 : turn * (0.25 + 0.25 * chance()),
        );
      }
      break;
    }
  }

  // A raised hand comes down again once the facilitator has had time to see it.
  if (state.hands.some((h) => h.participantId === me)) {
    plan('lower', { kind: 'lowerHand' }, Math.max(10 * second, timebox * 0.2));
  }

  for (const vote of state.votes) {
    if (vote.status !== 'open' || (vote.step !== undefined && vote.step !== key)) continue;
    moves.push({
      key: `${vote.id}:vote`,
      move: { kind: 'vote', voteId: vote.id, frameShapeId: vote.frameShapeId, dots: vote.votesPerPerson },
      afterMs: (5 + 10 * chance()) * second,
    });
  }
  return moves;
}

/** Whether a planned move still applies when its time comes (the step or turn may have moved on). */
export function stillApplies(
  state: SessionState,
  me: ParticipantId,
  planned: PlannedMove,
  methods?: MethodLibrary,
): boolean {
  return movesFor(state, me, () => 0, methods).some((m) => m.key === planned.key);
}
