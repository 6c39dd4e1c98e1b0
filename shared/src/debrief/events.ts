// The meeting event log: what happened in a meeting and when (server time), for the debrief
// timeline. The server writes it, append-only, as facilitation commands apply; nobody else does.
// Events are not commands: they are derived by `deriveEvents` from the session before and after a
// change, so the reducer stays as it is and a change that comes from anywhere (a command, the
// server's own presence commands, the reconciliation after a restart) is logged the same way.
import { z } from 'zod';
import { participantIdSchema } from '../ids.js';
import { slugSchema, speakingModeSchema } from '../facilitation/method.js';
import { instanceIdSchema, voteIdSchema, type SessionState } from '../facilitation/session.js';
import { currentSpeaker } from '../facilitation/roundRobin.js';
import { stepAt } from '../facilitation/agenda.js';
import { facilitationLimits } from '../facilitation/limits.js';

const epochMs = z.number().int().min(0);
const durationMs = z.number().int().min(0).max(facilitationLimits.maxDurationMs);
/** Talk time and waits can be longer than a timer (a meeting left running overnight). */
const elapsedMs = z
  .number()
  .int()
  .min(0)
  .max(7 * 24 * 60 * 60 * 1000);
const stepFields = { instanceId: instanceIdSchema, methodId: slugSchema, stepId: slugSchema };

export const meetingEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('meetingStarted'), at: epochMs }),
  z.strictObject({ type: z.literal('meetingEnded'), at: epochMs }),
  /** Someone took the facilitator's seat (the first holder of the role joining, a hand-over, a claim). */
  z.strictObject({ type: z.literal('facilitatorChanged'), at: epochMs, participantId: participantIdSchema }),
  z.strictObject({
    type: z.literal('stepEntered'),
    at: epochMs,
    ...stepFields,
    speakingMode: speakingModeSchema,
    /** The step's planned time as its timer got it: the facilitator's duration, else the method's timebox. */
    plannedMs: durationMs,
  }),
  z.strictObject({ type: z.literal('stepLeft'), at: epochMs, ...stepFields }),
  z.strictObject({ type: z.literal('turnStarted'), at: epochMs, ...stepFields, participantId: participantIdSchema }),
  z.strictObject({
    type: z.literal('turnEnded'),
    at: epochMs,
    ...stepFields,
    participantId: participantIdSchema,
    /** How long the turn lasted. */
    ms: elapsedMs,
    /** They passed: the turn moved on by their "pass" (or the facilitator's on their behalf). */
    passed: z.boolean(),
  }),
  z.strictObject({ type: z.literal('handRaised'), at: epochMs, participantId: participantIdSchema }),
  z.strictObject({
    type: z.literal('handLowered'),
    at: epochMs,
    participantId: participantIdSchema,
    waitedMs: elapsedMs,
  }),
  z.strictObject({ type: z.literal('timerStarted'), at: epochMs, durationMs }),
  z.strictObject({ type: z.literal('timerPaused'), at: epochMs, remainingMs: durationMs }),
  z.strictObject({ type: z.literal('timerResumed'), at: epochMs }),
  /** The step timer's total (the step's plan) changed while the step stayed: + more time, − less. */
  z.strictObject({
    type: z.literal('timerExtended'),
    at: epochMs,
    byMs: z.number().int().min(-facilitationLimits.maxDurationMs).max(facilitationLimits.maxDurationMs),
  }),
  z.strictObject({ type: z.literal('voteOpened'), at: epochMs, voteId: voteIdSchema }),
  z.strictObject({ type: z.literal('voteClosed'), at: epochMs, voteId: voteIdSchema, voterCount: z.number().int() }),
]);
export type MeetingEvent = z.infer<typeof meetingEventSchema>;
export type MeetingEventType = MeetingEvent['type'];

export const meetingEventLimits = {
  /**
   * Events kept per meeting. A two-hour meeting of ten logs a few hundred (every step, turn, hand
   * and timer change); past this the log stops growing and the debrief says it is cut short.
   */
  perMeeting: 5000,
} as const;

type StepFields = z.infer<z.ZodObject<typeof stepFields>>;

/** The step the session is on, as event fields; null before the start and after the end. */
function stepHere(state: SessionState): (StepFields & { step: ReturnType<typeof stepAt> }) | null {
  if (state.status !== 'running' || state.position === null) return null;
  const step = stepAt(state, state.position);
  if (step === null) return null;
  return { instanceId: step.ref.instanceId, methodId: step.ref.methodId, stepId: step.ref.stepId, step };
}

const sameStep = (a: StepFields | null, b: StepFields | null) =>
  a !== null && b !== null && a.instanceId === b.instanceId && a.stepId === b.stepId;

