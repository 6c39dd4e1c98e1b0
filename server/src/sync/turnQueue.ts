// The end of a turn of the event loop, for every document that had traffic in it.
//
// Each document stores a turn's updates before it relays them (LiveDoc.endTurn). With 50 busy rooms,
// one commit per document per turn wrote the same pages of the log to SQLite's write-ahead log up
// to 50 times a turn. Here one setImmediate ends the turn of every document that asked: their
// updates go to the store in one transaction (each document's in a savepoint of its own, so that a
// refused one does not take the others with it), and only after that commit does any of them relay.
import type { Logger } from 'pino';
import type { DocStore } from '../storage/Storage.js';

/** A document as the queue sees it (LiveDoc). */
export interface TurnDoc {
  readonly name: string;
  /** The updates this turn stores at once, taken from the document's unsaved ones ([] for none). */
  takeTurnUpdates(): Uint8Array[];
  /** After the store answered for these updates (error null: stored): relays the turn. */
  finishTurn(stored: Uint8Array[], error: unknown): void;
}

export class TurnQueue {
  private readonly docs = new Set<TurnDoc>();
  private scheduled: NodeJS.Immediate | null = null;

  constructor(
    private readonly store: DocStore,
    private readonly logger: Logger,
  ) {}

  /** Ends the document's turn with the others' once the turn's socket reads are done. */
  schedule(doc: TurnDoc): void {
    this.docs.add(doc);
    this.scheduled ??= setImmediate(this.run);
  }

  private readonly run = (): void => {
    this.scheduled = null;
    const docs = [...this.docs];
    this.docs.clear();
    const taken = docs.map((doc) => doc.takeTurnUpdates());
    const errors = this.write(docs, taken);
    docs.forEach((doc, i) => {
      try {
        doc.finishTurn(taken[i]!, errors[i] ?? null);
      } catch (err) {
        this.logger.error({ err, doc: doc.name }, 'ending a turn failed');
      }
    });
  };

  /** Stores what the documents took; per document, null or the error that refused its updates. */
  private write(docs: readonly TurnDoc[], taken: readonly Uint8Array[][]): (unknown | null)[] {
    const store = this.store;
    const writes = docs.flatMap((doc, i) =>
      taken[i]!.length > 0 ? [{ docName: doc.name, updates: taken[i]!, i }] : [],
    );
    const errors: (unknown | null)[] = docs.map(() => null);
    if (writes.length === 0) return errors;
    if (store.appendBatchNow && writes.length > 1) {
      try {
        store.appendBatchNow(writes).forEach((error, w) => (errors[writes[w]!.i] = error));
      } catch (err) {
        for (const { i } of writes) errors[i] = err;
      }
      return errors;
    }
    for (const { docName, updates, i } of writes) {
      try {
        store.appendUpdatesNow!(docName, updates);
      } catch (err) {
        errors[i] = err ?? new Error('append failed');
      }
    }
    return errors;
  }
}
