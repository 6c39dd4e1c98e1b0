// Binds a tldraw store to the board document, one Yjs entry per record.
//
// Local → doc: user changes to document-scope records mark ids dirty; once per frame the dirty ids
// are written in one transaction, each with the store's *current* value (or deleted). Reading the
// store at flush time rather than the value in the change event keeps the doc equal to the store
// even when a remote change to the same record landed in between, and comparing with the doc's
// value first means an unchanged record is never rewritten (and a remote change is never echoed).
//
// A freehand stroke still being drawn (a draw or highlight shape whose `isComplete` is false) grows
// every animation frame, and each write sends the whole record to everyone. With `sendPreview` (the
// board) it is written at pen-down and when finished, and in between its new points go out as stroke
// previews (shared/src/strokePreview.ts) `liveStrokesPerSecond` times a second; as a safety net for
// peers that missed previews it is also written again when it has tripled in points since its last
// write, at most every `strokeSafetyNetMs`, so those writes add up to about half a finished record.
// Without `sendPreview` it is written at most `liveStrokesPerSecond` times a second. Either way it is
// written at once when it is finished, deleted or the binding stops.
//
// Doc → store: changes from any other origin are validated one record at a time and applied with
// `mergeRemoteChanges`, so tldraw marks them 'remote' (no undo entry, no write back).
import type * as Y from 'yjs';
import { isEqual, type TLRecord, type TLStore } from 'tldraw';
import type { StrokePreview } from '@vermeboard/shared';
import type { BoardDocument } from './boardDocument.js';
import {
  isLiveStroke,
  pointCount,
  segmentsOf,
  strokePreviews,
  type SentSegment,
  type StrokeShape,
} from './strokePoints.js';

/** Runs `flush` soon (once per animation frame in the browser); returns a cancel function. */
export type FrameScheduler = (flush: () => void) => () => void;

export interface RecordBindingOptions {
  store: TLStore;
  board: BoardDocument;
  /** Injected so tests can flush by hand; defaults to the next animation frame. */
  schedule?: FrameScheduler;
  /** Whether local changes may be written. An observer's doc must not diverge from the server's. */
  canWrite?: () => boolean;
  /**
   * Which records this document holds, when one store is bound to two documents (the board and a
   * participant's private notes). Records it does not own are never written here, and a remote
   * delete only removes a record the store still holds as this document's: a private note that was
   * revealed onto the board must survive its removal from the private document.
   */
  owns?: (record: TLRecord) => boolean;
  /** A clock in milliseconds, injected by tests; `performance.now()` by default. */
  now?: () => number;
  /** Sends a stroke preview to the document's other connections (the board's transport). */
  sendPreview?: (preview: StrokePreview) => void;
  /** Told when this user starts and stops drawing a stroke (presence pauses meanwhile). */
  onDrawing?: (drawing: boolean) => void;
}

/** How often a stroke still being drawn is sent: often enough to look live, a fifth of every frame. */
export const liveStrokesPerSecond = 12;
/** Least time between two safety-net writes of a stroke being previewed. */
export const strokeSafetyNetMs = 2000;

/** What peers were last given of a stroke this user is drawing. */
interface DrawnStroke {
  writtenAt: number;
  writtenPoints: number;
  sentAt: number;
  sent: SentSegment[];
}

type KeyValueChange = { action: 'add' | 'update'; newValue: unknown } | { action: 'delete' };

/**
 * Loads the document into the store, then keeps both in step. Returns a function that writes any
 * pending local changes and stops the binding.
 */
