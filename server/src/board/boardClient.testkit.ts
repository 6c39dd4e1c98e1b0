// Writing and reading a board the way a browser's YKeyValue does, with complete tldraw records, for
// tests that drive real y-websocket clients against the server's board checks.
import type * as Y from 'yjs';
import type { NoteColor } from '@vermeboard/shared';
import { readRecords, setRecords } from '../facilitation/boardRecords.js';
import { defaultPageId, frameRecord, noteRecord } from './shapeRecords.js';

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

/** The note's text as JSON-escaped somewhere in its record (enough to find a marker string). */
export function recordText(doc: Y.Doc, id: string): string | null {
  const record = readRecords(doc).get(id);
  return record === undefined ? null : JSON.stringify(record);
}

export { readRecords, setRecords };
