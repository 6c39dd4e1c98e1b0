// Typed access to the two shared types of a `meeting/<id>/board` document (layout in
// @vermeboard/shared boardDoc.ts). Values read from here came over the network: they are `unknown`
// until a caller has validated them.
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { BOARD_META, BOARD_RECORDS } from '@vermeboard/shared';

export interface BoardDocument {
  doc: Y.Doc;
  /** tldraw record id → record JSON. */
  records: YKeyValue<unknown>;
  /** schemaVersion and tldrawSchema. */
  meta: Y.Map<unknown>;
}

// A YKeyValue keeps a map that mirrors the array and cleans up duplicates, so there must be exactly
// one per Y.Array: two would each try to delete the other's "stale" entries.
const opened = new WeakMap<Y.Doc, BoardDocument>();

export function openBoardDocument(doc: Y.Doc): BoardDocument {
  let board = opened.get(doc);
  if (!board) {
    board = {
      doc,
      records: new YKeyValue(doc.getArray<{ key: string; val: unknown }>(BOARD_RECORDS)),
      meta: doc.getMap<unknown>(BOARD_META),
    };
    opened.set(doc, board);
  }
  return board;
}
