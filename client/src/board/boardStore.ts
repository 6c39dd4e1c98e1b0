// The tldraw store a board runs on. It uses tldraw's default shapes, bindings and assets, with the
// board's own note (noteShape.ts) in place of tldraw's: the same set <Tldraw> registers when given
// `boardShapeUtils`, so the store's schema and the editor's utils always agree.
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
import { BoardNoteShapeUtil } from './noteShape.js';

/** The shape utils the board uses in place of tldraw's defaults (for <Tldraw shapeUtils>). */
export const boardShapeUtils = [BoardNoteShapeUtil];

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
    shapeUtils: defaultShapeUtils.map((util) => boardShapeUtils.find((own) => own.type === util.type) ?? util),
    bindingUtils: defaultBindingUtils,
    assetUtils: defaultAssetUtils,
    ...options,
  });
}
