// Building blocks for the board's unit tests: documents wired to each other in memory, a frame
// scheduler the test steps by hand, and valid records to edit.
import * as Y from 'yjs';
import { GeoShapeUtil, createShapeId, type Editor, type TLShape, type TLStore } from 'tldraw';
import type { FrameScheduler } from './recordBinding.js';

/** Delivers every update of each doc to the other, as a sync server would. */
export function connectDocs(a: Y.Doc, b: Y.Doc): () => void {
  const relay = 'test-relay';
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), relay);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), relay);
  const toB = (update: Uint8Array, origin: unknown) => {
    if (origin !== relay) Y.applyUpdate(b, update, relay);
  };
  const toA = (update: Uint8Array, origin: unknown) => {
    if (origin !== relay) Y.applyUpdate(a, update, relay);
  };
  a.on('update', toB);
  b.on('update', toA);
  return () => {
    a.off('update', toB);
    b.off('update', toA);
  };
}

export interface ManualFrames {
  schedule: FrameScheduler;
  /** Runs the frame callbacks queued so far. */
  run(): void;
  pending(): number;
}

export function manualFrames(): ManualFrames {
  let queue: (() => void)[] = [];
  return {
    schedule(flush) {
      queue.push(flush);
      return () => {
        queue = queue.filter((f) => f !== flush);
      };
    },
    run() {
      const now = queue;
      queue = [];
      for (const flush of now) flush();
    },
    pending: () => queue.length,
  };
}

const geoDefaults = new GeoShapeUtil({} as Editor).getDefaultProps();

export function geoShape(store: TLStore, key: string, x = 0): TLShape {
  return store.schema.types.shape.create({
    id: createShapeId(key),
    type: 'geo',
    parentId: 'page:page' as TLShape['parentId'],
    index: 'a1' as TLShape['index'],
    x,
    props: geoDefaults,
  }) as TLShape;
}
