// Which frames a step works in: where the view goes when the step starts and what "spotlight the
// frame" aims at. A step names them (`focusFrames`) when they are not its own layout's frames.
import { currentStep, layoutShapeId, sessionLibrary, type MethodLibrary, type SessionState } from '@vermeboard/shared';
import type { TLShapeId } from 'tldraw';

export function workFrameIds(state: SessionState, methods: MethodLibrary = sessionLibrary(state)): TLShapeId[] {
  const current = currentStep(state, methods);
  if (current === null) return [];
  const ids = current.step.focusFrames ?? (current.step.layout?.frames ?? []).map((f) => f.id);
  return ids.map((id) => layoutShapeId(current.ref.instanceId, id) as TLShapeId);
}
