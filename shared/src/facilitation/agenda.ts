// Where the meeting is: resolving agenda positions to methods and steps, and moving between them.
import type { Method, Step } from './method.js';
import type { MethodLibrary } from './methods/index.js';
import { sessionLibrary } from '../library/library.js';
import type { AgendaItem, Position, SessionState, StepRef } from './session.js';

export interface ResolvedStep {
  position: Position;
  item: AgendaItem;
  method: Method;
  step: Step;
  ref: StepRef;
}

/** The step at `position`, or null when the position is outside the agenda or names an unknown method. */
export function stepAt(
  state: SessionState,
  position: Position,
  methods: MethodLibrary = sessionLibrary(state),
): ResolvedStep | null {
  const item = state.agenda[position.agendaIndex];
  const method = item === undefined ? undefined : methods[item.methodId];
  const step = method?.steps[position.stepIndex];
  if (item === undefined || method === undefined || step === undefined) return null;
  return {
    position,
    item,
    method,
    step,
    ref: { instanceId: item.instanceId, methodId: method.id, stepId: step.id },
  };
}

/** The step the meeting is on; null before it starts (and after it ends, only the position remains). */
export function currentStep(state: SessionState, methods: MethodLibrary = sessionLibrary(state)): ResolvedStep | null {
  return state.status === 'running' && state.position !== null ? stepAt(state, state.position, methods) : null;
}

function stepCount(state: SessionState, agendaIndex: number, methods: MethodLibrary): number {
  const item = state.agenda[agendaIndex];
  return (item && methods[item.methodId]?.steps.length) ?? 0;
}

/** The following step, crossing into the next agenda item; null at the end of the agenda. */
export function nextPosition(state: SessionState, from: Position, methods: MethodLibrary): Position | null {
  if (from.stepIndex + 1 < stepCount(state, from.agendaIndex, methods)) {
    return { agendaIndex: from.agendaIndex, stepIndex: from.stepIndex + 1 };
  }
  for (let a = from.agendaIndex + 1; a < state.agenda.length; a++) {
    if (stepCount(state, a, methods) > 0) return { agendaIndex: a, stepIndex: 0 };
  }
  return null;
}

/** The preceding step, crossing back into the last step of the previous agenda item; null at the start. */
export function previousPosition(state: SessionState, from: Position, methods: MethodLibrary): Position | null {
  if (from.stepIndex > 0) return { agendaIndex: from.agendaIndex, stepIndex: from.stepIndex - 1 };
  for (let a = from.agendaIndex - 1; a >= 0; a--) {
    const steps = stepCount(state, a, methods);
    if (steps > 0) return { agendaIndex: a, stepIndex: steps - 1 };
  }
  return null;
}

export function samePosition(a: Position | null, b: Position | null): boolean {
  return a?.agendaIndex === b?.agendaIndex && a?.stepIndex === b?.stepIndex;
}
