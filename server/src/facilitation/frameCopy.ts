// Copies a frame and what lies in it, with the bindings between those shapes (arrows stay on the
// notes they join), from one board document to another, in one transaction of the target: a
// breakout room's result onto the plenary board (roomBoards.ts), and a group's frame onto an
// encounter's plaza board (plazaShare.ts). Every record written has an id derived from the
// source and the original record's id, so copying again (a retry, or sharing the same frame twice)
// rewrites the earlier copy instead of adding one, and writes nothing when nothing changed. A
// shape removed from the source since an earlier copy stays on the target until someone deletes it.
// A room's result brings its notes' marks (stars, action items) along, under the copies' ids, so
// that the meeting summary, which reads the plenary board, finds them; a plaza share does not (the
// marks name people of another group's meeting).
import { getIndicesAbove, type IndexKey } from '@tldraw/utils';
import { BOARD_AUTHORS, type NoteMarks } from '@vermeboard/shared';
import { copyMarks, readMarks } from '../board/noteMarks.js';
import { defaultPageId, frameRecord } from '../board/shapeRecords.js';
import { validateBoardRecord } from '../board/tldrawSchema.js';
import { readRecords, setRecords } from './boardRecords.js';
import type { DocWriter } from './privateNotes.js';

/** Bounds on one frame's copy, since its content came from browsers. */
const maxShapesPerFrame = 500;
const gap = 120;
const fallbackSize = { w: 640, h: 420 };

interface Shape {
  id: string;
  typeName: 'shape';
  type?: unknown;
  parentId: string;
  x: number;
  y: number;
  index: string;
  props: Record<string, unknown>;
  [key: string]: unknown;
}

export function isShape(val: unknown): val is Shape {
  if (typeof val !== 'object' || val === null) return false;
  const s = val as Partial<Shape>;
  return (
    s.typeName === 'shape' &&
    typeof s.id === 'string' &&
    typeof s.parentId === 'string' &&
    typeof s.x === 'number' &&
    typeof s.y === 'number' &&
    typeof s.index === 'string' &&
    typeof s.props === 'object' &&
    s.props !== null
  );
}

/** Whether a record is a frame shape. */
export function isFrame(val: unknown): boolean {
  return isShape(val) && val.type === 'frame';
}

/** One frame to copy: where it is, the id its copy gets, the prefix of its content's ids, its label. */
export interface FrameSource {
  docName: string;
  frameId: string;
  copyId: string;
  /** The copies of the frame's shapes get ids `shape:<idPrefix>.<original id>` (bindings `binding:…`). */
  idPrefix: string;
  name: string;
}

interface Binding {
  id: string;
  typeName: 'binding';
  fromId: string;
  toId: string;
  [key: string]: unknown;
}

function isBinding(val: unknown): val is Binding {
  if (typeof val !== 'object' || val === null) return false;
  const b = val as Partial<Binding>;
  return (
    b.typeName === 'binding' && typeof b.id === 'string' && typeof b.fromId === 'string' && typeof b.toId === 'string'
  );
}

/**
 * The bindings between copied shapes (an arrow's ends on the notes it joins): without them a copied
 * arrow would stay where it was drawn instead of following its notes. A binding to a shape outside
 * the frame is left out; that end of the arrow stays at its last point.
 */
function frameBindings(records: ReadonlyMap<string, unknown>, frameId: string, shapes: readonly Shape[]): Binding[] {
  const inside = new Set([frameId, ...shapes.map((s) => s.id)]);
  const taken: Binding[] = [];
  for (const val of records.values()) {
    if (isBinding(val) && inside.has(val.fromId) && inside.has(val.toId)) taken.push(val);
  }
  return taken;
}

/** Below what the target board holds, left to right; or to its right, top-aligned. */
export type Placement = 'below' | 'beside';

function size(frame: Shape): { w: number; h: number } {
  const bounded = (v: unknown, d: number) => (typeof v === 'number' && v > 0 && v < 100_000 ? v : d);
  return { w: bounded(frame.props.w, fallbackSize.w), h: bounded(frame.props.h, fallbackSize.h) };
}

/**
 * The frame's content: its descendants, and shapes lying loose on the page whose corner is inside
 * the frame (drawn over it without being dropped in). Positions become relative to the frame.
 */
function frameShapes(records: ReadonlyMap<string, unknown>, frame: Shape): Shape[] {
  const { w, h } = size(frame);
  const shapes = [...records.values()].filter(isShape);
  const inside = new Set<string>([frame.id]);
  const taken: Shape[] = [];
  // Parents before children: repeat until no more descendants are found (shapes nest a few deep).
  for (let grew = true; grew && taken.length < maxShapesPerFrame;) {
    grew = false;
    for (const s of shapes) {
      if (inside.has(s.id) || taken.length >= maxShapesPerFrame) continue;
      const loose =
        s.parentId === frame.parentId && s.x >= frame.x && s.y >= frame.y && s.x < frame.x + w && s.y < frame.y + h;
      if (!inside.has(s.parentId) && !loose) continue;
      inside.add(s.id);
      taken.push(loose ? { ...s, parentId: frame.id, x: s.x - frame.x, y: s.y - frame.y } : s);
      grew = true;
    }
  }
  return taken;
}

/**
 * Copies each source's frame onto the target board, in order; a source whose frame is missing
 * still gets an empty frame under its name. Returns how many records (and notes' marks) were written.
 */
