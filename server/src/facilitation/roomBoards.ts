// What the server writes on breakout-room boards (`meeting/<id>/room/<n>/board`): a room's result
// frame when the room opens (labelled so that its people know from the start that it will be
// shared), and, when the rooms close, a copy of each room's result onto the plenary board, side by
// side under the room's name (frameCopy.ts: one transaction of the plenary board, with ids derived
// from the room, so copying again after a retry or a crash overwrites the earlier copy). The notes'
// stars and action marks come along, so that they reach the meeting summary.
import {
  formatDocName,
  plenaryResultFrameId,
  roomBoardLabels,
  roomResultFrame,
  roomResultFrameId,
  type Locale,
  type MeetingId,
} from '@vermeboard/shared';
import { defaultPageId, frameRecord } from '../board/shapeRecords.js';
import { validateBoardRecord } from '../board/tldrawSchema.js';
import { readRecords, setRecords } from './boardRecords.js';
import { copyFrames } from './frameCopy.js';
import type { DocWriter } from './privateNotes.js';

/** Places the result frame on a room's board unless it is there already. */
export async function prepareRoomBoard(
  docs: DocWriter,
  meetingId: MeetingId,
  room: number,
  locale: Locale,
): Promise<void> {
  await docs.withDoc(formatDocName({ kind: 'room', meetingId, room }), (doc) => {
    const existing = readRecords(doc);
    const id = roomResultFrameId(room);
    if (existing.has(id)) return;
    const records = new Map<string, unknown>();
    if (![...existing.values()].some((r) => (r as { typeName?: unknown }).typeName === 'page')) {
      const page = validateBoardRecord({ id: defaultPageId, typeName: 'page', name: 'Page 1', index: 'a1', meta: {} });
      records.set(page.id, page);
    }
    const frame = frameRecord({
      id,
      parentId: defaultPageId,
      ...roomResultFrame,
      name: roomBoardLabels.result[locale],
    });
    records.set(frame.id, frame);
    setRecords(doc, records);
  });
}

/**
 * Copies every room's result frame onto the plenary board, left to right in room order, below what
 * the board holds; returns how many records were written.
 */
export function copyRoomResults(
  docs: DocWriter,
  meetingId: MeetingId,
  rooms: readonly { n: number; name: string }[],
  locale: Locale,
): Promise<number> {
  const sources = rooms.map((room) => ({
    docName: formatDocName({ kind: 'room', meetingId, room: room.n }),
    frameId: roomResultFrameId(room.n),
    copyId: plenaryResultFrameId(room.n),
    idPrefix: `room-${room.n}`,
    name: roomBoardLabels.shared[locale](room.name),
  }));
  return copyFrames(docs, formatDocName({ kind: 'board', meetingId }), sources, 'below', { marks: true });
}
