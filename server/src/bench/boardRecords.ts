// What a bench client writes into a board document: a tldraw geo shape record that passes the
// server's board checks, stored the way the board binding stores records (shared/src/boardDoc.ts:
// a YKeyValue array of {key, val}).
//
// The send time rides in the record's `meta`, where tldraw keeps free-form user data, so a
// receiver reads it from the record it just merged.
import { BOARD_RECORDS } from '@vermeboard/shared';
import * as Y from 'yjs';
import type { BenchStamp } from './stamp.js';
import { dig, parseStamp } from './stamp.js';

export interface ShapeRecord {
  id: string;
  typeName: 'shape';
  type: 'geo';
  x: number;
  y: number;
  rotation: number;
  index: string;
  parentId: string;
  isLocked: boolean;
  opacity: number;
  props: Record<string, string | number | boolean | typeof benchText>;
  meta: { bench: BenchStamp };
}

/** The label as tldraw keeps it (rich text), so the record passes the server's board checks. */
const benchText = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bench note' }] }] };

export interface RecordEntry {
  key: string;
  val: ShapeRecord;
}

/** A moved shape: the same record a board writes when a user drags a rectangle (about 450 bytes). */
export function shapeRecord(id: string, x: number, y: number, stamp: BenchStamp): ShapeRecord {
  return {
    id,
    typeName: 'shape',
    type: 'geo',
    x,
    y,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: {
      w: 160,
      h: 90,
      geo: 'rectangle',
      color: 'light-violet',
      labelColor: 'black',
      fill: 'semi',
      dash: 'draw',
      size: 'm',
      font: 'draw',
      richText: benchText,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      flipX: false,
      flipY: false,
    },
    meta: { bench: stamp },
  };
}

export function recordsArray(doc: Y.Doc): Y.Array<RecordEntry> {
  return doc.getArray<RecordEntry>(BOARD_RECORDS);
}

/**
 * Replaces the entry for `key` (delete the old entry, append the new one), as y-utility's
 * YKeyValue.set does. Each bench client writes only its own keys, so no two clients ever set the
 * same key concurrently and YKeyValue's duplicate clean-up is not needed.
 */
export function setRecord<E extends { key: string }>(records: Y.Array<E>, entry: E): void {
  let index = 0;
  for (const existing of records) {
    if (existing.key === entry.key) {
      records.delete(index, 1);
      break;
    }
    index++;
  }
  records.push([entry]);
}

/** The bench stamp of a records entry received from the network, or null when it carries none. */
export const readEntryStamp = (entry: unknown): BenchStamp | null => parseStamp(dig(entry, 'val', 'meta', 'bench'));
