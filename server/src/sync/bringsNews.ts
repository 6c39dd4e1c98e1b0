// Whether a sync step 2 needs the document to catch up with the store first (in a cluster, where an
// instance may not yet have read what another one stored): see Connection's step 2 handling.
import * as Y from 'yjs';
import type { DecodedUpdate } from './protocol.js';

/**
 * Whether an update holds anything the document lacks: a struct past what it has of that client, or
 * a deletion of something it has not deleted (or does not have). A step 2 carries the client's whole
 * delete set, so the deletions are read against the document's structs; one that holds nothing new
 * (a reconnect without offline edits, the common case) needs no catching up.
 */
export function bringsNews(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  const store = doc.store;
  for (const struct of decoded.structs) {
    if (struct.id.clock + struct.length > Y.getState(store, struct.id.client)) return true;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = store.clients.get(client);
    const have = Y.getState(store, client);
    for (const { clock, len } of ranges) {
      if (clock + len > have || !structs) return true;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const struct = structs[i]!;
        if (struct.id.clock >= clock + len) break;
        if (!struct.deleted) return true;
      }
    }
  }
  return false;
}
