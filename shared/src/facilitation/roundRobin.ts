// Round-robin turns: who speaks in what order, moving the turn, and the talk time it accumulates.
// Pure helpers over the session; the reducer decides who may call them.
import type { ParticipantId } from '../ids.js';
import type { Step } from './method.js';
import type { Participant, SessionState, Turns } from './session.js';
import { idleTimer, runningTimer } from './timer.js';

/** Who holds the round-robin turn now, if anyone. */
export function currentSpeaker(state: SessionState): ParticipantId | null {
  const { order, currentIndex } = state.turns;
  return currentIndex === null ? null : (order[currentIndex] ?? null);
}

/** Who takes turns: everyone present but observers (the facilitator too), in the order they joined. */
export function speakersByJoinOrder(participants: readonly Participant[]): ParticipantId[] {
  return participants
    .filter((p) => p.present && p.role !== 'observer')
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.joinedAt - b.p.joinedAt || a.i - b.i)
    .map(({ p }) => p.id);
}

/** Fisher–Yates driven by mulberry32, so a seed gives the same order on the server and in tests. */
export function shuffleWithSeed<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function isPresent(state: SessionState, id: ParticipantId | undefined): boolean {
  return state.participants.some((p) => p.id === id && p.present);
}

/** The nearest index after (or before) `from` whose speaker is present; absent people are skipped, not dropped. */
export function presentIndexFrom(state: SessionState, from: number, direction: 1 | -1): number | null {
  const { order } = state.turns;
  for (let i = from + direction; i >= 0 && i < order.length; i += direction) {
    if (isPresent(state, order[i])) return i;
  }
  return null;
}

/** Ends the current turn (if any) and adds its length to the speaker's talk time, per step and per meeting. */
export function closeTurn(state: SessionState, now: number): SessionState {
  const { turns } = state;
  const speaker = turns.currentIndex === null ? undefined : turns.order[turns.currentIndex];
  const closed: Turns = { ...turns, currentIndex: null, turnStartedAt: null, timer: idleTimer(0) };
  if (speaker === undefined || turns.turnStartedAt === null) return { ...state, turns: closed };
  const spoke = Math.max(0, now - turns.turnStartedAt);
  return {
    ...state,
    turns: { ...closed, talkMs: { ...turns.talkMs, [speaker]: (turns.talkMs[speaker] ?? 0) + spoke } },
    talkMs: { ...state.talkMs, [speaker]: (state.talkMs[speaker] ?? 0) + spoke },
  };
}

/** Gives the turn to `order[index]` (after `closeTurn`), starting the per-turn countdown when the step has one. */
export function openTurn(state: SessionState, index: number, step: Step, now: number): SessionState {
  const speaker = state.turns.order[index];
  const timer = step.turnSeconds !== undefined ? runningTimer(step.turnSeconds * 1000, now) : idleTimer(0);
  return {
    ...state,
    turns: {
      ...state.turns,
      currentIndex: index,
      roundDone: false,
      turnStartedAt: now,
      timer,
      passed: state.turns.passed.filter((id) => id !== speaker),
    },
  };
}
