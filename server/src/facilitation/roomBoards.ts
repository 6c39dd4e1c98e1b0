// What the server writes on breakout-room boards (`meeting/<id>/room/<n>/board`): a room's result
// frame when the room opens (labelled so that its people know from the start that it will be
// shared), and, when the rooms close, a copy of each room's result onto the plenary board, side by
// side under the room's name. The copy is one transaction of the plenary board, and every record it
// writes has an id derived from the room and the original record's id, so copying again (a retry,
// or a crash before the rooms' connections closed) overwrites the earlier copy instead of adding one.
import { getIndicesAbove, type IndexKey } from '@tldraw/utils';
import {
  BOARD_AUTHORS,
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
import type { DocWriter } from './privateNotes.js';

/** Bounds on one room's copy, since its content came from browsers. */
const maxShapesPerRoom = 500;
const gap = 120;

interface Shape {
  id: string;
  typeName: 'shape';
  parentId: string;
  x: number;
  y: number;
  index: string;
  props: Record<string, unknown>;
  [key: string]: unknown;
}

function isShape(val: unknown): val is Shape {
  if (typeof val !== 'object' || val === null) return false;
  const s = val as Partial<Shape>;
  return (
    s.typeName === 'shape' &&
    typeof s.id === 'string' &&
    typeof s.parentId === 'string' &&
    typeof s.x === 'number' &&
    typeof s.y === 'number' &&
    typeof s.index === 'string'
  );
}

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

/** The id a room's record gets on the plenary board. */
function copiedId(room: number, id: string): string {
  return `shape:room-${room}.${id.slice('shape:'.length)}`;
}

/**
 * The room's result: the frame's descendants, and shapes lying loose on the page whose corner is
 * inside the frame (drawn over it without being dropped in). Positions become relative to the frame.
 */
function resultShapes(records: ReadonlyMap<string, unknown>, room: number): Shape[] {
  const frameId = roomResultFrameId(room);
  const frame = records.get(frameId);
  if (!isShape(frame)) return [];
  const w = Number(frame.props.w) || roomResultFrame.w;
  const h = Number(frame.props.h) || roomResultFrame.h;
  const shapes = [...records.values()].filter(isShape);
  const inside = new Set<string>([frameId]);
  const taken: Shape[] = [];
  // Parents before children: repeat until no more descendants are found (shapes nest a few deep).
  for (let grew = true; grew && taken.length < maxShapesPerRoom;) {
    grew = false;
    for (const s of shapes) {
      if (inside.has(s.id) || taken.length >= maxShapesPerRoom) continue;
      const loose =
        s.parentId === frame.parentId && s.x >= frame.x && s.y >= frame.y && s.x < frame.x + w && s.y < frame.y + h;
      if (!inside.has(s.parentId) && !loose) continue;
      inside.add(s.id);
      taken.push(loose ? { ...s, parentId: frameId, x: s.x - frame.x, y: s.y - frame.y } : s);
      grew = true;
    }
  }
  return taken;
}

/**
 * Copies every room's result frame onto the plenary board, left to right in room order, below what
 * the board holds; returns how many records were written.
 */
export async function copyRoomResults(
  docs: DocWriter,
  meetingId: MeetingId,
  rooms: readonly { n: number; name: string }[],
  locale: Locale,
): Promise<number> {
  const copies = new Map<string, unknown>();
  const authors = new Map<string, string>();
  const results: { room: { n: number; name: string }; shapes: Shape[] }[] = [];
  for (const room of rooms) {
    const name = formatDocName({ kind: 'room', meetingId, room: room.n });
    const read = await docs.withDoc(name, (doc) => ({
      records: readRecords(doc),
      authors: doc.getMap<string>(BOARD_AUTHORS).toJSON() as Record<string, string>,
    }));
    const shapes = resultShapes(read.records, room.n);
    results.push({ room, shapes });
    for (const s of shapes) {
      const author = read.authors[s.id];
      if (typeof author === 'string') authors.set(copiedId(room.n, s.id), author);
    }
  }
  return docs.withDoc(formatDocName({ kind: 'board', meetingId }), (doc) => {
    const existing = readRecords(doc);
    const { pageId, top, bottom } = plenaryPage(existing);
    const indexes = getIndicesAbove(top as IndexKey | null, Math.max(1, results.length));
    results.forEach(({ room, shapes }, i) => {
      const frameId = plenaryResultFrameId(room.n);
      const frame = frameRecord({
        id: frameId,
        parentId: pageId,
        ...roomResultFrame,
        x: i * (roomResultFrame.w + gap),
        // Where an earlier copy of this room sits, it stays: copying again must not move it.
        y: (existing.get(frameId) as { y?: number } | undefined)?.y ?? bottom + gap,
        index: indexes[i]!,
        name: roomBoardLabels.shared[locale](room.name),
      });
      copies.set(frameId, frame);
      const roomFrame = roomResultFrameId(room.n);
      for (const s of shapes) {
        const parentId = s.parentId === roomFrame ? frameId : copiedId(room.n, s.parentId);
        try {
          const record = validateBoardRecord({ ...s, id: copiedId(room.n, s.id), parentId });
          copies.set(record.id, record);
        } catch {
          // A record this server's schema does not take stays in the room.
        }
      }
    });
    // Only what differs from an earlier copy is written: copying again changes nothing.
    const changed = new Map([...copies].filter(([id, r]) => JSON.stringify(existing.get(id)) !== JSON.stringify(r)));
    setRecords(doc, changed);
    const map = doc.getMap<string>(BOARD_AUTHORS);
    for (const [id, author] of authors) if (changed.has(id) && !map.has(id)) map.set(id, author);
    return changed.size;
  });
}

/** The plenary board's first page, the topmost shape index on it, and the lowest edge of its shapes. */
function plenaryPage(records: ReadonlyMap<string, unknown>): { pageId: string; top: string | null; bottom: number } {
  let page: { id: string; index: string } | null = null;
  for (const [id, val] of records) {
    const r = val as { typeName?: unknown; index?: unknown };
    if (r.typeName === 'page' && typeof r.index === 'string' && (page === null || r.index < page.index)) {
      page = { id, index: r.index };
    }
  }
  const pageId = page?.id ?? defaultPageId;
  let top: string | null = null;
  let bottom = 0;
  for (const val of records.values()) {
    if (!isShape(val) || val.parentId !== pageId || val.id.startsWith('shape:layout.room-')) continue;
    if (top === null || val.index > top) top = val.index;
    bottom = Math.max(bottom, val.y + (Number(val.props.h) || 200));
  }
  return { pageId, top, bottom };
}
