// Whether the documents of one room agree: same state vector (every client has seen the same
// operations) and the same records content (same order, same values — which also covers deletions).
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { recordsArray } from './boardRecords.js';

export function docFingerprint(doc: Y.Doc): string {
  const stateVector = [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b);
  const content = createHash('sha256')
    .update(JSON.stringify(recordsArray(doc).toJSON()))
    .digest('hex');
  return `${JSON.stringify(stateVector)}:${content}`;
}

export const allEqual = (values: readonly string[]): boolean => values.every((value) => value === values[0]);
