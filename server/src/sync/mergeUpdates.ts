import * as Y from 'yjs';

/**
 * One update equivalent to all of `updates`, for compacting a document's log. Applying them to a
 * fresh document (rather than Y.mergeUpdates) lets garbage collection drop deleted content, so a
 * long session's log does not keep everything that was ever drawn and erased.
 */
export function mergeUpdates(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
