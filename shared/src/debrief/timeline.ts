// The debrief of a meeting, computed from its event log (events.ts): planned versus actual time per
// step visit, each round-robin turn with its speaker and length, the talk-time balance, raised hands
// and how long they waited, and where the meeting ran over. Pure, so the server computes it and the
// tests check it against the log without a server.
import { z } from 'zod';
import { participantIdSchema, type ParticipantId } from '../ids.js';
import { limits } from '../limits.js';
import { slugSchema, speakingModeSchema } from '../facilitation/method.js';
import { instanceIdSchema } from '../facilitation/session.js';
import type { MeetingEvent } from './events.js';

const epochMs = z.number().int().min(0);
const ms = z.number().int().min(0);
const name = z.string().max(limits.displayName);

export const debriefStepSchema = z.strictObject({
  instanceId: instanceIdSchema,
  methodId: slugSchema,
  stepId: slugSchema,
  speakingMode: speakingModeSchema,
  enteredAt: epochMs,
  /** When the step was left; the meeting's end (or last event) for a step still open in the log. */
  leftAt: epochMs,
  plannedMs: ms,
  actualMs: ms,
  /** How far the visit ran past its plan; 0 when it kept to it. A step with no plan never runs over. */
  overrunMs: ms,
});
export type DebriefStep = z.infer<typeof debriefStepSchema>;

export const debriefTurnSchema = z.strictObject({
  instanceId: instanceIdSchema,
  stepId: slugSchema,
  participantId: participantIdSchema,
  name,
  startedAt: epochMs,
  ms,
  passed: z.boolean(),
});
export type DebriefTurn = z.infer<typeof debriefTurnSchema>;

export const debriefTalkSchema = z.strictObject({
  participantId: participantIdSchema,
  name,
  ms,
  turns: z.number().int().min(0),
  passes: z.number().int().min(0),
  /** Share of all round-robin talk time, 0–1; 0 when nobody spoke. */
  share: z.number().min(0).max(1),
});
export type DebriefTalk = z.infer<typeof debriefTalkSchema>;

export const debriefHandSchema = z.strictObject({
  participantId: participantIdSchema,
  name,
  raisedAt: epochMs,
  /** Null for a hand still up when the log ends. */
  loweredAt: epochMs.nullable(),
  waitedMs: ms,
});
export type DebriefHand = z.infer<typeof debriefHandSchema>;

export const debriefSchema = z.strictObject({
  startedAt: epochMs.nullable(),
  endedAt: epochMs.nullable(),
  plannedMs: ms,
  actualMs: ms,
  steps: z.array(debriefStepSchema),
  turns: z.array(debriefTurnSchema),
  talk: z.array(debriefTalkSchema),
  hands: z.array(debriefHandSchema),
  /** Indexes into `steps` of the visits that ran over, longest overrun first. */
  overruns: z.array(z.number().int().min(0)),
  /** The log reached its bound: later events are missing. */
  truncated: z.boolean(),
});
export type Debrief = z.infer<typeof debriefSchema>;

export interface DebriefInput {
  /** The meeting's events, oldest first. */
  events: readonly MeetingEvent[];
  /** Display names by participant; an unknown id shows as an empty name. */
  names: ReadonlyMap<ParticipantId, string> | Record<string, string>;
  truncated?: boolean;
}

export function buildDebrief({ events, names, truncated = false }: DebriefInput): Debrief {
  const nameOf = (id: ParticipantId) =>
    (names instanceof Map ? names.get(id) : (names as Record<string, string>)[id]) ?? '';
  const startedAt = events.find((e) => e.type === 'meetingStarted')?.at ?? null;
  const endedAt = events.findLast((e) => e.type === 'meetingEnded')?.at ?? null;
  const lastAt = events.length > 0 ? events[events.length - 1]!.at : 0;
  const closeAt = endedAt ?? lastAt;

  const steps: DebriefStep[] = [];
  type OpenStep = Omit<DebriefStep, 'leftAt' | 'actualMs' | 'overrunMs'>;
  // Held in a box: the compiler does not follow assignments made inside `closeStep`.
  const here: { open: OpenStep | null } = { open: null };
  const closeStep = (at: number) => {
    const open = here.open;
    if (open === null) return;
    const actualMs = Math.max(0, at - open.enteredAt);
    const overrunMs = open.plannedMs > 0 ? Math.max(0, actualMs - open.plannedMs) : 0;
    steps.push({ ...open, leftAt: at, actualMs, overrunMs });
    here.open = null;
  };

  const turns: DebriefTurn[] = [];
  const hands: DebriefHand[] = [];
  const openHands = new Map<ParticipantId, number>();

  for (const e of events) {
    switch (e.type) {
      case 'stepEntered':
        closeStep(e.at);
        here.open = {
          instanceId: e.instanceId,
          methodId: e.methodId,
          stepId: e.stepId,
          speakingMode: e.speakingMode,
          enteredAt: e.at,
          plannedMs: e.plannedMs,
        };
        break;
      case 'stepLeft':
        closeStep(e.at);
        break;
      case 'timerExtended':
        // Added time is part of the plan the facilitator chose while running the step.
        if (here.open !== null) here.open = { ...here.open, plannedMs: Math.max(0, here.open.plannedMs + e.byMs) };
        break;
      case 'turnEnded':
        turns.push({
          instanceId: e.instanceId,
          stepId: e.stepId,
          participantId: e.participantId,
          name: nameOf(e.participantId),
          startedAt: Math.max(0, e.at - e.ms),
          ms: e.ms,
          passed: e.passed,
        });
        break;
      case 'handRaised':
        openHands.set(e.participantId, e.at);
        break;
      case 'handLowered': {
        const raisedAt = openHands.get(e.participantId) ?? Math.max(0, e.at - e.waitedMs);
        openHands.delete(e.participantId);
        hands.push({
          participantId: e.participantId,
          name: nameOf(e.participantId),
          raisedAt,
          loweredAt: e.at,
          waitedMs: Math.max(0, e.at - raisedAt),
        });
        break;
      }
      default:
        break;
    }
  }
  closeStep(closeAt);
  for (const [participantId, raisedAt] of openHands) {
    hands.push({
      participantId,
      name: nameOf(participantId),
      raisedAt,
      loweredAt: null,
      waitedMs: Math.max(0, closeAt - raisedAt),
    });
  }
  hands.sort((a, b) => a.raisedAt - b.raisedAt);

  // Talk time per person, in the order they first spoke.
  const byPerson = new Map<ParticipantId, DebriefTalk>();
  for (const t of turns) {
    const row = byPerson.get(t.participantId) ?? {
      participantId: t.participantId,
      name: t.name,
      ms: 0,
      turns: 0,
      passes: 0,
      share: 0,
    };
    row.ms += t.ms;
    row.turns += 1;
    if (t.passed) row.passes += 1;
    byPerson.set(t.participantId, row);
  }
  const total = [...byPerson.values()].reduce((sum, r) => sum + r.ms, 0);
  const talk = [...byPerson.values()].map((r) => ({ ...r, share: total > 0 ? r.ms / total : 0 }));

  const overruns = steps
    .map((s, i) => [s.overrunMs, i] as const)
    .filter(([over]) => over > 0)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .map(([, i]) => i);

  return {
    startedAt,
    endedAt,
    plannedMs: steps.reduce((sum, s) => sum + s.plannedMs, 0),
    actualMs: startedAt === null ? 0 : Math.max(0, closeAt - startedAt),
    steps,
    turns,
    talk,
    hands,
    overruns,
    truncated,
  };
}
