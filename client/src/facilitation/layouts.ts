// Which frames a step works in. The server places each step's layout on the board when the step is
// entered (server/src/facilitation/layoutPlacement.ts, with the geometry of
// shared/src/facilitation/layoutPlan.ts); this browser only needs the frames' ids to bring people
// to them.
import type { TLShapeId } from 'tldraw';
import { builtInMethods, currentStep, layoutShapeId, type MethodLibrary, type SessionState } from '@vermeboard/shared';

/** The ids of the frames the current step's layout names, to bring them into view when it starts. */
export function currentLayoutFrameIds(state: SessionState, methods: MethodLibrary = builtInMethods): TLShapeId[] {
  const current = currentStep(state, methods);
  if (current === null) return [];
  return (current.step.layout?.frames ?? []).map((f) => layoutShapeId(current.ref.instanceId, f.id) as TLShapeId);
}
