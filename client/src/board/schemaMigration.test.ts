// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { SerializedSchemaV2, TLRecord } from 'tldraw';
import { BOARD_SCHEMA_VERSION, META_SCHEMA_VERSION, META_TLDRAW_SCHEMA } from '@vermeboard/shared';
import { openBoardDocument } from './boardDocument.js';
import { createBoardStore } from './boardStore.js';
import { compareTldrawSchemas, ensureBoardSchema } from './schemaMigration.js';
import { geoShape } from './boardTestKit.js';

const store = createBoardStore();
const ours = store.schema.serialize();

function withSequence(sequenceId: string, version: number): SerializedSchemaV2 {
  return { ...ours, sequences: { ...ours.sequences, [sequenceId]: version } };
}

describe('compareTldrawSchemas', () => {
  it('orders schemas by their migration sequences', () => {
    expect(compareTldrawSchemas(ours, ours)).toBe('same');
    expect(compareTldrawSchemas(ours, withSequence('com.tldraw.shape.geo', 1))).toBe('older');
    expect(compareTldrawSchemas(ours, withSequence('com.tldraw.shape.geo', 999))).toBe('newer');
    expect(compareTldrawSchemas(ours, withSequence('com.tldraw.shape.hologram', 0))).toBe('newer');
    expect(compareTldrawSchemas(ours, { ...ours, schemaVersion: 3 })).toBe('newer');
    expect(compareTldrawSchemas(ours, { schemaVersion: 2, sequences: { x: 'one' } })).toBe('unreadable');
    expect(compareTldrawSchemas(ours, 'v2')).toBe('unreadable');
  });
});

describe('ensureBoardSchema', () => {
  it('writes this client’s schema into an empty document', () => {
    const board = openBoardDocument(new Y.Doc());
    expect(ensureBoardSchema(board, store.schema)).toEqual({ kind: 'initialised' });
    expect(board.meta.get(META_SCHEMA_VERSION)).toBe(BOARD_SCHEMA_VERSION);
    expect(board.meta.get(META_TLDRAW_SCHEMA)).toEqual(ours);
    expect(ensureBoardSchema(board, store.schema)).toEqual({ kind: 'current' });
  });

  it('migrates the records of an older document and records the new schema', () => {
    const current = geoShape(store, 'old');
    const older = withSequence('com.tldraw.shape.geo', 10);
    const down = store.schema.migratePersistedRecord(current, older, 'down');
    if (down.type !== 'success') throw new Error(`cannot build an old record: ${down.reason}`);
    expect(down.value).not.toEqual(current);

    const board = openBoardDocument(new Y.Doc());
    board.doc.transact(() => {
      board.meta.set(META_SCHEMA_VERSION, BOARD_SCHEMA_VERSION);
      board.meta.set(META_TLDRAW_SCHEMA, older);
      board.records.set(current.id, down.value);
    });

    expect(ensureBoardSchema(board, store.schema)).toEqual({ kind: 'migrated', records: 1 });
    expect(board.records.get(current.id)).toEqual(current);
    expect(board.meta.get(META_TLDRAW_SCHEMA)).toEqual(ours);
  });

  it('leaves a document made by a newer Vermeboard untouched and reports it', () => {
    const board = openBoardDocument(new Y.Doc());
    board.meta.set(META_SCHEMA_VERSION, BOARD_SCHEMA_VERSION + 1);
    board.meta.set(META_TLDRAW_SCHEMA, ours);
    const before = Y.encodeStateVector(board.doc);
    expect(ensureBoardSchema(board, store.schema)).toEqual({ kind: 'newer', by: 'vermeboard' });
    expect(Y.encodeStateVector(board.doc)).toEqual(before);
  });

  it('reports a document made by a newer tldraw', () => {
    const board = openBoardDocument(new Y.Doc());
    board.meta.set(META_SCHEMA_VERSION, BOARD_SCHEMA_VERSION);
    board.meta.set(META_TLDRAW_SCHEMA, withSequence('com.tldraw.shape.note', 1000));
    board.records.set('shape:x', { id: 'shape:x', typeName: 'shape' } as unknown as TLRecord);
    expect(ensureBoardSchema(board, store.schema)).toEqual({ kind: 'newer', by: 'tldraw' });
  });

  it('refuses a schema it cannot read', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const board = openBoardDocument(new Y.Doc());
    board.meta.set(META_SCHEMA_VERSION, 'one');
    expect(ensureBoardSchema(board, store.schema)).toEqual({ kind: 'unreadable' });
  });
});
