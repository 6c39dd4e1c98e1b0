// Reads and writes the records of a board-shaped document (`meeting/<id>/board` and the private
// documents: see shared/src/boardDoc.ts) the way y-utility's YKeyValue lays them out: an array of
// `{ key, val }` in which the rightmost entry for a key wins.
//
// The server works on the array directly instead of wrapping it in a YKeyValue: a YKeyValue keeps an
// observer on the array for the document's lifetime and rewrites the array whenever it sees
// duplicates, and a second instance on the same document would fight the first. The server only
// needs a read and a single-transaction write, which stays compatible with the browsers' YKeyValue:
// it deletes every older entry of a key before appending the new one, exactly as `YKeyValue.set`.
import type * as Y from 'yjs';
import { BOARD_RECORDS } from '@vermeboard/shared';

interface Entry {
  key: string;
  val: unknown;
}

function isEntry(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}

function recordsOf(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray<unknown>(BOARD_RECORDS);
}

/** Record id → record, as a browser's YKeyValue would see them. Values came from browsers: unknown. */
export function readRecords(doc: Y.Doc): Map<string, unknown> {
  const records = new Map<string, unknown>();
  const entries = recordsOf(doc).toArray();
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (isEntry(entry) && !records.has(entry.key)) records.set(entry.key, entry.val);
  }
  return records;
}

/**
 * Sets each record, replacing any existing record with the same id. One transaction, so a browser's
 * YKeyValue sees an update rather than a delete followed by an add.
 */
export function setRecords(doc: Y.Doc, records: ReadonlyMap<string, unknown>): void {
  if (records.size === 0) return;
  doc.transact(() => {
    deleteEntries(doc, (entry) => records.has(entry.key));
    recordsOf(doc).push([...records].map(([key, val]) => ({ key, val })));
  });
}

/** Deletes the records with these ids, older entries of them included. */
export function deleteRecords(doc: Y.Doc, ids: ReadonlySet<string>): void {
  if (ids.size > 0) deleteEntries(doc, (entry) => ids.has(entry.key));
}

function deleteEntries(doc: Y.Doc, matches: (entry: Entry) => boolean): void {
  const array = recordsOf(doc);
  const entries = array.toArray();
  // From the right, so that deleting does not shift the indexes still to visit.
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (isEntry(entry) && matches(entry)) array.delete(i, 1);
  }
}
