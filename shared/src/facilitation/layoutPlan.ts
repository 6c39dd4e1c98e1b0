// Where a step's board layout goes: its frames, prompt notes, the group's goal cards and ground
// rules, as plain positioned items. The server turns a plan into tldraw records and writes them
// when the step is entered (server/src/board/layoutRecords.ts); browsers use the same plan to
// know which frames a step works in. One set of geometry for both sides.
import type { Locale } from './method.js';
import { layoutShapeId, type NoteColor, type Step } from './method.js';

/** Each agenda item gets its own band of the canvas, one below the other; no method is taller. */
export const agendaBandHeight = 3200;
export const layoutNoteSize = 200;
const noteGap = 40;
const framePadding = 60;

export interface LayoutFramePlan {
  kind: 'frame';
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  name: string;
}

export interface LayoutNotePlan {
  kind: 'note';
  id: string;
  /** The frame's shape id; x and y are relative to it. */
  parentId: string;
  x: number;
  y: number;
  text: string;
  color: NoteColor;
  /** A goal card names its goal, so progress notes below it are filed under that goal. */
  goalId?: string;
}

export type LayoutItemPlan = LayoutFramePlan | LayoutNotePlan;

/** What the group itself brings to a layout, read from its data when the step is placed. */
export interface GroupLayoutContent {
  /** Active goals in the group's order, for `needsGroupGoals` steps. */
  goals: readonly { id: string; text: string }[];
  /** The group's ground rules, for `needsGroupRules` steps. */
  groundRules: readonly string[];
}

export const noGroupContent: GroupLayoutContent = { goals: [], groundRules: [] };

/**
 * The name of a board's first page, in the group's language. tldraw names a new page "Page 1" in
 * every language, so the server writes the page itself when the meeting is created.
 */
export const firstPageName: Record<Locale, string> = { en: 'Page 1', fi: 'Sivu 1', sv: 'Sida 1' };

/** The items of one step's layout for one agenda item; frames come first so notes find their parent. */
export function planLayout(
  step: Step,
  instanceId: string,
  agendaIndex: number,
  locale: Locale,
  group: GroupLayoutContent = noGroupContent,
): LayoutItemPlan[] {
  const frames = step.layout?.frames ?? [];
  const originY = agendaIndex * agendaBandHeight;
  const items: LayoutItemPlan[] = frames.map((frame) => ({
    kind: 'frame',
    id: layoutShapeId(instanceId, frame.id),
    x: frame.x,
    y: originY + frame.y,
    w: frame.w,
    h: frame.h,
    name: frame.label[locale],
  }));
  const perFrame = new Map<string, number>();
  const noteIn = (frameId: string, frameW: number) => {
    const n = perFrame.get(frameId) ?? 0;
    perFrame.set(frameId, n + 1);
    const columns = Math.max(1, Math.floor((frameW - framePadding) / (layoutNoteSize + noteGap)));
    return {
      x: framePadding / 2 + (n % columns) * (layoutNoteSize + noteGap),
      y: framePadding + Math.floor(n / columns) * (layoutNoteSize + noteGap),
    };
  };
  const rulesFrame = frames[0];
  const ownRules = step.needsGroupRules === true && rulesFrame !== undefined && group.groundRules.length > 0;
  for (const note of step.layout?.notes ?? []) {
    const frame = frames.find((f) => f.id === note.frameId);
    if (frame === undefined || (ownRules && frame.id === rulesFrame.id)) continue;
    items.push({
      kind: 'note',
      id: layoutShapeId(instanceId, note.id),
      parentId: layoutShapeId(instanceId, frame.id),
      ...noteIn(frame.id, frame.w),
      text: note.text[locale],
      color: note.color,
    });
  }
  if (ownRules) {
    const color = step.layout?.notes.find((n) => n.frameId === rulesFrame.id)?.color ?? 'light-blue';
    group.groundRules.forEach((rule, i) => {
      items.push({
        kind: 'note',
        id: layoutShapeId(instanceId, `rule-${i + 1}`),
        parentId: layoutShapeId(instanceId, rulesFrame.id),
        ...noteIn(rulesFrame.id, rulesFrame.w),
        text: rule,
        color,
      });
    });
  }
  // Goal cards go into the step's first frame (the goals frame of the goal recap), each at the top of
  // its own column: members put their progress notes below a card, and the server files a note
  // under the card nearest to it (server/src/summary/boardHarvest.ts).
  const goalFrame = frames[0];
  if (step.needsGroupGoals === true && goalFrame !== undefined) {
    const column = goalFrame.w / Math.max(1, group.goals.length);
    group.goals.forEach((goal, i) => {
      items.push({
        kind: 'note',
        id: layoutShapeId(instanceId, `goal-${i + 1}`),
        parentId: layoutShapeId(instanceId, goalFrame.id),
        x: Math.round(i * column + (column - layoutNoteSize) / 2),
        y: framePadding,
        text: goal.text,
        color: 'light-green',
        goalId: goal.id,
      });
    });
  }
  return items;
}
