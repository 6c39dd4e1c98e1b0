// The entries a transaction added to and deleted from one Y.Array, found from what the transaction
// itself touched instead of from `event.changes`.
//
// `YEvent.changes` walks the array's whole item list, tombstones included, on every transaction.
// A board's records array is a key-value list (an edit deletes a record's entry and appends the new
// one), so its list grows by an item with every edit that lands between other people's entries, and
// the walk made every accepted update cost time in proportion to the board's history. Here the cost
// is proportional to the update: the structs created between each client's clock before and after
// the transaction, and the ranges of its delete set.
import * as Y from 'yjs';

export interface ArrayEntryChanges {
  /** Entries the transaction inserted and left in place. */
  added: unknown[];
  /** Entries that existed before the transaction and were deleted by it. */
  deleted: unknown[];
}

/**
 * Call from an observer of `target` (during the transaction's event handlers, while deleted content
 * is still there). Same entries as `event.changes.added`/`deleted`: an entry inserted and deleted in
 * the same transaction is in neither.
 */
export function arrayEntryChanges(target: Y.Array<unknown>, transaction: Y.Transaction): ArrayEntryChanges {
  const added: unknown[] = [];
  const deleted: unknown[] = [];
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = transaction.doc.store.clients.get(client);
    if (!structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i]!;
      if (struct.id.clock >= after) break;
      if (!(struct instanceof Y.Item) || struct.parent !== target || struct.deleted) continue;
      pushEntries(added, struct, Math.max(0, before - struct.id.clock));
    }
  }
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || struct.parent !== target) return;
    const created = transaction.beforeState.get(struct.id.client) ?? 0;
    // Inserted by this same transaction: neither added nor deleted.
    if (struct.id.clock >= created) return;
    // Only the part that existed before (a struct is not split at the transaction's start clock).
    const existed = Math.min(struct.length, created - struct.id.clock);
    pushEntries(deleted, struct, 0, existed);
  });
  return { added, deleted };
}

function pushEntries(into: unknown[], item: Y.Item, from: number, to = item.length): void {
  if (!(item.content instanceof Y.ContentAny)) return;
  const arr = item.content.arr;
  for (let i = from; i < to && i < arr.length; i++) into.push(arr[i]);
}
