// The tldraw store a board runs on. It uses tldraw's default shapes, bindings and assets: the
// same set <Tldraw> registers, so the store's schema and the editor's utils always agree.
import {
  createTLStore,
  defaultAssetUtils,
  defaultBindingUtils,
  defaultShapeUtils,
  type Signal,
  type TLAssetStore,
  type TLStore,
  type TLUserStore,
} from 'tldraw';

export interface BoardStoreOptions {
  assets?: TLAssetStore;
  users?: TLUserStore;
  /** tldraw makes the editor read-only while `mode` is 'readonly'. */
  collaboration?: {
    status: Signal<'online' | 'offline'> | null;
    mode?: Signal<'readonly' | 'readwrite'> | null;
  };
}

export function createBoardStore(options: BoardStoreOptions = {}): TLStore {
  return createTLStore({
    shapeUtils: defaultShapeUtils,
    bindingUtils: defaultBindingUtils,
    assetUtils: defaultAssetUtils,
    ...options,
  });
}
