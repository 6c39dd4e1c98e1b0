// Writing and reading a board the way a browser's YKeyValue does, with complete tldraw records, for
// tests that drive real y-websocket clients against the server's board checks.
import type * as Y from 'yjs';
import type { NoteColor } from '@vermeboard/shared';
import { readRecords, setRecords } from '../facilitation/boardRecords.js';
import { toRichText } from '@tldraw/tlschema';
import { defaultPageId, frameRecord, noteRecord } from './shapeRecords.js';
import { validateBoardRecord } from './tldrawSchema.js';

export interface NoteSpec {
  parentId?: string;
  x?: number;
  y?: number;
  color?: NoteColor;
  meta?: Record<string, unknown>;
}

export function putNote(doc: Y.Doc, id: string, text: string, spec: NoteSpec = {}): void {
  const { parentId = defaultPageId, x = 0, y = 0, ...rest } = spec;
  setRecords(doc, new Map([[id, noteRecord({ id, parentId, x, y, text, ...rest })]]));
}

export function putFrame(doc: Y.Doc, id: string, name: string, box = { x: 0, y: 0, w: 800, h: 600 }): void {
  setRecords(doc, new Map([[id, frameRecord({ id, parentId: defaultPageId, name, ...box })]]));
}

/** An arrow shape, and the bindings of its ends to the shapes it joins (as tldraw writes them). */
export function putArrow(
  doc: Y.Doc,
  id: string,
  ends: { parentId?: string; start?: string; end?: string; x?: number; y?: number },
): void {
  const { parentId = defaultPageId, x = 0, y = 0 } = ends;
  const records = new Map<string, Record<string, unknown>>([
    [
      id,
      {
        id,
        typeName: 'shape',
        type: 'arrow',
        parentId,
        index: 'a5',
        x,
        y,
        rotation: 0,
        isLocked: false,
        opacity: 1,
        meta: {},
        props: {
          kind: 'arc',
          elbowMidPoint: 0.5,
          dash: 'draw',
          size: 'm',
          fill: 'none',
          color: 'black',
          labelColor: 'black',
          bend: 0,
          start: { x: 0, y: 0 },
          end: { x: 100, y: 0 },
          arrowheadStart: 'none',
          arrowheadEnd: 'arrow',
          richText: toRichText(''),
          labelPosition: 0.5,
          font: 'draw',
          scale: 1,
        },
      },
    ],
  ]);
  for (const terminal of ['start', 'end'] as const) {
    const toId = ends[terminal];
    if (toId === undefined) continue;
    const bindingId = `binding:${id.slice('shape:'.length)}-${terminal}`;
    records.set(bindingId, {
      id: bindingId,
      typeName: 'binding',
      type: 'arrow',
      fromId: id,
      toId,
      meta: {},
      props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
    });
  }
  setRecords(doc, new Map([...records].map(([key, record]) => [key, validateBoardRecord(record)])));
}

/** The note's text as JSON-escaped somewhere in its record (enough to find a marker string). */
export function recordText(doc: Y.Doc, id: string): string | null {
  const record = readRecords(doc).get(id);
  return record === undefined ? null : JSON.stringify(record);
}

export { readRecords, setRecords };
