// Which notes a dot vote is about: the notes inside the vote's frame on the board. Answered from
// the board document, so a browser cannot put dots on shapes outside the vote (or on nothing).
import type { MeetingId } from '@vermeboard/shared';
import { formatDocName, isLayoutShapeId } from '@vermeboard/shared';
import { readRecords } from './boardRecords.js';
import type { DocWriter } from './privateNotes.js';

/** Frames inside frames are rare; a parent chain longer than this is treated as not inside. */
const maxDepth = 16;

function parentOf(records: ReadonlyMap<string, unknown>, id: string): string | null {
  const record = records.get(id);
  if (typeof record !== 'object' || record === null) return null;
  const parentId = (record as { parentId?: unknown }).parentId;
  return typeof parentId === 'string' ? parentId : null;
}

/**
 * Whether `shapeId` is a participant's note on the board whose parent chain includes the frame.
 * Template prompt notes (layout ids) are not: they ask for ideas, they are not ideas to vote on.
 */
export function isNoteInFrame(records: ReadonlyMap<string, unknown>, frameShapeId: string, shapeId: string): boolean {
  if (isLayoutShapeId(shapeId)) return false;
  const shape = records.get(shapeId);
  if (typeof shape !== 'object' || shape === null) return false;
  const { typeName, type } = shape as { typeName?: unknown; type?: unknown };
  if (typeName !== 'shape' || type !== 'note') return false;
  let parent = parentOf(records, shapeId);
  for (let depth = 0; parent !== null && depth < maxDepth; depth++) {
    if (parent === frameShapeId) return true;
    parent = parentOf(records, parent);
  }
  return false;
}

/** A snapshot of the board's records, for `isNoteInFrame`. */
export function boardRecords(docs: DocWriter, meetingId: MeetingId): Promise<Map<string, unknown>> {
  return docs.withDoc(formatDocName({ kind: 'board', meetingId }), (doc) => readRecords(doc));
}

/** Whether `shapeId` is a participant's note on the board: a note, and not one of a layout's prompts or goal cards. */
export function isParticipantNote(records: ReadonlyMap<string, unknown>, shapeId: string): boolean {
  if (isLayoutShapeId(shapeId)) return false;
  const shape = records.get(shapeId);
  if (typeof shape !== 'object' || shape === null) return false;
  const { typeName, type } = shape as { typeName?: unknown; type?: unknown };
  return typeName === 'shape' && type === 'note';
}