const fieldsOf = (s: StepFields): StepFields => ({ instanceId: s.instanceId, methodId: s.methodId, stepId: s.stepId });

/**
 * What changed between two session states, as events at server time `at`, in the order they
 * happened within the change (a turn ends before the step it was in is left). Pure: the same two
 * states give the same events, so it is tested without a server.
 */
export function deriveEvents(prev: SessionState, next: SessionState, at: number): MeetingEvent[] {
  const events: MeetingEvent[] = [];
  if (prev.status !== 'running' && next.status === 'running') events.push({ type: 'meetingStarted', at });

  if (next.facilitatorId !== null && next.facilitatorId !== prev.facilitatorId) {
    events.push({ type: 'facilitatorChanged', at, participantId: next.facilitatorId });
  }

  const before = stepHere(prev);
  const after = stepHere(next);
  const stepChanged = !sameStep(before, after) || prev.stepLog.length !== next.stepLog.length;

  // Turns: the speaker before and after; a turn that ended is logged with its length.
  const spokeBefore = prev.turns.currentIndex === null ? null : currentSpeaker(prev);
  const spokeAfter = next.turns.currentIndex === null ? null : currentSpeaker(next);
  const turnChanged =
    spokeBefore !== spokeAfter || stepChanged || prev.turns.turnStartedAt !== next.turns.turnStartedAt;
  if (before && spokeBefore !== null && turnChanged) {
    const started = prev.turns.turnStartedAt ?? at;
    const passed = !prev.turns.passed.includes(spokeBefore) && next.turns.passed.includes(spokeBefore);
    events.push({
      type: 'turnEnded',
      at,
      ...fieldsOf(before),
      participantId: spokeBefore,
      ms: Math.min(Math.max(0, at - started), 7 * 24 * 60 * 60 * 1000),
      passed,
    });
  }

  if (before && stepChanged) events.push({ type: 'stepLeft', at, ...fieldsOf(before) });
  if (after && stepChanged) {
    events.push({
      type: 'stepEntered',
      at,
      ...fieldsOf(after),
      speakingMode: after.step!.step.speakingMode,
      plannedMs: next.timer.durationMs,
    });
  }
  if (after && spokeAfter !== null && turnChanged) {
    events.push({ type: 'turnStarted', at, ...fieldsOf(after), participantId: spokeAfter });
  }

  // The step timer, within one step (entering a step resets it; its planned time is on stepEntered).
  if (after && !stepChanged) {
    const [a, b] = [prev.timer, next.timer];
    if (a.state !== 'running' && a.state !== 'paused' && b.state === 'running') {
      events.push({ type: 'timerStarted', at, durationMs: b.durationMs });
    } else if (a.state === 'running' && b.state === 'paused') {
      events.push({ type: 'timerPaused', at, remainingMs: b.remainingMs ?? 0 });
    } else if (a.state === 'paused' && b.state === 'running') {
      events.push({ type: 'timerResumed', at });
    }
    // A changed total is a changed plan, whether the timer runs yet or not.
    if (a.durationMs !== b.durationMs) {
      events.push({ type: 'timerExtended', at, byMs: b.durationMs - a.durationMs });
    }
  } else if (after && stepChanged && next.timer.state === 'running') {
    events.push({ type: 'timerStarted', at, durationMs: next.timer.durationMs });
  }

  // Hands: raised ones are new in `next`; lowered ones are gone from it (by anyone, or on leaving).
  const raisedBefore = new Map(prev.hands.map((h) => [h.participantId, h.raisedAt]));
  const raisedAfter = new Set(next.hands.map((h) => h.participantId));
  for (const [id, raisedAt] of raisedBefore) {
    if (!raisedAfter.has(id)) {
      events.push({ type: 'handLowered', at, participantId: id, waitedMs: Math.max(0, at - raisedAt) });
    }
  }
  for (const h of next.hands) {
    if (!raisedBefore.has(h.participantId)) events.push({ type: 'handRaised', at, participantId: h.participantId });
  }

  // Votes by id: opened when new and open, closed when their status turns.
  const votesBefore = new Map(prev.votes.map((v) => [v.id, v.status]));
  for (const v of next.votes) {
    const was = votesBefore.get(v.id);
    if (was === undefined && v.status === 'open') events.push({ type: 'voteOpened', at, voteId: v.id });
    if (v.status === 'closed' && was !== 'closed') {
      events.push({ type: 'voteClosed', at, voteId: v.id, voterCount: v.voterCount ?? 0 });
    }
  }

  if (prev.status !== 'ended' && next.status === 'ended') events.push({ type: 'meetingEnded', at });
  return events;
}
