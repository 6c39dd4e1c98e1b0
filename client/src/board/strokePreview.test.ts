// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { b64Vecs, createShapeId, DrawShapeUtil, type Editor, type TLShape, type TLStore, type VecModel } from 'tldraw';
import { decodeStrokePreview, encodeStrokePreview, type StrokePreview } from '@vermeboard/shared';
import { openBoardDocument, type BoardDocument } from './boardDocument.js';
import { createBoardStore } from './boardStore.js';
import { connectDocs, manualFrames, type ManualFrames } from './boardTestKit.js';
import { bindRecords } from './recordBinding.js';
import { bindStrokePreviews } from './strokePreviewBinding.js';
import { segmentsOf, type StrokeShape } from './strokePoints.js';

const drawDefaults = new DrawShapeUtil({} as Editor).getDefaultProps();
const strokeId = createShapeId('stroke');

function points(n: number): VecModel[] {
  return Array.from({ length: n }, (_, i) => ({ x: i * 2, y: Math.round(Math.sin(i / 5) * 40) }));
}

function stroke(store: TLStore, n: number, isComplete: boolean): TLShape {
  return store.schema.types.shape.create({
    id: strokeId,
    type: 'draw',
    parentId: 'page:page' as TLShape['parentId'],
    index: 'a2' as TLShape['index'],
    props: {
      ...drawDefaults,
      segments: [{ type: 'free', path: b64Vecs.encodePoints(points(n), 2), dim: 2 }],
      isComplete,
    },
  }) as TLShape;
}

interface Side {
  doc: Y.Doc;
  board: BoardDocument;
  store: TLStore;
  frames: ManualFrames;
  dispose: () => void;
}

/** A drawer and a watcher whose documents are connected, with previews carried as wire frames. */
function pair() {
  const clock = { ms: 0 };
  const listeners = new Set<(p: StrokePreview) => void>();
  const sent: Uint8Array[] = [];
  /** Set to false to hold previews back (they are kept in `held`). */
  const wire = { open: true, held: [] as Uint8Array[] };
  const deliver = (frame: Uint8Array) => {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarUint(decoder);
    const preview = decodeStrokePreview(decoder);
    for (const listener of listeners) listener(preview);
  };
  const side = (preview: boolean): Side => {
    const doc = new Y.Doc();
    const board = openBoardDocument(doc);
    const store = createBoardStore();
    const frames = manualFrames();
    const stops = [
      bindRecords({
        store,
        board,
        schedule: frames.schedule,
        now: () => clock.ms,
        ...(preview
          ? {
              sendPreview: (p: StrokePreview) => {
                const frame = encodeStrokePreview(p);
                sent.push(frame);
                if (wire.open) deliver(frame);
                else wire.held.push(frame);
              },
            }
          : {}),
      }),
    ];
    if (!preview) {
      stops.push(
        bindStrokePreviews({
          store,
          board,
          subscribe: (l) => {
            listeners.add(l);
            return () => listeners.delete(l);
          },
          now: () => clock.ms,
          timeoutMs: 3000,
        }),
      );
    }
    store.mergeRemoteChanges(() => {});
    frames.run();
    return { doc, board, store, frames, dispose: () => stops.reverse().forEach((s) => s()) };
  };
  const drawer = side(true);
  const watcher = side(false);
  const disconnect = connectDocs(drawer.doc, watcher.doc);
  return { clock, drawer, watcher, sent, wire, deliver, disconnect };
}

const pointsIn = (store: TLStore) => {
  const shape = store.get(strokeId) as StrokeShape | undefined;
  return shape ? segmentsOf(shape)[0]!.points.length : 0;
};

afterEach(() => vi.useRealTimers());

