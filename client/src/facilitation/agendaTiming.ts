// The agenda's clock: each step's planned duration (the facilitator's change, else the method's
// timebox), the total, and how far the meeting has run over its plan so far — computed from the
// session's step log, so every facilitator's browser shows the same figures.
import {
  sessionLibrary,
  stepDurationMs,
  stepKey,
  speakersByJoinOrder,
  type SessionState,
  type Step,
} from '@vermeboard/shared';

/** A step's planned duration in ms; round-robin steps sized by today's speakers, as the timer is. */
export function plannedMs(state: SessionState, instanceId: string, step: Step): number {
  const speakers = step.turnSeconds === undefined ? 0 : speakersByJoinOrder(state.participants).length;
  return stepDurationMs(step, speakers, state.stepDurations?.[stepKey({ instanceId, stepId: step.id })]);
}

/** The whole agenda's planned duration in ms. */
export function plannedTotalMs(state: SessionState): number {
  let total = 0;
  for (const item of state.agenda) {
    for (const step of sessionLibrary(state)[item.methodId]?.steps ?? [])
      total += plannedMs(state, item.instanceId, step);
  }
  return total;
}

/**
 * Time spent beyond the plan so far, in ms (negative: ahead of it). Every step visited counts its
 * time spent (all visits together) against its plan, except that the current step counts only once
 * it has run past its plan: a step still under way is not yet "ahead".
 */
export function overrunMs(state: SessionState, now: number): number {
  const spent = new Map<string, number>();
  for (const visit of state.stepLog ?? []) {
    const key = stepKey(visit);
    spent.set(key, (spent.get(key) ?? 0) + Math.max(0, (visit.leftAt ?? now) - visit.enteredAt));
  }
  const open = state.stepLog?.findLast((v) => v.leftAt === null);
  let overrun = 0;
  for (const item of state.agenda) {
    for (const step of sessionLibrary(state)[item.methodId]?.steps ?? []) {
      const key = stepKey({ instanceId: item.instanceId, stepId: step.id });
      const used = spent.get(key);
      if (used === undefined) continue;
      const diff = used - plannedMs(state, item.instanceId, step);
      const current = open !== undefined && stepKey(open) === key;
      overrun += current ? Math.max(0, diff) : diff;
    }
  }
  return overrun;
}

/** Whole minutes for the agenda's labels, rounding half a minute up. */
export function minutesOf(ms: number): number {
  return Math.round(ms / 60_000);
}
