// A step's board layout as tldraw shapes. The facilitator's browser places them when the session's
// `placedLayouts` gains the step (wire.ts): ids are deterministic (`layoutShapeId`), and only
// shapes missing from the board are created, so a step entered twice, a reload or two facilitator
// tabs still leave one set. Labels are in the placing browser's language, the meeting's language.
import { toRichText, type TLShapeId, type TLShapePartial } from 'tldraw';
import {
  builtInMethods,
  currentStep,
  layoutShapeId,
  SHAPE_META,
  stepKey,
  type Locale,
  type MethodLibrary,
  type SessionState,
  type Step,
} from '@vermeboard/shared';

/** Each agenda item gets its own band of the canvas, one below the other; no method is taller. */
export const agendaBandHeight = 3200;
const noteSize = 200;
const noteGap = 40;
const framePadding = 60;

export interface PlaceableLayout {
  key: string;
  shapes: TLShapePartial[];
}

/** Active goals for `needsGroupGoals` steps, in the group's order. */
export type GoalTexts = readonly { id: string; text: string }[];

export function layoutShapesFor(
  step: Step,
  instanceId: string,
  agendaIndex: number,
  locale: Locale,
  goals: GoalTexts = [],
): TLShapePartial[] {
  const frames = step.layout?.frames ?? [];
  const originY = agendaIndex * agendaBandHeight;
  const shapes: TLShapePartial[] = frames.map((frame) => ({
    id: layoutShapeId(instanceId, frame.id) as TLShapeId,
    type: 'frame',
    x: frame.x,
    y: originY + frame.y,
    props: { w: frame.w, h: frame.h, name: frame.label[locale] },
  }));
  const perFrame = new Map<string, number>();
  const noteIn = (frameId: string, frameW: number) => {
    const n = perFrame.get(frameId) ?? 0;
    perFrame.set(frameId, n + 1);
    const columns = Math.max(1, Math.floor((frameW - framePadding) / (noteSize + noteGap)));
    return {
      x: framePadding / 2 + (n % columns) * (noteSize + noteGap),
      y: framePadding + Math.floor(n / columns) * (noteSize + noteGap),
    };
  };
  for (const note of step.layout?.notes ?? []) {
    const frame = frames.find((f) => f.id === note.frameId);
    if (frame === undefined) continue;
    shapes.push({
      id: layoutShapeId(instanceId, note.id) as TLShapeId,
      type: 'note',
      parentId: layoutShapeId(instanceId, frame.id) as TLShapeId,
      ...noteIn(frame.id, frame.w),
      props: { richText: toRichText(note.text[locale]), color: note.color },
    });
  }
  // Goal cards go into the step's first frame (the goals frame of the goal recap), each at the top of
  // its own column: members put their progress notes below a card, and the server files a note
  // under the card nearest to it (server/src/summary/boardHarvest.ts). The card names its goal.
  const goalFrame = frames[0];
  if (step.needsGroupGoals && goalFrame !== undefined) {
    const column = goalFrame.w / Math.max(1, goals.length);
    goals.forEach((goal, i) => {
      shapes.push({
        id: layoutShapeId(instanceId, `goal-${i + 1}`) as TLShapeId,
        type: 'note',
        parentId: layoutShapeId(instanceId, goalFrame.id) as TLShapeId,
        x: Math.round(i * column + (column - noteSize) / 2),
        y: framePadding,
        props: { richText: toRichText(goal.text), color: 'light-green' },
        meta: { [SHAPE_META.goalId]: goal.id },
      });
    });
  }
  return shapes;
}

/** The layouts of steps whose key is in `keys`, resolved against the agenda. */
export function layoutsFor(
  state: SessionState,
  keys: readonly string[],
  locale: Locale,
  goals: GoalTexts = [],
  methods: MethodLibrary = builtInMethods,
): PlaceableLayout[] {
  const wanted = new Set(keys);
  const found: PlaceableLayout[] = [];
  state.agenda.forEach((item, agendaIndex) => {
    for (const step of methods[item.methodId]?.steps ?? []) {
      const key = stepKey({ instanceId: item.instanceId, stepId: step.id });
      if (wanted.has(key))
        found.push({ key, shapes: layoutShapesFor(step, item.instanceId, agendaIndex, locale, goals) });
    }
  });
  return found;
}

/** The step keys added to `placedLayouts` between two states. */
export function newlyPlacedKeys(before: SessionState | null, after: SessionState): string[] {
  const seen = new Set(before?.placedLayouts ?? []);
  return after.placedLayouts.filter((key) => !seen.has(key));
}

/** The shapes not yet on the board; frames come first so that notes find their parent. */
export function missingShapes(shapes: readonly TLShapePartial[], exists: (id: TLShapeId) => boolean): TLShapePartial[] {
  return shapes.filter((s) => !exists(s.id));
}

/** Whether any of these steps asks for the group's goal cards. */
export function needsGoals(
  state: SessionState,
  keys: readonly string[],
  methods: MethodLibrary = builtInMethods,
): boolean {
  return state.agenda.some((item) =>
    (methods[item.methodId]?.steps ?? []).some(
      (step) =>
        step.needsGroupGoals === true && keys.includes(stepKey({ instanceId: item.instanceId, stepId: step.id })),
    ),
  );
}

/**
 * The layouts to place now. Normally the keys `placedLayouts` gained since the last state this
 * browser saw. On the first state it sees (a reload, or just handed the facilitator role) it
 * cannot tell "never placed" from "placed and then deleted by the group", so it only places the
 * current step's layout, and only when none of its shapes is on the board.
 */
export function keysToPlace(
  before: SessionState | null,
  after: SessionState,
  exists: (id: TLShapeId) => boolean,
  locale: Locale,
  methods: MethodLibrary = builtInMethods,
): string[] {
  if (before !== null) return newlyPlacedKeys(before, after);
  const current = currentStep(after, methods);
  if (current === null) return [];
  const key = stepKey(current.ref);
  if (!after.placedLayouts.includes(key)) return [];
  const [layout] = layoutsFor(after, [key], locale, [], methods);
  return layout !== undefined && layout.shapes.length > 0 && layout.shapes.every((s) => !exists(s.id)) ? [key] : [];
}

/** The ids of the frames the current step's layout names, to bring them into view when it starts. */
export function currentLayoutFrameIds(state: SessionState, methods: MethodLibrary = builtInMethods): TLShapeId[] {
  const current = currentStep(state, methods);
  if (current === null) return [];
  return (current.step.layout?.frames ?? []).map((f) => layoutShapeId(current.ref.instanceId, f.id) as TLShapeId);
}