export function bindRecords({
  store,
  board,
  schedule = scheduleNextFrame,
  canWrite = () => true,
  owns = () => true,
  now = () => performance.now(),
  sendPreview,
  onDrawing,
}: RecordBindingOptions): () => void {
  const { doc, records } = board;
  // Our own transactions carry this origin so that their change events are not applied back.
  const origin = { name: 'vermeboard:record-binding' };
  const dirty = new Set<TLRecord['id']>();
  let cancelFlush: (() => void) | null = null;
  /** When each stroke still being drawn was last written. */
  const strokeWrittenAt = new Map<TLRecord['id'], number>();
  // Less a few milliseconds, so that a stroke is sent every fifth of 60 frames, not every sixth.
  const strokeIntervalMs = 1000 / liveStrokesPerSecond - 4;
  const drawing = new Map<TLRecord['id'], DrawnStroke>();
  let wasDrawing = false;

  /** Writes a live stroke or sends its new points; false when it is to wait for a later frame. */
  const sendLiveStroke = (stroke: StrokeShape, send: (p: StrokePreview) => void, at: number, all: boolean) => {
    const state = drawing.get(stroke.id);
    if (state && !all && at - state.sentAt < strokeIntervalMs) return false;
    const points = pointCount(stroke);
    const safetyNet = state && at - state.writtenAt >= strokeSafetyNetMs && points >= 3 * state.writtenPoints;
    const diff = state && !all && !safetyNet ? strokePreviews(stroke, state.sent) : null;
    if (diff && state) {
      for (const preview of diff.previews) send(preview);
      state.sent = diff.sent;
      state.sentAt = at;
      return true;
    }
    if (!isEqual(records.get(stroke.id), stroke)) records.set(stroke.id, stroke);
    drawing.set(stroke.id, { writtenAt: at, writtenPoints: points, sentAt: at, sent: segmentsOf(stroke) });
    return true;
  };

  const flush = (all = false) => {
    cancelFlush = null;
    if (dirty.size === 0) return;
    const ids = [...dirty];
    dirty.clear();
    if (!canWrite()) return;
    const at = now();
    doc.transact(() => {
      for (const id of ids) {
        const current = store.get(id);
        if (current && owns(current) && sendPreview && isLiveStroke(current)) {
          strokeWrittenAt.delete(id);
          if (!sendLiveStroke(current, sendPreview, at, all)) dirty.add(id);
        } else if (current && owns(current)) {
          drawing.delete(id);
          if (isLiveStroke(current)) {
            if (!all && at - (strokeWrittenAt.get(id) ?? -Infinity) < strokeIntervalMs) {
              dirty.add(id);
              continue;
            }
            strokeWrittenAt.set(id, at);
          } else {
            strokeWrittenAt.delete(id);
          }
          if (!isEqual(records.get(id), current)) records.set(id, current);
        } else {
          strokeWrittenAt.delete(id);
          drawing.delete(id);
          // Deleted here, or now owned by the other document (a note revealed or made private).
          if (records.has(id)) records.delete(id);
        }
      }
    }, origin);
    if (wasDrawing !== drawing.size > 0) {
      wasDrawing = drawing.size > 0;
      onDrawing?.(wasDrawing);
    }
    // A stroke held back is tried again next frame.
    if (dirty.size > 0) cancelFlush = schedule(() => flush());
  };

  // Listen before the initial load: records tldraw creates to make an empty store usable (the
  // document record, the first page) are user changes that belong in the doc too.
  const stopListening = store.listen(
    ({ changes }) => {
      for (const id of Object.keys(changes.added)) dirty.add(id as TLRecord['id']);
      for (const id of Object.keys(changes.updated)) dirty.add(id as TLRecord['id']);
      for (const id of Object.keys(changes.removed)) dirty.add(id as TLRecord['id']);
      if (dirty.size > 0 && !cancelFlush) cancelFlush = schedule(() => flush());
    },
    { source: 'user', scope: 'document' },
  );

  const onDocChange = (changes: Map<string, KeyValueChange>, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return;
    applyRemote(store, changes, owns);
  };
  records.on('change', onDocChange);

  const initial = new Map<string, KeyValueChange>();
  for (const [id, entry] of records.map) initial.set(id, { action: 'add', newValue: entry.val });
  applyRemote(store, initial, owns);

  return () => {
    records.off('change', onDocChange);
    stopListening();
    cancelFlush?.();
    flush(true);
  };
}

function applyRemote(store: TLStore, changes: Map<string, KeyValueChange>, owns: (r: TLRecord) => boolean): void {
  const toPut: TLRecord[] = [];
  const toRemove: TLRecord['id'][] = [];
  for (const [id, change] of changes) {
    if (change.action === 'delete') {
      const held = store.get(id as TLRecord['id']);
      if (held && owns(held) && isDocumentRecordId(store, id)) toRemove.push(held.id);
      continue;
    }
    const record = validateRemoteRecord(store, id, change.newValue);
    // A document may only plant the records it owns: a board record marked private is refused.
    if (record && owns(record)) toPut.push(record);
  }
  if (toPut.length === 0 && toRemove.length === 0) return;
  try {
    store.mergeRemoteChanges(() => {
      if (toRemove.length > 0) store.remove(toRemove);
      if (toPut.length > 0) store.put(toPut);
    });
  } catch (error) {
    // Each record passed validation on its own, so this is a cross-record problem (a side effect
    // tldraw could not apply). Keep syncing; the next change to these records retries them.
    console.warn('[board] could not apply remote changes:', error);
  }
}

/**
 * Checks one record from the network against this client's schema. Only document-scope records
 * belong in the board document: a peer must not be able to plant session or presence state.
 */
export function validateRemoteRecord(store: TLStore, id: string, value: unknown): TLRecord | null {
  try {
    if (typeof value !== 'object' || value === null) throw new Error('not an object');
    const { id: recordId, typeName } = value as { id?: unknown; typeName?: unknown };
    if (recordId !== id) throw new Error('id does not match its key');
    if (typeof typeName !== 'string' || !Object.hasOwn(store.schema.types, typeName)) {
      throw new Error(`unknown record type ${String(typeName)}`);
    }
    const recordType = store.schema.types[typeName as TLRecord['typeName']];
    if (recordType.scope !== 'document') throw new Error(`${typeName} records are not shared`);
    const before = store.get(id as TLRecord['id']);
    return recordType.validate(value, before) as TLRecord;
  } catch (error) {
    console.warn(`[board] skipped invalid record ${id.slice(0, 80)}:`, error);
    return null;
  }
}

function isDocumentRecordId(store: TLStore, id: string): boolean {
  const record = store.get(id as TLRecord['id']);
  return record !== undefined && store.schema.types[record.typeName].scope === 'document';
}

/**
 * The next animation frame, with a timer as a backstop: browsers pause animation frames in
 * background tabs, and a change made just before switching tabs must still be sent.
 */
export const scheduleNextFrame: FrameScheduler = (flush) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    flush();
  };
  const frame = requestAnimationFrame(run);
  const timer = setTimeout(run, 250);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};
