// What a meeting's board hands on to the group's process when the meeting ends: progress notes
// under the goal cards of a goal recap, and action items (notes in a "Now what?" column, or marked
// as actions anywhere). Pure functions of the session, the board and the group's records.
//
// Rules, chosen so that they hold up to how people actually drag notes around:
// - Goal recap: the template places one goals frame with one goal card per goal, side by side. A
//   member's note anywhere inside that frame, below the top of the cards, belongs to the goal card
//   whose horizontal centre is nearest to the note's. The card names its goal in `meta.vbGoalId`;
//   a card without it (placed by an older browser) stands for the group's n-th active goal.
// - Authors: who created the note, as the server recorded it from the writer's connection (the
//   board's `authors` map; revealed private notes are their owner's) when that is a participant of
//   the group; otherwise the meeting's facilitator, who ran the round, is recorded as the author.
// - Action items: notes inside a "now-what" (reflection) or "actions" (4Ls) frame, and notes marked
//   as actions by the `markAction` command. The owner is the one the mark names, else the note's
//   author when that is a member or the facilitator (people write their own actions), else nobody.
import {
  sessionLibrary,
  layoutShapeId,
  processLimits,
  SHAPE_META,
  type GoalId,
  type MethodLibrary,
  type ParticipantId,
  type SessionState,
} from '@vermeboard/shared';
import type { GoalRecord, ParticipantRecord } from '../storage/Storage.js';
import { isLayoutShape, textOf, type BoardShape, type BoardShapes } from './boardShapes.js';

export interface HarvestInput {
  session: SessionState;
  shapes: BoardShapes;
  /** The group's goals, active ones first by position (as `listGoals(groupId, true)` returns them). */
  goals: readonly GoalRecord[];
  participants: readonly ParticipantRecord[];
  methods?: MethodLibrary;
}

export interface HarvestedProgress {
  goalId: GoalId;
  participantId: ParticipantId;
  text: string;
  sourceShapeId: string;
}

export interface HarvestedAction {
  text: string;
  ownerParticipantId: ParticipantId | null;
  dueDate: string | null;
  sourceShapeId: string;
}

/** Frame ids of method layouts whose notes are actions. */
export const actionFrameIds = ['now-what', 'actions'] as const;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function authorOf(shape: BoardShape, input: HarvestInput): ParticipantRecord | undefined {
  const byId = (id: unknown) => input.participants.find((p) => p.id === id);
  return byId(shape.author) ?? byId(input.session.facilitatorId);
}

/** The frame ids (`layoutShapeId`) of the agenda items' layout frames called `frameId`. */
export function layoutFrames(
  session: SessionState,
  frameIds: readonly string[],
  methods: MethodLibrary = sessionLibrary(session),
): { instanceId: string; frameId: string; shapeId: string }[] {
  const found: { instanceId: string; frameId: string; shapeId: string }[] = [];
  for (const item of session.agenda) {
    const seen = new Set<string>();
    for (const step of methods[item.methodId]?.steps ?? []) {
      for (const frame of step.layout?.frames ?? []) {
        if (!frameIds.includes(frame.id) || seen.has(frame.id)) continue;
        seen.add(frame.id);
        found.push({
          instanceId: item.instanceId,
          frameId: frame.id,
          shapeId: layoutShapeId(item.instanceId, frame.id),
        });
      }
    }
  }
  return found;
}

export function progressFromBoard(input: HarvestInput): HarvestedProgress[] {
  const { shapes, session } = input;
  const methods = input.methods ?? sessionLibrary(session);
  const active = input.goals.filter((g) => g.archivedAt === null);
  const found: HarvestedProgress[] = [];
  for (const item of session.agenda) {
    const step = methods[item.methodId]?.steps.find((s) => s.needsGroupGoals);
    const goalsFrame = step?.layout?.frames[0];
    if (goalsFrame === undefined) continue;
    const frameId = layoutShapeId(item.instanceId, goalsFrame.id);
    const cards: { goalId: GoalId; cx: number; top: number; id: string }[] = [];
    for (let n = 1; n <= processLimits.activeGoals; n++) {
      const card = shapes.get(layoutShapeId(item.instanceId, `goal-${n}`));
      if (card === undefined) continue;
      const named = input.goals.find((g) => g.id === card.meta[SHAPE_META.goalId]);
      const goal = named ?? active[n - 1];
      if (goal !== undefined) cards.push({ goalId: goal.id, id: card.id, ...shapes.anchor(card) });
    }
    if (cards.length === 0) continue;
    const notes = shapes.textsInside(frameId, (s) => s.type === 'note' && !isLayoutShape(s));
    for (const note of notes) {
      const { cx, top } = shapes.anchor(note);
      const nearest = cards.filter((c) => top >= c.top).sort((a, b) => Math.abs(a.cx - cx) - Math.abs(b.cx - cx))[0];
      const author = authorOf(note, input);
      if (nearest === undefined || author === undefined) continue;
      found.push({
        goalId: nearest.goalId,
        participantId: author.id,
        text: clip(textOf(note), processLimits.progressText),
        sourceShapeId: note.id,
      });
    }
  }
  return found;
}

export function actionsFromBoard(input: HarvestInput): HarvestedAction[] {
  const { shapes } = input;
  const inColumn = new Set<string>();
  for (const frame of layoutFrames(input.session, actionFrameIds, input.methods)) {
    for (const s of shapes.textsInside(frame.shapeId, (s) => s.type === 'note' && !isLayoutShape(s))) {
      inColumn.add(s.id);
    }
  }
  const found: HarvestedAction[] = [];
  for (const shape of shapes.all()) {
    if (shape.type !== 'note' || isLayoutShape(shape)) continue;
    const marked = shape.marks.action;
    if (marked === undefined && !inColumn.has(shape.id)) continue;
    const text = textOf(shape);
    if (text === '') continue;
    const member = (id: unknown) =>
      input.participants.find((p) => p.id === id && p.removedAt === null && p.role !== 'observer');
    const named = marked ? member(marked.ownerParticipantId) : undefined;
    const owner = named ?? member(shape.author);
    found.push({
      text: clip(text, processLimits.actionText),
      ownerParticipantId: owner?.id ?? null,
      dueDate: marked?.dueDate ?? null,
      sourceShapeId: shape.id,
    });
  }
  return found;
}
