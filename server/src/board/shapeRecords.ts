// Frames and sticky notes as complete tldraw records, built with tldraw's own schema and validated,
// for everything the server writes to a board (layouts) and for the tests and the benchmark that
// write boards as a browser would. Text sizes cannot be measured without a browser, so a note grows
// by an estimate of its text's lines; tldraw renders the rest.
import type { IndexKey } from '@tldraw/utils';
import { toRichText, type TLRecord } from '@tldraw/tlschema';
import type { NoteColor } from '@vermeboard/shared';
import { validateBoardRecord } from './tldrawSchema.js';

export const defaultPageId = 'page:page';

const noteProps = {
  size: 'm',
  font: 'draw',
  align: 'middle',
  verticalAlign: 'middle',
  labelColor: 'black',
  fontSizeAdjustment: 1,
  url: '',
  scale: 1,
  textLastEditedBy: null,
} as const;

/** Roughly how a size-m draw-font label wraps in a 200 px note: characters per line, px per line, room. */
const charsPerLine = 14;
const lineHeight = 30;
const labelRoom = 168;

function growFor(text: string): number {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / charsPerLine)), 0);
  return Math.max(0, lines * lineHeight - labelRoom);
}

interface ShapePlacement {
  id: string;
  parentId: string;
  x: number;
  y: number;
  index?: IndexKey | string;
  meta?: Record<string, unknown>;
}

export function frameRecord(f: ShapePlacement & { w: number; h: number; name: string }): TLRecord {
  return validateBoardRecord({
    ...shapeBase(f),
    type: 'frame',
    props: { w: f.w, h: f.h, name: f.name, color: 'black' },
  });
}

export function noteRecord(n: ShapePlacement & { text: string; color?: NoteColor }): TLRecord {
  return validateBoardRecord({
    ...shapeBase(n),
    type: 'note',
    props: { ...noteProps, color: n.color ?? 'yellow', richText: toRichText(n.text), growY: growFor(n.text) },
  });
}

function shapeBase(s: ShapePlacement) {
  return {
    id: s.id,
    typeName: 'shape',
    parentId: s.parentId,
    index: s.index ?? 'a1',
    x: s.x,
    y: s.y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: s.meta ?? {},
  };
}
