// Peers' side of stroke previews (protocol: shared/src/strokePreview.ts): received previews are
// drawn into the local store as remote changes (never written back), kept over an older copy of the
// record arriving from the document, and dropped when the drawer goes quiet: after `timeoutMs`
// without a preview the record returns to what the document holds (the drawer left, or its final
// write is on its way). Previews that arrive before the record they extend wait for it: the
// pen-down write is stored before it is relayed, a preview is not.
import type { TLRecord, TLStore } from 'tldraw';
import type { StrokePreview } from '@vermeboard/shared';
import type { BoardDocument } from './boardDocument.js';
import { validateRemoteRecord } from './recordBinding.js';
import { applyStrokePreview, isLiveStroke, pointCount, type StrokeShape } from './strokePoints.js';

export interface StrokePreviewOptions {
  store: TLStore;
  board: BoardDocument;
  /** Registers a listener for previews from the server; returns its removal. */
  subscribe(listener: (preview: StrokePreview) => void): () => void;
  /** A preview that no newer one or finished record followed for this long is dropped. */
  timeoutMs?: number;
  now?: () => number;
}

/** Strokes previewed at once, and previews waiting for their record, before the oldest are dropped. */
const maxStrokes = 32;
const maxWaiting = 64;

interface Previewed {
  /** The record as the previews drew it; null while its first record has not arrived. */
  drawn: StrokeShape | null;
  waiting: StrokePreview[];
  lastAt: number;
}

export function bindStrokePreviews({
  store,
  board,
  subscribe,
  timeoutMs = 3000,
  now = () => performance.now(),
}: StrokePreviewOptions): () => void {
  const strokes = new Map<string, Previewed>();

  const put = (record: StrokeShape) => {
    const valid = validateRemoteRecord(store, record.id, record);
    if (!valid) return false;
    store.mergeRemoteChanges(() => store.put([valid]));
    return true;
  };

  /** Applies what waits for `id` on top of the store's record. */
  const advance = (id: string, state: Previewed): void => {
    const held = store.get(id as TLRecord['id']);
    if (!held || !isLiveStroke(held)) return;
    let record: StrokeShape = held;
    // Keep what earlier previews drew when the document's copy is older (it is stored before relay).
    if (state.drawn && pointCount(state.drawn) > pointCount(record)) {
      record = { ...record, props: { ...record.props, segments: state.drawn.props.segments } } as StrokeShape;
    }
    let progressed = true;
    while (progressed) {
      progressed = false;
      for (const [i, preview] of state.waiting.entries()) {
        const next = applyStrokePreview(record, preview);
        if (!next) continue;
        record = next;
        state.waiting.splice(i, 1);
        progressed = true;
        break;
      }
    }
    if (record !== held && put(record)) state.drawn = record;
  };

  const onPreview = (preview: StrokePreview) => {
    let state = strokes.get(preview.shapeId);
    if (!state) {
      if (strokes.size >= maxStrokes) forget(strokes.keys().next().value!);
      state = { drawn: null, waiting: [], lastAt: now() };
      strokes.set(preview.shapeId, state);
    }
    state.lastAt = now();
    state.waiting.push(preview);
    if (state.waiting.length > maxWaiting) state.waiting.shift();
    advance(preview.shapeId, state);
    timer ??= setInterval(expire, timeoutMs / 2);
  };

  /** Puts back what the document holds for a stroke whose previews stopped (its drawer left). */
  const forget = (id: string) => {
    strokes.delete(id);
    const value = board.records.get(id);
    const held = store.get(id as TLRecord['id']);
    if (value === undefined || !held) return;
    const record = validateRemoteRecord(store, id, value);
    if (record) store.mergeRemoteChanges(() => store.put([record]));
  };

  const expire = () => {
    const at = now();
    for (const [id, state] of strokes) if (at - state.lastAt > timeoutMs) forget(id);
    if (strokes.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
  let timer: ReturnType<typeof setInterval> | null = null;

  // Registered after the record binding, so the document's copy is already in the store.
  const onDocChange = (changes: Map<string, unknown>) => {
    for (const id of changes.keys()) {
      const state = strokes.get(id);
      if (!state) continue;
      const held = store.get(id as TLRecord['id']);
      // Finished or deleted: the document has the last word.
      if (!held || !isLiveStroke(held)) strokes.delete(id);
      else advance(id, state);
    }
  };
  board.records.on('change', onDocChange);
  const unsubscribe = subscribe(onPreview);

  return () => {
    unsubscribe();
    board.records.off('change', onDocChange);
    if (timer) clearInterval(timer);
    for (const id of [...strokes.keys()]) forget(id);
  };
}
