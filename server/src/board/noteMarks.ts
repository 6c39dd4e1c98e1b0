// Stars and action marks on board notes. They feed the meeting summary and the action items, so
// the server keeps them itself, in the board's `marks` map, set only by the `starNote` and
// `markAction` commands (checked by the reducer against the role), with who set them. A breakout
// room's board keeps its own; a room's marks come along when its result is copied (frameCopy.ts).
import * as Y from 'yjs';
import { BOARD_MARKS, noteMarksSchema, type MarkChange, type NoteMarks, type ParticipantId } from '@vermeboard/shared';

/** The marks map as the server reads it: entries that do not parse are left out. */
export function readMarks(doc: Y.Doc): Map<string, NoteMarks> {
  const marks = new Map<string, NoteMarks>();
  doc.getMap<unknown>(BOARD_MARKS).forEach((value, id) => {
    const parsed = noteMarksSchema.safeParse(value);
    if (parsed.success) marks.set(id, parsed.data);
  });
  return marks;
}

export function applyMark(doc: Y.Doc, shapeId: string, by: ParticipantId, change: MarkChange): void {
  const map = doc.getMap<unknown>(BOARD_MARKS);
  const parsed = noteMarksSchema.safeParse(map.get(shapeId));
  const next: NoteMarks = parsed.success ? { ...parsed.data } : {};
  if (change.kind === 'star') {
    if (change.starred) next.starredBy = by;
    else delete next.starredBy;
  } else if (change.action === null) {
    delete next.action;
  } else {
    next.action = { ...change.action, markedBy: by };
  }
  doc.transact(() => {
    if (next.starredBy === undefined && next.action === undefined) map.delete(shapeId);
    else map.set(shapeId, next);
  });
}

/**
 * Sets marks copied from another board (a room's result onto the plenary board), keyed by the
 * copies' ids: each mark the source has replaces that kind of mark on the copy; a mark set on the
 * copy itself and absent from the source stays. Returns how many notes' marks changed.
 */
export function copyMarks(doc: Y.Doc, incoming: ReadonlyMap<string, NoteMarks>): number {
  const map = doc.getMap<unknown>(BOARD_MARKS);
  let changed = 0;
  for (const [id, marks] of incoming) {
    const parsed = noteMarksSchema.safeParse(map.get(id));
    const earlier = parsed.success ? parsed.data : {};
    const next: NoteMarks = { ...earlier, ...marks };
    if (JSON.stringify(next) === JSON.stringify(map.get(id))) continue;
    map.set(id, next);
    changed++;
  }
  return changed;
}
