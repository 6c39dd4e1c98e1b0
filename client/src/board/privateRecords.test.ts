// @vitest-environment node
// One store bound to the board document and to a private-notes document: private notes never reach
// the board document, and a revealed note survives its removal from the private one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { TLShape, TLStore } from 'tldraw';
import { PRIVATE_META } from '@vermeboard/shared';
import { openBoardDocument } from './boardDocument.js';
import { createBoardStore } from './boardStore.js';
import { connectDocs, geoShape, manualFrames } from './boardTestKit.js';
import { isBoardRecord, isPrivateRecord } from './privateRecords.js';
import { bindRecords } from './recordBinding.js';

afterEach(() => vi.restoreAllMocks());

function privateShape(store: TLStore, key: string): TLShape {
  const shape = geoShape(store, key);
  return { ...shape, meta: { [PRIVATE_META.private]: true, [PRIVATE_META.author]: 'alice-0001' } };
}

function twoDocStore() {
  const store = createBoardStore();
  const boardDoc = new Y.Doc();
  const privateDoc = new Y.Doc();
  const board = openBoardDocument(boardDoc);
  const notes = openBoardDocument(privateDoc);
  const frames = manualFrames();
  const stopBoard = bindRecords({ store, board, owns: isBoardRecord, schedule: frames.schedule });
  const stopNotes = bindRecords({ store, board: notes, owns: isPrivateRecord, schedule: frames.schedule });
  store.mergeRemoteChanges(() => {});
  frames.run();
  return { store, board, notes, boardDoc, privateDoc, frames, dispose: () => (stopNotes(), stopBoard()) };
}

describe('private notes beside the board', () => {
  it('writes a private note only to the private document and a board shape only to the board', () => {
    const { store, board, notes, frames } = twoDocStore();
    const mine = privateShape(store, 'mine');
    const shared = geoShape(store, 'shared');
    store.put([mine, shared]);
    frames.run();
    expect(notes.records.has(mine.id)).toBe(true);
    expect(board.records.has(mine.id)).toBe(false);
    expect(board.records.has(shared.id)).toBe(true);
    expect(notes.records.has(shared.id)).toBe(false);
    // The page and document records belong to the board alone.
    expect([...notes.records.map.keys()]).toEqual([mine.id]);
  });

  it('loads private notes from the private document into the store', () => {
    const first = twoDocStore();
    const mine = privateShape(first.store, 'mine');
    first.store.put([mine]);
    first.frames.run();

    const second = twoDocStore();
    connectDocs(first.privateDoc, second.privateDoc);
    expect(second.store.get(mine.id)?.meta).toEqual(mine.meta);
  });

  it('keeps a revealed note when the server removes it from the private document', () => {
    const { store, board, notes, frames } = twoDocStore();
    const mine = privateShape(store, 'mine');
    store.put([mine]);
    frames.run();

    // The server's reveal: a copy without the private marks on the board, then the private one removed.
    const { meta: _meta, ...plain } = mine;
    board.records.set(mine.id, { ...plain, meta: {} });
    notes.records.delete(mine.id);
    expect(store.get(mine.id)?.meta).toEqual({});

    // Deleted first and copied after works the same.
    const other = privateShape(store, 'other');
    store.put([other]);
    frames.run();
    notes.records.delete(other.id);
    expect(store.get(other.id)).toBeUndefined();
    board.records.set(other.id, { ...other, meta: {} });
    expect(store.get(other.id)?.meta).toEqual({});
  });

  it('refuses a record marked private that arrives through the board document', () => {
    const { store, board } = twoDocStore();
    const planted = privateShape(store, 'planted');
    board.records.set(planted.id, planted);
    expect(store.get(planted.id)).toBeUndefined();
  });

  it('edits a revealed note on the board, not in the private document', () => {
    const { store, board, notes, frames } = twoDocStore();
    const shape = geoShape(store, 'revealed');
    board.records.set(shape.id, shape);
    store.put([{ ...shape, x: 42 }]);
    frames.run();
    expect((board.records.get(shape.id) as TLShape).x).toBe(42);
    expect(notes.records.has(shape.id)).toBe(false);
  });
});
