// The board as a text outline, for screen-reader and keyboard users (and anyone who wants the
// board as a list): the current step's frames first, then the other frames, then what lies on the
// page outside any frame. Each frame lists its notes in reading order (top to bottom, then left to
// right) with text, author, dot-vote counts and marks, and sums up its other shapes by kind.
// A pure function of the shapes and the session, so it is tested without a browser.
import { richTextToPlain, type NoteMarks } from '@vermeboard/shared';

export interface OutlineShape {
  id: string;
  type: string;
  parentId: string;
  x: number;
  y: number;
  props: Record<string, unknown>;
  meta: Record<string, unknown>;
}

export interface OutlineNote {
  id: string;
  text: string;
  /** The author's display name, and participant id. */
  author: string | null;
  authorId: string | null;
  /** Dots on it in the latest closed vote, or null. */
  votes: number | null;
  starred: boolean;
  action: { owner: string | null; dueDate: string | null } | null;
  /** The viewer's own unrevealed note (a silent step's private note). */
  private: boolean;
  /** A template prompt or goal card, placed by the server. */
  prompt: boolean;
}

export type OtherKind = 'arrow' | 'image' | 'drawing' | 'text' | 'shape' | 'other';

export interface OutlineFrame {
  /** null for the page itself: what lies outside every frame. */
  id: string | null;
  name: string;
  /** A frame the current step works in. */
  current: boolean;
  notes: OutlineNote[];
  others: { kind: OtherKind; count: number; labels: string[] }[];
}

export interface OutlineInput {
  shapes: readonly OutlineShape[];
  /** The current step's frame ids, in the step's order. */
  currentFrameIds: readonly string[];
  authors: ReadonlyMap<string, string>;
  marks: ReadonlyMap<string, NoteMarks>;
  /** Participant id → display name. */
  names: ReadonlyMap<string, string>;
  voteCounts: Readonly<Record<string, number>> | null;
  isPrivate(shape: OutlineShape): boolean;
  isPrompt(id: string): boolean;
}

const kinds: Record<string, OtherKind> = {
  arrow: 'arrow',
  line: 'arrow',
  image: 'image',
  video: 'image',
  draw: 'drawing',
  highlight: 'drawing',
  text: 'text',
  geo: 'shape',
};

const maxDepth = 16;

function frameOf(shape: OutlineShape, byId: ReadonlyMap<string, OutlineShape>): string | null {
  let parent = byId.get(shape.parentId);
  for (let depth = 0; parent !== undefined && depth < maxDepth; depth++) {
    if (parent.type === 'frame') return parent.id;
    parent = byId.get(parent.parentId);
  }
  return null;
}

function textOf(shape: OutlineShape): string {
  return richTextToPlain(shape.props.richText).trim();
}

/** Reading order: rows top to bottom (notes within half a note's height share a row), then left to right. */
function readingOrder(a: OutlineShape, b: OutlineShape): number {
  return Math.abs(a.y - b.y) > 100 ? a.y - b.y : a.x - b.x;
}

export function buildOutline(input: OutlineInput): OutlineFrame[] {
  const byId = new Map(input.shapes.map((s) => [s.id, s]));
  const frames = new Map<string | null, OutlineFrame>();
  const frameShapes = input.shapes.filter((s) => s.type === 'frame');
  const current = new Set(input.currentFrameIds);
  const ordered = [
    ...input.currentFrameIds.map((id) => byId.get(id)).filter((s): s is OutlineShape => s?.type === 'frame'),
    ...frameShapes.filter((s) => !current.has(s.id)).sort(readingOrder),
  ];
  for (const f of ordered) {
    const name = typeof f.props.name === 'string' && f.props.name.trim() !== '' ? f.props.name.trim() : '';
    frames.set(f.id, { id: f.id, name, current: current.has(f.id), notes: [], others: [] });
  }
  frames.set(null, { id: null, name: '', current: false, notes: [], others: [] });

  const inFrame = new Map<string | null, OutlineShape[]>();
  for (const shape of input.shapes) {
    if (shape.type === 'frame' || shape.type === 'group') continue;
    const key = frameOf(shape, byId);
    const list = inFrame.get(key) ?? [];
    list.push(shape);
    inFrame.set(key, list);
  }
  for (const [key, shapes] of inFrame) {
    const frame = frames.get(key) ?? frames.get(null)!;
    const others = new Map<OtherKind, { kind: OtherKind; count: number; labels: string[] }>();
    for (const shape of [...shapes].sort(readingOrder)) {
      if (shape.type === 'note') {
        const mark = input.marks.get(shape.id);
        const author = input.authors.get(shape.id) ?? (shape.meta.vbAuthor as string | undefined) ?? null;
        frame.notes.push({
          id: shape.id,
          text: textOf(shape),
          author: author === null ? null : (input.names.get(author) ?? null),
          authorId: author,
          votes: input.voteCounts?.[shape.id] ?? null,
          starred: mark?.starredBy !== undefined,
          action: mark?.action
            ? {
                owner: mark.action.ownerParticipantId
                  ? (input.names.get(mark.action.ownerParticipantId) ?? null)
                  : null,
                dueDate: mark.action.dueDate,
              }
            : null,
          private: input.isPrivate(shape),
          prompt: input.isPrompt(shape.id),
        });
        continue;
      }
      const kind = kinds[shape.type] ?? 'other';
      const entry = others.get(kind) ?? { kind, count: 0, labels: [] };
      entry.count++;
      const label = shape.type === 'image' ? (shape.props.altText as string | undefined) : textOf(shape);
      if (label) entry.labels.push(label);
      others.set(kind, entry);
    }
    frame.others = [...others.values()];
  }
  return [...frames.values()].filter((f) => f.id !== null || f.notes.length > 0 || f.others.length > 0);
}