export async function copyFrames(
  docs: DocWriter,
  targetDocName: string,
  sources: readonly FrameSource[],
  placement: Placement,
  opts: { marks?: boolean } = {},
): Promise<number> {
  const authors = new Map<string, string>();
  const marks = new Map<string, NoteMarks>();
  const read: { source: FrameSource; frame: Shape | null; shapes: Shape[]; bindings: Binding[] }[] = [];
  for (const source of sources) {
    const got = await docs.withDoc(source.docName, (doc) => ({
      records: readRecords(doc),
      authors: doc.getMap<string>(BOARD_AUTHORS).toJSON() as Record<string, string>,
      marks: opts.marks ? readMarks(doc) : null,
    }));
    const frame = got.records.get(source.frameId);
    const shapes = isShape(frame) ? frameShapes(got.records, frame) : [];
    const bindings = isShape(frame) ? frameBindings(got.records, frame.id, shapes) : [];
    read.push({ source, frame: isShape(frame) ? frame : null, shapes, bindings });
    for (const r of [...shapes, ...bindings]) {
      const author = got.authors[r.id];
      if (typeof author === 'string') authors.set(copiedId(source, r.id), author);
    }
    for (const s of shapes) {
      const mark = got.marks?.get(s.id);
      if (mark !== undefined) marks.set(copiedId(source, s.id), mark);
    }
  }
  return docs.withDoc(targetDocName, (doc) => {
    const existing = readRecords(doc);
    const page = targetPage(existing);
    const indexes = getIndicesAbove(page.top as IndexKey | null, Math.max(1, read.length));
    const copies = new Map<string, unknown>();
    let x = placement === 'below' ? 0 : page.right + gap;
    read.forEach(({ source, frame, shapes, bindings }, i) => {
      const { w, h } = frame ? size(frame) : fallbackSize;
      const earlier = existing.get(source.copyId) as { x?: number; y?: number; index?: string } | undefined;
      const copy = frameRecord({
        id: source.copyId,
        parentId: page.id,
        // Where an earlier copy sits (and in which order), it stays: copying again must not move it.
        x: earlier?.x ?? x,
        y: earlier?.y ?? (placement === 'below' ? page.bottom + gap : page.top === null ? 0 : page.topEdge),
        w,
        h,
        index: earlier?.index ?? indexes[i]!,
        name: source.name,
      });
      x += w + gap;
      copies.set(copy.id, copy);
      const shapeCopy = (id: string) => (id === source.frameId ? source.copyId : copiedId(source, id));
      const put = (record: Record<string, unknown>) => {
        try {
          const valid = validateBoardRecord(record);
          copies.set(valid.id, valid);
        } catch {
          // A record this server's schema does not take stays where it was.
        }
      };
      for (const s of shapes) put({ ...s, id: copiedId(source, s.id), parentId: shapeCopy(s.parentId) });
      for (const b of bindings) {
        put({ ...b, id: copiedId(source, b.id), fromId: shapeCopy(b.fromId), toId: shapeCopy(b.toId) });
      }
    });
    // Only what differs from an earlier copy is written: copying again changes nothing.
    const changed = new Map([...copies].filter(([id, r]) => JSON.stringify(existing.get(id)) !== JSON.stringify(r)));
    // Marks only on copies that are there: a record the schema refused was not copied.
    const onCopies = new Map([...marks].filter(([id]) => copies.has(id) || existing.has(id)));
    let marked = 0;
    doc.transact(() => {
      setRecords(doc, changed);
      const map = doc.getMap<string>(BOARD_AUTHORS);
      for (const [id, author] of authors) if (changed.has(id) && !map.has(id)) map.set(id, author);
      marked = copyMarks(doc, onCopies);
    });
    return changed.size + marked;
  });
}

/** A copied record's id: `shape:<prefix>.<original>` for a shape, `binding:<prefix>.<original>` for a binding. */
function copiedId(source: FrameSource, id: string): string {
  const colon = id.indexOf(':');
  return `${id.slice(0, colon)}:${source.idPrefix}.${id.slice(colon + 1)}`;
}

/** The target board's first page, its topmost shape index, and the edges of the shapes on it. */
function targetPage(records: ReadonlyMap<string, unknown>) {
  let page: { id: string; index: string } | null = null;
  for (const [id, val] of records) {
    const r = val as { typeName?: unknown; index?: unknown };
    if (r.typeName === 'page' && typeof r.index === 'string' && (page === null || r.index < page.index)) {
      page = { id, index: r.index };
    }
  }
  const id = page?.id ?? defaultPageId;
  let top: string | null = null;
  let bottom = 0;
  let right = 0;
  let topEdge = Infinity;
  for (const val of records.values()) {
    // Room cards are the plenary's layout, not content: copies go beside or below the content.
    if (!isShape(val) || val.parentId !== id || val.id.startsWith('shape:layout.room-')) continue;
    if (top === null || val.index > top) top = val.index;
    bottom = Math.max(bottom, val.y + (Number(val.props.h) || 200));
    right = Math.max(right, val.x + (Number(val.props.w) || 200));
    topEdge = Math.min(topEdge, val.y);
  }
  return { id, top, bottom, right, topEdge: Number.isFinite(topEdge) ? topEdge : 0 };
}