describe('stroke previews', () => {
  it('show a stroke growing to a watcher while the document gets only a few writes, and converge', () => {
    vi.useFakeTimers();
    const { clock, drawer, watcher, sent } = pair();
    const writes: number[] = [];
    drawer.doc.on('update', (update: Uint8Array) => writes.push(update.byteLength));

    // Six seconds at 60 frames a second, a point a frame.
    for (let frame = 1; frame <= 360; frame++) {
      clock.ms = (frame * 1000) / 60;
      drawer.store.put([stroke(drawer.store, frame, false)]);
      drawer.frames.run();
      // The watcher is never more than a preview (a twelfth of a second) behind.
      expect(pointsIn(watcher.store)).toBeGreaterThanOrEqual(frame - 5);
    }
    // Pen-down plus safety-net writes each at least three times the points of the one before.
    expect(writes.length).toBeLessThanOrEqual(5);
    expect(sent.length).toBeGreaterThanOrEqual(6 * 10);
    expect(sent.length).toBeLessThanOrEqual(6 * 12 + 1);
    expect(watcher.board.records.get(strokeId)).not.toEqual(watcher.store.get(strokeId));

    clock.ms += 16;
    drawer.store.put([stroke(drawer.store, 361, true)]);
    drawer.frames.run();
    expect(watcher.store.get(strokeId)).toEqual(drawer.store.get(strokeId));
    // Bytes: every document update and every preview, against the finished record.
    const bytes = writes.reduce((n, b) => n + b, 0) + sent.reduce((n, f) => n + f.byteLength, 0);
    const record = new TextEncoder().encode(JSON.stringify(drawer.store.get(strokeId))).byteLength;
    expect(bytes).toBeLessThanOrEqual(10 * record);
    // The finished record ends the preview: nothing reverts it later.
    clock.ms += 10_000;
    vi.advanceTimersByTime(10_000);
    expect(watcher.store.get(strokeId)).toEqual(drawer.store.get(strokeId));
  });

  it('apply previews that arrive before the record they extend once it comes', () => {
    const { clock, drawer, watcher, disconnect } = pair();
    disconnect();
    clock.ms = 10;
    drawer.store.put([stroke(drawer.store, 1, false)]);
    drawer.frames.run();
    for (let frame = 2; frame <= 12; frame++) {
      clock.ms = frame * 100;
      drawer.store.put([stroke(drawer.store, frame, false)]);
      drawer.frames.run();
    }
    expect(watcher.store.get(strokeId)).toBeUndefined();
    // The pen-down write arrives late (it is stored before it is relayed).
    connectDocs(drawer.doc, watcher.doc);
    expect(pointsIn(watcher.store)).toBe(12);
  });

  it('put back what the document holds when the previews stop', () => {
    vi.useFakeTimers();
    const { clock, drawer, watcher, wire } = pair();
    for (let frame = 1; frame <= 30; frame++) {
      clock.ms = frame * 100;
      drawer.store.put([stroke(drawer.store, frame, false)]);
      drawer.frames.run();
    }
    expect(pointsIn(watcher.store)).toBe(30);
    const inDoc = segmentsOf(watcher.board.records.get(strokeId) as StrokeShape)[0]!.points.length;
    expect(inDoc).toBeLessThan(30);
    // The drawer's connection went away: no more previews, no final record.
    wire.open = false;
    clock.ms += 3500;
    vi.advanceTimersByTime(3500);
    expect(pointsIn(watcher.store)).toBe(inDoc);
  });

  it('skip a preview that does not follow on from what the watcher holds', () => {
    const { clock, drawer, watcher, wire, deliver } = pair();
    drawer.store.put([stroke(drawer.store, 1, false)]);
    drawer.frames.run();
    wire.open = false;
    clock.ms = 100;
    drawer.store.put([stroke(drawer.store, 5, false)]);
    drawer.frames.run();
    clock.ms = 200;
    drawer.store.put([stroke(drawer.store, 9, false)]);
    drawer.frames.run();
    // The first preview was lost: the second starts past what the watcher has and waits.
    deliver(wire.held[1]!);
    expect(pointsIn(watcher.store)).toBe(1);
    deliver(wire.held[0]!);
    expect(pointsIn(watcher.store)).toBe(9);
  });
});
