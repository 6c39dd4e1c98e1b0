// The board's shapes as the summary needs them, read from untrusted records (every browser in the
// meeting writes the board): only shape records with a string id, finite coordinates and object
// props/meta survive, and a text is taken only from where tldraw keeps it (`props.richText`).
//
// Authorship and marks come from the server's own maps (shared/src/boardDoc.ts), never from a
// record's meta: `authors` holds who created each record, `marks` the stars and action marks set by
// commands.
import type * as Y from 'yjs';
import { BOARD_AUTHORS, isLayoutShapeId, richTextToPlain, type NoteMarks } from '@vermeboard/shared';
import { readMarks } from '../board/noteMarks.js';
import { readRecords } from '../facilitation/boardRecords.js';

export interface BoardShape {
  id: string;
  type: string;
  parentId: string;
  x: number;
  y: number;
  props: Record<string, unknown>;
  meta: Record<string, unknown>;
  /** The participant who created the shape, as the server recorded it; null when unknown. */
  author: string | null;
  marks: NoteMarks;
}

export interface BoardRecordsAndMaps {
  records: ReadonlyMap<string, unknown>;
  authors?: ReadonlyMap<string, string>;
  marks?: ReadonlyMap<string, NoteMarks>;
}

/** Everything the summary reads from a board document, in one read. */
export function readBoard(doc: Y.Doc): BoardRecordsAndMaps {
  const authors = new Map<string, string>();
  doc.getMap<unknown>(BOARD_AUTHORS).forEach((value, id) => {
    if (typeof value === 'string') authors.set(id, value);
  });
  return { records: readRecords(doc), authors, marks: readMarks(doc) };
}

/** A board bigger than this is not a meeting; the rest is left out of the summary. */
const maxShapes = 20_000;
/** Frames inside frames are rare; a parent chain longer than this is treated as not inside. */
const maxDepth = 16;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const finite = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : 0);

export class BoardShapes {
  private readonly byId = new Map<string, BoardShape>();

  constructor({ records, authors, marks }: BoardRecordsAndMaps) {
    for (const [key, r] of records) {
      if (this.byId.size >= maxShapes) break;
      if (!isObject(r) || r.typeName !== 'shape' || r.id !== key || typeof r.type !== 'string') continue;
      this.byId.set(key, {
        id: key,
        type: r.type,
        parentId: typeof r.parentId === 'string' ? r.parentId : '',
        x: finite(r.x),
        y: finite(r.y),
        props: isObject(r.props) ? r.props : {},
        meta: isObject(r.meta) ? r.meta : {},
        author: authors?.get(key) ?? null,
        marks: marks?.get(key) ?? {},
      });
    }
  }

  get(id: string): BoardShape | undefined {
    return this.byId.get(id);
  }

  all(): BoardShape[] {
    return [...this.byId.values()];
  }

  /** Whether the shape's parent chain reaches `frameId`. */
  isInside(shape: BoardShape, frameId: string): boolean {
    let parent = this.byId.get(shape.parentId);
    for (let depth = 0; parent !== undefined && depth < maxDepth; depth++) {
      if (parent.id === frameId) return true;
      parent = this.byId.get(parent.parentId);
    }
    return false;
  }

  /** Shapes with text inside the frame, top to bottom, then left to right, as people read a column. */
  textsInside(frameId: string, keep: (shape: BoardShape) => boolean = () => true): BoardShape[] {
    return this.all()
      .filter((s) => this.isInside(s, frameId) && textOf(s) !== '' && keep(s))
      .sort((a, b) => {
        const pa = this.pagePoint(a);
        const pb = this.pagePoint(b);
        return pa.y - pb.y || pa.x - pb.x;
      });
  }

  /**
   * The shape's top-left corner in page space, adding up its parents' positions. Rotation is
   * ignored: template frames are never rotated, and a rotated note is still near where it was.
   */
  pagePoint(shape: BoardShape): { x: number; y: number } {
    let { x, y } = shape;
    let parent = this.byId.get(shape.parentId);
    for (let depth = 0; parent !== undefined && depth < maxDepth; depth++) {
      x += parent.x;
      y += parent.y;
      parent = this.byId.get(parent.parentId);
    }
    return { x, y };
  }

  /** The horizontal centre and vertical top of a shape in page space. */
  anchor(shape: BoardShape): { cx: number; top: number } {
    const p = this.pagePoint(shape);
    const w = typeof shape.props.w === 'number' && Number.isFinite(shape.props.w) ? shape.props.w : noteSize;
    const scale = typeof shape.props.scale === 'number' && Number.isFinite(shape.props.scale) ? shape.props.scale : 1;
    return { cx: p.x + (shape.type === 'note' ? noteSize * scale : w) / 2, top: p.y };
  }
}

/** tldraw's sticky notes are 200 × 200 at scale 1 and keep no width in their props. */
const noteSize = 200;

/** The plain text of a note, text or geo shape; empty for anything else. */
export function textOf(shape: BoardShape): string {
  return richTextToPlain(shape.props.richText);
}

/** A frame's name, or null when it has none. */
export function frameName(shape: BoardShape | undefined): string | null {
  const name = shape?.props.name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
}

/** Shapes the template placed (frames, prompt notes, goal cards): `layoutShapeId` ids. */
export function isLayoutShape(shape: BoardShape): boolean {
  return isLayoutShapeId(shape.id);
}
